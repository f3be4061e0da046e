"""La casa se lee de arriba abajo: ningún ciclo entre los módulos de caja_ga.

Cuenta las importaciones del nivel superior de cada módulo (las de `if TYPE_CHECKING:` y las de
dentro de funciones no crean ciclos al importar, y se quedan fuera).
"""

from __future__ import annotations

import ast
from pathlib import Path

import caja_ga

PAQUETE = Path(caja_ga.__file__).parent


def _nombre(ruta: Path) -> str:
    partes = ruta.relative_to(PAQUETE.parent).with_suffix("").parts
    return ".".join(partes[:-1] if partes[-1] == "__init__" else partes)


def _es_type_checking(nodo: ast.If) -> bool:
    return isinstance(nodo.test, ast.Name) and nodo.test.id == "TYPE_CHECKING"


def _importados(ruta: Path) -> set[str]:
    """Los módulos de caja_ga que `ruta` importa (`from caja_ga.x import y` cuenta x y x.y)."""
    modulos: set[str] = set()
    for nodo in ast.parse(ruta.read_text(encoding="utf-8")).body:
        if isinstance(nodo, ast.If) and _es_type_checking(nodo):
            continue
        if isinstance(nodo, ast.ImportFrom) and nodo.module and nodo.module.startswith("caja_ga"):
            modulos.add(nodo.module)
            modulos.update(f"{nodo.module}.{a.name}" for a in nodo.names)
        elif isinstance(nodo, ast.Import):
            modulos.update(a.name for a in nodo.names if a.name.startswith("caja_ga"))
    return modulos


def grafo() -> dict[str, set[str]]:
    modulos = {_nombre(r): r for r in PAQUETE.rglob("*.py")}
    return {
        nombre: {m for m in _importados(ruta) if m in modulos and m != nombre}
        for nombre, ruta in modulos.items()
    }


def _ciclo(grafo_: dict[str, set[str]]) -> list[str] | None:
    estado: dict[str, int] = {}  # 1: en el camino actual, 2: terminado
    camino: list[str] = []

    def visitar(nodo: str) -> list[str] | None:
        estado[nodo] = 1
        camino.append(nodo)
        for siguiente in sorted(grafo_[nodo]):
            if estado.get(siguiente) == 1:
                return [*camino[camino.index(siguiente) :], siguiente]
            if siguiente not in estado and (encontrado := visitar(siguiente)):
                return encontrado
        camino.pop()
        estado[nodo] = 2
        return None

    for nodo in sorted(grafo_):
        if nodo not in estado and (encontrado := visitar(nodo)):
            return encontrado
    return None


def test_sin_ciclos_de_importacion() -> None:
    assert _ciclo(grafo()) is None


def test_el_detector_encuentra_un_ciclo() -> None:
    assert _ciclo({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_problemas_y_archivos_son_hojas() -> None:
    g = grafo()
    assert g["caja_ga.problemas"] == set()
    assert g["caja_ga.archivos"] == set()


def test_los_formatos_no_importan_el_motor() -> None:
    g = grafo()
    formatos = [m for m in g if m.startswith("caja_ga.formatos")]
    assert formatos
    motor = {"caja_ga.validacion", "caja_ga.ejecucion", "caja_ga.git", "caja_ga.cache"}
    assert [m for m in formatos if g[m] & motor] == []
