"""La guardia de las pruebas de comandos puede fallar: un fallo nunca pasa por una salida."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import comprobar_salida

runner = CliRunner()


def _fallar(*_: object) -> None:
    raise RuntimeError("prueba")


def test_un_error_interno_no_pasa_la_guardia(
    proceso: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("caja_ga.validacion.validar", _fallar)
    resultado = runner.invoke(app, ["validar", proceso.name])
    with pytest.raises(AssertionError, match="Error interno"):
        comprobar_salida(resultado)


def test_un_codigo_no_permitido_no_pasa_la_guardia(proceso: Path) -> None:
    resultado = runner.invoke(app, ["validar", "no-existe"])
    comprobar_salida(resultado)
    with pytest.raises(AssertionError):
        comprobar_salida(resultado, (0, 1))


def test_una_excepcion_que_escapa_no_pasa_la_guardia() -> None:
    rota = typer.Typer()

    @rota.command()
    def romper() -> None:
        raise RuntimeError("escapó")

    resultado = runner.invoke(rota, [])
    assert resultado.exit_code == 1
    with pytest.raises(AssertionError, match="escapó"):
        comprobar_salida(resultado)
