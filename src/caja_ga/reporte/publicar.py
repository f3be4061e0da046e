"""`caja-ga reporte`: encontrar procesos → leer y validar cada uno una vez → páginas → archivos.

Un solo recorrido: cada proceso se lee, se valida y se convierte en sus páginas y sus filas de
datos abiertos (en paralelo con `jobs`), y sus páginas van a una carpeta provisional dentro de la
salida. Así la memoria no crece con el número de municipios. Si algún proceso tiene errores (y no
se pidió `forzar`), la carpeta provisional se borra y la salida queda como estaba; si no, cada
página pasa a su lugar con un reemplazo atómico. Nunca se borra nada que el reporte no haya
escrito. Nada aquí imprime.

Al volver a publicar en la misma salida, los procesos que no cambiaron no se leen ni se dibujan:
sus páginas y sus filas salen de la publicación anterior (reporte/incremental.py). El índice, la
coordinación y los datos abiertos se rehacen siempre con las filas de todos.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from caja_ga import ejecucion
from caja_ga.archivos import ruta_visible
from caja_ga.ejecucion import AlAvanzar, Tarea
from caja_ga.errores import ErrorDeUso
from caja_ga.problemas import Problema, Severidad
from caja_ga.proceso import Firma
from caja_ga.reporte import coordinacion, datos_abiertos, indice, sitio
from caja_ga.reporte.contexto import construir
from caja_ga.reporte.datos_abiertos import FilasProceso, filas_de
from caja_ga.reporte.incremental import PAGINAS_DE_PROCESO, Incremental
from caja_ga.reporte.paginas import pagina_de_reglas, renderizar
from caja_ga.reporte.privacidad import censor_del_proceso, sin_datos_sensibles
from caja_ga.reporte.secciones.validacion import PAGINA_REGLAS
from caja_ga.validacion import leer_y_validar

PAGINA, DOCUMENTO = PAGINAS_DE_PROCESO
# Lo que el sitio tiene en su raíz: una carpeta de proceso con ese nombre se publica con otro.
_RESERVADOS = frozenset(
    {*(p.archivo for p in (*indice.VISTAS, indice.VISTA_ODS)), datos_abiertos.CARPETA}
    | {sitio.MANIFIESTO, PAGINA_REGLAS, coordinacion.CARPETA}
)


@dataclass(frozen=True)
class Opciones(ejecucion.Opciones):
    forzar: bool = False  # publicar aunque haya errores de validación
    cache: bool = True  # volver a usar las páginas de los procesos que no cambiaron


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
    firma: Firma = field(default_factory=dict)  # lo que se leyó, para la caché

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
    _revisar_salida(salida)
    tareas = _tareas(rutas, opciones)
    _no_pisa_procesos(salida, rutas, tareas)
    try:
        sitio.recuperar(salida)
        previo = sitio.leer(salida)
        nuevo = sitio.carpeta_nueva(salida)
    except OSError as error:
        raise _no_se_pudo(salida, error) from None
    try:
        incremental = (
            Incremental.abrir(salida, previo, nuevo, opciones.fecha_corte)
            if opciones.cache
            else None
        )
        procesos = _preparar(tareas, opciones.jobs, nuevo, incremental, al_avanzar)
        if any(p.errores for p in procesos) and not opciones.forzar:
            return Publicacion(procesos, rechazada=True)
        try:
            escritos = _escribir(procesos, nuevo, opciones.fecha_corte)
            sitio.conservar_ajenos(previo, nuevo, escritos, forzar=opciones.forzar)
            sitio.cambiar(salida, nuevo, escritos)
        except OSError as error:
            raise _no_se_pudo(salida, error) from None
        if incremental is not None:
            incremental.escribir()
        return Publicacion(
            procesos, rechazada=False, escritos=[salida.joinpath(*r.parts) for r in escritos]
        )
    finally:
        sitio.borrar(nuevo)


def _revisar_salida(salida: Path) -> None:
    """La salida es una carpeta propia del sitio: ni un archivo, ni un enlace, ni la carpeta
    actual (ni una que la contenga), que el cambio de una vez movería entera."""
    visible = ruta_visible(salida)
    if salida.is_symlink():
        raise ErrorDeUso(
            f"La salida «{visible}» es un enlace simbólico; caja-ga no escribe a través de "
            "enlaces: da la carpeta real."
        )
    if salida.exists() and not salida.is_dir():
        raise ErrorDeUso(
            f"La salida «{visible}» es un archivo; debe ser una carpeta (se crea si no existe)."
        )
    actual = Path.cwd().resolve()
    if salida.resolve() in (actual, *actual.parents):
        raise ErrorDeUso(
            f"--salida «{visible}» es la carpeta actual o una que la contiene: el sitio va en "
            "una carpeta propia, por ejemplo «--salida sitio»."
        )


def _no_pisa_procesos(salida: Path, rutas: list[Path], tareas: list[_TareaReporte]) -> None:
    destino = salida.resolve()
    for carpeta in [*rutas, *(t.tarea.carpeta for t in tareas)]:
        resuelta = carpeta.resolve()
        if destino == resuelta or destino in resuelta.parents:
            raise ErrorDeUso(
                f"--salida «{ruta_visible(salida)}» contiene los procesos («"
                f"{ruta_visible(carpeta)}»); el sitio va en una carpeta aparte, por ejemplo "
                "«--salida sitio»."
            )


def _no_se_pudo(salida: Path, error: OSError) -> ErrorDeUso:
    return ErrorDeUso(
        f"No se pudo publicar en «{ruta_visible(salida)}» ({error.strerror or error}"
        f"{f': {ruta_visible(Path(error.filename))}' if error.filename else ''}). El sitio se arma "
        "en una carpeta hermana de la salida y se cambia de una vez: revisa que se pueda escribir "
        "en la carpeta que contiene la salida y que haya espacio. El sitio quedó como estaba."
    )


def _preparar(
    tareas: list[_TareaReporte],
    jobs: int,
    provisional: Path,
    incremental: Incremental | None,
    al_avanzar: AlAvanzar | None,
) -> list[ProcesoPublicado]:
    """Cada proceso validado y con sus páginas ya en la carpeta provisional: las de los procesos
    que no cambiaron se toman del sitio anterior; las demás se validan y se dibujan."""
    listos: dict[int, ProcesoPublicado] = {}
    if incremental is not None:
        for indice, tarea in enumerate(tareas):
            if (guardado := incremental.reusar(tarea.tarea, tarea.relativa)) is not None:
                listos[indice] = guardado
    pendientes = [i for i in range(len(tareas)) if i not in listos]
    hechos = ejecucion.repartir(
        _procesar, [tareas[i] for i in pendientes], jobs, al_avanzar, len(listos)
    )
    for indice, proceso in zip(pendientes, hechos, strict=True):
        if proceso.html is not None and proceso.markdown is not None:
            paginas = {PAGINA: proceso.html, DOCUMENTO: proceso.markdown}
            for nombre, texto in paginas.items():
                _guardar(provisional, f"{proceso.relativa}/{nombre}", texto)
            proceso.html = proceso.markdown = None
            if incremental is not None:
                incremental.guardar(tareas[indice].tarea, proceso)
        listos[indice] = proceso
    return [listos[i] for i in range(len(tareas))]


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
        relativa = ruta.resolve().name
    else:
        relativa = carpeta.relative_to(ruta).as_posix()
    # Un nombre que no es UTF-8 válido no se puede escribir en una página ni en un enlace.
    relativa = relativa.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    primera, _, resto = relativa.partition("/")
    if primera in _RESERVADOS:  # una carpeta «index.html» o «datos» no pisa el índice
        return "/".join(filter(None, (f"{primera}-proceso", resto)))
    return relativa


def _procesar(tarea: _TareaReporte) -> ProcesoPublicado:
    """Lee y valida un proceso; si se va a publicar, calcula también sus páginas y sus filas."""
    vista, problemas = leer_y_validar(tarea.tarea)
    proceso = ProcesoPublicado(
        tarea.relativa, vista.carpeta.nombre, problemas, firma=vista.carpeta.firma
    )
    if proceso.errores and not tarea.forzar:
        return proceso
    contexto = construir(vista, tarea.relativa, sin_datos_sensibles(problemas, vista.carpeta))
    paginas = renderizar(contexto)
    proceso.filas = filas_de(contexto.resumen, vista)
    censor = censor_del_proceso(vista.carpeta)
    proceso.html = censor.censurar(paginas.html)
    proceso.markdown = censor.censurar(paginas.markdown)
    return proceso


def _escribir(
    procesos: list[ProcesoPublicado], nueva: Path, fecha_corte: date
) -> list[PurePosixPath]:
    """Completa el sitio nuevo (las páginas ya están) con el índice y los datos abiertos;
    devuelve todo lo que escribió caja-ga, relativo a la salida."""
    publicados = [p.filas for p in procesos if p.filas is not None]
    escritos = [
        PurePosixPath(filas.resumen.carpeta, nombre)
        for filas in publicados
        for nombre in (PAGINA, DOCUMENTO)
    ]
    paginas = indice.pagina_indice([f.resumen for f in publicados], fecha_corte)
    paginas |= coordinacion.paginas([f.ficha for f in publicados], fecha_corte)
    for nombre, html in paginas.items():
        _guardar(nueva, nombre, html)
        escritos.append(PurePosixPath(nombre))
    _guardar(nueva, PAGINA_REGLAS, pagina_de_reglas())
    escritos.append(PurePosixPath(PAGINA_REGLAS))
    datos = datos_abiertos.escribir_datos_abiertos(publicados, nueva / datos_abiertos.CARPETA)
    return escritos + [PurePosixPath(ruta.relative_to(nueva).as_posix()) for ruta in datos]
