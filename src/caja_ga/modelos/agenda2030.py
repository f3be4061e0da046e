"""`agenda2030.yaml`: la lista de verificación O1–O9 de la Agenda 2030."""

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from caja_ga.modelos.base import Archivo, Id, Lista, Modelo, Tambien
from caja_ga.opciones import normalizar_opcion

Cumple = Literal["si", "parcial", "no", "no_aplica"]
CodigoO = Literal["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9"]


def _cumple(valor: Any) -> Any:
    """`true`/`false` valen como `si`/`no`; «Sí» y «No aplica» también."""
    if isinstance(valor, bool):
        return "si" if valor else "no"
    return normalizar_opcion(valor)


def _codigo(valor: Any) -> Any:
    return valor.strip().upper() if isinstance(valor, str) else valor


class Recomendacion(Modelo):
    """Una de las nueve recomendaciones y cómo la cumple el proceso."""

    id: Annotated[
        CodigoO, BeforeValidator(_codigo), Field(description="La recomendación, de O1 a O9.")
    ]
    cumple: Annotated[
        Cumple | None,
        BeforeValidator(_cumple),
        Tambien({"type": "boolean"}),
        Field(
            description="si, parcial, no o no_aplica (true y false valen como "
            "si y no); parcial, no y no_aplica piden evidencia (GA502)."
        ),
    ] = None
    evidencia: Annotated[str | None, Field(description="Qué se hizo, o por qué no aplica.")] = None
    referencias: Annotated[
        Lista[Id],
        Field(
            description="Ids de sesiones o compromisos que lo muestran.",
            examples=[["2025-10-20-ordinaria", "c1"]],
        ),
    ] = []


class Agenda2030(Archivo):
    recomendaciones: Annotated[
        list[Recomendacion],
        Field(description="Las recomendaciones O1 a O9, una entrada por cada una."),
    ] = []
