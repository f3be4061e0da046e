"""Una carpeta de proceso: encontrarla, leer sus archivos y ofrecer sus modelos a las reglas."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeVar

from caja_ga.archivos import ruta_visible
from caja_ga.carga import cargar
from caja_ga.esquema import modelar
from caja_ga.modelos.agenda2030 import Agenda2030
from caja_ga.modelos.base import FASES, Archivo
from caja_ga.modelos.diagnostico import Diagnostico
from caja_ga.modelos.espacio import Espacio
from caja_ga.modelos.evaluacion import Evaluacion
from caja_ga.modelos.nucleo import Nucleo
from caja_ga.modelos.plan import Plan
from caja_ga.modelos.proceso import Proceso
from caja_ga.problemas import Documento

ARCHIVO_PROCESO: Final = "proceso.yaml"
ARCHIVOS: Final[dict[str, str]] = {
    "proceso.yaml": "proceso",
    "diagnostico.yaml": "diagnostico",
    "nucleo.yaml": "nucleo",
    "espacio.yaml": "espacio",
    "plan.yaml": "plan",
    "agenda2030.yaml": "agenda2030",
    "evaluacion.yaml": "evaluacion",
}
CARPETAS: Final[dict[str, str]] = {"sesiones": "sesion", "seguimiento": "seguimiento"}
# La fase del proceso en la que cada clase de archivo debe quedar completa.
FASE_DE_CLASE: Final[dict[str, str]] = {
    "proceso": "diagnostico",
    "diagnostico": "diagnostico",
    "nucleo": "instalacion",
    "espacio": "instalacion",
    "sesion": "dialogo",
    "plan": "plan",
    "agenda2030": "plan",
    "seguimiento": "implementacion",
    "evaluacion": "evaluacion",
}

M = TypeVar("M", bound=Archivo)


def indice_fase(fase: str) -> int:
    return FASES.index(fase)


@dataclass(eq=False)
class CarpetaProceso:
    carpeta: Path
    nombre: str
    documentos: dict[str, Documento] = field(default_factory=dict)
    sesiones: list[Documento] = field(default_factory=list)
    seguimientos: list[Documento] = field(default_factory=list)
    desconocidos: list[Path] = field(default_factory=list)

    def todos(self) -> Iterator[Documento]:
        yield from self.documentos.values()
        yield from self.sesiones
        yield from self.seguimientos

    def _modelo(self, clase: str, tipo: type[M]) -> M | None:
        doc = self.documentos.get(clase)
        return doc.modelo if doc is not None and isinstance(doc.modelo, tipo) else None

    @property
    def proceso(self) -> Proceso | None:
        return self._modelo("proceso", Proceso)

    @property
    def fase(self) -> str | None:
        return self.proceso.fase if self.proceso else None

    @property
    def diagnostico(self) -> Diagnostico | None:
        return self._modelo("diagnostico", Diagnostico)

    @property
    def nucleo(self) -> Nucleo | None:
        return self._modelo("nucleo", Nucleo)

    @property
    def espacio(self) -> Espacio | None:
        return self._modelo("espacio", Espacio)

    @property
    def plan(self) -> Plan | None:
        return self._modelo("plan", Plan)

    @property
    def agenda2030(self) -> Agenda2030 | None:
        return self._modelo("agenda2030", Agenda2030)

    @property
    def evaluacion(self) -> Evaluacion | None:
        return self._modelo("evaluacion", Evaluacion)


def es_proceso(carpeta: Path) -> bool:
    return (carpeta / ARCHIVO_PROCESO).is_file()


def cargar_proceso(carpeta: Path) -> CarpetaProceso:
    resultado = CarpetaProceso(carpeta, ruta_visible(carpeta))
    for nombre, clase in ARCHIVOS.items():
        ruta = carpeta / nombre
        if ruta.is_file():
            resultado.documentos[clase] = _leer(ruta, clase)
    for subcarpeta, clase in CARPETAS.items():
        destino = resultado.sesiones if clase == "sesion" else resultado.seguimientos
        for ruta in sorted((carpeta / subcarpeta).glob("*")):
            if ruta.suffix == ".yaml" and ruta.is_file():
                destino.append(_leer(ruta, clase))
            elif ruta.suffix == ".yml":
                resultado.desconocidos.append(ruta)
    resultado.desconocidos.extend(
        ruta
        for ruta in sorted(carpeta.glob("*.y*ml"))
        if ruta.name not in ARCHIVOS and not ruta.name.startswith(".")
    )
    return resultado


def cargar_archivo_suelto(ruta: Path) -> Documento:
    """Un archivo fuera de cualquier proceso: se revisa su sintaxis y su estructura."""
    return _leer(ruta, clase_de_archivo(ruta) or "")


def clase_de_archivo(ruta: Path) -> str | None:
    if ruta.name in ARCHIVOS:
        return ARCHIVOS[ruta.name]
    return CARPETAS.get(ruta.parent.name)


def _leer(ruta: Path, clase: str) -> Documento:
    doc = cargar(ruta, ruta_visible(ruta), clase)
    modelado = modelar(doc)
    doc.modelo = modelado.modelo
    doc.hallazgos.extend(modelado.hallazgos)
    return doc


def buscar_procesos(raiz: Path, excluido: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """Las carpetas de proceso bajo `raiz`, en orden alfabético, sin entrar en carpetas ocultas."""
    for actual, subcarpetas, archivos in os.walk(raiz):
        subcarpetas[:] = sorted(
            d for d in subcarpetas if not d.startswith(".") and d not in CARPETAS
        )
        carpeta = Path(actual)
        if excluido is not None and excluido(carpeta):
            subcarpetas.clear()
            continue
        if ARCHIVO_PROCESO in archivos:
            yield carpeta
