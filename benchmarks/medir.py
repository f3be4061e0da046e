"""Mide caja-ga contra el piso de libyaml, en la misma corrida y sobre los mismos archivos.

Uso (desde la raíz del repositorio, con caja-ga instalado en el entorno activo):

    python benchmarks/medir.py --copias 200

Arma un corpus temporal con `--copias` réplicas de cada ejemplo válido de `ejemplos/` y mide:
la composición de libyaml de todos los archivos (el piso que conserva posiciones),
`caja-ga validar` con `--jobs 1` y `--jobs 2`, un solo municipio de punta a punta, y
`caja-ga --version` contra `python -c pass`. Imprime una tabla Markdown con los tiempos (mejor de
`--repeticiones`) y las razones.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

RAIZ = Path(__file__).resolve().parent.parent
EJEMPLOS = ("zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027")
CAJA_GA = str(Path(sys.executable).parent / "caja-ga")
FECHA = "2026-11-15"


def _mejor(funcion: Callable[[], object], repeticiones: int) -> float:
    tiempos = []
    for _ in range(repeticiones):
        inicio = time.perf_counter()
        funcion()
        tiempos.append(time.perf_counter() - inicio)
    return min(tiempos)


def _corpus(destino: Path, copias: int) -> list[Path]:
    for numero in range(copias):
        for ejemplo in EJEMPLOS:
            shutil.copytree(RAIZ / "ejemplos" / ejemplo, destino / f"{ejemplo}-{numero:04d}")
    return sorted(destino.rglob("*.yaml"))


def _componer(archivos: list[Path]) -> None:
    for archivo in archivos:
        yaml.compose(archivo.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _comando(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run(args, capture_output=True, check=False)


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--copias", type=int, default=100)
    argumentos.add_argument("--repeticiones", type=int, default=3)
    opciones = argumentos.parse_args()
    with tempfile.TemporaryDirectory() as temporal:
        corpus = Path(temporal)
        archivos = _corpus(corpus, opciones.copias)
        megas = sum(a.stat().st_size for a in archivos) / 1e6
        rep = opciones.repeticiones
        filas = {
            "piso: composición libyaml de todos los archivos": _mejor(
                lambda: _componer(archivos), rep),
            "caja-ga validar --jobs 1": _mejor(
                _comando(CAJA_GA, "validar", str(corpus), "--fecha-corte", FECHA, "-f", "json",
                         "--jobs", "1"), rep),
            "caja-ga validar --jobs 2": _mejor(
                _comando(CAJA_GA, "validar", str(corpus), "--fecha-corte", FECHA, "-f", "json",
                         "--jobs", "2"), rep),
            "un municipio de punta a punta": _mejor(
                _comando(CAJA_GA, "validar", str(RAIZ / "ejemplos" / EJEMPLOS[1]),
                         "--fecha-corte", FECHA), rep),
            "caja-ga --version": _mejor(_comando(CAJA_GA, "--version"), rep),
            "python -c pass": _mejor(_comando(sys.executable, "-c", "pass"), rep),
        }
    piso = filas["piso: composición libyaml de todos los archivos"]
    print(f"Corpus: {opciones.copias * len(EJEMPLOS)} procesos, {len(archivos)} archivos, "
          f"{megas:.1f} MB. Máquina: {platform.machine()}, Python {platform.python_version()}, "
          f"{date.today()}.\n")
    print("| medición | segundos | razón contra el piso |\n|---|---:|---:|")
    for nombre, segundos in filas.items():
        print(f"| {nombre} | {segundos:.3f} | {segundos / piso:.2f} |")
    version = filas["caja-ga --version"] / filas["python -c pass"]
    print(f"\n`caja-ga --version` / `python -c pass`: {version:.1f}")


if __name__ == "__main__":
    main()
