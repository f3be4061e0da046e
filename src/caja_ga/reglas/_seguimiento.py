"""Las entradas de los reportes de avance, que recorren las reglas GA4xx.

Los reportes salen de la Vista en orden de fecha de corte, para que «el más reciente» signifique
lo mismo que en el cálculo publicado del avance (avance.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.problemas import Documento, Ruta
from caja_ga.reglas import Contexto


def entradas(ctx: Contexto) -> Iterator[tuple[Documento, Ruta, AvanceActividad]]:
    """(documento, ruta, entrada) de cada actividad de cada reporte legible, del más antiguo."""
    for leido in ctx.vista.seguimientos:
        for i, actividad in enumerate(leido.seguimiento.actividades):
            yield leido.documento, ("actividades", i), actividad
