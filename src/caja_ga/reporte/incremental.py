"""Volver a publicar sin volver a leer ni dibujar los procesos que no cambiaron.

Cada proceso publicado deja en la caché (`.caja-ga-cache/reporte.marshal`, junto a la de
`validar`, sellada con la misma clave local) una entrada: la firma de sus archivos (el hash de
cada uno), lo que el índice, la coordinación y los datos abiertos necesitan de él (su resumen, su
ficha, sus filas y sus problemas) y el tamaño y la fecha de sus dos páginas en la salida. En la
siguiente publicación a la misma salida, un proceso con la misma firma, la misma configuración,
la misma fecha de corte y la misma versión de caja-ga y de sus plantillas no se lee: sus páginas
se enlazan (o copian) del sitio anterior si siguen siendo las que caja-ga escribió, y sus filas
salen de la entrada. El índice y los datos abiertos se rehacen siempre, con las filas de todos.
El resultado es byte por byte el de una publicación completa; ante cualquier duda (una página
tocada a mano, una entrada que no se entiende), el proceso se vuelve a dibujar.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import stat
import zlib
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from caja_ga.cache import Cache, Caches
from caja_ga.ejecucion import Tarea
from caja_ga.proceso import firma_de
from caja_ga.reporte.entorno import CARPETA_PLANTILLAS
from caja_ga.reporte.sitio import SitioPrevio

if TYPE_CHECKING:
    from caja_ga.reporte.publicar import ProcesoPublicado

PAGINAS_DE_PROCESO: Final = ("index.html", "reporte.md")
_ARCHIVO: Final = "reporte.marshal"


def _huella_de_plantillas() -> str:
    """Las plantillas no son código Python: una editada también invalida las páginas guardadas."""
    huella = hashlib.blake2b(digest_size=16)
    pendientes = [resources.files("caja_ga.plantillas").joinpath(CARPETA_PLANTILLAS)]
    while pendientes:
        carpeta = pendientes.pop()
        for entrada in sorted(carpeta.iterdir(), key=lambda e: e.name):
            if entrada.is_dir():
                pendientes.append(entrada)
            else:
                huella.update(entrada.name.encode() + b"\0" + entrada.read_bytes())
    return huella.hexdigest()


@dataclass
class Incremental:
    salida: Path
    previo: SitioPrevio
    nueva: Path  # la carpeta provisional del sitio nuevo
    caches: Caches
    # Solo quedan las entradas de esta publicación: un proceso que ya no se publica no se guarda.
    vigentes: dict[int, tuple[Cache, dict[str, dict[str, Any]]]] = field(default_factory=dict)

    @classmethod
    def abrir(
        cls, salida: Path, previo: SitioPrevio, nueva: Path, fecha_corte: date
    ) -> Incremental:
        contexto = {
            "fecha_corte": fecha_corte,
            "carpeta": Path.cwd(),  # los mensajes nombran los archivos desde aquí
            "plantillas": _huella_de_plantillas(),
        }
        return cls(salida.absolute(), previo, nueva, Caches(contexto, archivo=_ARCHIVO))

    def _clave(self, tarea: Tarea, relativa: str) -> str:
        return f"{self.salida}|{tarea.carpeta.absolute()}|{tarea.config.huella}|{relativa}"

    def reusar(self, tarea: Tarea, relativa: str) -> ProcesoPublicado | None:
        """El proceso ya publicado, con sus páginas puestas en el sitio nuevo; None si cambió."""
        cache = self.caches.para(tarea.carpeta)
        clave = self._clave(tarea, relativa)
        entrada = cache.entradas.get(clave) if cache is not None else None
        if cache is None or entrada is None:
            return None
        try:
            if entrada["firma"] != firma_de(tarea.carpeta) or not all(
                self._intacta(f"{relativa}/{nombre}", tuple(huella))
                for nombre, huella in zip(PAGINAS_DE_PROCESO, entrada["paginas"], strict=True)
            ):
                return None
            # El archivo de la caché solo se lee si su sello es de la clave local (cache.py):
            # nadie más pudo escribir lo que aquí se reconstruye.
            proceso: ProcesoPublicado = pickle.loads(zlib.decompress(entrada["resultado"]))
            for nombre in PAGINAS_DE_PROCESO:
                _enlazar(self.previo.raiz / relativa / nombre, self.nueva / relativa / nombre)
        except (
            KeyError,
            TypeError,
            ValueError,
            EOFError,
            OSError,
            pickle.UnpicklingError,
            zlib.error,
        ):
            return None
        self._conservar(cache, clave, entrada)
        return proceso

    def _intacta(self, relativa: str, huella: tuple[int, ...]) -> bool:
        """Si la página del sitio anterior es la que caja-ga escribió (mismo tamaño y fecha)."""
        if relativa not in self.previo.propios:
            return False
        try:
            estado = os.lstat(self.previo.raiz / relativa)
        except OSError:
            return False
        return stat.S_ISREG(estado.st_mode) and (estado.st_size, estado.st_mtime_ns) == huella

    def guardar(self, tarea: Tarea, proceso: ProcesoPublicado) -> None:
        """Anota un proceso recién dibujado, con sus páginas ya escritas en el sitio nuevo."""
        cache = self.caches.para(tarea.carpeta)
        if cache is None:
            return
        paginas = []
        for nombre in PAGINAS_DE_PROCESO:
            estado = os.lstat(self.nueva / proceso.relativa / nombre)
            paginas.append((estado.st_size, estado.st_mtime_ns))
        entrada = {
            "firma": proceso.firma,
            "paginas": paginas,
            # Comprimido: miles de procesos esperan en memoria hasta escribir la caché.
            "resultado": zlib.compress(pickle.dumps(proceso, protocol=pickle.HIGHEST_PROTOCOL), 1),
        }
        self._conservar(cache, self._clave(tarea, proceso.relativa), entrada)

    def _conservar(self, cache: Cache, clave: str, entrada: dict[str, Any]) -> None:
        self.vigentes.setdefault(id(cache), (cache, {}))[1][clave] = entrada

    def escribir(self) -> None:
        """Guarda las entradas de esta publicación (después de publicarla)."""
        for cache, entradas in self.vigentes.values():
            if entradas != cache.entradas:
                cache.entradas, cache.cambiada = entradas, True
                cache.escribir()


def _enlazar(origen: Path, destino: Path) -> None:
    """La página del sitio anterior en el nuevo: un enlace duro (mismo disco, sin copiar bytes),
    o una copia con su fecha si el sistema de archivos no lo permite."""
    destino.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(origen, destino, follow_symlinks=False)
    except OSError:
        with contextlib.suppress(FileNotFoundError):
            destino.unlink()
        shutil.copy2(origen, destino, follow_symlinks=False)
