"""Sección «Resultados»: el indicador de cada meta, de la línea base a la meta, con lo medido.

Muestra las mediciones que la `Vista` conoce a la fecha de corte (nada posterior) y la meta del
plan vigente (con los cambios de meta aprobados). Los valores se publican tal como se midieron,
también los que se alejan de la meta.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.modelos.plan import Compromiso, Meta
from caja_ga.reporte.etiquetas import fecha_larga
from caja_ga.reporte.graficas import GraficaIndicador, ValorFechado, serie_indicador
from caja_ga.reporte.secciones.comun import texto
from caja_ga.reporte.secciones.plan import MetaReporte, meta_reporte
from caja_ga.vista import Medicion, Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class MedicionReporte:
    fecha: date | None
    valor: str
    fuente: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultadoMeta:
    meta: MetaReporte
    compromiso: str
    titulo_compromiso: str | None
    mediciones: list[MedicionReporte]
    grafica: GraficaIndicador | None
    descripcion_grafica: str  # el texto alternativo: dice todos los valores


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultadosReporte:
    metas: list[ResultadoMeta]
    mediciones: int


def contexto(vista: Vista) -> ResultadosReporte | None:
    plan = vista.plan
    if plan is None:
        return None
    metas = [
        _meta(compromiso, meta, vista.mediciones.get(meta.id, []))
        for compromiso in plan.compromisos
        for meta in compromiso.metas
    ]
    if not metas:
        return None
    return ResultadosReporte(metas=metas, mediciones=sum(len(m.mediciones) for m in metas))


def _meta(compromiso: Compromiso, meta: Meta, medidas: list[Medicion]) -> ResultadoMeta:
    indicador = meta.indicador
    base = indicador.linea_base if indicador else None
    objetivo = indicador.valor_meta if indicador else None
    fecha_meta = indicador.fecha_meta if indicador else None
    con_valor = [m for m in medidas if m.valor is not None]
    return ResultadoMeta(
        meta=meta_reporte(meta),
        compromiso=compromiso.id,
        titulo_compromiso=compromiso.titulo,
        mediciones=[
            MedicionReporte(fecha=m.fecha, valor=texto(m.valor) or "", fuente=m.fuente)
            for m in con_valor
        ],
        grafica=_grafica(con_valor, base, objetivo, fecha_meta),
        descripcion_grafica=_descripcion(con_valor, base, objetivo, fecha_meta),
    )


def _grafica(
    medidas: list[Medicion], base: float | None, meta: float | None, fecha_meta: date | None
) -> GraficaIndicador | None:
    fechadas = [
        ValorFechado(fecha=m.fecha, valor=m.valor, texto=_valor_el_dia(m))
        for m in medidas
        if m.fecha is not None and m.valor is not None
    ]
    if not fechadas:
        return None
    return serie_indicador(
        valores=fechadas,
        linea_base=(base, f"Base {texto(base)}") if base is not None else None,
        valor_meta=(meta, f"Meta {texto(meta)}") if meta is not None else None,
        fecha_meta=fecha_meta,
    )


def _valor_el_dia(medida: Medicion) -> str:
    cuando = f" el {fecha_larga(medida.fecha)}" if medida.fecha else " sin fecha"
    return f"{texto(medida.valor)}{cuando}"


def _descripcion(
    medidas: list[Medicion], base: float | None, meta: float | None, fecha_meta: date | None
) -> str:
    """«Línea base 40; medido: 55 el 31 de marzo de 2026; meta 80 para el …»."""
    partes = [f"Línea base {texto(base) if base is not None else 'sin dato'}"]
    partes.append("medido: " + ", ".join(_valor_el_dia(m) for m in medidas))
    para = f" para el {fecha_larga(fecha_meta)}" if fecha_meta else ""
    partes.append(f"meta {texto(meta) if meta is not None else 'sin dato'}{para}")
    return "; ".join(partes) + "."
