"""`nucleo.yaml`: Núcleo de Sociedad Civil — convocatoria, integrantes y representante."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Booleano,
    Correo,
    Entero,
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
    """La convocatoria abierta y plural con la que se formó el Núcleo."""

    fecha_publicacion: Annotated[
        Fecha | None, REQUERIDO, Field(description="Cuándo se publicó.")
    ] = None
    fecha_cierre: Annotated[
        Fecha | None,
        REQUERIDO,
        Field(description="Cuándo cerró; al menos 14 días después de publicarse (GA206)."),
    ] = None
    medios: Annotated[
        Lista[str],
        Field(description="Por dónde se difundió.", examples=[["portal municipal", "radio local"]]),
    ] = []
    url: Annotated[Url | None, Field(description="Dónde está publicada.")] = None


class IntegranteNucleo(Modelo):
    """Una persona, organización o colectivo del municipio que integra el Núcleo."""

    id: Annotated[Id, Field(description="Identificador único del integrante.", examples=["osc-1"])]
    tipo: Annotated[
        Annotated[TipoIntegrante, Opcion] | None,
        REQUERIDO,
        Field(
            description="osc, colectivo, academia, persona o sector_privado; no personas "
            "servidoras públicas."
        ),
    ] = None
    nombre: Annotated[
        str | None, REQUERIDO, Field(description="Nombre de la persona u organización.")
    ] = None
    temas: Annotated[Lista[str], Field(description="Los temas que trabaja.")] = []
    territorio: Annotated[
        str | None, Field(description="Colonia, localidad o zona donde trabaja.")
    ] = None
    grupos: Annotated[
        Lista[GrupoVulnerable],
        Field(
            description="Grupos en situación de vulnerabilidad que representa (recomendación O2)."
        ),
    ] = []
    correo: Annotated[
        Correo | None,
        Field(description="Correo; dato personal: solo se publica con `contacto_publico: sí`."),
    ] = None
    telefono: Annotated[
        Telefono | None,
        Field(
            description="Teléfono, entre comillas; dato personal: solo se publica con "
            "`contacto_publico: sí`."
        ),
    ] = None
    contacto_publico: Annotated[
        Booleano,
        Field(
            description="«sí» solo con el consentimiento de la persona para publicar su contacto."
        ),
    ] = False
    servidor_publico: Annotated[
        Booleano,
        Field(
            description="«sí» si es una persona servidora pública (de cualquier orden de "
            "gobierno, o de la autoridad garante) o la organización pertenece a un gobierno; el "
            "Núcleo es de la sociedad civil y no debe tenerlas (GA213)."
        ),
    ] = False
    consentimiento_datos_sensibles: Annotated[
        Booleano,
        Field(
            description="Solo para `tipo: persona`: «sí» si la persona consintió por escrito que "
            "se publiquen sus `grupos` y su `territorio` (datos personales sensibles); sin eso, "
            "ningún reporte ni dato abierto los muestra."
        ),
    ] = False


class Representante(Modelo):
    """Quién representa al Núcleo en el Espacio de Diálogo Tripartita."""

    integrante: Annotated[
        Id | None, REQUERIDO, Field(description="El id del integrante elegido.", examples=["osc-1"])
    ] = None
    metodo: Annotated[
        Annotated[Literal["consenso", "votacion", "sorteo"], Opcion] | None,
        Field(description="Cómo se eligió: consenso, votacion o sorteo."),
    ] = None
    fecha: Annotated[
        Fecha | None,
        Field(description="Cuándo se eligió; después del cierre de la convocatoria (GA210)."),
    ] = None
    periodo_meses: Annotated[
        Annotated[int, Entero] | None,
        Field(
            description="Por cuántos meses; al terminar, se registra la nueva elección (GA211).",
            examples=[12],
        ),
    ] = None


class Nucleo(Archivo):
    convocatoria: Annotated[
        Convocatoria | None,
        REQUERIDO,
        Field(description="La convocatoria con la que se formó el Núcleo."),
    ] = None
    integrantes: Annotated[
        Lista[IntegranteNucleo],
        REQUERIDO,
        Field(description="Quienes lo integran; se recomiendan al menos 3 (GA206)."),
    ] = []
    representante: Annotated[
        Representante | None,
        REQUERIDO,
        Field(description="Su representante en el Espacio de Diálogo Tripartita."),
    ] = None
