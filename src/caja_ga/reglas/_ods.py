"""Los códigos ODS de plan.yaml y su lugar en el catálogo; lo comparten GA501 y GA505.

Un código tiene una, dos o tres partes: objetivo («16»), meta («16.6») o indicador («16.6.2»).
Su «base» es el objetivo o la meta que nombra (para un indicador, la meta que lo contiene): si la
base no existe el código es inválido (GA501, error); si existe pero el indicador no está en el
catálogo, el código es dudoso (GA505, aviso), porque la lista de indicadores cambia con cada
revisión de la ONU.
"""

from __future__ import annotations

from collections.abc import Iterator

from caja_ga.catalogos import ods
from caja_ga.problemas import Documento, Ruta
from caja_ga.reglas import Contexto
from caja_ga.reglas._compromisos import compromisos


def codigos(ctx: Contexto) -> Iterator[tuple[Documento, Ruta, str, str]]:
    """(documento, ruta, id del compromiso, código) de cada código ODS del plan."""
    for doc, ruta, compromiso in compromisos(ctx):
        for j, codigo in enumerate(compromiso.ods):
            yield doc, (*ruta, "ods", j), compromiso.id, codigo


def base(codigo: str) -> str:
    """El objetivo o la meta que nombra el código: «16.6.2» → «16.6»; «16.6» → «16.6»."""
    return ".".join(codigo.split(".")[:2])


def es_indicador(codigo: str) -> bool:
    return codigo.count(".") == 2


def existe(codigo: str) -> bool:
    return codigo in ods()


def hijos(padre: str, tipo: str) -> list[str]:
    """Los códigos del catálogo de un tipo (meta, indicador) que cuelgan de `padre`, en orden."""
    return [
        codigo
        for codigo, entrada in ods().items()
        if entrada.tipo == tipo
        and codigo.startswith(padre + ".")
        and codigo.count(".") == padre.count(".") + 1
    ]
