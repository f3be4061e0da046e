"""Un id repetido entre elementos de la misma clase.

Los ids (`c1`, `c1-a2`, `osc-1`) son la forma de referirse a un compromiso, una actividad o un
integrante desde otros archivos: si dos elementos comparten id, los reportes de avance y las
referencias no saben a cuál apuntan. Deben ser únicos dentro de su clase en todo el proceso (las
actividades, en todos los compromisos). Los acuerdos son la excepción: las minutas los numeran
por sesión (a1, a2…), así que basta con que sean únicos dentro de su sesión.

Incorrecto:

    actividades:
      - id: c1-a1
        descripcion: Diseñar la ficha de obra.
      - id: c1-a1
        descripcion: Publicar las fichas.

Correcto:

    actividades:
      - id: c1-a1
        descripcion: Diseñar la ficha de obra.
      - id: c1-a2
        descripcion: Publicar las fichas.
"""

from collections.abc import Iterator

from caja_ga.indices import Aparicion, apariciones
from caja_ga.posiciones import ubicar
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA010", "id-duplicado", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for clase, lista in apariciones(ctx.vista).items():
        primeras: dict[tuple[str, str], Aparicion] = {}
        for aparicion in lista:
            primera = primeras.setdefault((aparicion.ambito, aparicion.id), aparicion)
            if primera is not aparicion:
                ambito = " de esta sesión" if aparicion.ambito else ""
                yield Hallazgo(
                    f"El id «{aparicion.id}» ya se usa para {_otro(clase)}{ambito} "
                    f"({_donde(primera)}); cada uno necesita un id distinto.",
                    aparicion.documento,
                    aparicion.ruta,
                )
    yield from _repetidos_en_reportes(ctx)


_FEMENINOS = ("actividad", "meta", "dimensión", "recomendación")


def _otro(clase: str) -> str:
    return f"{'otra' if clase.startswith(_FEMENINOS) else 'otro'} {clase}"


def _donde(aparicion: Aparicion) -> str:
    nodo = aparicion.documento.nodo
    ruta = aparicion.documento.en_datos(aparicion.ruta)
    linea = ubicar(nodo, ruta)[0] if nodo is not None else "?"
    return f"{aparicion.documento.ruta.name}, línea {linea}"


def _repetidos_en_reportes(ctx: Contexto) -> Iterator[Hallazgo]:
    for leido in ctx.vista.seguimientos:
        vistos: set[str] = set()
        for indice, actividad in enumerate(leido.seguimiento.actividades):
            if actividad.id in vistos:
                yield Hallazgo(
                    f"La actividad «{actividad.id}» aparece dos veces en este reporte "
                    "de avance; deja una sola entrada por actividad.",
                    leido.documento,
                    ("actividades", indice, "id"),
                )
            vistos.add(actividad.id)
