"""Un acuerdo de sesión pasó su fecha límite y no está cumplido.

Los acuerdos del Espacio y del Núcleo son compromisos entre sectores con una persona responsable
y una fecha límite; darles seguimiento es parte de la rendición de cuentas. Un acuerdo vencido a
la fecha de corte que sigue `pendiente` o `en_proceso` se cumplió sin registrarlo, o necesita que
la siguiente sesión lo retome (con nueva fecha) o lo cancele. Un `estado` ilegible no cuenta
como pendiente: ya lo señala GA006.

Incorrecto (a la fecha de corte 2026-06-30):

    acuerdos:
      - id: s3-ac1
        texto: Publicar el reporte de avance en el portal.
        fecha_limite: 2026-05-31
        estado: en_proceso

Correcto:

    acuerdos:
      - id: s3-ac1
        texto: Publicar el reporte de avance en el portal.
        fecha_limite: 2026-05-31
        estado: cumplido
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA208", "acuerdo-vencido", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for leida in ctx.vista.sesiones:
        for indice, acuerdo in enumerate(leida.sesion.acuerdos):
            if (
                acuerdo.fecha_limite is not None
                and acuerdo.fecha_limite < ctx.fecha_corte
                and acuerdo.estado not in ("cumplido", "cancelado")
                # Un estado ilegible (GA006) no es «pendiente».
                and not leida.documento.roto(("acuerdos", indice, "estado"))
            ):
                yield Hallazgo(
                    f"El acuerdo «{acuerdo.id}» venció el {acuerdo.fecha_limite} y sigue "
                    f"«{acuerdo.estado}»; si ya se cumplió, cambia «estado» a «cumplido»; si no, "
                    "acuerden en sesión una nueva fecha límite o cancélenlo.",
                    leida.documento,
                    ("acuerdos", indice, "fecha_limite"),
                )
