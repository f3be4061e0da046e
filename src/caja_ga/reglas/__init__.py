"""El registro de reglas: cada módulo `gaNNN_*.py` de este paquete define una regla.

Una regla es una función que recibe el `Contexto` de un proceso y produce `Hallazgo`s; no conoce
su severidad configurada ni imprime nada. Su documentación es el docstring del módulo, con un
ejemplo incorrecto y uno correcto, y de ahí salen `caja-ga reglas` y la tabla del README.
Una regla declara sus umbrales (`Umbral`) al registrarse: de ahí salen los valores por omisión,
la validación de `.caja-ga.yaml` y su documentación.
Las reglas que se detectan al leer un archivo (sintaxis, codificación, estructura) se registran sin
función: las emiten carga.py y esquema.py con su código.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import CarpetaProceso
from caja_ga.vista import Vista


class Exigencia(Enum):
    """En qué archivos se revisa una regla, según la fase del proceso (formato §1)."""

    SIEMPRE = "siempre"
    """Sintaxis, tipos, coherencia y referencias: en todo archivo que exista."""
    CONTENIDO = "contenido"
    """Calidad del contenido: calla en los archivos de fases a las que el proceso no llega."""
    POR_FASE = "por_fase"
    """Completitud: error en archivos de fases cumplidas, aviso en la actual, nada en futuras."""


@dataclass(frozen=True, slots=True)
class Umbral:
    """Un número que `.caja-ga.yaml` puede cambiar; lo declara la regla que lo usa."""

    nombre: str
    por_omision: int
    descripcion: str
    minimo: int = 0


@dataclass(frozen=True)
class Contexto:
    """Lo que una regla puede mirar: el proceso visto a la fecha de corte y los umbrales."""

    vista: Vista
    # Con lambda: umbrales_por_omision se define más abajo, con el registro.
    umbrales: dict[str, int] = field(default_factory=lambda: umbrales_por_omision())

    @property
    def carpeta(self) -> CarpetaProceso:
        return self.vista.carpeta

    @property
    def fecha_corte(self) -> date:
        return self.vista.fecha_corte

    def umbral(self, umbral: Umbral) -> int:
        """El valor configurado de un umbral (o el de omisión)."""
        return self.umbrales[umbral.nombre]


Revisar = Callable[[Contexto], Iterable[Hallazgo]]


@dataclass(frozen=True)
class Regla:
    codigo: str
    nombre: str
    severidad: Severidad
    modulo: str
    """El módulo que la registra (`caja_ga.reglas.gaNNN_nombre`); su docstring la documenta."""
    revisar: Revisar | None = None
    exigencia: Exigencia = Exigencia.CONTENIDO
    umbrales: tuple[Umbral, ...] = ()

    @property
    def documentacion(self) -> str:
        return sys.modules[self.modulo].__doc__ or ""

    @property
    def resumen(self) -> str:
        return self.documentacion.strip().splitlines()[0].strip()


_REGISTRO: dict[str, Regla] = {}


def regla(
    codigo: str,
    nombre: str,
    severidad: Severidad,
    exigencia: Exigencia = Exigencia.CONTENIDO,
    umbrales: tuple[Umbral, ...] = (),
) -> Callable[[Revisar], Revisar]:
    """Registra la función de revisión de una regla; su documentación es la del módulo."""

    def registrar_funcion(revisar: Revisar) -> Revisar:
        _agregar(Regla(codigo, nombre, severidad, revisar.__module__, revisar, exigencia, umbrales))
        return revisar

    return registrar_funcion


def registrar(codigo: str, nombre: str, severidad: Severidad, modulo: str) -> None:
    """Registra una regla que se detecta al leer los archivos (no tiene función propia)."""
    _agregar(Regla(codigo, nombre, severidad, modulo, exigencia=Exigencia.SIEMPRE))


def _agregar(nueva: Regla) -> None:
    if nueva.codigo in _REGISTRO:
        raise RuntimeError(f"código de regla duplicado: {nueva.codigo}")
    declarados = {u.nombre for r in _REGISTRO.values() for u in r.umbrales}
    if repetidos := declarados & {u.nombre for u in nueva.umbrales}:
        raise RuntimeError(f"umbral declarado por dos reglas: {', '.join(sorted(repetidos))}")
    _REGISTRO[nueva.codigo] = nueva


@cache
def todas() -> dict[str, Regla]:
    """Todas las reglas, por código; importa cada módulo del paquete una sola vez."""
    for modulo in pkgutil.iter_modules(__path__):
        if modulo.name.startswith("ga"):
            importlib.import_module(f"{__name__}.{modulo.name}")
    return dict(sorted(_REGISTRO.items()))


@cache
def todos_los_umbrales() -> dict[str, Umbral]:
    """Los umbrales de todas las reglas, por nombre, en el orden de los códigos."""
    return {u.nombre: u for r in todas().values() for u in r.umbrales}


def umbrales_por_omision() -> dict[str, int]:
    return {nombre: u.por_omision for nombre, u in todos_los_umbrales().items()}
