"""Un indicador en porcentaje tiene una línea base, un valor meta o una medición fuera de 0 a 100.

Cuando la `unidad` del indicador es un porcentaje («porcentaje», «%»), sus valores van de 0 a 100.
Un valor mayor que 100 suele ser un conteo (120 obras) escrito donde iba un porcentaje, y con él
la gráfica y los datos abiertos dirían otra cosa. Se revisan el indicador del plan vigente y las
mediciones conocidas a la fecha de corte.

Incorrecto (el indicador de `c1-m1` está en porcentaje):

    indicadores:
      - meta: c1-m1
        valor: 120

Correcto:

    indicadores:
      - meta: c1-m1
        valor: 40
"""

from collections.abc import Iterator

from caja_ga.modelos.plan import Indicador
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import metas
from caja_ga.reglas._resultados import indicadores_vigentes

_PORCENTAJE = ("porcentaje", "%", "por ciento", "porciento")
_NOMBRES = {"linea_base": "línea base", "valor_meta": "valor meta", "valor": "valor medido"}


def en_porcentaje(indicador: Indicador) -> bool:
    unidad = (indicador.unidad or "").strip().casefold()
    return unidad.startswith(_PORCENTAJE)


@regla("GA413", "porcentaje-fuera-de-escala", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    vigentes = {
        id_meta: indicador
        for id_meta, indicador in indicadores_vigentes(ctx).items()
        if en_porcentaje(indicador)
    }
    for doc, ruta, meta in metas(ctx):
        indicador = vigentes.get(meta.id)
        for campo in ("linea_base", "valor_meta"):
            valor = getattr(indicador, campo, None)
            if valor is not None and not 0 <= valor <= 100:
                yield Hallazgo(_mensaje(valor, meta.id, campo), doc, (*ruta, "indicador", campo))
    for id_meta, medidas in ctx.vista.mediciones.items():
        if id_meta not in vigentes:
            continue
        for medida in medidas:
            if medida.valor is not None and not 0 <= medida.valor <= 100:
                yield Hallazgo(
                    _mensaje(medida.valor, id_meta, "valor"),
                    medida.documento,
                    (*medida.ruta, "valor"),
                )


def _mensaje(valor: float, id_meta: str, campo: str) -> str:
    return (
        f"El indicador de la meta «{id_meta}» está en porcentaje, pero su {_NOMBRES[campo]} "
        f"es «{valor:g}», fuera de 0 a 100; escríbelo como un porcentaje de 0 a 100 o cambia "
        "la «unidad» del indicador."
    )
