"""Entradas hostiles por el comando instalado: nunca «Error interno», nunca controles en pantalla.

Cada caso parte del proceso base y cambia un archivo; se corre el script `caja-ga` del entorno.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BASE, CajaGa

FECHA = "2026-06-30"


def _proceso(tmp_path: Path, archivo: str, agregar: str) -> Path:
    destino = tmp_path / "proceso"
    shutil.copytree(BASE, destino)
    with (destino / archivo).open("a", encoding="utf-8") as flujo:
        flujo.write(agregar)
    return destino


def _validar(caja_ga: CajaGa, carpeta: Path, *opciones: str) -> subprocess.CompletedProcess[str]:
    argumentos = ("validar", carpeta.name, "--fecha-corte", FECHA, "--sin-cache", *opciones)
    return caja_ga(*argumentos, cwd=carpeta.parent)


def _problemas(resultado: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    datos = json.loads(resultado.stdout)
    return [(p["archivo"], p["linea"], p["codigo"]) for p in datos["problemas"]]


@pytest.mark.parametrize(
    "valor", ["9" * 5_000, "1e400", "-1e400"], ids=["5000-cifras", "infinito", "menos-infinito"]
)
def test_numero_imposible_es_un_problema_de_tipo(
    caja_ga: CajaGa, tmp_path: Path, valor: str
) -> None:
    """Donde va un número (el presupuesto), un número imposible es GA006 en su línea: ni un
    «Error interno» (más de 4300 cifras) ni un presupuesto de «$inf MXN» publicado."""
    carpeta = _proceso(tmp_path, "plan.yaml", "")
    plan = carpeta / "plan.yaml"
    texto = plan.read_text(encoding="utf-8")
    assert "    presupuesto_mxn: 500000\n" in texto
    plan.write_text(
        texto.replace("    presupuesto_mxn: 500000\n", f"    presupuesto_mxn: {valor}\n")
    )
    linea = 1 + texto[: texto.index("    presupuesto_mxn:")].count("\n")
    resultado = _validar(caja_ga, carpeta, "-f", "json")
    assert resultado.returncode == 1
    assert _problemas(resultado) == [("proceso/plan.yaml", linea, "GA006")]


def test_url_de_100_kb_con_espacio_se_rechaza(caja_ga: CajaGa, tmp_path: Path) -> None:
    carpeta = _proceso(tmp_path, "proceso.yaml", "")
    texto = (carpeta / "proceso.yaml").read_text(encoding="utf-8")
    portal = next(linea for linea in texto.splitlines() if linea.startswith("portal:"))
    largo = f'portal: "https://{"a" * 100_000} x"'
    (carpeta / "proceso.yaml").write_text(texto.replace(portal, largo), encoding="utf-8")
    resultado = _validar(caja_ga, carpeta, "-f", "json")
    assert resultado.returncode == 1
    assert [(a, c) for a, _, c in _problemas(resultado)] == [("proceso/proceso.yaml", "GA006")]


def test_mapeo_de_demasiadas_claves_es_ga008(caja_ga: CajaGa, tmp_path: Path) -> None:
    extra = "".join(f"k{i}: {i}\n" for i in range(10_001))
    carpeta = _proceso(tmp_path, "diagnostico.yaml", extra)
    resultado = _validar(caja_ga, carpeta, "-f", "json")
    assert resultado.returncode == 1
    assert _problemas(resultado) == [("proceso/diagnostico.yaml", 1, "GA008")]


_ESCAPE = "\\e[2J\\e[1;1HTodo bien\\r\\u009b31m\\u202e"


@pytest.mark.parametrize("formato", ["texto", "github", "gitlab"])
def test_controles_de_terminal_se_muestran_escapados(
    caja_ga: CajaGa, tmp_path: Path, formato: str
) -> None:
    # Una clave desconocida (GA004) cita la clave tal como se escribió.
    carpeta = _proceso(tmp_path, "plan.yaml", f'"{_ESCAPE}": 1\n')
    resultado = _validar(caja_ga, carpeta, "-f", formato)
    salida = resultado.stdout
    assert resultado.returncode == 1
    for control in ("\x1b", "\r", "\x9b", "\u202e"):
        assert control not in salida
    # En JSON (gitlab) la barra invertida va escapada otra vez.
    assert "\\x1b[2J" in salida.replace("\\\\", "\\")
