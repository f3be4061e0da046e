"""`proceso.yaml`: quién y cuándo — municipio, periodo de gobierno, fase y enlace."""

from typing import Annotated

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Correo,
    Cvegeo,
    Fase,
    Modelo,
    Opcion,
    Periodo,
    Telefono,
    Url,
)


class Municipio(Modelo):
    cvegeo: Cvegeo
    nombre: str | None = None
    entidad: str | None = None


class Enlace(Modelo):
    nombre: Annotated[str | None, REQUERIDO] = None
    cargo: str | None = None
    area: str | None = None
    correo: Annotated[Correo | None, REQUERIDO] = None
    telefono: Telefono | None = None
    contacto_publico: bool = False


class Proceso(Archivo):
    municipio: Municipio
    periodo_gobierno: Annotated[Periodo | None, REQUERIDO] = None
    fase: Annotated[Fase, Opcion]
    enlace: Annotated[Enlace | None, REQUERIDO] = None
    portal: Url | None = None
