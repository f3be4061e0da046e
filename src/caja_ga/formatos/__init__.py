"""Formatos de salida de `validar`: funciones puras de `Resultado` a texto.

Un formato nunca valida y nunca imprime: recibe el resultado y devuelve la cadena.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from caja_ga.formatos import github, gitlab, json, sarif, texto
from caja_ga.problemas import Resultado

Formateador = Callable[[Resultado, bool], str]

FORMATOS: Final[dict[str, Formateador]] = {
    "texto": texto.formatear,
    "json": json.formatear,
    "github": github.formatear,
    "sarif": sarif.formatear,
    "gitlab": gitlab.formatear,
}
