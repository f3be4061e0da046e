"""Un compromiso no dice de qué problema parte, qué busca, sus metas o sus actividades.

La metodología pide que cada compromiso del plan de acción parta de un problema público descrito
y fije un objetivo, metas medibles y actividades concretas: sin alguno de ellos el compromiso no
se puede implementar ni evaluar. Como todo requisito de completitud, es error cuando la fase
`plan` ya se cumplió, aviso mientras el plan se escribe y no se revisa en fases anteriores.

Incorrecto:

    compromisos:
      - id: c1
        titulo: Obra pública abierta
        objetivo: Publicar una ficha por obra.

Correcto:

    compromisos:
      - id: c1
        titulo: Obra pública abierta
        problema_publico:
          descripcion: La ciudadanía no conoce el avance ni el costo de las obras.
        objetivo: Publicar una ficha por obra.
        metas:
          - id: c1-m1
            descripcion: Obras con ficha pública
        actividades:
          - id: c1-a1
            descripcion: Diseñar la ficha de obra con la sociedad civil.
"""

from collections.abc import Iterator

from caja_ga.modelos.plan import Compromiso
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import compromisos
from caja_ga.vacio import vacio

# Qué falta → cómo completarlo, en el orden en que suelen escribirse.
_PISTAS = {
    "objetivo": "escribe en «objetivo» qué busca lograr",
    "metas": "agrega en «metas» al menos una meta con su indicador",
    "actividades": "agrega en «actividades» al menos una actividad con fechas y responsables",
}


@regla("GA301", "compromiso-incompleto", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso in compromisos(ctx):
        if compromiso.problema_publico is None:
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» no tiene «problema_publico»; "
                "describe en «problema_publico.descripcion» el problema del que parte.",
                doc,
                (*ruta, "problema_publico"),
                en_clave=True,
            )
        elif vacio(compromiso.problema_publico.descripcion):
            yield Hallazgo(
                f"El problema público del compromiso «{compromiso.id}» no tiene "
                "«descripcion»; describe el problema del que parte el compromiso.",
                doc,
                (*ruta, "problema_publico", "descripcion"),
                en_clave=True,
            )
        for campo in _faltantes(compromiso):
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» no tiene «{campo}»; {_PISTAS[campo]}.",
                doc,
                (*ruta, campo),
                en_clave=True,
            )


def _faltantes(compromiso: Compromiso) -> Iterator[str]:
    for campo in _PISTAS:
        if vacio(getattr(compromiso, campo)):
            yield campo
