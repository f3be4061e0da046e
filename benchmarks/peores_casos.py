"""Mide caja-ga con las entradas más costosas que caben bajo el límite de tamaño (5 MB).

Uso (desde la raíz del repositorio, con caja-ga instalado en el entorno activo):

    python benchmarks/peores_casos.py

Cada caso parte del proceso base de las pruebas y cambia un archivo: un texto de 100 KB que los
patrones de URL y correo podrían recorrer en tiempo cuadrático, una «bomba» de pocos alias que
expanden mucho, un mapeo de 100,000 claves, una lista de 320,000 elementos, un entero de 5,000
cifras, un plan de 9,000 actividades. Imprime, por caso, segundos y memoria máxima de
`caja-ga validar --sin-cache` y su código de salida: todos deben terminar en segundos, con memoria
acotada y salida 1 (problemas), nunca 2 ni 3 (fallo).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
BASE = RAIZ / "tests" / "casos" / "base"
CAJA_GA = str(Path(sys.executable).parent / "caja-ga")


def _reemplazar(archivo: str, prefijo: str, nueva: str) -> Callable[[Path], None]:
    def aplicar(carpeta: Path) -> None:
        ruta = carpeta / archivo
        lineas = ruta.read_text(encoding="utf-8").splitlines()
        lineas = [nueva if linea.startswith(prefijo) else linea for linea in lineas]
        ruta.write_text("\n".join(lineas) + "\n", encoding="utf-8")

    return aplicar


def _agregar(archivo: str, texto: str) -> Callable[[Path], None]:
    def aplicar(carpeta: Path) -> None:
        with (carpeta / archivo).open("a", encoding="utf-8") as flujo:
            flujo.write(texto)

    return aplicar


def _actividades(cuantas: int) -> str:
    return "".join(
        f"      - {{id: c1-x{i}, descripcion: Tarea {i}, responsables: [Obras], "
        "inicio: 2025-01-01, fin: 2025-06-01, medio_verificacion: Acta, entregable: Informe}\n"
        for i in range(cuantas)
    )


def _plan_grande(carpeta: Path) -> None:
    ruta = carpeta / "plan.yaml"
    texto = ruta.read_text(encoding="utf-8")
    ruta.write_text(
        texto.replace("    actividades:\n", "    actividades:\n" + _actividades(9_000), 1)
    )


CASOS: dict[str, Callable[[Path], None]] = {
    "URL de 100 KB con un espacio": _reemplazar(
        "proceso.yaml", "portal:", f'portal: "https://{"a" * 100_000} x"'
    ),
    "correo de 100 KB con muchos puntos": _agregar(
        "diagnostico.yaml", f'correo_raro: "a@{"b." * 50_000} x"\n'
    ),
    "bomba: 900 alias de una lista de 60,000": _agregar(
        "diagnostico.yaml",
        "bomba_a: &a ["
        + ",".join(["x"] * 60_000)
        + "]\nbomba_b: ["
        + ",".join(["*a"] * 900)
        + "]\n",
    ),
    "mapeo de 100,000 claves": _agregar(
        "diagnostico.yaml", "".join(f"k{i}: {i}\n" for i in range(100_000))
    ),
    "lista de 320,000 elementos": _agregar(
        "diagnostico.yaml", "notas_extra:\n" + "  - x\n" * 320_000
    ),
    "entero de 5,000 cifras": _agregar("diagnostico.yaml", f"cifra: {'9' * 5_000}\n"),
    "plan de 9,000 actividades": _plan_grande,
}


def medir(nombre: str, preparar: Callable[[Path], None], raiz: Path) -> str:
    carpeta = raiz / nombre.split(":")[0].replace(" ", "-").replace(",", "")
    shutil.copytree(BASE, carpeta)
    preparar(carpeta)
    inicio = time.perf_counter()
    argumentos = [CAJA_GA, "validar", str(carpeta), "--fecha-corte", "2026-06-30", "--sin-cache"]
    hijo = subprocess.Popen(argumentos, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, estado, uso = os.wait4(hijo.pid, 0)  # la memoria de este hijo, no la de todos
    segundos = time.perf_counter() - inicio
    hijo.returncode = os.waitstatus_to_exitcode(estado)
    memoria = uso.ru_maxrss // 1024
    tamano = sum(r.stat().st_size for r in carpeta.rglob("*") if r.is_file()) / 1e6
    return f"| {nombre} | {tamano:.1f} | {segundos:.2f} | {memoria} | {hijo.returncode} |"


def main() -> None:
    print("| caso | MB | segundos | memoria máx. (MB) | salida |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as temporal:
        for nombre, preparar in CASOS.items():
            print(medir(nombre, preparar, Path(temporal)), flush=True)


if __name__ == "__main__":
    main()
