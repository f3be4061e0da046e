"""Caché de resultados de `validar` por proceso, guiado por el contenido de sus archivos.

Vive en `.caja-ga-cache/` de la carpeta actual (la cubre `.gitignore`; borrarla es seguro). Un
proceso se vuelve a validar cuando cambia cualquiera de sus archivos, la versión de caja-ga, la
configuración, la fecha de corte o la carpeta desde la que se corre (las rutas de los problemas
son relativas a ella). Para no leer todos los archivos en cada corrida, primero se compara su
tamaño y fecha de modificación; si difieren, manda el hash del contenido.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from caja_ga import __version__
from caja_ga.archivos import escribir_atomico
from caja_ga.problemas import Problema, Severidad

CARPETA_CACHE = ".caja-ga-cache"
_ARCHIVO = "validar.marshal"  # marshal: solo datos simples, y mucho más rápido que JSON
_FORMATO = 1

Firma = dict[str, list[Any]]  # archivo → [mtime_ns, tamaño, hash del contenido]


def firma_de(carpeta: Path, anterior: Firma | None) -> Firma:
    """Tamaño, fecha y hash de cada archivo del proceso; reutiliza el hash si nada cambió."""
    firma: Firma = {}
    _firmar(os.fspath(carpeta), "", anterior or {}, firma)
    return firma


def _firmar(carpeta: str, prefijo: str, anterior: Firma, firma: Firma) -> None:
    # Sin ordenar ni objetos Path: este bucle recorre decenas de miles de archivos en cada corrida
    # (el orden no importa: las firmas se comparan como diccionarios).
    with os.scandir(carpeta) as entradas:
        for entrada in entradas:
            nombre = entrada.name
            if nombre[0] == ".":
                continue
            relativa = prefijo + nombre
            if entrada.is_dir():
                _firmar(entrada.path, relativa + "/", anterior, firma)
                continue
            datos = entrada.stat()
            previa = anterior.get(relativa)
            if previa is not None and previa[0] == datos.st_mtime_ns and previa[1] == datos.st_size:
                firma[relativa] = previa
                continue
            with open(entrada.path, "rb") as flujo:
                contenido = hashlib.blake2b(flujo.read(), digest_size=16).hexdigest()
            firma[relativa] = [datos.st_mtime_ns, datos.st_size, contenido]


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


def _contenido(firma: Firma) -> dict[str, str]:
    return {nombre: valores[2] for nombre, valores in firma.items()}


@dataclass
class Cache:
    """Resultados guardados por proceso (ruta absoluta y configuración que lo juzga)."""

    raiz: Path
    contexto: str  # versión, configuración, fecha de corte y carpeta actual
    entradas: dict[str, dict[str, Any]] = field(default_factory=dict)
    cambiada: bool = False

    @classmethod
    def abrir(cls, raiz: Path, contexto: dict[str, Any]) -> Cache:
        clave = json.dumps(
            {
                "caja-ga": __version__,
                "codigo": _huella_del_codigo(),
                "formato": _FORMATO,
                **contexto,
            },
            sort_keys=True,
            default=str,
        )
        cache = cls(raiz, hashlib.blake2b(clave.encode(), digest_size=16).hexdigest())
        try:
            guardado = marshal.loads((raiz / CARPETA_CACHE / _ARCHIVO).read_bytes())
            if guardado.get("contexto") == cache.contexto:
                cache.entradas = guardado["procesos"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError):
            pass  # sin caché o ilegible: se valida todo y se vuelve a escribir
        return cache

    def firma(self, clave: str, carpeta: Path) -> Firma:
        entrada = self.entradas.get(clave)
        return firma_de(carpeta, entrada["firma"] if entrada else None)

    def buscar(self, clave: str, firma: Firma) -> tuple[str | None, int, list[Problema]] | None:
        entrada = self.entradas.get(clave)
        if entrada is None or _contenido(entrada["firma"]) != _contenido(firma):
            return None
        if entrada["firma"] != firma:  # mismo contenido, otras fechas: se actualizan
            entrada["firma"] = firma
            self.cambiada = True
        problemas = [
            Problema(**{**p, "severidad": Severidad(p["severidad"])}) for p in entrada["problemas"]
        ]
        return entrada["fase"], entrada["archivos"], problemas

    def guardar(
        self, clave: str, firma: Firma, fase: str | None, archivos: int, problemas: list[Problema]
    ) -> None:
        self.entradas[clave] = {
            "firma": firma,
            "fase": fase,
            "archivos": archivos,
            "problemas": [{**asdict(p), "severidad": p.severidad.value} for p in problemas],
        }
        self.cambiada = True

    def escribir(self) -> None:
        if not self.cambiada:
            return
        carpeta = self.raiz / CARPETA_CACHE
        try:
            carpeta.mkdir(exist_ok=True)
            (carpeta / ".gitignore").write_text("*\n", encoding="utf-8")
            escribir_atomico(
                carpeta / _ARCHIVO,
                marshal.dumps({"contexto": self.contexto, "procesos": self.entradas}),
            )
        except OSError:
            pass  # una carpeta de solo lectura no impide validar
