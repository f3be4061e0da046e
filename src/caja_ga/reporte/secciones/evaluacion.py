"""Sección «Evaluación final»: la calificación de cada compromiso con las escalas del IRM.

Dice quién evaluó (autoevaluación del Espacio o evaluación independiente) y cuenta los niveles de
cumplimiento; «sin evidencia» se cuenta aparte, porque no es un nivel: no hubo con qué juzgar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from caja_ga.avance import porcentaje
from caja_ga.modelos.evaluacion import Evaluacion, EvaluacionCompromiso
from caja_ga.modelos.plan import Compromiso
from caja_ga.reporte import etiquetas as et
from caja_ga.vacio import vacio
from caja_ga.vista import Vista

# Cómo publica el reporte la evaluación, en sus propias palabras.
EXPLICACION: Final = (
    "La evaluación final califica cada compromiso con las escalas del Mecanismo de Revisión "
    "Independiente (IRM) de la Alianza para el Gobierno Abierto.",
    "Una autoevaluación la hace el propio Espacio de Diálogo Tripartita; una evaluación "
    "independiente, una persona o institución ajena al proceso.",
    "«Sin evidencia para evaluar» no es un nivel de cumplimiento: dice que no hubo con qué "
    "juzgar el compromiso, y no se cuenta como «no iniciado».",
)

TipoEvaluacion = Literal["autoevaluacion", "independiente", "sin_evaluador"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluacionCompromisoReporte:
    id: str
    titulo: str | None
    cumplimiento: str | None
    nivel_cumplimiento: int  # 1 a 4 en la escala; 0 sin calificar o sin evidencia
    sin_evidencia: bool  # «sin_evidencia»: se muestra aparte, no como nivel
    abrio_gobierno: str | None
    nivel_abrio: int
    justificacion: str | None
    lecciones: str | None
    texto_avance: str | None  # el avance calculado, para leerlo junto a la calificación


@dataclass(frozen=True, slots=True, kw_only=True)
class Conteo:
    nivel: str
    compromisos: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluacionReporte:
    fecha: date | None
    rotulo: str  # autoevaluación, evaluación independiente de quién, o sin evaluador
    url: str | None
    compromisos: list[EvaluacionCompromisoReporte]
    conteos: list[Conteo]  # compromisos en cada nivel de cumplimiento, de menor a mayor
    sin_evidencia: int
    sin_evaluar: list[str]  # compromisos del plan que la evaluación no califica
    explicacion: tuple[str, ...] = EXPLICACION


def contexto(vista: Vista) -> EvaluacionReporte | None:
    evaluacion, plan = vista.evaluacion, vista.plan
    # Un evaluacion.yaml recién creado, sin calificaciones, antes de llegar a la fase: no hay nada
    # que publicar todavía.
    if evaluacion is None or (not evaluacion.compromisos and vista.carpeta.fase != "evaluacion"):
        return None
    del_plan = {c.id: c for c in plan.compromisos} if plan else {}
    compromisos = []
    for evaluado in evaluacion.compromisos:
        compromiso = del_plan.get(evaluado.id)
        situacion = vista.calendario.compromisos.get(compromiso.id) if compromiso else None
        avance = situacion.avance if situacion else None
        compromisos.append(calificacion(evaluado, compromiso, avance))
    evaluados = {evaluado.id for evaluado in evaluacion.compromisos}
    return EvaluacionReporte(
        fecha=evaluacion.fecha,
        rotulo=rotulo(evaluacion),
        url=evaluacion.url,
        compromisos=compromisos,
        conteos=[
            Conteo(nivel=nivel, compromisos=sum(c.cumplimiento == nivel for c in compromisos))
            for nivel in et.CUMPLIMIENTO.values()
        ],
        sin_evidencia=sum(c.sin_evidencia for c in compromisos),
        sin_evaluar=[id_ for id_ in del_plan if id_ not in evaluados],
    )


def tipo_evaluacion(evaluacion: Evaluacion) -> TipoEvaluacion:
    """Quién evaluó, como lo publican los datos abiertos."""
    tipo = evaluacion.evaluador.tipo if evaluacion.evaluador else None
    if tipo == "edt":
        return "autoevaluacion"
    return "independiente" if tipo == "externo" else "sin_evaluador"


def rotulo(evaluacion: Evaluacion) -> str:
    """«Autoevaluación del Espacio de Diálogo Tripartita», «Evaluación independiente de …» o
    «Evaluación sin evaluador identificado»."""
    tipo = tipo_evaluacion(evaluacion)
    if tipo == "autoevaluacion":
        return et.AUTOEVALUACION
    if tipo == "sin_evaluador":
        return et.SIN_EVALUADOR
    nombre = evaluacion.evaluador.nombre if evaluacion.evaluador else None
    quien = " sin el nombre de quien la hizo" if vacio(nombre) else f" de {nombre}"
    return et.INDEPENDIENTE + quien


def calificacion(
    evaluado: EvaluacionCompromiso, compromiso: Compromiso | None, avance: float | None
) -> EvaluacionCompromisoReporte:
    """La calificación de un compromiso, aquí y en su ficha del plan de acción."""
    sin_evidencia = evaluado.cumplimiento == "sin_evidencia"
    return EvaluacionCompromisoReporte(
        id=evaluado.id,
        titulo=compromiso.titulo if compromiso else None,
        cumplimiento=et.SIN_EVIDENCIA
        if sin_evidencia
        else et.etiqueta(et.CUMPLIMIENTO, evaluado.cumplimiento),
        nivel_cumplimiento=_nivel(et.CUMPLIMIENTO, evaluado.cumplimiento),
        sin_evidencia=sin_evidencia,
        abrio_gobierno=et.etiqueta(et.ABRIO_GOBIERNO, evaluado.abrio_gobierno),
        nivel_abrio=_nivel(et.ABRIO_GOBIERNO, evaluado.abrio_gobierno),
        justificacion=evaluado.justificacion,
        lecciones=evaluado.lecciones,
        texto_avance=porcentaje(avance) if avance is not None else None,
    )


def _nivel(escala: dict[str, str], valor: str | None) -> int:
    return list(escala).index(valor) + 1 if valor in escala else 0
