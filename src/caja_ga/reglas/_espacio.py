"""Quién integra hoy el Espacio de Diálogo Tripartita (EDT).

Lo usan GA201, GA202 y GA207: las tres miran a las personas titulares activas a la fecha de corte.
"""

from __future__ import annotations

from datetime import date
from typing import Final, get_args

from caja_ga.modelos.base import Sector
from caja_ga.modelos.espacio import Espacio, IntegranteEspacio

SECTORES: Final[tuple[str, ...]] = get_args(Sector)


def activos(espacio: Espacio, fecha_corte: date) -> list[tuple[int, IntegranteEspacio]]:
    """(índice en `integrantes`, integrante) de quienes están en funciones a la fecha de corte.

    Sin `desde` se entiende que ya estaba; sin `hasta`, que sigue.
    """
    return [
        (indice, integrante)
        for indice, integrante in enumerate(espacio.integrantes)
        if (integrante.desde is None or integrante.desde <= fecha_corte)
        and (integrante.hasta is None or integrante.hasta >= fecha_corte)
    ]
