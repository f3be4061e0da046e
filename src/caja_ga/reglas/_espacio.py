"""Quién integra hoy el Espacio de Diálogo Tripartita (EDT).

Lo usan GA201, GA202 y GA207: las tres miran a las personas activas a la fecha de corte.
"""

from __future__ import annotations

from typing import Final, get_args

from caja_ga.modelos.base import Sector
from caja_ga.modelos.espacio import IntegranteEspacio
from caja_ga.reglas import Contexto

SECTORES: Final[tuple[str, ...]] = get_args(Sector)


def activos(ctx: Contexto) -> list[tuple[int, IntegranteEspacio]]:
    """(índice en `integrantes`, integrante) de quienes están en funciones a la fecha de corte.

    Quién está en funciones lo decide la Vista; el índice ubica el problema en espacio.yaml.
    """
    if ctx.carpeta.espacio is None:
        return []
    vigentes = ctx.vista.integrantes_espacio(ctx.fecha_corte)
    return [
        (indice, integrante)
        for indice, integrante in enumerate(ctx.carpeta.espacio.integrantes)
        if any(integrante is vigente for vigente in vigentes)
    ]
