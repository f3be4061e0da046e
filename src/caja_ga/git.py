"""Preguntar a git qué archivos cambiaron desde una referencia (`caja-ga validar --cambios-desde`).

git corre en la carpeta de cada ruta pedida (así responde su repositorio, no el de la carpeta
actual) y la referencia nunca se lee como una opción: primero se verifica que sea un commit y
después se usa su hash. Los nombres viajan separados por NUL (`-z`), así que una ruta con acentos
llega tal cual, sin las comillas ni los escapes con que git la mostraría.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from caja_ga.archivos import ruta_visible
from caja_ga.errores import ErrorDeUso


class ErrorDeGit(ErrorDeUso):
    """git no pudo responder: no hay repositorio, o la referencia no es un commit (salida 2)."""


def cambiados_desde(referencia: str, rutas: Iterable[Path]) -> set[Path]:
    """Archivos modificados, agregados o borrados desde `referencia`, y los nuevos sin registrar,
    en los repositorios de `rutas` (rutas absolutas y resueltas)."""
    raices = {_raiz(referencia, _carpeta(ruta)) for ruta in rutas}
    return {archivo for raiz in raices for archivo in _cambiados_en(referencia, raiz)}


def _carpeta(ruta: Path) -> Path:
    resuelta = ruta.resolve()
    return resuelta if resuelta.is_dir() else resuelta.parent


def _raiz(referencia: str, carpeta: Path) -> Path:
    return Path(_git(referencia, carpeta, "rev-parse", "--show-toplevel").strip())


def _cambiados_en(referencia: str, raiz: Path) -> set[Path]:
    commit = _commit(referencia, raiz)
    # Sin detección de renombres: un archivo que sale de un proceso cuenta también por su nombre
    # viejo (si no, ese proceso no se volvería a validar).
    nombres = _git(
        referencia, raiz, "diff", "--name-only", "--no-renames", "--no-relative", "-z", commit, "--"
    )
    nombres += _git(referencia, raiz, "ls-files", "-z", "--others", "--exclude-standard")
    return {(raiz / nombre).resolve() for nombre in nombres.split("\0") if nombre}


def _commit(referencia: str, raiz: Path) -> str:
    """El hash del commit que nombra `referencia`; «--end-of-options» impide que se lea como una
    opción de git (`--output=…` escribiría un archivo)."""
    try:
        return _git(
            referencia,
            raiz,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{referencia}^{{commit}}",
        ).strip()
    except ErrorDeGit:
        raise ErrorDeGit(
            f"No se pudo preguntar a git qué cambió desde «{referencia}»: no es una rama, "
            f"etiqueta ni commit del repositorio «{ruta_visible(raiz)}» (por ejemplo: "
            "origin/main, HEAD~1 o un hash)."
        ) from None


def _git(referencia: str, carpeta: Path, *argumentos: str) -> str:
    try:
        return subprocess.run(
            ["git", *argumentos],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=True,
            cwd=carpeta,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        detalle = (getattr(error, "stderr", "") or str(error)).strip()
        raise ErrorDeGit(
            f"No se pudo preguntar a git qué cambió desde «{referencia}» ({detalle}); revisa "
            f"que «{ruta_visible(carpeta)}» esté en un repositorio git y que la referencia "
            "exista."
        ) from None
