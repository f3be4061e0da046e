"""El comando instalado `caja-ga`, como lo usa una persona: un subproceso real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import COMANDO, EJEMPLOS, FECHA_EJEMPLOS, CajaGa


def test_version_del_comando_instalado(caja_ga: CajaGa) -> None:
    resultado = caja_ga("--version")
    assert resultado.returncode == 0
    assert resultado.stdout.startswith("caja-ga ")


def test_python_m_caja_ga() -> None:
    resultado = subprocess.run(
        [sys.executable, "-m", "caja_ga", "--version"], capture_output=True, text=True, check=False
    )
    assert resultado.returncode == 0
    assert resultado.stdout.startswith("caja-ga ")


@pytest.mark.parametrize(
    "ejemplo", ["zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027"]
)
def test_los_ejemplos_validan_sin_errores(caja_ga: CajaGa, ejemplo: str) -> None:
    resultado = caja_ga(
        "validar", str(EJEMPLOS / ejemplo), "--fecha-corte", FECHA_EJEMPLOS, "--formato", "json"
    )
    assert resultado.returncode == 0, resultado.stdout
    datos = json.loads(resultado.stdout)
    assert datos["resumen"]["errores"] == 0
    assert datos["resumen"]["procesos"] == 1


def test_ruta_inexistente_sin_traza(caja_ga: CajaGa, tmp_path: Path) -> None:
    resultado = caja_ga("validar", "no-existe", cwd=tmp_path)
    assert resultado.returncode == 2
    assert "no existe" in resultado.stderr
    assert "Traceback" not in resultado.stderr + resultado.stdout


def test_tuberia_cerrada_antes_de_tiempo() -> None:
    """`caja-ga validar … | head`: si quien lee cierra antes del final, no hay mensaje de error."""
    with subprocess.Popen(
        [
            str(COMANDO),
            "validar",
            str(EJEMPLOS / "zapopan-2024-2027"),
            "--formato",
            "sarif",
            "--fecha-corte",
            FECHA_EJEMPLOS,
            "--sin-cache",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proceso:
        assert proceso.stdout is not None and proceso.stderr is not None
        proceso.stdout.close()  # nadie leerá: la primera escritura encuentra la tubería rota
        errores = proceso.stderr.read().decode()
        proceso.wait(timeout=60)
    assert "Error interno" not in errores
    assert "Traceback" not in errores
    assert "Exception ignored" not in errores
