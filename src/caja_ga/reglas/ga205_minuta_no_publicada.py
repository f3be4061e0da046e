"""La minuta de una sesión no se publicó, o se publicó tarde.

Las minutas públicas son parte de los lineamientos del Espacio y de los estándares de OGP: la
sociedad debe poder saber qué se discutió y qué se acordó. Se avisa cuando una sesión ya
celebrada no tiene `minuta.url` y ya pasó el plazo para publicarla, o cuando
`minuta.fecha_publicacion` llegó después del plazo (umbral `max_dias_minuta`, días desde la sesión).
Vale solo para las sesiones del Espacio (`organo: edt`), cuyas minutas publica el ayuntamiento; las
reuniones del Núcleo de Sociedad Civil son de la sociedad civil y ella decide cómo las da a conocer.

Incorrecto:

    fecha: 2025-10-20
    minuta:
      fecha_publicacion: 2025-11-30

Correcto:

    fecha: 2025-10-20
    minuta:
      url: https://www.zapopan.gob.mx/ga/minuta-2025-10-20.pdf
      fecha_publicacion: 2025-10-27
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Umbral, regla
from caja_ga.reglas._sesiones import celebradas

_PLAZO = Umbral(
    "max_dias_minuta", 15, "Máximo de días entre una sesión y la publicación de su minuta."
)


@regla("GA205", "minuta-no-publicada", Severidad.AVISO, umbrales=(_PLAZO,))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plazo = ctx.umbral(_PLAZO)
    for doc, sesion, fecha in celebradas(ctx):
        if sesion.organo == "nucleo":
            continue
        atraso = ctx.vista.atraso_minuta(sesion)
        # Dentro del plazo todavía se puede publicar a tiempo.
        if atraso is None or atraso <= plazo:
            continue
        if not ctx.vista.minuta_publicada(sesion):
            yield Hallazgo(
                f"La sesión del {fecha} no tiene minuta publicada; publícala y anota su "
                "dirección en «url» y la fecha en «fecha_publicacion» dentro de «minuta».",
                doc,
                ("minuta", "url"),
            )
        else:
            yield Hallazgo(
                f"La minuta de la sesión del {fecha} se publicó {atraso} días después, más de "
                f"los {plazo} recomendados; publica las siguientes a más tardar {plazo} días "
                "después de cada sesión.",
                doc,
                ("minuta", "fecha_publicacion"),
            )
