"""El cumplimiento que da la evaluación a un compromiso contradice su avance reportado.

La evaluación final usa la escala de cumplimiento del Mecanismo de Revisión Independiente de OGP;
el avance de cada compromiso sale de los reportes de seguimiento con el cálculo publicado
(promedio de sus actividades no canceladas). Ambas cifras se publican juntas, así que no deben
contradecirse. Equivalencias con el avance del compromiso:

- `completo`: 100 %;
- `sustancial`: al menos 50 %;
- `limitado`: más de 0 %;
- `no_iniciado`: 0 %;
- `sin_evidencia`: cualquier avance (dice que no hay con qué juzgar, no cuánto se avanzó).

Incorrecto (los reportes de avance dan 70 % al compromiso `c1`):

    compromisos:
      - id: c1
        cumplimiento: completo
        abrio_gobierno: mayor

Correcto:

    compromisos:
      - id: c1
        cumplimiento: sustancial
        abrio_gobierno: mayor
"""

from collections.abc import Callable, Iterator
from typing import Final

from caja_ga.avance import avance_compromiso, porcentaje
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla

# Cumplimiento → (qué avance admite, cómo decirlo). `sin_evidencia` no se contradice nunca.
_ADMITE: Final[dict[str, tuple[Callable[[float], bool], str]]] = {
    "completo": (lambda avance: avance >= 100, "100 %"),
    "sustancial": (lambda avance: avance >= 50, "al menos 50 %"),
    "limitado": (lambda avance: avance > 0, "más de 0 %"),
    "no_iniciado": (lambda avance: avance <= 0, "0 %"),
}


@regla("GA405", "cumplimiento-contradice-avance", Severidad.AVISO, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan, evaluacion = ctx.vista.plan, ctx.vista.evaluacion
    if plan is None or evaluacion is None:
        return
    del_plan = {compromiso.id: compromiso for compromiso in plan.compromisos}
    reportadas = ctx.vista.ultimos_avances
    doc = ctx.carpeta.documentos["evaluacion"]
    for i, evaluado in enumerate(evaluacion.compromisos):
        compromiso = del_plan.get(evaluado.id)
        if compromiso is None or evaluado.cumplimiento not in _ADMITE:
            continue
        admite, pide = _ADMITE[evaluado.cumplimiento]
        avance = avance_compromiso(compromiso, reportadas)
        if not admite(avance):
            yield Hallazgo(
                f"La evaluación califica el compromiso «{evaluado.id}» como "
                f"«{evaluado.cumplimiento}», que pide un avance de {pide}, pero según "
                f"los reportes de avance lleva {porcentaje(avance)}; corrige la "
                "calificación o agrega el reporte de avance que la respalde.",
                doc,
                ("compromisos", i, "cumplimiento"),
            )
