"""El Espacio de Diálogo Tripartita decide por mayoría y no por consenso.

En el EDT los tres sectores actúan como pares: ninguno puede imponerse a los otros. Con votación
por mayoría, dos sectores (por ejemplo, el gobierno y la autoridad garante) pueden decidir sin la
sociedad civil; los lineamientos recomendados piden decidir por consenso.

Incorrecto:

    reglas:
      periodicidad_dias: 90
      decisiones: mayoria

Correcto:

    reglas:
      periodicidad_dias: 90
      decisiones: consenso
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA203", "decisiones-por-mayoria", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    espacio = ctx.carpeta.espacio
    if espacio is None or espacio.reglas is None or espacio.reglas.decisiones != "mayoria":
        return
    yield Hallazgo(
        "El Espacio decide por «mayoria», así que dos sectores pueden imponerse al tercero; "
        "acuerden decidir por «consenso» y cámbialo en «decisiones».",
        ctx.carpeta.documentos["espacio"],
        ("reglas", "decisiones"),
    )
