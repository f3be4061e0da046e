"""Una actividad ya pasó su fecha de fin y no se ha reportado como completada.

Cada actividad tiene un periodo de cumplimiento; durante la implementación, el Espacio de Diálogo
Tripartita da seguimiento a las que se retrasan. Es el estado de calendario «vencida» que publica
el reporte (calendario.py): pasó su `fin` vigente y su avance conocido, con el mismo cálculo del
avance publicado, no llega a 100 %; una actividad que ningún reporte menciona va en 0 %. Las
canceladas y las retiradas del plan no se señalan. El `fin` vigente es el del plan aprobado o el de
una reprogramación registrada en `modificaciones` que ya surtía efecto: una reprogramación no se
hace cambiando la fecha aprobada (eso borraría el retraso del registro público), sino
registrándola, aprobada en sesión del EDT. Solo se revisa en las fases `implementacion` y
`evaluacion`, con la fecha de corte de la validación.

Incorrecto (en plan.yaml; con fecha de corte 2026-06-30, el último reporte la deja en proceso):

    actividades:
      - id: c1-a1
        descripcion: Diseñar la ficha de obra con la sociedad civil.
        inicio: 2025-05-01
        fin: 2025-08-31

Correcto (un reporte de avance en `seguimiento/` la registra como terminada):

    fecha_corte: 2025-09-30
    actividades:
      - id: c1-a1
        estado: completada
        avance: 100

Correcto también (en plan.yaml, el EDT aprobó reprogramarla):

    modificaciones:
      - fecha: 2025-08-20
        aprobado_en: 2025-08-20-ordinaria
        tipo: reprogramacion
        objetivo: c1-a1
        campo: fin
        valor_anterior: 2025-08-31
        valor_nuevo: 2026-12-31
        motivo: La ficha se diseña junto con la nueva ley de obra pública.
"""

from collections.abc import Iterator

from caja_ga.avance import porcentaje
from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import actividades

_FASES = ("implementacion", "evaluacion")


@regla("GA402", "actividad-vencida", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    if ctx.carpeta.fase not in _FASES:
        return
    reportadas, situaciones = ctx.vista.ultimos_avances, ctx.vista.calendario.actividades
    for doc, ruta, actividad in actividades(ctx):
        situacion = situaciones.get(actividad.id)
        if situacion is None or situacion.estado != "vencida":
            continue
        ultimo = reportadas.get(actividad.id)
        if ultimo is not None and ultimo.estado == "completada":
            continue  # completada con menos de 100 %: lo dice GA401, que es lo que hay que corregir
        yield Hallazgo(
            f"La actividad «{actividad.id}» debía terminar el «{situacion.fin}» y "
            f"{_situacion(ultimo, situacion.avance)}; si ya terminó, regístrala como "
            "«completada» en un reporte de avance, y si se reprogramó, registra la "
            "reprogramación en «modificaciones», aprobada en sesión del EDT, sin cambiar la "
            "fecha aprobada.",
            doc,
            (*ruta, "fin"),
        )


def _situacion(ultimo: AvanceActividad | None, avance: float) -> str:
    if ultimo is None:
        return "ningún reporte de avance la menciona"
    if ultimo.estado is None:
        return f"su último reporte de avance no dice su estado y lleva {porcentaje(avance)}"
    return f"su último reporte de avance la deja «{ultimo.estado}» con {porcentaje(avance)}"
