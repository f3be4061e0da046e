"""Falta una recomendación O1–O9 en agenda2030.yaml, o una que no se cumple no explica por qué.

La Caja de Herramientas propone nueve prácticas (O1–O9) para llevar el enfoque de la Agenda 2030
al ejercicio de gobierno abierto. Cada municipio las adapta: no cumplir una no es un error, pero
la lista debe responderlas todas, y cuando una se cumple a medias (`parcial`), no se cumple (`no`)
o no aplica (`no_aplica`), la `evidencia` explica qué falta o por qué.

Incorrecto (faltan O3 a O9):

    recomendaciones:
      - id: O1
        cumple: si
        evidencia: Campaña de difusión en el portal.
      - id: O2
        cumple: no

Correcto:

    recomendaciones:
      - id: O1
        cumple: si
        evidencia: Campaña de difusión en el portal.
      - id: O2
        cumple: no
        evidencia: El Núcleo aún no incluye grupos en situación de vulnerabilidad; se hará una
          convocatoria dirigida en 2026.
      # … y así hasta O9
"""

from collections.abc import Iterator

from caja_ga.catalogos import recomendaciones_agenda2030
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import indice_fase
from caja_ga.redaccion import enumerar
from caja_ga.reglas import Contexto, regla
from caja_ga.vacio import vacio

_SIN_CUMPLIR = ("parcial", "no", "no_aplica")


@regla("GA502", "recomendacion-agenda2030", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    agenda = ctx.carpeta.agenda2030
    fase = ctx.carpeta.fase
    # Antes de la fase del plan la lista es un borrador: no se le exige nada todavía.
    if agenda is None or fase is None or indice_fase(fase) < indice_fase("plan"):
        return
    doc = ctx.carpeta.documentos["agenda2030"]
    presentes = {recomendacion.id for recomendacion in agenda.recomendaciones}
    faltan = [codigo for codigo in recomendaciones_agenda2030() if codigo not in presentes]
    if faltan:
        cuales = enumerar(f"«{codigo}»" for codigo in faltan)
        que, agrega = (
            ("Faltan las recomendaciones", "agrega cada una")
            if len(faltan) > 1
            else ("Falta la recomendación", "agrégala")
        )
        yield Hallazgo(
            f"{que} {cuales} de la Agenda 2030 en «recomendaciones»; {agrega} con "
            "«cumple» (si, parcial, no o no_aplica) y su «evidencia».",
            doc,
            ("recomendaciones",),
            en_clave=True,
        )
    for i, recomendacion in enumerate(agenda.recomendaciones):
        if recomendacion.cumple in _SIN_CUMPLIR and vacio(recomendacion.evidencia):
            yield Hallazgo(
                f"La recomendación «{recomendacion.id}» dice «{recomendacion.cumple}» "
                "pero no tiene «evidencia»; explica ahí qué falta o por qué no aplica.",
                doc,
                ("recomendaciones", i, "evidencia"),
            )
