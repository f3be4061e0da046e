"""Del esquema JSON de una clase de archivo a los campos del formulario, y del formulario enviado
a los datos.

La ayuda de cada campo es la descripción del esquema (`esquemas_json.esquema_json`, que sale de
los modelos): el formulario no tiene textos propios sobre los campos, solo su etiqueta, que se
arma con la clave, con sus acentos («medio_verificacion» → «Medio verificación»).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

from caja_ga.editar.edicion import DeLista
from caja_ga.esquemas_json import esquema_json

Tipo = Literal[
    "objeto",
    "lista_objetos",
    "lista_textos",
    "casillas",  # una lista de opciones (grupos, valores): una casilla por opción
    "opcion",
    "si_no",
    "numero",
    "fecha",
    "texto",
]

# Los nombres reservados del formulario empiezan con «_»: ninguna clave del formato lo hace.
ORIGEN: Final = "_origen"
LISTA: Final = "_lista"
SEPARADOR: Final = "."


@dataclass(frozen=True)
class Campo:
    clave: str
    tipo: Tipo
    descripcion: str
    opciones: tuple[str, ...] = ()
    hijos: tuple[Campo, ...] = ()  # los campos de un objeto o de cada elemento de una lista

    @property
    def etiqueta(self) -> str:
        return etiqueta(self.clave)

    def hijo(self, clave: str) -> Campo | None:
        return next((h for h in self.hijos if h.clave == clave), None)


# Las claves se escriben sin acentos; en pantalla se leen con ellos.
_ACENTOS: Final = {
    "accion": "acción",
    "area": "área",
    "descripcion": "descripción",
    "dias": "días",
    "evaluacion": "evaluación",
    "institucion": "institución",
    "instalacion": "instalación",
    "linea": "línea",
    "metodo": "método",
    "metrica": "métrica",
    "organo": "órgano",
    "poblacion": "población",
    "publicacion": "publicación",
    "participacion": "participación",
    "rendicion": "rendición",
    "solucion": "solución",
    "telefono": "teléfono",
    "verificacion": "verificación",
    "vinculacion": "vinculación",
    "diagnostico": "diagnóstico",
    "version": "versión",
    "codigo": "código",
    "numero": "número",
    "pmd": "PMD",
    "ods": "ODS",
    "osi": "OSI",
    "url": "dirección web",
    "id": "identificador",
    "mxn": "(MXN)",
    "tg": "TG",
    "tc": "TC",
    "pg": "PG",
    "pc": "PC",
}


def etiqueta(clave: str) -> str:
    palabras = [_ACENTOS.get(p, p) for p in clave.split("_") if p]
    texto = " ".join(palabras)
    return texto[:1].upper() + texto[1:]


@functools.cache
def campos_de(clase: str) -> Campo:
    """El objeto raíz de la clase de archivo, sin `version` (siempre 1: no se edita)."""
    esquema = esquema_json(clase)
    raiz = _resolver("", esquema, esquema.get("$defs", {}))
    assert raiz is not None
    return Campo(
        raiz.clave,
        raiz.tipo,
        str(esquema.get("description", "")),
        hijos=tuple(h for h in raiz.hijos if h.clave != "version"),
    )


def _resolver(clave: str, esquema: dict[str, Any], defs: dict[str, Any]) -> Campo | None:
    """El campo de una propiedad del esquema; None si su forma no se edita en el formulario
    (se conserva tal cual en el archivo)."""
    descripcion = str(esquema.get("description", ""))
    alternativas = [a for a in esquema.get("anyOf", [esquema]) if a.get("type") != "null"]
    # Una lista que también acepta un solo elemento (`Lista`) se edita como lista.
    for alternativa in alternativas:
        if alternativa.get("type") == "array":
            # Los elementos con otras formas aceptadas (`anyOf`) se editan en su forma canónica,
            # la primera.
            elementos = alternativa.get("items", {})
            elementos = elementos.get("anyOf", [elementos])[0]
            if "$ref" in elementos:
                definicion = defs[elementos["$ref"].rsplit("/", 1)[-1]]
                objeto = _objeto(clave, descripcion, definicion, defs)
                return Campo(clave, "lista_objetos", descripcion, hijos=objeto.hijos)
            if "enum" in elementos:
                opciones = tuple(str(o) for o in elementos["enum"])
                return Campo(clave, "casillas", descripcion, opciones)
            if elementos.get("type") == "string":
                return Campo(clave, "lista_textos", descripcion)
            return None
    for alternativa in alternativas:
        if "$ref" in alternativa:
            definicion = defs[alternativa["$ref"].rsplit("/", 1)[-1]]
            return _objeto(
                clave, descripcion or definicion.get("description", ""), definicion, defs
            )
    if not alternativas:
        return None
    primera = alternativas[0]
    if "enum" in primera:
        return Campo(clave, "opcion", descripcion, tuple(str(o) for o in primera["enum"]))
    tipo = primera.get("type")
    if tipo == "object" and "properties" in primera:
        return _objeto(clave, descripcion, primera, defs)
    if tipo == "boolean":
        return Campo(clave, "si_no", descripcion)
    if tipo in ("integer", "number"):
        return Campo(clave, "numero", descripcion)
    if primera.get("format") == "date":
        return Campo(clave, "fecha", descripcion)
    if tipo == "string" or isinstance(tipo, list):
        return Campo(clave, "texto", descripcion)
    return None


def _objeto(
    clave: str, descripcion: str, definicion: dict[str, Any], defs: dict[str, Any]
) -> Campo:
    hijos = (
        _resolver(nombre, propiedad, defs)
        for nombre, propiedad in definicion.get("properties", {}).items()
    )
    return Campo(clave, "objeto", descripcion, hijos=tuple(h for h in hijos if h is not None))


def entero(texto: str) -> int | None:
    """Un número natural escrito con cifras 0-9 (no «²» ni otras cifras Unicode), o None.

    Con nueve cifras como máximo: lo que llega del navegador no debe poder pedir un entero
    enorme (Python rechaza los de más de 4,300 cifras con un error)."""
    return int(texto) if texto.isascii() and texto.isdigit() and len(texto) <= 9 else None


def ruta_de(nombre: str) -> tuple[str | int, ...]:
    return tuple(p if (n := entero(p)) is None else n for p in nombre.split(SEPARADOR))


def nombre_de(ruta: Iterable[str | int]) -> str:
    return SEPARADOR.join(str(p) for p in ruta)


# --- Del archivo a los datos del formulario -------------------------------------------------


def desde_archivo(campo: Campo, valor: Any) -> Any:
    """Los datos del archivo con cada elemento de lista marcado con su posición original."""
    if campo.tipo == "objeto" and isinstance(valor, dict):
        return {
            clave: desde_archivo(hijo, v) if (hijo := campo.hijo(str(clave))) else v
            for clave, v in valor.items()
        }
    if campo.tipo == "lista_objetos" and isinstance(valor, list):
        objeto = Campo(campo.clave, "objeto", "", hijos=campo.hijos)
        return [DeLista(i, desde_archivo(objeto, e)) for i, e in enumerate(valor)]
    return valor


# --- Del formulario enviado a los datos ----------------------------------------------------


def desde_formulario(raiz: Campo, pares: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Los datos que describe el formulario enviado: cada nombre es una ruta («actividades.2.
    avance») y cada valor se convierte según su campo. Lo que no se entiende como número se deja
    como texto: el modelo dirá qué está mal, con el mismo mensaje que `caja-ga validar`."""
    arbol: dict[str, Any] = {}
    for nombre, texto in pares:
        if nombre.startswith("_"):
            continue
        ruta = ruta_de(nombre)
        campo = campo_en(raiz, ruta)
        if campo is None:
            continue
        _poner(arbol, ruta, campo, texto)
    ordenado: dict[str, Any] = _ordenar(raiz, arbol)
    return ordenado


def campo_en(raiz: Campo, ruta: tuple[str | int, ...]) -> Campo | None:
    """El campo del formulario en esa ruta (claves e índices), o None si no hay ninguno."""
    actual: Campo | None = raiz
    for paso in ruta:
        if actual is None:
            return None
        if isinstance(paso, int):
            if actual.tipo != "lista_objetos":
                return None
            actual = Campo(actual.clave, "objeto", "", hijos=actual.hijos)
        elif paso in (ORIGEN, LISTA):
            return actual
        else:
            actual = actual.hijo(paso)
    return actual


def _poner(arbol: dict[Any, Any], ruta: tuple[str | int, ...], campo: Campo, texto: str) -> None:
    actual: dict[Any, Any] = arbol
    for paso in ruta[:-1]:
        actual = actual.setdefault(paso, {})
    final = ruta[-1]
    if final == LISTA:
        return
    if final == ORIGEN:
        actual[ORIGEN] = entero(texto)
        return
    if campo.tipo == "casillas":  # un par por casilla marcada, más uno vacío que la anuncia
        marcadas = actual.setdefault(final, [])
        if texto:
            marcadas.append(texto)
        return
    actual[final] = convertir(campo, texto)


def convertir(campo: Campo, texto: str) -> Any:
    texto = texto.replace("\r\n", "\n")
    if campo.tipo == "lista_textos":
        return [linea.strip() for linea in texto.split("\n") if linea.strip()]
    texto = texto.strip() if campo.tipo != "texto" or "\n" not in texto else texto
    if texto == "":
        return None
    if campo.tipo == "si_no":
        return {"si": True, "no": False}.get(texto, texto)
    if campo.tipo == "numero":
        try:
            numero = float(texto)
        except ValueError:
            return texto
        return int(numero) if numero.is_integer() and "." not in texto else numero
    if campo.tipo == "fecha":
        try:
            return date.fromisoformat(texto)
        except ValueError:
            return texto
    return texto


def _ordenar(campo: Campo, valor: Any) -> Any:
    """Los índices del formulario vuelven a ser listas (de `DeLista`), en orden."""
    if campo.tipo == "objeto" and isinstance(valor, dict):
        return {
            clave: _ordenar(hijo, v) if (hijo := campo.hijo(str(clave))) else v
            for clave, v in valor.items()
            if clave != ORIGEN
        }
    if campo.tipo == "lista_objetos" and isinstance(valor, dict):
        objeto = Campo(campo.clave, "objeto", "", hijos=campo.hijos)
        return [
            DeLista(valor[i].get(ORIGEN), _ordenar(objeto, valor[i]))
            for i in sorted(k for k in valor if isinstance(k, int))
        ]
    return valor


def como_estaban(campo: Campo, nuevo: Any, viejo: Any) -> Any:
    """Las casillas marcadas en el orden en que el archivo ya las tenía (las nuevas, al final en
    el orden de las opciones): marcar o desmarcar una no reordena las demás."""
    if campo.tipo == "objeto" and isinstance(nuevo, dict) and isinstance(viejo, dict):
        return {
            clave: como_estaban(hijo, v, viejo.get(clave)) if (hijo := campo.hijo(clave)) else v
            for clave, v in nuevo.items()
        }
    if campo.tipo == "lista_objetos" and isinstance(nuevo, list) and isinstance(viejo, list):
        objeto = Campo(campo.clave, "objeto", "", hijos=campo.hijos)
        return [
            DeLista(e.origen, como_estaban(objeto, e.valor, viejo[e.origen]))
            if isinstance(e, DeLista) and e.origen is not None and e.origen < len(viejo)
            else e
            for e in nuevo
        ]
    if campo.tipo == "casillas" and isinstance(nuevo, list) and isinstance(viejo, list):
        previas = [str(v) for v in viejo]
        return sorted(nuevo, key=lambda v: previas.index(v) if v in previas else len(previas))
    return nuevo


def rutas(campo: Campo, valor: Any, prefijo: tuple[str | int, ...] = ()) -> Iterator[str]:
    """El nombre de cada campo y grupo que el formulario muestra para estos datos."""
    yield nombre_de(prefijo)
    if campo.tipo == "objeto":
        datos = valor if isinstance(valor, dict) else {}
        for hijo in campo.hijos:
            yield from rutas(hijo, datos.get(hijo.clave), (*prefijo, hijo.clave))
    elif campo.tipo == "lista_objetos" and isinstance(valor, list):
        objeto = Campo(campo.clave, "objeto", "", hijos=campo.hijos)
        for i, elemento in enumerate(valor):
            contenido = elemento.valor if isinstance(elemento, DeLista) else elemento
            yield from rutas(objeto, contenido, (*prefijo, i))
