"""`caja-ga reporte`: encontrar procesos → leer y validar cada uno una vez → páginas → archivos.

Nada se escribe hasta que todos los procesos están validados: si alguno tiene errores (y no se
pidió `forzar`), la publicación se rechaza entera y la salida queda intacta. Cada archivo se
escribe de forma atómica dentro de la carpeta de salida; nunca se borra nada, así que los archivos
que ya estaban ahí y que el reporte no produce se conservan. Nada aquí imprime.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from caja_ga.andamio import escribir_atomico
from caja_ga.config import Config, buscar_config, leer_config
from caja_ga.errores import ErrorDeUso
from caja_ga.problemas import Problema, Severidad
from caja_ga.proceso import CarpetaProceso, buscar_procesos, cargar_proceso, ruta_visible
from caja_ga.reporte import datos_abiertos, indice
from caja_ga.reporte.contexto import construir
from caja_ga.reporte.paginas import renderizar
from caja_ga.reporte.resumen import ResumenProceso
from caja_ga.validacion import validar_carpeta

PAGINA = "index.html"
DOCUMENTO = "reporte.md"

Avance = Callable[[int, int], None]  # (procesos hechos, total)


@dataclass(frozen=True)
class Opciones:
    fecha_corte: date
    config: Path | None = None
    forzar: bool = False
    jobs: int = 1


@dataclass(frozen=True)
class _Tarea:
    carpeta: Path
    relativa: str  # dentro de la salida
    config: Config
    fecha_corte: date
    forzar: bool


@dataclass
class ProcesoPublicado:
    relativa: str
    visible: str  # la carpeta como la escribe el usuario, para los mensajes
    carpeta: CarpetaProceso
    problemas: list[Problema]
    resumen: ResumenProceso | None = None  # sin páginas cuando se rechaza
    html: str | None = None
    markdown: str | None = None

    @property
    def errores(self) -> int:
        return sum(1 for p in self.problemas if p.severidad is Severidad.ERROR)

    @property
    def avisos(self) -> int:
        return sum(1 for p in self.problemas if p.severidad is Severidad.AVISO)


@dataclass
class Publicacion:
    procesos: list[ProcesoPublicado]
    rechazada: bool  # hubo errores y no se pidió forzar: no se escribió nada
    escritos: list[Path] = field(default_factory=list)

    @property
    def con_errores(self) -> list[ProcesoPublicado]:
        return [p for p in self.procesos if p.errores]


def publicar(rutas: list[Path], salida: Path, opciones: Opciones,
             avance: Avance | None = None) -> Publicacion:
    """Valida y, si no hay errores (o con `forzar`), escribe el sitio en `salida`."""
    if salida.exists() and not salida.is_dir():
        raise ErrorDeUso(f"La salida «{ruta_visible(salida)}» es un archivo; debe ser una carpeta "
                         "(se crea si no existe).")
    tareas = _tareas(rutas, opciones)
    procesos = []
    for hechos, proceso in enumerate(_ejecutar(tareas, opciones.jobs), 1):
        procesos.append(proceso)
        if avance is not None:
            avance(hechos, len(tareas))
    if any(p.errores for p in procesos) and not opciones.forzar:
        return Publicacion(procesos, rechazada=True)
    return Publicacion(procesos, rechazada=False,
                       escritos=_escribir(procesos, salida, opciones.fecha_corte))


def _tareas(rutas: list[Path], opciones: Opciones) -> list[_Tarea]:
    tareas: list[_Tarea] = []
    destinos: dict[str, Path] = {}
    for ruta in rutas:
        if not ruta.is_dir():
            que = "no existe" if not ruta.exists() else "no es una carpeta"
            raise ErrorDeUso(f"La ruta «{ruta_visible(ruta)}» {que}: caja-ga reporte recibe "
                             "carpetas de procesos o carpetas que los contienen.")
        config = leer_config(opciones.config or buscar_config(ruta), Path.cwd())
        encontradas = list(buscar_procesos(ruta, config.excluido))
        if not encontradas:
            raise ErrorDeUso(f"No hay ningún proceso en «{ruta_visible(ruta)}»: un proceso es una "
                             "carpeta con un archivo proceso.yaml (créala con «caja-ga init»).")
        for carpeta in encontradas:
            relativa = _relativa(carpeta, ruta)
            if relativa in destinos and destinos[relativa].resolve() != carpeta.resolve():
                otro = ruta_visible(destinos[relativa])
                raise ErrorDeUso(
                    f"Los procesos «{otro}» y «{ruta_visible(carpeta)}» irían a la misma carpeta "
                    f"«{relativa}» de la salida; publícalos por separado o desde la carpeta que "
                    "los contiene a ambos.")
            if relativa not in destinos:
                destinos[relativa] = carpeta
                tareas.append(_Tarea(carpeta, relativa, config, opciones.fecha_corte,
                                     opciones.forzar))
    return tareas


def _relativa(carpeta: Path, ruta: Path) -> str:
    """La carpeta del proceso dentro de la salida: relativa a la ruta pedida, o su nombre si la
    ruta es el proceso mismo."""
    if carpeta.resolve() == ruta.resolve():
        return ruta.resolve().name
    return carpeta.relative_to(ruta).as_posix()


def _ejecutar(tareas: list[_Tarea], jobs: int) -> Iterator[ProcesoPublicado]:
    if jobs <= 1 or len(tareas) <= 1:
        yield from map(_procesar, tareas)
        return
    with ProcessPoolExecutor(max_workers=jobs) as grupo:
        yield from grupo.map(_procesar, tareas)


def _procesar(tarea: _Tarea) -> ProcesoPublicado:
    """Lee y valida un proceso; si se va a publicar, calcula también sus páginas."""
    carpeta = cargar_proceso(tarea.carpeta)
    problemas = validar_carpeta(carpeta, tarea.fecha_corte, tarea.config)
    proceso = ProcesoPublicado(tarea.relativa, carpeta.nombre, carpeta, problemas)
    if proceso.errores and not tarea.forzar:
        return proceso
    contexto = construir(carpeta, tarea.relativa, problemas, tarea.fecha_corte)
    paginas = renderizar(contexto)
    proceso.resumen, proceso.html = contexto.resumen, paginas.html
    proceso.markdown = paginas.markdown
    return proceso


def _escribir(procesos: list[ProcesoPublicado], salida: Path, fecha_corte: date) -> list[Path]:
    escritos: list[Path] = []

    def escribir(relativa: str, contenido: str) -> None:
        ruta = salida.joinpath(*PurePosixPath(relativa).parts)
        escribir_atomico(ruta, contenido)
        escritos.append(ruta)

    publicados = [(p, p.resumen) for p in procesos if p.resumen is not None]
    for proceso, _ in publicados:
        assert proceso.html is not None and proceso.markdown is not None
        escribir(f"{proceso.relativa}/{PAGINA}", proceso.html)
        escribir(f"{proceso.relativa}/{DOCUMENTO}", proceso.markdown)
    resumenes = [resumen for _, resumen in publicados]
    for nombre, html in indice.pagina_indice(resumenes, fecha_corte).items():
        escribir(nombre, html)
    escritos += datos_abiertos.escribir_datos_abiertos(
        [(resumen, proceso.carpeta) for proceso, resumen in publicados],
        salida / datos_abiertos.CARPETA)
    return escritos
