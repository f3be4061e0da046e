"""El registro de reglas: cada módulo `gaNNN_*.py` de este paquete define una regla.

Una regla es una función que recibe el `Contexto` de un proceso y produce `Hallazgo`s; no conoce
su severidad configurada ni imprime nada. Su documentación es el docstring del módulo, con un
ejemplo incorrecto y uno correcto, y de ahí salen `caja-ga reglas` y la tabla del README.
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
from functools import cache

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import CarpetaProceso
from caja_ga.vista import Vista

UMBRALES_POR_OMISION: dict[str, int] = {
    "max_compromisos": 5,
    "max_dias_entre_sesiones": 183,
    "max_dias_minuta": 15,
    "min_dias_convocatoria": 14,
    "min_integrantes_nucleo": 3,
    "max_meses_plan": 24,
    "periodicidad_seguimiento_dias": 180,  # si el plan no fija la suya
}


@dataclass(frozen=True)
class Contexto:
    """Lo que una regla puede mirar: el proceso visto a la fecha de corte y los umbrales."""

    vista: Vista
    umbrales: dict[str, int] = field(default_factory=lambda: dict(UMBRALES_POR_OMISION))

    @property
    def carpeta(self) -> CarpetaProceso:
        return self.vista.carpeta

    @property
    def fecha_corte(self) -> date:
        return self.vista.fecha_corte


Revisar = Callable[[Contexto], Iterable[Hallazgo]]


@dataclass(frozen=True)
class Regla:
    codigo: str
    nombre: str
    severidad: Severidad
    documentacion: str
    revisar: Revisar | None = None
    # Exigencia de completitud: error si el archivo es de una fase ya cumplida, aviso en la
    # fase actual, nada en fases posteriores (formato §1).
    por_fase: bool = False
    # Sintaxis, tipos, coherencia y referencias se revisan en todo archivo que exista; las demás
    # reglas (calidad del contenido) callan en archivos de fases a las que el proceso no llega.
    siempre: bool = False

    @property
    def resumen(self) -> str:
        return self.documentacion.strip().splitlines()[0].strip()


_REGISTRO: dict[str, Regla] = {}


def regla(
    codigo: str, nombre: str, severidad: Severidad, por_fase: bool = False, siempre: bool = False
) -> Callable[[Revisar], Revisar]:
    """Registra la función de revisión de una regla; su documentación es la del módulo."""

    def registrar_funcion(revisar: Revisar) -> Revisar:
        _agregar(
            Regla(codigo, nombre, severidad, _doc(revisar.__module__), revisar, por_fase, siempre)
        )
        return revisar

    return registrar_funcion


def registrar(codigo: str, nombre: str, severidad: Severidad, modulo: str) -> None:
    """Registra una regla que se detecta al leer los archivos (no tiene función propia)."""
    _agregar(Regla(codigo, nombre, severidad, _doc(modulo), siempre=True))


def _doc(modulo: str) -> str:
    return sys.modules[modulo].__doc__ or ""


def _agregar(nueva: Regla) -> None:
    if nueva.codigo in _REGISTRO:
        raise RuntimeError(f"código de regla duplicado: {nueva.codigo}")
    _REGISTRO[nueva.codigo] = nueva


@cache
def todas() -> dict[str, Regla]:
    """Todas las reglas, por código; importa cada módulo del paquete una sola vez."""
    for modulo in pkgutil.iter_modules(__path__):
        if modulo.name.startswith("ga"):
            importlib.import_module(f"{__name__}.{modulo.name}")
    return dict(sorted(_REGISTRO.items()))
