"""Falta un campo que el formato o la metodología exigen.

Algunos campos son indispensables para leer el archivo (`version`, el `id` de cada elemento de una
lista, `municipio.cvegeo`, `fase`): su falta es siempre un error. Los demás que la metodología
pide (fechas de instalación, integrantes, responsables, cómo se evaluará cada compromiso…) se
exigen según la fase: son error en archivos de fases ya cumplidas, aviso en la fase actual (el
trabajo está en curso) y no se revisan en fases posteriores. Un texto de puros espacios, o una
lista de textos vacíos, cuenta como faltante. El problema señala el mapeo donde falta el campo.

Incorrecto (en fase `dialogo`, el Espacio ya debió instalarse):

    instalacion:
      acta_url: https://municipio.gob.mx/acta.pdf

Correcto:

    instalacion:
      fecha: 2025-03-15
      acta_url: https://municipio.gob.mx/acta.pdf
"""

from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel

from caja_ga.modelos.base import REQUERIDO
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.vacio import vacio


@regla("GA005", "campo-requerido", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc in ctx.carpeta.todos():
        if isinstance(doc.modelo, BaseModel):
            yield from _faltantes(doc, doc.modelo, ())


def _faltantes(doc: Documento, modelo: BaseModel, ruta: Ruta) -> Iterator[Hallazgo]:
    requeridos = _requeridos(type(modelo))
    for nombre, valor in modelo.__dict__.items():
        if nombre in requeridos and vacio(valor):
            donde = next((p for p in reversed(ruta) if isinstance(p, str)), None)
            dentro = f" en «{donde}»" if donde else ""
            yield Hallazgo(
                f"Falta «{nombre}»{dentro}{requeridos[nombre]}; complétalo.", doc, (*ruta, nombre)
            )
        elif isinstance(valor, BaseModel):
            yield from _faltantes(doc, valor, (*ruta, nombre))
        elif isinstance(valor, list) and valor and isinstance(valor[0], BaseModel):
            for indice, elemento in enumerate(valor):
                yield from _faltantes(doc, elemento, (*ruta, nombre, indice))


@cache
def _requeridos(clase: type[BaseModel]) -> dict[str, str]:
    """Los campos exigidos de un modelo, con qué escribir en ellos (su descripción)."""
    return {
        nombre: _explicacion(campo.description)
        for nombre, campo in clase.model_fields.items()
        if REQUERIDO in campo.metadata
    }


def _explicacion(descripcion: str | None) -> str:
    """«Fecha del acta de instalación.» → «: fecha del acta de instalación», para el mensaje."""
    if not descripcion:
        return ", que la metodología pide"
    texto = descripcion.strip().rstrip(".")
    return f": {texto[:1].lower()}{texto[1:]}"
