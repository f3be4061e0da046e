"""Catálogos de referencia empaquetados: municipios INEGI, ODS, O1–O9, agrupaciones de los ODS y
el día en que inician los periodos municipales de cada entidad.

Se cargan la primera vez que se piden y se guardan en memoria; nunca se leen de fuera del paquete.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

FECHA_CATALOGO_INEGI = "2025-10-21"
FUENTE_INEGI = (
    "INEGI, Catálogo Único de Claves de Áreas Geoestadísticas Estatales, "
    "Municipales y Localidades (consultado el 2025-10-21)"
)
FUENTE_ODS = "Naciones Unidas, A/RES/70/1; traducción de open-sdg/sdg-translations (MIT)"


@dataclass(frozen=True, slots=True)
class Municipio:
    cvegeo: str
    nombre: str
    entidad: str
    poblacion: int


@dataclass(frozen=True, slots=True)
class EntradaODS:
    tipo: str  # objetivo, meta o indicador
    codigo: str
    objetivo: int
    titulo: str
    texto: str


def _abrir(nombre: str) -> str:
    # NFC: parte de los textos de origen trae los acentos descompuestos (a + ´), y una búsqueda
    # de «corrupción» en el navegador no los encontraría.
    texto = resources.files("caja_ga.datos").joinpath(nombre).read_text(encoding="utf-8")
    return unicodedata.normalize("NFC", texto)


def _yaml(nombre: str) -> Any:
    return yaml.load(_abrir(nombre), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def municipios() -> dict[str, Municipio]:
    filas = csv.DictReader(_abrir("municipios_inegi_2025-10.csv").splitlines())
    return {
        fila["cvegeo"]: Municipio(
            fila["cvegeo"], fila["nom_mun"], fila["nom_ent"], int(fila["pob_total_censo2020"] or 0)
        )
        for fila in filas
    }


@cache
def ods() -> dict[str, EntradaODS]:
    filas = csv.DictReader(_abrir("ods_es.csv").splitlines())
    return {
        fila["codigo"]: EntradaODS(
            fila["tipo"],
            fila["codigo"],
            int(fila["objetivo"]),
            fila["titulo_corto_es"],
            fila["texto_es"],
        )
        for fila in filas
    }


@cache
def recomendaciones_agenda2030() -> dict[str, str]:
    etiquetas: dict[str, str] = _yaml("agenda2030.yaml")
    return etiquetas


@dataclass(frozen=True, slots=True)
class AgrupacionODS:
    """Una agrupación publicada de los ODS en dimensiones (la señal de O5 la usa)."""

    clave: str
    nombre: str
    fuente: str
    dimensiones: dict[str, str]  # clave → nombre para leer
    por_objetivo: dict[int, str]  # ODS → clave de su dimensión; los transversales no están


@cache
def agrupaciones_ods() -> dict[str, AgrupacionODS]:
    """Las agrupaciones empaquetadas, por clave (`agenda2030.agrupacion` en .caja-ga.yaml)."""
    return {
        clave: AgrupacionODS(
            clave,
            datos["nombre"],
            datos["fuente"],
            {dimension: d["nombre"] for dimension, d in datos["dimensiones"].items()},
            {
                objetivo: dimension
                for dimension, d in datos["dimensiones"].items()
                for objetivo in d["objetivos"]
            },
        )
        for clave, datos in _yaml("dimensiones_ods.yaml")["agrupaciones"].items()
    }


@cache
def agrupacion_por_omision() -> str:
    return str(_yaml("dimensiones_ods.yaml")["por_omision"])


@dataclass(frozen=True, slots=True)
class InicioDePeriodo:
    """Cuándo toman posesión los ayuntamientos de una entidad, y de dónde se sabe."""

    entidad: str
    mes: int
    dia: int
    anios: int
    fuente: str
    por_verificar: bool
    nota: str | None


@cache
def inicios_de_periodo() -> dict[str, InicioDePeriodo]:
    """Clave INEGI de la entidad (2 dígitos) → inicio de sus periodos municipales."""
    datos = _yaml("inicio_periodos_municipales.yaml")
    return {
        clave: InicioDePeriodo(
            entidad=e["entidad"],
            mes=e["inicio"]["mes"],
            dia=e["inicio"]["dia"],
            anios=e["anios"],
            fuente=e["fuente"],
            por_verificar=e["por_verificar"],
            nota=e.get("nota"),
        )
        for clave, e in datos["entidades"].items()
    }


def fecha_de_corte_periodos() -> str:
    return str(_yaml("inicio_periodos_municipales.yaml")["fecha_de_corte"])


def sin_acentos(texto: str) -> str:
    descompuesto = unicodedata.normalize("NFKD", texto.casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))
