"""Un compromiso del plan de acción no tiene su entrada en la evaluación final.

La evaluación final califica **cada** compromiso del plan vigente: uno que falta desaparece de
las cifras publicadas sin que nadie diga por qué. Si no hay con qué juzgarlo, se registra con
`cumplimiento: sin_evidencia`, que el reporte muestra aparte. Se exige según la fase, como los
campos requeridos: en la fase `evaluacion` es un aviso (la evaluación está en curso); en fases
anteriores `evaluacion.yaml` no se revisa. Un compromiso evaluado que no está en el plan es GA009.

Incorrecto (el plan tiene los compromisos `c1` y `c2`):

    compromisos:
      - id: c1
        cumplimiento: completo
        abrio_gobierno: marginal
        justificacion: Las minutas del Cabildo se publican el mismo día.

Correcto:

    compromisos:
      - id: c1
        cumplimiento: completo
        abrio_gobierno: marginal
        justificacion: Las minutas del Cabildo se publican el mismo día.
      - id: c2
        cumplimiento: sin_evidencia
        abrio_gobierno: sin_cambio
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA415", "compromiso-sin-evaluar", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan, evaluacion = ctx.vista.plan, ctx.vista.evaluacion
    if plan is None or evaluacion is None:
        return
    evaluados = {evaluado.id for evaluado in evaluacion.compromisos}
    for compromiso in plan.compromisos:
        if compromiso.id not in evaluados:
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» del plan de acción no tiene su evaluación; "
                "agrégalo a «compromisos» con su cumplimiento (o «sin_evidencia» si no hay con "
                "qué juzgarlo).",
                ctx.carpeta.documentos["evaluacion"],
                ("compromisos",),
                en_clave=True,
            )
