"""Sección «Avisos de validación»: los problemas que siguen abiertos al publicar."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from caja_ga.problemas import Problema
from caja_ga.reporte.resumen import ResumenProceso
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class Observacion:
    """Un problema de validación que sigue abierto, con el archivo relativo al proceso."""

    archivo: str
    linea: int | None
    codigo: str
    severidad: str
    mensaje: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Validacion:
    observaciones: list[Observacion]
    errores: int
    avisos: int


def contexto(vista: Vista, problemas: list[Problema], resumen: ResumenProceso) -> Validacion:
    return Validacion(
        observaciones=[_observacion(p, vista.carpeta.nombre) for p in problemas],
        errores=resumen.errores,
        avisos=resumen.avisos,
    )


def _observacion(problema: Problema, carpeta: str) -> Observacion:
    archivo = PurePosixPath(problema.archivo)
    if archivo.is_relative_to(carpeta):
        archivo = archivo.relative_to(carpeta)
    return Observacion(
        archivo=archivo.as_posix(),
        linea=problema.linea,
        codigo=problema.codigo,
        severidad=problema.severidad.value,
        mensaje=problema.mensaje,
    )
