"""Andamios: una carpeta de plantillas → archivos en un destino, con una sola política de escritura.

Una plantilla es una carpeta dentro de `plantillas/` (el paquete `caja_ga.plantillas`): los archivos
que terminan en `.jinja` se renderizan con el contexto y pierden esa terminación; los demás se
copian tal cual. Un segmento de ruta que empieza con `punto_` se escribe con un punto
(`punto_github/` → `.github/`, `punto_gitignore` → `.gitignore`): así las plantillas de archivos
ocultos no quedan ocultas al empaquetarlas ni actúan sobre este mismo repositorio (un `.gitignore`
de plantilla ignoraría archivos aquí).

`escribir` es el único lugar que decide qué pasa con un archivo que ya existe: nunca se
sobrescribe, salvo con `forzar`; con `simular` se calcula lo que se haría sin tocar el disco. Cada
escritura es atómica (archivo temporal en la misma carpeta y `os.replace`), así que una
interrupción nunca deja un archivo a medias. Nada aquí imprime.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any

from caja_ga.archivos import escribir_atomico

SUFIJO_PLANTILLA = ".jinja"
PREFIJO_PUNTO = "punto_"


@dataclass
class Resultado:
    """Qué pasó (o, al simular, qué pasaría) con cada archivo; rutas dentro del destino."""

    creados: list[PurePosixPath] = field(default_factory=list)
    sobrescritos: list[PurePosixPath] = field(default_factory=list)
    omitidos: list[PurePosixPath] = field(default_factory=list)
    simulado: bool = False


def texto_yaml(valor: Any) -> str:
    """Un valor como escalar YAML seguro: los textos van entre comillas dobles (con escapes JSON,
    que YAML acepta), de modo que «:», «#» o comillas en un nombre nunca rompen el archivo."""
    if valor is None:
        return "null"
    if isinstance(valor, bool):
        return "true" if valor else "false"
    return json.dumps(str(valor), ensure_ascii=False)


def _nombre_destino(nombre: str) -> str:
    if nombre.startswith(PREFIJO_PUNTO):
        nombre = "." + nombre.removeprefix(PREFIJO_PUNTO)
    return nombre.removesuffix(SUFIJO_PLANTILLA)


def _recorrer(carpeta: Traversable, ruta: PurePosixPath) -> list[tuple[PurePosixPath, Traversable]]:
    encontrados: list[tuple[PurePosixPath, Traversable]] = []
    for hijo in sorted(carpeta.iterdir(), key=lambda h: h.name):
        if hijo.name in {"__pycache__", "__init__.py"}:
            continue
        if hijo.is_dir():
            encontrados += _recorrer(hijo, ruta / hijo.name)
        else:
            encontrados.append((ruta / hijo.name, hijo))
    return encontrados


def renderizar(plantilla: str, contexto: Mapping[str, Any]) -> dict[PurePosixPath, str]:
    """Renderiza la carpeta `plantillas/<plantilla>/`: ruta relativa de destino → contenido."""
    import jinja2

    entorno = jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    entorno.filters["yaml"] = texto_yaml
    raiz = resources.files("caja_ga.plantillas").joinpath(plantilla)
    archivos: dict[PurePosixPath, str] = {}
    for ruta, recurso in _recorrer(raiz, PurePosixPath()):
        texto = recurso.read_text(encoding="utf-8")
        if ruta.name.endswith(SUFIJO_PLANTILLA):
            texto = entorno.from_string(texto).render(contexto)
        archivos[PurePosixPath(*(_nombre_destino(parte) for parte in ruta.parts))] = texto
    return archivos


def escribir(
    destino: Path,
    archivos: Mapping[PurePosixPath, str],
    *,
    forzar: bool = False,
    simular: bool = False,
) -> Resultado:
    """La política de conflictos: crea lo que falta; lo que existe se omite, o se sobrescribe con
    `forzar`; con `simular` no escribe nada y devuelve lo que habría hecho."""
    resultado = Resultado(simulado=simular)
    for relativa, contenido in archivos.items():
        ruta = destino / relativa
        if ruta.exists() and not forzar:
            resultado.omitidos.append(relativa)
            continue
        (resultado.sobrescritos if ruta.exists() else resultado.creados).append(relativa)
        if not simular:
            escribir_atomico(ruta, contenido)
    return resultado


def andamiar(
    plantilla: str,
    destino: Path,
    contexto: Mapping[str, Any],
    *,
    forzar: bool = False,
    simular: bool = False,
) -> Resultado:
    """Renderiza una plantilla y la escribe en `destino` con la política de `escribir`."""
    return escribir(destino, renderizar(plantilla, contexto), forzar=forzar, simular=simular)
