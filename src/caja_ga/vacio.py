"""Qué cuenta como un campo sin llenar, el mismo criterio para todas las reglas.

GA005 (campo requerido) y las reglas de completitud (GA301, GA302, GA306, GA307…) lo usan, así que
un texto de puros espacios falta igual en todas: `objetivo: "  "` no es un objetivo.
"""

from __future__ import annotations


def vacio(valor: object) -> bool:
    """Nulo, texto en blanco, lista vacía o lista cuyos elementos están todos vacíos."""
    if valor is None:
        return True
    if isinstance(valor, str):
        return not valor.strip()
    if isinstance(valor, list):
        return all(vacio(elemento) for elemento in valor)
    return False
