"""Qué le falta a un objeto, dicho en un solo problema (GA005, GA301, GA302, GA306).

Un objeto incompleto es una sola tarea para quien lo corrige: un problema por objeto que nombra
todo lo que le falta, no uno por campo. Un campo escrito pero ilegible (ya señalado por GA004 o
GA006) no falta: se calla aquí para no decir lo mismo dos veces, y mal.

Cada objeto tiene una sola regla dueña de su completitud: los compromisos, GA301; las actividades,
GA302; todo lo demás, GA005. Las dueñas incluyen los campos que el modelo marca con `REQUERIDO`,
así que GA005 no revisa esos objetos.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pydantic import BaseModel

from caja_ga.modelos.base import REQUERIDO
from caja_ga.modelos.plan import Actividad, Compromiso
from caja_ga.problemas import Documento, Ruta
from caja_ga.redaccion import enumerar
from caja_ga.vacio import vacio

# Objeto → la regla que nombra todo lo que le falta (GA005 los salta).
DUENAS: dict[type[BaseModel], str] = {Compromiso: "GA301", Actividad: "GA302"}


def faltantes(doc: Documento, ruta: Ruta, objeto: BaseModel, campos: Iterable[str]) -> list[str]:
    """Los `campos` vacíos del objeto (en `ruta` del modelo), en el orden del modelo, salvo los
    que se escribieron pero no se pudieron leer."""
    buscados = set(campos)
    return [
        campo
        for campo in type(objeto).model_fields
        if campo in buscados and vacio(getattr(objeto, campo)) and not doc.roto((*ruta, campo))
    ]


# Campo que le falta a una actividad → qué escribir en él (GA302).
QUE_ACTIVIDAD = {
    "descripcion": "qué se hará",
    "inicio": "cuándo empieza",
    "fin": "cuándo termina",
    "responsables": "quién la realiza",
    "medio_verificacion": "cómo se comprobará que se hizo",
}


def faltantes_de_actividad(doc: Documento, ruta: Ruta, actividad: Actividad) -> list[str]:
    """Lo que GA302 pide de una actividad y le falta; con algo aquí, GA302 también pide su
    «entregable» y GA307 calla (un problema por actividad)."""
    return faltantes(doc, ruta, actividad, {*requeridos(Actividad), *QUE_ACTIVIDAD})


def le_falta(sujeto: str, campos: list[str]) -> str:
    """«A la actividad «c1-a2» le falta «fin»», «… le faltan «inicio» y «fin»»."""
    return f"{sujeto} {'le falta' if len(campos) == 1 else 'le faltan'} {citar(campos)}"


def citar(campos: Iterable[str]) -> str:
    """«a», «a» y «b», «a», «b» y «c»."""
    return enumerar(f"«{campo}»" for campo in campos)


@cache
def requeridos(clase: type[BaseModel]) -> dict[str, str | None]:
    """Los campos que la metodología exige en un modelo, con su descripción."""
    return {
        nombre: campo.description
        for nombre, campo in clase.model_fields.items()
        if REQUERIDO in campo.metadata
    }


def en_minuscula(descripcion: str) -> str:
    """«Fecha del acta de instalación.» → «fecha del acta de instalación», para un mensaje."""
    texto = descripcion.strip().rstrip(".")
    return f"{texto[:1].lower()}{texto[1:]}"
