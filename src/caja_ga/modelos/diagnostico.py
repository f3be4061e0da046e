"""`diagnostico.yaml`: revisión previa y diagnóstico de capacidades del municipio."""

from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Booleano,
    Cantidad,
    Entero,
    Fecha,
    Id,
    Lista,
    Modelo,
    Opcion,
    Presencia,
    TextoOLista,
)

DimensionId = Literal[
    "transparencia", "participacion", "rendicion_cuentas", "marco_normativo", "innovacion"
]


def _puntaje(valor: Any) -> Any:
    if valor is None or (not isinstance(valor, bool) and valor in (0, 0.5, 1)):
        return valor
    raise PydanticCustomError(
        "puntaje",
        "el puntaje «{valor}» no es válido: usa 0 (no existe), 0.5 (parcial) o 1 "
        "(existe), o déjalo vacío si aún no se evalúa",
        {"valor": valor},
    )


class Item(Modelo):
    """Una pregunta del diagnóstico con su puntaje y la evidencia que lo sostiene."""

    id: Annotated[Id, Field(description="Identificador único del ítem.", examples=["t1"])]
    pregunta: Annotated[
        str | None,
        REQUERIDO,
        Field(
            description="Lo que se revisa.",
            examples=["¿El municipio publica sus obligaciones de transparencia?"],
        ),
    ] = None
    valor: Annotated[
        float | None,
        BeforeValidator(_puntaje),
        WithJsonSchema({"enum": [0, 0.5, 1, None]}),
        Field(description="0 (no existe), 0.5 (parcial) o 1 (existe); vacío si aún no se evalúa."),
    ] = None
    evidencia: Annotated[
        str | None, Field(description="Qué sostiene el puntaje (GA110 avisa si falta).")
    ] = None
    fuente: Annotated[
        str | None, Field(description="De dónde sale la evidencia: documento, portal, entrevista.")
    ] = None


class Dimension(Modelo):
    """Un área del diagnóstico y sus ítems."""

    id: Annotated[DimensionId, Opcion, Field(description="El área que se evalúa.")]
    items: Annotated[Lista[Item], Field(description="Las preguntas del área.")] = []


class Capacidades(Modelo):
    """Lo que el ayuntamiento dedica al proceso."""

    personal_asignado: Annotated[
        Annotated[int, Field(ge=0), Entero] | None,
        Field(description="Personas asignadas al proceso."),
    ] = None
    horas_semana: Annotated[
        Annotated[float, Field(ge=0, le=168), Cantidad] | None,
        Field(description="Horas por semana dedicadas al proceso."),
    ] = None
    presupuesto_mxn: Annotated[
        Annotated[float, Field(ge=0), Cantidad] | None,
        Field(description="Presupuesto asignado, en pesos."),
    ] = None
    area_responsable: Annotated[
        str | None, Field(description="Área del ayuntamiento que encabeza el proceso.")
    ] = None


class Actor(Modelo):
    """Si el actor existe en el municipio y está dispuesto a participar."""

    presente: Annotated[
        Booleano | None,
        REQUERIDO,
        Field(description="«sí» si existe y está dispuesto a participar; «no» si falta."),
    ] = None
    nota: Annotated[
        str | None,
        Field(
            description="Quién es, o por qué falta. Escrita sola en lugar de {presente, nota}, "
            "el actor cuenta como presente, salvo que la nota empiece con «no»."
        ),
    ] = None


# `osi: sí` vale como `osi: {presente: sí}`; `osi: "El OSI estatal aceptó."`, como la nota.
ActorPresente = Annotated[Actor | None, Presencia]


class Actores(Modelo):
    """Los actores que el proceso necesita."""

    autoridad_garante: ActorPresente = Field(
        default=None,
        validation_alias=AliasChoices("autoridad_garante", "organo_garante"),
        description="La autoridad garante de transparencia local (antes «órgano garante»).",
    )
    sociedad_civil: Annotated[
        ActorPresente, Field(description="Sociedad civil organizada del municipio.")
    ] = None
    osi: Annotated[
        ActorPresente,
        Field(description="Órgano de Seguimiento e Instrumentación de la Agenda 2030 (OSI)."),
    ] = None


Indice = Annotated[Annotated[float, Field(ge=0, le=1), Cantidad] | None, Field()]


class Metrica(Modelo):
    """Subíndices de la Métrica de Gobierno Abierto (0 a 1)."""

    tg: Annotated[Indice, Field(description="Transparencia desde el gobierno.")] = None
    tc: Annotated[Indice, Field(description="Transparencia desde la ciudadanía.")] = None
    pg: Annotated[Indice, Field(description="Participación desde el gobierno.")] = None
    pc: Annotated[Indice, Field(description="Participación desde la ciudadanía.")] = None


class Diagnostico(Archivo):
    fecha: Annotated[
        Fecha | None, REQUERIDO, Field(description="Fecha en que se concluyó el diagnóstico.")
    ] = None
    elaborado_por: Annotated[
        TextoOLista | None,
        REQUERIDO,
        Field(
            description="Quién lo elaboró: un área o persona, o una lista.",
            examples=["Unidad de Transparencia", ["Unidad de Transparencia", "Contraloría"]],
        ),
    ] = None
    instrumento: Annotated[
        str | None, Field(description="El cuestionario o la guía que se usó.")
    ] = None
    dimensiones: Annotated[
        Lista[Dimension],
        REQUERIDO,
        Field(
            description="Las cinco áreas: transparencia, participacion, rendicion_cuentas, "
            "marco_normativo e innovacion."
        ),
    ] = []
    capacidades: Annotated[
        Capacidades | None,
        Field(description="Personal, horas y presupuesto (GA111 avisa si no hay)."),
    ] = None
    actores: Annotated[
        Actores | None,
        REQUERIDO,
        Field(description="Si existen la autoridad garante, la sociedad civil y el OSI."),
    ] = None
    metrica: Annotated[
        Metrica | None,
        Field(description="Subíndices de la Métrica de Gobierno Abierto, si se conocen."),
    ] = None
    hallazgos: Annotated[Lista[str], Field(description="Lo que encontró el diagnóstico.")] = []
    recomendaciones: Annotated[Lista[str], Field(description="Lo que se recomienda hacer.")] = []
    decision_continuar: Annotated[
        Booleano | None,
        REQUERIDO,
        Field(description="«sí» si el municipio decide seguir con el proceso."),
    ] = None
