"""Las sesiones ya celebradas a la fecha de corte.

Lo usan GA204 y GA205: una sesión con fecha posterior al corte (o sin fecha) aún no se revisa.
"""

from __future__ import annotations

from datetime import date

from caja_ga.modelos.sesion import Sesion
from caja_ga.problemas import Documento
from caja_ga.reglas import Contexto


def celebradas(ctx: Contexto) -> list[tuple[Documento, Sesion, date]]:
    """(documento, sesión, fecha) de cada sesión con fecha hasta el corte, en orden de fecha."""
    return [
        (leida.documento, leida.sesion, leida.sesion.fecha)
        for leida in ctx.vista.sesiones
        if leida.sesion.fecha is not None and leida.sesion.fecha <= ctx.fecha_corte
    ]
