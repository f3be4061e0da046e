"""Una actividad no dice qué entregable verificable produce.

Para saber si una actividad se cumplió hace falta un producto que cualquiera pueda revisar: una
ficha publicada, un acta, un portal, un informe. La metodología lo pide en cada actividad y es
una de las pruebas de que un compromiso es verificable. A una actividad a la que le falta algo
más, GA302 le pide el entregable en su mismo problema: una sola tarea por actividad.

Incorrecto:

    actividades:
      - id: c1-a2
        descripcion: Publicar las fichas de todas las obras.

Correcto:

    actividades:
      - id: c1-a2
        descripcion: Publicar las fichas de todas las obras.
        entregable: Portal con las fichas de obra
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import actividades
from caja_ga.reglas._faltantes import faltantes_de_actividad
from caja_ga.vacio import vacio


@regla("GA307", "actividad-sin-entregable", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, actividad in actividades(ctx):
        # A una actividad incompleta GA302 ya le pide el entregable en su mismo problema.
        if vacio(actividad.entregable) and not faltantes_de_actividad(doc, ruta, actividad):
            yield Hallazgo(
                f"La actividad «{actividad.id}» no tiene «entregable»; escribe qué "
                "producto verificable dejará (un documento, una publicación, un acta).",
                doc,
                (*ruta, "entregable"),
                en_clave=True,
            )
