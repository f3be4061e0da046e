"""Lo que comparten `validar` y `reporte`: descubrir los procesos de las rutas pedidas y repartir
el trabajo por proceso.

Descubrir solo lee la configuración: devuelve las tareas (un proceso y la configuración que lo
gobierna) y los archivos sueltos, sin validar ni modificar nada. Repartir no sabe qué hace cada
tarea: recibe una función de módulo (el grupo de procesos la envía por nombre), la aplica a cada
tarea, en serie o en paralelo, devuelve los resultados en orden y avisa el avance.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from caja_ga.archivos import ruta_visible
from caja_ga.config import Config, Configuraciones
from caja_ga.errores import ErrorDeUso
from caja_ga.proceso import buscar_procesos, es_proceso, lee

T = TypeVar("T")
R = TypeVar("R")

AlAvanzar = Callable[[int, int], None]  # (procesos listos, total): para mostrar una barra


class RutaInexistente(ErrorDeUso):
    """Una ruta pedida no existe o no contiene ningún proceso (código de salida 2)."""


@dataclass(frozen=True)
class Opciones:
    """Las opciones de todo comando que recorre procesos."""

    fecha_corte: date
    config: Path | None = None  # por omisión, la .caja-ga.yaml más cercana a cada proceso
    jobs: int = 1


@dataclass(frozen=True)
class Tarea:
    """Un proceso por validar, con la configuración que lo gobierna."""

    carpeta: Path
    origen: Path  # la ruta pedida en la que se encontró
    config: Config
    fecha_corte: date
    solo: frozenset[Path] | None = None  # validar solo estos archivos del proceso

    @property
    def carpeta_visible(self) -> str:
        return ruta_visible(self.carpeta)


@dataclass(frozen=True)
class ArchivoSuelto:
    """Un archivo YAML pedido que no está dentro de ningún proceso."""

    ruta: Path
    config: Config


@dataclass(frozen=True)
class Descubrimiento:
    tareas: list[Tarea]
    sueltos: list[ArchivoSuelto]
    configuraciones: tuple[Path, ...] = ()  # los archivos de configuración que se usaron


def descubrir(rutas: Iterable[Path], opciones: Opciones) -> Descubrimiento:
    """Una tarea por proceso de las rutas (carpetas o archivos .yaml) y los archivos sueltos.

    Cada proceso lleva la configuración de su propia carpeta, así que el resultado no depende de
    si se pidió la carpeta de arriba, la del proceso o uno de sus archivos.
    """
    configuraciones = Configuraciones(opciones.config, Path.cwd())
    tareas: list[Tarea] = []
    sueltos: dict[Path, ArchivoSuelto] = {}
    for ruta in rutas:
        if not ruta.exists():
            raise RutaInexistente(f"La ruta «{ruta_visible(ruta)}» no existe.")
        if ruta.is_dir():
            tareas.extend(_procesos_de_carpeta(ruta, configuraciones, opciones.fecha_corte))
        elif (tarea := _tarea_de_archivo(ruta, configuraciones, opciones.fecha_corte)) is not None:
            tareas.append(tarea)
        else:
            config = configuraciones.de(ruta.parent, ruta)
            sueltos.setdefault(ruta.resolve(), ArchivoSuelto(ruta, config))
    return Descubrimiento(_juntar(tareas), list(sueltos.values()), tuple(configuraciones.usadas))


def _procesos_de_carpeta(
    ruta: Path, configuraciones: Configuraciones, fecha_corte: date
) -> list[Tarea]:
    excluidos: list[Config] = []

    def excluido(carpeta: Path) -> bool:
        config = configuraciones.de(carpeta, ruta)
        if config.excluido(carpeta):
            excluidos.append(config)
            return True
        return False

    tareas = [
        Tarea(carpeta, ruta, configuraciones.de(carpeta, ruta), fecha_corte)
        for carpeta in buscar_procesos(ruta, excluido)
    ]
    if not tareas and excluidos:
        origen = excluidos[0].ruta
        raise RutaInexistente(
            f"Todos los procesos de «{ruta_visible(ruta)}» quedan excluidos por «excluir» en "
            f"la configuración «{ruta_visible(origen) if origen else '--config'}»; quita o "
            "ajusta ese patrón para validarlos."
        )
    if not tareas:
        raise RutaInexistente(
            f"No hay ningún proceso en «{ruta_visible(ruta)}»: un proceso es una carpeta con "
            "un archivo proceso.yaml (créala con «caja-ga init»)."
        )
    return tareas


def _tarea_de_archivo(
    ruta: Path, configuraciones: Configuraciones, fecha_corte: date
) -> Tarea | None:
    """La tarea del proceso que lee el archivo (solo ese archivo), o None si está suelto: fuera
    de todo proceso, o dentro de uno pero en un lugar que el proceso no lee."""
    if ruta.suffix.lower() not in (".yaml", ".yml"):
        raise RutaInexistente(
            f"«{ruta_visible(ruta)}» no es un archivo YAML: caja-ga valida "
            "carpetas de procesos o sus archivos .yaml."
        )
    resuelta = ruta.parent.resolve() / ruta.name  # el enlace mismo, no adonde apunta
    proceso = next((c for c in resuelta.parents if es_proceso(c)), None)
    if proceso is None or not lee(proceso, resuelta):
        return None
    config = configuraciones.de(proceso, ruta)
    return Tarea(proceso, ruta, config, fecha_corte, frozenset({resuelta}))


def _juntar(tareas: list[Tarea]) -> list[Tarea]:
    """Una tarea por proceso: pre-commit pasa varios archivos del mismo proceso a la vez."""
    juntas: dict[Path, Tarea] = {}
    for tarea in tareas:
        clave = tarea.carpeta.resolve()  # «p» y «p/../p» son el mismo proceso
        previa = juntas.get(clave)
        if previa is None:
            juntas[clave] = tarea
        elif previa.solo is not None:
            solo = None if tarea.solo is None else previa.solo | tarea.solo
            juntas[clave] = replace(previa, solo=solo)
    return list(juntas.values())


def repartir(
    funcion: Callable[[T], R],
    tareas: Sequence[T],
    jobs: int,
    al_avanzar: AlAvanzar | None = None,
    ya_listas: int = 0,
) -> Iterator[R]:
    """`funcion` aplicada a cada tarea, en orden; con `jobs` > 1, en un grupo de procesos.

    El avance se avisa cuando quien consume termina con cada resultado. `ya_listas` son tareas
    resueltas por otro camino (la caché): cuentan en el total y se avisan de una vez al empezar.
    """
    total = ya_listas + len(tareas)
    if ya_listas:
        _avisar(al_avanzar, ya_listas, total)
    with _recoleccion_espaciada():
        for listas, resultado in enumerate(_aplicar(funcion, tareas, jobs), ya_listas + 1):
            yield resultado
            _avisar(al_avanzar, listas, total)


@contextmanager
def _recoleccion_espaciada() -> Iterator[None]:
    """Menos pasadas del recolector de ciclos mientras se valida.

    Leer un proceso crea cientos de miles de objetos de vida corta (nodos, diccionarios,
    modelos) y casi ninguno forma ciclos: con los umbrales de Python el recolector recorría
    una y otra vez lo mismo, una cuarta parte del tiempo de validar. Lo ya importado se congela
    (tampoco se recorre, y los hijos del grupo de procesos lo comparten sin copiarlo).
    """
    umbrales = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*umbrales)
        gc.unfreeze()


def _aplicar(funcion: Callable[[T], R], tareas: Sequence[T], jobs: int) -> Iterator[R]:
    if jobs <= 1 or len(tareas) <= 2:
        yield from map(funcion, tareas)
        return
    # La primera tarea se hace aquí: importa y prepara lo que toda tarea usa (reglas, esquemas de
    # validación, catálogos) y los hijos lo heredan hecho en vez de repetirlo cada uno.
    yield funcion(tareas[0])
    from concurrent.futures import ProcessPoolExecutor  # solo en paralelo: no se importa antes

    gc.freeze()  # lo preparado no se recorre ni se copia en cada hijo
    resto = tareas[1:]
    # Tandas de hasta 16 tareas: pocas idas y vueltas entre procesos, y al final ningún hijo
    # se queda solo con una tanda larga (con 2,478 procesos, len // 16 eran 154 por tanda).
    tanda = max(1, min(_TANDA_MAXIMA, len(resto) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as grupo:
        yield from grupo.map(funcion, resto, chunksize=tanda)


_TANDA_MAXIMA = 16


def _avisar(al_avanzar: AlAvanzar | None, listas: int, total: int) -> None:
    if al_avanzar is not None:
        al_avanzar(listas, total)
