"""Una modificación al plan no se puede aplicar: tipo, objetivo, campo y valor no concuerdan.

Un retiro saca del plan vigente un compromiso o una actividad y no lleva `campo`; las demás
modificaciones dicen qué `campo` cambia y su `valor_nuevo`. Una actividad puede cambiar `inicio`,
`fin`, `descripcion`, `entregable` o `medio_verificacion`; una meta, `descripcion`,
`medio_verificacion`, `linea_base`, `valor_meta` o `fecha_meta`. Una reprogramación cambia una
fecha y un cambio de meta, una meta. Una modificación que no se puede aplicar no cambia el plan
vigente (un objetivo que no existe lo señala GA009).

Incorrecto (una reprogramación sin fecha nueva, sobre un campo de texto):

    modificaciones:
      - fecha: 2026-03-20
        aprobado_en: 2026-03-20-ordinaria
        tipo: reprogramacion
        objetivo: c1-a2
        campo: entregable
        motivo: La plataforma de datos se licitó tarde.

Correcto:

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

from caja_ga.modificaciones import incoherencia, nombre, objetivos
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA313", "modificacion-incoherente", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan = ctx.carpeta.plan
    if plan is None:
        return
    doc = ctx.carpeta.documentos["plan"]
    indice = objetivos(plan)
    for posicion, modificacion in enumerate(plan.modificaciones):
        clase, _ = indice.get(modificacion.objetivo or "", (None, None))
        if clase is None or modificacion.tipo is None:
            continue
        if (motivo := incoherencia(clase, modificacion)) is not None:
            yield Hallazgo(
                f"La modificación {nombre(posicion, modificacion)} del plan no se puede "
                f"aplicar a «{modificacion.objetivo}»: {motivo}.",
                doc,
                ("modificaciones", posicion),
            )
