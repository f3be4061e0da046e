"""Un compromiso no dice de qué problema parte, qué busca, sus metas o sus actividades.

La metodología pide que cada compromiso del plan de acción parta de un problema público descrito
y fije un objetivo, metas medibles y actividades concretas: sin alguno de ellos el compromiso no
se puede implementar ni evaluar. Como todo requisito de completitud, es error cuando la fase
`plan` ya se cumplió, aviso mientras el plan se escribe y no se revisa en fases anteriores.

Un solo problema por compromiso nombra todo lo que le falta, también `titulo`, `responsables` y
`evaluacion` (que GA005 no repite) y señala el compromiso. Sin `responsables` tampoco hay
corresponsables: GA308 calla y lo dice este problema. Un campo escrito pero ilegible no falta: ya
lo señala GA004 o GA006.

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
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.redaccion import enumerar
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import compromisos
from caja_ga.reglas._faltantes import faltantes, le_falta, requeridos

# Qué falta → qué agregar, para el mensaje; en el orden en que se escriben.
_QUE = {
    "titulo": "su nombre corto en «titulo»",
    "problema_publico": "el problema del que parte en «problema_publico.descripcion»",
    "objetivo": "qué busca lograr",
    "metas": "al menos una meta con su indicador",
    "actividades": "al menos una actividad con fechas y responsables",
    "responsables": "el área que lo encabeza en «responsables.lider»",
    "evaluacion": "cómo se evaluará en «evaluacion.metodo»",
}
_PROPIOS = ("objetivo", "metas", "actividades")


@regla("GA301", "compromiso-incompleto", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso in compromisos(ctx):
        if faltan := _faltantes(doc, ruta, compromiso):
            que = enumerar(_QUE[campo.partition(".")[0]] for campo in faltan)
            yield Hallazgo(
                f"{le_falta(f'Al compromiso «{compromiso.id}»', faltan)}; agrega {que}.",
                doc,
                (*ruta, *faltan[0].split(".")),
                en_clave=True,
            )


def _faltantes(doc: Documento, ruta: Ruta, compromiso: Compromiso) -> list[str]:
    """Lo que le falta, en el orden de `_QUE`; sin descripción, el problema público falta."""
    campos = [*requeridos(Compromiso), *_PROPIOS, "problema_publico"]
    faltan = faltantes(doc, ruta, compromiso, campos)
    problema = compromiso.problema_publico
    if problema is not None and faltantes(
        doc, (*ruta, "problema_publico"), problema, ["descripcion"]
    ):
        faltan.append("problema_publico.descripcion")
    return sorted(faltan, key=lambda campo: list(_QUE).index(campo.partition(".")[0]))
