"""`caja-ga validar --cambios-desde`: qué procesos cambiaron según git, sin que la referencia se
lea como una opción y con rutas con acentos."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import BASE, CajaGa

runner = CliRunner()
CORTE = ["--fecha-corte", "2026-06-30", "--sin-cache"]


def _git(carpeta: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=carpeta, check=True, capture_output=True)


@pytest.fixture
def repositorio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Un repositorio con dos procesos, uno en una carpeta con acentos, todo confirmado."""
    repo = tmp_path / "repo"
    shutil.copytree(BASE, repo / "ejemplos" / "san-andrés")
    shutil.copytree(BASE, repo / "ejemplos" / "zapopan")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=Prueba", "-c", "user.email=p@example.org", "commit", "-qm", "x")
    monkeypatch.chdir(repo)
    return repo


def _archivos(carpeta: Path) -> set[Path]:
    return {ruta for ruta in carpeta.rglob("*") if ".git" not in ruta.parts}


def test_un_proceso_con_acentos_cambiado_se_detecta(repositorio: Path) -> None:
    plan = repositorio / "ejemplos" / "san-andrés" / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "        responsables: [Dirección de Innovación]\n", ""
        ),
        encoding="utf-8",
    )
    resultado = runner.invoke(
        app, ["validar", "ejemplos", "--cambios-desde", "HEAD", "--formato", "json", *CORTE]
    )
    assert resultado.exit_code == 1, resultado.output
    datos = json.loads(resultado.output)
    assert datos["resumen"]["procesos"] == 1
    assert {p["archivo"].split("/")[1] for p in datos["problemas"]} == {"san-andrés"}


def test_git_corre_en_el_repositorio_de_la_ruta_no_en_la_carpeta_actual(
    repositorio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repositorio / "ejemplos" / "zapopan" / "plan.yaml").unlink()
    monkeypatch.chdir(repositorio.parent)  # fuera de todo repositorio
    resultado = runner.invoke(
        app, ["validar", "repo/ejemplos", "--cambios-desde", "HEAD", "--formato", "json", *CORTE]
    )
    assert resultado.exit_code == 1, resultado.output
    datos = json.loads(resultado.output)
    assert datos["resumen"]["procesos"] == 1
    assert {p["archivo"] for p in datos["problemas"]} == {"repo/ejemplos/zapopan/plan.yaml"}


def test_una_referencia_con_forma_de_opcion_no_escribe_nada(repositorio: Path) -> None:
    antes = _archivos(repositorio.parent)
    resultado = runner.invoke(app, ["validar", "ejemplos", "--cambios-desde=--output=../x.txt"])
    assert resultado.exit_code == 2
    assert "«--output=../x.txt»: no es una rama, etiqueta ni commit" in resultado.output
    assert _archivos(repositorio.parent) == antes


def test_una_referencia_inexistente_es_error_de_uso(repositorio: Path) -> None:
    resultado = runner.invoke(app, ["validar", "ejemplos", "--cambios-desde", "no-existe"])
    assert resultado.exit_code == 2
    assert resultado.output == (
        "Error: No se pudo preguntar a git qué cambió desde «no-existe»: no es una rama, "
        "etiqueta ni commit del repositorio «.» (por ejemplo: origin/main, "
        "HEAD~1 o un hash).\n"
    )


def _procesos_validados(caja_ga: CajaGa, repositorio: Path) -> list[str]:
    resultado = caja_ga(
        "validar",
        "ejemplos",
        "--cambios-desde",
        "HEAD",
        "--formato",
        "json",
        *CORTE,
        cwd=repositorio,
    )
    assert resultado.returncode in (0, 1), resultado.stderr
    return sorted({p["archivo"].split("/")[1] for p in json.loads(resultado.stdout)["problemas"]})


def test_un_archivo_que_sale_de_un_proceso_lo_selecciona(
    caja_ga: CajaGa, repositorio: Path
) -> None:
    """Mover plan.yaml fuera de zapopan deja a zapopan sin plan: debe volver a validarse."""
    _git(repositorio, "mv", "ejemplos/zapopan/plan.yaml", "plan-viejo.yaml")
    assert _procesos_validados(caja_ga, repositorio) == ["zapopan"]


def test_una_configuracion_cambiada_selecciona_los_procesos_que_gobierna(
    caja_ga: CajaGa, repositorio: Path
) -> None:
    (repositorio / "ejemplos" / ".caja-ga.yaml").write_text(
        "version: 1\numbrales:\n  max_compromisos: 0\n", encoding="utf-8"
    )
    assert _procesos_validados(caja_ga, repositorio) == ["san-andrés", "zapopan"]
