"""Lo que las reglas encuentran (Hallazgo) y lo que el usuario lee (Problema)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caja_ga.carga import Documento


class Severidad(StrEnum):
    ERROR = "error"
    AVISO = "aviso"


Ruta = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Hallazgo:
    """Un problema tal como lo emite una regla: sin código ni severidad.

    El motor (validacion.py) le pone el código de la regla y la severidad configurada, y traduce
    la ruta dentro del documento a línea y columna.
    """

    mensaje: str
    documento: Documento | None = None
    ruta: Ruta = ()
    en_clave: bool = False
    archivo: str | None = None  # para archivos que faltan: no hay documento
    posicion: tuple[int, int] | None = None  # ya conocida al leer (errores de sintaxis)
    codigo: str | None = None  # solo lo fijan carga.py y esquema.py, que conocen su regla


@dataclass(frozen=True, slots=True)
class Problema:
    archivo: str
    linea: int | None
    columna: int | None
    codigo: str
    severidad: Severidad
    mensaje: str
    nota: str | None = None  # por qué es aviso y cuándo será error (solo en la salida de texto)

    @property
    def mensaje_con_nota(self) -> str:
        """El mensaje en una sola línea, para formatos que no tienen lugar aparte para la nota."""
        return self.mensaje + (f" ({self.nota})" if self.nota else "")

    def clave_orden(self) -> tuple[str, int, int, str]:
        return (self.archivo, self.linea or 0, self.columna or 0, self.codigo)
