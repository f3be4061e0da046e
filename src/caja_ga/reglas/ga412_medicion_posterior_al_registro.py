"""Una medición tiene fecha posterior a la del reporte (o la evaluación) que la registra.

Un reporte de avance dice lo que se sabía a su fecha de corte, y la evaluación lo que se sabía al
evaluar: no puede traer un valor medido después. Casi siempre es un error de escritura en una de
las dos fechas; si no, el valor pertenece a un reporte posterior. Es un error porque publicarlo
con la fecha del reporte adelantaría un dato que aún no existía.

Incorrecto:

    fecha_corte: 2026-03-31
    indicadores:
      - meta: c1-m1
        valor: 40
        fecha: 2026-06-30

Correcto (sin `fecha`, la medición toma la del reporte):

    fecha_corte: 2026-03-31
    indicadores:
      - meta: c1-m1
        valor: 40
        fecha: 2026-03-15
"""

from collections.abc import Iterator
from datetime import date

from caja_ga.modelos.evaluacion import Evaluacion
from caja_ga.modelos.seguimiento import MedicionIndicador, Seguimiento
from caja_ga.problemas import Documento, Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA412", "medicion-posterior-al-registro", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc in ctx.carpeta.seguimientos:
        if isinstance(doc.modelo, Seguimiento):
            reporte = doc.modelo
            yield from _revisar(doc, reporte.indicadores, reporte.fecha_corte, "fecha de corte")
    doc_evaluacion = ctx.carpeta.documentos.get("evaluacion")
    if doc_evaluacion is not None and isinstance(doc_evaluacion.modelo, Evaluacion):
        evaluacion = doc_evaluacion.modelo
        yield from _revisar(doc_evaluacion, evaluacion.indicadores, evaluacion.fecha, "fecha")


def _revisar(
    doc: Documento, indicadores: list[MedicionIndicador], fecha: date | None, que: str
) -> Iterator[Hallazgo]:
    if fecha is None:
        return
    for i, medicion in enumerate(indicadores):
        if medicion.fecha is None or medicion.fecha <= fecha:
            continue
        yield Hallazgo(
            f"La medición de la meta «{medicion.meta}» tiene fecha «{medicion.fecha}», posterior "
            f"a la {que} «{fecha}» del archivo que la registra; corrige la fecha o anótala en un "
            "reporte de avance posterior.",
            doc,
            ("indicadores", i, "fecha"),
        )
