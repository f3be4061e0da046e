"""`agenda2030.yaml`: la lista de verificación O1–O9 de la Agenda 2030."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import Archivo, Lista, Modelo, Opcion, OpcionSiNo, Referencia

Cumple = Literal["si", "parcial", "no", "no_aplica"]
CodigoO = Literal["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9"]


class Recomendacion(Modelo):
    """Una de las nueve recomendaciones y cómo la cumple el proceso."""

    id: Annotated[CodigoO, Opcion, Field(description="La recomendación, de O1 a O9.")]
    cumple: Annotated[
        Annotated[Cumple, OpcionSiNo] | None,
        Field(
            description="si, parcial, no o no_aplica (verdadero y falso, o true y false, valen "
            "como si y no); parcial, no y no_aplica piden evidencia (GA502)."
        ),
    ] = None
    evidencia: Annotated[str | None, Field(description="Qué se hizo, o por qué no aplica.")] = None
    referencias: Annotated[
        Lista[Referencia],
        Field(
            description="Ids de sesiones, compromisos, metas, actividades o acuerdos que lo "
            "muestran; un acuerdo se cita como SESION/ACUERDO.",
            examples=[["2025-10-20-ordinaria", "c1", "2025-10-20-ordinaria/a1"]],
        ),
    ] = []


class Agenda2030(Archivo):
    recomendaciones: Annotated[
        Lista[Recomendacion],
        Field(description="Las recomendaciones O1 a O9, una entrada por cada una."),
    ] = []
