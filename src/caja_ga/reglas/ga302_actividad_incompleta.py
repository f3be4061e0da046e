"""Una actividad no tiene fechas, responsables o medio de verificación.

Cada actividad de un compromiso necesita un periodo de cumplimiento (`inicio` y `fin`), quién
la realiza (`responsables`) y cómo se comprobará que se hizo (`medio_verificacion`): sin eso no
se puede dar seguimiento ni juzgar si el compromiso es verificable. Es error cuando la fase `plan`
ya se cumplió, aviso mientras el plan se escribe y no se revisa en fases anteriores.

Un solo problema por actividad nombra todo lo que le falta, también su `descripcion` (que GA005 no
repite), y señala la actividad. El `entregable` lo pide aparte GA307, un aviso. Un campo escrito
pero ilegible no falta: ya lo señala GA004 o GA006.

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

from caja_ga.modelos.plan import Actividad
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import actividades
from caja_ga.reglas._faltantes import faltantes, le_falta, requeridos
from caja_ga.senales_agenda2030 import enumerar

# Campo que falta → qué escribir en él.
_QUE = {
    "descripcion": "qué se hará",
    "inicio": "cuándo empieza",
    "fin": "cuándo termina",
    "responsables": "quién la realiza",
    "medio_verificacion": "cómo se comprobará que se hizo",
}


@regla("GA302", "actividad-incompleta", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    campos = {*requeridos(Actividad), *_QUE}
    for doc, ruta, actividad in actividades(ctx):
        if faltan := faltantes(doc, ruta, actividad, campos):
            que = enumerar(_QUE[campo] for campo in faltan)
            fechas = {1: " (la fecha como AAAA-MM-DD)", 2: " (las fechas como AAAA-MM-DD)"}.get(
                len({"inicio", "fin"} & set(faltan)), ""
            )
            yield Hallazgo(
                f"{le_falta(f'A la actividad «{actividad.id}»', faltan)}; escribe {que}{fechas}.",
                doc,
                (*ruta, faltan[0]),
                en_clave=True,
            )
