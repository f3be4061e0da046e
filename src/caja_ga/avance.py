"""El cálculo publicado del avance (formato §2), el mismo para las reglas y los reportes.

Avance conocido de una actividad, reporte tras reporte (del más antiguo al más reciente):

- si el reporte trae `avance`, ese número cuenta;
- si no lo trae, el estado decide cuando basta: `completada` cuenta 100 y `no_iniciada` 0;
- con cualquier otro estado (o sin estado) se arrastra el último avance conocido, 0 si nunca lo
  tuvo (GA406 avisa).

Un compromiso avanza el promedio ponderado (por `peso`, 1 si falta) de sus actividades no
canceladas ni retiradas del plan (los retiros son `modificaciones` aprobadas; se calcula sobre el
plan vigente de la Vista); el plan, el promedio de sus compromisos que tienen alguna actividad que
cuenta. El
avance esperado y el estado de calendario a la fecha de corte están en calendario.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

from caja_ga.modelos.seguimiento import AvanceActividad, Seguimiento
from caja_ga.problemas import Documento, Ruta

# Los puntos que puede ir una actividad por debajo de su avance esperado antes de estar atrasada.
UMBRAL_ATRASO: Final = 10

# La misma regla, con las palabras con que la publican los reportes («Cómo se calcula el avance»).
REGLA_PUBLICADA: Final = (
    "Cada actividad avanza el porcentaje de su reporte de avance más reciente. Si ese reporte no "
    "trae porcentaje, una actividad «completada» cuenta 100 %, una «no iniciada» 0 % y cualquier "
    "otra conserva el último porcentaje reportado (0 % si nunca se reportó).",
    "Cada compromiso avanza el promedio de sus actividades, sin contar las canceladas ni las "
    "retiradas del plan; si el plan da un peso a sus actividades, el promedio es ponderado por ese "
    "peso (1 si no lo dice).",
    "El plan avanza el promedio de sus compromisos, sin contar los retirados del plan ni los que "
    "tienen todas sus actividades canceladas.",
    "El avance esperado de una actividad a la fecha de corte es 0 % antes de su inicio, 100 % "
    "desde su fin y, en medio, la parte de sus días ya transcurrida; el de un compromiso y el del "
    "plan se promedian igual que el avance reportado.",
    "A la fecha de corte, cada actividad, compromiso y el plan está «aún no inicia (no vence)» "
    "antes de su inicio y sin avance; «terminado» con 100 %; «plazo vencido» si pasó su fin sin "
    f"llegar a 100 %; «con atraso» si su avance queda más de {UMBRAL_ATRASO} puntos por debajo del "
    "esperado; si no, «en tiempo».",
    "Estado: 0 % es «sin avance»; de 1 % a 99 %, «en proceso»; 100 %, «completado».",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class AvanceConocido:
    """Lo que se sabía del avance de una actividad después de un reporte."""

    valor: float  # el avance que cuenta
    estado: str | None  # el estado del reporte más reciente que la menciona
    reportado: bool  # False si el reporte no trajo `avance` y el valor se dedujo
    fecha: date | None  # fecha de corte del reporte que dio el valor (None: nunca se reportó)

    @property
    def cancelada(self) -> bool:
        return self.estado == "cancelada"


@dataclass(frozen=True, slots=True, kw_only=True)
class PasoDeAvance:
    """Una entrada de un reporte de avance y lo que se sabía antes y después de ella."""

    documento: Documento
    ruta: Ruta
    fecha: date
    entrada: AvanceActividad
    anterior: AvanceConocido | None  # None si ningún reporte anterior la mencionó
    actual: AvanceConocido


def pasos_de_avance(reportes: Iterable[tuple[Documento, Seguimiento]]) -> list[PasoDeAvance]:
    """Cada entrada de cada reporte (dados del más antiguo al más reciente), con su avance."""
    conocidos: dict[str, AvanceConocido] = {}
    pasos: list[PasoDeAvance] = []
    for documento, seguimiento in reportes:
        for i, entrada in enumerate(seguimiento.actividades):
            anterior = conocidos.get(entrada.id)
            actual = _conocido(entrada, anterior, seguimiento.fecha_corte)
            conocidos[entrada.id] = actual
            pasos.append(
                PasoDeAvance(
                    documento=documento,
                    ruta=("actividades", i),
                    fecha=seguimiento.fecha_corte,
                    entrada=entrada,
                    anterior=anterior,
                    actual=actual,
                )
            )
    return pasos


def conocidos(pasos: Iterable[PasoDeAvance]) -> dict[str, AvanceConocido]:
    """El avance conocido de cada actividad después del último reporte."""
    return {paso.entrada.id: paso.actual for paso in pasos}


def _conocido(
    entrada: AvanceActividad, anterior: AvanceConocido | None, fecha: date
) -> AvanceConocido:
    if entrada.avance is not None:
        return AvanceConocido(
            valor=entrada.avance, estado=entrada.estado, reportado=True, fecha=fecha
        )
    if entrada.estado in _POR_ESTADO:
        return AvanceConocido(
            valor=_POR_ESTADO[entrada.estado], estado=entrada.estado, reportado=False, fecha=fecha
        )
    return AvanceConocido(
        valor=anterior.valor if anterior else 0.0,
        estado=entrada.estado,
        reportado=False,
        fecha=anterior.fecha if anterior else None,
    )


# Los estados que por sí solos dicen el avance cuando el reporte no lo trae.
_POR_ESTADO: Final = {"completada": 100.0, "no_iniciada": 0.0}


def promedio_ponderado(valores: Iterable[tuple[float, float]]) -> float | None:
    """Promedio de (valor, peso); None si no hay nada que promediar."""
    lista = list(valores)
    total = sum(peso for _, peso in lista)
    return sum(valor * peso for valor, peso in lista) / total if total > 0 else None


def estado_de_avance(avance: float) -> str:
    if avance <= 0:
        return "sin avance"
    return "completado" if avance >= 100 else "en proceso"


def porcentaje(valor: float) -> str:
    """40.0 → «40 %», 66.666… → «66.7 %»."""
    return f"{valor:.1f}".removesuffix(".0") + " %"
