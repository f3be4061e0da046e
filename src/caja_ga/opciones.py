"""Cómo se escribe una opción de una lista cerrada, en los archivos y en la línea de comandos.

Una opción vale escrita con mayúsculas, acentos (á, à, ü, ñ) y espacios o guiones en lugar de «_»,
y con «de» o «del» entre sus palabras: «Sí», «Participación», «En proceso», «Rendición de
cuentas» valen como `si`, `participacion`, `en_proceso`, `rendicion_cuentas`. La misma
tabla de letras da la lectura (`clave_de_opcion`) y el patrón del esquema JSON de los editores
(`patron_de_opciones`), así que ambos aceptan exactamente lo mismo.

Módulo hoja: la línea de comandos lo usa al leer cada opción sin cargar los modelos.
"""

import re
import string
import unicodedata
from collections.abc import Iterable
from typing import Any, Final

ESPACIOS: Final = " \t\u00a0"
"""Lo que se ignora alrededor de un valor (el espacio duro llega al copiar de un documento)."""
_SEPARADORES: Final = ESPACIOS + "_-"
_MARCAS: Final = "\u0301\u0300\u0308\u0303"  # acento agudo y grave, diéresis, virgulilla


def _variantes(letra: str) -> list[str]:
    """La letra, con cada marca que tenga forma compuesta, en minúscula y mayúscula."""
    compuestas = [unicodedata.normalize("NFC", letra + marca) for marca in _MARCAS]
    minusculas = [letra, *(c for c in compuestas if len(c) == 1)]
    return [v for m in minusculas for v in (m, m.upper()) if len(v) == 1]


_LETRAS: Final[dict[str, list[str]]] = {
    letra: _variantes(letra) for letra in string.ascii_lowercase
}
_BASE: Final[dict[str, str]] = {v: letra for letra, vs in _LETRAS.items() for v in vs}
_TRADUCCION: Final = str.maketrans(_BASE)
_CORRIDA_DE_SEPARADORES: Final = re.compile(f"[{re.escape(_SEPARADORES)}]+")
_CONECTORES: Final = ("de", "del")
_CONECTOR_ENTRE_PALABRAS: Final = re.compile(f"(?<=[^_])_(?:(?:{'|'.join(_CONECTORES)})_)+(?=[^_])")


def _literal(caracter: str) -> str:
    """Un carácter escrito de modo que valga igual en Python y en JavaScript con la bandera «u»
    (la de los editores), que no admite escapes de más."""
    if caracter in "\\]^-[.*+?(){}|$/":
        return "\\" + caracter
    return caracter if " " <= caracter <= "~" else f"\\u{ord(caracter):04x}"


def _clase(caracteres: str) -> str:
    return "[" + "".join(_literal(c) for c in caracteres) + "]"


def clave_de_opcion(texto: str) -> str:
    """«Rendición de  Cuentas » → `rendicion_cuentas`: sin mayúsculas, acentos, separadores
    distintos de «_» ni conectores entre palabras."""
    sin_acentos = texto.strip(ESPACIOS).translate(_TRADUCCION)
    return _CONECTOR_ENTRE_PALABRAS.sub("_", _CORRIDA_DE_SEPARADORES.sub("_", sin_acentos))


def normalizar_opcion(valor: Any) -> Any:
    """«Sí», «Participación» o «En proceso» valen como `si`, `participacion`, `en_proceso`."""
    return clave_de_opcion(valor) if isinstance(valor, str) else valor


def _patron_de_letra(caracter: str) -> str:
    if caracter == "_":
        separador = _clase(_SEPARADORES) + "+"
        conectores = "|".join(_patron_de_palabra(c) for c in _CONECTORES)
        return f"{separador}(?:(?:{conectores}){separador})*"
    variantes = _LETRAS.get(caracter.lower())
    return _clase("".join(variantes)) if variantes else _literal(caracter)


def _patron_de_palabra(palabra: str) -> str:
    return "".join(_patron_de_letra(c) for c in palabra)


def patron_de_opciones(valores: Iterable[str]) -> str:
    """El patrón (JSON Schema) de los textos cuya `clave_de_opcion` es la de uno de `valores`."""
    alternativas = sorted({_patron_de_palabra(clave_de_opcion(v)) for v in valores})
    espacios = _clase(ESPACIOS) + "*"
    return f"^{espacios}(?:{'|'.join(alternativas)}){espacios}$"
