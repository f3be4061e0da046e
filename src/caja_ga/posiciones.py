"""De una ruta dentro de un documento (claves e índices) a su línea y columna (base 1).

Los nodos compuestos por libyaml conservan sus marcas de inicio; no construimos un índice de
posiciones para cada valor: solo se recorre el árbol cuando hay un problema que ubicar, que es
raro, y así la carga sigue siendo tan rápida como la composición.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from caja_ga.problemas import Ruta

_INDICE = "_caja_ga_indice"


def _indice(nodo: MappingNode) -> dict[str, tuple[Node, Node]]:
    """Clave → (nodo de la clave, nodo del valor), la primera aparición de cada clave.

    Se arma una vez por mapeo y se guarda en el nodo: ubicar muchos problemas en un mapeo de
    muchas claves cuesta lo mismo que recorrerlo una vez.
    """
    indice: dict[str, tuple[Node, Node]] | None = getattr(nodo, _INDICE, None)
    if indice is None:
        indice = {}
        for clave, valor in nodo.value:
            if isinstance(clave, ScalarNode):
                indice.setdefault(clave.value, (clave, valor))
        setattr(nodo, _INDICE, indice)
    return indice


def _hijo(nodo: Node, paso: str | int) -> tuple[Node, Node] | None:
    """El par (nodo de la clave, nodo del valor) para un paso de la ruta, si existe."""
    if isinstance(nodo, MappingNode):
        return _indice(nodo).get(str(paso))
    if isinstance(nodo, SequenceNode) and isinstance(paso, int) and 0 <= paso < len(nodo.value):
        elemento: Node = nodo.value[paso]
        return elemento, elemento
    return None


def nodo_en(raiz: Node, ruta: Ruta, en_clave: bool = False) -> Node:
    """El nodo más profundo que existe a lo largo de la ruta.

    Los pasos que no están en el documento se saltan: pydantic intercala en sus rutas los nombres
    de los tipos de una unión, y una clave que falta debe señalar al mapeo que la contiene.
    """
    actual = raiz
    clave_final: Node | None = None
    for paso in ruta:
        par = _hijo(actual, paso)
        if par is None:
            continue
        clave, actual = par
        clave_final = clave if clave is not actual else None
    if en_clave and clave_final is not None:
        return clave_final
    return actual


def ubicar(raiz: Node, ruta: Ruta, en_clave: bool = False) -> tuple[int, int]:
    marca = nodo_en(raiz, ruta, en_clave).start_mark
    return marca.line + 1, marca.column + 1


def texto_original(raiz: Node, ruta: Ruta) -> str | None:
    """El escalar tal como se escribió (p. ej. «16.10» antes de leerse como número)."""
    nodo = nodo_en(raiz, ruta)
    return nodo.value if isinstance(nodo, ScalarNode) else None
