"""`espacio.yaml`: Espacio de Diálogo Tripartita — instalación, integrantes y reglas."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Booleano,
    Entero,
    Fecha,
    Id,
    Lista,
    Modelo,
    Opcion,
    Persona,
    SectorEDT,
    Url,
)
from caja_ga.vacio import vacio


class Instalacion(Modelo):
    """El acta de instalación del EDT y sus lineamientos."""

    fecha: Annotated[
        Fecha | None, REQUERIDO, Field(description="Fecha del acta de instalación.")
    ] = None
    acta_url: Annotated[
        Url | None, Field(description="Dónde está publicada el acta (debe ser pública, GA212).")
    ] = None
    lineamientos_url: Annotated[
        Url | None,
        Field(
            description="Dónde están publicados los lineamientos de funcionamiento (deben ser "
            "públicos, GA212)."
        ),
    ] = None

    def sin_publicar(self) -> tuple[str, ...]:
        """Los campos de dirección del acta y de los lineamientos que están vacíos; el mismo
        juicio para GA212 y para el mínimo «EDT instalado»."""
        return tuple(c for c in ("acta_url", "lineamientos_url") if vacio(getattr(self, c)))


class IntegranteEspacio(Persona):
    """Una persona titular del EDT, con su sector y su suplente."""

    id: Annotated[
        Id,
        Field(
            description="Identificador único del integrante; lo citan las "
            "sesiones en `asistentes`.",
            examples=["gob-1", "ag-1", "sc-1"],
        ),
    ]
    sector: Annotated[
        SectorEDT | None,
        REQUERIDO,
        Field(
            description="El sector que representa: gobierno_municipal, autoridad_garante o "
            "sociedad_civil."
        ),
    ] = None
    suplente: Annotated[Persona | None, Field(description="Quien la sustituye en su ausencia.")] = (
        None
    )
    desde: Annotated[Fecha | None, Field(description="Desde cuándo integra el EDT.")] = None
    hasta: Annotated[
        Fecha | None, Field(description="Hasta cuándo lo integró; vacío si sigue.")
    ] = None
    nucleo: Annotated[
        Id | None,
        Field(
            description="Para el asiento de la sociedad civil: el id del integrante de nucleo.yaml "
            "al que representa (debe ser su representante, GA202).",
            examples=["osc-1"],
        ),
    ] = None


class Reglas(Modelo):
    """Las reglas de funcionamiento del EDT (sus lineamientos)."""

    periodicidad_dias: Annotated[
        Annotated[int, Entero] | None,
        REQUERIDO,
        Field(
            description="Cada cuántos días sesiona; al menos cada seis meses (GA204).",
            examples=[90],
        ),
    ] = None
    quorum: Annotated[
        str | int | None,
        Field(
            description="Quórum para sesionar: un número de integrantes, o un texto («los tres "
            "sectores») que se lee como la mayoría de quienes integran cada sector (GA314).",
            examples=[3, "los tres sectores"],
        ),
    ] = None
    decisiones: Annotated[
        Annotated[Literal["consenso", "mayoria"], Opcion] | None,
        Field(description="Cómo decide: por consenso (recomendado; GA203 avisa con mayoria)."),
    ] = None
    publicacion_minutas: Annotated[
        Booleano | None, Field(description="«sí» si las minutas se publican.")
    ] = None


class VinculacionOsi(Modelo):
    """El vínculo con el órgano de la Agenda 2030 (recomendación O8)."""

    institucion: Annotated[
        str | None, REQUERIDO, Field(description="El OSI con el que se vincula el EDT.")
    ] = None
    fecha: Annotated[Fecha | None, Field(description="Fecha del acuerdo o contacto.")] = None
    descripcion: Annotated[str | None, Field(description="En qué consiste el vínculo.")] = None
    sesion: Annotated[
        Id | None,
        Field(
            description="La sesión del EDT en que se acordó el vínculo (el nombre de su archivo "
            "en sesiones/, sin .yaml); evidencia del puente para la recomendación O8.",
            examples=["2025-04-30-plan"],
        ),
    ] = None
    url: Annotated[
        Url | None,
        Field(
            description="Dónde está publicado el convenio, acuerdo u oficio que formaliza el "
            "vínculo; evidencia del puente para la recomendación O8."
        ),
    ] = None


class Espacio(Archivo):
    instalacion: Annotated[
        Instalacion | None,
        REQUERIDO,
        Field(description="El acta de instalación y los lineamientos."),
    ] = None
    integrantes: Annotated[
        Lista[IntegranteEspacio],
        REQUERIDO,
        Field(
            description="Las personas titulares, una por sector; las que dejan el cargo se "
            "conservan con `hasta`."
        ),
    ] = []
    reglas: Annotated[
        Reglas | None,
        REQUERIDO,
        Field(description="Periodicidad, quórum, cómo se decide y si se publican las minutas."),
    ] = None
    vinculacion_osi: Annotated[
        VinculacionOsi | None,
        Field(
            description="Vínculo con el Órgano de Seguimiento e Instrumentación de la Agenda 2030."
        ),
    ] = None
