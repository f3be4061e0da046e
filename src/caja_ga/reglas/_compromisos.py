"""Recorridos de plan.yaml que comparten las reglas GA3xx.

Cada elemento sale con su documento y su ruta dentro de él, para que la regla señale la línea
exacta.
"""

from __future__ import annotations

from collections.abc import Iterator

from caja_ga.modelos.plan import Actividad, Compromiso, Meta
from caja_ga.problemas import Documento, Ruta
from caja_ga.reglas import Contexto


def compromisos(ctx: Contexto) -> Iterator[tuple[Documento, Ruta, Compromiso]]:
    """(documento, ruta, compromiso) de cada compromiso de un plan legible."""
    plan = ctx.carpeta.plan
    if plan is None:
        return
    doc = ctx.carpeta.documentos["plan"]
    for i, compromiso in enumerate(plan.compromisos):
        yield doc, ("compromisos", i), compromiso


def metas(ctx: Contexto) -> Iterator[tuple[Documento, Ruta, Meta]]:
    for doc, ruta, compromiso in compromisos(ctx):
        for j, meta in enumerate(compromiso.metas):
            yield doc, (*ruta, "metas", j), meta


def actividades(ctx: Contexto) -> Iterator[tuple[Documento, Ruta, Actividad]]:
    for doc, ruta, compromiso in compromisos(ctx):
        for j, actividad in enumerate(compromiso.actividades):
            yield doc, (*ruta, "actividades", j), actividad
