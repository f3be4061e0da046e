"""Utilidades de archivos que todo el paquete usa: escribir sin dejar nada a medias ni a través
de enlaces simbólicos hacia fuera, y mostrar rutas como las escribe el usuario. No importa nada
de caja_ga."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def ruta_visible(ruta: Path) -> str:
    """La ruta como la lee el usuario: relativa a la carpeta actual, con «/»."""
    texto = os.fspath(ruta)
    if not os.path.isabs(texto) and "." not in texto.split(os.sep):  # noqa: PTH117, PTH206
        return texto.replace(os.sep, "/")
    try:
        relativa = os.path.relpath(ruta)
    except ValueError:
        relativa = str(ruta)
    return Path(relativa).as_posix()


class EnlaceRechazado(OSError):
    """Escribir ahí sería escribir a través de un enlace simbólico hacia fuera, o en uno roto."""


def escribir_atomico(ruta: Path, contenido: str | bytes, *, dentro_de: Path | None = None) -> None:
    """Escribe de una vez: el archivo nunca queda a medio escribir, y conserva sus permisos.

    La política de enlaces simbólicos de todo caja-ga: un archivo (o una carpeta de su ruta) que
    es un enlace se escribe en su destino solo si ese destino queda dentro de `dentro_de` (por
    omisión, la carpeta del archivo); si apunta fuera o está roto, no se escribe nada
    (`EnlaceRechazado`). Un enlace nunca se reemplaza por un archivo."""
    ruta = _destino_permitido(ruta, ruta.parent if dentro_de is None else dentro_de)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp crea el temporal solo legible por su dueño: se le dan los permisos del archivo que
    # reemplaza, o los habituales de un archivo nuevo.
    permisos = ruta.stat().st_mode & 0o777 if ruta.exists() else 0o644
    descriptor, temporal = tempfile.mkstemp(dir=ruta.parent, prefix=f".{ruta.name}.", suffix=".tmp")
    try:
        datos = contenido.encode("utf-8") if isinstance(contenido, str) else contenido
        with os.fdopen(descriptor, "wb") as archivo:
            archivo.write(datos)
        Path(temporal).chmod(permisos)
        Path(temporal).replace(ruta)
    except BaseException:
        Path(temporal).unlink(missing_ok=True)
        raise


def _destino_permitido(ruta: Path, dentro_de: Path) -> Path:
    if ruta.is_symlink() and not ruta.exists():
        raise EnlaceRechazado(
            f"«{ruta_visible(ruta)}» es un enlace simbólico roto; caja-ga no escribe en él"
        )
    real, base = ruta.resolve(), dentro_de.resolve()
    if base not in real.parents:
        raise EnlaceRechazado(
            f"«{ruta_visible(ruta)}» lleva, por un enlace simbólico, a «{real}», fuera de "
            f"«{ruta_visible(dentro_de)}»; caja-ga no escribe a través de enlaces hacia fuera"
        )
    return real
