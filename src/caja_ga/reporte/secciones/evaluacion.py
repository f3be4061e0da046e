"""Sección «Evaluación final»: la calificación de cada compromiso con las escalas del IRM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.avance import porcentaje
from caja_ga.modelos.evaluacion import EvaluacionCompromiso
from caja_ga.modelos.plan import Compromiso
from caja_ga.reporte import etiquetas as et
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluacionCompromisoReporte:
    id: str
    titulo: str | None
    cumplimiento: str | None
    nivel_cumplimiento: int  # 1 a 5 en la escala; 0 sin calificar
    abrio_gobierno: str | None
    nivel_abrio: int
    justificacion: str | None
    lecciones: str | None
    texto_avance: str | None  # el avance calculado, para leerlo junto a la calificación


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluacionReporte:
    fecha: date | None
    evaluador: str | None
    nombre_evaluador: str | None
    url: str | None
    compromisos: list[EvaluacionCompromisoReporte]


def contexto(vista: Vista) -> EvaluacionReporte | None:
    evaluacion, plan = vista.evaluacion, vista.carpeta.plan
    if evaluacion is None:
        return None
    del_plan = {c.id: c for c in plan.compromisos} if plan else {}
    compromisos = []
    for evaluado in evaluacion.compromisos:
        compromiso = del_plan.get(evaluado.id)
        situacion = vista.calendario.compromisos.get(compromiso.id) if compromiso else None
        avance = situacion.avance if situacion else None
        compromisos.append(calificacion(evaluado, compromiso, avance))
    evaluador = evaluacion.evaluador
    return EvaluacionReporte(
        fecha=evaluacion.fecha,
        evaluador=et.etiqueta(et.EVALUADORES, evaluador.tipo) if evaluador else None,
        nombre_evaluador=evaluador.nombre if evaluador else None,
        url=evaluacion.url,
        compromisos=compromisos,
    )


def calificacion(
    evaluado: EvaluacionCompromiso, compromiso: Compromiso | None, avance: float | None
) -> EvaluacionCompromisoReporte:
    """La calificación de un compromiso, aquí y en su ficha del plan de acción."""
    return EvaluacionCompromisoReporte(
        id=evaluado.id,
        titulo=compromiso.titulo if compromiso else None,
        cumplimiento=et.etiqueta(et.CUMPLIMIENTO, evaluado.cumplimiento),
        nivel_cumplimiento=_nivel(et.CUMPLIMIENTO, evaluado.cumplimiento),
        abrio_gobierno=et.etiqueta(et.ABRIO_GOBIERNO, evaluado.abrio_gobierno),
        nivel_abrio=_nivel(et.ABRIO_GOBIERNO, evaluado.abrio_gobierno),
        justificacion=evaluado.justificacion,
        lecciones=evaluado.lecciones,
        texto_avance=porcentaje(avance) if avance is not None else None,
    )


def _nivel(escala: dict[str, str], valor: str | None) -> int:
    return list(escala).index(valor) + 1 if valor in escala else 0
