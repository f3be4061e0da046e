"""Lo que comparten las reglas de resultados (GA410–GA413): las metas vigentes y sus mediciones.

La meta que cuenta es la del plan vigente a la fecha de corte (`Vista.plan`, con los cambios de
meta aprobados); la posición que se señala es la del plan tal como se escribió.
"""

from __future__ import annotations

from caja_ga.modelos.plan import Indicador, Meta
from caja_ga.reglas import Contexto


def metas_vigentes(ctx: Contexto) -> dict[str, Meta]:
    """Id → meta del plan vigente a la fecha de corte."""
    plan = ctx.vista.plan
    if plan is None:
        return {}
    return {meta.id: meta for compromiso in plan.compromisos for meta in compromiso.metas}


def indicadores_vigentes(ctx: Contexto) -> dict[str, Indicador]:
    """Id de meta → su indicador vigente (las metas sin indicador no aparecen)."""
    return {
        id_meta: meta.indicador
        for id_meta, meta in metas_vigentes(ctx).items()
        if meta.indicador is not None
    }
