"""Las páginas del editor: qué datos y mensajes muestra cada una y cómo se arma su HTML.

El HTML sale de plantillas Jinja con escape automático: todo texto del usuario se escapa.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from caja_ga.editar.campos import Campo, nombre_de, rutas
from caja_ga.editar.revision import Mensaje

if TYPE_CHECKING:
    import jinja2

_FECHA = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def texto(valor: Any) -> str:
    """Un valor como lo muestra un campo: vacío si no hay nada, «si»/«no», fechas ISO."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "si" if valor else "no"
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor)


def _lineas(valor: Any) -> list[str]:
    if valor is None:
        return []
    if isinstance(valor, list):
        return [texto(v) for v in valor]
    return [texto(valor)]


def _opcion(valor: str) -> str:
    return {"si": "sí"}.get(valor, valor.replace("_", " "))


def _es_fecha(valor: Any) -> bool:
    return valor is None or isinstance(valor, date) or bool(_FECHA.match(texto(valor)))


@functools.cache
def entorno() -> jinja2.Environment:
    import jinja2

    plantillas = jinja2.Environment(
        loader=jinja2.PackageLoader("caja_ga.editar", "plantillas"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    plantillas.filters.update(texto=texto, lineas=_lineas, opcion=_opcion, es_fecha=_es_fecha)
    return plantillas


@dataclass(frozen=True)
class Ubicados:
    """Los mensajes, cada uno en el campo o grupo más cercano que el formulario muestra."""

    por_campo: dict[str, list[Mensaje]] = field(default_factory=dict)
    lista: list[tuple[str, Mensaje]] = field(default_factory=list)

    @property
    def titulo(self) -> str:
        errores = sum(1 for _, m in self.lista if m.es_error)
        avisos = len(self.lista) - errores
        partes = [
            _contar(errores, "error", "errores"),
            _contar(avisos, "aviso", "avisos"),
        ]
        return f"{' y '.join(p for p in partes if p)} en este archivo"


def _contar(cuantos: int, singular: str, plural: str) -> str:
    if cuantos == 0:
        return ""
    return f"{cuantos} {singular if cuantos == 1 else plural}"


def ubicar(raiz: Campo, datos: Any, mensajes: Iterable[Mensaje]) -> Ubicados:
    visibles = set(rutas(raiz, datos))
    ubicados = Ubicados()
    for mensaje in mensajes:
        nombre = next(
            (
                candidato
                for largo in range(len(mensaje.ruta), 0, -1)
                if (candidato := nombre_de(mensaje.ruta[:largo])) in visibles
            ),
            "",
        )
        ubicados.por_campo.setdefault(nombre, []).append(mensaje)
        ubicados.lista.append((nombre, mensaje))
    return ubicados


def como_json(ubicados: Ubicados) -> dict[str, Any]:
    """Lo que necesita editar.js para poner los mensajes junto a sus campos."""
    return {
        "titulo": ubicados.titulo if ubicados.lista else "",
        "mensajes": [
            {
                "nombre": nombre,
                "clase": "error" if m.es_error else "aviso",
                "texto": f"{'Error' if m.es_error else 'Aviso'} {m.codigo}: {m.texto}",
            }
            for nombre, m in ubicados.lista
        ],
    }
