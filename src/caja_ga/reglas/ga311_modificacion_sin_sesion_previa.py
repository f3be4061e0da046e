"""Una modificación al plan no cita una sesión del EDT celebrada a más tardar el día en que rige.

Un cambio al plan (reprogramar, retirar, cambiar una meta) lo aprueba el Espacio de Diálogo
Tripartita, igual que el plan: `aprobado_en` es el id de esa sesión (el nombre de su archivo en
`sesiones/`, sin `.yaml`), que debe ser del EDT (`organo: edt`) y con fecha igual o anterior a la
`fecha` de la modificación: un cambio no surte efecto antes de aprobarse. Una sesión que no existe
la señala GA009.

Incorrecto (la sesión `2026-04-15-ordinaria` es posterior a la fecha en que surte efecto):

    modificaciones:
      - fecha: 2026-03-20
        aprobado_en: 2026-04-15-ordinaria
        tipo: reprogramacion
        objetivo: c1-a2
        campo: fin
        valor_anterior: 2026-03-31
        valor_nuevo: 2026-06-30
        motivo: La plataforma de datos se licitó tarde.

Correcto (`sesiones/2026-03-20-ordinaria.yaml` es del EDT y del mismo día):

    modificaciones:
      - fecha: 2026-03-20
        aprobado_en: 2026-03-20-ordinaria
        tipo: reprogramacion
        objetivo: c1-a2
        campo: fin
        valor_anterior: 2026-03-31
        valor_nuevo: 2026-06-30
        motivo: La plataforma de datos se licitó tarde.
"""

from collections.abc import Iterator

from caja_ga.modelos.sesion import Sesion
from caja_ga.modificaciones import nombre
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA311", "modificacion-sin-sesion-previa", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan = ctx.carpeta.plan
    if plan is None:
        return
    doc = ctx.carpeta.documentos["plan"]
    # Todas las sesiones legibles: una modificación posterior al corte cita su propia sesión.
    sesiones = {d.ruta.stem: d.modelo for d in ctx.carpeta.sesiones if isinstance(d.modelo, Sesion)}
    for posicion, modificacion in enumerate(plan.modificaciones):
        sesion = sesiones.get(modificacion.aprobado_en or "")
        if sesion is None:
            continue
        ruta = ("modificaciones", posicion, "aprobado_en")
        cual = f"La modificación {nombre(posicion, modificacion)} del plan"
        if sesion.organo == "nucleo":
            yield Hallazgo(
                f"{cual} cita la sesión «{modificacion.aprobado_en}», que es del Núcleo de "
                "Sociedad Civil; los cambios al plan los aprueba el Espacio de Diálogo "
                "Tripartita: indica en «aprobado_en» la sesión del EDT.",
                doc,
                ruta,
            )
        fecha = modificacion.fecha
        if sesion.fecha is not None and fecha is not None and sesion.fecha > fecha:
            yield Hallazgo(
                f"{cual} surte efecto el «{fecha}», antes de la sesión que la aprobó "
                f"(«{modificacion.aprobado_en}», del «{sesion.fecha}»); un cambio no rige "
                "antes de aprobarse: revisa «fecha» o «aprobado_en».",
                doc,
                ruta,
            )
