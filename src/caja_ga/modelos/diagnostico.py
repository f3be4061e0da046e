"""`diagnostico.yaml`: revisión previa y diagnóstico de capacidades del municipio."""

from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from caja_ga.modelos.base import REQUERIDO, Archivo, Fecha, Id, Lista, Modelo, Opcion

DimensionId = Literal["transparencia", "participacion", "rendicion_cuentas", "marco_normativo",
                      "innovacion"]


def _puntaje(valor: Any) -> Any:
    if valor is None or (not isinstance(valor, bool) and valor in (0, 0.5, 1)):
        return valor
    raise PydanticCustomError(
        "puntaje", "el puntaje «{valor}» no es válido: usa 0 (no existe), 0.5 (parcial) o 1 "
        "(existe), o déjalo vacío si aún no se evalúa", {"valor": valor})


class Item(Modelo):
    id: Id
    pregunta: Annotated[str | None, REQUERIDO] = None
    valor: Annotated[float | None, BeforeValidator(_puntaje)] = None
    evidencia: str | None = None
    fuente: str | None = None


class Dimension(Modelo):
    id: Annotated[DimensionId, Opcion]
    items: list[Item] = []


class Capacidades(Modelo):
    personal_asignado: Annotated[int | None, Field(ge=0)] = None
    horas_semana: Annotated[float | None, Field(ge=0, le=168)] = None
    presupuesto_mxn: Annotated[float | None, Field(ge=0)] = None
    area_responsable: str | None = None


def _actor(valor: Any) -> Any:
    """`osi: true` vale como `osi: {presente: true}`."""
    return {"presente": valor} if isinstance(valor, bool) else valor


class Actor(Modelo):
    presente: Annotated[bool | None, REQUERIDO] = None
    nota: str | None = None


ActorPresente = Annotated[Actor | None, BeforeValidator(_actor)]


class Actores(Modelo):
    autoridad_garante: ActorPresente = Field(
        default=None, validation_alias=AliasChoices("autoridad_garante", "organo_garante"))
    sociedad_civil: ActorPresente = None
    osi: ActorPresente = None


Indice = Annotated[float | None, Field(ge=0, le=1)]


class Metrica(Modelo):
    """Subíndices de la Métrica de Gobierno Abierto (0 a 1)."""

    tg: Indice = None
    tc: Indice = None
    pg: Indice = None
    pc: Indice = None


class Diagnostico(Archivo):
    fecha: Annotated[Fecha | None, REQUERIDO] = None
    elaborado_por: Annotated[str | None, REQUERIDO] = None
    instrumento: str | None = None
    dimensiones: Annotated[list[Dimension], REQUERIDO] = []
    capacidades: Capacidades | None = None
    actores: Annotated[Actores | None, REQUERIDO] = None
    metrica: Metrica | None = None
    hallazgos: Lista[str] = []
    recomendaciones: Lista[str] = []
    decision_continuar: Annotated[bool | None, REQUERIDO] = None
