"""La página de un proceso en un navegador real (Chromium sin ventana): el DOM que construye, sin
errores de consola ni pedidos a la red, y capturas de pantalla de escritorio y de teléfono.

Todo nombre de servidor se resuelve como inexistente (`--host-resolver-rules`), así que ni la
página ni el propio Chromium sacan tráfico de la máquina; el registro de red de Chromium
(`--log-net-log`) anota igual cada pedido que se intentó.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS
from tests.test_reporte import estructura

CHROMIUM = next(
    (
        ruta
        for nombre in ("chromium", "chromium-browser", "google-chrome")
        if (ruta := shutil.which(nombre))
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium no está instalado (en Debian: apt-get install chromium; .ci/run lo instala)",
)

MONTERREY = EJEMPLOS / "monterrey-2024-2027"


def _chromium(url: str, carpeta: Path, *opciones: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    perfil = carpeta / f"perfil-{len(list(carpeta.glob('perfil-*')))}"
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={perfil}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--hide-scrollbars",
            *opciones,
            url,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _abrir(pagina: Path, carpeta: Path) -> tuple[str, list[str], set[str]]:
    """(DOM, mensajes de consola, servidores a los que se intentó pedir algo)."""
    registro = carpeta / f"red-{pagina.stem}.json"
    resultado = _chromium(
        pagina.as_uri(),
        carpeta,
        "--enable-logging=stderr",
        "--v=0",
        f"--log-net-log={registro}",
        "--dump-dom",
    )
    assert resultado.returncode == 0, resultado.stderr[-2000:]
    consola = [linea for linea in resultado.stderr.splitlines() if ":CONSOLE" in linea]
    eventos = json.loads(registro.read_text(encoding="utf-8"))["events"]
    pedidos = {
        urlsplit(str(e["params"]["url"])).hostname or ""
        for e in eventos
        if isinstance(e.get("params"), dict) and "url" in e["params"]
    }
    return resultado.stdout, consola, pedidos


def _servidores_citados(html: str) -> set[str]:
    """Los servidores de las direcciones http(s) que la página menciona (enlaces incluidos)."""
    return {
        urlsplit(str(valor)).hostname or ""
        for _, atributos in estructura(html).etiquetas
        for valor in atributos.values()
        if str(valor).startswith(("http://", "https://"))
    }


def test_las_herramientas_de_la_prueba_detectan_lo_que_buscan(tmp_path: Path) -> None:
    """Control: una página con un error de consola y una imagen remota sí se detecta."""
    mala = tmp_path / "mala.html"
    mala.write_text(
        '<!DOCTYPE html><html lang="es"><body><img src="https://ejemplo.invalid/a.png">'
        '<script>console.error("falla")</script></body></html>',
        encoding="utf-8",
    )
    _, consola, pedidos = _abrir(mala, tmp_path)
    assert any("falla" in linea for linea in consola)
    assert "ejemplo.invalid" in pedidos


def test_la_pagina_en_chromium(tmp_path: Path) -> None:
    sitio = tmp_path / "sitio"
    resultado = CliRunner().invoke(
        app, ["reporte", str(MONTERREY), "--salida", str(sitio), "--fecha-corte", FECHA_EJEMPLOS]
    )
    assert resultado.exit_code == 0, resultado.output
    pagina = sitio / "monterrey-2024-2027" / "index.html"
    html = pagina.read_text(encoding="utf-8")

    dom, consola, pedidos = _abrir(pagina, tmp_path)
    assert consola == []  # ni errores ni mensajes de consola
    citados = _servidores_citados(html)
    assert "www.monterrey.gob.mx" in citados
    assert not (pedidos & citados), pedidos & citados  # ningún recurso se pidió a la red

    leido = estructura(dom)
    assert leido.lang == "es"
    niveles = [nivel for nivel, _ in leido.titulos]
    assert niveles.count(1) == 1
    titulos = [texto for _, texto in leido.titulos]
    for seccion in (
        "Resumen",
        "Línea de tiempo del proceso",
        "Diagnóstico de capacidades",
        "Quiénes participan",
        "Sesiones",
        "Plan de acción",
        "Agenda 2030: recomendaciones O1–O9",
        "Avisos de validación",
    ):
        assert seccion in titulos, seccion
    plan = yaml.safe_load((MONTERREY / "plan.yaml").read_text(encoding="utf-8"))
    for compromiso in plan["compromisos"]:
        assert f"compromiso-{compromiso['id']}" in leido.ids
        assert f"{compromiso['id']} {compromiso['titulo']}" in titulos
    # Diagnóstico, calendario y los indicadores medidos de seis metas (c1-m1 … c4-m1).
    assert len(leido.svgs) == 8

    for nombre, tamano in (("pagina.png", "1280,4000"), ("pagina-telefono.png", "390,3000")):
        captura = tmp_path / nombre
        resultado_captura = _chromium(
            pagina.as_uri(), tmp_path, f"--screenshot={captura}", f"--window-size={tamano}"
        )
        assert resultado_captura.returncode == 0, resultado_captura.stderr[-2000:]
        contenido = captura.read_bytes()
        assert contenido.startswith(b"\x89PNG\r\n\x1a\n") and len(contenido) > 50_000
