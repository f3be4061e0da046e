"""Una carpeta de proceso: encontrarla, leer sus archivos y ofrecer sus modelos a las reglas."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, NamedTuple, TypeVar

from caja_ga.archivos import ruta_visible
from caja_ga.carga import Ilegible, cargar_bytes, esta_dentro, leer_bytes, relativa_debajo
from caja_ga.esquema import modelar
from caja_ga.modelos.agenda2030 import Agenda2030
from caja_ga.modelos.base import FASES, Archivo
from caja_ga.modelos.cocreacion import Cocreacion
from caja_ga.modelos.diagnostico import Diagnostico
from caja_ga.modelos.espacio import Espacio
from caja_ga.modelos.evaluacion import Evaluacion
from caja_ga.modelos.nucleo import Nucleo
from caja_ga.modelos.plan import Plan
from caja_ga.modelos.proceso import Proceso
from caja_ga.problemas import Documento, Hallazgo

ARCHIVO_PROCESO: Final = "proceso.yaml"
ARCHIVOS: Final[dict[str, str]] = {
    "proceso.yaml": "proceso",
    "diagnostico.yaml": "diagnostico",
    "nucleo.yaml": "nucleo",
    "espacio.yaml": "espacio",
    "plan.yaml": "plan",
    "agenda2030.yaml": "agenda2030",
    "evaluacion.yaml": "evaluacion",
    "cocreacion.yaml": "cocreacion",
}
# Archivos que ningún proceso está obligado a tener (GA007 no los pide); su ausencia la juzga
# la regla que los necesita (la consulta del plan: GA316).
OPCIONALES: Final = frozenset({"cocreacion.yaml"})
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
    "cocreacion": "plan",
}

M = TypeVar("M", bound=Archivo)

# Lo que leyó la validación de un proceso: archivo relativo → hash de sus bytes (o el motivo por
# el que no se leyó); los archivos desconocidos cuentan por su nombre. La caché compara esto.
Firma = dict[str, str]
_DESCONOCIDO = "?"
_EXTENSIONES_YAML = (".yaml", ".yml")


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
    firma: Firma = field(default_factory=dict)

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

    @property
    def cocreacion(self) -> Cocreacion | None:
        return self._modelo("cocreacion", Cocreacion)


def es_proceso(carpeta: Path) -> bool:
    return (carpeta / ARCHIVO_PROCESO).is_file()


def proceso_que_contiene(carpeta: Path) -> Path | None:
    """La carpeta de proceso que es `carpeta` (tal como se escribió) o la contiene (la más
    cercana hacia arriba, absoluta); None si no está dentro de ninguna."""
    if es_proceso(carpeta):
        return carpeta
    return next((c for c in carpeta.absolute().parents if es_proceso(c)), None)


class Leido(NamedTuple):
    """Un archivo que lee la validación."""

    ruta: Path
    clase: str
    relativa: str  # dentro del proceso, con «/»: su clave en la firma
    sin_enlaces: bool  # al listarlo, ni él ni su carpeta eran enlaces: está dentro del proceso


@dataclass(frozen=True)
class Lectura:
    """Qué archivos de una carpeta de proceso lee la validación (con su clase) y cuáles tienen
    aspecto de YAML pero no se leen. Carga y caché usan esta misma lista."""

    archivos: list[Leido]
    desconocidos: list[Path]


def lectura(carpeta: Path) -> Lectura:
    # Se lista sin mirar qué es cada entrada: `leer_bytes` decide (y explica) qué no se lee.
    entradas = _entradas(carpeta)
    archivos = [
        Leido(carpeta / n, c, n, entradas.get(n) is False)
        for n, c in ARCHIVOS.items()
        if n in entradas or os.path.lexists(carpeta / n)  # un sistema sin mayúsculas
    ]
    desconocidos = [
        carpeta / nombre for nombre in entradas if _parece_yaml(nombre) and nombre not in ARCHIVOS
    ]
    for subcarpeta, clase in CARPETAS.items():
        ruta = carpeta / subcarpeta
        if os.path.lexists(ruta) and not esta_dentro(ruta, carpeta):
            # Un enlace que sale del proceso: GA003 al leerlo.
            archivos.append(Leido(ruta, clase, subcarpeta, False))
            continue
        real = entradas.get(subcarpeta) is False
        for nombre, enlace in _entradas(ruta).items():
            if nombre.endswith(".yaml"):
                relativa = f"{subcarpeta}/{nombre}"
                archivos.append(Leido(ruta / nombre, clase, relativa, real and not enlace))
            elif _parece_yaml(nombre):
                desconocidos.append(ruta / nombre)
    return Lectura(archivos, desconocidos)


def _entradas(carpeta: Path) -> dict[str, bool]:
    """Los nombres visibles de una carpeta, en orden, y si cada uno es un enlace simbólico (o no
    se sabe); ninguno si no es una carpeta legible. Listar ya dice qué es un enlace, sin
    preguntarlo archivo por archivo."""
    try:
        with os.scandir(carpeta) as listado:
            entradas = {e.name: _es_enlace(e) for e in listado if not e.name.startswith(".")}
    except OSError:
        return {}
    return dict(sorted(entradas.items()))


def _es_enlace(entrada: os.DirEntry[str]) -> bool:
    try:
        if entrada.is_symlink():
            return True
        # Una unión de Windows (junction) también lleva a otra parte; ahí el listado ya trae su
        # `stat` sin preguntar más (en otros sistemas costaría una llamada por archivo).
        return _WINDOWS and bool(getattr(entrada.stat(follow_symlinks=False), "st_reparse_tag", 0))
    except OSError:
        return True  # sin saberlo, se comprueba al leer


_WINDOWS: Final = os.name == "nt"


def _parece_yaml(nombre: str) -> bool:
    return nombre.lower().endswith(_EXTENSIONES_YAML)


def firma_de(carpeta: Path) -> Firma:
    """La firma de lo que leería `cargar_proceso`, sin modelar nada."""
    leida = lectura(carpeta)
    firma = {leido.relativa: _huella(leido, carpeta)[0] for leido in leida.archivos}
    firma.update((_relativa(ruta, carpeta), _DESCONOCIDO) for ruta in leida.desconocidos)
    return firma


def _huella(leido: Leido, carpeta: Path) -> tuple[str, bytes | Ilegible]:
    """El hash de los bytes del archivo y los bytes, o el motivo por el que no se leyó."""
    try:
        datos = leer_bytes(leido.ruta, None if leido.sin_enlaces else carpeta)
    except Ilegible as ilegible:
        return f"!{ilegible.codigo} {ilegible.mensaje}", ilegible
    return hashlib.blake2b(datos, digest_size=16).hexdigest(), datos


def _relativa(ruta: Path, carpeta: Path) -> str:
    if (relativa := relativa_debajo(ruta, carpeta)) is not None:
        return relativa.replace(os.sep, "/")
    return ruta.relative_to(carpeta).as_posix()


def cargar_proceso(carpeta: Path) -> CarpetaProceso:
    resultado = CarpetaProceso(carpeta, ruta_visible(carpeta))
    leida = lectura(carpeta)
    for leido in leida.archivos:
        huella, datos = _huella(leido, carpeta)
        resultado.firma[leido.relativa] = huella
        doc = _documento(leido.ruta, leido.clase, datos)
        if leido.clase == "sesion":
            resultado.sesiones.append(doc)
        elif leido.clase == "seguimiento":
            resultado.seguimientos.append(doc)
        else:
            resultado.documentos[leido.clase] = doc
    resultado.desconocidos.extend(leida.desconocidos)
    resultado.firma.update((_relativa(r, carpeta), _DESCONOCIDO) for r in leida.desconocidos)
    return resultado


def lee(carpeta: Path, archivo: Path) -> bool:
    """Si la validación de `carpeta` lee `archivo` (o lo señala como desconocido)."""
    leida = lectura(carpeta)
    return archivo in {leido.ruta for leido in leida.archivos} or archivo in leida.desconocidos


def cargar_archivo_suelto(ruta: Path) -> Documento:
    """Un archivo fuera de cualquier proceso: se revisa su sintaxis y su estructura."""
    clase = clase_de_archivo(ruta) or ""
    try:
        datos: bytes | Ilegible = leer_bytes(ruta)
    except Ilegible as ilegible:
        datos = ilegible
    return _documento(ruta, clase, datos)


def clase_de_archivo(ruta: Path) -> str | None:
    if ruta.name in ARCHIVOS:
        return ARCHIVOS[ruta.name]
    return CARPETAS.get(ruta.parent.name)


def _documento(ruta: Path, clase: str, datos: bytes | Ilegible) -> Documento:
    doc = Documento(ruta, ruta_visible(ruta), clase)
    if isinstance(datos, Ilegible):
        doc.hallazgos.append(Hallazgo(datos.mensaje, doc, codigo=datos.codigo))
        return doc
    cargar_bytes(doc, datos)
    modelado = modelar(doc)
    doc.modelo = modelado.modelo
    doc.rotos, doc.reubicados = modelado.rotos, modelado.reubicados
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


def documento_de_bytes(ruta: Path, clase: str, datos: bytes) -> Documento:
    """Un documento con el contenido `datos` en lugar del que tiene en el disco (lo que se está
    editando), leído y modelado como los demás del proceso."""
    return _documento(ruta, clase, datos)
