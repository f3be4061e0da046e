"""El avance de una actividad baja de un reporte al siguiente sin explicación.

El avance es lo que ya se hizo: no debería bajar. A veces baja con razón (se rehízo un entregable,
se corrigió un porcentaje inflado), y entonces el reporte lo explica en `observaciones` de esa
actividad; sin explicación, quien lee dos reportes seguidos ve cifras que se contradicen. Se
compara con el avance que contaba antes (el mismo cálculo del avance publicado).

Incorrecto (el reporte anterior la dejó en 60 %):

    fecha_corte: 2026-06-30
    actividades:
      - id: c1-a2
        estado: en_proceso
        avance: 40

Correcto:

    fecha_corte: 2026-06-30
    actividades:
      - id: c1-a2
        estado: en_proceso
        avance: 40
        observaciones: Se rehicieron 60 fichas que no cumplían el formato aprobado.
"""

from collections.abc import Iterator

from caja_ga.avance import porcentaje
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.vacio import vacio


@regla("GA407", "avance-disminuye", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for paso in ctx.vista.pasos_de_avance:
        anterior = paso.anterior
        if anterior is None or paso.actual.valor >= anterior.valor:
            continue
        if not vacio(paso.entrada.observaciones):
            continue
        desde = f" al {anterior.fecha.isoformat()}" if anterior.fecha else ""
        yield Hallazgo(
            f"El avance de la actividad «{paso.entrada.id}» baja de "
            f"{porcentaje(anterior.valor)}{desde} a {porcentaje(paso.actual.valor)}; "
            "explica en «observaciones» por qué bajó, o corrige el porcentaje.",
            paso.documento,
            (*paso.ruta, "avance") if paso.entrada.avance is not None else paso.ruta,
        )
