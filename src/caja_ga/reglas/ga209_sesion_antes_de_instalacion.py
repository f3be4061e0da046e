"""Una sesión del Espacio de Diálogo Tripartita tiene fecha anterior a su instalación.

El Espacio existe desde su acta de instalación (`instalacion.fecha` en espacio.yaml): la sesión
de instalación puede ser ese mismo día, pero ninguna sesión del Espacio puede ser anterior. Una
sesión así suele ser una fecha mal escrita, en la sesión o en el acta. Las reuniones del Núcleo
de Sociedad Civil (`organo: nucleo`) no cuentan: el Núcleo se forma antes que el Espacio.

Incorrecto (espacio.yaml dice `instalacion: {fecha: 2025-03-15}`):

    organo: edt
    tipo: ordinaria
    fecha: 2025-02-28

Correcto:

    organo: edt
    tipo: ordinaria
    fecha: 2025-04-30
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._sesiones import celebradas


@regla("GA209", "sesion-antes-de-instalacion", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    espacio = ctx.carpeta.espacio
    instalado = espacio.instalacion.fecha if espacio and espacio.instalacion else None
    if instalado is None:  # la fecha del acta la pide GA005
        return
    for doc, sesion, fecha in celebradas(ctx):
        if sesion.organo != "nucleo" and fecha < instalado:
            yield Hallazgo(
                f"La sesión del Espacio es del {fecha}, antes de que se instalara (el "
                f"{instalado}, «instalacion.fecha» en espacio.yaml); corrige la fecha de la "
                "sesión o la del acta de instalación.",
                doc,
                ("fecha",),
            )
