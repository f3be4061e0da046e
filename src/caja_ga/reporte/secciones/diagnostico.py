"""Sección «Diagnóstico de capacidades»: puntaje por dimensión, capacidades, actores y reactivos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.avance import porcentaje
from caja_ga.modelos.diagnostico import Diagnostico
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.graficas import GraficaBarras, barras
from caja_ga.reporte.secciones.comun import si_no, texto
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemDiagnostico:
    id: str
    pregunta: str | None
    valor: str
    evidencia: str | None
    fuente: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DimensionDiagnostico:
    nombre: str
    puntaje: str  # «67 %» o «sin evaluar»
    evaluados: int
    items: list[ItemDiagnostico]


@dataclass(frozen=True, slots=True, kw_only=True)
class DiagnosticoReporte:
    fecha: date | None
    elaborado_por: str | None
    instrumento: str | None
    dimensiones: list[DimensionDiagnostico]
    grafica: GraficaBarras
    capacidades: list[tuple[str, str]]
    actores: list[tuple[str, str, str | None]]  # (actor, presente, nota)
    metrica: list[tuple[str, str]]
    hallazgos: list[str]
    recomendaciones: list[str]
    decision: str | None


_VALORES_ITEM = {0.0: "0 (no existe)", 0.5: "0.5 (parcial)", 1.0: "1 (existe y funciona)"}


def contexto(vista: Vista) -> DiagnosticoReporte | None:
    diagnostico = vista.carpeta.diagnostico
    if diagnostico is None:
        return None
    dimensiones = _dimensiones(diagnostico)
    return DiagnosticoReporte(
        fecha=diagnostico.fecha,
        elaborado_por=diagnostico.elaborado_por,
        instrumento=diagnostico.instrumento,
        dimensiones=[dimension for dimension, _ in dimensiones],
        grafica=barras([(d.nombre, fraccion, d.puntaje) for d, fraccion in dimensiones]),
        capacidades=_capacidades(diagnostico),
        actores=_actores(diagnostico),
        metrica=_metrica(diagnostico),
        hallazgos=list(diagnostico.hallazgos),
        recomendaciones=list(diagnostico.recomendaciones),
        decision=si_no(diagnostico.decision_continuar),
    )


def _dimensiones(diagnostico: Diagnostico) -> list[tuple[DimensionDiagnostico, float | None]]:
    """Cada dimensión del catálogo, con la fracción de 0 a 1 que va a la gráfica."""
    por_id = {d.id: d for d in diagnostico.dimensiones}
    dimensiones = []
    for clave, nombre in et.DIMENSIONES.items():
        items = por_id[clave].items if clave in por_id else []
        valores = [item.valor for item in items if item.valor is not None]
        fraccion = sum(valores) / len(valores) if valores else None
        dimension = DimensionDiagnostico(
            nombre=nombre,
            puntaje=porcentaje(fraccion * 100) if fraccion is not None else "sin evaluar",
            evaluados=len(valores),
            items=[
                ItemDiagnostico(
                    id=item.id,
                    pregunta=item.pregunta,
                    valor=_VALORES_ITEM.get(item.valor, "sin evaluar")
                    if item.valor is not None
                    else "sin evaluar",
                    evidencia=item.evidencia,
                    fuente=item.fuente,
                )
                for item in items
            ],
        )
        dimensiones.append((dimension, fraccion))
    return dimensiones


def puntajes(diagnostico: Diagnostico) -> list[tuple[str, float | None]]:
    """(dimensión, fracción de 0 a 1 o None si no tiene reactivos evaluados), en el orden del
    catálogo: lo que se compara entre municipios."""
    return [(dimension.nombre, fraccion) for dimension, fraccion in _dimensiones(diagnostico)]


def _capacidades(diagnostico: Diagnostico) -> list[tuple[str, str]]:
    capacidades = diagnostico.capacidades
    if capacidades is None:
        return []
    filas = (
        ("Personal asignado", texto(capacidades.personal_asignado)),
        ("Horas a la semana", texto(capacidades.horas_semana)),
        (
            "Presupuesto",
            et.pesos(capacidades.presupuesto_mxn)
            if capacidades.presupuesto_mxn is not None
            else None,
        ),
        ("Área responsable", capacidades.area_responsable),
    )
    return [(etiqueta, valor) for etiqueta, valor in filas if valor is not None]


def _actores(diagnostico: Diagnostico) -> list[tuple[str, str, str | None]]:
    actores = diagnostico.actores
    filas = []
    for clave, nombre in et.ACTORES.items():
        actor = getattr(actores, clave) if actores else None
        presente = (
            "Sin dato"
            if actor is None or actor.presente is None
            else "Presente"
            if actor.presente
            else "Ausente"
        )
        filas.append((nombre, presente, actor.nota if actor else None))
    return filas


def _metrica(diagnostico: Diagnostico) -> list[tuple[str, str]]:
    metrica = diagnostico.metrica
    return [
        (f"{nombre} ({clave.upper()})", f"{valor:.2f}")
        for clave, nombre in et.METRICA.items()
        if metrica and (valor := getattr(metrica, clave)) is not None
    ]
