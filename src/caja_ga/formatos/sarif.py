"""`--formato sarif`: SARIF 2.1.0, el formato que leen GitHub code scanning y otros visores.

Un solo `run`: la herramienta con todas las reglas del registro (su ayuda es la misma
documentación de `caja-ga reglas`, con el enlace a su sección en docs/reglas.md) y un resultado
por problema. Las rutas quedan relativas a la carpeta actual, que en integración continua es la
raíz del repositorio; un problema sin línea (un archivo que falta) no lleva región.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from caja_ga import __version__
from caja_ga.documentacion import cuerpo_markdown, cuerpo_texto, enlace_de_regla, explicacion
from caja_ga.problemas import Problema, Resultado, Severidad
from caja_ga.reglas import Regla, todas

ESQUEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_NIVEL = {Severidad.ERROR: "error", Severidad.AVISO: "warning"}


def _regla(regla: Regla) -> dict[str, Any]:
    enlace = enlace_de_regla(regla.codigo)
    pie = f"Más: `caja-ga reglas {regla.codigo}` · {enlace} (en el repositorio de caja-ga)."
    return {
        "id": regla.codigo,
        "name": regla.nombre,
        "shortDescription": {"text": regla.resumen},
        "fullDescription": {"text": explicacion(regla)},
        "help": {
            "text": f"{cuerpo_texto(regla)}\n\n{pie}",
            "markdown": f"{cuerpo_markdown(regla)}\n{pie}",
        },
        "defaultConfiguration": {"level": _NIVEL[regla.severidad]},
        "properties": {"documentacion": enlace},
    }


def _ubicacion(problema: Problema) -> dict[str, Any]:
    # Un nombre que no es UTF-8 válido conserva sus bytes en la URI («%FF»).
    uri = quote(problema.archivo, errors="surrogateescape")
    fisica: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if problema.linea is not None:
        fisica["region"] = {"startLine": problema.linea, "startColumn": problema.columna or 1}
    return {"physicalLocation": fisica}


def _resultado(problema: Problema, indice: dict[str, int]) -> dict[str, Any]:
    return {
        "ruleId": problema.codigo,
        "ruleIndex": indice[problema.codigo],
        "level": _NIVEL[problema.severidad],
        "message": {"text": problema.mensaje_con_nota},
        "locations": [_ubicacion(problema)],
    }


def formatear(resultado: Resultado, color: bool = False) -> str:
    del color
    reglas = list(todas().values())
    indice = {regla.codigo: numero for numero, regla in enumerate(reglas)}
    corrida = {
        "tool": {
            "driver": {
                "name": "caja-ga",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_regla(regla) for regla in reglas],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_resultado(p, indice) for p in resultado.problemas],
    }
    sarif = {"$schema": ESQUEMA, "version": "2.1.0", "runs": [corrida]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
