"""Lo que la coordinación estatal necesita de un proceso, calculado donde se lee el proceso.

Una ficha por proceso viaja junto a sus filas de datos abiertos (también desde los procesos hijos
de --jobs y desde la caché del reporte): la vista de coordinación y `cobertura.csv` y
`minimos.csv` se arman solo con fichas, sin volver a leer ningún proceso.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from caja_ga import minimos
from caja_ga.catalogos import municipios
from caja_ga.minimos import Cumplimiento
from caja_ga.reporte.resumen import ResumenProceso
from caja_ga.reporte.secciones.diagnostico import puntajes
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class FichaCoordinacion:
    resumen: ResumenProceso  # ya censurado
    dias_sesion_edt: int | None  # desde la última sesión del EDT, a la fecha de corte
    dias_reporte: int | None  # desde el último reporte de avance
    minimos: tuple[Cumplimiento, ...]  # en el orden de minimos.MINIMOS
    diagnostico: tuple[tuple[str, float | None], ...]  # (dimensión, fracción); () sin diagnóstico


def ficha(resumen: ResumenProceso, vista: Vista) -> FichaCoordinacion:
    diagnostico = vista.carpeta.diagnostico
    conocido = diagnostico is not None and vista.conocido(diagnostico.fecha)
    return FichaCoordinacion(
        resumen=resumen,
        dias_sesion_edt=minimos.dias_desde_sesion_edt(vista),
        dias_reporte=minimos.dias_desde_reporte(vista),
        minimos=minimos.evaluar(vista),
        diagnostico=tuple(puntajes(diagnostico)) if diagnostico is not None and conocido else (),
    )


def por_municipio(fichas: Iterable[FichaCoordinacion]) -> dict[str, list[FichaCoordinacion]]:
    """Las fichas de los procesos de cada municipio del catálogo, por clave INEGI."""
    catalogo = municipios()
    grupos: dict[str, list[FichaCoordinacion]] = {}
    for una in fichas:
        if una.resumen.cvegeo in catalogo:
            grupos.setdefault(una.resumen.cvegeo, []).append(una)
    return grupos


def vigente(fichas: list[FichaCoordinacion]) -> FichaCoordinacion | None:
    """De los procesos de un municipio, el que cuenta para la cobertura: el del periodo de
    gobierno más reciente (a igualdad, el de carpeta mayor, para que el resultado sea estable);
    None si el municipio no tiene proceso."""
    return max(
        fichas,
        key=lambda f: (f.resumen.inicio_gobierno or date.min, f.resumen.carpeta),
        default=None,
    )
