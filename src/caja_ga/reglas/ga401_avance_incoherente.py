"""El avance de una actividad no es un porcentaje válido o no concuerda con su estado.

El avance de cada actividad es un porcentaje de 0 a 100 y con él se calcula el avance publicado de
cada compromiso y del plan. Una actividad `completada` lleva 100 y solo una actividad completada
lleva 100: si estado y avance se contradicen, el reporte y las cifras que se publican dicen cosas
distintas. Una actividad `cancelada` no se cuenta en el avance del compromiso, así que tampoco
puede tener 100.

Incorrecto:

    actividades:
      - id: c1-a1
        estado: completada
        avance: 80
      - id: c1-a2
        estado: en_proceso
        avance: 100

Correcto:

    actividades:
      - id: c1-a1
        estado: completada
        avance: 100
      - id: c1-a2
        estado: en_proceso
        avance: 90
"""

from collections.abc import Iterator

from caja_ga.avance import porcentaje
from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._seguimiento import entradas


@regla("GA401", "avance-incoherente", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, actividad in entradas(ctx):
        hallazgo = _revisar(doc, ruta, actividad)
        if hallazgo is not None:
            yield hallazgo


def _revisar(doc: Documento, ruta: Ruta, actividad: AvanceActividad) -> Hallazgo | None:
    avance, estado, nombre = actividad.avance, actividad.estado, actividad.id
    if avance is None:
        if estado == "completada":
            # El cálculo publicado contaría 0 % para una actividad terminada.
            return Hallazgo(
                f"La actividad «{nombre}» está «completada» pero no tiene «avance»; "
                "agrega «avance: 100».",
                doc,
                ruta,
            )
        return None
    if not 0 <= avance <= 100:
        return Hallazgo(
            f"El avance de la actividad «{nombre}» es «{avance:g}», fuera de 0 a 100; "
            "escribe el porcentaje de avance como un número de 0 a 100.",
            doc,
            (*ruta, "avance"),
        )
    if estado == "completada" and avance < 100:
        return Hallazgo(
            f"La actividad «{nombre}» está «completada» pero su avance es "
            f"{porcentaje(avance)}; si ya terminó pon «avance: 100», y si no, cambia "
            "su estado a «en_proceso».",
            doc,
            (*ruta, "avance"),
        )
    if avance == 100 and estado == "cancelada":
        return Hallazgo(
            f"La actividad «{nombre}» está «cancelada» pero su avance es 100 %; si "
            "se terminó cambia su estado a «completada», y si se canceló anota en "
            "«avance» lo que alcanzó antes.",
            doc,
            (*ruta, "estado"),
        )
    if avance == 100 and estado not in (None, "completada"):
        return Hallazgo(
            f"La actividad «{nombre}» tiene avance de 100 % pero su estado es "
            f"«{estado}»; si ya terminó cambia su estado a «completada», y si no, "
            "corrige su avance.",
            doc,
            (*ruta, "estado"),
        )
    return None
