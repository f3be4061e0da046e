"""La evaluación no dice quién la hizo: si es autoevaluación o evaluación independiente.

Quien lee las cifras publicadas necesita saber si la calificación la dio el propio Espacio de
Diálogo Tripartita (`evaluador.tipo: edt`, una autoevaluación) o alguien ajeno al proceso
(`externo`, una evaluación independiente, con su `nombre`). Sin eso el reporte la publica como
«evaluación sin evaluador identificado». En la fase `evaluacion` la falta ya la señala GA005
(campo requerido); esta regla avisa cuando se califican compromisos antes de esa fase.

Incorrecto:

    fecha: 2026-06-15
    compromisos:
      - id: c1
        cumplimiento: sustancial

Correcto:

    fecha: 2026-06-15
    evaluador:
      tipo: externo
      nombre: Centro de Estudios de Gobierno Local, A.C.
    compromisos:
      - id: c1
        cumplimiento: sustancial
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import indice_fase
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.vacio import vacio


@regla("GA416", "evaluacion-sin-evaluador", Severidad.AVISO, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    evaluacion, fase = ctx.vista.evaluacion, ctx.carpeta.fase
    if evaluacion is None or not evaluacion.compromisos or fase is None:
        return  # el andamio trae la evaluación vacía: no hay calificación que rotular
    if indice_fase(fase) >= indice_fase("evaluacion"):
        return
    doc = ctx.carpeta.documentos["evaluacion"]
    evaluador = evaluacion.evaluador
    if evaluador is None or evaluador.tipo is None:
        ruta = ("evaluador",) if evaluador is not None else ()
        yield Hallazgo(
            "La evaluación no dice quién la hizo; en «evaluador» anota «tipo: edt» si es una "
            "autoevaluación del Espacio de Diálogo Tripartita o «tipo: externo» y el «nombre» "
            "si es independiente.",
            doc,
            ruta,
        )
    elif evaluador.tipo == "externo" and vacio(evaluador.nombre):
        yield Hallazgo(
            "La evaluación es independiente pero no dice de quién; anota en «evaluador.nombre» "
            "la persona o institución que la hizo.",
            doc,
            ("evaluador",),
        )
