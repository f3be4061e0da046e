"""Tipos comunes de los modelos: fechas ISO, ids, claves INEGI, códigos ODS, URLs y opciones.

Los campos que la metodología exige se anotan con `REQUERIDO`: el modelo los acepta vacíos (un
andamio recién creado es válido) y la regla GA005 decide, según la fase, si su ausencia es un
error o un aviso. Qué cuenta como vacío (también un texto de puros espacios) lo dice
`caja_ga.vacio`, el mismo criterio para todas las reglas.

Cada tipo propio declara también su forma en el esquema JSON para los editores (`caja-ga
esquema`): las fechas como texto AAAA-MM-DD, las claves y códigos con su patrón. Las formas que
admiten variantes (sí/no, opciones, cantidades, listas) viven en `formas`, con su validador y su
esquema juntos, y se reexportan aquí.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Final, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

# Las formas aceptadas se definen en `formas`; aquí se reexportan con los demás tipos comunes.
from caja_ga.modelos.formas import Booleano as Booleano
from caja_ga.modelos.formas import Cantidad as Cantidad
from caja_ga.modelos.formas import Entero as Entero
from caja_ga.modelos.formas import Lista as Lista
from caja_ga.modelos.formas import Opcion as Opcion
from caja_ga.modelos.formas import OpcionDeSector
from caja_ga.modelos.formas import OpcionSiNo as OpcionSiNo
from caja_ga.modelos.formas import Presencia as Presencia
from caja_ga.modelos.formas import TextoOLista as TextoOLista

# La marca de REQUERIDO en el esquema JSON; esquemas_json la vuelve una nota en la descripción.
MARCA_REQUERIDO: Final = "x-caja-ga-requerido"


class _Requerido:
    """Marca de un campo que la metodología exige (ver GA005)."""

    def __repr__(self) -> str:
        return "REQUERIDO"

    def __get_pydantic_json_schema__(
        self, esquema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(esquema), MARCA_REQUERIDO: True}


REQUERIDO: Final = _Requerido()


class Modelo(BaseModel):
    # defer_build: el esquema de validación se arma al primer uso, no al importar (una corrida
    # que sale entera de la caché no lo necesita).
    # allow_inf_nan: «1e400» o un número de miles de cifras se desbordan a infinito; ningún
    # presupuesto, avance ni indicador es infinito (se publicaría «$inf MXN»).
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, defer_build=True, allow_inf_nan=False
    )


class Archivo(Modelo):
    """La raíz de cada archivo: todos empiezan con `version: 1`."""

    version: Annotated[
        Literal[1], Field(description="Versión del formato de caja-ga: siempre 1; no la cambies.")
    ]


_FECHA = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Un acuerdo se cita desde otro archivo como SESION/ACUERDO: sus ids se repiten entre sesiones.
_REFERENCIA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")
_ODS = re.compile(r"^\d{1,2}(?:\.[0-9a-z]{1,2}){0,2}$")
_CVEGEO = re.compile(r"^\d{5}$")
_ESTADOS = 32  # entidades federativas en el catálogo del INEGI
_URL = re.compile(r"^(?:https?://[^\s/]\S*|mailto:[^\s@]+@\S+)$", re.IGNORECASE)
_CORREO = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


def _fecha(valor: Any) -> Any:
    if isinstance(valor, date):
        return valor
    if isinstance(valor, str) and _FECHA.match(valor.strip()):
        try:
            return date.fromisoformat(valor.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "fecha",
        "«{valor}» no es una fecha válida: escríbela como AAAA-MM-DD, por ejemplo 2025-03-14",
        {"valor": valor},
    )


def _identificador(patron: re.Pattern[str], ejemplo: str) -> Callable[[Any], Any]:
    def leer(valor: Any) -> Any:
        if isinstance(valor, int) and not isinstance(valor, bool):
            valor = str(valor)
        if isinstance(valor, str) and patron.match(valor):
            return valor
        raise PydanticCustomError(
            "id",
            "«{valor}» no es un identificador válido: usa letras, números y guiones, sin "
            f"espacios ni acentos (por ejemplo {ejemplo})",
            {"valor": valor},
        )

    return leer


def _ods(valor: Any) -> Any:
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        raise PydanticCustomError(
            "ods_numero",
            "el código ODS «{valor}» está escrito como número y YAML lo leería mal "
            '(16.10 se vuelve 16.1); escríbelo entre comillas: "{valor}"',
            {"valor": valor},
        )
    if isinstance(valor, str) and _ODS.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "ods",
        "«{valor}» no es un código ODS: usa el objetivo («16»), la meta («16.6») o el "
        "indicador («16.6.2»)",
        {"valor": valor},
    )


def _cvegeo(valor: Any) -> Any:
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        raise PydanticCustomError(
            "cvegeo_numero",
            "la clave INEGI «{valor}» está escrita como número y YAML le quita "
            'los ceros a la izquierda; escríbela entre comillas: "{valor}"',
            {"valor": valor},
        )
    if isinstance(valor, str) and _CVEGEO.match(valor.strip()):
        clave = valor.strip()
        # Los estados van del 01 al 32 y ningún municipio es el 000: no es una clave que el
        # catálogo aún no tenga (GA101), sino una que no puede existir.
        if 1 <= int(clave[:2]) <= _ESTADOS and clave[2:] != "000":
            return clave
        raise PydanticCustomError(
            "cvegeo",  # el mismo tipo: esquema.py ya muestra su mensaje tal cual
            "«{valor}» no puede ser una clave INEGI de municipio: los 2 primeros dígitos son "
            "el estado (del 01 al 32) y los 3 últimos el municipio (desde 001), por ejemplo "
            '"14120"',
            {"valor": clave},
        )
    raise PydanticCustomError(
        "cvegeo",
        "«{valor}» no es una clave INEGI de municipio: son 5 dígitos, 2 del estado y 3 "
        'del municipio, por ejemplo "14120"',
        {"valor": valor},
    )


def _url(valor: Any) -> Any:
    if isinstance(valor, str) and _URL.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "url",
        "«{valor}» no es una dirección web válida: debe empezar con https:// (o http://)",
        {"valor": valor},
    )


def _correo(valor: Any) -> Any:
    if isinstance(valor, str) and _CORREO.match(valor.strip()):
        return valor.strip()
    raise PydanticCustomError(
        "correo", "«{valor}» no es un correo electrónico válido", {"valor": valor}
    )


def _telefono(valor: Any) -> Any:
    if isinstance(valor, int) and not isinstance(valor, bool):
        return str(valor)
    return valor


def _patron(patron: re.Pattern[str], ayuda: str, *ejemplos: str, **forma: Any) -> WithJsonSchema:
    """La forma de un texto con patrón; `patternErrorMessage` es el mensaje del editor."""
    ejemplos_json = {"examples": list(ejemplos)} if ejemplos else {}
    return WithJsonSchema(
        {
            "type": "string",
            **forma,
            "pattern": patron.pattern,
            **ejemplos_json,
            "patternErrorMessage": ayuda,
        }
    )


Fecha = Annotated[
    date,
    BeforeValidator(_fecha),
    _patron(
        _FECHA,
        "Escribe la fecha como AAAA-MM-DD, por ejemplo 2025-03-14.",
        "2025-03-14",
        format="date",
    ),
]
# Sin ejemplos: cada campo da los suyos (un compromiso «c1», una sesión «2025-04-30-plan»).
Id = Annotated[
    str,
    BeforeValidator(_identificador(_ID, "«c1-a2»")),
    _patron(
        _ID,
        "Un identificador lleva letras, números y guiones, sin espacios ni acentos, por "
        "ejemplo «c1-a2».",
        type=["string", "integer"],
        minimum=0,
    ),
]
Referencia = Annotated[
    str,
    BeforeValidator(
        _identificador(_REFERENCIA, "«c1-a2», o «2025-10-20-ordinaria/a1» para un acuerdo")
    ),
    _patron(
        _REFERENCIA,
        "Un identificador lleva letras, números y guiones, sin espacios ni acentos, por "
        "ejemplo «c1-a2»; un acuerdo se cita como SESION/ACUERDO: «2025-10-20-ordinaria/a1».",
        type=["string", "integer"],
        minimum=0,
    ),
]
CodigoODS = Annotated[
    str,
    BeforeValidator(_ods),
    _patron(
        _ODS,
        "Un código ODS es el objetivo («16»), la meta («16.6») o el indicador («16.6.2»), "
        "entre comillas.",
        "16",
        "16.6",
        "16.6.2",
    ),
]
Cvegeo = Annotated[
    str,
    BeforeValidator(_cvegeo),
    _patron(
        _CVEGEO,
        "La clave INEGI son 5 dígitos entre comillas (2 del estado y 3 del municipio), por "
        'ejemplo "14120".',
        "14120",
    ),
]
Url = Annotated[
    str,
    BeforeValidator(_url),
    _patron(
        _URL,
        "Una dirección web empieza con https:// (o http://).",
        "https://municipio.gob.mx/gobierno-abierto/",
    ),
]
Correo = Annotated[
    str,
    BeforeValidator(_correo),
    _patron(
        _CORREO,
        "Escribe un correo electrónico completo, por ejemplo gobiernoabierto@municipio.gob.mx.",
        "gobiernoabierto@municipio.gob.mx",
    ),
]
Telefono = Annotated[
    str,
    BeforeValidator(_telefono),
    WithJsonSchema({"type": ["string", "integer"], "examples": ["33 3818 2200"]}),
]

Fase = Literal["diagnostico", "instalacion", "dialogo", "plan", "implementacion", "evaluacion"]
FASES: Final[tuple[str, ...]] = get_args(Fase)

Grupo = Literal[
    "mujeres",
    "jovenes",
    "indigenas",
    "discapacidad",
    "lgbtiq",
    "personas_mayores",
    "afromexicanas",
    "otros",
]
Sector = Literal["gobierno_municipal", "autoridad_garante", "sociedad_civil"]

SectorEDT = Annotated[Sector, OpcionDeSector]
GrupoVulnerable = Annotated[Grupo, Opcion]


class Periodo(Modelo):
    """Un periodo con fecha de inicio y de fin (AAAA-MM-DD)."""

    inicio: Annotated[Fecha | None, REQUERIDO, Field(description="Primer día del periodo.")] = None
    fin: Annotated[
        Fecha | None,
        REQUERIDO,
        Field(description="Último día del periodo; no puede ser anterior al inicio (GA103)."),
    ] = None


class Persona(Modelo):
    """Datos de contacto: nunca se publican salvo con `contacto_publico: sí`."""

    nombre: Annotated[str | None, REQUERIDO, Field(description="Nombre completo.")] = None
    cargo: Annotated[
        str | None, Field(description="Cargo o puesto.", examples=["Regidora de Transparencia"])
    ] = None
    institucion: Annotated[
        str | None, Field(description="Dependencia, organización o institución a la que pertenece.")
    ] = None
    correo: Annotated[
        Correo | None,
        Field(description="Correo electrónico; solo se publica con `contacto_publico: sí`."),
    ] = None
    telefono: Annotated[
        Telefono | None,
        Field(description="Teléfono, entre comillas; solo se publica con `contacto_publico: sí`."),
    ] = None
    contacto_publico: Annotated[
        Booleano,
        Field(
            description="sí para publicar el correo y el teléfono en los reportes. El contacto "
            "institucional de una persona servidora pública puede publicarse; el de particulares, "
            "solo con su consentimiento."
        ),
    ] = False
