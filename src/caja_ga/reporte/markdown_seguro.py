"""Los textos largos del plan pueden traer Markdown; se publican sin nada ejecutable.

Se leen con markdown-it-py sin HTML crudo (una etiqueta `<img …>` queda como texto visible) y solo
con enlaces http, https o mailto: un enlace `javascript:` (o cualquier otro esquema) no se vuelve
enlace y queda como texto. Las imágenes se publican como enlaces, para que la página nunca pida
nada a otro servidor, y los títulos (`# …`) como texto en negritas, para no romper el orden de los
títulos de la página.

Para el reporte en Markdown no se copia el texto original: se reescribe desde lo que markdown-it
entendió, con los caracteres especiales escapados, así que lo que quedó inerte en el HTML también
queda inerte en el Markdown, lo muestre quien lo muestre.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode

ESQUEMAS_PERMITIDOS = ("http://", "https://", "mailto:")
_ESPECIALES = re.compile(r"([\\`*_\[\]<>#|&!~])")
# Lo que al principio de una línea haría una lista o un subrayado de título: «- », «1. », «=».
# El escape va antes de la puntuación («1\.»): una barra antes de un dígito no escapa nada.
_INICIO_DE_BLOQUE = re.compile(r"^(\s*\d*)([-+=.)])(?=\s|$)", re.MULTILINE)


class MarkdownSeguro(str):
    """Markdown ya escrito por caja-ga: la plantilla de Markdown no lo vuelve a escapar."""

    __slots__ = ()


def enlace_permitido(url: str) -> bool:
    return url.strip().lower().startswith(ESQUEMAS_PERMITIDOS)


@cache
def _lector() -> MarkdownIt:
    from markdown_it import MarkdownIt

    lector = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    lector.validateLink = enlace_permitido  # type: ignore[method-assign]
    lector.add_render_rule("image", _imagen_como_enlace)
    lector.add_render_rule("heading_open", lambda *_: '<p class="md-titulo"><strong>')
    lector.add_render_rule("heading_close", lambda *_: "</strong></p>\n")
    lector.add_render_rule("link_open", _enlace_externo)
    return lector


def _imagen_como_enlace(
    _renderer: Any, tokens: Sequence[Token], idx: int, _options: Any, _env: Any
) -> str:
    from markdown_it.common.utils import escapeHtml

    imagen = tokens[idx]
    texto = escapeHtml(imagen.content or "imagen")
    return f'<a href="{escapeHtml(str(imagen.attrGet("src")))}" rel="nofollow">{texto}</a>'


def _enlace_externo(
    renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    tokens[idx].attrSet("rel", "nofollow")
    texto: str = renderer.renderToken(tokens, idx, options, env)
    return texto


# Un texto sin nada que Markdown interprete (ni marcas, ni saltos, ni un inicio de lista o de
# código) se convierte igual sin pasar por el analizador: es la mayoría de las celdas y ahorra la
# mayor parte del tiempo del reporte. Las pruebas comparan ambos caminos.
_INTERPRETABLE = re.compile(r"[\\`*_\[\]<>#|!~&\n\r\t]|^\s|\s$|^(?:\d*[-+=.)]|[*>])")


def es_texto_plano(texto: str) -> bool:
    return bool(texto) and not _INTERPRETABLE.search(texto)


def a_html(texto: str) -> str:
    if es_texto_plano(texto):
        from markdown_it.common.utils import escapeHtml

        return f"<p>{escapeHtml(texto)}</p>\n"
    return str(_lector().render(texto))


def a_html_en_linea(texto: str) -> str:
    """Para textos cortos dentro de una celda: sin párrafos."""
    if es_texto_plano(texto):
        from markdown_it.common.utils import escapeHtml

        return str(escapeHtml(texto))
    return str(_lector().renderInline(texto))


# --- Markdown → Markdown, reescrito desde el árbol ---------------------------------------------


def escapar(texto: str) -> str:
    """Texto del usuario que en Markdown se lee literal (nunca como HTML, enlace o formato)."""
    return _inicios_literales(_ESPECIALES.sub(r"\\\1", texto))


def _inicios_literales(texto: str) -> str:
    return _INICIO_DE_BLOQUE.sub(r"\1\\\2", texto)


def a_markdown(texto: str) -> MarkdownSeguro:
    if es_texto_plano(texto):
        return MarkdownSeguro(texto)
    from markdown_it.tree import SyntaxTreeNode

    raiz = SyntaxTreeNode(_lector().parse(texto))
    return MarkdownSeguro("\n".join(_bloques(raiz.children)))


def a_markdown_en_linea(texto: str) -> MarkdownSeguro:
    """Para una celda de tabla: una sola línea, sin bloques."""
    if es_texto_plano(texto):
        return MarkdownSeguro(" ".join(texto.split()))
    from markdown_it.tree import SyntaxTreeNode

    raiz = SyntaxTreeNode(_lector().parseInline(texto))
    linea = _inicios_literales(" ".join(_en_linea(raiz.children[0]).split()))
    return MarkdownSeguro(linea)


def _bloques(nodos: Sequence[SyntaxTreeNode], apretados: bool = False) -> list[str]:
    lineas: list[str] = []
    for nodo in nodos:
        if lineas and not apretados:
            lineas.append("")
        lineas += _bloque(nodo)
    return lineas


def _bloque(nodo: SyntaxTreeNode) -> list[str]:
    match nodo.type:
        case "paragraph":
            return _inicios_literales(_en_linea(nodo.children[0])).split("\n")
        case "heading":
            return [f"**{_en_linea(nodo.children[0])}**"]
        case "bullet_list" | "ordered_list":
            return _lista(nodo)
        case "blockquote":
            return [f"> {linea}".rstrip() for linea in _bloques(nodo.children)]
        case "code_block" | "fence":
            cerca = "`" * max(3, _racha_de_comillas(nodo.content) + 1)
            return [cerca, *nodo.content.rstrip("\n").split("\n"), cerca]
        case "hr":
            return ["---"]
    return []  # html_block no existe: el HTML crudo está desactivado


def _lista(nodo: SyntaxTreeNode) -> list[str]:
    numerada = nodo.type == "ordered_list"
    inicio = int(str(nodo.attrs.get("start", 1))) if numerada else 1
    apretada = all(
        hijo.hidden for item in nodo.children for hijo in item.children if hijo.type == "paragraph"
    )
    lineas: list[str] = []
    for numero, item in enumerate(nodo.children, inicio):
        if lineas and not apretada:
            lineas.append("")
        marca = f"{numero}. " if numerada else "- "
        contenido = _bloques(item.children, apretados=apretada) or [""]
        lineas.append(marca + contenido[0])
        lineas += [(" " * len(marca) + linea) if linea else "" for linea in contenido[1:]]
    return lineas


def _en_linea(nodo: SyntaxTreeNode) -> str:
    partes: list[str] = []
    for hijo in nodo.children:
        match hijo.type:
            case "text":
                partes.append(_ESPECIALES.sub(r"\\\1", hijo.content))
            case "softbreak":
                partes.append("\n")
            case "hardbreak":
                partes.append("\\\n")
            case "strong":
                partes.append(f"**{_en_linea(hijo)}**")
            case "em":
                partes.append(f"*{_en_linea(hijo)}*")
            case "code_inline":
                cerca = "`" * (_racha_de_comillas(hijo.content) + 1)
                partes.append(f"{cerca} {hijo.content} {cerca}")
            case "link":
                partes.append(f"[{_en_linea(hijo)}]({_destino(hijo.attrs['href'])})")
            case "image":
                partes.append(f"[{_en_linea(hijo) or 'imagen'}]({_destino(hijo.attrs['src'])})")
    return "".join(partes)


def _racha_de_comillas(codigo: str) -> int:
    """La racha más larga de «`» en un código: la cerca que lo rodea debe ser más larga."""
    return max((len(racha) for racha in re.findall(r"`+", codigo)), default=0)


def _destino(url: object) -> str:
    return str(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20")
