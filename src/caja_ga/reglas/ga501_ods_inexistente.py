"""Un código ODS del plan no corresponde a ningún objetivo ni meta de la Agenda 2030.

La alineación de los compromisos a los Objetivos de Desarrollo Sostenible se publica y se usa
para medirlos (recomendación O9); un código que no existe (un objetivo fuera del 1 al 17, una
meta que ese objetivo no tiene) la vuelve inútil. Se comparan con el catálogo de la ONU: los 17
objetivos y sus 169 metas. En un indicador (`16.6.2`) se revisa aquí la meta que lo contiene; un
indicador desconocido de una meta que sí existe es un aviso aparte (GA505).

Incorrecto:

    ods: ["16.6", "16.11", "18"]

Correcto:

    ods: ["16.6", "16.10", "11.3"]
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._ods import base, codigos, existe, hijos


@regla("GA501", "ods-inexistente", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso, codigo in codigos(ctx):
        if not existe(base(codigo)):
            yield Hallazgo(
                f"El compromiso «{compromiso}» cita el ODS «{codigo}», que no existe: "
                f"{_pista(codigo)}.",
                doc,
                ruta,
            )


def _pista(codigo: str) -> str:
    objetivo = codigo.split(".")[0]
    if not existe(objetivo):
        return "los objetivos van del 1 al 17; corrígelo"
    metas = hijos(objetivo, "meta")
    numeradas = [meta for meta in metas if meta.rsplit(".", 1)[1].isdigit()]
    partes = [f"«{numeradas[0]}» a «{numeradas[-1]}»"] if numeradas else []
    partes += [f"«{meta}»" for meta in metas if meta not in numeradas]
    return f"el objetivo {objetivo} tiene las metas {', '.join(partes)}; corrige la meta"
