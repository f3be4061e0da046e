"""Comparar textos escritos a mano: sin distinguir acentos, mayúsculas ni espacios de más.

Lo usan GA102 (nombre del municipio contra el catálogo) y GA207 (la misma persona en dos sectores).
"""

from __future__ import annotations

from caja_ga.catalogos import sin_acentos


def comparable(texto: str) -> str:
    """«  Laura  Méndez » y «laura mendez» dan lo mismo."""
    return " ".join(sin_acentos(texto).split())
