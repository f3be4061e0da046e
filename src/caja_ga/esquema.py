"""Documento → modelo: los errores de pydantic se vuelven GA004/GA005/GA006 con posición.

Cada error de pydantic trae una ruta (`loc`) de claves e índices; la ruta se recorre sobre los
datos para descartar los nombres de tipo que pydantic intercala, y el documento la traduce a línea
y columna. El mensaje cita el valor tal como se escribió en el archivo.

Un valor mal escrito no deja al archivo sin revisar: se informa y se valida de nuevo una copia de
los datos sin él (la clave se quita; un elemento de lista que no se puede leer, o que no tiene un
id legible, se quita de la lista). El modelo que resulta es parcial: `Modelado.rotos` dice qué
rutas se descartaron, para que ninguna regla diga que falta lo que sí está escrito, solo mal.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from caja_ga.modelos import MODELOS
from caja_ga.modelos.base import Archivo
from caja_ga.posiciones import texto_original
from caja_ga.problemas import Documento, Hallazgo, Pasos, Ruta, en_datos

VERSION_FORMATO = 1


# Cada ronda descarta lo que la anterior no pudo leer; un id mal escrito pide dos (se quita el id,
# luego el elemento que lo necesita), tres si está dentro de una clave renombrada.
_RONDAS = 5


@dataclass(frozen=True)
class Modelado:
    """Lo que dio validar un documento contra su modelo: el modelo (parcial si hubo valores que
    no se pudieron leer), los hallazgos y lo que se descartó para leer el resto."""

    modelo: Archivo | None
    hallazgos: list[Hallazgo]
    rotos: frozenset[Ruta] = frozenset()
    """Rutas (en los datos del archivo) de los valores descartados."""
    reubicados: dict[Ruta, Pasos] = field(default_factory=dict)
    """Contenedor (ruta en los datos) → paso en el modelo → paso en los datos, donde difieren:
    índices de una lista de la que se quitaron elementos, claves mal escritas renombradas."""


def modelar(doc: Documento) -> Modelado:
    """Valida los datos de `doc` contra el modelo de su clase; no cambia el documento."""
    if doc.clase not in MODELOS or not isinstance(doc.datos, dict):
        return Modelado(None, [])
    version = _problema_de_version(doc)
    if version is not None:
        return Modelado(None, [version])
    datos = {**doc.datos, "version": VERSION_FORMATO}  # «version: "1"» entre comillas también vale
    try:
        return Modelado(MODELOS[doc.clase].model_validate(datos), [])
    except ValidationError as error:
        hallazgos = _hallazgos(doc, error)
        return _reparado(doc, datos, error, hallazgos)


def _reparado(
    doc: Documento, datos: dict[str, Any], error: ValidationError, hallazgos: list[Hallazgo]
) -> Modelado:
    """El modelo de los datos sin lo que no se pudo leer; sin modelo si lo ilegible es algo que
    el archivo entero necesita (`fase`, `municipio`, `fecha_corte`…).

    Una clave mal escrita con una sola parecida que falta en su mapeo se lee como la parecida
    (`actividdes:` como `actividades:`): lo que contiene se revisa y se puede citar. De las
    rondas siguientes solo se informa lo que hay dentro de esas claves (la primera no lo revisó):
    lo demás que falta entonces falta porque se quitó, y eso ya está dicho."""
    renombrar = _quiso_decir(doc, hallazgos)
    # «Falta «id»» junto a «la clave «ide» no existe; ¿quisiste decir «id»?» es un solo error.
    leidas = {(*ruta[:-1], clave) for ruta, clave in renombrar.items()}
    hallazgos = [h for h in hallazgos if not (h.codigo == "GA005" and h.ruta in leidas)]
    quitar: set[Ruta] = set()
    reubicados: dict[Ruta, Pasos] = {}
    copia: Any = datos
    for ronda in range(_RONDAS):
        primera = ronda == 0
        ilegibles = _rutas_ilegibles(copia, error, leidas if primera else frozenset())
        nuevos = {en_datos(r, reubicados) for r in ilegibles}
        if primera:
            nuevos -= set(renombrar)
        if () in nuevos or (ronda and nuevos <= quitar):
            break
        quitar |= nuevos
        reubicados = {}
        arreglo = _Arreglo(quitar, renombrar, _prefijos(quitar | set(renombrar)), reubicados)
        copia = _sin(datos, arreglo, ())
        try:
            modelo = MODELOS[doc.clase].model_validate(copia)
        except ValidationError as siguiente:
            error = siguiente
            hallazgos += _hallazgos(doc, error, copia, arreglo)
            continue
        return Modelado(modelo, hallazgos, frozenset(quitar), reubicados)
    return Modelado(None, hallazgos)


def _rutas_ilegibles(
    datos: Any, error: ValidationError, leidas: set[Ruta] | frozenset[Ruta] = frozenset()
) -> Iterator[Ruta]:
    """Qué quitar por cada error: el valor que no se pudo leer o, si falta un campo que el
    modelo no puede dejar vacío (un `id`), el mapeo que lo necesita; salvo si ese campo se lee
    de una clave mal escrita (`leidas`)."""
    for detalle in error.errors(include_url=False):
        ruta = _ruta_en_datos(datos, tuple(detalle["loc"]))
        if detalle["type"] != "missing" or (*ruta, str(detalle["loc"][-1])) not in leidas:
            yield ruta


def _prefijos(rutas: set[Ruta]) -> set[Ruta]:
    return {ruta[:n] for ruta in rutas for n in range(len(ruta))}


@dataclass(frozen=True)
class _Arreglo:
    """Qué quitar y qué renombrar (rutas en los datos), y dónde anotar cómo quedó cada paso."""

    quitar: set[Ruta]
    renombrar: dict[Ruta, str]
    prefijos: set[Ruta]  # solo se copia lo que lleva a algo que cambia
    reubicados: dict[Ruta, Pasos]


def _sin(valor: Any, arreglo: _Arreglo, ruta: Ruta) -> Any:
    """Una copia de `valor` con el arreglo aplicado; anota en `reubicados` cada paso del modelo
    que en los datos es otro (un índice que se recorrió, una clave renombrada)."""
    if ruta not in arreglo.prefijos:
        return valor
    pasos: Pasos = {}
    if isinstance(valor, dict):
        copia: dict[Any, Any] = {}
        for clave, hijo in valor.items():
            if (*ruta, clave) in arreglo.quitar:
                continue
            nueva = arreglo.renombrar.get((*ruta, clave))
            if nueva is not None:
                pasos[nueva] = clave
            copia[clave if nueva is None else nueva] = _sin(hijo, arreglo, (*ruta, clave))
        resultado: Any = copia
    elif isinstance(valor, list):
        quedan = [i for i in range(len(valor)) if (*ruta, i) not in arreglo.quitar]
        if len(quedan) < len(valor):
            pasos = dict(enumerate(quedan))
        resultado = [_sin(valor[i], arreglo, (*ruta, i)) for i in quedan]
    else:
        return valor
    if pasos:
        arreglo.reubicados[ruta] = pasos
    return resultado


def _quiso_decir(doc: Documento, hallazgos: list[Hallazgo]) -> dict[Ruta, str]:
    """Clave desconocida (ruta) → la clave que quiso decir, si es una sola y no está escrita."""
    renombrar: dict[Ruta, str] = {}
    for hallazgo in hallazgos:
        if hallazgo.codigo == "GA004" and hallazgo.ruta:
            padre, campo = hallazgo.ruta[:-1], str(hallazgo.ruta[-1])
            parecida = _parecida(doc, padre, campo)
            hermanos = _valor_en(doc.datos, padre)
            if parecida and isinstance(hermanos, dict) and parecida not in hermanos:
                renombrar[hallazgo.ruta] = parecida
    destinos = list(renombrar.items())
    # Dos claves que quieren decir la misma en el mismo mapeo: ninguna se renombra.
    return {
        ruta: clave
        for ruta, clave in destinos
        if sum(1 for otra, c in destinos if otra[:-1] == ruta[:-1] and c == clave) == 1
    }


def _valor_en(datos: Any, ruta: Ruta) -> Any:
    for paso in ruta:
        datos = datos[paso]
    return datos


def _hallazgos(
    doc: Documento,
    error: ValidationError,
    copia: Any = None,
    arreglo: _Arreglo | None = None,
) -> list[Hallazgo]:
    """Los hallazgos de un error de validación. Con `arreglo`, los de una ronda posterior: solo
    los de dentro de una clave renombrada (su contenido no se revisó en la primera) que no causó
    el propio arreglo al quitar algo."""
    hallazgos: list[Hallazgo] = []
    vistos: set[tuple[str, Ruta]] = set()
    for detalle in error.errors(include_url=False):
        ruta = _ruta_en_datos(doc.datos if arreglo is None else copia, tuple(detalle["loc"]))
        en_modelo = ruta  # para sugerir claves: con los nombres que el modelo conoce
        if arreglo is not None:
            ruta = en_datos(ruta, arreglo.reubicados)
            faltante = (*ruta, str(detalle["loc"][-1]))
            if not any(ruta[: len(r)] == r for r in arreglo.renombrar) or (
                detalle["type"] == "missing" and faltante in arreglo.quitar
            ):
                continue
        codigo, mensaje = _traducir(doc, detalle, ruta, en_modelo)
        if (codigo, ruta) in vistos:
            continue
        vistos.add((codigo, ruta))
        if detalle["type"] == "missing":  # la clave que falta: se ubica en su mapeo
            ruta = (*ruta, str(detalle["loc"][-1]))
        hallazgos.append(Hallazgo(mensaje, doc, ruta, codigo == "GA004", codigo=codigo))
    return hallazgos


def _problema_de_version(doc: Documento) -> Hallazgo | None:
    version = doc.datos.get("version")
    if version is None:
        return Hallazgo(
            "Falta «version: 1» al inicio del archivo; agrégala como primera línea.",
            doc,
            codigo="GA005",
        )
    if version in (VERSION_FORMATO, str(VERSION_FORMATO)):
        return None
    original = texto_original(doc.nodo, ("version",)) if doc.nodo else version
    return Hallazgo(
        f"La versión de formato «{original}» no es compatible: esta versión "
        f"de caja-ga lee «version: {VERSION_FORMATO}»; actualiza caja-ga o corrige "
        "el número.",
        doc,
        ("version",),
        codigo="GA011",
    )


def _ruta_en_datos(datos: Any, loc: tuple[int | str, ...]) -> Ruta:
    """Los pasos de `loc` que existen en los datos (sin los nombres de tipo de pydantic)."""
    ruta: list[str | int] = []
    actual = datos
    for paso in loc:
        if _tiene(actual, paso):
            actual = actual[paso]
            ruta.append(paso)
    return tuple(ruta)


def _tiene(contenedor: Any, paso: int | str) -> bool:
    if isinstance(contenedor, dict):
        return paso in contenedor
    return isinstance(contenedor, list) and isinstance(paso, int) and 0 <= paso < len(contenedor)


def _traducir(
    doc: Documento, detalle: ErrorDetails, ruta: Ruta, en_modelo: Ruta
) -> tuple[str, str]:
    loc = tuple(detalle["loc"])
    tipo = detalle["type"]
    if tipo == "missing":
        campo = str(loc[-1])
        return "GA005", (f"Falta el campo obligatorio «{campo}»{_dentro_de(ruta)}; agrégalo.")
    if tipo == "extra_forbidden":  # la clave sobrante existe: es el último paso de la ruta
        return "GA004", _clave_desconocida(doc, en_modelo[:-1], str(loc[-1]))
    escrito = texto_original(doc.nodo, ruta) if doc.nodo is not None else None
    valor = escrito if escrito is not None else detalle.get("input")
    campo = next((str(paso) for paso in reversed(ruta) if isinstance(paso, str)), "valor")
    return "GA006", mensaje_de_tipo(tipo, campo, valor, detalle)


def _dentro_de(ruta: Ruta) -> str:
    padre = next((paso for paso in reversed(ruta) if isinstance(paso, str)), None)
    return f" en «{padre}»" if padre else ""


def _clave_desconocida(doc: Documento, ruta_padre: Ruta, campo: str) -> str:
    parecida = _parecida(doc, ruta_padre, campo)
    conocidas = sorted(_campos_en(MODELOS[doc.clase], ruta_padre))
    pista = (
        f"¿quisiste decir «{parecida}»?"
        if parecida
        else f"las claves válidas aquí son: {', '.join(conocidas)}."
    )
    return f"La clave «{campo}» no existe{_dentro_de(ruta_padre)}; {pista}"


def _parecida(doc: Documento, ruta_padre: Ruta, campo: str) -> str | None:
    """La clave válida más parecida a `campo` en ese mapeo, si hay una."""
    conocidas = sorted(_campos_en(MODELOS[doc.clase], ruta_padre))
    parecidas = difflib.get_close_matches(campo, conocidas, n=1, cutoff=0.6)
    return parecidas[0] if parecidas else None


def _campos_en(modelo: type[BaseModel], ruta: Ruta) -> set[str]:
    """Los campos del modelo que describe la posición `ruta` (para sugerir claves)."""
    actual: type[BaseModel] | None = modelo
    for paso in ruta:
        if actual is None:
            return set()
        if isinstance(paso, str):
            campo = actual.model_fields.get(paso)
            actual = _submodelo(campo.annotation) if campo else None
    return set(actual.model_fields) if actual else set()


def _submodelo(anotacion: Any) -> type[BaseModel] | None:
    if isinstance(anotacion, type) and issubclass(anotacion, BaseModel):
        return anotacion
    if detalle := getattr(anotacion, "detalle", None):  # un texto que admite un mapeo (formas)
        return _submodelo(detalle)
    if get_origin(anotacion) in (list, Union, types.UnionType) or get_args(anotacion):
        for argumento in get_args(anotacion):
            if encontrado := _submodelo(argumento):
                return encontrado
    return None


def _opciones(detalle: ErrorDetails) -> list[str]:
    esperado = str((detalle.get("ctx") or {}).get("expected", ""))
    return [
        opcion.strip(" '\"")
        for opcion in esperado.replace(" or ", ",").split(",")
        if opcion.strip(" '\"")
    ]


def mensaje_de_tipo(tipo: str, campo: str, valor: Any, detalle: ErrorDetails) -> str:
    """El mensaje en español de un valor que no es del tipo de `campo` (GA006); lo usan también
    las hojas de cálculo al importar, para que la misma falta se explique igual."""
    contexto = detalle.get("ctx") or {}
    if tipo == "literal_error":
        opciones = _opciones(detalle)
        parecida = difflib.get_close_matches(str(valor), opciones, n=1, cutoff=0.5)
        pista = f" ¿quisiste decir «{parecida[0]}»?" if parecida else ""
        return (
            f"«{valor}» no es un valor válido para «{campo}»: usa uno de "
            f"{', '.join(opciones)}.{pista}"
        )
    if tipo in _MENSAJES_LIBRES:  # mensajes propios (modelos/base.py), con el valor tal cual
        leido = str(contexto.get("valor"))
        texto = detalle["msg"].replace(f"«{leido}»", f"«{valor}»")
        texto = texto.replace(f'"{leido}"', f'"{valor}"')
        return f"En «{campo}», {texto}."
    if tipo in _MENSAJES:
        datos = {k: v for k, v in contexto.items() if isinstance(v, int | float | str)}
        return _MENSAJES[tipo].format(campo=campo, valor=valor, **datos)
    return f"El valor «{valor}» de «{campo}» no es válido."


_MENSAJES_LIBRES = {
    "fecha",
    "id",
    "ods",
    "ods_numero",
    "cvegeo",
    "cvegeo_numero",
    "url",
    "correo",
    "puntaje",
    "retirada",
    "booleano",
    "cantidad",
    "entero",
}

_MENSAJES = {
    "string_type": "«{campo}» debe ser un texto, no «{valor}»; si es un número o una fecha, "
    "escríbelo entre comillas.",
    "int_type": "«{campo}» debe ser un número entero, no «{valor}».",
    "int_parsing": "«{campo}» debe ser un número entero, no «{valor}».",
    "int_from_float": "«{campo}» debe ser un número entero, sin decimales, no «{valor}».",
    "float_type": "«{campo}» debe ser un número, no «{valor}».",
    "float_parsing": "«{campo}» debe ser un número, no «{valor}».",
    "bool_type": "«{campo}» debe ser true (sí) o false (no), no «{valor}».",
    "bool_parsing": "«{campo}» debe ser true (sí) o false (no), no «{valor}».",
    "list_type": "«{campo}» debe ser una lista: un elemento por línea, cada uno empezando con "
    "«- ».",
    "model_type": "«{campo}» debe contener campos de la forma «clave: valor», no «{valor}».",
    "model_attributes_type": "«{campo}» debe contener campos de la forma «clave: valor», no "
    "«{valor}».",
    "dict_type": "«{campo}» debe contener campos de la forma «clave: valor», no «{valor}».",
    "greater_than_equal": "«{campo}» debe ser mayor o igual que {ge}, no «{valor}».",
    "greater_than": "«{campo}» debe ser mayor que {gt}, no «{valor}».",
    "less_than_equal": "«{campo}» debe ser menor o igual que {le}, no «{valor}».",
    "finite_number": "«{campo}» debe ser un número finito, no «{valor}».",
}
