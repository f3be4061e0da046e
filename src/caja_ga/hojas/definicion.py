"""Las hojas del libro y sus columnas: el encabezado de cada columna es la clave YAML del campo
(con punto para un campo anidado: «indicador.fecha_meta»), así lo que se escribe en una celda es
lo que se escribiría en el archivo. Las columnas de referencia (`editable=False`) dan contexto y
no se leen al importar."""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from caja_ga.modelos.plan import Compromiso
from caja_ga.modelos.seguimiento import AvanceActividad

Tipo = Literal["texto", "numero", "fecha", "opcion", "porcentaje"]


@dataclass(frozen=True, slots=True)
class Columna:
    clave: str  # el encabezado: la clave YAML, con «.» si es anidada
    tipo: Tipo = "texto"
    editable: bool = True
    opciones: tuple[str, ...] = ()

    @property
    def ruta(self) -> tuple[str, ...]:
        return tuple(self.clave.split("."))


@dataclass(frozen=True, slots=True)
class Hoja:
    nombre: str  # como se ve en la pestaña
    archivo: str  # el nombre de su CSV, sin acentos
    columnas: tuple[Columna, ...]
    llave: str = "id"  # la columna que dice a qué elemento se refiere la fila

    def columna(self, clave: str) -> Columna:
        return next(c for c in self.columnas if c.clave == clave)


def opciones_de(modelo: type[BaseModel], campo: str) -> tuple[str, ...]:
    """Las opciones del Literal del campo, tal como las declara el modelo."""
    return _literal(modelo.model_fields[campo].annotation)


def _literal(anotacion: Any) -> tuple[str, ...]:
    origen = get_origin(anotacion)
    if origen is Literal:
        return tuple(str(opcion) for opcion in get_args(anotacion))
    if origen in (Union, types.UnionType, Annotated):
        for argumento in get_args(anotacion):
            if encontradas := _literal(argumento):
                return encontradas
    return ()


def _ref(clave: str) -> Columna:
    return Columna(clave, editable=False)


# Metas y actividades empiezan por el compromiso al que pertenecen y su id, que no se editan.
_DE_UN_COMPROMISO: Final = (_ref("compromiso"), _ref("id"))


COMPROMISOS: Final = Hoja(
    "Compromisos",
    "compromisos",
    (
        _ref("id"),
        Columna("titulo"),
        Columna("problema_publico.descripcion"),
        Columna("objetivo"),
        Columna("solucion"),
        Columna("resultados_esperados"),
        Columna("presupuesto_mxn", "numero"),
        Columna("potencial", "opcion", opciones=opciones_de(Compromiso, "potencial")),
    ),
)
METAS: Final = Hoja(
    "Metas",
    "metas",
    (
        *_DE_UN_COMPROMISO,
        Columna("descripcion"),
        Columna("indicador.nombre"),
        Columna("indicador.unidad"),
        Columna("indicador.linea_base", "numero"),
        Columna("indicador.valor_meta", "numero"),
        Columna("indicador.fecha_meta", "fecha"),
        Columna("medio_verificacion"),
    ),
)
ACTIVIDADES: Final = Hoja(
    "Actividades",
    "actividades",
    (
        *_DE_UN_COMPROMISO,
        Columna("descripcion"),
        Columna("entregable"),
        Columna("inicio", "fecha"),
        Columna("fin", "fecha"),
        Columna("medio_verificacion"),
        Columna("peso", "numero"),
    ),
)
AVANCE: Final = Hoja(
    "Avance",
    "avance",
    (
        _ref("compromiso"),
        _ref("actividad"),
        Columna("id"),
        Columna("estado", "opcion", opciones=opciones_de(AvanceActividad, "estado")),
        Columna("avance", "porcentaje"),
        Columna("observaciones"),
    ),
)
EVIDENCIAS: Final = Hoja(
    "Evidencias", "evidencias", (Columna("id"), Columna("descripcion"), Columna("url"))
)
INDICADORES: Final = Hoja(
    "Indicadores",
    "indicadores",
    (
        Columna("meta"),
        _ref("indicador"),
        _ref("ultimo_valor"),
        _ref("ultima_fecha"),
        Columna("valor", "numero"),
        Columna("fecha", "fecha"),
        Columna("fuente"),
    ),
    llave="meta",
)
REPORTE: Final = Hoja(
    "Reporte",
    "reporte",
    (Columna("fecha_corte", "fecha"), Columna("revisado_en"), _ref("huella_plan")),
    llave="fecha_corte",
)
LEEME: Final = "Léeme"

# En el orden del libro (después de «Léeme»): lo que se llena en cada corte, luego el plan.
HOJAS: Final = (REPORTE, AVANCE, EVIDENCIAS, INDICADORES, COMPROMISOS, METAS, ACTIVIDADES)
HOJAS_DEL_PLAN: Final = {"compromisos": COMPROMISOS, "metas": METAS, "actividades": ACTIVIDADES}
