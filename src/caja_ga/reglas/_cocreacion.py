"""Las propuestas de `cocreacion.yaml` con su ubicación, para las reglas de la consulta."""

from collections.abc import Iterator

from caja_ga.modelos.cocreacion import Propuesta
from caja_ga.problemas import Documento, Ruta
from caja_ga.reglas import Contexto


def propuestas(
    ctx: Contexto, *, solo_conocidas: bool
) -> Iterator[tuple[Documento, Ruta, Propuesta]]:
    """(documento, ruta, propuesta) de cada propuesta; con `solo_conocidas`, las recibidas hasta
    la fecha de corte (las posteriores aún no podían tener respuesta)."""
    cocreacion = ctx.carpeta.cocreacion
    if cocreacion is None:
        return
    doc = ctx.carpeta.documentos["cocreacion"]
    for i, propuesta in enumerate(cocreacion.propuestas):
        if not solo_conocidas or ctx.vista.conocido(propuesta.fecha):
            yield doc, ("propuestas", i), propuesta
