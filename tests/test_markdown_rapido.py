"""El atajo para textos sin marcas Markdown da exactamente lo mismo que el analizador."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from caja_ga.reporte import markdown_seguro as ms

TEXTOS = st.text(
    alphabet=st.sampled_from(list("aeiouáéíóúñ AZ09.,;:-+=()\"'/%$@?¿¡*_#<>&[]\n\t1")), max_size=40
)


def _lento(texto: str) -> tuple[str, str, str, str]:
    lector = ms._lector()
    from markdown_it.tree import SyntaxTreeNode

    en_linea = SyntaxTreeNode(lector.parseInline(texto))
    linea = ms._inicios_literales(" ".join(ms._en_linea(en_linea.children[0]).split()))
    bloques = "\n".join(ms._bloques(SyntaxTreeNode(lector.parse(texto)).children))
    return lector.render(texto), lector.renderInline(texto), bloques, linea


@settings(max_examples=400, deadline=None)
@given(TEXTOS)
def test_atajo_igual_al_analizador(texto: str) -> None:
    if not ms.es_texto_plano(texto):
        return
    assert (
        ms.a_html(texto),
        ms.a_html_en_linea(texto),
        ms.a_markdown(texto),
        ms.a_markdown_en_linea(texto),
    ) == _lento(texto)


def test_el_atajo_se_usa_y_se_evita() -> None:
    assert ms.es_texto_plano("Portal de obra pública, 2025-03-01")
    for marcado in ("**negritas**", "1. lista", "- lista", "a\nb", " sangría", "<b>", "a & b"):
        assert not ms.es_texto_plano(marcado)
