"""`evaluacion.yaml`: la evaluación final de cada compromiso con las escalas del IRM de OGP."""

from typing import Annotated, Literal

from pydantic import Field

from caja_ga.modelos.base import REQUERIDO, Archivo, Fecha, Id, Lista, Modelo, Opcion, Url
from caja_ga.modelos.seguimiento import MedicionIndicador

Cumplimiento = Literal["sin_evidencia", "no_iniciado", "limitado", "sustancial", "completo"]
AbrioGobierno = Literal["empeoro", "sin_cambio", "marginal", "mayor", "sobresaliente"]


class Evaluador(Modelo):
    """Quién evaluó."""

    tipo: Annotated[
        Annotated[Literal["edt", "externo"], Opcion] | None,
        REQUERIDO,
        Field(description="edt (el propio Espacio de Diálogo) o externo."),
    ] = None
    nombre: Annotated[
        str | None, REQUERIDO, Field(description="Nombre de la persona o institución evaluadora.")
    ] = None


class EvaluacionCompromiso(Modelo):
    """La evaluación de un compromiso del plan."""

    id: Annotated[Id, Field(description="El id del compromiso en plan.yaml.", examples=["c1"])]
    cumplimiento: Annotated[
        Annotated[Cumplimiento, Opcion] | None,
        REQUERIDO,
        Field(
            description="Qué tanto se cumplió: sin_evidencia, no_iniciado, limitado, sustancial o "
            "completo (debe concordar con el avance reportado, GA405)."
        ),
    ] = None
    abrio_gobierno: Annotated[
        Annotated[AbrioGobierno, Opcion] | None,
        REQUERIDO,
        Field(
            description="¿Abrió el gobierno?: empeoro, sin_cambio, marginal, mayor o sobresaliente."
        ),
    ] = None
    justificacion: Annotated[
        str | None, REQUERIDO, Field(description="Por qué se calificó así, con la evidencia.")
    ] = None
    lecciones: Annotated[str | None, Field(description="Lo aprendido para el siguiente plan.")] = (
        None
    )


class Evaluacion(Archivo):
    fecha: Annotated[Fecha | None, REQUERIDO, Field(description="Fecha de la evaluación.")] = None
    evaluador: Annotated[Evaluador | None, REQUERIDO, Field(description="Quién evaluó.")] = None
    url: Annotated[Url | None, Field(description="Dónde está publicada la evaluación.")] = None
    compromisos: Annotated[
        Lista[EvaluacionCompromiso],
        REQUERIDO,
        Field(description="Una entrada por compromiso del plan."),
    ] = []
    indicadores: Annotated[
        Lista[MedicionIndicador],
        Field(description="El valor medido del indicador de las metas al evaluar (opcional)."),
    ] = []
