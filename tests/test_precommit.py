"""El gancho de pre-commit `caja-ga-validar` (.pre-commit-hooks.yaml), corrido por pre-commit real.

Un repositorio temporal usa una copia de este proyecto como repositorio de ganchos: pre-commit la
clona e instala caja-ga en su propio entorno (hace falta el índice de paquetes, como a cualquier
usuario), así que la prueba cubre también que el paquete se instala desde sus fuentes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import BASE, RAIZ

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(*args: str, cwd: Path) -> str:
    entorno = {
        **os.environ,
        "GIT_AUTHOR_NAME": "prueba",
        "GIT_AUTHOR_EMAIL": "prueba@ejemplo.mx",
        "GIT_COMMITTER_NAME": "prueba",
        "GIT_COMMITTER_EMAIL": "prueba@ejemplo.mx",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=entorno, capture_output=True, text=True, check=True
    ).stdout


def _copia_del_proyecto(destino: Path) -> str:
    """Los archivos del proyecto tal como están (también los aún no confirmados) en un repositorio
    nuevo; devuelve su commit."""
    salida = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=RAIZ)
    for nombre in filter(None, salida.split("\0")):
        origen = RAIZ / nombre
        if origen.is_file():
            (destino / nombre).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origen, destino / nombre)
    _git("init", "-q", cwd=destino)
    _git("add", "-A", cwd=destino)
    _git("commit", "-q", "-m", "caja-ga", cwd=destino)
    return _git("rev-parse", "HEAD", cwd=destino).strip()


def _pre_commit(repositorio: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    entorno = {**os.environ, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    entorno.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(PRE_COMMIT), "run", *args],
        cwd=repositorio,
        env=entorno,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_definicion_del_gancho() -> None:
    ganchos = yaml.safe_load((RAIZ / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    gancho = next(g for g in ganchos if g["id"] == "caja-ga-validar")
    assert gancho["entry"] == "caja-ga validar"
    assert gancho["language"] == "python"
    assert gancho["files"] == r"\.ya?ml$"
    assert gancho["pass_filenames"] is True


def test_archivos_de_un_proceso_se_validan_una_vez(proceso: Path) -> None:
    """pre-commit pasa todos los archivos juntos: el proceso se valida una sola vez."""
    archivos = sorted(str(p.relative_to(proceso.parent)) for p in proceso.rglob("*.yaml"))
    resultado = CliRunner().invoke(app, ["validar", *archivos, "--fecha-corte", "2026-06-30"])
    assert resultado.exit_code == 0, resultado.output
    assert resultado.output.count("✔ zapopan") == 1
    assert f"1 proceso, {len(archivos)} archivos: sin problemas." in resultado.output


@pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None,
    reason="requiere pre-commit (extra «pruebas») y git",
)
def test_pre_commit_usa_el_gancho_de_este_proyecto(tmp_path: Path) -> None:
    ganchos = tmp_path / "caja-ga"
    ganchos.mkdir()
    commit = _copia_del_proyecto(ganchos)

    repositorio = tmp_path / "municipios"
    shutil.copytree(BASE, repositorio / "jalisco" / "zapopan")
    configuracion = {
        "repos": [
            {
                "repo": str(ganchos),
                "rev": commit,
                "hooks": [{"id": "caja-ga-validar", "args": ["--fecha-corte", "2026-06-30"]}],
            }
        ]
    }
    (repositorio / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(configuracion), encoding="utf-8"
    )
    _git("init", "-q", cwd=repositorio)
    _git("add", "-A", cwd=repositorio)

    valido = _pre_commit(repositorio, tmp_path / "cache", "--all-files")
    assert valido.returncode == 0, valido.stdout + valido.stderr
    assert "caja-ga validar" in valido.stdout and "Passed" in valido.stdout

    plan = repositorio / "jalisco" / "zapopan" / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "        responsables: [Dirección de Innovación]\n", ""
        ),
        encoding="utf-8",
    )
    _git("add", "-A", cwd=repositorio)
    invalido = _pre_commit(repositorio, tmp_path / "cache", "--files", "jalisco/zapopan/plan.yaml")
    assert invalido.returncode == 1, invalido.stdout + invalido.stderr
    assert "Proceso jalisco/zapopan (" in invalido.stdout
    assert "\n  plan.yaml (1 error)\n" in invalido.stdout
    assert "GA302" in invalido.stdout
    # Solo los problemas del archivo pasado: el aviso GA503 de agenda2030.yaml no sale.
    assert "1 proceso, 1 archivo: 1 error, 0 avisos." in invalido.stdout
