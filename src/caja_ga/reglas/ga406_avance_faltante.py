"""Un reporte de avance menciona una actividad sin decir su avance.

El avance publicado de una actividad sale del reporte más reciente que la menciona. Si ese reporte
no trae `avance`, el cálculo no la deja en 0 %: una actividad `completada` cuenta 100 %, una
`no_iniciada` 0 % y cualquier otra conserva el último avance reportado (0 % si nunca lo tuvo).
Aun así conviene escribirlo: la cifra que se publica debe estar en el reporte, no deducida.

Incorrecto (el reporte anterior la dejó en 60 %; este cuenta 60 % sin decirlo):

    fecha_corte: 2026-06-30
    actividades:
      - id: c1-a2
        estado: en_proceso
        observaciones: Se publicaron 60 fichas más.

Correcto:

    fecha_corte: 2026-06-30
    actividades:
      - id: c1-a2
        estado: en_proceso
        avance: 80
        observaciones: Se publicaron 60 fichas más.
"""

from collections.abc import Iterator

from caja_ga.avance import PasoDeAvance, porcentaje
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA406", "avance-faltante", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for paso in ctx.vista.pasos_de_avance:
        if paso.entrada.avance is None:
            yield Hallazgo(
                f"La actividad «{paso.entrada.id}» no dice su «avance» en este reporte; "
                f"se cuenta {porcentaje(paso.actual.valor)} ({_de_donde(paso)}); escribe "
                "en «avance» el porcentaje a esta fecha de corte.",
                paso.documento,
                (*paso.ruta, "avance"),  # donde falta (o está mal escrito: eso lo dice GA004)
                en_clave=True,
            )


def _de_donde(paso: PasoDeAvance) -> str:
    estado = paso.entrada.estado
    if estado in ("completada", "no_iniciada"):
        return f"por estar «{estado}»"
    if paso.actual.fecha is None:
        return "ningún reporte anterior dio su avance"
    return f"el último reportado, al {paso.actual.fecha.isoformat()}"
