"""Lo que se deriva de un proceso, calculado una sola vez y compartido por reglas y reporte.

Un `Vista` envuelve la carpeta leída y la fecha de corte. Sus propiedades se calculan la primera vez
que alguien las pide y se guardan: las sesiones y los reportes de avance en orden, la entrada más
reciente de cada actividad, las señales O1–O9 y quiénes integraban el Espacio en una fecha. Las
reglas (por `Contexto.vista`), el reporte y los datos abiertos leen de aquí, así que un mismo dato
no se puede calcular de dos maneras.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from caja_ga.modelos.espacio import IntegranteEspacio
from caja_ga.modelos.seguimiento import AvanceActividad, Seguimiento
from caja_ga.modelos.sesion import Sesion
from caja_ga.problemas import Documento
from caja_ga.proceso import CarpetaProceso

if TYPE_CHECKING:
    from caja_ga.senales_agenda2030 import Senal


@dataclass(frozen=True, slots=True)
class SesionLeida:
    """Una sesión legible: su id (el nombre del archivo sin extensión), su documento y su modelo."""

    id: str
    documento: Documento
    sesion: Sesion


@dataclass(frozen=True, slots=True)
class SeguimientoLeido:
    """Un reporte de avance legible, con su documento (para ubicar problemas)."""

    documento: Documento
    seguimiento: Seguimiento


class Vista:
    """Un proceso visto a una fecha de corte; cada dato derivado se calcula una vez."""

    def __init__(self, carpeta: CarpetaProceso, fecha_corte: date) -> None:
        self.carpeta = carpeta
        self.fecha_corte = fecha_corte

    @cached_property
    def sesiones(self) -> list[SesionLeida]:
        """Las sesiones legibles, por fecha (las que no tienen fecha, al final) y luego por id."""
        leidas = [
            SesionLeida(doc.ruta.stem, doc, doc.modelo)
            for doc in self.carpeta.sesiones
            if isinstance(doc.modelo, Sesion)
        ]
        return sorted(leidas, key=lambda s: (s.sesion.fecha is None, s.sesion.fecha, s.id))

    @cached_property
    def seguimientos(self) -> list[SeguimientoLeido]:
        """Los reportes de avance legibles, por su fecha de corte."""
        leidos = [
            SeguimientoLeido(doc, doc.modelo)
            for doc in self.carpeta.seguimientos
            if isinstance(doc.modelo, Seguimiento)
        ]
        return sorted(leidos, key=lambda s: s.seguimiento.fecha_corte)

    @cached_property
    def ultimos_avances(self) -> dict[str, AvanceActividad]:
        """Para cada actividad, su entrada en el reporte más reciente que la menciona."""
        ultimos: dict[str, AvanceActividad] = {}
        for leido in self.seguimientos:
            for actividad in leido.seguimiento.actividades:
                ultimos[actividad.id] = actividad
        return ultimos

    @cached_property
    def senales(self) -> dict[str, Senal]:
        """Las señales O1–O9 que los datos permiten calcular, por código."""
        from caja_ga.senales_agenda2030 import senales_agenda2030

        return senales_agenda2030(self)

    def integrantes_espacio(self, fecha: date) -> list[IntegranteEspacio]:
        """Quienes integraban el Espacio en `fecha` (según sus campos `desde` y `hasta`)."""
        if self.carpeta.espacio is None:
            return []
        return [
            integrante
            for integrante in self.carpeta.espacio.integrantes
            if (integrante.desde is None or integrante.desde <= fecha)
            and (integrante.hasta is None or integrante.hasta >= fecha)
        ]
