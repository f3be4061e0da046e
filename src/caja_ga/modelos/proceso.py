"""`proceso.yaml`: quién y cuándo — municipio, periodo de gobierno, fase y enlace."""

from typing import Annotated

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Booleano,
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
    """El municipio, por su clave del catálogo del INEGI."""

    cvegeo: Annotated[
        Cvegeo,
        Field(
            description="Clave INEGI de 5 dígitos (2 del estado y 3 del municipio), SIEMPRE entre "
            "comillas: sin ellas se pierden los ceros a la izquierda.",
            examples=["14120", "01001"],
        ),
    ]
    nombre: Annotated[
        str | None,
        Field(
            description="Nombre del municipio; si falta, se toma del catálogo del INEGI.",
            examples=["Zapopan"],
        ),
    ] = None
    entidad: Annotated[
        str | None,
        Field(
            description="Entidad federativa; si falta, se toma del catálogo del INEGI.",
            examples=["Jalisco"],
        ),
    ] = None


class Enlace(Modelo):
    """La persona enlace de gobierno abierto del ayuntamiento."""

    nombre: Annotated[str | None, REQUERIDO, Field(description="Nombre completo.")] = None
    cargo: Annotated[
        str | None, Field(description="Cargo.", examples=["Titular de la Unidad de Transparencia"])
    ] = None
    area: Annotated[
        str | None,
        Field(description="Área del ayuntamiento.", examples=["Dirección de Transparencia"]),
    ] = None
    correo: Annotated[
        Correo | None,
        REQUERIDO,
        Field(description="Correo institucional; solo se publica con `contacto_publico: sí`."),
    ] = None
    telefono: Annotated[
        Telefono | None,
        Field(description="Teléfono, entre comillas; solo se publica con `contacto_publico: sí`."),
    ] = None
    contacto_publico: Annotated[
        Booleano, Field(description="sí para publicar el correo y el teléfono en los reportes.")
    ] = False


class Proceso(Archivo):
    municipio: Annotated[Municipio, Field(description="El municipio del ejercicio.")]
    periodo_gobierno: Annotated[
        Periodo | None, REQUERIDO, Field(description="El periodo constitucional del ayuntamiento.")
    ] = None
    fase: Annotated[
        Fase,
        Opcion,
        Field(
            description="Fase actual, en orden: diagnostico, instalacion, dialogo, plan, "
            "implementacion, evaluacion. Lo de fases ya cumplidas debe estar completo (error); lo "
            "de la fase actual solo se avisa."
        ),
    ]
    enlace: Annotated[
        Enlace | None,
        REQUERIDO,
        Field(
            description="Persona enlace de gobierno abierto (a menudo la Unidad de Transparencia)."
        ),
    ] = None
    portal: Annotated[
        Url | None, Field(description="Dirección web donde el ayuntamiento publica sus reportes.")
    ] = None
