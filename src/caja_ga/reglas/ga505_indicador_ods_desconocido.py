"""Un código de indicador ODS del plan no está en el catálogo de indicadores.

Citar un indicador ODS (`16.6.2`) además de la meta ayuda a medir el compromiso con la Agenda 2030
(recomendación O9). La meta que lo contiene existe (si no, es el error GA501), pero el indicador no
está en el catálogo empaquetado: puede ser un error de escritura, o un indicador que la ONU agregó o
renumeró después de la fecha del catálogo. Por eso es un aviso.

Incorrecto:

    ods: ["16.6", "16.6.9"]

Correcto:

    ods: ["16.6", "16.6.2"]
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._ods import base, codigos, es_indicador, existe, hijos


@regla("GA505", "indicador-ods-desconocido", Severidad.AVISO, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso, codigo in codigos(ctx):
        meta = base(codigo)
        if es_indicador(codigo) and existe(meta) and not existe(codigo):
            conocidos = ", ".join(f"«{indicador}»" for indicador in hijos(meta, "indicador"))
            lista = (
                f"los de la meta {meta} son {conocidos}"
                if conocidos
                else (f"la meta {meta} no tiene indicadores en el catálogo")
            )
            yield Hallazgo(
                f"El compromiso «{compromiso}» cita el indicador ODS «{codigo}», que no "
                f"está en el catálogo ({lista}); corrígelo, o cita solo la meta "
                f"«{meta}».",
                doc,
                ruta,
            )
