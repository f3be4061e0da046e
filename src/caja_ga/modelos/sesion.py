"""`sesiones/<id>.yaml`: una sesión del EDT o del Núcleo; su id es el nombre del archivo."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Fecha,
    GrupoVulnerable,
    Id,
    Lista,
    Modelo,
    Opcion,
    Url,
)

EstadoAcuerdo = Literal["pendiente", "en_proceso", "cumplido", "cancelado"]


class Acuerdo(Modelo):
    id: Id
    texto: Annotated[str | None, REQUERIDO] = None
    responsable: str | None = None
    fecha_limite: Fecha | None = None
    estado: Annotated[EstadoAcuerdo, Opcion] = "pendiente"


class Minuta(Modelo):
    url: Url | None = None
    fecha_publicacion: Fecha | None = None


class Publico(Modelo):
    asistentes: Annotated[int | None, Field(ge=0)] = None
    grupos: Lista[GrupoVulnerable] = []


class Sesion(Archivo):
    organo: Annotated[Annotated[Literal["edt", "nucleo"], Opcion] | None, REQUERIDO] = None
    tipo: Annotated[
        Annotated[Literal["instalacion", "ordinaria", "extraordinaria"], Opcion] | None,
        REQUERIDO,
    ] = None
    fecha: Annotated[Fecha | None, REQUERIDO] = None
    modalidad: Annotated[Literal["presencial", "virtual", "hibrida"], Opcion] | None = None
    asistentes: Lista[Id] = []
    invitados: Lista[str] = []
    orden_del_dia: Lista[str] = []
    acuerdos: list[Acuerdo] = []
    minuta: Minuta | None = None
    publico: Publico | None = None
