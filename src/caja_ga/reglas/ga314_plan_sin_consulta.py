"""El plan no documenta la consulta pública con la que se cocreó.

Los estándares de participación y cocreación de OGP Local piden que el plan nazca de una consulta
abierta y que quede registro de ella: cuándo estuvo abierta, por qué canales, quiénes participaron
y qué propuestas se recibieron. Ese registro es `cocreacion.yaml`, en la carpeta del proceso
(`caja-ga init` lo crea). Es error cuando la fase `plan` ya se cumplió, aviso mientras el plan se
escribe y no se revisa en fases anteriores. Lo que falte dentro del archivo (fechas, canales,
participantes) lo señala GA005; las propuestas sin respuesta, GA315.

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


@regla("GA314", "plan-sin-consulta", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    carpeta = ctx.carpeta
    if carpeta.plan is None or "cocreacion" in carpeta.documentos:
        return
    yield Hallazgo(
        "El plan no documenta la consulta pública con la que se cocreó; crea cocreacion.yaml "
        "con sus fechas, canales y participantes, y cada propuesta recibida con su respuesta "
        "(caja-ga init trae una plantilla).",
        carpeta.documentos["plan"],
    )
