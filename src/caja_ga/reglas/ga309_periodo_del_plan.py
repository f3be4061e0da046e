"""El periodo del plan es demasiado largo o termina después del gobierno municipal.

Un plan de acción debe ser factible: los planes de OGP Local (Alianza para el Gobierno Abierto)
duran unos dos años, plazo que retoma la metodología (el máximo se cambia con el umbral
`max_meses_plan` de `.caja-ga.yaml`), y un plan que rebasa el periodo de gobierno compromete a una
administración que no lo aprobó.

Incorrecto (el gobierno termina el 2027-09-30):

    periodo:
      inicio: 2025-05-01
      fin: 2028-04-30

Correcto:

    periodo:
      inicio: 2025-05-01
      fin: 2027-04-30
"""

from collections.abc import Iterator

from caja_ga.calendario import sumar_meses
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Umbral, regla

_MESES = Umbral(
    "max_meses_plan",
    24,
    "Máximo de meses que dura el plan de acción (OGP Local: unos dos años).",
    1,
)


@regla("GA309", "periodo-del-plan", Severidad.AVISO, umbrales=(_MESES,))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan, proceso = ctx.carpeta.plan, ctx.carpeta.proceso
    if plan is None or plan.periodo is None or plan.periodo.fin is None:
        return
    inicio, fin = plan.periodo.inicio, plan.periodo.fin
    doc, meses = ctx.carpeta.documentos["plan"], ctx.umbral(_MESES)
    # Del 2025-05-01 al 2027-05-01 cuenta como dos años: se avisa a partir del día siguiente.
    if inicio is not None and inicio <= fin and fin > sumar_meses(inicio, meses):
        yield Hallazgo(
            f"El plan dura del «{inicio}» al «{fin}», más de {meses} meses (OGP Local pide "
            "planes de unos dos años); acórtalo a un periodo que se pueda cumplir o sube el "
            "umbral «max_meses_plan» en .caja-ga.yaml.",
            doc,
            ("periodo",),
            en_clave=True,
        )
    gobierno = proceso.periodo_gobierno if proceso else None
    if gobierno is not None and gobierno.fin is not None and fin > gobierno.fin:
        yield Hallazgo(
            f"El plan termina el «{fin}», después de que termina el periodo de "
            f"gobierno («{gobierno.fin}» en proceso.yaml); ajusta «periodo.fin» para "
            "que el plan lo cumpla esta administración.",
            doc,
            ("periodo", "fin"),
        )
