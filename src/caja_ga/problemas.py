"""Lo que se lee y lo que se encuentra: documentos, hallazgos, problemas y resultados.

Módulo hoja: no importa nada de caja_ga en tiempo de ejecución, así que todos los pasos (leer,
modelar, revisar, formatear) lo comparten sin ciclos.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yaml.nodes import Node

    from caja_ga.modelos.base import Archivo


class Severidad(StrEnum):
    ERROR = "error"
    AVISO = "aviso"


Ruta = tuple[str | int, ...]
Pasos = dict[str | int, str | int]  # en un contenedor: paso en el modelo → paso en los datos


def en_datos(ruta: Ruta, reubicados: dict[Ruta, Pasos]) -> Ruta:
    """`ruta` con cada paso traducido según `reubicados` (contenedor en los datos → pasos)."""
    datos: list[str | int] = []
    for paso in ruta:
        datos.append(reubicados.get(tuple(datos), {}).get(paso, paso))
    return tuple(datos)


@dataclass(eq=False)
class Documento:
    """Un archivo de un proceso, con su árbol de nodos (para posiciones), sus datos y su modelo."""

    ruta: Path
    archivo: str
    clase: str
    nodo: Node | None = None
    datos: Any = None
    hallazgos: list[Hallazgo] = field(default_factory=list)
    ignorados: dict[int, frozenset[str]] = field(default_factory=dict)
    modelo: Archivo | None = None
    # Lo que esquema.modelar descartó para leer el resto (ver `Modelado`): rutas en los datos.
    rotos: frozenset[Ruta] = frozenset()
    reubicados: dict[Ruta, Pasos] = field(default_factory=dict)

    def en_datos(self, ruta: Ruta) -> Ruta:
        """La ruta de algo del modelo en los datos del archivo: si se quitaron elementos
        ilegibles de una lista o se leyó una clave mal escrita como la que quiso decir, el paso
        del modelo no es el escrito."""
        return en_datos(ruta, self.reubicados) if self.reubicados else ruta

    def en_modelo(self, ruta: Ruta) -> Ruta:
        """La ruta de algo escrito en su forma del modelo (las claves mal escritas que se leyeron
        como otra, con el nombre de esa otra); lo inverso de `en_datos`."""
        modelo: list[str | int] = []
        for indice, paso in enumerate(ruta):
            pasos = self.reubicados.get(ruta[:indice], {})
            modelo.append(next((m for m, d in pasos.items() if d == paso), paso))
        return tuple(modelo)

    def roto(self, ruta: Ruta) -> bool:
        """Si en `ruta` del modelo, o dentro de ella, se descartó algo escrito pero ilegible (ya
        señalado por GA004 o GA006): que parezca vacío no quiere decir que falte."""
        return self.con_descartes(self.en_datos(ruta))

    def con_descartes(self, ruta: Ruta) -> bool:
        """Si en `ruta` (en los datos), o dentro de ella, se descartó algo."""
        return any(roto[: len(ruta)] == ruta for roto in self.rotos)

    def descartado(self, ruta: Ruta) -> bool:
        """Si `ruta` (en los datos) es algo descartado o está dentro de algo descartado."""
        return any(ruta[: len(roto)] == roto for roto in self.rotos)

    def problema(self, codigo: str, mensaje: str, ruta: Ruta = (), en_clave: bool = False) -> None:
        self.hallazgos.append(Hallazgo(mensaje, self, ruta, en_clave, codigo=codigo))


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


@dataclass(frozen=True)
class ResultadoProceso:
    carpeta: str
    fase: str | None
    archivos: int
    problemas: list[Problema]


@dataclass
class Resultado:
    procesos: list[ResultadoProceso] = field(default_factory=list)
    sueltos: list[Problema] = field(default_factory=list)
    archivos_sueltos: int = 0
    configuraciones: list[str] = field(default_factory=list)  # las .caja-ga.yaml usadas

    @property
    def problemas(self) -> list[Problema]:
        todos = [p for r in self.procesos for p in r.problemas] + self.sueltos
        return sorted(todos, key=Problema.clave_orden)

    @property
    def archivos(self) -> int:
        return sum(r.archivos for r in self.procesos) + self.archivos_sueltos

    def contar(self, severidad: Severidad) -> int:
        return sum(1 for p in self.problemas if p.severidad is severidad)
