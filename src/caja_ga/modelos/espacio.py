"""`espacio.yaml`: Espacio de Diálogo Tripartita — instalación, integrantes y reglas."""

from typing import Annotated, Literal

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Fecha,
    Id,
    Modelo,
    Opcion,
    Persona,
    SectorEDT,
    Url,
)


class Instalacion(Modelo):
    fecha: Annotated[Fecha | None, REQUERIDO] = None
    acta_url: Url | None = None
    lineamientos_url: Url | None = None


class IntegranteEspacio(Persona):
    id: Id
    sector: Annotated[SectorEDT | None, REQUERIDO] = None
    suplente: Persona | None = None
    desde: Fecha | None = None
    hasta: Fecha | None = None
    nucleo: Id | None = None


class Reglas(Modelo):
    periodicidad_dias: Annotated[int | None, REQUERIDO] = None
    quorum: str | int | None = None
    decisiones: Annotated[Literal["consenso", "mayoria"], Opcion] | None = None
    publicacion_minutas: bool | None = None


class VinculacionOsi(Modelo):
    institucion: Annotated[str | None, REQUERIDO] = None
    fecha: Fecha | None = None
    descripcion: str | None = None


class Espacio(Archivo):
    instalacion: Annotated[Instalacion | None, REQUERIDO] = None
    integrantes: Annotated[list[IntegranteEspacio], REQUERIDO] = []
    reglas: Annotated[Reglas | None, REQUERIDO] = None
    vinculacion_osi: VinculacionOsi | None = None
