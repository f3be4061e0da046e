"""Avance reportado frente a avance esperado, y el estado de calendario, a la fecha de corte.

Lo calcula la Vista una vez (`Vista.calendario`) con el plan vigente y el avance conocido
(avance.py); lo leen el reporte, los datos abiertos y las reglas (GA402). La frase publicada
está en `avance.REGLA_PUBLICADA`.

- Avance esperado de una actividad: 0 antes de su `inicio`, 100 desde su `fin` y, en medio, la
  parte de sus días ya transcurrida. Sin ambas fechas no hay esperado.
- El de un compromiso es el promedio ponderado de sus actividades no canceladas ni retiradas del
  plan (sin esperado si a alguna le faltan fechas); el del plan, el promedio de sus compromisos.
- Estado de calendario, en este orden: `retirada` (retirada del plan por una modificación
  aprobada), `cancelada` (todas sus actividades canceladas), `completada`
  (100 %), `vencida` (pasó su fin), `sin_fechas`, `por_iniciar` (antes de su inicio y en 0 %),
  `atrasada` (más de `UMBRAL_ATRASO` puntos bajo el esperado), `en_tiempo`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from caja_ga.avance import UMBRAL_ATRASO, AvanceConocido, promedio_ponderado
from caja_ga.modelos.plan import Actividad, Compromiso, Plan

# Clave (la de los datos abiertos) → cómo se lee en el reporte, para actividad, compromiso o plan.
ESTADOS_CALENDARIO: Final = {
    "por_iniciar": "aún no inicia (no vence)",
    "en_tiempo": "en tiempo",
    "atrasada": "con atraso",
    "vencida": "plazo vencido",
    "completada": "terminado",
    "cancelada": "cancelado",
    "retirada": "retirado del plan",
    "sin_fechas": "sin fechas",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Situacion:
    """Una actividad, un compromiso o el plan a la fecha de corte."""

    avance: float  # el reportado (avance conocido)
    esperado: float | None  # None: faltan fechas para calcularlo
    estado: str  # clave de ESTADOS_CALENDARIO
    inicio: date | None
    fin: date | None
    canceladas: int = 0  # actividades canceladas que no cuentan en el promedio
    retiradas: int = 0  # actividades retiradas del plan, que tampoco cuentan

    @property
    def etiqueta(self) -> str:
        return ESTADOS_CALENDARIO[self.estado]


@dataclass(frozen=True, slots=True, kw_only=True)
class Calendario:
    actividades: dict[str, Situacion]
    compromisos: dict[str, Situacion]
    plan: Situacion | None  # None si no hay plan


def calcular(plan: Plan | None, conocidos: Mapping[str, AvanceConocido], corte: date) -> Calendario:
    if plan is None:
        return Calendario(actividades={}, compromisos={}, plan=None)
    actividades = {
        a.id: _actividad(a, conocidos.get(a.id), corte)
        for c in plan.compromisos
        for a in c.actividades
    }
    compromisos = {c.id: _compromiso(c, actividades, corte) for c in plan.compromisos}
    return Calendario(
        actividades=actividades,
        compromisos=compromisos,
        plan=_conjunto([(s, 1.0) for s in compromisos.values()], corte),
    )


def avance_esperado(inicio: date | None, fin: date | None, corte: date) -> float | None:
    """Lineal entre inicio y fin: 0 antes de empezar, 100 desde el último día."""
    if inicio is None or fin is None:
        return None
    if corte >= fin:
        return 100.0
    if corte <= inicio:
        return 0.0
    return (corte - inicio).days / (fin - inicio).days * 100


def _actividad(actividad: Actividad, conocido: AvanceConocido | None, corte: date) -> Situacion:
    avance = conocido.valor if conocido else 0.0
    esperado = avance_esperado(actividad.inicio, actividad.fin, corte)
    cancelada = conocido is not None and conocido.cancelada and not actividad.retirada
    estado = _estado(avance, esperado, actividad.inicio, actividad.fin, corte, cancelada)
    return Situacion(
        avance=avance,
        esperado=esperado,
        estado="retirada" if actividad.retirada else estado,
        inicio=actividad.inicio,
        fin=actividad.fin,
        canceladas=int(cancelada),
        retiradas=int(actividad.retirada),
    )


def _compromiso(
    compromiso: Compromiso, actividades: Mapping[str, Situacion], corte: date
) -> Situacion:
    return _conjunto([(actividades[a.id], peso(a)) for a in compromiso.actividades], corte)


def peso(actividad: Actividad) -> float:
    return actividad.peso if actividad.peso is not None else 1.0


def _conjunto(partes: list[tuple[Situacion, float]], corte: date) -> Situacion:
    """Un compromiso (sus actividades) o el plan (sus compromisos, con peso 1)."""
    canceladas = sum(s.canceladas for s, _ in partes)
    retiradas = sum(s.retiradas for s, _ in partes)
    vigentes = [(s, p) for s, p in partes if s.estado not in ("cancelada", "retirada")]
    avance = promedio_ponderado((s.avance, p) for s, p in vigentes) or 0.0
    esperado = (
        promedio_ponderado((s.esperado or 0.0, p) for s, p in vigentes)
        if vigentes and all(s.esperado is not None for s, _ in vigentes)
        else None
    )
    inicio = min((s.inicio for s, _ in vigentes if s.inicio), default=None)
    fin = max((s.fin for s, _ in vigentes if s.fin), default=None)
    todas_canceladas = not vigentes and canceladas > 0
    estado = _estado(avance, esperado, inicio, fin, corte, todas_canceladas)
    return Situacion(
        avance=avance,
        esperado=esperado,
        estado="retirada" if partes and not vigentes and not canceladas else estado,
        inicio=inicio,
        fin=fin,
        canceladas=canceladas,
        retiradas=retiradas,
    )


def _estado(
    avance: float,
    esperado: float | None,
    inicio: date | None,
    fin: date | None,
    corte: date,
    cancelada: bool,
) -> str:
    if cancelada:
        return "cancelada"
    if avance >= 100:
        return "completada"
    if fin is not None and corte > fin:
        return "vencida"
    if esperado is None:
        return "sin_fechas"
    if inicio is not None and corte < inicio and avance <= 0:
        return "por_iniciar"
    return "atrasada" if avance < esperado - UMBRAL_ATRASO else "en_tiempo"


def sumar_meses(fecha: date, meses: int) -> date:
    """La misma fecha `meses` después; el 31 pasa al último día de un mes más corto. Más allá
    del año 9999 (un umbral enorme) queda la última fecha que existe."""
    total = fecha.year * 12 + fecha.month - 1 + meses
    anio, mes = divmod(total, 12)
    if anio > date.max.year:
        return date.max
    dia = min(fecha.day, calendar.monthrange(anio, mes + 1)[1])
    return date(anio, mes + 1, dia)
