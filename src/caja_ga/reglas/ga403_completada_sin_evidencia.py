"""Una actividad se reporta completada sin ninguna evidencia.

Los reportes de avance se publican para que la ciudadanía y el Espacio de Diálogo Tripartita
puedan comprobarlos: una actividad terminada debe señalar su entregable o su medio de
verificación, con una liga (`url`) o al menos una `descripcion`. La evidencia dada para esa
actividad en este reporte o en uno anterior basta; no hace falta repetirla en cada reporte.

Incorrecto:

    actividades:
      - id: c1-a1
        estado: completada
        avance: 100

Correcto:

    actividades:
      - id: c1-a1
        estado: completada
        avance: 100
        evidencias:
          - descripcion: Minuta con la ficha aprobada
            url: https://www.zapopan.gob.mx/ga/minuta-2025-08-20.pdf
"""

from collections.abc import Iterator

from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._seguimiento import entradas
from caja_ga.vacio import vacio


@regla("GA403", "completada-sin-evidencia", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    con_evidencia: set[str] = set()
    for doc, ruta, actividad in entradas(ctx):
        if _tiene_evidencia(actividad):
            con_evidencia.add(actividad.id)
        if actividad.estado == "completada" and actividad.id not in con_evidencia:
            donde = (*ruta, "evidencias") if actividad.evidencias else ruta
            yield Hallazgo(
                f"La actividad «{actividad.id}» se reporta «completada» sin evidencia; "
                "agrega en «evidencias» al menos una con «url» o «descripcion» (por "
                "ejemplo, la liga al entregable o a la minuta).",
                doc,
                donde,
            )


def _tiene_evidencia(actividad: AvanceActividad) -> bool:
    return any(
        not vacio(evidencia.url) or not vacio(evidencia.descripcion)
        for evidencia in actividad.evidencias
    )
