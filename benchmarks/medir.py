"""Mide caja-ga contra el piso de libyaml, en la misma corrida y sobre los mismos archivos.

Uso (desde la raíz del repositorio, con caja-ga instalado en el entorno activo):

    python benchmarks/medir.py                 # corpus nacional: 2,478 municipios (~80 MB)
    python benchmarks/medir.py --municipios 300
    python benchmarks/medir.py --curva 300,2478,25000   # tiempo y memoria por tamaño (lento)

Genera el corpus con `benchmarks/corpus.py` en una carpeta temporal (un repositorio git, como el
de una autoridad estatal: la caché vive en su raíz) y mide: la composición libyaml de todos sus
archivos en un solo proceso (el piso que conserva posiciones); `caja-ga validar --jobs 1` y
`--jobs 2` sin caché y `--jobs 2` por el camino de siempre (con la caché, fría); volver a validar
tras cambiar un archivo; `caja-ga reporte --jobs 2` con la caché fría y volver a publicar tras
cambiar un archivo; un municipio de punta a punta, y `caja-ga --version` contra `python -c pass`.
Imprime una tabla Markdown con la razón contra el piso y la meta de cada medición.

Con `--curva`, para cada tamaño genera un corpus y mide `validar --jobs 2 --sin-cache` y
`reporte --jobs 2 --sin-cache`, cada uno con su memoria máxima (la del proceso más grande).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generar

CAJA_GA = str(Path(sys.executable).parent / "caja-ga")
FECHA = "2026-11-15"
CACHE = ".caja-ga-cache"


@dataclass(frozen=True)
class Meta:
    """Una meta: contra el piso (veces) o en segundos."""

    limite: float
    contra_piso: bool

    def texto(self) -> str:
        return f"≤ {self.limite:g} × piso" if self.contra_piso else f"≤ {self.limite:g} s"

    def cumple(self, segundos: float, piso: float) -> bool:
        return (segundos / piso if self.contra_piso else segundos) <= self.limite


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


def _reporte(corpus: Path, sitio: Path, *extra: str) -> Callable[[], object]:
    return _correr(
        CAJA_GA,
        "reporte",
        str(corpus),
        "--salida",
        str(sitio),
        "--fecha-corte",
        FECHA,
        "--forzar",
        "--jobs",
        "2",
        *extra,
        cwd=corpus.parent,
    )


def _memoria_maxima_mb() -> float:
    """La memoria residente máxima de un proceso hijo (o nieto) hasta ahora, en MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _cambiar_un_archivo(corpus: Path, vez: int) -> None:
    plan = sorted(corpus.rglob("plan.yaml"))[vez]
    texto = plan.read_text(encoding="utf-8")
    plan.write_text(texto.replace("titulo: ", "titulo: (cambio) ", 1), encoding="utf-8")


def _repositorio(corpus: Path) -> None:
    """Un repositorio git, como el de una autoridad estatal: la caché queda en su raíz."""
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(corpus)], check=False, capture_output=True)


def _borrar_caches(corpus: Path) -> None:
    for carpeta in [corpus / CACHE, *corpus.rglob(CACHE)]:
        shutil.rmtree(carpeta, ignore_errors=True)


def medir(municipios: int | None, repeticiones: int) -> None:
    with tempfile.TemporaryDirectory() as temporal:
        corpus = Path(temporal) / "pais"
        megas = generar(corpus, municipios) / 1e6
        _repositorio(corpus)
        archivos = sorted(corpus.rglob("*.yaml"))
        procesos = sum(1 for _ in corpus.rglob("proceso.yaml"))
        sitio = Path(temporal) / "sitio"
        filas: dict[str, tuple[float, Meta | None]] = {}
        filas["piso: composición libyaml de todos los archivos, un proceso"] = (
            _mejor(lambda: _componer(archivos), 1),
            None,
        )
        for jobs in ("1", "2"):
            filas[f"caja-ga validar --jobs {jobs} --sin-cache"] = (
                _mejor(_validar(corpus, "--jobs", jobs, "--sin-cache"), 1),
                None,
            )
        _borrar_caches(corpus)
        filas["caja-ga validar --jobs 2 (camino de siempre: caché fría)"] = (
            _mejor(_validar(corpus, "--jobs", "2"), 1),
            Meta(1.0, contra_piso=True),
        )
        memoria = _memoria_maxima_mb()
        _cambiar_un_archivo(corpus, 0)
        filas["volver a validar tras cambiar un archivo (caché)"] = (
            _mejor(_validar(corpus, "--jobs", "2"), 1),
            Meta(0.3, contra_piso=False),
        )
        filas["caja-ga reporte --jobs 2 (caché fría: páginas, índice, coordinación, datos)"] = (
            _mejor(_reporte(corpus, sitio), 1),
            Meta(1.2, contra_piso=True),
        )
        memoria_reporte = _memoria_maxima_mb()
        _cambiar_un_archivo(corpus, 1)
        filas["volver a publicar tras cambiar un archivo (caché)"] = (
            _mejor(_reporte(corpus, sitio), 1),
            Meta(1.0, contra_piso=False),
        )
        filas["caja-ga reporte --jobs 2 --sin-cache"] = (
            _mejor(_reporte(corpus, Path(temporal) / "sitio-sin-cache", "--sin-cache"), 1),
            None,
        )
        filas["un municipio de punta a punta"] = (
            _mejor(
                _validar(next(corpus.rglob("proceso.yaml")).parent, "--sin-cache"), repeticiones
            ),
            Meta(0.25, contra_piso=False),
        )
    filas["caja-ga --version"] = (_mejor(_correr(CAJA_GA, "--version"), repeticiones), None)
    filas["python -c pass"] = (_mejor(_correr(sys.executable, "-c", "pass"), repeticiones), None)
    _imprimir(filas, procesos, len(archivos), megas, memoria, memoria_reporte)


def _imprimir(
    filas: dict[str, tuple[float, Meta | None]],
    procesos: int,
    archivos: int,
    megas: float,
    memoria: float,
    memoria_reporte: float,
) -> None:
    piso = next(iter(filas.values()))[0]
    print(f"Corpus: {procesos} procesos, {archivos} archivos, {megas:.1f} MB. {_maquina()}\n")
    print("| medición | segundos | razón contra el piso | meta |\n|---|---:|---:|---|")
    for nombre, (segundos, meta) in filas.items():
        juicio = ""
        if meta is not None:
            juicio = (
                f"{meta.texto()}: {'se cumple' if meta.cumple(segundos, piso) else 'no se cumple'}"
            )
        print(f"| {nombre} | {segundos:.3f} | {segundos / piso:.2f} | {juicio} |")
    version = filas["caja-ga --version"][0] / filas["python -c pass"][0]
    print(
        f"\nMemoria máxima de un proceso al validar: {memoria:.0f} MB; contando el reporte: "
        f"{memoria_reporte:.0f} MB"
    )
    print(f"`caja-ga --version` / `python -c pass`: {version:.1f}")


def _maquina() -> str:
    return (
        f"Máquina: {platform.machine()}, {os.cpu_count()} núcleos, Python "
        f"{platform.python_version()}, {date.today()}."
    )


_MEDIR_HIJO = (
    "import resource, subprocess, sys, time\n"
    "inicio = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], capture_output=True, check=False)\n"
    "fin = time.perf_counter() - inicio\n"
    "print(fin, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
)


def _tiempo_y_memoria(*args: str, cwd: Path) -> tuple[float, float]:
    """Segundos y memoria máxima (MB, la del proceso más grande) de una sola corrida."""
    salida = subprocess.run(
        [sys.executable, "-c", _MEDIR_HIJO, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    ).stdout.split()
    return float(salida[0]), float(salida[1])


def curva(tamanos: list[int]) -> None:
    """Tiempo y memoria de validar y publicar para cada tamaño de corpus."""
    print(f"{_maquina()}\n")
    print(
        "| procesos | archivos | MB | validar --jobs 2 --sin-cache | memoria | "
        "reporte --jobs 2 --sin-cache | memoria |\n|---:|---:|---:|---:|---:|---:|---:|"
    )
    for tamano in tamanos:
        with tempfile.TemporaryDirectory() as temporal:
            corpus = Path(temporal) / "pais"
            megas = generar(corpus, tamano) / 1e6
            archivos = sum(1 for _ in corpus.rglob("*.yaml"))
            comun = ("--fecha-corte", FECHA, "--jobs", "2", "--sin-cache")
            validar = _tiempo_y_memoria(
                CAJA_GA, "validar", str(corpus), "-f", "json", *comun, cwd=Path(temporal)
            )
            sitio = str(Path(temporal) / "sitio")
            reporte = _tiempo_y_memoria(
                CAJA_GA,
                "reporte",
                str(corpus),
                "--salida",
                sitio,
                "--forzar",
                *comun,
                cwd=Path(temporal),
            )
        print(
            f"| {tamano:,} | {archivos:,} | {megas:.0f} | {validar[0]:.1f} s | {validar[1]:.0f} MB"
            f" | {reporte[0]:.1f} s | {reporte[1]:.0f} MB |"
        )
        sys.stdout.flush()


def _compilar_una_vez() -> None:
    """Como en una instalación con pip: el código de caja-ga ya compilado (.pyc). Sin esto, con
    PYTHONDONTWRITEBYTECODE cada corrida compila de nuevo sus módulos (casi un segundo)."""
    import compileall

    import caja_ga

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(Path(caja_ga.__file__).parent), quiet=1)


def main() -> None:
    argumentos = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    argumentos.add_argument(
        "--municipios",
        type=int,
        default=None,
        help="cuántos procesos (por omisión, uno por municipio del catálogo: 2,478)",
    )
    argumentos.add_argument("--repeticiones", type=int, default=3)
    argumentos.add_argument(
        "--curva",
        type=lambda texto: [int(t) for t in texto.split(",")],
        default=None,
        help="tamaños separados por comas (por ejemplo 300,2478,25000): solo la curva de "
        "tiempo y memoria; los grandes tardan y ocupan varios GB en disco",
    )
    opciones = argumentos.parse_args()
    _compilar_una_vez()
    if opciones.curva:
        curva(opciones.curva)
    else:
        medir(opciones.municipios, opciones.repeticiones)


if __name__ == "__main__":
    main()
