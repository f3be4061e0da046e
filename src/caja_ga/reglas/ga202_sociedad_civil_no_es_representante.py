"""Quien ocupa el lugar de la sociedad civil en el Espacio no es el representante del Núcleo.

El Núcleo de Sociedad Civil elige, por consenso, votación o sorteo, a quien lo representa en el
Espacio de Diálogo Tripartita. El lugar de la sociedad civil no se asigna desde el gobierno: su
campo `nucleo` debe ser el id del integrante que `nucleo.yaml` registra como `representante`.
Se revisan quienes están en funciones a la fecha de corte, cuando existen ambos archivos.

Incorrecto (el Núcleo eligió a `osc-1`):

    integrantes:
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil
        nucleo: col-1

Correcto:

    integrantes:
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil
        nucleo: osc-1
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._espacio import activos


@regla("GA202", "sociedad-civil-no-es-representante", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    espacio, nucleo = ctx.carpeta.espacio, ctx.carpeta.nucleo
    if espacio is None or nucleo is None or nucleo.representante is None:
        return
    representante = nucleo.representante.integrante
    if representante is None:  # GA005 pide el representante
        return
    doc = ctx.carpeta.documentos["espacio"]
    for indice, integrante in activos(ctx):
        if integrante.sector != "sociedad_civil" or integrante.nucleo == representante:
            continue
        if integrante.nucleo is None:
            yield Hallazgo(
                f"«{integrante.id}» ocupa el lugar de la sociedad civil pero no dice a quién del "
                f"Núcleo representa; agrega «nucleo: {representante}», el representante que "
                "eligió el Núcleo en nucleo.yaml.",
                doc,
                ("integrantes", indice, "nucleo"),
            )
        else:
            yield Hallazgo(
                f"«{integrante.id}» ocupa el lugar de la sociedad civil en nombre de "
                f"«{integrante.nucleo}», pero el Núcleo eligió como representante a "
                f"«{representante}»; corrige «nucleo» aquí o «representante» en nucleo.yaml.",
                doc,
                ("integrantes", indice, "nucleo"),
            )
