"""Un valor medido se aleja de la meta: va en sentido contrario al que pide el indicador.

La línea base y el valor meta dicen hacia dónde debe moverse el indicador (de 40 a 80: subir; de
30 días a 10: bajar). Una medición del otro lado de la línea base (30, cuando se partió de 40 y
se quiere llegar a 80) dice que la situación empeoró. No es un error de captura que haya que
esconder: se publica tal cual, y este aviso pide explicar en el reporte qué pasó o revisar si el
valor o la unidad están bien escritos (por ejemplo, una fracción 0.45 donde se esperaba 45 %).
Se compara con la meta vigente a la fecha de corte.

Incorrecto (en plan.yaml la línea base es 40 y el valor meta 80):

    fecha_corte: 2026-03-31
    indicadores:
      - meta: c1-m1
        valor: 30

Correcto:

    fecha_corte: 2026-03-31
    indicadores:
      - meta: c1-m1
        valor: 55
        fuente: Padrón de obras publicado
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._resultados import indicadores_vigentes


@regla("GA411", "medicion-se-aleja", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    vigentes = indicadores_vigentes(ctx)
    for id_meta, medidas in ctx.vista.mediciones.items():
        indicador = vigentes.get(id_meta)
        if indicador is None or indicador.linea_base is None or indicador.valor_meta is None:
            continue
        base, meta = indicador.linea_base, indicador.valor_meta
        for medida in medidas:
            if medida.valor is None or (medida.valor - base) * (meta - base) >= 0:
                continue
            yield Hallazgo(
                f"El valor medido «{medida.valor:g}» del indicador de la meta «{id_meta}» "
                f"se aleja de la meta: la línea base es «{base:g}» y el valor meta "
                f"«{meta:g}»; si el dato es correcto, explica en el reporte qué pasó, y si "
                "no, corrige el valor o su unidad.",
                medida.documento,
                (*medida.ruta, "valor"),
            )
