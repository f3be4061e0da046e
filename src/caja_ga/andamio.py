"""Andamios: una carpeta de plantillas → archivos en un destino, con una sola política de escritura.

Una plantilla es una carpeta dentro de `plantillas/` (el paquete `caja_ga.plantillas`): los archivos
que terminan en `.jinja` se renderizan con el contexto y pierden esa terminación; los demás se
copian tal cual. Un segmento de ruta que empieza con `punto_` se escribe con un punto
(`punto_github/` → `.github/`, `punto_gitignore` → `.gitignore`): así las plantillas de archivos
ocultos no quedan ocultas al empaquetarlas ni actúan sobre este mismo repositorio (un `.gitignore`
de plantilla ignoraría archivos aquí).

`init` renderiza carpetas enteras (`renderizar`); `nuevo`, un archivo suelto (`renderizar_archivo`).
Los textos del usuario entran por los filtros `yaml` (siempre entre comillas), `escalar` (sin
comillas cuando no hay ambigüedad) y `una_linea` (para comentarios), que escapan todo carácter que
YAML no admite tal cual (controles, DEL, C1, NEL, separadores de línea Unicode).

`escribir` es el único lugar que decide qué pasa con un archivo que ya existe (también un enlace
simbólico, aunque esté roto): nunca se sobrescribe, salvo con `forzar`, y un enlace se escribe en
su destino solo si queda dentro de la carpeta destino (`archivos.escribir_atomico`); con
`simular` se calcula lo que se haría sin tocar el disco.
Antes de escribir nada, `comprobar` vuelve a leer cada YAML generado con el cargador de `validar`:
si alguno no se pudiera leer, no se escribe ninguno. Cada escritura es atómica (archivo temporal
en la misma carpeta y `os.replace`), así que una interrupción nunca deja un archivo a medias.
Nada aquí imprime.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Final

from caja_ga.archivos import EnlaceRechazado, escribir_atomico, ruta_visible
from caja_ga.carga import cargar_texto
from caja_ga.errores import ErrorDeUso
from caja_ga.problemas import Documento

if TYPE_CHECKING:
    import jinja2

SUFIJO_PLANTILLA = ".jinja"
PREFIJO_PUNTO = "punto_"
SUFIJOS_YAML: Final = frozenset({".yaml", ".yml"})
# Lo que YAML no admite tal cual dentro de un texto: controles C0 (salvo tabulador y saltos), DEL,
# C1 (NEL, U+0085, es además un salto de línea), los separadores de línea y párrafo Unicode (también
# saltos), sustitutos sueltos y los no caracteres U+FFFE y U+FFFF.
_NO_ADMITIDO: Final = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_SUSTITUTO: Final = re.compile("[\ud800-\udfff]")  # lo que queda de bytes que no son UTF-8
# Saltos, tabuladores, «: » y « #» cambian lo que significa un texto sin comillas.
_CAMBIA_SIN_COMILLAS: Final = re.compile(r"[\t\n\r]|: | #")
# Textos que YAML leería como otra cosa si fueran sin comillas (verdadero, falso, nulo).
_RESERVADAS: Final = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


class ErrorDeAndamio(ErrorDeUso):
    """Un archivo generado no se podría leer, o no se pudo escribir."""


def guardar(ruta: Path, contenido: str | bytes, *, dentro_de: Path | None = None) -> None:
    """Escribe de forma atómica, con la política de enlaces de `escribir_atomico` (un enlace se
    sigue solo si lleva a algo dentro de `dentro_de`, por omisión la carpeta del archivo); si el
    sistema lo impide, lo dice en español (salida 2)."""
    try:
        escribir_atomico(ruta, contenido, dentro_de=dentro_de)
    except EnlaceRechazado as error:
        raise ErrorDeAndamio(f"No se escribió: {error}. El archivo quedó como estaba.") from None
    except OSError as error:
        raise ErrorDeAndamio(
            f"No se pudo escribir «{ruta_visible(ruta)}» ({error.strerror or error}); revisa que "
            "la carpeta exista, que se pueda escribir en ella y que haya espacio en el disco. "
            "El archivo quedó como estaba."
        ) from None


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
    # JSON deja tal cual DEL, C1 y U+2028/U+2029, que YAML no admite ni entre comillas.
    return _escapar(json.dumps(str(valor), ensure_ascii=False))


def escalar_yaml(texto: str) -> str:
    """Un texto como escalar YAML: tal cual si no hay ambigüedad, entre comillas si la hay."""
    plano = (
        bool(texto)
        and texto[0].isalpha()
        and texto == texto.strip()
        and not _CAMBIA_SIN_COMILLAS.search(texto)
        and not texto.endswith(":")
        and texto.lower() not in _RESERVADAS
        and not _NO_ADMITIDO.search(texto)
    )
    return texto if plano else texto_yaml(texto)


def una_linea(texto: str) -> str:
    """Un texto en un solo renglón, apto para un comentario: los espacios y saltos (también NEL y
    U+2028) se vuelven un espacio y los controles que quedan se escriben como escape («\\x7f»)."""
    return _escapar(" ".join(texto.split()))


def _escapar(texto: str) -> str:
    if _SUSTITUTO.search(texto):
        # Bytes que no son UTF-8 (una opción escrita en otra codificación): nada que guardar.
        legible = _SUSTITUTO.sub("\ufffd", texto).strip('"')
        raise ErrorDeAndamio(
            f"No se escribió nada: «{legible}» tiene bytes que no son texto UTF-8; escríbelo de "
            "nuevo desde una terminal en UTF-8."
        )
    return _NO_ADMITIDO.sub(_escape, texto)


def _escape(caracter: re.Match[str]) -> str:
    codigo = ord(caracter.group())
    return f"\\x{codigo:02x}" if codigo < 0x100 else f"\\u{codigo:04x}"


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


@functools.cache
def _entorno() -> jinja2.Environment:
    import jinja2

    entorno = jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    entorno.filters.update(yaml=texto_yaml, escalar=escalar_yaml, una_linea=una_linea)
    return entorno


def renderizar(plantilla: str, contexto: Mapping[str, Any]) -> dict[PurePosixPath, str]:
    """Renderiza la carpeta `plantillas/<plantilla>/`: ruta relativa de destino → contenido."""
    raiz = resources.files("caja_ga.plantillas").joinpath(plantilla)
    archivos: dict[PurePosixPath, str] = {}
    for ruta, recurso in _recorrer(raiz, PurePosixPath()):
        texto = recurso.read_text(encoding="utf-8")
        if ruta.name.endswith(SUFIJO_PLANTILLA):
            texto = _entorno().from_string(texto).render(contexto)
        archivos[PurePosixPath(*(_nombre_destino(parte) for parte in ruta.parts))] = texto
    return archivos


def renderizar_archivo(plantilla: str, contexto: Mapping[str, Any]) -> str:
    """Renderiza un solo archivo, `plantillas/<plantilla>` (p. ej. «nuevo/sesion.yaml.jinja»)."""
    recurso = resources.files("caja_ga.plantillas").joinpath(plantilla)
    return _entorno().from_string(recurso.read_text(encoding="utf-8")).render(contexto)


def comprobar(ruta: Path, texto: str) -> Documento:
    """Lee un YAML generado como lo leerá `validar`; si no se podría leer, ErrorDeAndamio."""
    visible = ruta_visible(ruta)
    try:
        texto.encode("utf-8")
    except UnicodeEncodeError:
        raise ErrorDeAndamio(
            f"No se escribió nada: {visible} tendría caracteres que no se pueden guardar en "
            "UTF-8; revisa los textos que diste en las opciones."
        ) from None
    doc = cargar_texto(texto, ruta, visible, "")
    if doc.hallazgos:
        hallazgo = doc.hallazgos[0]
        donde = f" (línea {hallazgo.posicion[0]})" if hallazgo.posicion else ""
        raise ErrorDeAndamio(
            f"No se escribió nada: {visible} no se podría leer como YAML{donde}: "
            f"{hallazgo.mensaje} Revisa los nombres y textos que vienen de otros archivos del "
            "proceso o de las opciones."
        )
    return doc


def escribir(
    destino: Path,
    archivos: Mapping[PurePosixPath, str],
    *,
    forzar: bool = False,
    simular: bool = False,
) -> Resultado:
    """La política de conflictos: crea lo que falta; lo que existe se omite, o se sobrescribe con
    `forzar`; con `simular` no escribe nada y devuelve lo que habría hecho. Si un YAML generado no
    se podría leer, no escribe ninguno (ErrorDeAndamio)."""
    for relativa, contenido in archivos.items():
        if relativa.suffix in SUFIJOS_YAML:
            comprobar(destino / relativa, contenido)
    resultado = Resultado(simulado=simular)
    for relativa, contenido in archivos.items():
        ruta = destino / relativa
        existe = ruta.exists() or ruta.is_symlink()  # un enlace roto también es algo que existe
        if existe and not forzar:
            resultado.omitidos.append(relativa)
            continue
        (resultado.sobrescritos if existe else resultado.creados).append(relativa)
        if not simular:
            guardar(ruta, contenido, dentro_de=destino)
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
