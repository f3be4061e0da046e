"""El cálculo publicado del avance (formato §2), el mismo para las reglas y los reportes.

- Una actividad avanza lo que dice su `avance` en el reporte más reciente que la menciona
  (0 si nunca se reportó).
- Un compromiso avanza el promedio de sus actividades no canceladas ni retiradas.
- El plan avanza el promedio de sus compromisos no retirados (los retiros son `modificaciones`
  del plan; se calcula sobre el plan vigente de la Vista).
- Estado: 0 → sin avance, 1–99 → en proceso, 100 → completado.
"""

from __future__ import annotations

from typing import Final

from caja_ga.modelos.plan import Compromiso, Plan
from caja_ga.modelos.seguimiento import AvanceActividad

# La misma regla, con las palabras con que la publican los reportes («Cómo se calcula el avance»).
REGLA_PUBLICADA: Final = (
    "Cada actividad avanza lo que dice su porcentaje en el reporte de avance más reciente que la "
    "menciona (0 % si ningún reporte la menciona).",
    "Cada compromiso avanza el promedio de sus actividades, sin contar las canceladas ni las "
    "retiradas del plan.",
    "El plan avanza el promedio de sus compromisos, sin contar los retirados del plan.",
    "Estado: 0 % es «sin avance»; de 1 % a 99 %, «en proceso»; 100 %, «completado».",
)


def avance_actividad(id_actividad: str, ultimos: dict[str, AvanceActividad]) -> float:
    reporte = ultimos.get(id_actividad)
    return float(reporte.avance or 0) if reporte else 0.0


def avance_compromiso(compromiso: Compromiso, ultimos: dict[str, AvanceActividad]) -> float:
    vigentes = [
        a
        for a in compromiso.actividades
        if not a.retirada and not (a.id in ultimos and ultimos[a.id].estado == "cancelada")
    ]
    if not vigentes:
        return 0.0
    return sum(avance_actividad(a.id, ultimos) for a in vigentes) / len(vigentes)


def avance_plan(plan: Plan, ultimos: dict[str, AvanceActividad]) -> float:
    vigentes = [c for c in plan.compromisos if not c.retirada]
    if not vigentes:
        return 0.0
    return sum(avance_compromiso(c, ultimos) for c in vigentes) / len(vigentes)


def estado_de_avance(avance: float) -> str:
    if avance <= 0:
        return "sin avance"
    return "completado" if avance >= 100 else "en proceso"


def porcentaje(valor: float) -> str:
    """40.0 → «40 %», 66.666… → «66.7 %»."""
    return f"{valor:.1f}".removesuffix(".0") + " %"
