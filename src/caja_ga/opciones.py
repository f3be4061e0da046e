"""Cómo se escribe una opción de una lista cerrada, en los archivos y en la línea de comandos.

Módulo hoja: la línea de comandos lo usa al leer cada opción sin cargar los modelos.
"""

import re
import unicodedata
from typing import Any

_OPCION_CANONICA = re.compile(r"^[a-z0-9_]+$")


def normalizar_opcion(valor: Any) -> Any:
    """«Sí», «Participación» o «En proceso» valen como `si`, `participacion`, `en_proceso`."""
    if not isinstance(valor, str) or _OPCION_CANONICA.match(valor):
        return valor
    sin_acentos = unicodedata.normalize("NFKD", valor.strip().lower())
    sin_acentos = "".join(c for c in sin_acentos if not unicodedata.combining(c))
    return re.sub(r"[\s-]+", "_", sin_acentos)
