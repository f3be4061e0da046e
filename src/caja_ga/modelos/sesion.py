"""`sesiones/<id>.yaml`: una sesión del EDT o del Núcleo; su id es el nombre del archivo."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Entero,
    Fecha,
    GrupoVulnerable,
    Id,
    Lista,
    Modelo,
    Opcion,
    Url,
)
from caja_ga.modelos.formas import ComoTexto

EstadoAcuerdo = Literal["pendiente", "en_proceso", "cumplido", "cancelado"]


class Acuerdo(Modelo):
    """Un acuerdo de la sesión, con quién lo cumple y para cuándo."""

    id: Annotated[
        Id,
        Field(
            description="Identificador único dentro de la sesión (las minutas numeran a1, a2…); "
            "desde otro archivo se cita como SESION/ACUERDO.",
            examples=["a1"],
        ),
    ]
    texto: Annotated[str | None, REQUERIDO, Field(description="Qué se acordó.")] = None
    responsable: Annotated[
        str | None, Field(description="Quién lo cumple (un id de integrante o un nombre).")
    ] = None
    fecha_limite: Annotated[
        Fecha | None, Field(description="Para cuándo; si pasa sin cumplirse, GA208 avisa.")
    ] = None
    estado: Annotated[
        EstadoAcuerdo, Opcion, Field(description="pendiente, en_proceso, cumplido o cancelado.")
    ] = "pendiente"


class Minuta(Modelo):
    """La minuta publicada de la sesión."""

    url: Annotated[Url | None, Field(description="Dónde está publicada (GA205).")] = None
    fecha_publicacion: Annotated[
        Fecha | None,
        Field(description="Cuándo se publicó; a más tardar 15 días después de la sesión (GA205)."),
    ] = None


class Publico(Modelo):
    """El público que asistió a una sesión abierta."""

    asistentes: Annotated[
        Annotated[int, Field(ge=0), Entero] | None, Field(description="Cuántas personas.")
    ] = None
    grupos: Annotated[
        Lista[GrupoVulnerable],
        Field(description="Grupos en situación de vulnerabilidad presentes (recomendación O2)."),
    ] = []


class Invitado(Modelo):
    """Quien asistió sin ser integrante, escrito con detalle."""

    nombre: Annotated[str, Field(description="Nombre de la persona.")]
    cargo: Annotated[str | None, Field(description="Su cargo o puesto.")] = None
    institucion: Annotated[
        str | None, Field(description="La dependencia, organización o institución.")
    ] = None
    sector: Annotated[
        str | None,
        Field(description="El sector al que pertenece.", examples=["academia", "sociedad civil"]),
    ] = None


def _invitado_como_texto(invitado: Invitado) -> str:
    """«Ana López (Coordinadora, Universidad de Guadalajara, academia)», como en una minuta."""
    detalle = [d for d in (invitado.cargo, invitado.institucion, invitado.sector) if d]
    return f"{invitado.nombre} ({', '.join(detalle)})" if detalle else invitado.nombre


class Sesion(Archivo):
    organo: Annotated[
        Annotated[Literal["edt", "nucleo"], Opcion] | None,
        REQUERIDO,
        Field(
            description="edt (Espacio de Diálogo Tripartita) o nucleo (Núcleo de Sociedad Civil)."
        ),
    ] = None
    tipo: Annotated[
        Annotated[Literal["instalacion", "ordinaria", "extraordinaria"], Opcion] | None,
        REQUERIDO,
        Field(description="instalacion, ordinaria o extraordinaria."),
    ] = None
    fecha: Annotated[Fecha | None, REQUERIDO, Field(description="Fecha de la sesión.")] = None
    modalidad: Annotated[
        Annotated[Literal["presencial", "virtual", "hibrida"], Opcion] | None,
        Field(description="presencial, virtual o hibrida."),
    ] = None
    asistentes: Annotated[
        Lista[Id],
        Field(
            description=(
                "Los ids de los integrantes que asistieron (de espacio.yaml o nucleo.yaml)."
            ),
            examples=[["gob-1", "ag-1", "sc-1"]],
        ),
    ] = []
    invitados: Annotated[
        Lista[Annotated[str, ComoTexto(Invitado, _invitado_como_texto)]],
        Field(
            description="Quienes asistieron sin ser integrantes: su nombre, o nombre, cargo, "
            "institucion y sector.",
            examples=[["Ana López, Universidad de Guadalajara", {"nombre": "Luis Pérez"}]],
        ),
    ] = []
    orden_del_dia: Annotated[Lista[str], Field(description="Los temas tratados.")] = []
    acuerdos: Annotated[Lista[Acuerdo], Field(description="Los acuerdos de la sesión.")] = []
    minuta: Annotated[
        Minuta | None, Field(description="La minuta, que se publica a más tardar 15 días después.")
    ] = None
    publico: Annotated[
        Publico | None, Field(description="El público asistente, si la sesión fue abierta.")
    ] = None
