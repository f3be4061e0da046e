"""El Núcleo de Sociedad Civil tiene muy pocos integrantes, o su convocatoria duró muy poco.

El Núcleo se forma con una convocatoria abierta y plural a las personas, organizaciones y
colectivos del municipio. Con menos integrantes que el umbral `min_integrantes_nucleo` no
representa la pluralidad de la sociedad civil; una convocatoria abierta menos días que el umbral
`min_dias_convocatoria` (contados de `fecha_publicacion` a `fecha_cierre`) deja fuera a quien no
se enteró a tiempo. Un Núcleo sin integrantes todavía no se revisa.

Incorrecto:

    convocatoria:
      fecha_publicacion: 2025-02-01
      fecha_cierre: 2025-02-07
    integrantes:
      - id: osc-1
        nombre: Ciudadanos por Zapopan A.C.

Correcto:

    convocatoria:
      fecha_publicacion: 2025-02-01
      fecha_cierre: 2025-02-28
    integrantes:
      - id: osc-1
        nombre: Ciudadanos por Zapopan A.C.
      - id: col-1
        nombre: Colectivo Jóvenes del Norte
      - id: aca-1
        nombre: Universidad de Guadalajara, CUCEA
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.redaccion import cantidad
from caja_ga.reglas import Contexto, Umbral, regla

_INTEGRANTES = Umbral("min_integrantes_nucleo", 3, "Mínimo de integrantes del Núcleo.")
_CONVOCATORIA = Umbral(
    "min_dias_convocatoria", 14, "Mínimo de días que la convocatoria del Núcleo está abierta."
)


@regla("GA206", "nucleo-pequeno", Severidad.AVISO, umbrales=(_INTEGRANTES, _CONVOCATORIA))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    nucleo = ctx.carpeta.nucleo
    if nucleo is None:
        return
    doc = ctx.carpeta.documentos["nucleo"]
    minimo = ctx.umbral(_INTEGRANTES)
    # Vacío: GA005 lo pide según la fase.
    cuantos = len(nucleo.integrantes)
    if 0 < cuantos < minimo:
        yield Hallazgo(
            f"El Núcleo tiene {cuantos} {'integrante' if cuantos == 1 else 'integrantes'} y se "
            f"recomiendan al menos {minimo} para que sea plural; amplía la convocatoria y agrega "
            "a quienes se sumen en «integrantes».",
            doc,
            ("integrantes",),
        )
    convocatoria = nucleo.convocatoria
    if (
        convocatoria is None
        or convocatoria.fecha_publicacion is None
        or convocatoria.fecha_cierre is None
    ):
        return
    dias = (convocatoria.fecha_cierre - convocatoria.fecha_publicacion).days
    plazo = ctx.umbral(_CONVOCATORIA)
    if 0 <= dias < plazo:  # negativo: lo señala GA103
        yield Hallazgo(
            f"La convocatoria del Núcleo estuvo abierta {cantidad(dias, 'día', 'días')} (del "
            f"{convocatoria.fecha_publicacion} al {convocatoria.fecha_cierre}) y se recomiendan "
            f"al menos {plazo}; en la próxima convocatoria da más tiempo para inscribirse.",
            doc,
            ("convocatoria", "fecha_cierre"),
        )
