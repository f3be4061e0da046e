"""Sección «Avisos de validación»: los problemas que siguen abiertos al publicar.

La ciudadanía lee un resumen en sus palabras (cuántos, de qué parte del proceso, qué significan);
el detalle con archivos, líneas, claves y reglas es para quien mantiene los archivos y va aparte,
con el enlace de cada regla a la referencia publicada con el sitio.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final

from caja_ga.documentacion import enlace_de_regla
from caja_ga.problemas import Problema, Severidad
from caja_ga.reporte.resumen import ResumenProceso
from caja_ga.vista import Vista

PAGINA_REGLAS: Final = "reglas.html"
"""La referencia de reglas en la raíz del sitio (la escribe `caja_ga.reporte.publicar`)."""

# De qué parte del proceso habla cada archivo, en palabras de quien lee el reporte.
_PARTES: Final = {
    "proceso": "Datos generales del proceso",
    "diagnostico": "Diagnóstico",
    "espacio": "Espacio de Diálogo Tripartita",
    "nucleo": "Núcleo de Sociedad Civil",
    "sesiones": "Sesiones",
    "plan": "Plan de acción",
    "seguimiento": "Reportes de avance",
    "evaluacion": "Evaluación final",
    "agenda2030": "Agenda 2030",
}
_OTROS: Final = "Otros archivos de la carpeta"


@dataclass(frozen=True, slots=True, kw_only=True)
class Observacion:
    """Un problema de validación que sigue abierto, con el archivo relativo al proceso."""

    archivo: str
    linea: int | None
    codigo: str
    enlace: str  # a la sección de la regla en la referencia publicada
    severidad: str
    mensaje: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Parte:
    """Cuántos errores y avisos tiene una parte del proceso."""

    nombre: str
    errores: int
    avisos: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Validacion:
    observaciones: list[Observacion]
    partes: list[Parte]  # en el orden del proceso
    errores: int
    avisos: int


def contexto(
    vista: Vista, problemas: list[Problema], resumen: ResumenProceso, raiz: str
) -> Validacion:
    carpeta = vista.carpeta.nombre
    observaciones = [_observacion(p, carpeta, raiz) for p in problemas]
    return Validacion(
        observaciones=observaciones,
        partes=_partes(observaciones),
        errores=resumen.errores,
        avisos=resumen.avisos,
    )


def _partes(observaciones: list[Observacion]) -> list[Parte]:
    errores, avisos = Counter[str](), Counter[str]()
    for o in observaciones:
        parte = _parte(o.archivo)
        (errores if o.severidad == Severidad.ERROR.value else avisos)[parte] += 1
    orden = [*_PARTES.values(), _OTROS]
    return [
        Parte(nombre=nombre, errores=errores[nombre], avisos=avisos[nombre])
        for nombre in orden
        if errores[nombre] or avisos[nombre]
    ]


def _parte(archivo: str) -> str:
    ruta = PurePosixPath(archivo)
    clave = ruta.parts[0] if len(ruta.parts) > 1 else ruta.stem
    return _PARTES.get(clave, _OTROS) if ruta.suffix == ".yaml" else _OTROS


def _observacion(problema: Problema, carpeta: str, raiz: str) -> Observacion:
    archivo = PurePosixPath(problema.archivo)
    if archivo.is_relative_to(carpeta):
        archivo = archivo.relative_to(carpeta)
    return Observacion(
        archivo=archivo.as_posix(),
        linea=problema.linea,
        codigo=problema.codigo,
        enlace=enlace_de_regla(problema.codigo, f"{raiz}{PAGINA_REGLAS}"),
        severidad=problema.severidad.value,
        mensaje=problema.mensaje,
    )
