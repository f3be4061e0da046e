"""La única fábrica del entorno de Jinja del reporte: páginas de proceso, índice y documentos.

Los dos formatos escapan por omisión: en el HTML, el autoescape de Jinja; en el Markdown, un
`finalize` que escapa los caracteres especiales de todo valor que no venga ya escrito por
`markdown_seguro`. Así, olvidar un filtro en una plantilla nunca publica texto sin escapar.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from caja_ga.avance import REGLA_PUBLICADA, porcentaje
from caja_ga.reporte import markdown_seguro as ms
from caja_ga.reporte.etiquetas import ABRIO_GOBIERNO, CUMPLIMIENTO, FASES, etiqueta, fecha_larga

if TYPE_CHECKING:
    import jinja2

Formato = Literal["html", "markdown"]

CARPETA_PLANTILLAS = "reporte"
_ESPACIOS = re.compile(r"\s+")


@cache
def entorno(formato: Formato) -> jinja2.Environment:
    """El entorno de las plantillas de `plantillas/reporte/` en `formato`, creado una vez."""
    import jinja2

    html = formato == "html"
    nuevo = jinja2.Environment(
        loader=jinja2.FunctionLoader(_plantilla),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        finalize=_vacio_si_none if html else _escapar_md,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_cache_de_plantillas(),
    )
    nuevo.globals["regla_avance"] = REGLA_PUBLICADA
    nuevo.globals["escala_cumplimiento"] = list(CUMPLIMIENTO.values())
    nuevo.globals["escala_abrio"] = list(ABRIO_GOBIERNO.values())
    nuevo.filters.update(_FILTROS_COMUNES)
    nuevo.filters.update(_filtros_html() if html else _FILTROS_MARKDOWN)
    return nuevo


def _cache_de_plantillas() -> jinja2.BytecodeCache | None:
    """Las plantillas compiladas, en la carpeta de caché del usuario (solo suya, como la clave de
    cache.py): compilarlas costaba casi un segundo en cada reporte. Jinja las vuelve a compilar
    si su texto cambia; sin una carpeta propia, se compilan cada vez."""
    import jinja2

    from caja_ga.cache import carpeta_de_clave

    carpeta = carpeta_de_clave() / "plantillas"
    try:
        carpeta.mkdir(mode=0o700, parents=True, exist_ok=True)
        estado = carpeta.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(estado.st_mode) or estado.st_uid != os.getuid() or estado.st_mode & 0o077:
        return None  # un enlace o una carpeta que otros pueden escribir: no se carga nada de ahí
    return jinja2.FileSystemBytecodeCache(str(carpeta))


def _plantilla(nombre: str) -> str:
    recurso = resources.files("caja_ga.plantillas").joinpath(CARPETA_PLANTILLAS, nombre)
    return recurso.read_text(encoding="utf-8")


def _vacio_si_none(valor: Any) -> Any:
    return "" if valor is None else valor


def _escapar_md(valor: Any) -> Any:
    if valor is None:
        return ""
    if isinstance(valor, ms.MarkdownSeguro):
        return valor
    return ms.escapar(_ESPACIOS.sub(" ", str(valor)))


def _con_punto(texto: object) -> str:
    """Un texto del usuario como fin de oración: con un solo punto final."""
    frase = str(texto).rstrip()
    return frase if frase.endswith((".", "?", "!", "…")) else f"{frase}."


def _iso(fecha: object) -> str:
    return fecha.isoformat() if isinstance(fecha, date) else ""


def _cantidad(numero: int, singular: str, plural: str) -> str:
    return f"{numero} {singular if numero == 1 else plural}"


def _ancho(avance: float) -> str:
    """El ancho de la barra de avance, en porcentaje, siempre dentro de 0–100."""
    return f"{min(max(avance, 0.0), 100.0):.1f}"


def enlace_proceso(carpeta: str) -> str:
    """La página de un proceso, desde la raíz del reporte."""
    return f"{quote(carpeta)}/index.html"


_FILTROS_COMUNES: dict[str, Callable[..., Any]] = {
    "fecha": fecha_larga,
    "punto": _con_punto,
    "iso": _iso,
    "porcentaje": porcentaje,
    "cantidad": _cantidad,
    "ancho": _ancho,
    "enlace_proceso": enlace_proceso,
    "fase": lambda f: etiqueta(FASES, f) or "Sin fase",
}


def _filtros_html() -> dict[str, Callable[..., Any]]:
    from markupsafe import Markup

    return {
        "markdown": lambda texto: Markup(ms.a_html(texto)) if texto else "",
        "markdown_linea": lambda texto: Markup(ms.a_html_en_linea(texto)) if texto else "",
        "enlace_seguro": lambda url: url if url and ms.enlace_permitido(url) else None,
    }


def _enlace_md(url: str | None, texto: str | None = None) -> ms.MarkdownSeguro | str:
    """[texto](url) si la url es http(s) o mailto; si no, el texto (o la url) escapado."""
    visible = ms.escapar(texto or url or "")
    if not url or not ms.enlace_permitido(url):
        return visible
    return ms.MarkdownSeguro(f"[{visible}](<{url.replace('>', '%3E')}>)")


def _barra_texto(avance: float, ancho: int = 10) -> ms.MarkdownSeguro:
    """Una barra de avance en texto: 68.75 → «▰▰▰▰▰▰▰▱▱▱»."""
    llenos = round(max(0.0, min(avance, 100.0)) / 100 * ancho)
    return ms.MarkdownSeguro("▰" * llenos + "▱" * (ancho - llenos))


_FILTROS_MARKDOWN: dict[str, Callable[..., Any]] = {
    "markdown": lambda texto: ms.a_markdown(texto) if texto else "",
    "markdown_linea": lambda texto: ms.a_markdown_en_linea(texto) if texto else "",
    "enlace": _enlace_md,
    "barra": _barra_texto,
}
