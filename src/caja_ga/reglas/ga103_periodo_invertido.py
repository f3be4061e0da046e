"""Un periodo termina antes de empezar.

Cada periodo del proceso tiene una fecha de inicio y una de fin: el periodo de gobierno, el del
plan de acción, el de cada actividad, la convocatoria del Núcleo (publicación y cierre) y el
encargo de cada integrante del Espacio (`desde` y `hasta`). Si el fin es anterior al inicio, las
fechas están invertidas o una tiene un error de escritura, y las reglas que dependen de ellas
(actividades vencidas, periodo del plan, integrantes activos) darían resultados falsos. Se señala
la fecha de fin.

Incorrecto:

    actividades:
      - id: c1-a1
        inicio: 2025-08-31
        fin: 2025-05-01

Correcto:

    actividades:
      - id: c1-a1
        inicio: 2025-05-01
        fin: 2025-08-31
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from caja_ga.modelos.base import Periodo
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.proceso import CarpetaProceso
from caja_ga.reglas import Contexto, Exigencia, regla


@dataclass(frozen=True)
class _Par:
    """Un periodo dentro de un documento: qué es, dónde está y sus dos fechas."""

    que: str
    ruta: Ruta  # el mapeo que contiene las dos fechas
    inicio: date | None
    fin: date | None
    clave_inicio: str = "inicio"
    clave_fin: str = "fin"


@regla("GA103", "periodo-invertido", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for clase, pares in _periodos(ctx.carpeta):
        doc = ctx.carpeta.documentos[clase]
        for par in pares:
            if par.inicio is not None and par.fin is not None and par.fin < par.inicio:
                yield _hallazgo(doc, par)


def _hallazgo(doc: Documento, par: _Par) -> Hallazgo:
    return Hallazgo(
        f"{par.que} tiene «{par.clave_fin}: {par.fin}», anterior a «{par.clave_inicio}: "
        f"{par.inicio}»; corrige una de las dos fechas (quizá están invertidas).",
        doc,
        (*par.ruta, par.clave_fin),
    )


def _periodos(carpeta: CarpetaProceso) -> Iterator[tuple[str, list[_Par]]]:
    """(clase de documento, periodos) de cada archivo con modelo válido."""
    if carpeta.proceso:
        yield (
            "proceso",
            _periodo(
                "El periodo de gobierno", ("periodo_gobierno",), carpeta.proceso.periodo_gobierno
            ),
        )
    if carpeta.plan:
        pares = _periodo("El periodo del plan", ("periodo",), carpeta.plan.periodo)
        for i, compromiso in enumerate(carpeta.plan.compromisos):
            for j, actividad in enumerate(compromiso.actividades):
                pares.append(
                    _Par(
                        f"La actividad «{actividad.id}»",
                        ("compromisos", i, "actividades", j),
                        actividad.inicio,
                        actividad.fin,
                    )
                )
        yield "plan", pares
    if carpeta.nucleo and carpeta.nucleo.convocatoria:
        convocatoria = carpeta.nucleo.convocatoria
        yield (
            "nucleo",
            [
                _Par(
                    "La convocatoria del Núcleo",
                    ("convocatoria",),
                    convocatoria.fecha_publicacion,
                    convocatoria.fecha_cierre,
                    "fecha_publicacion",
                    "fecha_cierre",
                )
            ],
        )
    if carpeta.espacio:
        yield (
            "espacio",
            [
                _Par(
                    f"El encargo de «{integrante.id}» en el Espacio",
                    ("integrantes", i),
                    integrante.desde,
                    integrante.hasta,
                    "desde",
                    "hasta",
                )
                for i, integrante in enumerate(carpeta.espacio.integrantes)
            ],
        )
    if carpeta.cocreacion and carpeta.cocreacion.consulta:
        consulta = carpeta.cocreacion.consulta
        yield (
            "cocreacion",
            [_Par("La consulta del plan", ("consulta",), consulta.inicio, consulta.fin)],
        )


def _periodo(que: str, ruta: Ruta, periodo: Periodo | None) -> list[_Par]:
    return [] if periodo is None else [_Par(que, ruta, periodo.inicio, periodo.fin)]
