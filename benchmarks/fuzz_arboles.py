"""Corre el fuzz de árboles de proceso (tests/test_fuzz_arboles.py) con muchos ejemplos y mide
tiempo y memoria.

Uso (desde la raíz del repositorio, con caja-ga instalado en el entorno activo):

    python benchmarks/fuzz_arboles.py                # 200 árboles
    python benchmarks/fuzz_arboles.py --ejemplos 1000

Cada árbol se valida cinco veces por el comando instalado (sin caché, llenándola, usándola y,
tras un cambio que conserva tamaño y fecha, con y sin caché). Imprime los segundos totales, los
segundos por árbol y la memoria máxima de una corrida de `caja-ga`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def main() -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--ejemplos", type=int, default=200, help="árboles por generar")
    opciones = argumentos.parse_args()
    entorno = {**os.environ, "CAJA_GA_EJEMPLOS_FUZZ": str(opciones.ejemplos)}
    inicio = time.perf_counter()
    resultado = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_fuzz_arboles.py",
            "--hypothesis-show-statistics",
        ],
        cwd=RAIZ,
        env=entorno,
        check=False,
    )
    segundos = time.perf_counter() - inicio
    # ru_maxrss de los hijos: el mayor de pytest y de cada `caja-ga` que lanzó (en KiB en Linux).
    memoria = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("\n| árboles | segundos | s/árbol | memoria máxima (MiB) | resultado |")
    print("|---:|---:|---:|---:|---|")
    estado = "sin fallos" if resultado.returncode == 0 else "FALLÓ"
    print(
        f"| {opciones.ejemplos} | {segundos:.1f} | {segundos / opciones.ejemplos:.2f} "
        f"| {memoria:.0f} | {estado} |"
    )
    return resultado.returncode


if __name__ == "__main__":
    raise SystemExit(main())
