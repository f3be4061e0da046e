"""Tipos comunes de los modelos: fechas ISO, ids, claves INEGI, códigos ODS, URLs y opciones.

Los campos que la metodología exige se anotan con `REQUERIDO`: el modelo los acepta vacíos (un
andamio recién creado es válido) y la regla GA005 decide, según la fase, si su ausencia es un
error o un aviso.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Final, Literal, TypeVar, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError


class _Requerido:
    """Marca de un campo que la metodología exige (ver GA005)."""

    def __repr__(self) -> str:
        return "REQUERIDO"


REQUERIDO: Final = _Requerido()


class Modelo(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Archivo(Modelo):
    """La raíz de cada archivo: todos empiezan con `version: 1`."""

    version: Literal[1]


_FECHA = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ODS = re.compile(r"^\d{1,2}(?:\.[0-9a-z]{1,2}){0,2}$")
_CVEGEO = re.compile(r"^\d{5}$")
_URL = re.compile(r"^(?:https?://[^\s/]+\S*|mailto:\S+@\S+)$", re.IGNORECASE)
_OPCION_CANONICA = re.compile(r"^[a-z0-9_]+$")
_CORREO = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _fecha(valor: Any) -> Any:
    if isinstance(valor, date):
        return valor
    if isinstance(valor, str) and _FECHA.match(valor.strip()):
        try:
            return date.fromisoformat(valor.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "fecha", "«{valor}» no es una fecha válida: escríbela como AAAA-MM-DD, por ejemplo "
        "2025-03-14", {"valor": valor})


def _id(valor: Any) -> Any:
    if isinstance(valor, int) and not isinstance(valor, bool):
        valor = str(valor)
    if isinstance(valor, str) and _ID.match(valor):
        return valor
    raise PydanticCustomError(
        "id", "«{valor}» no es un identificador válido: usa letras, números y guiones, sin "
        "espacios ni acentos (por ejemplo «c1-a2»)", {"valor": valor})


def _ods(valor: Any) -> Any:
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        raise PydanticCustomError(
            "ods_numero", "el código ODS «{valor}» está escrito como número y YAML lo leería mal "
            "(16.10 se vuelve 16.1); escríbelo entre comillas: \"{valor}\"", {"valor": valor})
    if isinstance(valor, str) and _ODS.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "ods", "«{valor}» no es un código ODS: usa el objetivo («16»), la meta («16.6») o el "
        "indicador («16.6.2»)", {"valor": valor})


def _cvegeo(valor: Any) -> Any:
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        raise PydanticCustomError(
            "cvegeo_numero", "la clave INEGI «{valor}» está escrita como número y se pierden sus "
            "ceros a la izquierda; escríbela entre comillas, por ejemplo \"01001\"",
            {"valor": valor})
    if isinstance(valor, str) and _CVEGEO.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "cvegeo", "«{valor}» no es una clave INEGI de municipio: son 5 dígitos, 2 del estado y 3 "
        "del municipio, por ejemplo \"14120\"", {"valor": valor})


def _url(valor: Any) -> Any:
    if isinstance(valor, str) and _URL.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "url", "«{valor}» no es una dirección web válida: debe empezar con https:// (o http://)",
        {"valor": valor})


def _correo(valor: Any) -> Any:
    if isinstance(valor, str) and _CORREO.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "correo", "«{valor}» no es un correo electrónico válido", {"valor": valor})


def _telefono(valor: Any) -> Any:
    if isinstance(valor, int) and not isinstance(valor, bool):
        return str(valor)
    return valor


def _lista(valor: Any) -> Any:
    """Un solo texto donde se espera una lista se acepta como lista de un elemento."""
    return [valor] if isinstance(valor, str) else valor


def normalizar_opcion(valor: Any) -> Any:
    """«Sí», «Participación» o «En proceso» valen como `si`, `participacion`, `en_proceso`."""
    if not isinstance(valor, str) or _OPCION_CANONICA.match(valor):
        return valor
    sin_acentos = unicodedata.normalize("NFKD", valor.strip().lower())
    sin_acentos = "".join(c for c in sin_acentos if not unicodedata.combining(c))
    return re.sub(r"[\s-]+", "_", sin_acentos)


T = TypeVar("T")

Fecha = Annotated[date, BeforeValidator(_fecha)]
Id = Annotated[str, BeforeValidator(_id)]
CodigoODS = Annotated[str, BeforeValidator(_ods)]
Cvegeo = Annotated[str, BeforeValidator(_cvegeo)]
Url = Annotated[str, BeforeValidator(_url)]
Correo = Annotated[str, BeforeValidator(_correo)]
Telefono = Annotated[str, BeforeValidator(_telefono)]
Lista = Annotated[list[T], BeforeValidator(_lista)]

Fase = Literal["diagnostico", "instalacion", "dialogo", "plan", "implementacion", "evaluacion"]
FASES: Final[tuple[str, ...]] = get_args(Fase)

Grupo = Literal["mujeres", "jovenes", "indigenas", "discapacidad", "lgbtiq", "personas_mayores",
                "afromexicanas", "otros"]
Sector = Literal["gobierno_municipal", "autoridad_garante", "sociedad_civil"]


def _sector(valor: Any) -> Any:
    """La reforma de 2025 cambió «órgano garante» por «autoridad garante»: se aceptan ambos."""
    valor = normalizar_opcion(valor)
    return "autoridad_garante" if valor == "organo_garante" else valor


Opcion = BeforeValidator(normalizar_opcion)
SectorEDT = Annotated[Sector, BeforeValidator(_sector)]
GrupoVulnerable = Annotated[Grupo, Opcion]


class Periodo(Modelo):
    inicio: Annotated[Fecha | None, REQUERIDO] = None
    fin: Annotated[Fecha | None, REQUERIDO] = None


class Persona(Modelo):
    """Datos de contacto: nunca se publican salvo con `contacto_publico: true`."""

    nombre: Annotated[str | None, REQUERIDO] = None
    cargo: str | None = None
    institucion: str | None = None
    correo: Correo | None = None
    telefono: Telefono | None = None
    contacto_publico: bool = False
