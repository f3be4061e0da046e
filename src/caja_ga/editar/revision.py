"""Revisar lo que se edita con el mismo motor que `caja-ga validar`, y ubicar cada mensaje en su
campo.

El texto editado reemplaza, solo en memoria, al archivo en su proceso: así se aplican también las
reglas que cruzan archivos (una actividad que no existe en el plan, un avance fuera de 0–100). El
motor da línea y columna; aquí se traducen de vuelta a la ruta (claves e índices) del valor que
empieza en esa posición.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caja_ga.config import Configuraciones
from caja_ga.problemas import Problema, Ruta, Severidad
from caja_ga.proceso import cargar_proceso, documento_de_bytes
from caja_ga.validacion import validar_carpeta
from caja_ga.vista import Vista


@dataclass(frozen=True)
class Mensaje:
    ruta: Ruta
    linea: int | None
    codigo: str
    severidad: Severidad
    texto: str

    @property
    def es_error(self) -> bool:
        return self.severidad is Severidad.ERROR


def revisar(carpeta: Path, ruta: Path, clase: str, texto: str, fecha_corte: date) -> list[Mensaje]:
    """Los problemas que `caja-ga validar` encontraría en el archivo `ruta` si dijera `texto`."""
    proceso = cargar_proceso(carpeta)
    doc = documento_de_bytes(ruta, clase, texto.encode("utf-8"))
    if clase == "sesion":
        proceso.sesiones = [doc if d.ruta == ruta else d for d in proceso.sesiones]
    elif clase == "seguimiento":
        proceso.seguimientos = [doc if d.ruta == ruta else d for d in proceso.seguimientos]
    else:
        proceso.documentos[clase] = doc
    config = Configuraciones(None, Path.cwd()).de(carpeta, carpeta)
    problemas = validar_carpeta(Vista(proceso, fecha_corte), config)
    posiciones: dict[tuple[int, int], Ruta] = {}
    if doc.nodo is not None:
        for posicion, ruta_valor in _posiciones(doc.nodo, ()):
            posiciones.setdefault(posicion, ruta_valor)
    return [_mensaje(p, posiciones) for p in problemas if p.archivo == doc.archivo]


def _mensaje(problema: Problema, posiciones: dict[tuple[int, int], Ruta]) -> Mensaje:
    ruta = posiciones.get((problema.linea or 0, problema.columna or 0), ())
    return Mensaje(
        ruta, problema.linea, problema.codigo, problema.severidad, problema.mensaje_con_nota
    )


def _posiciones(nodo: Node, ruta: Ruta) -> Iterator[tuple[tuple[int, int], Ruta]]:
    """(línea, columna) → ruta de cada nodo, del más externo al más interno: un mapeo empieza
    donde su primera clave, y la posición se queda con el mapeo (el grupo del formulario)."""
    yield (nodo.start_mark.line + 1, nodo.start_mark.column + 1), ruta
    if isinstance(nodo, MappingNode):
        for clave, valor in nodo.value:
            if isinstance(clave, ScalarNode):
                yield (clave.start_mark.line + 1, clave.start_mark.column + 1), (*ruta, clave.value)
                yield from _posiciones(valor, (*ruta, clave.value))
    elif isinstance(nodo, SequenceNode):
        for indice, elemento in enumerate(nodo.value):
            yield from _posiciones(elemento, (*ruta, indice))


def solo_errores(mensajes: list[Mensaje]) -> set[tuple[str, str]]:
    return {(m.codigo, m.texto) for m in mensajes if m.es_error}
