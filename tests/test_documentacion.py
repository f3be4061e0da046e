"""La documentación sale del código: el README y `caja-ga reglas` no pueden desactualizarse."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from caja_ga.cli import app
from caja_ga.documentacion import actualizar_readme, ancla
from caja_ga.reglas import todas
from tests.conftest import RAIZ


def test_tabla_de_reglas_del_readme_al_dia(tmp_path: Path) -> None:
    copia = tmp_path / "README.md"
    shutil.copyfile(RAIZ / "README.md", copia)
    cambio = actualizar_readme(copia)
    assert not cambio, (
        "La tabla de reglas del README está desactualizada: ejecuta "
        "«python -m caja_ga.documentacion README.md»."
    )


def test_cada_regla_documentada_con_ejemplos() -> None:
    for regla in todas().values():
        assert regla.resumen.endswith((".", ")")), regla.codigo
        assert "Incorrecto" in regla.documentacion, regla.codigo
        assert "Correcto" in regla.documentacion, regla.codigo


def test_codigos_y_nombres_estables() -> None:
    reglas = todas()
    assert all(re.fullmatch(r"GA[0-5]\d\d", codigo) for codigo in reglas)
    nombres = [r.nombre for r in reglas.values()]
    assert len(nombres) == len(set(nombres))
    catalogo_minimo = {
        "GA001",
        "GA002",
        "GA003",
        "GA004",
        "GA005",
        "GA006",
        "GA007",
        "GA008",
        "GA009",
        "GA010",
        "GA011",
        "GA101",
        "GA102",
        "GA103",
        "GA110",
        "GA111",
        "GA201",
        "GA202",
        "GA203",
        "GA204",
        "GA205",
        "GA206",
        "GA207",
        "GA208",
        "GA301",
        "GA302",
        "GA303",
        "GA304",
        "GA305",
        "GA306",
        "GA307",
        "GA308",
        "GA309",
        "GA310",
        "GA401",
        "GA402",
        "GA403",
        "GA404",
        "GA405",
        "GA501",
        "GA502",
        "GA503",
        "GA504",
    }
    assert catalogo_minimo <= set(reglas)


def test_referencia_de_reglas_al_dia() -> None:
    """docs/reglas.md es exactamente lo que imprime el comando instalado."""
    comando = Path(sys.executable).parent / "caja-ga"
    resultado = subprocess.run(
        [str(comando), "reglas", "--formato", "markdown"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    actual = (RAIZ / "docs" / "reglas.md").read_text(encoding="utf-8")
    assert resultado.stdout == actual, (
        "docs/reglas.md está desactualizado: ejecuta "
        "«caja-ga reglas --formato markdown > docs/reglas.md»."
    )


def test_referencia_de_reglas_se_muestra_con_anclas_y_ejemplos() -> None:
    """Renderizada como la mostraría un visor de Markdown: un ancla, un título y ejemplos en YAML
    por regla, y cada enlace del índice lleva a un ancla que existe."""
    from markdown_it import MarkdownIt

    html = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .render((RAIZ / "docs" / "reglas.md").read_text(encoding="utf-8"))
    )
    anclas = re.findall(r'<a id="([a-z0-9]+)"></a>', html)
    assert anclas == [ancla(codigo) for codigo in todas()]
    assert set(re.findall(r'<a href="#([a-z0-9]+)">', html)) == set(anclas)
    assert html.count("<h2>") == len(todas())
    assert html.count('<code class="language-yaml">') >= len(todas())
    assert "```" not in html


def test_seccion_markdown_de_una_regla() -> None:
    resultado = CliRunner().invoke(app, ["reglas", "ga302", "--formato", "markdown"])
    assert resultado.exit_code == 0
    assert resultado.output.startswith('<a id="ga302"></a>\n\n## GA302 · actividad-incompleta\n')
    assert resultado.output in (RAIZ / "docs" / "reglas.md").read_text(encoding="utf-8")


def test_la_documentacion_de_una_regla_muestra_sus_umbrales() -> None:
    """Entre la explicación y los ejemplos, cada umbral con su valor por omisión (del registro)."""
    resultado = CliRunner().invoke(app, ["reglas", "GA206"])
    assert resultado.exit_code == 0
    explicacion = resultado.output.split("\nIncorrecto", 1)[0]
    assert explicacion.endswith(
        "\n\nUmbrales (se cambian en `.caja-ga.yaml`):\n\n"
        "- `min_integrantes_nucleo`: 3 por omisión. Mínimo de integrantes del Núcleo.\n"
        "- `min_dias_convocatoria`: 14 por omisión. Mínimo de días que la convocatoria del "
        "Núcleo está abierta.\n"
    )
    assert "Umbrales" not in CliRunner().invoke(app, ["reglas", "GA301"]).output


def test_la_tabla_del_readme_muestra_los_umbrales() -> None:
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    assert "| código | severidad | nombre | qué revisa | umbrales (por omisión) |" in readme
    assert " | `min_integrantes_nucleo`: 3, `min_dias_convocatoria`: 14 |\n" in readme
