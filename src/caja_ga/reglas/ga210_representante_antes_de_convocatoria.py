"""El Núcleo eligió a su representante antes de que cerrara su convocatoria.

El Núcleo de Sociedad Civil se forma con una convocatoria abierta y plural; después, quienes
respondieron eligen a la persona que lo representa en el Espacio de Diálogo Tripartita. Una
elección anterior al cierre de la convocatoria (`convocatoria.fecha_cierre`, o su
`fecha_publicacion` si no tiene cierre) deja fuera a quienes se sumaron después; anterior a la
publicación, es una fecha mal escrita.

Incorrecto:

    convocatoria:
      fecha_publicacion: 2025-02-01
      fecha_cierre: 2025-02-28
    representante:
      integrante: osc-1
      fecha: 2025-02-20

Correcto:

    convocatoria:
      fecha_publicacion: 2025-02-01
      fecha_cierre: 2025-02-28
    representante:
      integrante: osc-1
      fecha: 2025-03-05
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA210", "representante-antes-de-convocatoria", Severidad.ERROR)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    nucleo = ctx.carpeta.nucleo
    if nucleo is None or nucleo.convocatoria is None or nucleo.representante is None:
        return
    eleccion = nucleo.representante.fecha
    convocatoria = nucleo.convocatoria
    if eleccion is None:
        return
    if convocatoria.fecha_cierre is not None:
        limite, que = convocatoria.fecha_cierre, "cerrara la convocatoria"
    elif convocatoria.fecha_publicacion is not None:
        limite, que = convocatoria.fecha_publicacion, "se publicara la convocatoria"
    else:  # las fechas de la convocatoria las pide GA005
        return
    if eleccion < limite:
        yield Hallazgo(
            f"El Núcleo eligió a su representante el {eleccion}, antes de que {que} (el "
            f"{limite}); la elección la hacen quienes respondieron a la convocatoria: corrige "
            "«representante.fecha» o las fechas de «convocatoria».",
            ctx.carpeta.documentos["nucleo"],
            ("representante", "fecha"),
        )
