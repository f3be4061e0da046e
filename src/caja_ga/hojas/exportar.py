"""`caja-ga exportar`: el plan y el avance conocido, en un libro para llenar el siguiente corte.

Las hojas del plan (Compromisos, Metas, Actividades) llevan lo que dice plan.yaml; las del corte
nuevo (Avance, Evidencias, Indicadores) llevan lo último que se sabía antes de la fecha de corte,
tomado de la Vista (nunca recalculado aquí): el estado, el avance que cuenta y las evidencias de
cada actividad, y la última medición de cada indicador.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from caja_ga.andamio import escribir, guardar
from caja_ga.archivos import ruta_visible
from caja_ga.errores import ErrorDeUso
from caja_ga.escritura import huella
from caja_ga.hojas import libro
from caja_ga.hojas.definicion import (
    ACTIVIDADES,
    AVANCE,
    COMPROMISOS,
    EVIDENCIAS,
    HOJAS,
    INDICADORES,
    METAS,
    REPORTE,
    Hoja,
)
from caja_ga.modelos.plan import Actividad, Compromiso, Meta, Plan
from caja_ga.nuevo import carpeta_de_proceso
from caja_ga.proceso import CarpetaProceso, cargar_proceso
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True)
class Previo:
    """Lo que se sabía de una actividad antes del corte nuevo: lo que la hoja trae ya escrito."""

    compromiso: Compromiso
    actividad: Actividad
    estado: str
    avance: float
    evidencias: list[tuple[str | None, str | None]]


def plan_legible(proceso: CarpetaProceso) -> Plan:
    """El plan, si se leyó entero: con un valor ilegible descartado, el libro lo perdería."""
    documento = proceso.documentos.get("plan")
    if proceso.plan is None or (documento is not None and documento.rotos):
        detalle = "tiene errores de estructura" if "plan" in proceso.documentos else "no existe"
        raise ErrorDeUso(
            f"{ruta_visible(proceso.carpeta / 'plan.yaml')} {detalle}; «caja-ga validar» dice "
            "qué corregir antes de usar hojas de cálculo."
        )
    return proceso.plan


def previos(vista: Vista) -> list[Previo]:
    """Cada actividad vigente del plan (ni retirada ni cancelada), con su último avance."""
    plan = vista.plan
    assert plan is not None
    filas: list[Previo] = []
    vistas: set[str] = set()  # un id repetido en plan.yaml (GA003) se reporta una vez
    for compromiso in plan.compromisos:
        if compromiso.retirada:
            continue
        for actividad in compromiso.actividades:
            ultimo = vista.ultimos_avances.get(actividad.id)
            cancelada = ultimo is not None and ultimo.estado == "cancelada"
            if actividad.retirada or cancelada or actividad.id in vistas:
                continue
            vistas.add(actividad.id)
            conocido = vista.avances.get(actividad.id)
            filas.append(
                Previo(
                    compromiso,
                    actividad,
                    (ultimo.estado if ultimo is not None else None) or "no_iniciada",
                    conocido.valor if conocido is not None else 0.0,
                    [(e.descripcion, e.url) for e in ultimo.evidencias] if ultimo else [],
                )
            )
    return filas


def valor_en(modelo: Any, ruta: tuple[str, ...]) -> Any:
    """El valor del campo anidado (None si falta algún paso); una lista, un renglón por elemento."""
    for paso in ruta:
        if modelo is None:
            return None
        modelo = getattr(modelo, paso)
    if isinstance(modelo, list):
        return "\n".join(str(v) for v in modelo)
    return modelo


def _filas_del_plan(hoja: Hoja, elementos: Iterator[tuple[str, Any]]) -> list[list[Any]]:
    return [
        [
            id_compromiso if columna.clave == "compromiso" else valor_en(elemento, columna.ruta)
            for columna in hoja.columnas
        ]
        for id_compromiso, elemento in elementos
    ]


def _metas(plan: Plan) -> Iterator[tuple[str, Meta]]:
    return ((c.id, m) for c in plan.compromisos for m in c.metas)


def _actividades(plan: Plan) -> Iterator[tuple[str, Actividad]]:
    return ((c.id, a) for c in plan.compromisos for a in c.actividades)


def tablas(proceso: CarpetaProceso, fecha_corte: date) -> list[tuple[Hoja, list[list[Any]]]]:
    """Las filas de cada hoja, en el orden del libro."""
    plan = plan_legible(proceso)
    vista = Vista(proceso, fecha_corte).antes_del_reporte()
    filas_previas = previos(vista)
    documento = proceso.documentos["plan"]
    huella_plan = huella(documento.ruta.read_bytes())
    vigente = vista.plan
    assert vigente is not None
    mediciones = vista.mediciones
    por_hoja: dict[str, list[list[Any]]] = {
        REPORTE.archivo: [[fecha_corte, None, huella_plan]],
        AVANCE.archivo: [
            [p.compromiso.id, p.actividad.descripcion, p.actividad.id, p.estado, p.avance, None]
            for p in filas_previas
        ],
        EVIDENCIAS.archivo: [
            [p.actividad.id, descripcion, url]
            for p in filas_previas
            for descripcion, url in p.evidencias
        ],
        INDICADORES.archivo: [
            [
                meta.id,
                meta.indicador.nombre if meta.indicador else None,
                mediciones[meta.id][-1].valor if mediciones.get(meta.id) else None,
                mediciones[meta.id][-1].fecha if mediciones.get(meta.id) else None,
                None,
                None,
                None,
            ]
            for compromiso in vigente.compromisos
            if not compromiso.retirada
            for meta in compromiso.metas
        ],
        COMPROMISOS.archivo: _filas_del_plan(COMPROMISOS, ((c.id, c) for c in plan.compromisos)),
        METAS.archivo: _filas_del_plan(METAS, _metas(plan)),
        ACTIVIDADES.archivo: _filas_del_plan(ACTIVIDADES, _actividades(plan)),
    }
    return [(hoja, por_hoja[hoja.archivo]) for hoja in HOJAS]


def leeme(proceso: CarpetaProceso, fecha_corte: date, salida: Path) -> list[str]:
    nombre = proceso.proceso.municipio.nombre if proceso.proceso else None
    return [
        f"Avance y plan de {nombre or proceso.nombre}: reporte con fecha de corte "
        f"{fecha_corte.isoformat()}",
        "",
        "Cómo llenarlo:",
        "1. «Avance»: una fila por actividad, con lo último que se reportó. Cambia «estado» "
        "(elige de la lista: no_iniciada, en_proceso, completada o cancelada), «avance» (de 0 a "
        "100) y escribe en «observaciones» lo que explique retrasos o cambios.",
        "2. «Evidencias»: una fila por evidencia, con el id de la actividad, qué es y su "
        "dirección web. Agrega filas para las evidencias nuevas; las que ya estaban se conservan.",
        "3. «Indicadores»: escribe en «valor» lo medido para cada meta (y, si quieres, la «fecha» "
        "de la medición y su «fuente»). Las filas sin valor no se registran.",
        "4. «Reporte»: la «fecha_corte» es el día al que corresponde el reporte; «revisado_en» es "
        "el id de la sesión del EDT que lo revisó (el nombre de su archivo en sesiones/), si ya "
        "la hubo.",
        "5. «Compromisos», «Metas» y «Actividades» traen lo que dice plan.yaml. Si cambias una "
        "celda, ese valor cambia en plan.yaml y nada más. Un cambio a un plan ya aprobado se "
        "registra con «caja-ga nuevo modificacion»; aquí corrige solo erratas o lo que aún no se "
        "aprueba.",
        "",
        "Reglas:",
        "- Las columnas con fondo gris son de referencia: no se leen al importar.",
        "- No cambies los encabezados ni los nombres de las hojas. No agregues ni borres "
        "compromisos, metas o actividades aquí: usa «caja-ga nuevo compromiso» o plan.yaml.",
        "- Las listas (por ejemplo, resultados esperados escritos como lista) se editan en "
        "plan.yaml.",
        "- Las fechas se escriben AAAA-MM-DD. No uses fórmulas: escribe los valores.",
        "",
        "Cuando termines, guarda el libro y corre:",
        f"    caja-ga importar {ruta_visible(salida)} {ruta_visible(proceso.carpeta)}",
        "Si algo no está bien, caja-ga dice en qué hoja, fila y columna, y no escribe nada. Si "
        "todo está bien, escribe seguimiento/FECHA.yaml con el avance nuevo y los cambios en "
        "plan.yaml.",
    ]


def exportar(carpeta: Path, salida: Path, fecha_corte: date, *, forzar: bool = False) -> list[Path]:
    """Escribe el libro (xlsx) o un CSV por hoja; nunca sobrescribe sin `forzar`."""
    proceso = cargar_proceso(carpeta_de_proceso(carpeta))
    contenido = tablas(proceso, fecha_corte)
    lineas = leeme(proceso, fecha_corte, salida)
    if salida.suffix.lower() == ".xlsx":
        no_pisar([salida], forzar)
        guardar(salida, libro.escribir_xlsx(contenido, lineas), dentro_de=salida.parent)
        return [salida]
    if salida.suffix.lower() != ".csv" and salida.suffix:
        raise ErrorDeUso(
            f"«{ruta_visible(salida)}»: usa un nombre terminado en .xlsx, uno terminado en .csv "
            "(un CSV por hoja al lado) o una carpeta."
        )
    archivos = {
        libro.nombre_csv(salida, hoja): libro.escribir_csv(hoja, filas) for hoja, filas in contenido
    }
    archivos[libro.nombre_csv(salida, dataclasses.replace(HOJAS[0], archivo="leeme"))] = (
        libro.leeme_csv(lineas)
    )
    no_pisar(list(archivos), forzar)
    base = salida.parent if salida.suffix else salida
    relativos = {PurePosixPath(r.relative_to(base).as_posix()): t for r, t in archivos.items()}
    escribir(base, relativos, forzar=forzar)
    return list(archivos)


def no_pisar(rutas: list[Path], forzar: bool) -> None:
    """Sin --forzar, un archivo de salida que ya existe detiene todo antes de escribir."""
    existentes = [r for r in rutas if r.exists() or r.is_symlink()]
    if existentes and not forzar:
        raise ErrorDeUso(
            f"Ya existe {', '.join('«' + ruta_visible(r) + '»' for r in existentes)}; no se "
            "escribió nada. Usa --forzar para reemplazarlo o elige otra --salida."
        )
