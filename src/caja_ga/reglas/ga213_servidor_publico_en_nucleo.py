"""Una persona servidora pública integra el Núcleo de Sociedad Civil.

El Núcleo reúne a personas, organizaciones y colectivos de la sociedad civil del municipio; el
gobierno municipal y la autoridad garante tienen su propio asiento en el Espacio de Diálogo
Tripartita. Una persona servidora pública en el Núcleo (marcada con `servidor_publico: true`)
le resta independencia al sector que debe vigilar al gobierno.

Incorrecto:

    integrantes:
      - id: per-1
        tipo: persona
        nombre: Jorge Ruiz Paz
        servidor_publico: true   # es director de Obras Públicas

Correcto (participa por el gobierno municipal, en el Espacio, no en el Núcleo):

    integrantes:
      - id: per-1
        tipo: persona
        nombre: Rosa Díaz Vega
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA213", "servidor-publico-en-nucleo", Severidad.ERROR)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    nucleo = ctx.carpeta.nucleo
    if nucleo is None:
        return
    for indice, integrante in enumerate(nucleo.integrantes):
        if integrante.servidor_publico:
            yield Hallazgo(
                f"«{integrante.id}» es una persona servidora pública y el Núcleo es de la sociedad "
                "civil; quítala de «integrantes» (el gobierno participa en el Espacio con su "
                "propio asiento) o corrige «servidor_publico» si no lo es.",
                ctx.carpeta.documentos["nucleo"],
                ("integrantes", indice, "servidor_publico"),
            )
