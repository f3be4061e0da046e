"""Una fecha de actividad o de meta cae fuera del periodo del plan.

Las actividades y las metas de los compromisos se cumplen dentro del periodo del plan de acción
(`periodo.inicio` a `periodo.fin`): una fecha fuera de él suele ser un error de escritura, o un
compromiso que el plan no alcanza a cumplir. Se revisan el `inicio` y el `fin` de cada actividad
y la `fecha_meta` del indicador de cada meta.

Incorrecto (el plan termina el 2027-04-30):

    periodo:
      inicio: 2025-05-01
      fin: 2027-04-30
    compromisos:
      - id: c1
        actividades:
          - id: c1-a2
            inicio: 2025-09-01
            fin: 2027-12-31

Correcto:

    periodo:
      inicio: 2025-05-01
      fin: 2027-04-30
    compromisos:
      - id: c1
        actividades:
          - id: c1-a2
            inicio: 2025-09-01
            fin: 2027-03-31
"""

from collections.abc import Iterator
from datetime import date

from caja_ga.modelos.base import Periodo
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import actividades, metas


@regla("GA303", "fecha-fuera-del-plan", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    periodo = ctx.carpeta.plan.periodo if ctx.carpeta.plan else None
    if periodo is None:
        return
    for doc, ruta, actividad in actividades(ctx):
        cosa = f"La actividad «{actividad.id}»"
        yield from _fuera(periodo, actividad.inicio, f"{cosa} empieza", doc, (*ruta, "inicio"))
        yield from _fuera(periodo, actividad.fin, f"{cosa} termina", doc, (*ruta, "fin"))
    for doc, ruta, meta in metas(ctx):
        if meta.indicador is not None:
            yield from _fuera(
                periodo,
                meta.indicador.fecha_meta,
                f"La meta «{meta.id}» debe cumplirse",
                doc,
                (*ruta, "indicador", "fecha_meta"),
            )


def _fuera(
    periodo: Periodo, fecha: date | None, sujeto: str, doc: Documento, ruta: Ruta
) -> Iterator[Hallazgo]:
    # Cada límite se revisa por separado: si falta uno, el otro todavía sirve.
    if fecha is None:
        return
    if periodo.inicio is not None and fecha < periodo.inicio:
        yield Hallazgo(
            f"{sujeto} el «{fecha}», antes del inicio del plan («{periodo.inicio}»); "
            "corrige la fecha o el «periodo» del plan.",
            doc,
            ruta,
        )
    elif periodo.fin is not None and fecha > periodo.fin:
        yield Hallazgo(
            f"{sujeto} el «{fecha}», después del fin del plan («{periodo.fin}»); "
            "corrige la fecha o el «periodo» del plan.",
            doc,
            ruta,
        )
