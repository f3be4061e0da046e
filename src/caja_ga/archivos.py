"""Utilidades de archivos que todo el paquete usa: escribir sin dejar nada a medias y mostrar
rutas como las escribe el usuario. No importa nada de caja_ga."""

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


def escribir_atomico(ruta: Path, contenido: str | bytes) -> None:
    """Escribe de una vez: el archivo nunca queda a medio escribir, y conserva sus permisos."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp crea el temporal sólo legible por su dueño: se le dan los permisos del archivo que
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
