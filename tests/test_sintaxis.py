"""Errores de sintaxis típicos de quien no programa: la línea que hay que corregir y su causa.

Cada caso parte de un plan válido, le mete un tropiezo y dice en qué línea está el error real
(no donde libyaml se detuvo) y una frase que debe tener el mensaje. Todo el corpus pasa por el
comando instalado en una sola corrida.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caja_ga.carga import cargar
from tests.conftest import CajaGa

PLAN = """version: 1
periodo:
  inicio: 2025-05-01
  fin: 2027-04-30
aprobado_en: 2025-04-30-plan
objetivo_general: Abrir el gobierno.
compromisos:
  - id: c1
    titulo: Obra pública abierta
    actividades:
      - id: c1-a1
        descripcion: Diseñar la ficha.
        responsables: [Obras]
      - id: c1-a2
        descripcion: Publicar las fichas.
        responsables:
          - Innovación
"""

# nombre: (texto original, texto con el tropiezo, línea a corregir, frase del mensaje)
CORPUS: dict[str, tuple[str, str, int, str]] = {
    "tabulador-en-la-sangria": (
        "        descripcion: Publicar",
        "\t\tdescripcion: Publicar",
        15,
        "tabulador",
    ),
    "tabulador-en-clave-de-primer-nivel": (
        "objetivo_general:",
        "\tobjetivo_general:",
        6,
        "tabulador",
    ),
    "sin-espacio-tras-dos-puntos": ("titulo: Obra", "titulo:Obra", 9, "Falta un espacio"),
    "sin-espacio-tras-dos-puntos-en-lista": (
        "      - id: c1-a2",
        "      - id:c1-a2",
        14,
        "Falta un espacio",
    ),
    "comilla-doble-sin-cerrar": (
        "descripcion: Diseñar la ficha.",
        'descripcion: "Diseñar la ficha.',
        12,
        "¿Falta cerrar la comilla",
    ),
    "comilla-simple-sin-cerrar": (
        "descripcion: Diseñar la ficha.",
        "descripcion: 'Diseñar la ficha.",
        12,
        "¿Falta cerrar la comilla",
    ),
    "comilla-cerrada-por-otra-lineas-abajo": (
        "descripcion: Diseñar la ficha.\n        responsables: [Obras]",
        'descripcion: "Diseñar la ficha.\n        responsables: [Obras]  # la "Dirección" de obras',
        12,
        "¿Falta cerrar la comilla",
    ),
    "comilla-sin-cerrar-dentro-de-corchetes": (
        "responsables: [Obras]",
        'responsables: ["Obras, Innovación]',
        13,
        "¿Falta cerrar la comilla",
    ),
    "corchete-sin-cerrar": ("responsables: [Obras]", "responsables: [Obras", 13, "«[»"),
    "corchete-sin-cerrar-con-coma": (
        "responsables: [Obras]",
        "responsables: [Obras, Innovación",
        13,
        "«[»",
    ),
    "llave-sin-cerrar": ("responsables: [Obras]", "responsables: {area: Obras", 13, "«{»"),
    "corchete-de-mas": ("responsables: [Obras]", "responsables: [Obras]]", 13, "Sobra «]»"),
    "llave-de-mas": ("responsables: [Obras]", "responsables: {area: Obras}}", 13, "Sobra «}»"),
    "lista-sin-dos-puntos-en-id": ("      - id: c1-a2", "      - id c1-a2", 14, "le falta «:»"),
    "clave-valor-sin-dos-puntos": (
        "    titulo: Obra pública abierta",
        "    titulo Obra pública abierta",
        9,
        "no tiene «:»",
    ),
    "clave-de-primer-nivel-sin-dos-puntos": (
        "objetivo_general: Abrir el gobierno.",
        "objetivo_general Abrir el gobierno.",
        6,
        "no tiene «:»",
    ),
    "continuacion-con-poca-sangria": (
        "descripcion: Diseñar la ficha.",
        "descripcion: Diseñar la ficha\n        de obra pública",
        13,
        "no tiene «:»",
    ),
    "elemento-sin-guion": ("      - id: c1-a2", "        id: c1-a2", 14, "repetida"),
    "campo-a-la-altura-de-los-guiones": (
        "          - Innovación",
        "          - Innovación\n          area: Obras",
        18,
        "no empieza con «- »",
    ),
    "sangria-de-mas": (
        "        descripcion: Publicar",
        "         descripcion: Publicar",
        15,
        "más sangría",
    ),
    "sangria-de-menos": (
        "        descripcion: Publicar",
        "       descripcion: Publicar",
        15,
        "sangría",
    ),
    "dos-puntos-en-el-texto": (
        "titulo: Obra pública abierta",
        "titulo: Meta: 100% de obras",
        9,
        "entre comillas",
    ),
    "comillas-de-word": (
        "descripcion: Diseñar la ficha.",
        "descripcion: “Diseñar” la ficha: ya",
        12,
        "comillas tipográficas",
    ),
    "espacio-no-separable-en-la-sangria": (
        "    titulo: Obra",
        "\u00a0   titulo: Obra",
        9,
        "espacio especial",
    ),
    "espacio-no-separable-tras-guion": (
        "      - id: c1-a2",
        "      -\u00a0id: c1-a2",
        14,
        "espacio especial",
    ),
    "arroba-al-inicio": (
        "descripcion: Diseñar la ficha.",
        "descripcion: @obras publica",
        12,
        "«@»",
    ),
    "acento-grave-al-inicio": (
        "descripcion: Diseñar la ficha.",
        "descripcion: `ficha`",
        12,
        "«`»",
    ),
    "porcentaje-al-inicio": (
        "descripcion: Diseñar la ficha.",
        "descripcion: %50 de obras",
        12,
        "«%»",
    ),
    "asterisco-al-inicio": (
        "descripcion: Diseñar la ficha.",
        "descripcion: *importante* ficha",
        12,
        "alias",
    ),
    "barra-vertical-al-inicio": (
        "descripcion: Diseñar la ficha.",
        "descripcion: | ficha",
        12,
        "varias líneas",
    ),
    "mayor-que-al-inicio": (
        "descripcion: Diseñar la ficha.",
        "descripcion: > ficha",
        12,
        "varias líneas",
    ),
    "dos-documentos": (
        "objetivo_general: Abrir el gobierno.",
        "---\nobjetivo_general: Abrir el gobierno.",
        6,
        "más de un documento",
    ),
    "comillas-dentro-de-comillas": (
        "descripcion: Diseñar la ficha.",
        'descripcion: "Diseñar la "ficha" de obra"',
        12,
        "Después de cerrar las comillas",
    ),
    "apostrofo-entre-comillas-simples": (
        "descripcion: Diseñar la ficha.",
        "descripcion: 'Diseñar l'ficha'",
        12,
        "Después de cerrar las comillas",
    ),
    "texto-tras-comillas": (
        "titulo: Obra pública abierta",
        "titulo: 'Obra' pública abierta",
        9,
        "Después de cerrar las comillas",
    ),
}


def _texto(caso: str) -> str:
    original, tropiezo, _, _ = CORPUS[caso]
    assert PLAN.count(original) >= 1, caso
    return PLAN.replace(original, tropiezo, 1)


def test_el_plan_base_es_valido(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.yaml"
    ruta.write_text(PLAN, encoding="utf-8")
    assert cargar(ruta, "plan.yaml", "plan").hallazgos == []


def test_el_corpus_tiene_al_menos_30_tropiezos() -> None:
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("caso", list(CORPUS))
def test_la_linea_y_la_causa(tmp_path: Path, caso: str) -> None:
    _, _, linea, frase = CORPUS[caso]
    ruta = tmp_path / "plan.yaml"
    ruta.write_text(_texto(caso), encoding="utf-8")
    hallazgos = cargar(ruta, "plan.yaml", "plan").hallazgos
    assert hallazgos, caso
    primero = hallazgos[0]
    assert primero.posicion is not None
    assert (primero.posicion[0], frase in primero.mensaje) == (linea, True), primero.mensaje
    assert primero.mensaje.endswith((".", "?")), primero.mensaje


def test_el_corpus_por_el_comando_instalado(caja_ga: CajaGa, tmp_path: Path) -> None:
    for caso in CORPUS:
        (tmp_path / caso).mkdir()
        (tmp_path / caso / "plan.yaml").write_text(_texto(caso), encoding="utf-8")
    archivos = [f"{caso}/plan.yaml" for caso in CORPUS]
    resultado = caja_ga("validar", *archivos, "-f", "json", cwd=tmp_path)
    assert resultado.returncode == 1, resultado.stderr
    primera_linea: dict[str, int] = {}
    for problema in json.loads(resultado.stdout)["problemas"]:
        primera_linea.setdefault(problema["archivo"].split("/")[0], problema["linea"])
    assert primera_linea == {caso: linea for caso, (_, _, linea, _) in CORPUS.items()}
