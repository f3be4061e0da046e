"""Falta un campo que el formato o la metodología exigen.

Algunos campos son indispensables para leer el archivo (`version`, el `id` de cada elemento de una
lista, `municipio.cvegeo`, `fase`): su falta es siempre un error. Los demás que la metodología
pide (fechas de instalación, integrantes, responsables, cómo se evaluará cada compromiso…) se
exigen según la fase: son error en archivos de fases ya cumplidas, aviso en la fase actual (el
trabajo está en curso) y no se revisan en fases posteriores. Un texto de puros espacios, o una
lista de textos vacíos, cuenta como faltante. Un solo problema por mapeo nombra todo lo que le
falta y señala el primer campo que falta (el mapeo, si su clave no está escrita).

Los compromisos y las actividades del plan no se revisan aquí: GA301 y GA302 nombran en un solo
problema todo lo que les falta, también lo que aquí se exigiría (`titulo`, `responsables`,
`evaluacion` de un compromiso; `descripcion` de una actividad). Un campo escrito pero ilegible no
falta: ya lo señala GA004 o GA006.

Incorrecto (en fase `dialogo`, el Espacio ya debió instalarse):

    instalacion:
      acta_url: https://municipio.gob.mx/acta.pdf

Correcto:

    instalacion:
      fecha: 2025-03-15
      acta_url: https://municipio.gob.mx/acta.pdf
"""

from collections.abc import Iterator

from pydantic import BaseModel

from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.redaccion import enumerar
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._faltantes import DUENAS, en_minuscula, faltantes, requeridos


@regla("GA005", "campo-requerido", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc in ctx.carpeta.todos():
        if isinstance(doc.modelo, BaseModel):
            yield from _faltantes(doc, doc.modelo, ())


def _faltantes(doc: Documento, modelo: BaseModel, ruta: Ruta) -> Iterator[Hallazgo]:
    exigidos = requeridos(type(modelo))
    if type(modelo) not in DUENAS and (faltan := faltantes(doc, ruta, modelo, exigidos)):
        # En el primer campo que falta: su clave si está escrita vacía, o el mapeo si no está.
        yield Hallazgo(_mensaje(faltan, exigidos, ruta), doc, (*ruta, faltan[0]))
    for nombre, valor in modelo.__dict__.items():
        if isinstance(valor, BaseModel):
            yield from _faltantes(doc, valor, (*ruta, nombre))
        elif isinstance(valor, list) and valor and isinstance(valor[0], BaseModel):
            for indice, elemento in enumerate(valor):
                yield from _faltantes(doc, elemento, (*ruta, nombre, indice))


def _mensaje(faltan: list[str], exigidos: dict[str, str | None], ruta: Ruta) -> str:
    donde = next((p for p in reversed(ruta) if isinstance(p, str)), None)
    dentro = f" en «{donde}»" if donde else ""
    if len(faltan) == 1:
        campo = faltan[0]
        descripcion = exigidos[campo]
        que = f": {en_minuscula(descripcion)}" if descripcion else ", que la metodología pide"
        return f"Falta «{campo}»{dentro}{que}; complétalo."
    explicados = [
        f"«{campo}» ({en_minuscula(d)})" if (d := exigidos[campo]) else f"«{campo}»"
        for campo in faltan
    ]
    return f"Faltan {enumerar(explicados)}{dentro}; complétalos."
