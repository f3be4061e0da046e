"""El encargo de quien representa al Núcleo ya terminó a la fecha de corte.

La persona que representa al Núcleo en el Espacio se elige por un periodo (`periodo_meses`,
contado desde `representante.fecha`). Cuando el periodo termina, el Núcleo la reelige o elige a
otra persona, y nucleo.yaml registra la nueva elección; si no, el asiento de la sociedad civil en
el Espacio queda sin mandato.

Incorrecto (a la fecha de corte 2026-06-30, el encargo terminó el 2026-03-05):

    representante:
      integrante: osc-1
      fecha: 2025-03-05
      periodo_meses: 12

Correcto (el Núcleo la reeligió):

    representante:
      integrante: osc-1
      metodo: consenso
      fecha: 2026-03-02
      periodo_meses: 12
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.redaccion import cantidad
from caja_ga.reglas import Contexto, regla


@regla("GA211", "representacion-vencida", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    fin = ctx.vista.fin_representacion
    if fin is None or fin > ctx.fecha_corte:
        return
    nucleo = ctx.carpeta.nucleo
    assert nucleo is not None and nucleo.representante is not None  # hay fin de encargo
    meses = nucleo.representante.periodo_meses or 0
    yield Hallazgo(
        f"El encargo de «{nucleo.representante.integrante}» como representante del Núcleo "
        f"terminó el {fin} ({cantidad(meses, 'mes', 'meses')} desde su elección); "
        "registra en «representante» la reelección o la nueva elección, con su «fecha».",
        ctx.carpeta.documentos["nucleo"],
        ("representante", "periodo_meses"),
    )
