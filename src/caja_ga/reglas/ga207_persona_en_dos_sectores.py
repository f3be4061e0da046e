"""La misma persona ocupa lugares de dos sectores en el Espacio de Diálogo Tripartita.

Cada sector del EDT (gobierno municipal, autoridad garante, sociedad civil) tiene su propia voz:
si la misma persona es titular o suplente de dos sectores, uno de ellos queda sin representación
propia y se rompe la paridad. Se comparan los nombres de titulares y suplentes en funciones a la
fecha de corte, sin distinguir acentos, mayúsculas ni espacios.

Incorrecto:

    integrantes:
      - id: gob-1
        sector: gobierno_municipal
        nombre: Laura Méndez Ríos
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil
        suplente:
          nombre: Laura Mendez Rios

Correcto:

    integrantes:
      - id: gob-1
        sector: gobierno_municipal
        nombre: Laura Méndez Ríos
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil
        suplente:
          nombre: Jorge Pérez Lara
"""

from collections.abc import Iterator
from dataclasses import dataclass

from caja_ga.problemas import Hallazgo, Ruta, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._espacio import activos
from caja_ga.reglas._texto import comparable


@dataclass(frozen=True)
class _Lugar:
    """Un lugar en el Espacio: titular o suplente de un integrante, con su sector."""

    nombre: str
    sector: str
    integrante: str
    papel: str
    ruta: Ruta


@regla("GA207", "persona-en-dos-sectores", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    if ctx.carpeta.espacio is None:
        return
    doc = ctx.carpeta.documentos["espacio"]
    primeros: dict[str, _Lugar] = {}
    for lugar in _lugares(ctx):
        primero = primeros.setdefault(comparable(lugar.nombre), lugar)
        if primero.sector != lugar.sector:
            yield Hallazgo(
                f"«{lugar.nombre}» es {lugar.papel} de «{lugar.integrante}» por el sector "
                f"«{lugar.sector}» y también {primero.papel} de «{primero.integrante}» por "
                f"«{primero.sector}»; cada sector necesita su propia persona: nombra a otra.",
                doc,
                lugar.ruta,
            )


def _lugares(ctx: Contexto) -> Iterator[_Lugar]:
    for indice, integrante in activos(ctx):
        if integrante.sector is None:
            continue
        if integrante.nombre:
            yield _Lugar(
                integrante.nombre,
                integrante.sector,
                integrante.id,
                "titular",
                ("integrantes", indice, "nombre"),
            )
        if integrante.suplente is not None and integrante.suplente.nombre:
            yield _Lugar(
                integrante.suplente.nombre,
                integrante.sector,
                integrante.id,
                "suplente",
                ("integrantes", indice, "suplente", "nombre"),
            )
