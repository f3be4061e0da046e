"""El Espacio de Diálogo Tripartita pasó demasiado tiempo sin sesionar.

El EDT es un espacio permanente: diseña el plan, da seguimiento a su cumplimiento y responde a
la sociedad. El estándar mínimo de OGP pide que se reúna al menos cada seis meses (umbral
`max_dias_entre_sesiones`). Se avisa cuando entre dos sesiones del EDT pasa más que eso y,
mientras el proceso está entre las fases `dialogo` e `implementacion`, cuando a la fecha de corte
la última sesión es más antigua que ese plazo. Las sesiones del Núcleo no cuentan. Si alguna
sesión tiene la fecha ilegible (GA006) no se juzgan los plazos: esa sesión podría llenar el hueco.

Incorrecto (de abril a diciembre pasan más de seis meses):

    # sesiones/2025-04-30-plan.yaml
    organo: edt
    fecha: 2025-04-30

    # sesiones/2025-12-15-ordinaria.yaml
    organo: edt
    fecha: 2025-12-15

Correcto (una sesión intermedia):

    # sesiones/2025-10-20-ordinaria.yaml
    organo: edt
    fecha: 2025-10-20
"""

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from caja_ga.problemas import Documento, Hallazgo, Severidad
from caja_ga.proceso import indice_fase
from caja_ga.reglas import Contexto, Umbral, regla
from caja_ga.reglas._sesiones import celebradas

_MAXIMO = Umbral(
    "max_dias_entre_sesiones",
    183,
    "Máximo de días entre dos sesiones del Espacio.",
    1,
)


@regla("GA204", "sesiones-espaciadas", Severidad.AVISO, umbrales=(_MAXIMO,))
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    maximo = ctx.umbral(_MAXIMO)
    if any(leida.documento.roto(("fecha",)) for leida in ctx.vista.sesiones):
        return  # una sesión con fecha ilegible (GA006) podría llenar cualquier hueco
    sesiones = [(doc, fecha) for doc, sesion, fecha in celebradas(ctx) if sesion.organo == "edt"]
    for (_, anterior), (doc, fecha) in pairwise(sesiones):
        dias = (fecha - anterior).days
        if dias > maximo:
            yield Hallazgo(
                f"Entre la sesión del Espacio del {anterior} y la del {fecha} pasaron {dias} "
                f"días, más del máximo recomendado de {maximo}; si hubo sesiones entre ambas, "
                "regístralas en «sesiones/».",
                doc,
                ("fecha",),
            )
    if _vigila_frecuencia(ctx):
        yield from _sin_sesion_reciente(ctx, sesiones, maximo)


def _vigila_frecuencia(ctx: Contexto) -> bool:
    """Entre el diálogo y la implementación el Espacio debe estar sesionando."""
    fase = ctx.carpeta.fase
    return fase is not None and fase != "evaluacion" and indice_fase(fase) >= indice_fase("dialogo")


def _sin_sesion_reciente(
    ctx: Contexto, sesiones: list[tuple[Documento, date]], maximo: int
) -> Iterator[Hallazgo]:
    if not sesiones:
        doc = ctx.carpeta.documentos.get("espacio") or ctx.carpeta.documentos["proceso"]
        yield Hallazgo(
            f"El proceso está en la fase «{ctx.carpeta.fase}» y no hay ninguna sesión del "
            f"Espacio hasta el {ctx.fecha_corte}; registra sus sesiones en la carpeta "
            "«sesiones/» con «organo: edt».",
            doc,
            (),
        )
        return
    doc, ultima = sesiones[-1]
    dias = (ctx.fecha_corte - ultima).days
    if dias > maximo:
        yield Hallazgo(
            f"La última sesión del Espacio fue el {ultima}, hace {dias} días al "
            f"{ctx.fecha_corte} (el máximo recomendado es {maximo}); convoca una sesión y "
            "regístrala en «sesiones/».",
            doc,
            ("fecha",),
        )
