"""A una meta le falta indicador, valor meta, fecha meta o medio de verificación.

Lo primero que pregunta una revisión independiente (como el IRM de la Alianza para el Gobierno
Abierto) es si el compromiso es verificable. Una meta lo es si tiene un indicador con nombre,
valor meta y fecha meta, y dice cómo se comprobará (`medio_verificacion`); sin eso no hay forma
objetiva de saber si se cumplió. Un solo problema por meta nombra todo lo que le falta y señala el
primer campo que falta (o la meta, si la clave no está escrita). Un campo escrito pero ilegible no
falta: ya lo señala GA004 o GA006.

Incorrecto:

    metas:
      - id: c1-m1
        descripcion: Obras con ficha pública
        indicador:
          nombre: Porcentaje de obras con ficha pública

Correcto:

    metas:
      - id: c1-m1
        descripcion: Obras con ficha pública
        indicador:
          nombre: Porcentaje de obras con ficha pública
          unidad: porcentaje
          linea_base: 0
          valor_meta: 100
          fecha_meta: 2027-03-31
        medio_verificacion: Portal de obra pública
"""

from collections.abc import Iterator

from caja_ga.modelos.plan import Meta
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import metas
from caja_ga.reglas._faltantes import faltantes, le_falta

_DEL_INDICADOR = ("nombre", "valor_meta", "fecha_meta")


@regla("GA306", "meta-no-verificable", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, meta in metas(ctx):
        if faltan := _faltantes(doc, ruta, meta):
            yield Hallazgo(
                f"{le_falta(f'A la meta «{meta.id}»', faltan)}, así que no se puede verificar; "
                "complétala (el indicador con «nombre», «valor_meta» y «fecha_meta», y en "
                "«medio_verificacion» dónde se podrá consultar).",
                doc,
                (*ruta, *faltan[0].split(".")),
                en_clave=True,
            )


def _faltantes(doc: Documento, ruta: Ruta, meta: Meta) -> list[str]:
    """«indicador» si no hay, o lo que le falta («indicador.valor_meta»), y el medio."""
    if meta.indicador is None:
        faltan = faltantes(doc, ruta, meta, ["indicador"])
    else:
        del_indicador = (*ruta, "indicador")
        faltan = [
            f"indicador.{campo}"
            for campo in faltantes(doc, del_indicador, meta.indicador, _DEL_INDICADOR)
        ]
    return faltan + faltantes(doc, ruta, meta, ["medio_verificacion"])
