"""El único lugar que conoce el orden: encontrar procesos → leer → reglas → problemas.

Devuelve un `Resultado`; no imprime nada. El motor pone a cada hallazgo el código de su regla,
la severidad configurada (o la que dicta la fase) y su línea y columna. `validar` y `caja-ga
reporte` validan cada proceso con la misma función, `leer_y_validar`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from caja_ga import ejecucion, git
from caja_ga.archivos import ruta_visible
from caja_ga.cache import Caches
from caja_ga.config import NOMBRE_CONFIG, Config
from caja_ga.ejecucion import AlAvanzar, ArchivoSuelto, Tarea
from caja_ga.modelos.base import FASES
from caja_ga.posiciones import ubicar
from caja_ga.problemas import (
    Documento,
    Hallazgo,
    Problema,
    Resultado,
    ResultadoProceso,
    Ruta,
    Severidad,
)
from caja_ga.proceso import (
    ARCHIVO_PROCESO,
    FASE_DE_CLASE,
    Firma,
    cargar_archivo_suelto,
    cargar_proceso,
    firma_de,
    indice_fase,
)
from caja_ga.reglas import Contexto, Exigencia, Regla, todas
from caja_ga.vista import Vista


@dataclass(frozen=True)
class Opciones(ejecucion.Opciones):
    cache: bool = True
    cambios_desde: str | None = None  # una referencia de git: solo los procesos tocados desde ahí


def validar(
    rutas: Iterable[Path], opciones: Opciones, al_avanzar: AlAvanzar | None = None
) -> Resultado:
    rutas = list(rutas)
    descubierto = ejecucion.descubrir(rutas, opciones)
    tareas = descubierto.tareas
    if opciones.cambios_desde is not None:
        tareas = _tocadas(tareas, git.cambiados_desde(opciones.cambios_desde, rutas))
    return Resultado(
        procesos=_validar_procesos(tareas, opciones, al_avanzar),
        sueltos=[p for suelto in descubierto.sueltos for p in _validar_suelto(suelto)],
        archivos_sueltos=len(descubierto.sueltos),
        configuraciones=[ruta_visible(ruta) for ruta in descubierto.configuraciones],
    )


def _tocadas(tareas: list[Tarea], cambiados: set[Path]) -> list[Tarea]:
    """Las tareas cuyos procesos tienen algún archivo entre los `cambiados`, o a las que puede
    gobernar una `.caja-ga.yaml` cambiada (las de su carpeta para abajo)."""
    tocadas = {carpeta for cambiado in cambiados for carpeta in (cambiado, *cambiado.parents)}
    configuradas = {c.parent for c in cambiados if c.name == NOMBRE_CONFIG}
    return [
        t
        for t in tareas
        if (carpeta := t.carpeta.resolve()) in tocadas or configuradas & {carpeta, *carpeta.parents}
    ]


def _validar_suelto(suelto: ArchivoSuelto) -> Iterator[Problema]:
    doc = cargar_archivo_suelto(suelto.ruta)
    return _sellar(doc.hallazgos, None, suelto.config, None)


def _validar_procesos(
    tareas: list[Tarea], opciones: Opciones, al_avanzar: AlAvanzar | None
) -> list[ResultadoProceso]:
    """Valida lo que la caché no tiene (en paralelo si se pide) y filtra por archivo al final."""
    caches = (
        Caches({"fecha_corte": opciones.fecha_corte, "carpeta": Path.cwd()})
        if opciones.cache
        else None
    )
    completos: dict[int, ResultadoProceso] = {}
    for indice, tarea in enumerate(tareas):
        cache = caches.para(tarea.carpeta) if caches is not None else None
        clave = _clave(tarea)
        # Sin entrada guardada no hay con qué comparar: leer el proceso para firmarlo sería leerlo
        # dos veces (la validación lo firma al leerlo).
        if cache is None or clave not in cache.entradas:
            continue
        if guardado := cache.buscar(clave, firma_de(tarea.carpeta)):
            completos[indice] = ResultadoProceso(tarea.carpeta_visible, *guardado)
    pendientes = [i for i in range(len(tareas)) if i not in completos]
    por_validar = [tareas[i] for i in pendientes]
    hechos = ejecucion.repartir(
        _validar_y_firmar, por_validar, opciones.jobs, al_avanzar, len(completos)
    )
    for indice, (hecho, firma) in zip(pendientes, hechos, strict=True):
        completos[indice] = hecho
        if caches is not None and (cache := caches.para(tareas[indice].carpeta)) is not None:
            # Se guarda la firma de lo que esta validación leyó, no la de antes de leer.
            clave = _clave(tareas[indice])
            cache.guardar(clave, firma, hecho.fase, hecho.archivos, hecho.problemas)
    if caches is not None:
        caches.escribir()
    return [_solo_lo_pedido(tareas[i], completos[i]) for i in range(len(tareas))]


def _clave(tarea: Tarea) -> str:
    """La entrada de la caché: la carpeta y la configuración que la juzga."""
    return f"{tarea.carpeta.absolute()}|{tarea.config.huella}"


def leer_y_validar(tarea: Tarea) -> tuple[Vista, list[Problema]]:
    """Lee el proceso de la tarea y lo valida completo: la vista sirve también al reporte."""
    vista = Vista(cargar_proceso(tarea.carpeta), tarea.fecha_corte, tarea.config.agrupacion_ods)
    return vista, validar_carpeta(vista, tarea.config)


def _validar_y_firmar(tarea: Tarea) -> tuple[ResultadoProceso, Firma]:
    vista, problemas = leer_y_validar(tarea)
    carpeta = vista.carpeta
    hecho = ResultadoProceso(
        carpeta.nombre, carpeta.fase, sum(1 for _ in carpeta.todos()), problemas
    )
    return hecho, carpeta.firma


def _solo_lo_pedido(tarea: Tarea, hecho: ResultadoProceso) -> ResultadoProceso:
    if tarea.solo is None:
        return hecho
    visibles = {ruta_visible(r) for r in tarea.solo}
    return replace(
        hecho,
        archivos=len(tarea.solo),
        problemas=[p for p in hecho.problemas if p.archivo in visibles],
    )


def validar_carpeta(vista: Vista, config: Config) -> list[Problema]:
    carpeta = vista.carpeta
    problemas: list[Problema] = []
    for doc in carpeta.todos():
        problemas.extend(_sellar(doc.hallazgos, None, config, None))
    contexto = Contexto(vista, config.umbrales)
    for regla in todas().values():
        if regla.revisar is not None and config.severidades.get(regla.codigo, True) is not None:
            problemas.extend(_aplicar(regla, contexto, config))
    return sorted(problemas, key=Problema.clave_orden)


def _aplicar(regla: Regla, contexto: Contexto, config: Config) -> list[Problema]:
    """Los problemas de una regla; si la regla falla, un error que lo dice, ubicado en este
    proceso: las demás reglas y los demás procesos se revisan igual."""
    assert regla.revisar is not None
    carpeta = contexto.vista.carpeta
    try:
        return list(_sellar(regla.revisar(contexto), regla, config, carpeta.fase))
    except Exception as fallo:  # un fallo de una regla no aborta la corrida
        archivo = ruta_visible(carpeta.carpeta / ARCHIVO_PROCESO)
        mensaje = (
            f"caja-ga no pudo aplicar la regla {regla.codigo} a este proceso "
            f"({type(fallo).__name__}: {fallo}); es un fallo de caja-ga, no de tus archivos: "
            "repórtalo. Las demás reglas sí se aplicaron."
        )
        return [Problema(archivo, 1, 1, regla.codigo, Severidad.ERROR, mensaje)]


def _sellar(
    hallazgos: Iterable[Hallazgo], regla: Regla | None, config: Config, fase: str | None
) -> Iterator[Problema]:
    reglas = todas()
    for hallazgo in hallazgos:
        doc, ruta = hallazgo.documento, hallazgo.ruta
        if regla is not None and doc is not None:
            # Las reglas hablan del modelo; la lectura y el esquema, de los datos escritos.
            ruta = doc.en_datos(ruta)
            if _sobre_lo_descartado(doc, ruta):
                continue
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
        linea, columna = _posicion(hallazgo, ruta)
        if hallazgo.documento is not None and _ignorado(hallazgo.documento, linea, codigo):
            if not _impide_leer(hallazgo):
                continue
            nota = _NO_SE_IGNORA
        archivo = hallazgo.archivo or (hallazgo.documento.archivo if hallazgo.documento else "")
        yield Problema(archivo, linea, columna, codigo, severidad, hallazgo.mensaje, nota)


def _sobre_lo_descartado(doc: Documento, ruta: Ruta) -> bool:
    """Si un hallazgo de una regla habla de algo que se descartó por ilegible (ya lo dice GA004 o
    GA006): de un valor descartado o de lo que contiene, o de un campo del que se descartó una
    parte (una lista sin el elemento ilegible no está «vacía» ni «sin sociedad civil»)."""
    if not doc.rotos:
        return False
    campo = bool(ruta) and isinstance(ruta[-1], str)
    return doc.descartado(ruta) or (campo and doc.con_descartes(ruta))


_NO_SE_IGNORA = "un «ignorar» no silencia un error que deja sin leer lo que señala"


def _impide_leer(hallazgo: Hallazgo) -> bool:
    """Si el hallazgo es de la lectura o del modelo y dejó sin leer el archivo o el valor que
    señala: callarlo dejaría a las demás reglas sin eso y pasaría sin revisarse."""
    doc = hallazgo.documento
    return (
        hallazgo.codigo is not None
        and doc is not None
        and (doc.modelo is None or doc.descartado(hallazgo.ruta))
    )


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


def _posicion(hallazgo: Hallazgo, ruta: Ruta) -> tuple[int | None, int | None]:
    if hallazgo.posicion is not None:
        return hallazgo.posicion
    doc = hallazgo.documento
    if doc is None or doc.nodo is None:
        return None, None
    return ubicar(doc.nodo, ruta, hallazgo.en_clave)


def _ignorado(doc: Documento, linea: int | None, codigo: str) -> bool:
    if linea is None or not doc.ignorados:
        return False
    return any(codigo in doc.ignorados.get(n, ()) for n in (linea, linea - 1))
