"""Una meta ya llegó a su fecha meta y ningún registro dice cuánto vale su indicador.

El avance de las actividades dice si se hizo lo prometido; el indicador de la meta dice si eso
cambió algo. Cuando pasa la `fecha_meta` de una meta, la ciudadanía y una revisión independiente
preguntan por el valor alcanzado: un reporte de avance (o la evaluación) debe registrarlo en
`indicadores`, con su fuente. Solo cuentan las mediciones conocidas a la fecha de corte y que
traen un `valor`; se revisa en las fases `implementacion` y `evaluacion`.

Incorrecto (en plan.yaml; con fecha de corte 2027-04-01, ningún reporte mide `c1-m1`):

    metas:
      - id: c1-m1
        indicador:
          nombre: Porcentaje de obras con ficha pública
          linea_base: 0
          valor_meta: 100
          fecha_meta: 2027-03-31

Correcto (un reporte de avance en `seguimiento/` registra el valor medido):

    fecha_corte: 2027-03-31
    indicadores:
      - meta: c1-m1
        valor: 92%
        fuente: https://obras.zapopan.gob.mx/datos/fichas.csv
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import metas
from caja_ga.reglas._resultados import indicadores_vigentes

_FASES = ("implementacion", "evaluacion")


@regla("GA410", "meta-sin-medicion", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    if ctx.carpeta.fase not in _FASES:
        return
    vigentes = indicadores_vigentes(ctx)
    for doc, ruta, meta in metas(ctx):
        indicador = vigentes.get(meta.id)
        if indicador is None or indicador.fecha_meta is None:
            continue
        if indicador.fecha_meta >= ctx.fecha_corte:
            continue
        medidas = ctx.vista.mediciones.get(meta.id, [])
        if any(m.valor is not None for m in medidas):
            continue
        yield Hallazgo(
            f"La meta «{meta.id}» debía alcanzarse el «{indicador.fecha_meta}» y ningún reporte "
            "de avance ni la evaluación registra el valor de su indicador; anótalo en "
            "«indicadores» de un reporte de avance, con su fuente.",
            doc,
            (*ruta, "indicador", "fecha_meta") if meta.indicador else (*ruta, "id"),
        )
