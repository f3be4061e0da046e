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
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from caja_ga import ejecucion
from caja_ga.archivos import escribir_atomico, ruta_visible
from caja_ga.ejecucion import AlAvanzar, Tarea
from caja_ga.errores import ErrorDeUso
from caja_ga.problemas import Problema, Severidad
from caja_ga.reporte import datos_abiertos, indice
from caja_ga.reporte.contexto import construir
from caja_ga.reporte.datos_abiertos import FilasProceso, filas_de
from caja_ga.reporte.paginas import renderizar
from caja_ga.validacion import leer_y_validar

PAGINA = "index.html"
DOCUMENTO = "reporte.md"


@dataclass(frozen=True)
class Opciones(ejecucion.Opciones):
    forzar: bool = False  # publicar aunque haya errores de validación


@dataclass(frozen=True)
class _TareaReporte:
    """Validar un proceso y, si se publica, renderizarlo."""

    tarea: Tarea
    relativa: str  # dentro de la salida
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
    rutas: list[Path], salida: Path, opciones: Opciones, al_avanzar: AlAvanzar | None = None
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
        procesos = list(_preparar(tareas, opciones.jobs, provisional, al_avanzar))
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
    tareas: list[_TareaReporte], jobs: int, provisional: Path, al_avanzar: AlAvanzar | None
) -> Iterator[ProcesoPublicado]:
    """Cada proceso validado y con sus páginas ya guardadas en la carpeta provisional."""
    for proceso in ejecucion.repartir(_procesar, tareas, jobs, al_avanzar):
        if proceso.html is not None and proceso.markdown is not None:
            _guardar(provisional, f"{proceso.relativa}/{PAGINA}", proceso.html)
            _guardar(provisional, f"{proceso.relativa}/{DOCUMENTO}", proceso.markdown)
            proceso.html = proceso.markdown = None
        yield proceso


def _guardar(carpeta: Path, relativa: str, contenido: str) -> None:
    ruta = carpeta.joinpath(*PurePosixPath(relativa).parts)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(contenido, encoding="utf-8", newline="\n")


def _tareas(rutas: list[Path], opciones: Opciones) -> list[_TareaReporte]:
    for ruta in rutas:
        if ruta.exists() and not ruta.is_dir():
            raise ErrorDeUso(
                f"La ruta «{ruta_visible(ruta)}» no es una carpeta: caja-ga reporte recibe "
                "carpetas de procesos o carpetas que los contienen."
            )
    tareas: dict[str, _TareaReporte] = {}
    for tarea in ejecucion.descubrir(rutas, opciones).tareas:
        relativa = _relativa(tarea.carpeta, tarea.origen)
        previa = tareas.setdefault(relativa, _TareaReporte(tarea, relativa, opciones.forzar))
        if previa.tarea.carpeta.resolve() != tarea.carpeta.resolve():
            raise ErrorDeUso(
                f"Los procesos «{ruta_visible(previa.tarea.carpeta)}» y "
                f"«{ruta_visible(tarea.carpeta)}» irían a la misma carpeta «{relativa}» de la "
                "salida; publícalos por separado o desde la carpeta que los contiene a ambos."
            )
    return list(tareas.values())


def _relativa(carpeta: Path, ruta: Path) -> str:
    """La carpeta del proceso dentro de la salida: relativa a la ruta pedida, o su nombre si la
    ruta es el proceso mismo."""
    if carpeta.resolve() == ruta.resolve():
        return ruta.resolve().name
    return carpeta.relative_to(ruta).as_posix()


def _procesar(tarea: _TareaReporte) -> ProcesoPublicado:
    """Lee y valida un proceso; si se va a publicar, calcula también sus páginas y sus filas."""
    vista, problemas = leer_y_validar(tarea.tarea)
    proceso = ProcesoPublicado(tarea.relativa, vista.carpeta.nombre, problemas)
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
