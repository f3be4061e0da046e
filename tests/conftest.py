from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

if TYPE_CHECKING:
    from typer.testing import Result

RAIZ = Path(__file__).resolve().parent.parent
BASE = RAIZ / "tests" / "casos" / "base"
EJEMPLOS = RAIZ / "ejemplos"
FECHA_EJEMPLOS = "2026-11-15"
COMANDO = Path(sys.executable).parent / "caja-ga"


@pytest.fixture
def proceso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Una copia del proceso base (sin problemas) en una carpeta temporal, que es la actual."""
    destino = tmp_path / "zapopan"
    shutil.copytree(BASE, destino)
    monkeypatch.chdir(tmp_path)
    return destino


def comprobar_salida(resultado: Result, permitidos: Collection[int] = (0, 1, 2)) -> None:
    """Un comando termina con un código permitido y sin «Error interno», nunca con una excepción.

    Toda excepción se vuelve una salida, así que no basta con mirar `resultado.exception`.
    """
    assert "Error interno" not in resultado.output, resultado.output
    assert resultado.exit_code in permitidos, (resultado.exit_code, resultado.output)
    excepcion = resultado.exception
    if resultado.exit_code == 0:
        assert excepcion is None, repr(excepcion)
    else:
        assert isinstance(excepcion, SystemExit), repr(excepcion)
        assert excepcion.code == resultado.exit_code, repr(excepcion)


class CajaGa(Protocol):
    def __call__(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]: ...


def correr_caja_ga(
    *args: str, cwd: Path | None = None, comando: Path = COMANDO
) -> subprocess.CompletedProcess[str]:
    """Corre el comando `caja-ga` instalado, como una persona; falla ante un «Error interno».
    `comando` permite correr otra instalación (la de una rueda en un entorno limpio)."""
    resultado = subprocess.run(
        [str(comando), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    salida = resultado.stdout + resultado.stderr
    assert "Error interno" not in salida, salida
    return resultado


@pytest.fixture
def caja_ga() -> CajaGa:
    """`correr_caja_ga` como fixture."""
    return correr_caja_ga


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--actualizar-doradas",
        action="store_true",
        help=(
            "Reescribe los archivos dorados (tests/doradas/) y los esperados de los casos "
            "(tests/casos/*/*/esperado.txt) con la salida actual."
        ),
    )


@pytest.fixture
def actualizar_doradas(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--actualizar-doradas"))


@pytest.fixture(scope="session")
def rueda(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """La rueda (.whl) de este proyecto, construida una vez por corrida."""
    destino = tmp_path_factory.mktemp("rueda")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(destino),
            str(RAIZ),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (construida,) = destino.glob("caja_ga-*.whl")
    return construida
