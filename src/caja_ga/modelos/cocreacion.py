"""`cocreacion.yaml`: cómo se construyó el plan — la consulta pública, las propuestas recibidas y
la respuesta razonada a cada una (estándares de participación y cocreación de OGP Local)."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Entero,
    Fecha,
    Id,
    Lista,
    Modelo,
    Opcion,
    Url,
)

Resultado = Literal["incorporada", "fusionada", "no_incorporada"]


class Participacion(Modelo):
    """Cuántas personas de un sector o grupo participaron en la consulta."""

    grupo: Annotated[
        str | None,
        REQUERIDO,
        Field(
            description="El sector o grupo.",
            examples=["sociedad civil organizada", "mujeres", "jóvenes"],
        ),
    ] = None
    personas: Annotated[
        Annotated[int, Entero] | None,
        REQUERIDO,
        Field(ge=0, description="Cuántas personas de ese grupo."),
    ] = None


class Consulta(Modelo):
    """La consulta pública con la que se recibieron propuestas para el plan."""

    inicio: Annotated[Fecha | None, REQUERIDO, Field(description="Cuándo se abrió.")] = None
    fin: Annotated[
        Fecha | None,
        REQUERIDO,
        Field(description="Cuándo cerró; no puede ser anterior al inicio (GA103)."),
    ] = None
    canales: Annotated[
        Lista[str],
        REQUERIDO,
        Field(
            description="Por dónde se recibieron propuestas.",
            examples=[["mesas de trabajo", "formulario en línea", "foro vecinal"]],
        ),
    ] = []
    participantes: Annotated[
        Annotated[int, Entero] | None,
        REQUERIDO,
        Field(ge=0, description="Cuántas personas participaron en total."),
    ] = None
    participacion: Annotated[
        Lista[Participacion],
        Field(description="Cuántas personas participaron por sector o grupo (solo cifras)."),
    ] = []
    evidencia_url: Annotated[
        Url | None,
        Field(description="Dónde se publicaron la convocatoria, las relatorías o las listas."),
    ] = None


class Respuesta(Modelo):
    """La respuesta razonada a una propuesta: qué se hizo con ella y por qué."""

    resultado: Annotated[
        Annotated[Resultado, Opcion] | None,
        Field(description="incorporada, fusionada (con otra propuesta) o no_incorporada (GA315)."),
    ] = None
    compromiso: Annotated[
        Id | None,
        Field(
            description="El compromiso de plan.yaml en que se convirtió (si se incorporó).",
            examples=["c1"],
        ),
    ] = None
    fusionada_con: Annotated[
        Id | None,
        Field(description="El id de la propuesta con la que se fusionó.", examples=["p3"]),
    ] = None
    motivo: Annotated[
        str | None,
        Field(
            description="Por qué no se incorporó, o cómo se incorporó o fusionó; obligatorio "
            "si no se incorporó (GA315)."
        ),
    ] = None


class Propuesta(Modelo):
    """Una propuesta recibida durante la consulta."""

    id: Annotated[Id, Field(description="Identificador único de la propuesta.", examples=["p1"])]
    resumen: Annotated[
        str | None, REQUERIDO, Field(description="Qué se propuso, en pocas palabras.")
    ] = None
    propuesta_por: Annotated[
        str | None,
        Field(
            description="La organización que la propuso, o «ciudadanía»; nunca el nombre ni el "
            "contacto de una persona particular.",
            examples=["Ciudadanos por Zapopan A.C.", "ciudadanía"],
        ),
    ] = None
    fecha: Annotated[Fecha | None, Field(description="Cuándo se recibió.")] = None
    canal: Annotated[str | None, Field(description="Por cuál canal de la consulta llegó.")] = None
    respuesta: Annotated[
        Respuesta | None,
        Field(description="La respuesta razonada: qué se hizo con la propuesta y por qué (GA315)."),
    ] = None

    def resultado(self) -> str:
        """incorporada, fusionada o no_incorporada, o «sin_respuesta» si aún no la tiene; la misma
        clase para los conteos de la Vista y para la sección del reporte."""
        respuesta = self.respuesta
        return respuesta.resultado if respuesta and respuesta.resultado else "sin_respuesta"


class Cocreacion(Archivo):
    consulta: Annotated[
        Consulta | None,
        REQUERIDO,
        Field(description="La consulta pública con la que se cocreó el plan (GA316)."),
    ] = None
    propuestas: Annotated[
        Lista[Propuesta],
        Field(description="Las propuestas recibidas, cada una con su respuesta razonada (GA315)."),
    ] = []
