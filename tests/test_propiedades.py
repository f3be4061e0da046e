"""Ninguna entrada rompe `validar`: texto arbitrario y mutaciones de archivos reales."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import BASE, comprobar_salida

runner = CliRunner()
ARCHIVOS = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*.yaml"))
AJUSTES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _validar(carpeta: Path) -> int:
    resultado = runner.invoke(app, ["validar", str(carpeta), "--fecha-corte", "2026-06-30"])
    comprobar_salida(resultado, (0, 1))
    return resultado.exit_code


def _copia(tmp_path: Path, nombre: str) -> Path:
    destino = tmp_path / nombre
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(BASE, destino)
    return destino


@AJUSTES
@given(archivo=st.sampled_from(ARCHIVOS), contenido=st.text())
def test_texto_arbitrario(tmp_path: Path, archivo: str, contenido: str) -> None:
    carpeta = _copia(tmp_path, "texto")
    (carpeta / archivo).write_text(contenido, encoding="utf-8", errors="surrogatepass")
    assert _validar(carpeta) in (0, 1)


@st.composite
def _mutacion(draw: st.DrawFn) -> tuple[str, bytes]:
    archivo = draw(st.sampled_from(ARCHIVOS))
    datos = bytearray((BASE / archivo).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        posicion = draw(st.integers(0, len(datos)))
        operacion = draw(st.sampled_from(["borrar", "insertar", "duplicar"]))
        if operacion == "borrar":
            del datos[posicion : posicion + draw(st.integers(1, 40))]
        elif operacion == "insertar":
            datos[posicion:posicion] = draw(
                st.sampled_from(
                    [
                        b":",
                        b"- ",
                        b"\t",
                        b"'",
                        b'"',
                        b"[",
                        b"{",
                        b"&a ",
                        b"*a",
                        b"\n  ",
                        b"#",
                        b"\xe9",
                        b"\x00",
                        b"2025-13-45",
                        b"16.10",
                        b"~",
                        b"!!python/object ",
                    ]
                )
            )
        else:
            fin = min(len(datos), posicion + draw(st.integers(1, 80)))
            datos[posicion:posicion] = datos[posicion:fin]
    return archivo, bytes(datos)


@AJUSTES
@given(mutacion=_mutacion())
def test_mutaciones_de_un_proceso_real(tmp_path: Path, mutacion: tuple[str, bytes]) -> None:
    archivo, datos = mutacion
    carpeta = _copia(tmp_path, "mutado")
    (carpeta / archivo).write_bytes(datos)
    assert _validar(carpeta) in (0, 1)
