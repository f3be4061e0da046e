"""`caja-ga reporte`: encontrar procesos → leer y validar cada uno una vez → páginas → archivos.

Un solo recorrido: cada proceso se lee, se valida y se convierte en sus páginas y sus filas de
datos abiertos (en paralelo con `jobs`), y sus páginas van a una carpeta provisional dentro de la
salida. Así la memoria no crece con el número de municipios. Si algún proceso tiene errores (y no
se pidió `forzar`), la carpeta provisional se borra y la salida queda como estaba; si no, cada
página pasa a su lugar con un reemplazo atómico. Nunca se borra nada que el reporte no haya
escrito. Nada aquí imprime.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from caja_ga.archivos import escribir_atomico, ruta_visible
from caja_ga.config import Config, buscar_config, leer_config
from caja_ga.errores import ErrorDeUso
from caja_ga.problemas import Problema, Severidad
from caja_ga.proceso import buscar_procesos, cargar_proceso
from caja_ga.reporte import datos_abiertos, indice
from caja_ga.reporte.contexto import construir
from caja_ga.reporte.datos_abiertos import FilasProceso, filas_de
from caja_ga.reporte.paginas import renderizar
from caja_ga.validacion import validar_carpeta
from caja_ga.vista import Vista

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
    problemas: list[Problema]
    filas: FilasProceso | None = None  # sin páginas ni datos cuando se rechaza
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


def publicar(
    rutas: list[Path], salida: Path, opciones: Opciones, avance: Avance | None = None
) -> Publicacion:
    """Valida y, si no hay errores (o con `forzar`), escribe el sitio en `salida`."""
    if salida.exists() and not salida.is_dir():
        raise ErrorDeUso(
            f"La salida «{ruta_visible(salida)}» es un archivo; debe ser una carpeta "
            "(se crea si no existe)."
        )
    tareas = _tareas(rutas, opciones)
    existia = salida.exists()
    salida.mkdir(parents=True, exist_ok=True)
    provisional = Path(tempfile.mkdtemp(prefix=".caja-ga-publicando-", dir=salida))
    try:
        procesos = list(_preparar(tareas, opciones.jobs, provisional, avance))
        if any(p.errores for p in procesos) and not opciones.forzar:
            return Publicacion(procesos, rechazada=True)
        return Publicacion(
            procesos,
            rechazada=False,
            escritos=_escribir(procesos, provisional, salida, opciones.fecha_corte),
        )
    finally:
        shutil.rmtree(provisional, ignore_errors=True)
        if not existia and not any(salida.iterdir()):
            salida.rmdir()


def _preparar(
    tareas: list[_Tarea], jobs: int, provisional: Path, avance: Avance | None
) -> Iterator[ProcesoPublicado]:
    """Cada proceso validado y con sus páginas ya guardadas en la carpeta provisional."""
    for hechos, proceso in enumerate(_ejecutar(tareas, jobs), 1):
        if proceso.html is not None and proceso.markdown is not None:
            _guardar(provisional, f"{proceso.relativa}/{PAGINA}", proceso.html)
            _guardar(provisional, f"{proceso.relativa}/{DOCUMENTO}", proceso.markdown)
            proceso.html = proceso.markdown = None
        if avance is not None:
            avance(hechos, len(tareas))
        yield proceso


def _guardar(carpeta: Path, relativa: str, contenido: str) -> None:
    ruta = carpeta.joinpath(*PurePosixPath(relativa).parts)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(contenido, encoding="utf-8", newline="\n")


def _tareas(rutas: list[Path], opciones: Opciones) -> list[_Tarea]:
    tareas: list[_Tarea] = []
    destinos: dict[str, Path] = {}
    for ruta in rutas:
        if not ruta.is_dir():
            que = "no existe" if not ruta.exists() else "no es una carpeta"
            raise ErrorDeUso(
                f"La ruta «{ruta_visible(ruta)}» {que}: caja-ga reporte recibe "
                "carpetas de procesos o carpetas que los contienen."
            )
        config = leer_config(opciones.config or buscar_config(ruta), Path.cwd())
        encontradas = list(buscar_procesos(ruta, config.excluido))
        if not encontradas:
            raise ErrorDeUso(
                f"No hay ningún proceso en «{ruta_visible(ruta)}»: un proceso es una "
                "carpeta con un archivo proceso.yaml (créala con «caja-ga init»)."
            )
        for carpeta in encontradas:
            relativa = _relativa(carpeta, ruta)
            if relativa in destinos and destinos[relativa].resolve() != carpeta.resolve():
                otro = ruta_visible(destinos[relativa])
                raise ErrorDeUso(
                    f"Los procesos «{otro}» y «{ruta_visible(carpeta)}» irían a la misma carpeta "
                    f"«{relativa}» de la salida; publícalos por separado o desde la carpeta que "
                    "los contiene a ambos."
                )
            if relativa not in destinos:
                destinos[relativa] = carpeta
                tareas.append(
                    _Tarea(carpeta, relativa, config, opciones.fecha_corte, opciones.forzar)
                )
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
        yield from grupo.map(_procesar, tareas, chunksize=max(1, len(tareas) // (jobs * 8)))


def _procesar(tarea: _Tarea) -> ProcesoPublicado:
    """Lee y valida un proceso; si se va a publicar, calcula también sus páginas y sus filas."""
    carpeta = cargar_proceso(tarea.carpeta)
    vista = Vista(carpeta, tarea.fecha_corte)
    problemas = validar_carpeta(vista, tarea.config)
    proceso = ProcesoPublicado(tarea.relativa, carpeta.nombre, problemas)
    if proceso.errores and not tarea.forzar:
        return proceso
    contexto = construir(vista, tarea.relativa, problemas)
    paginas = renderizar(contexto)
    proceso.filas = filas_de(contexto.resumen, vista)
    proceso.html, proceso.markdown = paginas.html, paginas.markdown
    return proceso


def _escribir(
    procesos: list[ProcesoPublicado], provisional: Path, salida: Path, fecha_corte: date
) -> list[Path]:
    """Pasa las páginas a su lugar y escribe el índice y los datos abiertos."""
    escritos: list[Path] = []
    publicados = [p.filas for p in procesos if p.filas is not None]
    for filas in publicados:
        for nombre in (PAGINA, DOCUMENTO):
            relativa = PurePosixPath(filas.resumen.carpeta, nombre).parts
            destino = salida.joinpath(*relativa)
            destino.parent.mkdir(parents=True, exist_ok=True)
            provisional.joinpath(*relativa).replace(destino)
            escritos.append(destino)
    for nombre, html in indice.pagina_indice([f.resumen for f in publicados], fecha_corte).items():
        escribir_atomico(salida / nombre, html)
        escritos.append(salida / nombre)
    escritos += datos_abiertos.escribir_datos_abiertos(publicados, salida / datos_abiertos.CARPETA)
    return escritos
