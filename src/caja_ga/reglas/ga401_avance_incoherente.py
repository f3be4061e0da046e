"""El avance de una actividad no es un porcentaje válido o no concuerda con su estado.

El avance de cada actividad es un porcentaje de 0 a 100 y con él se calcula el avance publicado de
cada compromiso y del plan. El estado y el avance deben decir lo mismo, o el reporte y las cifras
que se publican dicen cosas distintas:

- `no_iniciada` lleva 0;
- `en_proceso` lleva de 1 a 99 (con 0 aún no inicia; con 100 ya terminó);
- `completada` lleva 100, y solo una actividad completada lleva 100;
- `cancelada` no se cuenta en el avance del compromiso, así que tampoco puede tener 100.

Una entrada sin `avance` no es incoherente: el cálculo publicado arrastra el último avance
conocido (GA406 avisa).

Incorrecto:

    actividades:
      - id: c1-a1
        estado: completada
        avance: 80
      - id: c1-a2
        estado: en_proceso
        avance: 100
      - id: c1-a3
        estado: no_iniciada
        avance: 60

Correcto:

    actividades:
      - id: c1-a1
        estado: completada
        avance: 100
      - id: c1-a2
        estado: en_proceso
        avance: 90
      - id: c1-a3
        estado: en_proceso
        avance: 60
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
    if estado == "no_iniciada" and avance > 0:
        return Hallazgo(
            f"La actividad «{nombre}» está «no_iniciada» pero su avance es "
            f"{porcentaje(avance)}; si ya empezó cambia su estado a «en_proceso», y si no, "
            "pon «avance: 0».",
            doc,
            (*ruta, "avance"),
        )
    if estado == "en_proceso" and avance == 0:
        return Hallazgo(
            f"La actividad «{nombre}» está «en_proceso» pero su avance es 0 %; anota en "
            "«avance» cuánto lleva, o si aún no empieza cambia su estado a «no_iniciada».",
            doc,
            (*ruta, "avance"),
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
