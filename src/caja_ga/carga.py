"""Leer un archivo: bytes → texto UTF-8 → nodos YAML con posiciones → datos de Python.

Estrategia de carga: libyaml (el compositor en C de PyYAML) construye el árbol de nodos con las
marcas de línea y columna; nosotros convertimos ese árbol a datos simples con la semántica de
YAML 1.2 para los escalares sin comillas (`no` es texto, `16.10` es un número que se rechaza con
una pista). Es varias veces más rápido que el modo de ida y vuelta de ruamel.yaml y conserva las
posiciones. ruamel.yaml se reserva para editar archivos del usuario conservando sus comentarios.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from caja_ga.problemas import Documento, Hallazgo
from caja_ga.sintaxis import diagnosticar

LIMITE_BYTES = 5 * 1024 * 1024
PROFUNDIDAD_MAXIMA = 64
LIMITE_ALIAS = 1000
# Presupuestos que acotan el tiempo y la memoria de cualquier archivo bajo LIMITE_BYTES: un plan
# real de muchos compromisos tiene unos pocos miles de nodos y listas de decenas de elementos.
LIMITE_NODOS = 200_000  # nodos del documento ya expandido (cada alias cuenta lo que repite)
LIMITE_ELEMENTOS = 10_000  # elementos de una lista o claves de un mapeo

_Base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Cargador(_Base):  # type: ignore[misc]
    """Compone sin resolver etiquetas: `escalar` aplica YAML 1.2 por su cuenta.

    La resolución implícita de PyYAML (YAML 1.1, en Python) costaba casi un tercio del tiempo de
    composición; las etiquetas explícitas (`!!str`) se conservan porque libyaml no las resuelve.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _SIN_RESOLVER

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


_CONSTANTES: dict[str, bool | None] = {
    **dict.fromkeys(("~", "null", "Null", "NULL", "")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_ENTERO = re.compile(r"^[-+]?[0-9]+$")
_FLOTANTE = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_IGNORAR = re.compile(r"#\s*caja-ga:\s*ignorar\s+((?:GA\d{3}[\s,]*)+)", re.IGNORECASE)
_INICIO_TIPICO = frozenset("-+.0123456789~ntfNTF")
_ETIQUETA_TEXTO = "tag:yaml.org,2002:str"
_SIN_RESOLVER = "?"


class _Demasiado(Exception):
    """El documento excede un límite (profundidad o alias): se rechaza entero."""


class Ilegible(Exception):
    """El archivo no se leyó: no es un archivo regular, sale del proceso, no se puede abrir o
    pesa demasiado. Lleva el código de su regla y el mensaje en español."""

    def __init__(self, codigo: str, mensaje: str) -> None:
        super().__init__(mensaje)
        self.codigo = codigo
        self.mensaje = mensaje


_MOTIVOS = {
    errno.EACCES: "no hay permiso para leerlo",
    errno.EPERM: "no hay permiso para leerlo",
    errno.ELOOP: "es un enlace simbólico que forma un bucle",
    errno.ENOENT: "es un enlace simbólico roto o el archivo desapareció",
    errno.EISDIR: "es una carpeta, no un archivo",
    errno.EIO: "el disco o la unidad de red falló al leerlo; vuelve a intentarlo",
}


def _motivo(error: OSError) -> str:
    """Por qué no se pudo leer, en español si se conoce (el texto del sistema puede venir en
    inglés)."""
    return _MOTIVOS.get(error.errno or 0, error.strerror or str(error))


def leer_bytes(ruta: Path, dentro_de: Path | None = None) -> bytes:
    """Los bytes de un archivo regular, hasta LIMITE_BYTES; nunca se queda esperando.

    Se abre sin bloquear y se mira qué es antes de leer: un fifo, un dispositivo (/dev/zero) o
    una carpeta con nombre de archivo se rechazan. Con `dentro_de`, un enlace simbólico que
    lleva fuera de esa carpeta tampoco se lee (el proceso es solo lo que hay en su carpeta).
    """
    if dentro_de is not None and not esta_dentro(ruta, dentro_de):
        raise Ilegible(
            "GA003",
            "Es un enlace simbólico que apunta fuera de la carpeta del proceso; caja-ga no lo "
            "sigue: copia ahí el archivo en lugar del enlace.",
        )
    try:
        descriptor = os.open(ruta, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        raise Ilegible("GA003", f"No se pudo leer el archivo: {_motivo(error)}.") from None
    try:
        estado = os.fstat(descriptor)
        if not stat.S_ISREG(estado.st_mode):
            que = (
                "una carpeta"
                if stat.S_ISDIR(estado.st_mode)
                else "un fifo, un socket o un dispositivo"
            )
            raise Ilegible(
                "GA003",
                f"No se pudo leer el archivo: es {que}, no un archivo de texto; un archivo del "
                "proceso es un archivo regular.",
            )
        datos = _leer_hasta_el_limite(descriptor, estado.st_size)
    except OSError as error:
        raise Ilegible("GA003", f"No se pudo leer el archivo: {_motivo(error)}.") from None
    finally:
        os.close(descriptor)
    if len(datos) > LIMITE_BYTES:
        raise Ilegible(
            "GA008",
            f"El archivo pesa más de {LIMITE_BYTES // (1024 * 1024)} MB; es "
            "demasiado grande para un archivo del proceso y no se leyó.",
        )
    return datos


def _leer_hasta_el_limite(descriptor: int, tamano: int) -> bytes:
    """Hasta LIMITE_BYTES + 1 bytes (uno de más delata al que se pasa). Se pide lo que dice el
    tamaño del archivo, no el límite entero: reservar 5 MB por archivo costaba más que leerlo."""
    partes: list[bytes] = []
    total = 0
    pedir = min(tamano, LIMITE_BYTES) + 1
    while total <= LIMITE_BYTES:
        parte = os.read(descriptor, pedir)
        if not parte:
            break
        partes.append(parte)
        total += len(parte)
        pedir = min(LIMITE_BYTES + 1 - total, 1 << 16)  # si creció mientras se leía
    return b"".join(partes)


def esta_dentro(ruta: Path, carpeta: Path) -> bool:
    """Si `ruta`, siguiendo sus enlaces, queda dentro de `carpeta`."""
    if _sin_enlaces_debajo(ruta, carpeta):
        return True
    try:
        return Path(os.path.realpath(ruta)).is_relative_to(os.path.realpath(carpeta))
    except (OSError, ValueError):
        return False


def _sin_enlaces_debajo(ruta: Path, carpeta: Path) -> bool:
    """Si `ruta` está bajo `carpeta` sin «..» ni enlaces (ni puntos de reanálisis de Windows)
    entre una y otra: entonces queda dentro sin resolver nada. Mirar uno o dos nombres cuesta
    mucho menos que resolver las dos rutas completas por cada archivo de cada proceso."""
    relativa = relativa_debajo(ruta, carpeta)
    if not relativa:
        return False
    partes = relativa.split(os.sep)  # noqa: PTH206 (texto: pathlib costaría lo que se ahorra)
    if ".." in partes:
        return False
    actual = str(carpeta)
    for parte in partes:
        actual = os.path.join(actual, parte)  # noqa: PTH118
        try:
            estado = os.lstat(actual)
        except OSError:
            return False  # que lo explique el camino de siempre
        if stat.S_ISLNK(estado.st_mode) or getattr(estado, "st_reparse_tag", False):
            return False
    return True


def relativa_debajo(ruta: Path, carpeta: Path) -> str | None:
    """Lo que sigue a `carpeta` en `ruta` (con el separador del sistema), comparando el texto
    de las rutas: mucho más barato que `Path.relative_to` en los bucles por archivo. None si
    `ruta` no empieza con `carpeta` tal como se escribió."""
    prefijo, texto = os.fspath(carpeta), os.fspath(ruta)
    if prefijo == ".":
        return None if os.path.isabs(texto) or texto == "." else texto  # noqa: PTH117
    if texto.startswith(prefijo) and texto[len(prefijo) : len(prefijo) + 1] == os.sep:
        return texto[len(prefijo) + 1 :]
    return None


def cargar(ruta: Path, archivo: str, clase: str) -> Documento:
    doc = Documento(ruta, archivo, clase)
    try:
        datos = leer_bytes(ruta)
    except Ilegible as ilegible:
        doc.problema(ilegible.codigo, ilegible.mensaje)
        return doc
    return cargar_bytes(doc, datos)


def cargar_bytes(doc: Documento, datos: bytes) -> Documento:
    """Un documento a partir de los bytes ya leídos de su archivo."""
    texto = _decodificar(doc, datos)
    return doc if texto is None else _analizar(doc, texto)


def cargar_texto(texto: str, ruta: Path, archivo: str, clase: str) -> Documento:
    """Un texto que aún no está en disco (lo que generan `init` y `nuevo`), leído como `cargar`
    leerá el archivo una vez escrito."""
    return _analizar(Documento(ruta, archivo, clase), texto)


def _analizar(doc: Documento, texto: str) -> Documento:
    if "caja-ga:" in texto:
        doc.ignorados = _ignorados(texto)
    nodo = _componer(doc, texto)
    if nodo is None:
        return doc
    if not isinstance(nodo, MappingNode):
        doc.hallazgos.append(
            Hallazgo(
                "El archivo debe contener campos con la forma «clave: valor» en el primer nivel, "
                "no una lista ni un texto suelto.",
                doc,
                codigo="GA006",
                posicion=_posicion(nodo),
            )
        )
        return doc
    doc.nodo = nodo
    try:
        doc.datos = _Conversor(doc).valor(nodo, 0)
    except _Demasiado as exceso:
        doc.nodo = None
        doc.hallazgos.append(
            Hallazgo(str(exceso.args[0]), doc, codigo="GA008", posicion=exceso.args[1])
        )
    return doc


def _decodificar(doc: Documento, datos: bytes) -> str | None:
    if b"\x00" in datos:
        linea = datos.count(b"\n", 0, datos.index(b"\x00")) + 1
        doc.hallazgos.append(
            Hallazgo(_binario_o_utf16(datos, linea), doc, codigo="GA003", posicion=(linea, 1))
        )
        return None
    try:
        texto = datos.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        linea = datos.count(b"\n", 0, error.start) + 1
        byte = datos[error.start]
        doc.hallazgos.append(
            Hallazgo(
                f"El archivo no está en UTF-8: el byte 0x{byte:02X} de la línea {linea} no es "
                "válido (quizá se guardó como Latin-1 o ANSI); ábrelo y vuelve a guardarlo con la "
                "codificación UTF-8.",
                doc,
                codigo="GA003",
                posicion=(linea, 1),
            )
        )
        return None
    if not texto or texto.isspace():  # como `strip()`, sin copiar el texto entero
        doc.hallazgos.append(
            Hallazgo(
                "El archivo está vacío; debe empezar al menos con «version: 1».",
                doc,
                codigo="GA003",
                posicion=(1, 1),
            )
        )
        return None
    return texto


def _binario_o_utf16(datos: bytes, linea: int) -> str:
    if datos.startswith((b"\xff\xfe", b"\xfe\xff")):
        return (
            "El archivo está guardado como UTF-16 («Unicode» en el Bloc de notas); vuelve a "
            "guardarlo con la codificación UTF-8."
        )
    return (
        f"El archivo parece binario (contiene un byte nulo en la línea {linea}), no texto "
        "YAML; guárdalo como texto UTF-8."
    )


def _ignorados(texto: str) -> dict[int, frozenset[str]]:
    ignorados: dict[int, frozenset[str]] = {}
    for numero, linea in enumerate(texto.splitlines(), start=1):
        if coincidencia := _IGNORAR.search(linea):
            ignorados[numero] = frozenset(re.findall(r"GA\d{3}", coincidencia.group(1).upper()))
    return ignorados


def _componer(doc: Documento, texto: str) -> Node | None:
    try:
        nodo: Node | None = yaml.compose(texto, Loader=_Cargador)
    except yaml.MarkedYAMLError as error:
        _error_de_sintaxis(doc, texto, error)
        return None
    except ReaderError as error:
        linea = texto.count("\n", 0, error.position) + 1
        columna = error.position - (texto.rfind("\n", 0, error.position) + 1) + 1
        doc.hallazgos.append(
            Hallazgo(
                f"Hay un carácter de control invisible (código 0x{error.character:02X}) que YAML "
                "no admite; bórralo y vuelve a escribir ese texto.",
                doc,
                codigo="GA001",
                posicion=(linea, columna),
            )
        )
        return None
    except yaml.YAMLError as error:
        doc.problema("GA001", f"El archivo no es YAML válido: {str(error).splitlines()[0]}.")
        return None
    if nodo is None:
        doc.problema(
            "GA003", "El archivo solo tiene comentarios; debe empezar al menos con «version: 1»."
        )
    return nodo


def _error_de_sintaxis(doc: Documento, texto: str, error: yaml.MarkedYAMLError) -> None:
    problema = f"{error.context or ''} {error.problem or ''}"
    codigo = "GA008" if "nesting depth" in problema else "GA001"
    posicion, mensaje = diagnosticar(texto, error)
    doc.hallazgos.append(Hallazgo(mensaje, doc, codigo=codigo, posicion=posicion))


class _Conversor:
    """Convierte nodos en datos con las reglas de YAML 1.2 y vigila claves repetidas y alias.

    Es el bucle más transitado de la carga (cada clave y cada escalar de cada archivo): los
    escalares se convierten sin pasar por `valor`, el caso común (un texto) sin llegar a
    `escalar`, y la línea de cada clave solo se busca cuando alguna se repite.
    """

    def __init__(self, doc: Documento) -> None:
        self.doc = doc
        self.vistos: set[int] = set()
        self.alias = 0
        self.nodos = 0

    def valor(self, nodo: Node, profundidad: int) -> Any:
        if type(nodo) is ScalarNode:
            return escalar(nodo)
        if profundidad > PROFUNDIDAD_MAXIMA:
            raise _Demasiado(
                f"El documento anida más de {PROFUNDIDAD_MAXIMA} niveles; un archivo "
                "del proceso nunca necesita tantos.",
                _posicion(nodo),
            )
        if id(nodo) in self.vistos:
            self.alias += 1
            if self.alias > LIMITE_ALIAS:
                raise _Demasiado(
                    f"El documento usa más de {LIMITE_ALIAS} alias «*»; se rechaza "
                    "para no agotar la memoria (posible «bomba YAML»).",
                    _posicion(nodo),
                )
        else:
            self.vistos.add(id(nodo))
        hijos = len(nodo.value)  # la cuenta de los nodos expandidos: un contenedor, sus hijos
        self.nodos += hijos
        if hijos > LIMITE_ELEMENTOS or self.nodos > LIMITE_NODOS:
            self._exceso(nodo, hijos)
        if type(nodo) is SequenceNode:
            return [
                (_texto(hijo) if type(hijo) is ScalarNode else self.valor(hijo, profundidad + 1))
                for hijo in nodo.value
            ]
        assert isinstance(nodo, MappingNode)
        return self._mapeo(nodo, profundidad)

    def _exceso(self, nodo: Node, hijos: int) -> NoReturn:
        """El límite que excede el contenedor: demasiados hijos o demasiados nodos en total."""
        if hijos > LIMITE_ELEMENTOS:
            que = "elementos" if isinstance(nodo, SequenceNode) else "claves"
            raise _Demasiado(
                f"Esta {'lista' if que == 'elementos' else 'sección'} tiene {hijos:,} {que}; "
                f"caja-ga lee hasta {LIMITE_ELEMENTOS:,} por nivel, más de lo que un archivo "
                "del proceso necesita.",
                _posicion(nodo),
            )
        raise _Demasiado(
            f"El documento tiene más de {LIMITE_NODOS:,} valores (contando lo que repite "
            "cada alias «*»); se rechaza para no agotar la memoria (posible «bomba YAML»).",
            _posicion(nodo),
        )

    def _mapeo(self, nodo: MappingNode, profundidad: int) -> dict[str, Any]:
        resultado: dict[str, Any] = {}
        primeras: dict[str, int] | None = None  # se arma solo si alguna clave se repite
        for clave_nodo, valor_nodo in nodo.value:
            if type(clave_nodo) is not ScalarNode:
                self.doc.hallazgos.append(
                    Hallazgo(
                        "Una clave debe ser un texto simple, no una lista ni un mapeo.",
                        self.doc,
                        codigo="GA006",
                        posicion=_posicion(clave_nodo),
                    )
                )
                continue
            texto: str = clave_nodo.value
            if texto in resultado:
                primeras = primeras or _primeras_lineas(nodo)
                self._repetida(clave_nodo, primeras[texto])
                continue
            resultado[texto] = (
                _texto(valor_nodo)
                if type(valor_nodo) is ScalarNode
                else self.valor(valor_nodo, profundidad + 1)
            )
        return resultado

    def _repetida(self, repetida: ScalarNode, primera_linea: int) -> None:
        self.doc.hallazgos.append(
            Hallazgo(
                f"La clave «{repetida.value}» está repetida (ya aparece en la línea "
                f"{primera_linea}); deja una sola.",
                self.doc,
                codigo="GA002",
                posicion=_posicion(repetida),
            )
        )


def _texto(nodo: ScalarNode) -> Any:
    """`escalar` con el caso común (un texto) resuelto antes de llamarla."""
    texto: str = nodo.value
    if nodo.style or (texto and texto[0] not in _INICIO_TIPICO):
        return texto
    return escalar(nodo)


def _primeras_lineas(nodo: MappingNode) -> dict[str, int]:
    """La línea de la primera aparición de cada clave del mapeo."""
    lineas: dict[str, int] = {}
    for clave, _ in nodo.value:
        if type(clave) is ScalarNode:
            lineas.setdefault(clave.value, clave.start_mark.line + 1)
    return lineas


def _posicion(nodo: Node) -> tuple[int, int]:
    return nodo.start_mark.line + 1, nodo.start_mark.column + 1


def escalar(nodo: ScalarNode) -> Any:
    """Un escalar según el esquema «core» de YAML 1.2 (sin fechas ni «yes/no» como booleanos)."""
    texto: str = nodo.value
    # Entre comillas, en bloque, con !!str explícito o empezando con letra común: es texto.
    if nodo.style or nodo.tag == _ETIQUETA_TEXTO or (texto and texto[0] not in _INICIO_TIPICO):
        return texto
    if texto in _CONSTANTES:
        return _CONSTANTES[texto]
    if _FLOTANTE.match(texto):  # todo entero también lo es: una sola prueba para casi todo
        if _ENTERO.match(texto):
            # Más de 4300 cifras no es un número que alguien quiera escribir (y Python se niega
            # a convertirlo): queda como texto y el modelo dice que ahí va un número.
            return int(texto) if len(texto) <= 4300 else texto
        numero = float(texto)
        # «1e400» se desborda a infinito: queda como texto, como arriba (`.inf` sí es infinito).
        return numero if math.isfinite(numero) else texto
    if texto in (".inf", "+.inf", "-.inf", ".nan", ".NaN", ".NAN"):
        return float(texto.replace(".", "", 1))
    return texto
