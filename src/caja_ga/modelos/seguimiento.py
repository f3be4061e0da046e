"""`seguimiento/<fecha>.yaml`: un reporte de avance con su fecha de corte."""

from typing import Annotated, Literal

from caja_ga.modelos.base import REQUERIDO, Archivo, Fecha, Id, Modelo, Opcion, Url

EstadoActividad = Literal["no_iniciada", "en_proceso", "completada", "cancelada"]


class Evidencia(Modelo):
    descripcion: str | None = None
    url: Url | None = None


class AvanceActividad(Modelo):
    id: Id
    estado: Annotated[Annotated[EstadoActividad, Opcion] | None, REQUERIDO] = None
    avance: float | None = None
    evidencias: list[Evidencia] = []
    observaciones: str | None = None


class Seguimiento(Archivo):
    fecha_corte: Fecha
    revisado_en: Id | None = None
    actividades: Annotated[list[AvanceActividad], REQUERIDO] = []
