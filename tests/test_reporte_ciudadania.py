"""El reporte se lee como ciudadana: sin ids de integrantes, sin archivos ni claves fuera del
detalle técnico, y con cada regla citada enlazada a una sección que existe en el sitio."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, correr_caja_ga

_PROCESOS = ("monterrey-2024-2027", "con-errores")
_DETALLE = re.compile(r"<details.*?</details>", re.S)
_CLAVES = ("vinculacion_osi", "indigenas", "jovenes", "economia", "sociedad_civil", "actores.osi")


def _ids_de_integrantes(carpeta: Path) -> set[str]:
    ids = set()
    for archivo in ("espacio.yaml", "nucleo.yaml"):
        datos = yaml.safe_load((carpeta / archivo).read_text(encoding="utf-8"))
        ids |= {i["id"] for i in datos.get("integrantes", []) if isinstance(i, dict)}
    return ids


def _visible(texto: str) -> str:
    """El texto que se ve, sin el detalle técnico, sin etiquetas ni <title> del Gantt."""
    texto = _DETALLE.sub("", texto)
    texto = re.sub(r"<(style|title)\b.*?</\1>", "", texto, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", texto))


@pytest.fixture(scope="module")
def sitio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """El sitio publicado por el comando instalado."""
    salida = tmp_path_factory.mktemp("sitio")
    resultado = correr_caja_ga(
        "reporte",
        str(EJEMPLOS),
        "--salida",
        str(salida),
        "--fecha-corte",
        FECHA_EJEMPLOS,
        "--forzar",
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return salida


@pytest.mark.parametrize("proceso", _PROCESOS)
@pytest.mark.parametrize("pagina", ["index.html", "reporte.md"])
def test_el_reporte_no_muestra_ids_archivos_ni_claves(
    sitio: Path, proceso: str, pagina: str
) -> None:
    visible = _visible((sitio / proceso / pagina).read_text(encoding="utf-8"))
    palabras = set(re.findall(r"[\w.-]+", visible))
    assert palabras & _ids_de_integrantes(EJEMPLOS / proceso) == set()
    # Las sesiones se nombran por su fecha y su órgano, no por el nombre de su archivo.
    assert palabras & {r.stem for r in (EJEMPLOS / proceso / "sesiones").glob("*.yaml")} == set()
    assert [p for p in palabras if p.endswith((".yaml", ".yml"))] == []
    assert [c for c in _CLAVES if c in palabras] == []


def test_cada_regla_citada_enlaza_a_su_seccion_publicada(sitio: Path) -> None:
    pagina = (sitio / "con-errores" / "index.html").read_text(encoding="utf-8")
    enlaces = set(re.findall(r'href="(\.\./reglas\.html#ga\d{3})"', pagina))
    assert len(enlaces) > 10
    reglas = (sitio / "reglas.html").read_text(encoding="utf-8")
    anclas = set(re.findall(r'id="(ga\d{3})"', reglas))
    assert {enlace.split("#")[1] for enlace in enlaces} <= anclas
    markdown = (sitio / "con-errores" / "reporte.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\(([^)]*reglas[^)]*)\)", markdown)[0] == r"../reglas.html\#ga502"
