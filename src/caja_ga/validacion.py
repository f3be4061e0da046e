"""El único lugar que conoce el orden: encontrar procesos → leer → reglas → problemas.

Devuelve un `Resultado`; no imprime nada. El motor pone a cada hallazgo el código de su regla,
la severidad configurada (o la que dicta la fase) y su línea y columna.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from caja_ga.archivos import ruta_visible
from caja_ga.cache import Cache, Firma
from caja_ga.config import Config, buscar_config, leer_config
from caja_ga.errores import ErrorDeUso
from caja_ga.modelos.base import FASES
from caja_ga.posiciones import ubicar
from caja_ga.problemas import (
    Documento,
    Hallazgo,
    Problema,
    Resultado,
    ResultadoProceso,
    Severidad,
)
from caja_ga.proceso import (
    FASE_DE_CLASE,
    buscar_procesos,
    cargar_archivo_suelto,
    cargar_proceso,
    es_proceso,
    indice_fase,
)
from caja_ga.reglas import Contexto, Exigencia, Regla, todas
from caja_ga.vista import Vista


class RutaInexistente(ErrorDeUso):
    """Una ruta pedida no existe o no contiene ningún proceso (código de salida 2)."""


@dataclass(frozen=True)
class Opciones:
    fecha_corte: date
    config: Path | None = None
    jobs: int = 1
    cache: bool = True
    cambios_desde: str | None = None  # una referencia de git: solo los procesos tocados desde ahí


AlAvanzar = Callable[[int, int], None]  # (procesos listos, total): para mostrar una barra


@dataclass(frozen=True)
class _Tarea:
    carpeta: Path
    config: Config
    fecha_corte: date
    solo: frozenset[Path] | None = None  # validar solo estos archivos del proceso

    @property
    def carpeta_visible(self) -> str:
        return ruta_visible(self.carpeta)


def validar(
    rutas: Iterable[Path], opciones: Opciones, al_avanzar: AlAvanzar | None = None
) -> Resultado:
    resultado = Resultado()
    tareas: list[_Tarea] = []
    for ruta in rutas:
        if not ruta.exists():
            raise RutaInexistente(f"La ruta «{ruta_visible(ruta)}» no existe.")
        config = leer_config(opciones.config or buscar_config(ruta), Path.cwd())
        nuevas = list(_tareas(ruta, config, opciones.fecha_corte, resultado))
        if not nuevas and not ruta.is_file():
            raise RutaInexistente(
                f"No hay ningún proceso en «{ruta_visible(ruta)}»: un proceso es una carpeta con "
                "un archivo proceso.yaml (créala con «caja-ga init»)."
            )
        tareas.extend(nuevas)
    tareas = _juntar(tareas)
    if opciones.cambios_desde is not None:
        tareas = tocadas_desde(tareas, opciones.cambios_desde)
    resultado.procesos.extend(_ejecutar(tareas, opciones, al_avanzar))
    return resultado


def _tareas(
    ruta: Path, config: Config, fecha_corte: date, resultado: Resultado
) -> Iterator[_Tarea]:
    if ruta.is_dir():
        for encontrada in buscar_procesos(ruta, config.excluido):
            yield _Tarea(encontrada, config, fecha_corte)
        return
    if ruta.suffix not in (".yaml", ".yml"):
        raise RutaInexistente(
            f"«{ruta_visible(ruta)}» no es un archivo YAML: caja-ga valida "
            "carpetas de procesos o sus archivos .yaml."
        )
    proceso = next((c for c in ruta.resolve().parents if es_proceso(c)), None)
    if proceso is not None:
        yield _Tarea(proceso, config, fecha_corte, frozenset({ruta.resolve()}))
        return
    doc = cargar_archivo_suelto(ruta)
    resultado.archivos_sueltos += 1
    resultado.sueltos.extend(_sellar(doc.hallazgos, None, config, None))


def _juntar(tareas: list[_Tarea]) -> list[_Tarea]:
    """Una tarea por proceso: pre-commit pasa varios archivos del mismo proceso a la vez."""
    juntas: dict[Path, _Tarea] = {}
    for tarea in tareas:
        clave = tarea.carpeta.absolute()
        previa = juntas.get(clave)
        if previa is None:
            juntas[clave] = tarea
        elif previa.solo is not None:
            solo = None if tarea.solo is None else previa.solo | tarea.solo
            juntas[clave] = replace(previa, solo=solo)
    return list(juntas.values())


def _ejecutar(
    tareas: list[_Tarea], opciones: Opciones, al_avanzar: AlAvanzar | None
) -> list[ResultadoProceso]:
    """Valida lo que la caché no tiene (en paralelo si se pide) y filtra por archivo al final."""
    cache = (
        Cache.abrir(Path.cwd(), {"fecha_corte": opciones.fecha_corte, "carpeta": Path.cwd()})
        if opciones.cache
        else None
    )
    completos: dict[int, ResultadoProceso] = {}
    firmas: dict[int, Firma] = {}
    for indice, tarea in enumerate(tareas):
        if cache is None:
            continue
        firmas[indice] = cache.firma(_clave(tarea), tarea.carpeta)
        if guardado := cache.buscar(_clave(tarea), firmas[indice]):
            completos[indice] = ResultadoProceso(tarea.carpeta_visible, *guardado)
    pendientes = [i for i in range(len(tareas)) if i not in completos]
    _avisar(al_avanzar, len(completos), len(tareas))
    for indice, hecho in zip(
        pendientes, _validar_todas([tareas[i] for i in pendientes], opciones.jobs), strict=True
    ):
        completos[indice] = hecho
        if cache is not None:
            cache.guardar(
                _clave(tareas[indice]), firmas[indice], hecho.fase, hecho.archivos, hecho.problemas
            )
        _avisar(al_avanzar, len(completos), len(tareas))
    if cache is not None:
        cache.escribir()
    return [_solo_lo_pedido(tareas[i], completos[i]) for i in range(len(tareas))]


def _avisar(al_avanzar: AlAvanzar | None, listos: int, total: int) -> None:
    if al_avanzar is not None:
        al_avanzar(listos, total)


def _clave(tarea: _Tarea) -> str:
    """La entrada de la caché: la carpeta y la configuración que la juzga."""
    return f"{tarea.carpeta.absolute()}|{tarea.config.huella}"


def _validar_todas(tareas: list[_Tarea], jobs: int) -> Iterator[ResultadoProceso]:
    if jobs <= 1 or len(tareas) <= 1:
        yield from map(validar_tarea, tareas)
        return
    todas()  # los procesos hijos heredan las reglas ya importadas en lugar de importarlas cada uno
    with ProcessPoolExecutor(max_workers=jobs) as grupo:
        yield from grupo.map(validar_tarea, tareas, chunksize=max(1, len(tareas) // (jobs * 8)))


def validar_tarea(tarea: _Tarea) -> ResultadoProceso:
    carpeta = cargar_proceso(tarea.carpeta)
    problemas = validar_carpeta(Vista(carpeta, tarea.fecha_corte), tarea.config)
    return ResultadoProceso(
        carpeta.nombre, carpeta.fase, sum(1 for _ in carpeta.todos()), problemas
    )


def _solo_lo_pedido(tarea: _Tarea, hecho: ResultadoProceso) -> ResultadoProceso:
    if tarea.solo is None:
        return hecho
    visibles = {ruta_visible(r) for r in tarea.solo}
    return replace(
        hecho,
        archivos=len(tarea.solo),
        problemas=[p for p in hecho.problemas if p.archivo in visibles],
    )


def tocadas_desde(tareas: list[_Tarea], referencia: str) -> list[_Tarea]:
    """Las tareas cuyos procesos tienen algún archivo cambiado desde `referencia` en git."""
    cambiados = archivos_cambiados(referencia)
    return [
        t
        for t in tareas
        if any(c == t.carpeta.resolve() or t.carpeta.resolve() in c.parents for c in cambiados)
    ]


def archivos_cambiados(referencia: str) -> set[Path]:
    """Archivos modificados, agregados o borrados desde `referencia`, y los nuevos sin registrar."""
    try:
        raiz = _git("rev-parse", "--show-toplevel").strip()
        nombres = _git("diff", "--name-only", referencia, "--").splitlines()
        nombres += _git("ls-files", "--others", "--exclude-standard", cwd=raiz).splitlines()
    except (OSError, subprocess.CalledProcessError) as error:
        detalle = getattr(error, "stderr", "") or str(error)
        raise ErrorDeUso(
            f"No se pudo preguntar a git qué cambió desde «{referencia}» "
            f"({detalle.strip()}); revisa que estés en un repositorio git y que la "
            "referencia exista."
        ) from None
    return {(Path(raiz) / nombre).resolve() for nombre in nombres if nombre}


def _git(*argumentos: str, cwd: str | None = None) -> str:
    return subprocess.run(
        ["git", *argumentos], capture_output=True, text=True, check=True, cwd=cwd
    ).stdout


def validar_carpeta(vista: Vista, config: Config) -> list[Problema]:
    carpeta = vista.carpeta
    problemas: list[Problema] = []
    for doc in carpeta.todos():
        problemas.extend(_sellar(doc.hallazgos, None, config, None))
    contexto = Contexto(vista, config.umbrales)
    for regla in todas().values():
        if regla.revisar is not None and config.severidades.get(regla.codigo, True) is not None:
            problemas.extend(_sellar(regla.revisar(contexto), regla, config, carpeta.fase))
    return sorted(problemas, key=Problema.clave_orden)


def _sellar(
    hallazgos: Iterable[Hallazgo], regla: Regla | None, config: Config, fase: str | None
) -> Iterator[Problema]:
    reglas = todas()
    for hallazgo in hallazgos:
        codigo = hallazgo.codigo or (regla.codigo if regla else "")
        configurada = config.severidades.get(codigo, reglas[codigo].severidad)
        if configurada is None:
            continue
        severidad, nota = configurada, None
        nivel = regla.exigencia if regla is not None else Exigencia.SIEMPRE
        if nivel is not Exigencia.SIEMPRE and _de_fase_futura(hallazgo.documento, fase):
            continue
        if nivel is Exigencia.POR_FASE and codigo not in config.severidades:
            exigencia = _exigencia(hallazgo.documento, fase)
            if exigencia is None:
                continue
            severidad, nota = exigencia
        linea, columna = _posicion(hallazgo)
        if hallazgo.documento is not None and _ignorado(hallazgo.documento, linea, codigo):
            continue
        archivo = hallazgo.archivo or (hallazgo.documento.archivo if hallazgo.documento else "")
        yield Problema(archivo, linea, columna, codigo, severidad, hallazgo.mensaje, nota)


def _de_fase_futura(doc: Documento | None, fase: str | None) -> bool:
    if doc is None or fase is None or doc.clase not in FASE_DE_CLASE:
        return False
    return indice_fase(FASE_DE_CLASE[doc.clase]) > indice_fase(fase)


def _exigencia(doc: Documento | None, fase: str | None) -> tuple[Severidad, str | None] | None:
    """Error si el archivo es de una fase cumplida; aviso si es de la actual; nada si es futura.

    Sin fase legible (proceso.yaml con errores) no se exige nada: ese error ya se informa.
    """
    if fase is None:
        return None
    if doc is None:
        return Severidad.ERROR, None
    propia, actual = indice_fase(FASE_DE_CLASE[doc.clase]), indice_fase(fase)
    if propia < actual:
        return Severidad.ERROR, None
    if propia > actual:
        return None
    siguiente = FASES[actual + 1] if actual + 1 < len(FASES) else None
    if siguiente is None:
        return Severidad.AVISO, f"fase actual: {fase} — se exigirá al cerrar el proceso"
    return Severidad.AVISO, f"fase actual: {fase} — se exigirá al pasar a {siguiente}"


def _posicion(hallazgo: Hallazgo) -> tuple[int | None, int | None]:
    if hallazgo.posicion is not None:
        return hallazgo.posicion
    doc = hallazgo.documento
    if doc is None or doc.nodo is None:
        return None, None
    return ubicar(doc.nodo, hallazgo.ruta, hallazgo.en_clave)


def _ignorado(doc: Documento, linea: int | None, codigo: str) -> bool:
    if linea is None or not doc.ignorados:
        return False
    return any(codigo in doc.ignorados.get(n, ()) for n in (linea, linea - 1))
