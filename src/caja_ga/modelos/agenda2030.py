"""`agenda2030.yaml`: la lista de verificación O1–O9 de la Agenda 2030."""

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from caja_ga.modelos.base import Archivo, Id, Lista, Modelo, normalizar_opcion

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
    id: Annotated[CodigoO, BeforeValidator(_codigo)]
    cumple: Annotated[Cumple | None, BeforeValidator(_cumple)] = None
    evidencia: str | None = None
    referencias: Lista[Id] = []


class Agenda2030(Archivo):
    recomendaciones: list[Recomendacion] = []
