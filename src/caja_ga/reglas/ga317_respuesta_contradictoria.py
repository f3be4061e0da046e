"""La respuesta a una propuesta se contradice.

El resultado de la respuesta debe concordar con lo demás que dice: solo una propuesta
incorporada (o fusionada con otra que se incorporó) se convierte en un `compromiso`; solo una
propuesta `fusionada` lleva `fusionada_con`, y una propuesta no se fusiona consigo misma. Una
referencia a un compromiso o a una propuesta que no existe la señala GA009.

Incorrecto:

    propuestas:
      - id: p4
        resumen: Presupuesto participativo por colonia.
        respuesta:
          resultado: no_incorporada
          compromiso: c2

Correcto:

    propuestas:
      - id: p4
        resumen: Presupuesto participativo por colonia.
        respuesta:
          resultado: incorporada
          compromiso: c2
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._cocreacion import propuestas


@regla("GA317", "respuesta-contradictoria", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, propuesta in propuestas(ctx, solo_conocidas=False):
        respuesta = propuesta.respuesta
        if respuesta is None:
            continue
        ruta = (*ruta, "respuesta")
        if respuesta.compromiso and respuesta.resultado == "no_incorporada":
            yield Hallazgo(
                f"La propuesta «{propuesta.id}» no se incorporó pero su respuesta la liga al "
                f"compromiso «{respuesta.compromiso}»; corrige «resultado» (incorporada) o quita "
                "«compromiso».",
                doc,
                (*ruta, "compromiso"),
            )
        if respuesta.fusionada_con and respuesta.resultado != "fusionada":
            yield Hallazgo(
                f"La propuesta «{propuesta.id}» dice que se fusionó con "
                f"«{respuesta.fusionada_con}» pero su resultado no es «fusionada»; corrige "
                "«resultado» o quita «fusionada_con».",
                doc,
                (*ruta, "fusionada_con"),
            )
        if respuesta.fusionada_con == propuesta.id:
            yield Hallazgo(
                f"La propuesta «{propuesta.id}» no puede fusionarse consigo misma; escribe en "
                "«fusionada_con» el id de la otra propuesta.",
                doc,
                (*ruta, "fusionada_con"),
            )
