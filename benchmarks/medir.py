"""Mide caja-ga contra el piso de libyaml, en la misma corrida y sobre los mismos archivos.

Uso (desde la raíz del repositorio, con caja-ga instalado en el entorno activo):

    python benchmarks/medir.py                 # corpus nacional: 2,478 municipios (~80 MB)
    python benchmarks/medir.py --municipios 300

Genera el corpus con `benchmarks/corpus.py` en una carpeta temporal y mide: la composición libyaml
de todos sus archivos en un solo proceso (el piso que conserva posiciones), `caja-ga validar` con
`--jobs 1` y `--jobs 2` (sin caché), la memoria máxima de un proceso, `caja-ga reporte` del corpus
entero, volver a validar con la caché tras cambiar un archivo, un municipio de punta a punta, y
`caja-ga --version` contra `python -c pass`. Imprime una tabla Markdown (mejor de
`--repeticiones` para las mediciones cortas) y las razones contra el piso.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generar

CAJA_GA = str(Path(sys.executable).parent / "caja-ga")
FECHA = "2026-11-15"


def _mejor(funcion: Callable[[], object], repeticiones: int) -> float:
    tiempos = []
    for _ in range(repeticiones):
        inicio = time.perf_counter()
        funcion()
        tiempos.append(time.perf_counter() - inicio)
    return min(tiempos)


def _componer(archivos: list[Path]) -> None:
    for archivo in archivos:
        yaml.compose(archivo.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _correr(*args: str, cwd: Path | None = None) -> Callable[[], object]:
    return lambda: subprocess.run(args, capture_output=True, check=False, cwd=cwd)


def _validar(corpus: Path, *extra: str) -> Callable[[], object]:
    return _correr(
        CAJA_GA,
        "validar",
        str(corpus),
        "--fecha-corte",
        FECHA,
        "-f",
        "json",
        *extra,
        cwd=corpus.parent,
    )


def _memoria_maxima_mb() -> float:
    """La memoria residente máxima de un proceso hijo (o nieto) hasta ahora, en MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _revalidar_tras_un_cambio(corpus: Path) -> float:
    _validar(corpus, "--jobs", "2")()  # llena la caché
    plan = next(corpus.rglob("plan.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8") + "# cambio\n", encoding="utf-8")
    return _mejor(_validar(corpus), 1)


def medir(municipios: int | None, repeticiones: int) -> None:
    with tempfile.TemporaryDirectory() as temporal:
        corpus = Path(temporal) / "pais"
        megas = generar(corpus, municipios) / 1e6
        archivos = sorted(corpus.rglob("*.yaml"))
        procesos = sum(1 for _ in corpus.rglob("proceso.yaml"))
        filas: dict[str, float] = {
            "piso: composición libyaml de todos los archivos, un proceso": _mejor(
                lambda: _componer(archivos), 1
            ),
            "caja-ga validar --jobs 1 --sin-cache": _mejor(
                _validar(corpus, "--jobs", "1", "--sin-cache"), 1
            ),
            "caja-ga validar --jobs 2 --sin-cache": _mejor(
                _validar(corpus, "--jobs", "2", "--sin-cache"), 1
            ),
        }
        memoria = _memoria_maxima_mb()
        filas["caja-ga reporte --jobs 2 (páginas, índice y datos abiertos)"] = _mejor(
            _correr(
                CAJA_GA,
                "reporte",
                str(corpus),
                "--salida",
                str(Path(temporal) / "sitio"),
                "--fecha-corte",
                FECHA,
                "--forzar",
                "--jobs",
                "2",
            ),
            1,
        )
        memoria_reporte = _memoria_maxima_mb()
        filas["volver a validar tras cambiar un archivo (caché)"] = _revalidar_tras_un_cambio(
            corpus
        )
        filas["un municipio de punta a punta"] = _mejor(
            _validar(next(corpus.rglob("proceso.yaml")).parent, "--sin-cache"), repeticiones
        )
    filas["caja-ga --version"] = _mejor(_correr(CAJA_GA, "--version"), repeticiones)
    filas["python -c pass"] = _mejor(_correr(sys.executable, "-c", "pass"), repeticiones)
    _imprimir(filas, procesos, len(archivos), megas, memoria, memoria_reporte)


def _imprimir(
    filas: dict[str, float],
    procesos: int,
    archivos: int,
    megas: float,
    memoria: float,
    memoria_reporte: float,
) -> None:
    piso = next(iter(filas.values()))
    print(
        f"Corpus: {procesos} procesos, {archivos} archivos, {megas:.1f} MB. Máquina: "
        f"{platform.machine()}, {os.cpu_count()} núcleos, Python {platform.python_version()}, "
        f"{date.today()}.\n"
    )
    print("| medición | segundos | razón contra el piso |\n|---|---:|---:|")
    for nombre, segundos in filas.items():
        print(f"| {nombre} | {segundos:.3f} | {segundos / piso:.2f} |")
    version = filas["caja-ga --version"] / filas["python -c pass"]
    print(
        f"\nMemoria máxima de un proceso al validar: {memoria:.0f} MB; contando el reporte: "
        f"{memoria_reporte:.0f} MB"
    )
    print(f"`caja-ga --version` / `python -c pass`: {version:.1f}")


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument(
        "--municipios",
        type=int,
        default=None,
        help="cuántos municipios del catálogo (por omisión, todos)",
    )
    argumentos.add_argument("--repeticiones", type=int, default=3)
    opciones = argumentos.parse_args()
    medir(opciones.municipios, opciones.repeticiones)


if __name__ == "__main__":
    main()
