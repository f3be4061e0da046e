"""Una actividad no tiene fechas, responsables o medio de verificación.

Cada actividad de un compromiso necesita un periodo de cumplimiento (`inicio` y `fin`), quién
la realiza (`responsables`) y cómo se comprobará que se hizo (`medio_verificacion`): sin eso no
se puede dar seguimiento ni juzgar si el compromiso es verificable. Es error cuando la fase `plan`
ya se cumplió, aviso mientras el plan se escribe y no se revisa en fases anteriores.

Un solo problema por actividad nombra todo lo que le falta, también su `descripcion` (que GA005 no
repite), y señala la actividad; si tampoco tiene `entregable`, el mismo problema lo recomienda
(GA307 lo pide solo a las actividades completas). Un campo escrito pero ilegible no falta: ya lo
señala GA004 o GA006.

Incorrecto:

    actividades:
      - id: c1-a1
        descripcion: Diseñar la ficha de obra con la sociedad civil.
        inicio: 2025-05-01

Correcto:

    actividades:
      - id: c1-a1
        descripcion: Diseñar la ficha de obra con la sociedad civil.
        inicio: 2025-05-01
        fin: 2025-08-31
        responsables: [Dirección de Obras Públicas]
        medio_verificacion: Minuta de la sesión del EDT
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.redaccion import enumerar
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import actividades
from caja_ga.reglas._faltantes import QUE_ACTIVIDAD, faltantes_de_actividad, le_falta
from caja_ga.vacio import vacio


@regla("GA302", "actividad-incompleta", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, actividad in actividades(ctx):
        if faltan := faltantes_de_actividad(doc, ruta, actividad):
            que = enumerar(QUE_ACTIVIDAD[campo] for campo in faltan)
            fechas = {1: " (la fecha como AAAA-MM-DD)", 2: " (las fechas como AAAA-MM-DD)"}.get(
                len({"inicio", "fin"} & set(faltan)), ""
            )
            # El entregable es una recomendación (GA307): se pide aquí, en el mismo problema.
            entregable = (
                "; conviene también un «entregable», el producto verificable que dejará"
                if vacio(actividad.entregable)
                else ""
            )
            yield Hallazgo(
                f"{le_falta(f'A la actividad «{actividad.id}»', faltan)}; escribe "
                f"{que}{fechas}{entregable}.",
                doc,
                (*ruta, faltan[0]),
                en_clave=True,
            )
