from __future__ import annotations

import shutil
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
BASE = RAIZ / "tests" / "casos" / "base"
EJEMPLOS = RAIZ / "ejemplos"
FECHA_EJEMPLOS = "2026-11-15"


@pytest.fixture
def proceso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Una copia del proceso base (sin problemas) en una carpeta temporal, que es la actual."""
    destino = tmp_path / "zapopan"
    shutil.copytree(BASE, destino)
    monkeypatch.chdir(tmp_path)
    return destino


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--actualizar-doradas",
        action="store_true",
        help="Reescribe los archivos dorados (tests/doradas/) con la salida actual.",
    )


@pytest.fixture
def actualizar_doradas(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--actualizar-doradas"))
