"""No hay un reporte de avance reciente: el último es más viejo que la periodicidad del plan.

Durante la implementación el avance se reporta con la periodicidad que fija el plan
(`seguimiento.periodicidad_dias`; si no la fija, la del umbral `periodicidad_seguimiento_dias`) y
se revisa en el Espacio de Diálogo Tripartita. Se cuenta desde la fecha de corte del reporte más
reciente hasta la fecha de corte de la validación; si aún no hay ningún reporte, desde el inicio
del plan. Solo se revisa en la fase `implementacion`: en `evaluacion` ya no se esperan reportes.

Incorrecto (con fecha de corte 2026-06-30, el último reporte es de 2025-09-30):

    seguimiento:
      periodicidad_dias: 180

Correcto (hay un reporte en `seguimiento/` con fecha de corte de los últimos 180 días):

    fecha_corte: 2026-03-31
    actividades:
      - id: c1-a2
        estado: en_proceso
        avance: 40
"""

from collections.abc import Iterator

from caja_ga.modelos.plan import Plan
from caja_ga.modelos.seguimiento import Seguimiento
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Umbral, regla

# Sin periodicidad en el plan se espera un reporte por semestre.
_PERIODICIDAD = Umbral(
    "periodicidad_seguimiento_dias",
    180,
    "Días entre reportes de avance si plan.yaml no fija su periodicidad.",
    1,
)
_CARPETA = "en la carpeta «seguimiento/» (caja-ga nuevo seguimiento)."


@regla("GA404", "seguimiento-atrasado", Severidad.AVISO, umbrales=(_PERIODICIDAD,))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan = ctx.carpeta.plan
    if ctx.carpeta.fase != "implementacion" or plan is None:
        return
    periodicidad, origen = _periodicidad(ctx, plan)
    limite = f"más que los {periodicidad} días entre reportes {origen}"
    if reportes := ctx.vista.seguimientos:
        doc, ultimo = reportes[-1].documento, reportes[-1].seguimiento
        dias = (ctx.fecha_corte - ultimo.fecha_corte).days
        if dias > periodicidad:
            yield Hallazgo(
                f"El último reporte de avance tiene fecha de corte "
                f"«{ultimo.fecha_corte}», hace {dias} días, {limite}; agrega uno nuevo "
                f"{_CARPETA}",
                doc,
                ("fecha_corte",),
            )
        return
    if any(not isinstance(doc.modelo, Seguimiento) for doc in ctx.carpeta.seguimientos):
        return  # hay reportes que no se pudieron leer: otras reglas lo señalan
    inicio = plan.periodo.inicio if plan.periodo else None
    if inicio is None:
        situacion = "el proceso ya está en implementación"
    elif (dias := (ctx.fecha_corte - inicio).days) > periodicidad:
        situacion = f"el plan empezó el «{inicio}», hace {dias} días, {limite}"
    else:
        return
    yield Hallazgo(
        f"Aún no hay ningún reporte de avance y {situacion}; agrega el primero {_CARPETA}",
        ctx.carpeta.documentos["plan"],
        ("seguimiento",),
        en_clave=True,
    )


def _periodicidad(ctx: Contexto, plan: Plan) -> tuple[int, str]:
    """Los días entre reportes y de dónde salen, para el mensaje."""
    if plan.seguimiento and plan.seguimiento.periodicidad_dias:
        return plan.seguimiento.periodicidad_dias, "que fija el plan"
    return (
        ctx.umbral(_PERIODICIDAD),
        "que se esperan cuando plan.yaml no fija «seguimiento.periodicidad_dias»",
    )
