"""Caché de resultados de `validar` por proceso, guiada por el contenido de lo que se lee.

Vive en `.caja-ga-cache/` de la raíz del repositorio git de cada proceso o, fuera de git, de la
carpeta del proceso: nunca en una carpeta ajena a lo validado (la carpeta desde la que se corre
puede ser cualquiera). Se ignora por git sola, con su propio `.gitignore`; borrarla es seguro.
Qué garantiza:

- un resultado guardado solo se usa si cada archivo que la validación lee tiene exactamente los
  mismos bytes (se compara el hash del contenido en cada corrida; la fecha y el tamaño no prueban
  nada) y coinciden la versión y el código de caja-ga, la configuración, la fecha de corte y la
  carpeta desde la que se corre;
- el archivo va firmado (HMAC) con una clave local que no está en el repositorio; una caché
  copiada, fabricada, vieja o dañada no pasa la firma o no coincide, y entonces se valida de
  nuevo y se reescribe: la caché solo ahorra tiempo, nunca cambia el resultado;
- nunca escribe a través de un enlace simbólico: si `.caja-ga-cache` no es una carpeta real, se
  valida sin caché.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import marshal
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caja_ga import __version__
from caja_ga.archivos import escribir_atomico
from caja_ga.problemas import Problema, Severidad
from caja_ga.proceso import Firma

CARPETA_CACHE = ".caja-ga-cache"
_ARCHIVO = "validar.marshal"  # marshal: solo datos simples, y mucho más rápido que JSON
_FORMATO = 3  # 3: cada problema es una tupla (sin copiar un diccionario por hallazgo)
_LARGO_CLAVE = 32
_LARGO_SELLO = hashlib.sha256().digest_size


@functools.cache  # una vez por corrida: fuera de git hay una caché por proceso
def _huella_del_codigo() -> str:
    """Tamaño y fecha de cada archivo del paquete instalado: una regla editada invalida la caché
    aunque la versión no cambie (instalaciones editables, desarrollo)."""
    datos: list[tuple[str, int, int]] = []
    pendientes = [os.path.dirname(__file__)]
    while pendientes:
        with os.scandir(pendientes.pop()) as entradas:
            for entrada in entradas:
                if entrada.is_dir() and entrada.name != "__pycache__":
                    pendientes.append(entrada.path)
                elif entrada.name.endswith((".py", ".csv", ".yaml")):
                    estado = entrada.stat()
                    datos.append((entrada.path, estado.st_mtime_ns, estado.st_size))
    return hashlib.blake2b(repr(sorted(datos)).encode(), digest_size=16).hexdigest()


def carpeta_de_clave() -> Path:
    """Donde vive la clave que firma las cachés: la carpeta de caché del usuario."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "caja-ga"


@functools.cache
def _clave_local() -> bytes | None:
    """La clave de este usuario (se crea la primera vez); None si no se puede tener una."""
    ruta = carpeta_de_clave() / "clave"
    with contextlib.suppress(OSError):
        ruta.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(ruta, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(descriptor, "wb") as archivo:
                archivo.write(os.urandom(_LARGO_CLAVE))  # lo que usa `secrets`
        clave = _leer_regular(ruta)
        return clave if clave is not None and len(clave) == _LARGO_CLAVE else None
    return None


def _leer_regular(ruta: Path) -> bytes | None:
    """Los bytes de `ruta` si es un archivo regular (no un enlace, fifo ni dispositivo)."""
    try:
        descriptor = os.open(ruta, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as archivo:
        return archivo.read() if stat.S_ISREG(os.fstat(descriptor).st_mode) else None


def _carpeta_propia(raiz: Path) -> Path | None:
    """`.caja-ga-cache` si es una carpeta real o aún no existe; None si es un enlace u otra cosa."""
    carpeta = raiz / CARPETA_CACHE
    try:
        return carpeta if stat.S_ISDIR(os.lstat(carpeta).st_mode) else None
    except FileNotFoundError:
        return carpeta
    except OSError:
        return None


def _sello(clave: bytes, datos: bytes) -> bytes:
    return hmac.new(clave, datos, hashlib.sha256).digest()


@dataclass
class Cache:
    """Resultados guardados por proceso (ruta absoluta y configuración que lo juzga)."""

    raiz: Path
    clave: bytes
    contexto: str  # versión, código, configuración, fecha de corte y carpeta actual
    entradas: dict[str, dict[str, Any]] = field(default_factory=dict)
    cambiada: bool = False
    archivo: str = _ARCHIVO  # otro comando (el reporte) guarda lo suyo en otro archivo

    @classmethod
    def abrir(cls, raiz: Path, contexto: dict[str, Any], archivo: str = _ARCHIVO) -> Cache | None:
        """La caché de `raiz`, o None si no se puede usar con seguridad (se valida sin ella)."""
        clave = _clave_local()
        carpeta = _carpeta_propia(raiz)
        if clave is None or carpeta is None:
            return None
        texto = json.dumps(
            {"caja-ga": __version__, "codigo": _huella_del_codigo(), "formato": _FORMATO}
            | contexto,
            sort_keys=True,
            default=str,
        )
        huella = hashlib.blake2b(texto.encode(), digest_size=16).hexdigest()
        cache = cls(raiz, clave, huella, archivo=archivo)
        cache.entradas = cache._guardadas(_leer_regular(carpeta / archivo) or b"")
        return cache

    def _guardadas(self, datos: bytes) -> dict[str, dict[str, Any]]:
        """Las entradas del archivo si su sello es de esta clave y su contexto el actual."""
        sello, cuerpo = datos[:_LARGO_SELLO], datos[_LARGO_SELLO:]
        if not hmac.compare_digest(sello, _sello(self.clave, cuerpo)):
            return {}  # ausente, ajena o alterada: antes de interpretar un solo byte
        try:
            guardado = marshal.loads(cuerpo)
            if guardado["contexto"] == self.contexto and isinstance(guardado["procesos"], dict):
                return guardado["procesos"]
        except (ValueError, EOFError, TypeError, KeyError):
            pass
        return {}

    def buscar(self, clave: str, firma: Firma) -> tuple[str | None, int, list[Problema]] | None:
        entrada = self.entradas.get(clave)
        if entrada is None:
            return None
        try:
            if entrada["firma"] != firma:
                return None
            problemas = [
                Problema(archivo, linea, columna, codigo, Severidad(severidad), mensaje, nota)
                for archivo, linea, columna, codigo, severidad, mensaje, nota in entrada[
                    "problemas"
                ]
            ]
            return entrada["fase"], entrada["archivos"], problemas
        except (KeyError, TypeError, ValueError):
            del self.entradas[clave]  # una entrada que no se entiende se descarta y se rehace
            self.cambiada = True
            return None

    def guardar(
        self, clave: str, firma: Firma, fase: str | None, archivos: int, problemas: list[Problema]
    ) -> None:
        self.entradas[clave] = {
            "firma": firma,
            "fase": fase,
            "archivos": archivos,
            "problemas": [
                (p.archivo, p.linea, p.columna, p.codigo, p.severidad.value, p.mensaje, p.nota)
                for p in problemas
            ],
        }
        self.cambiada = True

    def escribir(self) -> None:
        if not self.cambiada:
            return
        cuerpo = marshal.dumps({"contexto": self.contexto, "procesos": self.entradas})
        with contextlib.suppress(OSError):  # una carpeta de solo lectura no impide validar
            carpeta = self.raiz / CARPETA_CACHE
            with contextlib.suppress(FileExistsError):
                carpeta.mkdir()
            if _carpeta_propia(self.raiz) is None:
                return  # apareció un enlace en su lugar: no se escribe a través de él
            _crear_si_falta(carpeta / ".gitignore", b"*\n")
            escribir_atomico(carpeta / self.archivo, _sello(self.clave, cuerpo) + cuerpo)


def _crear_si_falta(ruta: Path, contenido: bytes) -> None:
    """Crea el archivo solo si no existe nada con ese nombre (ni siquiera un enlace)."""
    with contextlib.suppress(FileExistsError):
        descriptor = os.open(ruta, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(descriptor, "wb") as archivo:
            archivo.write(contenido)


def raiz_de_cache(carpeta: Path) -> Path:
    """Dónde vive la caché de un proceso: la raíz git que lo contiene (la carpeta con `.git`,
    carpeta o archivo de un worktree) o, fuera de git, la carpeta del proceso."""
    absoluta = carpeta.absolute()
    return next((c for c in (absoluta, *absoluta.parents) if (c / ".git").exists()), absoluta)


@dataclass
class Caches:
    """Una caché por raíz (ver `raiz_de_cache`), abierta la primera vez que se necesita."""

    contexto: dict[str, Any]
    abiertas: dict[Path, Cache | None] = field(default_factory=dict)
    archivo: str = _ARCHIVO
    raices: dict[Path, Path] = field(default_factory=dict)  # carpeta → su raíz, ya buscada

    def para(self, carpeta: Path) -> Cache | None:
        if carpeta not in self.raices:
            self.raices[carpeta] = raiz_de_cache(carpeta)
        raiz = self.raices[carpeta]
        if raiz not in self.abiertas:
            self.abiertas[raiz] = Cache.abrir(raiz, self.contexto, self.archivo)
        return self.abiertas[raiz]

    def escribir(self) -> None:
        for cache in self.abiertas.values():
            if cache is not None:
                cache.escribir()
