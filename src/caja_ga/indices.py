"""Los ids de un proceso, por clase, con el lugar donde aparece cada uno.

Lo usan las reglas de ids repetidos (GA010) y de referencias rotas (GA009). Los ids son únicos
en su clase en todo el proceso, salvo los de los acuerdos: las minutas los numeran por sesión
(a1, a2…), así que son únicos dentro de su sesión y desde otro archivo se citan como
SESION/ACUERDO.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from caja_ga.problemas import Documento, Ruta
from caja_ga.proceso import CarpetaProceso
from caja_ga.vista import Vista

SEPARADOR_DE_ACUERDO: Final = "/"


@dataclass(frozen=True, slots=True)
class Aparicion:
    id: str
    documento: Documento
    ruta: Ruta
    ambito: str = ""  # donde el id debe ser único: la sesión de un acuerdo; el proceso, si no


def _lista(doc: Documento | None, campo: str, elementos: list[object]) -> Iterator[Aparicion]:
    if doc is None:
        return
    for indice, elemento in enumerate(elementos):
        yield Aparicion(str(getattr(elemento, "id")), doc, (campo, indice, "id"))  # noqa: B009


def apariciones(vista: Vista) -> dict[str, list[Aparicion]]:
    """Clase de id (en palabras del usuario) → cada aparición, en orden de archivo."""
    carpeta = vista.carpeta
    docs = carpeta.documentos
    clases: dict[str, list[Aparicion]] = {}
    if carpeta.espacio:
        clases["integrante del Espacio de Diálogo Tripartita"] = list(
            _lista(docs.get("espacio"), "integrantes", list(carpeta.espacio.integrantes))
        )
    if carpeta.nucleo:
        clases["integrante del Núcleo"] = list(
            _lista(docs.get("nucleo"), "integrantes", list(carpeta.nucleo.integrantes))
        )
    if carpeta.diagnostico:
        clases["dimensión del diagnóstico"] = list(
            _lista(docs.get("diagnostico"), "dimensiones", list(carpeta.diagnostico.dimensiones))
        )
    if carpeta.plan:
        clases.update(_del_plan(carpeta))
    if carpeta.agenda2030:
        clases["recomendación"] = list(
            _lista(
                docs.get("agenda2030"), "recomendaciones", list(carpeta.agenda2030.recomendaciones)
            )
        )
    if carpeta.evaluacion:
        clases["compromiso evaluado"] = list(
            _lista(docs.get("evaluacion"), "compromisos", list(carpeta.evaluacion.compromisos))
        )
    if carpeta.cocreacion:
        clases["propuesta"] = list(
            _lista(docs.get("cocreacion"), "propuestas", list(carpeta.cocreacion.propuestas))
        )
    clases["acuerdo"] = [
        Aparicion(acuerdo.id, leida.documento, ("acuerdos", indice, "id"), ambito=leida.id)
        for leida in vista.sesiones
        for indice, acuerdo in enumerate(leida.sesion.acuerdos)
    ]
    return clases


def sesiones_por_acuerdo(vista: Vista) -> dict[str, list[str]]:
    """Id de acuerdo → las sesiones que tienen un acuerdo con ese id, en orden."""
    sesiones: dict[str, list[str]] = defaultdict(list)
    for leida in vista.sesiones:
        for acuerdo in leida.sesion.acuerdos:
            if leida.id not in sesiones[acuerdo.id]:
                sesiones[acuerdo.id].append(leida.id)
    return dict(sesiones)


def _del_plan(carpeta: CarpetaProceso) -> dict[str, list[Aparicion]]:
    plan, doc = carpeta.plan, carpeta.documentos["plan"]
    assert plan is not None
    clases: dict[str, list[Aparicion]] = {"compromiso": [], "meta": [], "actividad": []}
    for i, compromiso in enumerate(plan.compromisos):
        clases["compromiso"].append(Aparicion(compromiso.id, doc, ("compromisos", i, "id")))
        for j, meta in enumerate(compromiso.metas):
            clases["meta"].append(Aparicion(meta.id, doc, ("compromisos", i, "metas", j, "id")))
        for j, actividad in enumerate(compromiso.actividades):
            clases["actividad"].append(
                Aparicion(actividad.id, doc, ("compromisos", i, "actividades", j, "id"))
            )
    return clases


def ids_por_clase(vista: Vista) -> defaultdict[str, set[str]]:
    """Clase de id → los ids de esa clase (vacío si el archivo que los define no se leyó)."""
    return defaultdict(
        set, {clase: {a.id for a in lista} for clase, lista in apariciones(vista).items()}
    )
