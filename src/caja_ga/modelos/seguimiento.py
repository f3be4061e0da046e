"""`seguimiento/<fecha>.yaml`: un reporte de avance con su fecha de corte."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import REQUERIDO, Archivo, Cantidad, Fecha, Id, Lista, Modelo, Opcion, Url

EstadoActividad = Literal["no_iniciada", "en_proceso", "completada", "cancelada"]


class Evidencia(Modelo):
    """Lo que prueba un avance."""

    descripcion: Annotated[str | None, Field(description="Qué es la evidencia.")] = None
    url: Annotated[Url | None, Field(description="Dónde se puede consultar.")] = None


class AvanceActividad(Modelo):
    """El avance de una actividad del plan a la fecha de corte."""

    id: Annotated[Id, Field(description="El id de la actividad en plan.yaml.", examples=["c1-a1"])]
    estado: Annotated[
        Annotated[EstadoActividad, Opcion] | None,
        REQUERIDO,
        Field(description="no_iniciada, en_proceso, completada (con avance 100) o cancelada."),
    ] = None
    # El modelo acepta cualquier número (GA401 explica el error); el editor avisa antes.
    avance: Annotated[
        Annotated[float, Cantidad] | None,
        Field(
            description="Porcentaje de avance, de 0 a 100.",
            examples=[50],
            json_schema_extra={"minimum": 0, "maximum": 100},
        ),
    ] = None
    evidencias: Annotated[
        Lista[Evidencia],
        Field(description="Lo que prueba el avance; una actividad completada lo necesita (GA403)."),
    ] = []
    observaciones: Annotated[
        str | None, Field(description="Lo que explique retrasos o cambios.")
    ] = None


class MedicionIndicador(Modelo):
    """El valor medido del indicador de una meta del plan."""

    meta: Annotated[Id, Field(description="El id de la meta en plan.yaml.", examples=["c1-m1"])]
    valor: Annotated[
        Annotated[float, Cantidad] | None,
        REQUERIDO,
        Field(
            description="El valor medido, en la unidad del indicador (acepta «45%» o «$1,200»).",
            examples=[45],
        ),
    ] = None
    fecha: Annotated[
        Fecha | None,
        Field(
            description="Cuándo se midió; por omisión, la fecha del reporte que lo registra. No "
            "puede ser posterior a ella (GA412)."
        ),
    ] = None
    fuente: Annotated[
        str | None,
        Field(
            description="De dónde sale el valor: un texto o una dirección web.",
            examples=["https://obras.zapopan.gob.mx/datos/fichas.csv"],
        ),
    ] = None


class Seguimiento(Archivo):
    fecha_corte: Annotated[Fecha, Field(description="El día al que corresponde el reporte.")]
    revisado_en: Annotated[
        Id | None,
        Field(
            description="El id de la sesión del EDT que revisó el reporte (nombre de su archivo en "
            "sesiones/, sin «.yaml»).",
            examples=["2026-04-20-seguimiento"],
        ),
    ] = None
    actividades: Annotated[
        Lista[AvanceActividad],
        REQUERIDO,
        Field(description="El avance de cada actividad del plan."),
    ] = []
    indicadores: Annotated[
        Lista[MedicionIndicador],
        Field(description="El valor medido del indicador de las metas del plan (opcional)."),
    ] = []
