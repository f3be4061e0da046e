"""El plan tiene más compromisos de los recomendados.

Un plan de acción municipal debe ser factible en su periodo: la Alianza para el Gobierno Abierto
(OGP Local) recomienda pocos compromisos, de 3 a 5, bien hechos. El máximo se cambia en
`.caja-ga.yaml` con el umbral `max_compromisos` si el Espacio de Diálogo decidió más.

Incorrecto (con el máximo de 5):

    compromisos:
      - id: c1
      - id: c2
      - id: c3
      - id: c4
      - id: c5
      - id: c6

Correcto:

    compromisos:
      - id: c1
      - id: c2
      - id: c3
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Umbral, regla

_MAXIMO = Umbral("max_compromisos", 5, "Máximo de compromisos del plan de acción.")


@regla("GA305", "demasiados-compromisos", Severidad.AVISO, umbrales=(_MAXIMO,))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan, maximo = ctx.carpeta.plan, ctx.umbral(_MAXIMO)
    if plan is None or len(plan.compromisos) <= maximo:
        return
    yield Hallazgo(
        f"El plan tiene {len(plan.compromisos)} compromisos y se recomiendan {maximo} "
        "como máximo; concentra el esfuerzo en menos compromisos, o sube el umbral "
        "«max_compromisos» en .caja-ga.yaml si el Espacio de Diálogo así lo decidió.",
        ctx.carpeta.documentos["plan"],
        ("compromisos",),
        en_clave=True,
    )
