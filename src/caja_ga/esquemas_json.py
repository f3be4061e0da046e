"""`caja-ga esquema`: un esquema JSON (draft 2020-12) por clase de archivo, para los editores.

Con el esquema, el servidor de lenguaje YAML (la extensión YAML de VS Code y los editores que lo
usan) completa claves y opciones, explica cada campo al pasar el cursor y marca errores de
estructura mientras se escribe. Todo sale de los modelos: descripciones, opciones, ejemplos y la
forma de los tipos propios (modelos/base.py), y de cada forma aceptada (modelos/formas.py) la
misma definición que usa el validador, así que el editor acepta exactamente lo que acepta
`caja-ga validar`. Aquí solo se pone el encabezado (dialecto, `$id`,
título), se quitan los títulos que pydantic deriva de los nombres («Medio Verificacion») y se
anota qué campos exige la metodología y hasta qué fase pueden quedar vacíos.

El esquema revisa la forma de un archivo; la metodología (fases, referencias, fechas, reglas
GA1xx–GA5xx) la revisa `caja-ga validar`.

Dónde viven: `.caja-ga/esquemas/` en la raíz que escribe `caja-ga init` (el repositorio con
`--repositorio`; si no, la carpeta del proceso). Cada archivo del andamio empieza con la línea
`# yaml-language-server: $schema=<ruta relativa>`, que funciona sin conexión.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, Final

from pydantic.json_schema import GenerateJsonSchema

from caja_ga import __version__
from caja_ga.archivos import escribir_atomico
from caja_ga.errores import ErrorDeUso
from caja_ga.modelos import MODELOS
from caja_ga.modelos.base import MARCA_REQUERIDO
from caja_ga.proceso import ARCHIVOS, CARPETAS, FASE_DE_CLASE, clase_de_archivo

DIALECTO: Final = "https://json-schema.org/draft/2020-12/schema"
CARPETA_ESQUEMAS: Final = PurePosixPath(".caja-ga", "esquemas")
LINEA_DE_ESQUEMA: Final = "# yaml-language-server: $schema="


class _SinTitulos(GenerateJsonSchema):
    """Sin el título que pydantic pone a cada campo: la clave ya es su nombre y la ayuda en
    español va en la descripción."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def nombre_de_esquema(clase: str) -> str:
    return f"{clase}.schema.json"


def _archivo_de(clase: str) -> str:
    """El archivo que describe el esquema: «plan.yaml», «sesiones/*.yaml»."""
    por_clase = {c: nombre for nombre, c in ARCHIVOS.items()}
    por_clase |= {c: f"{carpeta}/*.yaml" for carpeta, c in CARPETAS.items()}
    return por_clase[clase]


def esquema_json(clase: str) -> dict[str, Any]:
    """El esquema de una clase de archivo (`proceso`, `plan`, `sesion`…), listo para un editor."""
    modelo = MODELOS[clase]
    generado = modelo.model_json_schema(mode="validation", schema_generator=_SinTitulos)
    generado.pop("title", None)
    for definicion in generado.get("$defs", {}).values():
        definicion.pop("title", None)
    _anotar_requeridos(
        generado,
        "La metodología lo pide (GA005): puede quedar vacío hasta que "
        f"termine la fase «{FASE_DE_CLASE[clase]}».",
    )
    # La descripción del archivo es la del módulo de su modelo: una sola fuente.
    descripcion = (sys.modules[modelo.__module__].__doc__ or "").strip()
    return {
        "$schema": DIALECTO,
        "$id": f"urn:caja-ga:esquema:1:{clase}",
        "$comment": f"Generado por caja-ga {__version__} desde sus modelos; no lo edites: "
        "regenéralo con «caja-ga esquema --salida DIR».",
        "title": f"caja-ga: {_archivo_de(clase)}",
        "description": descripcion,
        **generado,
    }


def _anotar_requeridos(nodo: Any, nota: str) -> None:
    """Cambia la marca de REQUERIDO por una nota al final de la descripción del campo."""
    if isinstance(nodo, list):
        for elemento in nodo:
            _anotar_requeridos(elemento, nota)
    if not isinstance(nodo, dict):
        return
    if nodo.pop(MARCA_REQUERIDO, False):
        nodo["description"] = f"{nodo.get('description', '')} {nota}".strip()
    for valor in nodo.values():
        _anotar_requeridos(valor, nota)


def esquemas_en(carpeta: PurePosixPath) -> dict[PurePosixPath, str]:
    """Ruta de cada esquema dentro de `carpeta` → su texto JSON."""
    return {
        carpeta / nombre_de_esquema(clase): json.dumps(
            esquema_json(clase), ensure_ascii=False, indent=2
        )
        + "\n"
        for clase in MODELOS
    }


def escribir_esquemas(carpeta: Path) -> list[Path]:
    """Escribe los esquemas en `carpeta`; los reemplaza si ya existen (son generados)."""
    if carpeta.exists() and not carpeta.is_dir():
        raise ErrorDeUso(f"«{carpeta}» es un archivo; --salida debe ser una carpeta.")
    escritos: list[Path] = []
    try:
        for relativa, texto in esquemas_en(PurePosixPath()).items():
            escribir_atomico(carpeta / relativa, texto)
            escritos.append(carpeta / relativa)
    except OSError as error:
        motivo = error.strerror or error
        raise ErrorDeUso(f"No se pudo escribir en «{carpeta}»: {motivo}.") from None
    return escritos


def lineas_de_esquema(hacia_la_raiz: PurePosixPath) -> Mapping[str, str]:
    """Clase → ruta del esquema, relativa a una carpeta que está en `hacia_la_raiz` (p. ej.
    «jalisco/zapopan/2024-2027») dentro de la raíz que guarda CARPETA_ESQUEMAS."""
    subir = PurePosixPath(*[".."] * len(hacia_la_raiz.parts))
    return {clase: str(subir / CARPETA_ESQUEMAS / nombre_de_esquema(clase)) for clase in MODELOS}


def con_linea_de_esquema(ruta: Path, texto: str) -> str:
    """El texto de un archivo nuevo del proceso, encabezado por la línea de su esquema si hay
    esquemas en su carpeta o más arriba (los que escribió `caja-ga init`); si no, tal cual."""
    clase = clase_de_archivo(ruta)
    if clase is None:
        return texto
    carpeta = ruta.parent.resolve()
    for ancestro in (carpeta, *carpeta.parents):
        esquema = ancestro / CARPETA_ESQUEMAS / nombre_de_esquema(clase)
        if esquema.is_file():
            relativa = Path(os.path.relpath(esquema, carpeta)).as_posix()
            return f"{LINEA_DE_ESQUEMA}{relativa}\n{texto}"
    return texto
