"""El contexto de un proceso → su página HTML y su documento Markdown (plantillas/reporte/).

Dos entornos de Jinja, los dos con el escape por omisión: en el HTML, el autoescape de Jinja; en el
Markdown, un `finalize` que escapa los caracteres especiales de todo valor que no venga ya escrito
por `markdown_seguro`. Así, olvidar un filtro en una plantilla nunca publica texto sin escapar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from caja_ga.avance import REGLA_PUBLICADA
from caja_ga.reporte import datos_abiertos
from caja_ga.reporte import markdown_seguro as ms
from caja_ga.reporte.etiquetas import ABRIO_GOBIERNO, CUMPLIMIENTO, fecha_larga

if TYPE_CHECKING:
    import jinja2

    from caja_ga.reporte.contexto import ContextoReporte

CARPETA_PLANTILLAS = "reporte"
_ESPACIOS = re.compile(r"\s+")
_LINEAS_VACIAS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Paginas:
    html: str
    markdown: str


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


def _comun(entorno: jinja2.Environment) -> jinja2.Environment:
    entorno.globals["regla_avance"] = REGLA_PUBLICADA
    entorno.globals["escala_cumplimiento"] = list(CUMPLIMIENTO.values())
    entorno.globals["escala_abrio"] = list(ABRIO_GOBIERNO.values())
    entorno.filters["fecha"] = fecha_larga
    entorno.filters["punto"] = _con_punto
    entorno.filters["iso"] = lambda f: f.isoformat() if isinstance(f, date) else ""
    return entorno


@cache
def entorno_html() -> jinja2.Environment:
    """El entorno de las páginas HTML (también sirve para otras páginas del sitio)."""
    import jinja2
    from markupsafe import Markup

    entorno = jinja2.Environment(
        loader=jinja2.FunctionLoader(_plantilla),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_vacio_si_none,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    entorno.filters["markdown"] = lambda texto: Markup(ms.a_html(texto)) if texto else ""
    entorno.filters["markdown_linea"] = lambda texto: (
        Markup(ms.a_html_en_linea(texto)) if texto else ""
    )
    entorno.filters["enlace_seguro"] = lambda url: url if url and ms.enlace_permitido(url) else None
    return _comun(entorno)


@cache
def entorno_markdown() -> jinja2.Environment:
    import jinja2

    entorno = jinja2.Environment(
        loader=jinja2.FunctionLoader(_plantilla),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        finalize=_escapar_md,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    entorno.filters["markdown"] = lambda texto: ms.a_markdown(texto) if texto else ""
    entorno.filters["markdown_linea"] = lambda texto: ms.a_markdown_en_linea(texto) if texto else ""
    entorno.filters["enlace"] = _enlace_md
    entorno.filters["barra"] = _barra_texto
    return _comun(entorno)


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


def renderizar(contexto: ContextoReporte) -> Paginas:
    datos = [f"{datos_abiertos.CARPETA}/{archivo}" for archivo in datos_abiertos.ARCHIVOS]
    html = entorno_html().get_template("proceso.html.jinja").render(r=contexto, datos=datos)
    markdown = entorno_markdown().get_template("proceso.md.jinja").render(r=contexto, datos=datos)
    # La plantilla separa con holgura; el documento queda con una sola línea vacía entre bloques.
    return Paginas(html, _LINEAS_VACIAS.sub("\n\n", markdown))
