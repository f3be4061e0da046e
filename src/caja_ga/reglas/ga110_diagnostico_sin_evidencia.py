"""Un reactivo del diagnóstico tiene puntaje pero no evidencia, o una dimensión no tiene reactivos.

El diagnóstico de capacidades es orientativo, no una auditoría, pero cada puntaje (0, 0.5 o 1)
debe poder explicarse: la evidencia dice en qué se basa (un portal, un reglamento, un informe) y
permite repetir la medición al cerrar el ciclo. Una dimensión sin reactivos (transparencia,
participación, rendición de cuentas, marco normativo o innovación) deja un área sin diagnosticar.

Incorrecto:

    dimensiones:
      - id: participacion
        items:
          - id: p1
            pregunta: ¿Existen mecanismos de participación ciudadana reglamentados?
            valor: 0.5

Correcto:

    dimensiones:
      - id: participacion
        items:
          - id: p1
            pregunta: ¿Existen mecanismos de participación ciudadana reglamentados?
            valor: 0.5
            evidencia: Reglamento de participación de 2019, sin presupuesto asignado.
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA110", "diagnostico-sin-evidencia", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    diagnostico = ctx.carpeta.diagnostico
    if diagnostico is None:
        return
    doc = ctx.carpeta.documentos["diagnostico"]
    for i, dimension in enumerate(diagnostico.dimensiones):
        if not dimension.items:
            yield Hallazgo(
                f"La dimensión «{dimension.id}» del diagnóstico no tiene reactivos; agrega en "
                "«items» al menos una pregunta con su puntaje y evidencia.",
                doc,
                ("dimensiones", i, "items"),
            )
        for j, item in enumerate(dimension.items):
            if item.valor is not None and not (item.evidencia or "").strip():
                yield Hallazgo(
                    f"El reactivo «{item.id}» tiene puntaje «{item.valor:g}» pero no dice en qué "
                    "se basa; anota en «evidencia» el documento, portal o dato que lo respalda.",
                    doc,
                    ("dimensiones", i, "items", j, "evidencia"),
                )
