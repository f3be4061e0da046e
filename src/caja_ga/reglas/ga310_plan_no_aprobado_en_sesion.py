"""El plan no indica la sesión del Espacio de Diálogo, anterior a su inicio, que lo aprobó.

El plan de acción lo aprueba el Espacio de Diálogo Tripartita en una de sus sesiones, antes de
empezar a cumplirlo. `aprobado_en` es el id de esa sesión (el nombre de su archivo en
`sesiones/`, sin `.yaml`): debe ser una sesión del EDT (`organo: edt`, no del Núcleo) con fecha
igual o anterior a `periodo.inicio`. Es error cuando la fase `plan` ya se cumplió, aviso mientras
el plan se escribe y no se revisa en fases anteriores.

Incorrecto (la sesión `2025-06-10-nucleo` es del Núcleo y posterior al inicio):

    periodo:
      inicio: 2025-05-01
      fin: 2027-04-30
    aprobado_en: 2025-06-10-nucleo

Correcto (`sesiones/2025-04-30-plan.yaml` tiene `organo: edt` y `fecha: 2025-04-30`):

    periodo:
      inicio: 2025-05-01
      fin: 2027-04-30
    aprobado_en: 2025-04-30-plan
"""

from collections.abc import Iterator

from caja_ga.modelos.plan import Plan
from caja_ga.modelos.sesion import Sesion
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA310", "plan-no-aprobado-en-sesion", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan = ctx.carpeta.plan
    if plan is None:
        return
    doc = ctx.carpeta.documentos["plan"]
    if plan.aprobado_en is None:
        yield Hallazgo(
            "El plan no dice en qué sesión del Espacio de Diálogo se aprobó; escribe en "
            "«aprobado_en» el id de esa sesión (el nombre de su archivo en sesiones/, "
            "sin .yaml).",
            doc,
            ("aprobado_en",),
            en_clave=True,
        )
        return
    # Un id que no existe lo reporta GA009; una sesión ilegible, las reglas de estructura.
    sesion = next(
        (leida.sesion for leida in ctx.vista.sesiones if leida.id == plan.aprobado_en),
        None,
    )
    if sesion is not None:
        yield from _revisar_sesion(plan, plan.aprobado_en, sesion, ctx)


def _revisar_sesion(
    plan: Plan, id_sesion: str, sesion: Sesion, ctx: Contexto
) -> Iterator[Hallazgo]:
    doc = ctx.carpeta.documentos["plan"]
    if sesion.organo == "nucleo":
        yield Hallazgo(
            f"La sesión «{id_sesion}» es del Núcleo de Sociedad Civil, pero el plan lo "
            "aprueba el Espacio de Diálogo Tripartita; indica en «aprobado_en» la "
            "sesión del EDT en que se aprobó.",
            doc,
            ("aprobado_en",),
        )
    inicio = plan.periodo.inicio if plan.periodo else None
    if sesion.fecha is not None and inicio is not None and sesion.fecha > inicio:
        yield Hallazgo(
            f"La sesión «{id_sesion}» es del «{sesion.fecha}», después de que empieza "
            f"el plan («{inicio}»); el plan se aprueba antes de empezar: revisa "
            "«aprobado_en» o «periodo.inicio».",
            doc,
            ("aprobado_en",),
        )
