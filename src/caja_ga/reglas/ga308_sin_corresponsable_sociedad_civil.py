"""Un compromiso no tiene a la sociedad civil entre sus corresponsables.

Los compromisos se cocrean: el Espacio de Diálogo Tripartita los diseña y los implementa junto
con la sociedad civil. Que al menos un corresponsable sea del sector `sociedad_civil` muestra esa
cocreación (también la pide la recomendación O6 de la Agenda 2030).

Si el compromiso no tiene `responsables`, lo dice GA301 (que nombra todo lo que le falta): esta
regla solo revisa los compromisos que ya dicen quién los encabeza.

Incorrecto:

    responsables:
      lider:
        area: Dirección de Obras Públicas
      corresponsables:
        - nombre: Dirección de Innovación
          sector: gobierno_municipal

Correcto:

    responsables:
      lider:
        area: Dirección de Obras Públicas
      corresponsables:
        - nombre: Ciudadanos por Zapopan A.C.
          sector: sociedad_civil
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import compromisos
from caja_ga.senales_agenda2030 import corresponsable_civil


@regla("GA308", "sin-corresponsable-sociedad-civil", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso in compromisos(ctx):
        if compromiso.responsables is not None and corresponsable_civil(compromiso) is None:
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» no tiene corresponsables de la "
                "sociedad civil; agrega en «responsables.corresponsables» la "
                "organización que lo cocrea, con «sector: sociedad_civil».",
                doc,
                (*ruta, "responsables", "corresponsables"),
                en_clave=True,
            )
