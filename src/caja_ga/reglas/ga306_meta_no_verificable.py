"""A una meta le falta indicador, valor meta, fecha meta o medio de verificación.

Lo primero que pregunta una revisión independiente (como el IRM de la Alianza para el Gobierno
Abierto) es si el compromiso es verificable. Una meta lo es si tiene un indicador con nombre,
valor meta y fecha meta, y dice cómo se comprobará (`medio_verificacion`); sin eso no hay forma
objetiva de saber si se cumplió.

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
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import metas
from caja_ga.vacio import vacio

_DEL_INDICADOR = ("nombre", "valor_meta", "fecha_meta")


@regla("GA306", "meta-no-verificable", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, meta in metas(ctx):
        if meta.indicador is None:
            yield Hallazgo(
                f"La meta «{meta.id}» no tiene «indicador», así que no se puede "
                "verificar; agrégale uno con «nombre», «valor_meta» y «fecha_meta».",
                doc,
                (*ruta, "indicador"),
                en_clave=True,
            )
        elif faltan := _faltantes_del_indicador(meta):
            falta = "le falta" if len(faltan) == 1 else "le faltan"
            yield Hallazgo(
                f"Al indicador de la meta «{meta.id}» {falta} {_y(faltan)}, así que "
                "no se puede verificar; complétalo.",
                doc,
                (*ruta, "indicador"),
                en_clave=True,
            )
        if vacio(meta.medio_verificacion):
            yield Hallazgo(
                f"La meta «{meta.id}» no dice cómo se comprobará su cumplimiento; "
                "escribe en «medio_verificacion» dónde se podrá consultar.",
                doc,
                (*ruta, "medio_verificacion"),
                en_clave=True,
            )


def _faltantes_del_indicador(meta: Meta) -> list[str]:
    return [campo for campo in _DEL_INDICADOR if vacio(getattr(meta.indicador, campo))]


def _y(campos: list[str]) -> str:
    """«a», «a» y «b», «a», «b» y «c»."""
    citados = [f"«{campo}»" for campo in campos]
    return citados[0] if len(citados) == 1 else f"{', '.join(citados[:-1])} y {citados[-1]}"
