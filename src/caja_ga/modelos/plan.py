"""`plan.yaml`: el plan de acción y sus compromisos (metas, actividades, responsables)."""

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    Cantidad,
    CodigoODS,
    Entero,
    Fecha,
    Id,
    Lista,
    Modelo,
    Opcion,
    Periodo,
    Url,
)

Valor = Literal["transparencia", "participacion", "rendicion_cuentas", "innovacion", "inclusion"]
SectorCorresponsable = Literal[
    "gobierno_municipal",
    "autoridad_garante",
    "sociedad_civil",
    "academia",
    "sector_privado",
    "otro_gobierno",
]
Texto = str | list[str]


class Retirable(Modelo):
    """Lo que un retiro de `modificaciones` puede sacar del plan vigente: un compromiso o una
    actividad. `retirada` la pone solo la Vista al aplicar el retiro; en plan.yaml no se escribe
    (ni aparece en el esquema): un retiro se registra, con su motivo y su sesión."""

    retirada: Annotated[SkipJsonSchema[bool], Field(exclude=True)] = False

    @field_validator("retirada", mode="before")
    @classmethod
    def solo_la_vista(cls, valor: object) -> bool:
        raise PydanticCustomError(
            "retirada",
            "este campo no se escribe en plan.yaml: registra el retiro en «modificaciones», "
            "con la sesión del EDT que lo aprobó",
        )


class ProblemaPublico(Modelo):
    """El problema público del que parte el compromiso."""

    descripcion: Annotated[
        str | None,
        Field(description="Qué problema vive la población; su falta es un error (GA301)."),
    ] = None  # su falta la señala GA301
    causas: Annotated[Lista[str], Field(description="Sus causas principales.")] = []
    linea_base: Annotated[
        str | float | None,
        Field(
            description="Cómo está hoy, con un dato.",
            examples=["En 2025, 0 de 214 obras se publicaron en datos abiertos."],
        ),
    ] = None
    poblacion_afectada: Annotated[
        str | int | None, Field(description="A quién afecta (un texto o un número de personas).")
    ] = None
    grupos: Annotated[
        Lista[str],
        Field(
            description="Grupos en situación de vulnerabilidad afectados.",
            examples=[["mujeres", "personas_mayores"]],
        ),
    ] = []


class Indicador(Modelo):
    """Cómo se mide una meta: qué, desde dónde, hasta dónde y cuándo."""

    nombre: Annotated[
        str | None,
        Field(
            description="Qué se mide.",
            examples=["Porcentaje de obras publicadas con datos completos"],
        ),
    ] = None
    unidad: Annotated[
        str | None, Field(description="Unidad de medida.", examples=["porcentaje"])
    ] = None
    linea_base: Annotated[
        Annotated[float, Cantidad] | None, Field(description="Valor de partida.")
    ] = None
    valor_meta: Annotated[
        Annotated[float, Cantidad] | None, Field(description="Valor que se quiere alcanzar.")
    ] = None
    fecha_meta: Annotated[
        Fecha | None, Field(description="Cuándo se debe alcanzar, dentro del periodo del plan.")
    ] = None


class Meta(Modelo):
    """Un resultado verificable del compromiso."""

    id: Annotated[Id, Field(description="Identificador único de la meta.", examples=["c1-m1"])]
    descripcion: Annotated[str | None, REQUERIDO, Field(description="Qué se logrará.")] = None
    indicador: Annotated[
        Indicador | None,
        Field(description="Con nombre, valor meta y fecha la meta es verificable (GA306)."),
    ] = None
    medio_verificacion: Annotated[
        str | None, Field(description="Cómo se comprueba que se cumplió.")
    ] = None


class Actividad(Retirable):
    """Un hito del compromiso, con fechas, entregable y responsables."""

    id: Annotated[
        Id,
        Field(
            description="Identificador único de la actividad; lo citan los "
            "reportes de seguimiento.",
            examples=["c1-a1"],
        ),
    ]
    descripcion: Annotated[str | None, REQUERIDO, Field(description="Qué se hará.")] = None
    entregable: Annotated[
        str | None,
        Field(
            description="Lo que se entrega y se puede verificar (GA307).",
            examples=["Esquema de datos publicado"],
        ),
    ] = None
    inicio: Annotated[
        Fecha | None,
        Field(description="Cuándo empieza, dentro del periodo del plan (GA302, GA303)."),
    ] = None
    fin: Annotated[
        Fecha | None,
        Field(description="Cuándo termina, dentro del periodo del plan (GA302, GA303)."),
    ] = None
    responsables: Annotated[
        Lista[str],
        Field(
            description="Quiénes la llevan a cabo (GA302).",
            examples=[["Dirección de Obras Públicas"]],
        ),
    ] = []
    medio_verificacion: Annotated[
        str | None, Field(description="Cómo se comprueba que se hizo (GA302).")
    ] = None
    peso: Annotated[
        Annotated[float, Field(gt=0), Cantidad] | None,
        Field(
            description="Cuánto pesa en el avance de su compromiso, frente a las demás "
            "actividades (1 si no se dice); un número mayor que 0.",
            examples=[2],
        ),
    ] = None


class Lider(Modelo):
    """El área del ayuntamiento que encabeza el compromiso."""

    area: Annotated[
        str | None,
        REQUERIDO,
        Field(description="Área responsable.", examples=["Dirección de Obras Públicas"]),
    ] = None
    enlace: Annotated[str | None, Field(description="Persona de contacto en esa área.")] = None


class Corresponsable(Modelo):
    """Otro actor que comparte la responsabilidad del compromiso."""

    nombre: Annotated[
        str | None, REQUERIDO, Field(description="Nombre del área u organización.")
    ] = None
    sector: Annotated[
        Annotated[SectorCorresponsable, Opcion] | None,
        Field(
            description="gobierno_municipal, autoridad_garante, sociedad_civil, academia, "
            "sector_privado u otro_gobierno."
        ),
    ] = None


class Responsables(Modelo):
    """Quién encabeza el compromiso y con quién lo comparte."""

    lider: Annotated[
        Lider | None, REQUERIDO, Field(description="El área que encabeza el compromiso.")
    ] = None
    corresponsables: Annotated[
        Lista[Corresponsable],
        Field(description="La cocreación: incluye a la sociedad civil (GA308)."),
    ] = []


class VinculoPmd(Modelo):
    """Vínculo con el Plan Municipal de Desarrollo."""

    eje: Annotated[str | None, Field(description="Eje del PMD.")] = None
    objetivo: Annotated[str | None, Field(description="Objetivo del PMD.")] = None
    linea_accion: Annotated[
        str | None, Field(description="Línea de acción del PMD.", examples=["1.2.3"])
    ] = None


class EvaluacionPrevista(Modelo):
    """Cómo se evaluará el compromiso."""

    metodo: Annotated[
        str | None,
        REQUERIDO,
        Field(
            description="Método de evaluación.",
            examples=["Revisión del EDT con evidencia publicada"],
        ),
    ] = None
    fecha: Annotated[Fecha | None, Field(description="Cuándo se evaluará.")] = None
    responsable: Annotated[str | None, Field(description="Quién evaluará.")] = None


class Compromiso(Retirable):
    """Un compromiso del plan: de qué problema parte, qué logrará y cómo se verifica."""

    id: Annotated[Id, Field(description="Identificador único del compromiso.", examples=["c1"])]
    titulo: Annotated[
        str | None, REQUERIDO, Field(description="Nombre corto.", examples=["Obra pública abierta"])
    ] = None
    problema_publico: Annotated[
        ProblemaPublico | None, Field(description="El problema público del que parte (GA301).")
    ] = None
    objetivo: Annotated[str | None, Field(description="Qué busca cambiar (GA301).")] = None
    solucion: Annotated[str | None, Field(description="La solución propuesta.")] = None
    resultados_esperados: Annotated[
        Texto | None, Field(description="Qué resultados se esperan (un texto o una lista).")
    ] = None
    metas: Annotated[
        Lista[Meta], Field(description="Resultados verificables, con indicador (GA301, GA306).")
    ] = []
    actividades: Annotated[
        Lista[Actividad],
        Field(description="Los hitos, con fechas, entregable y responsables (GA301, GA302)."),
    ] = []
    responsables: Annotated[
        Responsables | None, REQUERIDO, Field(description="El área líder y los corresponsables.")
    ] = None
    valores: Annotated[
        Lista[Annotated[Valor, Opcion]],
        Field(
            description="Valores de gobierno abierto que impulsa: al menos uno de transparencia, "
            "participacion o rendicion_cuentas; innovacion e inclusion solo suman junto a ellos "
            "(GA304).",
            examples=[["transparencia", "participacion"]],
        ),
    ] = []
    ods: Annotated[
        Lista[CodigoODS],
        Field(
            description='Objetivos o metas ODS, ENTRE COMILLAS (sin ellas "16.10" se lee 16.1).',
            examples=[["16.6", "11.3"]],
        ),
    ] = []
    pmd: Annotated[
        Lista[VinculoPmd],
        Field(description="Vínculos con el Plan Municipal de Desarrollo (recomendación O9)."),
    ] = []
    presupuesto_mxn: Annotated[
        Annotated[float, Field(ge=0), Cantidad] | None,
        Field(description="Presupuesto, en pesos.", examples=[350000]),
    ] = None
    potencial: Annotated[
        Annotated[Literal["no_claro", "modesto", "sustancial"], Opcion] | None,
        Field(description="Potencial de resultados: no_claro, modesto o sustancial."),
    ] = None
    evaluacion: Annotated[
        EvaluacionPrevista | None, REQUERIDO, Field(description="Cómo se evaluará.")
    ] = None


class SeguimientoPlan(Modelo):
    """Cómo se reportará el avance del plan."""

    periodicidad_dias: Annotated[
        Annotated[int, Field(gt=0), Entero] | None,
        REQUERIDO,
        Field(description="Cada cuántos días se reporta el avance (GA404).", examples=[90]),
    ] = None
    responsable: Annotated[
        str | None, Field(description="Quién reporta.", examples=["Unidad de Transparencia"])
    ] = None
    url: Annotated[Url | None, Field(description="Dónde se publican los reportes de avance.")] = (
        None
    )


TipoModificacion = Literal["reprogramacion", "retiro", "cambio_meta", "otro"]
ValorModificado = Fecha | float | str


class Modificacion(Modelo):
    """Un cambio al plan aprobado, registrado en vez de sobrescribir el plan: así el retraso
    contra lo aprobado sigue a la vista (GA311–GA313)."""

    id: Annotated[
        Id | None, Field(description="Identificador de la modificación.", examples=["m1"])
    ] = None
    fecha: Annotated[
        Fecha | None,
        REQUERIDO,
        Field(description="Desde cuándo surte efecto; antes de esa fecha rige lo aprobado."),
    ] = None
    aprobado_en: Annotated[
        Id | None,
        REQUERIDO,
        Field(
            description="El id de la sesión del EDT, celebrada a más tardar en `fecha`, que "
            "aprobó el cambio (GA311).",
            examples=["2026-03-20-ordinaria"],
        ),
    ] = None
    tipo: Annotated[
        Annotated[TipoModificacion, Opcion] | None,
        REQUERIDO,
        Field(description="reprogramacion, retiro, cambio_meta u otro."),
    ] = None
    objetivo: Annotated[
        Id | None,
        REQUERIDO,
        Field(
            description="El id del compromiso, la actividad o la meta que cambia.",
            examples=["c1-a2"],
        ),
    ] = None
    campo: Annotated[
        str | None,
        Field(
            description="Qué cambia: inicio, fin, descripcion, entregable o medio_verificacion "
            "de una actividad; descripcion, medio_verificacion, linea_base, valor_meta o "
            "fecha_meta de una meta; no se escribe en un retiro (GA313).",
            examples=["fin"],
        ),
    ] = None
    valor_anterior: Annotated[
        ValorModificado | None,
        Field(
            description="El valor que tenía: el del plan aprobado o el de la modificación "
            "anterior del mismo campo (GA312)."
        ),
    ] = None
    valor_nuevo: Annotated[ValorModificado | None, Field(description="El valor que rige.")] = None
    motivo: Annotated[
        str | None, REQUERIDO, Field(description="Por qué se cambió, en palabras claras.")
    ] = None


class Plan(Archivo):
    periodo: Annotated[
        Periodo | None,
        REQUERIDO,
        Field(
            description=(
                "El periodo del plan: unos dos años (OGP Local), dentro del periodo de "
                "gobierno (GA309)."
            )
        ),
    ] = None
    aprobado_en: Annotated[
        Id | None,
        Field(
            description="El id de la sesión del EDT que lo aprobó: el nombre de su archivo en "
            "sesiones/, sin «.yaml» (GA310).",
            examples=["2025-04-30-plan"],
        ),
    ] = None
    objetivo_general: Annotated[
        str | None, REQUERIDO, Field(description="Qué cambiará para la población del municipio.")
    ] = None
    compromisos: Annotated[
        Lista[Compromiso],
        REQUERIDO,
        Field(description="Los compromisos; se recomiendan de 3 a 5 (GA305)."),
    ] = []
    seguimiento: Annotated[
        SeguimientoPlan | None, REQUERIDO, Field(description="Cómo se reportará el avance.")
    ] = None
    modificaciones: Annotated[
        Lista[Modificacion],
        Field(
            description="Los cambios al plan aprobado (reprogramaciones, retiros, cambios de "
            "meta), cada uno aprobado en sesión del EDT; el plan aprobado no se sobrescribe."
        ),
    ] = []
