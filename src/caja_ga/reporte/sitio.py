"""La carpeta del sitio: qué escribió caja-ga, qué no, y cómo se cambia de una vez.

El sitio nuevo se arma completo en una carpeta hermana de la salida
(`<salida>.caja-ga-nuevo-XXXX`) y después se cambia por la salida con dos renombres en el mismo
disco: la salida vieja pasa a `<salida>.caja-ga-viejo-XXXX`, la nueva toma su nombre y la vieja se
borra. Así quien visita el sitio ve todo el sitio viejo o todo el nuevo, nunca una mezcla. Si la
corrida se interrumpe (incluso con `kill -9`), la siguiente limpia los restos: borra una carpeta
nueva a medias y, si la salida quedó sin nombre entre los dos renombres, devuelve la vieja.

Lo que caja-ga escribió queda en el manifiesto `.caja-ga-sitio.json`, dentro de la salida. Todo
lo demás es ajeno (un `CNAME`, imágenes, otra página) y pasa tal cual al sitio nuevo: los enlaces
simbólicos se copian como enlaces, nunca se siguen. Si la publicación reemplazaría un archivo
ajeno, es un error de uso, salvo con `forzar`. Nada aquí imprime.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from caja_ga.archivos import ruta_visible
from caja_ga.errores import ErrorDeUso

MANIFIESTO: Final = ".caja-ga-sitio.json"
NUEVO: Final = ".caja-ga-nuevo-"
VIEJO: Final = ".caja-ga-viejo-"
# Carpetas provisionales que versiones anteriores dejaban dentro de la salida.
_PROVISIONAL_ANTERIOR: Final = ".caja-ga-publicando-"
_MOSTRAR: Final = 5  # archivos en conflicto que se nombran en el mensaje


@dataclass(frozen=True)
class SitioPrevio:
    raiz: Path
    propios: frozenset[str]  # rutas relativas («zapopan/index.html») del manifiesto


def borrar(ruta: Path) -> None:
    """Borra una carpeta provisional propia; un enlace se borra a sí mismo, nunca su destino."""
    if ruta.is_symlink() or ruta.is_file():
        ruta.unlink()
    elif ruta.is_dir():
        shutil.rmtree(ruta)


def recuperar(salida: Path) -> None:
    """Limpia lo que dejó una corrida interrumpida."""
    padre = salida.parent
    if not padre.is_dir():
        return
    for resto in sorted(padre.glob(f"{_glob(salida.name)}{NUEVO}*")):
        borrar(resto)
    for viejo in sorted(padre.glob(f"{_glob(salida.name)}{VIEJO}*")):
        if salida.exists() or salida.is_symlink() or not viejo.is_dir() or viejo.is_symlink():
            borrar(viejo)
        else:  # se interrumpió entre los dos renombres: vuelve el sitio viejo
            viejo.rename(salida)
    if salida.is_dir() and not salida.is_symlink():
        for resto in salida.glob(f"{_PROVISIONAL_ANTERIOR}*"):
            borrar(resto)


def _glob(nombre: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in nombre)


def leer(salida: Path) -> SitioPrevio:
    """La salida actual y lo que el manifiesto dice que caja-ga escribió en ella."""
    try:
        datos = json.loads((salida / MANIFIESTO).read_text(encoding="utf-8"))
        propios = frozenset(str(r) for r in datos["archivos"])
    except (OSError, ValueError, KeyError, TypeError):
        propios = frozenset()  # sin manifiesto legible, nada de lo que hay se escribió aquí
    return SitioPrevio(salida, propios)


def carpeta_nueva(salida: Path) -> Path:
    """La carpeta hermana donde se arma el sitio, con los permisos de la salida actual."""
    salida.parent.mkdir(parents=True, exist_ok=True)
    nueva = salida.with_name(f"{salida.name}{NUEVO}{secrets.token_hex(4)}")
    nueva.mkdir()
    if salida.is_dir():
        nueva.chmod(stat.S_IMODE(salida.stat().st_mode))
    return nueva


def conservar_ajenos(
    previo: SitioPrevio, nueva: Path, escritos: Iterable[PurePosixPath], *, forzar: bool
) -> None:
    """Pasa al sitio nuevo todo lo ajeno de la salida; si algo ajeno se reemplazaría, ErrorDeUso
    (con `forzar`, gana lo nuevo)."""
    if not previo.raiz.is_dir():
        return
    archivos = {r.as_posix() for r in escritos}
    carpetas = {p.as_posix() for r in escritos for p in r.parents}
    conflictos: list[str] = []
    for relativa, ruta, es_carpeta in _ajenos(previo):
        encima = {p.as_posix() for p in PurePosixPath(relativa).parents} & archivos
        if relativa in archivos or encima or (not es_carpeta and relativa in carpetas):
            conflictos.append(relativa)
        else:
            _copiar(ruta, nueva / relativa, es_carpeta)
    if conflictos and not forzar:
        raise _error_de_conflicto(previo.raiz, conflictos)


def _ajenos(previo: SitioPrevio) -> Iterable[tuple[str, Path, bool]]:
    """(ruta relativa, ruta, ¿carpeta vacía?) de lo que caja-ga no escribió; sin seguir enlaces.
    Las carpetas solo cuentan si están vacías: las demás se recrean con lo que tienen dentro."""
    for raiz, carpetas, archivos in os.walk(previo.raiz, followlinks=False):
        base = Path(raiz)
        relativa_base = base.relative_to(previo.raiz).as_posix()
        if relativa_base == ".":
            carpetas[:] = [c for c in carpetas if not c.startswith(_PROVISIONAL_ANTERIOR)]
        for nombre in sorted(carpetas) + sorted(archivos):
            relativa = nombre if relativa_base == "." else f"{relativa_base}/{nombre}"
            ruta = base / nombre
            if relativa == MANIFIESTO or relativa in previo.propios:
                continue
            if ruta.is_symlink() or nombre in archivos:
                yield relativa, ruta, False
            elif not any(ruta.iterdir()):
                yield relativa, ruta, True


def _copiar(origen: Path, destino: Path, es_carpeta: bool) -> None:
    destino.parent.mkdir(parents=True, exist_ok=True)
    if es_carpeta:
        destino.mkdir()
    elif origen.is_symlink():
        destino.symlink_to(origen.readlink())
    else:
        shutil.copy2(origen, destino, follow_symlinks=False)


def _error_de_conflicto(salida: Path, conflictos: list[str]) -> ErrorDeUso:
    nombrados = ", ".join(f"«{ruta_visible(salida / r)}»" for r in conflictos[:_MOSTRAR])
    mas = f" y {len(conflictos) - _MOSTRAR} más" if len(conflictos) > _MOSTRAR else ""
    return ErrorDeUso(
        f"No se publicó nada: {nombrados}{mas} ya {'existe' if len(conflictos) == 1 else 'existen'}"
        f" en la salida y caja-ga no lo escribió (no está en {MANIFIESTO}); la publicación lo "
        "reemplazaría. Muévelo, usa otra --salida, o usa --forzar para reemplazarlo."
    )


def cambiar(salida: Path, nueva: Path, escritos: Iterable[PurePosixPath]) -> None:
    """Escribe el manifiesto y pone el sitio nuevo en lugar del viejo, de una vez."""
    manifiesto = {"version": 1, "archivos": sorted(r.as_posix() for r in escritos)}
    (nueva / MANIFIESTO).write_text(json.dumps(manifiesto, indent=1) + "\n", encoding="utf-8")
    if not salida.exists():
        nueva.rename(salida)
        return
    vieja = salida.with_name(f"{salida.name}{VIEJO}{secrets.token_hex(4)}")
    salida.rename(vieja)
    nueva.rename(salida)
    borrar(vieja)
