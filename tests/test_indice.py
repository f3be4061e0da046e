"""El índice entre procesos: HTML accesible, vistas ordenadas y cobertura de los ODS."""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest

from caja_ga.modelos.base import FASES
from caja_ga.reporte.indice import SIN_ENTIDAD, VISTAS, pagina_indice
from caja_ga.reporte.resumen import ResumenProceso
from tests.conftest import FECHA_EJEMPLOS
from tests.test_datos_abiertos import procesos_de_ejemplo

FECHA = date.fromisoformat(FECHA_EJEMPLOS)
PAGINAS = (
    "index.html",
    "index-por-avance.html",
    "index-por-fase.html",
    "index-por-actualizacion.html",
    "ods.html",
)
VACIOS = {"meta", "link", "br", "img", "input", "hr", "col", "base", "source", "wbr"}


@dataclass
class Nodo:
    etiqueta: str
    atributos: dict[str, str | None] = field(default_factory=dict)
    hijos: list[Nodo] = field(default_factory=list)
    textos: list[str] = field(default_factory=list)

    def todos(self, etiqueta: str) -> list[Nodo]:
        encontrados = [h for h in self.hijos if h.etiqueta == etiqueta]
        for hijo in self.hijos:
            encontrados += hijo.todos(etiqueta)
        return encontrados

    def texto(self) -> str:
        return " ".join(" ".join([*self.textos, *(h.texto() for h in self.hijos)]).split())


class _Arbol(HTMLParser):
    """Un árbol mínimo; falla si una etiqueta se cierra sin abrir o queda abierta."""

    def __init__(self) -> None:
        super().__init__()
        self.raiz = Nodo("#documento")
        self.pila = [self.raiz]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        nodo = Nodo(tag, dict(attrs))
        self.pila[-1].hijos.append(nodo)
        if tag not in VACIOS:
            self.pila.append(nodo)

    def handle_endtag(self, tag: str) -> None:
        assert self.pila[-1].etiqueta == tag, f"</{tag}> cierra <{self.pila[-1].etiqueta}>"
        self.pila.pop()

    def handle_data(self, data: str) -> None:
        self.pila[-1].textos.append(data)


def arbol(html: str) -> Nodo:
    analizador = _Arbol()
    analizador.feed(html)
    analizador.close()
    assert analizador.pila == [analizador.raiz]
    return analizador.raiz


@pytest.fixture(scope="module")
def resumenes() -> list[ResumenProceso]:
    return [resumen for resumen, _ in procesos_de_ejemplo()]


@pytest.fixture(scope="module")
def paginas(resumenes: list[ResumenProceso]) -> dict[str, str]:
    return pagina_indice(resumenes, FECHA)


def filas(nodo: Nodo) -> list[Nodo]:
    """Las filas de datos de las tablas de procesos (de una página o de una tabla), en orden."""
    return [fila for cuerpo in nodo.todos("tbody") for fila in cuerpo.todos("tr")]


def carpeta_de(fila: Nodo) -> str:
    return next(
        s for s in fila.todos("span") if "carpeta" in (s.atributos.get("class") or "").split()
    ).texto()


def test_produce_las_cinco_paginas(paginas: dict[str, str]) -> None:
    assert sorted(paginas) == sorted(PAGINAS)
    assert [v.archivo for v in VISTAS] == list(PAGINAS[:4])


@pytest.mark.parametrize("nombre", PAGINAS)
def test_cada_pagina_es_html_accesible_y_autocontenido(
    paginas: dict[str, str], nombre: str
) -> None:
    html = paginas[nombre]
    documento = arbol(html)
    (raiz,) = documento.todos("html")
    assert raiz.atributos["lang"] == "es"
    (h1,) = documento.todos("h1")
    assert h1.texto() == "Gobierno abierto municipal — índice de procesos"
    assert len(documento.todos("title")) == 1
    assert documento.todos("main") and documento.todos("nav") and documento.todos("footer")
    tablas = documento.todos("table")
    assert tablas
    for tabla in tablas:
        assert len(tabla.todos("caption")) == 1 and tabla.todos("caption")[0].texto()
        assert all(th.atributos.get("scope") in {"col", "row"} for th in tabla.todos("th"))
        assert tabla.todos("thead")[0].todos("th")
    # Sin JavaScript ni nada que se pida a otro servidor.
    assert not documento.todos("script") and not documento.todos("link")
    assert not documento.todos("img") and "@import" not in html and "url(" not in html
    enlaces = [a.atributos["href"] or "" for a in documento.todos("a")]
    assert not any(e.startswith(("http:", "https:", "//")) for e in enlaces)
    assert "15 de noviembre de 2026" in documento.todos("header")[0].texto()


def test_la_navegacion_marca_la_vista_actual(paginas: dict[str, str]) -> None:
    for nombre, html in paginas.items():
        (nav,) = arbol(html).todos("nav")
        destinos = [a.atributos["href"] for a in nav.todos("a")]
        assert destinos == [*PAGINAS, "coordinacion/index.html"]
        actuales = [a.atributos["href"] for a in nav.todos("a") if "aria-current" in a.atributos]
        assert actuales == [nombre]


def test_encabezado_con_totales(paginas: dict[str, str], resumenes: list[ResumenProceso]) -> None:
    encabezado = arbol(paginas["index.html"]).todos("header")[0].texto()
    compromisos = sum(r.compromisos for r in resumenes)
    assert f"{len(resumenes)} procesos en 4 entidades federativas" in encabezado
    assert f"con {compromisos} compromisos" in encabezado


def test_cada_proceso_enlaza_a_su_reporte(
    paginas: dict[str, str], resumenes: list[ResumenProceso]
) -> None:
    esperados = {f"{r.carpeta}/index.html" for r in resumenes}
    for nombre in PAGINAS[:4]:
        enlaces = [
            fila.todos("a")[0].atributos["href"] or "" for fila in filas(arbol(paginas[nombre]))
        ]
        assert sorted(enlaces) == sorted(esperados), nombre
        assert "jalisco/base/index.html" in enlaces


def test_la_vista_principal_agrupa_por_entidad(
    paginas: dict[str, str], resumenes: list[ResumenProceso]
) -> None:
    documento = arbol(paginas["index.html"])
    entidades = [h3.texto() for h3 in documento.todos("h3")]
    assert entidades == ["Jalisco", "Nuevo León", "Oaxaca", "Puebla"]
    por_carpeta = {r.carpeta: r for r in resumenes}
    for entidad, tabla in zip(entidades, documento.todos("table"), strict=True):
        carpetas = [carpeta_de(fila) for fila in filas(tabla)]
        assert carpetas
        assert all(por_carpeta[c].entidad == entidad for c in carpetas)
        assert entidad in tabla.todos("caption")[0].texto()
    jalisco = [carpeta_de(f) for f in filas(documento.todos("table")[0])]
    assert jalisco == ["jalisco/base", "zapopan-2024-2027"]  # mismo municipio: por carpeta


def _orden(
    paginas: dict[str, str], resumenes: list[ResumenProceso], nombre: str
) -> list[ResumenProceso]:
    por_carpeta = {r.carpeta: r for r in resumenes}
    (tabla,) = arbol(paginas[nombre]).todos("table")
    return [por_carpeta[carpeta_de(fila)] for fila in filas(tabla)]


@pytest.mark.parametrize(
    ("pagina", "clave"),
    [
        ("index-por-avance.html", lambda r: r.avance),
        ("index-por-fase.html", lambda r: FASES.index(r.fase)),
        ("index-por-actualizacion.html", lambda r: r.ultima_actualizacion),
    ],
)
def test_cada_vista_ordena_de_mayor_a_menor_y_desempata_por_carpeta(
    paginas: dict[str, str],
    resumenes: list[ResumenProceso],
    pagina: str,
    clave: Callable[[ResumenProceso], Any],
) -> None:
    orden = _orden(paginas, resumenes, pagina)
    valores = [clave(r) for r in orden]
    assert len(orden) == len(resumenes) and len(set(valores)) > 2
    assert valores == sorted(valores, reverse=True)
    for anterior, siguiente in itertools.pairwise(orden):
        if clave(anterior) == clave(siguiente):
            assert anterior.carpeta < siguiente.carpeta


def test_las_vistas_empiezan_por_lo_mas_avanzado(
    paginas: dict[str, str], resumenes: list[ResumenProceso]
) -> None:
    assert _orden(paginas, resumenes, "index-por-avance.html")[0].carpeta == "puebla-2024-2027"
    por_fase = _orden(paginas, resumenes, "index-por-fase.html")
    assert (por_fase[0].fase, por_fase[-1].fase) == ("evaluacion", "plan")
    empatados = [r.carpeta for r in por_fase if r.fase == "implementacion"]
    assert len(empatados) == 3


def test_ods_cuenta_procesos_y_compromisos_por_objetivo(paginas: dict[str, str]) -> None:
    procesos = procesos_de_ejemplo()
    compromisos_16 = sum(
        1
        for _, vista in procesos
        for comp in (vista.carpeta.plan.compromisos if vista.carpeta.plan else [])
        if any(o == "16" or o.startswith("16.") for o in comp.ods)
    )
    documento = arbol(paginas["ods.html"])
    resumen = documento.todos("table")[0]
    renglones = {
        f.todos("th")[0].texto(): [td.texto() for td in f.todos("td")]
        for f in resumen.todos("tbody")[0].todos("tr")
    }
    assert len(renglones) == 17
    assert renglones["ODS 16. Paz, justicia e instituciones sólidas"] == [
        str(len(procesos)),
        str(compromisos_16),
    ]
    assert compromisos_16 == 14
    assert renglones["ODS 14. Vida Submarina"] == ["0", "0"]
    assert renglones["ODS 6. Agua Limpia y Saneamiento"] == ["2", "2"]


def test_ods_lista_las_metas_citadas_con_su_texto_y_municipios(paginas: dict[str, str]) -> None:
    documento = arbol(paginas["ods.html"])
    seccion = next(
        s for s in documento.todos("section") if s.atributos.get("aria-labelledby") == "ods-16"
    )
    metas = {f.todos("th")[0].texto(): f for f in seccion.todos("tbody")[0].todos("tr")}
    assert list(metas) == ["16.5", "16.6", "16.6.9", "16.7", "16.10"]
    assert "corrupción" in metas["16.5"].texto()
    assert "No está en el catálogo" in metas["16.6.9"].texto()
    assert [a.atributos["href"] for a in metas["16.5"].todos("a")] == [
        "monterrey-2024-2027/index.html",
        "zapopan-2024-2027/index.html",
    ]
    # El objetivo 18 no existe: no aparece, y nada falla por él.
    assert "ODS 18" not in paginas["ods.html"]
    assert unicodedata.is_normalized("NFC", paginas["ods.html"])


def test_misma_entrada_mismo_html(resumenes: list[ResumenProceso], paginas: dict[str, str]) -> None:
    assert pagina_indice(list(reversed(resumenes)), FECHA) == paginas


def test_el_texto_de_los_datos_se_escapa(resumenes: list[ResumenProceso]) -> None:
    raro = dataclasses.replace(
        resumenes[0], municipio="<script>x</script>", entidad=None, carpeta="a b/ñ"
    )
    html = pagina_indice([raro], FECHA)["index.html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="a%20b/%C3%B1/index.html"' in html
    assert SIN_ENTIDAD in html


def test_sin_procesos_lo_dice(resumenes: list[ResumenProceso]) -> None:
    paginas = pagina_indice([], FECHA)
    assert "No hay procesos en este reporte." in paginas["index.html"]
    assert "No hay procesos en este reporte." in paginas["index-por-avance.html"]
    arbol(paginas["ods.html"])


def test_un_proceso_sin_plan_ni_datos(resumenes: list[ResumenProceso]) -> None:
    vacio = dataclasses.replace(
        resumenes[0],
        avance=None,
        ultima_actualizacion=None,
        fase=None,
        compromisos=0,
        ods=(),
        ods_por_compromiso=(),
        carpeta="zz",
    )
    paginas = pagina_indice([*resumenes, vacio], FECHA)
    for nombre in PAGINAS[1:4]:
        ultima = filas(arbol(paginas[nombre]))[-1]
        assert carpeta_de(ultima) == "zz", nombre  # sin dato: al final
    assert "Sin plan" in paginas["index.html"] and "Sin fase" in paginas["index.html"]
