"""Recorridos de los reportes de avance que comparten las reglas GA4xx.

Los reportes salen en orden de fecha de corte, para que «el más reciente» signifique lo mismo que
en el cálculo publicado del avance (avance.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from caja_ga.avance import ultimos_reportes
from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.problemas import Documento, Ruta
from caja_ga.reglas import Contexto


def entradas(ctx: Contexto) -> Iterator[tuple[Documento, Ruta, AvanceActividad]]:
    """(documento, ruta, entrada) de cada actividad de cada reporte legible, del más antiguo."""
    for doc, reporte in ctx.carpeta.seguimientos_validos():
        for i, actividad in enumerate(reporte.actividades):
            yield doc, ("actividades", i), actividad


def ultimos(ctx: Contexto) -> dict[str, AvanceActividad]:
    """Para cada actividad, su entrada en el reporte más reciente que la menciona."""
    return ultimos_reportes(reporte for _, reporte in ctx.carpeta.seguimientos_validos())
