"""Un compromiso no tiene a la sociedad civil entre sus corresponsables.

Los compromisos se co-crean: el Espacio de Diálogo Tripartita los diseña y los implementa junto
con la sociedad civil. Que al menos un corresponsable sea del sector `sociedad_civil` muestra esa
co-creación (también la pide la recomendación O6 de la Agenda 2030).

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

from caja_ga.modelos.plan import Compromiso
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import compromisos


@regla("GA308", "sin-corresponsable-sociedad-civil", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso in compromisos(ctx):
        if not _con_sociedad_civil(compromiso):
            yield Hallazgo(f"El compromiso «{compromiso.id}» no tiene corresponsables de la "
                           "sociedad civil; agrega en «responsables.corresponsables» la "
                           "organización que lo co-crea, con «sector: sociedad_civil».",
                           doc, (*ruta, "responsables", "corresponsables"), en_clave=True)


def _con_sociedad_civil(compromiso: Compromiso) -> bool:
    responsables = compromiso.responsables
    return responsables is not None and any(
        corresponsable.sector == "sociedad_civil"
        for corresponsable in responsables.corresponsables)
