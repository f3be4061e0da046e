"""La fase declarada en `proceso.yaml` no concuerda con las fechas del plan de acción.

La fase decide qué se exige (formato §1), así que una fase atrasada o adelantada cambia lo que
valida la herramienta. Se avisa en dos casos, a la fecha de corte:

- el periodo del plan ya empezó y la fase sigue en `plan` o antes: si ya se implementa, los
  reportes de avance (GA404) y lo exigible del plan no se revisan como corresponde;
- la fase es `evaluacion`, al plan le quedan más días que el umbral
  `max_dias_plan_al_evaluar` (90 por omisión) y su avance reportado (el cálculo publicado)
  es menor que el umbral `min_avance_al_evaluar` (80 % por omisión): la evaluación final se
  adelanta a un plan que sigue en curso.

Incorrecto (con fecha de corte 2026-06-30 y un plan que empezó el 2025-05-01):

    fase: plan

Correcto:

    fase: implementacion
"""

from collections.abc import Iterator

from caja_ga.avance import porcentaje
from caja_ga.modelos.base import Periodo
from caja_ga.modelos.plan import Plan
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import indice_fase
from caja_ga.redaccion import cantidad
from caja_ga.reglas import Contexto, Umbral, regla

_DIAS_PENDIENTES = Umbral(
    "max_dias_plan_al_evaluar",
    90,
    "Días que aún le quedan al plan a partir de los cuales la fase «evaluacion» se adelanta "
    "(si además el avance es menor que min_avance_al_evaluar).",
)
_AVANCE_MINIMO = Umbral(
    "min_avance_al_evaluar",
    80,
    "Avance del plan (porcentaje) por debajo del cual la fase «evaluacion» se adelanta (si "
    "además al plan le quedan más de max_dias_plan_al_evaluar días).",
)


@regla("GA104", "fase-contra-fechas", Severidad.AVISO, umbrales=(_DIAS_PENDIENTES, _AVANCE_MINIMO))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan, fase = ctx.vista.plan, ctx.carpeta.fase
    if plan is None or plan.periodo is None or fase is None:
        return
    if mensaje := _atrasada(ctx, plan.periodo, fase) or _adelantada(ctx, plan, plan.periodo, fase):
        yield Hallazgo(mensaje, ctx.carpeta.documentos["proceso"], ("fase",))


def _atrasada(ctx: Contexto, periodo: Periodo, fase: str) -> str | None:
    inicio = periodo.inicio
    if inicio is None or inicio > ctx.fecha_corte or indice_fase(fase) > indice_fase("plan"):
        return None
    return (
        f"El plan de acción empezó el «{inicio}» y la fase sigue en «{fase}»; si ya se "
        "implementa, cambia la fase a «implementacion»."
    )


def _adelantada(ctx: Contexto, plan: Plan, periodo: Periodo, fase: str) -> str | None:
    fin = periodo.fin
    if fin is None or fase != "evaluacion":
        return None
    dias = (fin - ctx.fecha_corte).days
    situacion = ctx.vista.calendario.plan
    avance = situacion.avance if situacion else 0.0
    if dias <= ctx.umbral(_DIAS_PENDIENTES) or avance >= ctx.umbral(_AVANCE_MINIMO):
        return None
    return (
        f"La fase es «evaluacion», pero el plan termina el «{fin}», dentro de "
        f"{cantidad(dias, 'día', 'días')}, y "
        f"su avance reportado es {porcentaje(avance)}; si el plan sigue en curso, regresa la "
        "fase a «implementacion» y agrega los reportes de avance que falten."
    )
