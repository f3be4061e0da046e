"""Las formas en que una persona escribe un valor, y cómo las lee caja-ga.

Cada forma es una marca de `Annotated` con las dos caras de la misma definición: cómo el modelo
lee lo escrito (un validador que corre antes del tipo) y qué acepta el esquema JSON de los
editores (`caja-ga esquema`). Así el validador y el editor no pueden discrepar: aceptan y
rechazan lo mismo (tests/test_variantes.py lo comprueba variante por variante). La tabla de
formas aceptadas del README sale de `FORMAS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final, TypeVar, get_args

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from caja_ga.opciones import ESPACIOS, clave_de_opcion, patron_de_opciones
from caja_ga.redaccion import enumerar


class Forma:
    """Una forma de escribir un valor: qué acepta (para el README), cómo se lee y cómo la ve el
    editor. Las subclases definen `leer` y `alternativas`."""

    titulo: str = ""
    acepta: str = ""

    def lector(self, fuente: Any) -> Callable[[Any], Any]:
        """La función que convierte lo escrito al tipo `fuente` (o lo deja para que falle)."""
        return self.leer

    def leer(self, valor: Any) -> Any:
        return valor

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        """Las formas del esquema JSON, a partir de la que pydantic genera para el tipo."""
        return [generado]

    def __get_pydantic_core_schema__(
        self, fuente: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_before_validator_function(self.lector(fuente), handler(fuente))

    def __get_pydantic_json_schema__(
        self, esquema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        generado = handler(esquema)
        opciones = self.alternativas(generado)
        if len(opciones) == 1:
            return opciones[0]
        descripcion: dict[str, Any] = {
            k: generado.pop(k) for k in ("description", "examples") if k in generado
        }
        return {"anyOf": opciones, **descripcion}


def _texto_con_patron(patron: str, ayuda: str) -> JsonSchemaValue:
    return {"type": "string", "pattern": patron, "patternErrorMessage": ayuda}


class _Opcion(Forma):
    """Una opción de una lista cerrada (un `Literal`), escrita como sea que la escriba una persona:
    «Participación», «En proceso», «gobierno-municipal». `alias` son nombres viejos que también
    valen (`organo_garante`); con `booleanos`, `true` y `false` valen como `si` y `no`."""

    titulo = "Opciones de una lista"
    acepta = (
        "con mayúsculas, acentos (á, à, ü, ñ), espacios o guiones en lugar de «_» y «de» entre "
        "palabras: `Participación`, `En proceso`, `gobierno-municipal`, `Rendición de cuentas`"
    )

    def __init__(self, alias: Mapping[str, str] | None = None, booleanos: bool = False) -> None:
        self.alias = dict(alias or {})
        self.booleanos = booleanos

    def lector(self, fuente: Any) -> Callable[[Any], Any]:
        canonicas: tuple[str, ...] = get_args(fuente)
        tabla = {clave_de_opcion(c): c for c in canonicas}
        tabla |= {clave_de_opcion(a): tabla[clave_de_opcion(c)] for a, c in self.alias.items()}

        escritas = frozenset(canonicas)

        def leer(valor: Any) -> Any:
            if self.booleanos and isinstance(valor, bool):
                return tabla["si" if valor else "no"]
            if not isinstance(valor, str) or valor in escritas:  # lo común: ya es canónica
                return valor
            return tabla.get(clave_de_opcion(valor), valor)

        return leer

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        canonicas = generado.get("enum") or [generado["const"]]
        texto = _texto_con_patron(
            patron_de_opciones([*canonicas, *self.alias]),
            f"Usa una de estas opciones: {', '.join(canonicas)} (valen mayúsculas y acentos).",
        )
        booleano = [{"type": "boolean"}] if self.booleanos else []
        return [generado, texto, *booleano]


Opcion: Final = _Opcion()
# La reforma de 2025 cambió «órgano garante» por «autoridad garante»: se aceptan ambos.
OpcionDeSector: Final = _Opcion(alias={"organo_garante": "autoridad_garante"})
_SI_NO: Final = {
    "si": True,
    "verdadero": True,
    "true": True,
    "no": False,
    "falso": False,
    "false": False,
}
# Una opción que incluye «si» y «no» (`cumple`) acepta también cualquier forma de sí o no.
OpcionSiNo: Final = _Opcion(
    alias={palabra: "si" if valor else "no" for palabra, valor in _SI_NO.items()}, booleanos=True
)


# Sí y no en inglés: YAML 1.1 los leía como booleanos y YAML 1.2 como texto; aquí, ni uno ni otro.
_EN_INGLES: Final = ("yes", "y", "on", "off")


def _no_es_si_no(valor: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "booleano",
        "«{valor}» no es una respuesta de sí o no: escribe sí o no (también valen verdadero y "
        "falso, o true y false)",
        {"valor": valor},
    )


def leer_si_no(valor: Any) -> bool | None:
    """`True`/`False` o la palabra «sí», «no», «verdadero», «falso», «true», «false» (en
    cualquier combinación de mayúsculas y acentos); None si no es ninguna."""
    if isinstance(valor, bool):
        return valor
    return _SI_NO.get(clave_de_opcion(valor)) if isinstance(valor, str) else None


class _Booleano(Forma):
    titulo = "Sí o no"
    acepta = (
        "`sí`, `si`, `no`, `verdadero`, `falso` (con o sin acento, en mayúsculas o minúsculas) y "
        "`true`/`false`; `yes`, `on`, `off`, `1` o `0` se rechazan con el mensaje «escribe sí o no»"
    )

    def leer(self, valor: Any) -> Any:
        leido = leer_si_no(valor)
        if leido is None:
            raise _no_es_si_no(valor)
        return leido

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        texto = _texto_con_patron(patron_de_opciones(_SI_NO), "Escribe sí o no (o true/false).")
        return [generado, texto]


def _sin_mayusculas(palabra: str) -> str:
    return "".join(f"[{c}{c.upper()}]" for c in palabra)


_ESPACIO: Final = "[ \\t\\u00a0]*"
# Sin grupos con nombre: el patrón va también al esquema JSON, que los editores leen en JavaScript.
_CIFRAS: Final = "([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
_CANTIDAD: Final = re.compile(
    f"^{_ESPACIO}\\$?{_ESPACIO}{_CIFRAS}(\\.[0-9]+)?{_ESPACIO}"
    f"(?:%|{_sin_mayusculas('mxn')}|{_sin_mayusculas('pesos')})?{_ESPACIO}$"
)
_ENTERO: Final = re.compile(f"^{_ESPACIO}{_CIFRAS}{_ESPACIO}$")


class _Numero(Forma):
    """Un número, o un texto con la forma de `patron` (cifras con separador de miles y, en una
    cantidad, decimales, porcentaje o moneda)."""

    def __init__(self, tipo: type[int] | type[float], patron: re.Pattern[str], **textos: str):
        self.tipo, self.patron = tipo, patron
        self.titulo, self.acepta = textos["titulo"], textos["acepta"]
        self.error, self.que, self.como = textos["error"], textos["que"], textos["como"]

    def leer(self, valor: Any) -> Any:
        if isinstance(valor, int | float) and not isinstance(valor, bool):
            # Un entero escrito con «.0» (90.0) es entero; con otros decimales, no.
            if self.tipo is float or isinstance(valor, int):
                return valor
            if valor.is_integer():
                return int(valor)
        elif isinstance(valor, str) and (coincidencia := self.patron.match(valor)):
            # Las cifras sin separador de miles y, si los hay, los decimales.
            return self.tipo("".join(g or "" for g in coincidencia.groups()).replace(",", ""))
        raise PydanticCustomError(
            self.error, f"«{{valor}}» no es {self.que}: {self.como}", {"valor": valor}
        )

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        ayuda = f"{self.como[0].upper()}{self.como[1:]}."
        return [generado, _texto_con_patron(self.patron.pattern, ayuda)]


class _Lista(Forma):
    titulo = "Listas"
    acepta = (
        "una lista, un solo elemento (un texto o un mapeo: vale como lista de uno) o nada "
        "(lista vacía): `responsables: Dirección de Obras`"
    )

    def lector(self, fuente: Any) -> Callable[[Any], Any]:
        (elemento,) = get_args(fuente)
        # Un texto suelto es un elemento solo donde los elementos son textos: en `compromisos`,
        # el mensaje «debe ser una lista» es el que ayuda.
        sueltos = (
            (dict,) if _es_modelo(elemento) else (str, dict) if _con_mapeo(elemento) else (str,)
        )

        def leer(valor: Any) -> Any:
            if valor is None:
                return []
            return [valor] if isinstance(valor, sueltos) else valor

        return leer

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        elemento = generado["items"]
        sueltos = [
            {**rama, "type": "string"} if "string" in _tipos(rama) else rama
            for rama in elemento.get("anyOf", [elemento])
            if "string" in _tipos(rama) or "$ref" in rama or "object" in _tipos(rama)
        ]
        return [*sueltos, generado, {"type": "null"}]


def _es_modelo(tipo: Any) -> bool:
    return isinstance(tipo, type) and issubclass(tipo, BaseModel)


def _con_mapeo(tipo: Any) -> bool:
    """Un texto que también se escribe como mapeo (`ComoTexto`)."""
    return any(isinstance(marca, ComoTexto) for marca in get_args(tipo)[1:])


def _tipos(rama: JsonSchemaValue) -> list[str]:
    tipo = rama.get("type", [])
    return [tipo] if isinstance(tipo, str) else list(tipo)


class _TextoOLista(Forma):
    titulo = "Un texto o varios"
    acepta = (
        "un texto o una lista de textos, que se unen en uno: "
        "`[Unidad de Transparencia, Contraloría]`"
    )

    def leer(self, valor: Any) -> Any:
        if isinstance(valor, list) and all(isinstance(v, str) for v in valor):
            return enumerar(valor)  # una lista vacía es un texto vacío: falta (GA005)
        return valor

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        return [generado, {"type": "array", "items": {"type": "string"}}]


class _Presencia(Forma):
    """Un actor del diagnóstico: `{presente, nota}`, o abreviado en un sí/no o en la nota."""

    titulo = "Actores del diagnóstico"
    acepta = (
        "`{presente: sí, nota: …}`, solo `sí`/`no`, o solo la nota: el actor está presente, "
        "salvo que la nota empiece con «no» (`No hay organizaciones registradas.`)"
    )

    def leer(self, valor: Any) -> Any:
        si_no = leer_si_no(valor)
        if si_no is not None:
            return {"presente": si_no}
        if not isinstance(valor, str):
            return valor
        nota = valor.strip(ESPACIOS)
        if clave_de_opcion(nota) in _EN_INGLES:
            raise _no_es_si_no(valor)
        if not nota:
            return None
        return {"presente": not _EMPIEZA_CON_NO.match(clave_de_opcion(nota)), "nota": nota}

    def alternativas(self, generado: JsonSchemaValue) -> list[JsonSchemaValue]:
        opciones = generado["anyOf"] if set(generado) == {"anyOf"} else [generado]
        nota = {"type": "string", "not": {"pattern": patron_de_opciones(_EN_INGLES)}}
        return [*opciones, {"type": "boolean"}, nota]


_EMPIEZA_CON_NO: Final = re.compile(r"no(?![a-z0-9])")


class ComoTexto(Forma):
    """Un texto, o un mapeo con el modelo `detalle` que se escribe como texto (un invitado: su
    nombre, o `{nombre, cargo, institucion, sector}`)."""

    titulo = "Invitados de una sesión"
    acepta = "el nombre, o `{nombre, cargo, institucion, sector}`"

    def __init__(self, detalle: type[BaseModel], como_texto: Callable[[Any], str]) -> None:
        self.detalle = detalle
        self.como_texto = como_texto

    def __get_pydantic_core_schema__(
        self, fuente: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        mapeo = core_schema.chain_schema(
            [
                handler.generate_schema(self.detalle),
                core_schema.no_info_plain_validator_function(self.como_texto),
            ]
        )
        return core_schema.tagged_union_schema(
            {"mapeo": mapeo, "texto": handler(fuente)},
            discriminator=lambda valor: "mapeo" if isinstance(valor, dict) else "texto",
        )

    def __get_pydantic_json_schema__(
        self, esquema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        eleccion = esquema["choices"]
        detalle = handler(eleccion["mapeo"]["steps"][0])
        detalle.pop("title", None)
        return {"anyOf": [handler(eleccion["texto"]), detalle]}


T = TypeVar("T")

# Las cantidades y los enteros son marcas: las restricciones del número van antes que ellas,
# `Annotated[float, Field(ge=0), Cantidad]`, para que el esquema JSON las ponga en el número.
Cantidad: Final = _Numero(
    float,
    _CANTIDAD,
    titulo="Cantidades",
    acepta="un número o un texto con separador de miles, porcentaje o moneda: `50%`, "
    "`$350,000`, `350000 pesos`, `1,200.50 MXN`",
    error="cantidad",
    que="una cantidad",
    como="escribe un número, como 40, 40%, $350,000 o 350000 pesos",
)
Entero: Final = _Numero(
    int,
    _ENTERO,
    titulo="Números enteros (personas, días, meses)",
    acepta="un número sin decimales, también entre comillas o con separador de miles: `1,200`",
    error="entero",
    que="un número entero",
    como="escribe solo cifras, como 3 o 1,200",
)
_BOOLEANO: Final = _Booleano()
_LISTA: Final = _Lista()
_TEXTO_O_LISTA: Final = _TextoOLista()
Presencia: Final = _Presencia()

Booleano = Annotated[bool, _BOOLEANO]
Lista = Annotated[list[T], _LISTA]
TextoOLista = Annotated[str, _TEXTO_O_LISTA]

FORMAS: Final[tuple[Forma | type[Forma], ...]] = (
    _BOOLEANO,
    Opcion,
    Cantidad,
    Entero,
    _LISTA,
    _TEXTO_O_LISTA,
    Presencia,
    ComoTexto,  # cada campo da su modelo de detalle; la tabla describe la de los invitados
)
"""Las formas que lista el README («Formas aceptadas»), en su orden."""


def tabla_de_formas() -> str:
    """La tabla Markdown de las formas aceptadas, para el README."""
    filas = [f"| {forma.titulo} | {forma.acepta} |" for forma in FORMAS]
    return "\n".join(["| qué | se acepta |", "|---|---|", *filas]) + "\n"
