"""`evaluacion.yaml`: la evaluación final de cada compromiso con las escalas del IRM de OGP."""

from typing import Annotated, Literal

from caja_ga.modelos.base import REQUERIDO, Archivo, Fecha, Id, Modelo, Opcion, Url

Cumplimiento = Literal["sin_evidencia", "no_iniciado", "limitado", "sustancial", "completo"]
AbrioGobierno = Literal["empeoro", "sin_cambio", "marginal", "mayor", "sobresaliente"]


class Evaluador(Modelo):
    tipo: Annotated[Annotated[Literal["edt", "externo"], Opcion] | None, REQUERIDO] = None
    nombre: Annotated[str | None, REQUERIDO] = None


class EvaluacionCompromiso(Modelo):
    id: Id
    cumplimiento: Annotated[Annotated[Cumplimiento, Opcion] | None, REQUERIDO] = None
    abrio_gobierno: Annotated[Annotated[AbrioGobierno, Opcion] | None, REQUERIDO] = None
    justificacion: Annotated[str | None, REQUERIDO] = None
    lecciones: str | None = None


class Evaluacion(Archivo):
    fecha: Annotated[Fecha | None, REQUERIDO] = None
    evaluador: Annotated[Evaluador | None, REQUERIDO] = None
    url: Url | None = None
    compromisos: Annotated[list[EvaluacionCompromiso], REQUERIDO] = []
