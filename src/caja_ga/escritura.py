"""Cambiar valores de un YAML a mano, como lo haría una persona: el resto queda byte por byte.

Todo lo que caja-ga escribe en un archivo del usuario ya existente pasa por `guardar_si_no_cambio`:
atómico, y solo si el archivo sigue como cuando se leyó (su huella) y caja-ga lo vuelve a leer.

Se lee el archivo (`leer`), se aplican cambios de valores simples en rutas de claves e índices
(`aplicar`) y se guarda (`guardar_leido`) de forma atómica, solo si el archivo no cambió desde
que se leyó. Cada cambio reemplaza únicamente el texto del escalar en su posición (la que da la
composición de PyYAML); una clave que falta se agrega en la línea siguiente a otra clave simple
del mismo mapeo, con su sangría. Comentarios, comillas, orden y saltos de línea del resto del
archivo no se tocan. Antes de devolver el texto nuevo se vuelve a leer y se comprueba que sus
datos son los de antes con exactamente esos valores cambiados; si no, no se escribe nada.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from caja_ga.andamio import comprobar, escalar_yaml, guardar, texto_yaml
from caja_ga.archivos import ruta_visible
from caja_ga.carga import Ilegible, leer_bytes
from caja_ga.errores import ErrorDeUso
from caja_ga.problemas import Ruta

_SANGRIA = 2  # la de una clave nueva bajo otra que no tenía hijos
_DE_FLUJO = frozenset(",[]{}")


class ErrorDeEscritura(ErrorDeUso):
    """El cambio no se puede escribir sin tocar otra cosa, o el archivo cambió; nada se escribió."""


class ArchivoCambiado(ErrorDeEscritura):
    """El archivo cambió en el disco desde que se leyó: escribir perdería esos cambios."""


@dataclass(frozen=True, slots=True)
class Cambio:
    """Un valor nuevo (texto, número, fecha, booleano o None para vaciarlo) en una ruta."""

    ruta: Ruta
    valor: Any


@dataclass(frozen=True, slots=True)
class Leido:
    """Un archivo tal como se leyó: su texto y la huella de sus bytes."""

    ruta: Path
    texto: str
    huella: str


def huella(datos: bytes) -> str:
    return hashlib.sha256(datos).hexdigest()


def leer(ruta: Path) -> Leido:
    """Lee un archivo UTF-8 para cambiarlo después con `aplicar` y `guardar_leido`."""
    try:
        datos = ruta.read_bytes()
    except OSError as error:
        raise ErrorDeEscritura(
            f"No se pudo leer «{ruta_visible(ruta)}» ({error.strerror or error})."
        ) from None
    try:
        texto = datos.decode("utf-8")
    except UnicodeDecodeError:
        raise ErrorDeEscritura(
            f"{ruta_visible(ruta)} no es texto UTF-8; guárdalo como UTF-8 y vuelve a intentarlo."
        ) from None
    return Leido(ruta, texto, huella(datos))


def aplicar(leido: Leido, cambios: Sequence[Cambio]) -> str:
    """El texto con cada valor cambiado en su lugar; ErrorDeEscritura si no se puede."""
    texto = leido.texto
    for cambio in cambios:
        texto = _aplicar_uno(texto, cambio, leido.ruta)
    esperado = _cargar(leido.texto, leido.ruta)
    for cambio in cambios:
        _poner(esperado, cambio.ruta, cambio.valor)
    if _cargar(texto, leido.ruta) != esperado:
        raise _no_se_puede(leido.ruta, cambios[0].ruta if cambios else ())
    comprobar(leido.ruta, texto)
    return texto


def guardar_leido(leido: Leido, texto: str) -> None:
    """Escribe `texto` de forma atómica si el archivo sigue como se leyó; si cambió, no escribe."""
    guardar_si_no_cambio(leido.ruta, texto, leido.huella, leido.ruta.parent)


def guardar_si_no_cambio(ruta: Path, texto: str, leida: str, dentro_de: Path) -> None:
    """Escribe `texto` en `ruta` de forma atómica si el archivo sigue como cuando se leyó (su
    huella es `leida`) y si caja-ga lo puede volver a leer; si no, no escribe nada."""
    visible = ruta_visible(ruta)
    try:
        actual = leer_bytes(ruta, dentro_de)
    except Ilegible as ilegible:
        raise ArchivoCambiado(f"No se guardó «{visible}»: {ilegible.mensaje}") from None
    if huella(actual) != leida:
        raise ArchivoCambiado(
            f"No se guardó «{visible}»: el archivo cambió en el disco desde que se leyó (otra "
            "persona u otro programa lo modificó); no se escribió nada. Vuelve a abrirlo y aplica "
            "tus cambios de nuevo."
        )
    comprobar(ruta, texto)
    guardar(ruta, texto, dentro_de=dentro_de)


def numero_yaml(valor: float) -> str:
    """Un número como se escribe a mano: 40, 0.5, 0.00001 (nunca 1e-05, que YAML lee como texto)."""
    if float(valor).is_integer():
        return str(int(valor))
    return format(Decimal(repr(float(valor))), "f")


def ruta_legible(ruta: Ruta) -> str:
    """("compromisos", 0, "fin") → «compromisos[1].fin» (índices desde 1, como se cuentan)."""
    partes: list[str] = []
    for paso in ruta:
        if isinstance(paso, int):
            partes[-1:] = [f"{partes[-1] if partes else ''}[{paso + 1}]"]
        else:
            partes.append(paso)
    return ".".join(partes)


# --- un cambio --------------------------------------------------------------------------------


def _aplicar_uno(texto: str, cambio: Cambio, ruta: Path) -> str:
    raiz = _componer(texto, ruta)
    nodo: Node = raiz
    de_flujo = False  # dentro de «{…}» o «[…]» un texto con comas va entre comillas
    for i, paso in enumerate(cambio.ruta):
        de_flujo = de_flujo or bool(getattr(nodo, "flow_style", False))
        hijo = _hijo(nodo, paso)
        if hijo is None:
            if not isinstance(nodo, MappingNode) or not isinstance(paso, str):
                raise _no_se_puede(ruta, cambio.ruta)
            return _insertar(texto, nodo, [str(p) for p in cambio.ruta[i:]], cambio, ruta)
        nodo = hijo
    if not isinstance(nodo, ScalarNode):
        raise ErrorDeEscritura(
            f"En {ruta_visible(ruta)}, «{ruta_legible(cambio.ruta)}» no es un valor simple "
            "(es una lista o tiene campos dentro); cámbialo en el archivo."
        )
    return _reemplazar(texto, nodo, cambio, de_flujo)


def _hijo(nodo: Node, paso: str | int) -> Node | None:
    if isinstance(nodo, MappingNode):
        for clave, valor in nodo.value:
            if isinstance(clave, ScalarNode) and clave.value == paso:
                return valor  # type: ignore[no-any-return]
        return None
    if isinstance(paso, int) and not isinstance(nodo, ScalarNode) and 0 <= paso < len(nodo.value):
        return nodo.value[paso]  # type: ignore[no-any-return]
    return None


def _reemplazar(texto: str, nodo: ScalarNode, cambio: Cambio, de_flujo: bool) -> str:
    inicio, fin = nodo.start_mark.index, nodo.end_mark.index
    while fin > inicio and texto[fin - 1] in " \t\r\n":  # un bloque «|» incluye sus saltos
        fin -= 1
    columna = _columna_de_clave(texto, inicio)
    nuevo = _escalar(cambio.valor, nodo.style, columna, _salto(texto), de_flujo)
    if not nuevo and texto[inicio - 1 : inicio] == " ":
        inicio -= 1  # «clave: valor» vaciado queda «clave:»
    return texto[:inicio] + nuevo + texto[fin:]


def _insertar(texto: str, mapeo: MappingNode, claves: list[str], cambio: Cambio, ruta: Path) -> str:
    """Agrega `clave: valor` (y las claves intermedias que falten) como línea nueva del mapeo."""
    if mapeo.flow_style or not mapeo.value:
        raise _no_se_puede(ruta, cambio.ruta)
    columna = mapeo.value[0][0].start_mark.column
    anterior = next(
        (
            valor
            for _, valor in mapeo.value
            if isinstance(valor, ScalarNode)
            and valor.style in (None, "", "'", '"')
            and valor.start_mark.line == valor.end_mark.line
        ),
        None,
    )
    if anterior is None:
        raise _no_se_puede(ruta, cambio.ruta)
    salto = _salto(texto)
    final_de_linea = texto.find("\n", anterior.end_mark.index)
    punto = len(texto) if final_de_linea < 0 else final_de_linea + 1
    lineas = []
    for nivel, clave in enumerate(claves[:-1]):
        lineas.append(" " * (columna + nivel * _SANGRIA) + f"{clave}:")
    sangria = columna + (len(claves) - 1) * _SANGRIA
    valor = _escalar(cambio.valor, None, sangria, salto, False)
    lineas.append(" " * sangria + f"{claves[-1]}:" + (f" {valor}" if valor else ""))
    agregado = salto.join(lineas) + salto
    if final_de_linea < 0:
        agregado = salto + agregado
    return texto[:punto] + agregado + texto[punto:]


def _escalar(valor: Any, estilo: str | None, columna: int, salto: str, de_flujo: bool) -> str:
    """El valor como lo escribiría una persona, en el estilo de comillas que ya tenía."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "true" if valor else "false"
    if isinstance(valor, int | float):
        return numero_yaml(valor)
    if isinstance(valor, date):
        return valor.isoformat()
    texto = str(valor)
    cuerpo = texto.removesuffix("\n")
    if "\n" in cuerpo and estilo in ("|", ">") and cuerpo == cuerpo.strip() and "\r" not in texto:
        sangria = " " * (columna + _SANGRIA)
        lineas = (sangria + linea if linea else "" for linea in cuerpo.split("\n"))
        indicador = "|" if texto.endswith("\n") else "|-"
        return indicador + "".join(salto + linea for linea in lineas)
    if estilo == '"' or "\n" in texto:
        return texto_yaml(texto)
    if estilo == "'" and texto.isprintable():
        return "'" + texto.replace("'", "''") + "'"
    plano = escalar_yaml(texto)
    if plano == texto and (de_flujo and _DE_FLUJO & set(texto)):
        return texto_yaml(texto)
    return plano


def _columna_de_clave(texto: str, indice: int) -> int:
    """La sangría de la línea donde empieza el valor (la de su clave en un mapeo en bloque)."""
    inicio_de_linea = texto.rfind("\n", 0, indice) + 1
    linea = texto[inicio_de_linea:indice]
    sin_guion = linea.lstrip(" ")
    columna = len(linea) - len(sin_guion)
    while sin_guion.startswith("- "):  # «- clave: valor»: la clave va después del guion
        resto = sin_guion[2:].lstrip(" ")
        columna += len(sin_guion) - len(resto)
        sin_guion = resto
    return columna


def _salto(texto: str) -> str:
    return "\r\n" if "\r\n" in texto else "\n"


# --- lectura y comprobación -------------------------------------------------------------------


def _componer(texto: str, ruta: Path) -> Node:
    try:
        nodo = yaml.compose(texto, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        nodo = None
    if not isinstance(nodo, MappingNode):
        raise ErrorDeEscritura(
            f"{ruta_visible(ruta)} no se puede leer como YAML con campos «clave: valor»; "
            "corrígelo primero («caja-ga validar» dice dónde)."
        )
    return nodo


def _cargar(texto: str, ruta: Path) -> Any:
    try:
        return yaml.load(texto, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise _no_se_puede(ruta, ()) from None


def _poner(datos: Any, ruta: Ruta, valor: Any) -> None:
    actual = datos
    for paso in ruta[:-1]:
        if isinstance(actual, dict) and paso not in actual:
            actual[paso] = {}
        actual = actual[paso]
    actual[ruta[-1]] = copy.copy(valor)


def _no_se_puede(ruta: Path, donde: Ruta) -> ErrorDeEscritura:
    lugar = f" «{ruta_legible(donde)}»" if donde else ""
    return ErrorDeEscritura(
        f"No se pudo cambiar{lugar} en {ruta_visible(ruta)} sin tocar el resto del archivo, así "
        "que no se escribió nada; haz el cambio a mano en el archivo."
    )
