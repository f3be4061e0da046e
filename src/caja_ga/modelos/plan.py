"""`plan.yaml`: el plan de acción y sus compromisos (metas, actividades, responsables)."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import (
    REQUERIDO,
    Archivo,
    CodigoODS,
    Fecha,
    Id,
    Lista,
    Modelo,
    Opcion,
    Periodo,
    Url,
)

Valor = Literal["transparencia", "participacion", "rendicion_cuentas", "innovacion", "inclusion"]
SectorCorresponsable = Literal["gobierno_municipal", "autoridad_garante", "sociedad_civil",
                               "academia", "sector_privado", "otro_gobierno"]
Texto = str | list[str]


class ProblemaPublico(Modelo):
    descripcion: str | None = None  # su falta la señala GA301
    causas: Lista[str] = []
    linea_base: str | float | None = None
    poblacion_afectada: str | int | None = None
    grupos: Lista[str] = []


class Indicador(Modelo):
    nombre: str | None = None
    unidad: str | None = None
    linea_base: float | None = None
    valor_meta: float | None = None
    fecha_meta: Fecha | None = None


class Meta(Modelo):
    id: Id
    descripcion: Annotated[str | None, REQUERIDO] = None
    indicador: Indicador | None = None
    medio_verificacion: str | None = None


class Actividad(Modelo):
    id: Id
    descripcion: Annotated[str | None, REQUERIDO] = None
    entregable: str | None = None
    inicio: Fecha | None = None
    fin: Fecha | None = None
    responsables: Lista[str] = []
    medio_verificacion: str | None = None


class Lider(Modelo):
    area: Annotated[str | None, REQUERIDO] = None
    enlace: str | None = None


class Corresponsable(Modelo):
    nombre: Annotated[str | None, REQUERIDO] = None
    sector: Annotated[SectorCorresponsable, Opcion] | None = None


class Responsables(Modelo):
    lider: Annotated[Lider | None, REQUERIDO] = None
    corresponsables: list[Corresponsable] = []


class VinculoPmd(Modelo):
    """Vínculo con el Plan Municipal de Desarrollo."""

    eje: str | None = None
    objetivo: str | None = None
    linea_accion: str | None = None


class EvaluacionPrevista(Modelo):
    metodo: Annotated[str | None, REQUERIDO] = None
    fecha: Fecha | None = None
    responsable: str | None = None


class Compromiso(Modelo):
    id: Id
    titulo: Annotated[str | None, REQUERIDO] = None
    problema_publico: ProblemaPublico | None = None
    objetivo: str | None = None
    solucion: str | None = None
    resultados_esperados: Texto | None = None
    metas: list[Meta] = []
    actividades: list[Actividad] = []
    responsables: Annotated[Responsables | None, REQUERIDO] = None
    valores: Lista[Annotated[Valor, Opcion]] = []
    ods: Lista[CodigoODS] = []
    pmd: list[VinculoPmd] = []
    presupuesto_mxn: Annotated[float | None, Field(ge=0)] = None
    potencial: Annotated[Literal["no_claro", "modesto", "sustancial"], Opcion] | None = None
    evaluacion: Annotated[EvaluacionPrevista | None, REQUERIDO] = None


class SeguimientoPlan(Modelo):
    periodicidad_dias: Annotated[int | None, Field(gt=0), REQUERIDO] = None
    responsable: str | None = None
    url: Url | None = None


class Plan(Archivo):
    periodo: Annotated[Periodo | None, REQUERIDO] = None
    aprobado_en: Id | None = None
    objetivo_general: Annotated[str | None, REQUERIDO] = None
    compromisos: Annotated[list[Compromiso], REQUERIDO] = []
    seguimiento: Annotated[SeguimientoPlan | None, REQUERIDO] = None
