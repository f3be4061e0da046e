"""`nucleo.yaml`: Núcleo de Sociedad Civil — convocatoria, integrantes y representante."""

from typing import Annotated, Literal

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Correo,
    Fecha,
    GrupoVulnerable,
    Id,
    Lista,
    Modelo,
    Opcion,
    Telefono,
    Url,
)

TipoIntegrante = Literal["osc", "colectivo", "academia", "persona", "sector_privado"]


class Convocatoria(Modelo):
    fecha_publicacion: Annotated[Fecha | None, REQUERIDO] = None
    fecha_cierre: Annotated[Fecha | None, REQUERIDO] = None
    medios: Lista[str] = []
    url: Url | None = None


class IntegranteNucleo(Modelo):
    id: Id
    tipo: Annotated[Annotated[TipoIntegrante, Opcion] | None, REQUERIDO] = None
    nombre: Annotated[str | None, REQUERIDO] = None
    temas: Lista[str] = []
    territorio: str | None = None
    grupos: Lista[GrupoVulnerable] = []
    correo: Correo | None = None
    telefono: Telefono | None = None
    contacto_publico: bool = False


class Representante(Modelo):
    integrante: Annotated[Id | None, REQUERIDO] = None
    metodo: Annotated[Literal["consenso", "votacion", "sorteo"], Opcion] | None = None
    fecha: Fecha | None = None
    periodo_meses: int | None = None


class Nucleo(Archivo):
    convocatoria: Annotated[Convocatoria | None, REQUERIDO] = None
    integrantes: Annotated[list[IntegranteNucleo], REQUERIDO] = []
    representante: Annotated[Representante | None, REQUERIDO] = None
