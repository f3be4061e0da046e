"""Árboles de proceso arbitrarios (no solo contenidos): enlaces, fifos, permisos, carpetas con
nombre de archivo, nombres raros y tamaños. Por el comando instalado, `validar` nunca da «Error
interno» y con caché da el mismo código de salida que con `--sin-cache`, también después de un
cambio que conserva tamaño y fecha.

Pocos ejemplos en la suite; `benchmarks/fuzz_arboles.py` corre los mismos con muchos más
(`CAJA_GA_EJEMPLOS_FUZZ`).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE, correr_caja_ga

EJEMPLOS = int(os.environ.get("CAJA_GA_EJEMPLOS_FUZZ", "3"))
CORTE = ("--fecha-corte", "2026-06-30")
_ARCHIVOS_BASE = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*.yaml"))
_LUGARES = [
    *_ARCHIVOS_BASE,
    "evaluacion.yaml",
    "sesiones/2026-05-01.yaml",
    "sesiones/otra.YAML",
    "seguimiento/x.yml",
    "Plan.yaml",
    "anexos/tabla.yaml",
    "sesiones",
    "seguimiento",
    "notas.txt",
    ".oculto.yaml",
    ".caja-ga.yaml",
    "nombre raro ñ\u202e.yaml",
]
_CONTENIDOS = [
    b"",
    b"version: 1\n",
    b"version: 1\ncompromisos: x\n",
    b"\xff\xfe\x00b",
    b"a: [1\n",
    b"version: 1\nreglas: {GA302: desactivada}\n",
    b"version: 1\numbrales: {max_meses_plan: 100000}\n",
    b"- lista\n",
    b"x" * 70_000,
]


@dataclass(frozen=True)
class Entrada:
    lugar: str
    clase: str  # archivo, enlace, fifo, carpeta, sin_permiso, borrar
    dato: int  # índice de contenido o de destino


_entradas = st.builds(
    Entrada,
    st.sampled_from(_LUGARES),
    st.sampled_from(["archivo", "enlace", "fifo", "carpeta", "sin_permiso", "borrar"]),
    st.integers(0, 64),
)


def _destino(proceso: Path, afuera: Path, dato: int) -> Path:
    opciones = [
        Path("/dev/zero"),
        Path("/usr"),
        afuera,
        proceso / "plan.yaml",
        proceso / "no-existe.yaml",
        proceso,
        proceso / "sesiones",
    ]
    return opciones[dato % len(opciones)]


def _quitar(ruta: Path) -> None:
    if ruta.is_dir() and not ruta.is_symlink():
        shutil.rmtree(ruta)
    elif os.path.lexists(ruta):
        ruta.unlink()


def _aplicar(proceso: Path, afuera: Path, entrada: Entrada) -> None:
    ruta = proceso / entrada.lugar
    try:
        dentro = ruta.parent.resolve().is_relative_to(proceso.parent.resolve())
    except (RuntimeError, OSError):
        return  # su carpeta es un enlace en bucle: la entrada no cabe
    if not dentro:
        return  # su carpeta es un enlace hacia fuera: nunca se toca nada ahí
    try:
        _quitar(ruta)
        ruta.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError, PermissionError):
        return  # su carpeta es ahora un archivo, un fifo o un enlace: la entrada no cabe
    if entrada.clase == "archivo":
        ruta.write_bytes(_CONTENIDOS[entrada.dato % len(_CONTENIDOS)])
    elif entrada.clase == "enlace":
        destino = _destino(proceso, afuera, entrada.dato)
        ruta.symlink_to(ruta if destino == proceso / "no-existe.yaml" else destino)
    elif entrada.clase == "fifo":
        os.mkfifo(ruta)
    elif entrada.clase == "carpeta":
        ruta.mkdir()
    elif entrada.clase == "sin_permiso":
        ruta.write_bytes(_CONTENIDOS[1])
        ruta.chmod(0)


def _validar(raiz: Path, *args: str) -> int:
    resultado = correr_caja_ga("validar", "proceso", *CORTE, *args, cwd=raiz)
    assert resultado.returncode in (0, 1, 2), resultado.stdout + resultado.stderr
    return resultado.returncode


def _misma_salida(raiz: Path) -> None:
    sin_cache = _validar(raiz, "--sin-cache")
    assert _validar(raiz) == sin_cache  # llena la caché
    assert _validar(raiz) == sin_cache  # la usa


def revisar_arbol(raiz: Path, entradas: list[Entrada], cambio: int) -> None:
    """Arma el árbol, compara con y sin caché, cambia un archivo sin cambiar su tamaño ni su
    fecha y vuelve a comparar."""
    if raiz.exists():
        for carpeta, _, _ in os.walk(raiz):
            Path(carpeta).chmod(0o755)
        shutil.rmtree(raiz)
    proceso, afuera = raiz / "proceso", raiz / "afuera.yaml"
    shutil.copytree(BASE, proceso)
    afuera.write_bytes(b"version: 1\n")
    (raiz / ".git").mkdir()
    for entrada in entradas:
        _aplicar(proceso, afuera, entrada)
    _misma_salida(raiz)
    archivo = proceso / _ARCHIVOS_BASE[cambio % len(_ARCHIVOS_BASE)]
    if archivo.is_file() and not archivo.is_symlink() and os.access(archivo, os.R_OK):
        estado = archivo.stat()
        datos = archivo.read_bytes()
        archivo.write_bytes(datos.replace(b"version: 1", b"version: 7", 1))
        os.utime(archivo, ns=(estado.st_atime_ns, estado.st_mtime_ns))
        assert _validar(raiz) == _validar(raiz, "--sin-cache")


@settings(
    max_examples=EJEMPLOS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entradas=st.lists(_entradas, min_size=1, max_size=6), cambio=st.integers(0, 100))
def test_arboles_arbitrarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entradas: list[Entrada], cambio: int
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-del-usuario"))
    revisar_arbol(tmp_path / "arbol", entradas, cambio)
