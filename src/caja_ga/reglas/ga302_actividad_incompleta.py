"""Una actividad no tiene fechas, responsables o medio de verificación.

Cada actividad de un compromiso necesita un periodo de cumplimiento (`inicio` y `fin`), quién
la realiza (`responsables`) y cómo se comprobará que se hizo (`medio_verificacion`): sin eso no
se puede dar seguimiento ni juzgar si el compromiso es verificable. Es error cuando la fase `plan`
ya se cumplió, aviso mientras el plan se escribe y no se revisa en fases anteriores.

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
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import actividades
from caja_ga.vacio import vacio

# Campo que falta → cómo completarlo.
_PISTAS = {
    "inicio": "escribe en «inicio» la fecha en que empieza (AAAA-MM-DD)",
    "fin": "escribe en «fin» la fecha en que debe terminar (AAAA-MM-DD)",
    "responsables": "agrega en «responsables» al menos un área o persona",
    "medio_verificacion": "escribe en «medio_verificacion» cómo se comprobará que se hizo",
}


@regla("GA302", "actividad-incompleta", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, actividad in actividades(ctx):
        for campo, pista in _PISTAS.items():
            if vacio(getattr(actividad, campo)):
                yield Hallazgo(
                    f"La actividad «{actividad.id}» no tiene «{campo}»; {pista}.",
                    doc,
                    (*ruta, campo),
                    en_clave=True,
                )
