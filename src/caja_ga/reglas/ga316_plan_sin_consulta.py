"""El plan no documenta la consulta pública con la que se cocreó.

Los estándares de participación y cocreación de OGP Local piden que el plan nazca de una consulta
abierta y que quede registro de ella: cuándo estuvo abierta, por qué canales, quiénes participaron
y qué propuestas se recibieron. Ese registro es `cocreacion.yaml`, en la carpeta del proceso
(`caja-ga init` lo crea). Es error cuando la fase `plan` ya se cumplió, aviso mientras el plan se
escribe y no se revisa en fases anteriores. También se señala una consulta que empezó después
de la sesión que aprobó el plan (`aprobado_en`): no pudo servir para construirlo. Lo que falte
dentro del archivo (fechas, canales, participantes) lo señala GA005; las propuestas sin
respuesta, GA315.

Incorrecto: la carpeta tiene `plan.yaml` pero no `cocreacion.yaml`.

Correcto (`cocreacion.yaml`):

    version: 1
    consulta:
      inicio: 2025-03-20
      fin: 2025-04-15
      canales: [mesas de trabajo, formulario en línea]
      participantes: 214
    propuestas:
      - id: p1
        resumen: Publicar el costo y el avance de cada obra.
        propuesta_por: Ciudadanos por Zapopan A.C.
        respuesta:
          resultado: incorporada
          compromiso: c1
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA316", "plan-sin-consulta", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    carpeta = ctx.carpeta
    if carpeta.plan is None:
        return
    if "cocreacion" in carpeta.documentos:
        yield from _consulta_posterior(ctx)
        return
    yield Hallazgo(
        "El plan no documenta la consulta pública con la que se cocreó; crea cocreacion.yaml "
        "con sus fechas, canales y participantes, y cada propuesta recibida con su respuesta "
        "(caja-ga init trae una plantilla).",
        carpeta.documentos["plan"],
    )


def _consulta_posterior(ctx: Contexto) -> Iterator[Hallazgo]:
    plan, consulta = ctx.carpeta.plan, ctx.vista.consulta
    if plan is None or consulta is None or consulta.inicio is None:
        return
    aprobacion = ctx.vista.sesion_aprobacion
    fecha = aprobacion.sesion.fecha if aprobacion else None
    if fecha is not None and consulta.inicio > fecha:
        yield Hallazgo(
            f"La consulta empezó el «{consulta.inicio}», después de la sesión que aprobó el plan "
            f"(«{plan.aprobado_en}», del «{fecha}»): no pudo servir para construirlo; revisa "
            "sus fechas o documenta la consulta con la que sí se cocreó.",
            ctx.carpeta.documentos["cocreacion"],
            ("consulta", "inicio"),
        )
