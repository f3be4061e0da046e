"""Sección «Resumen»: la ficha del proceso, su avance general y sus fases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.avance import estado_de_avance, porcentaje
from caja_ga.modelos.base import FASES
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.personas import Contacto, contacto
from caja_ga.reporte.resumen import ResumenProceso
from caja_ga.reporte.secciones.comun import CalendarioReporte, calendario
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class Fase:
    nombre: str
    estado: str  # cumplida, actual o pendiente


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodoPlan:
    inicio: date | None
    fin: date | None
    compromisos: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Resumen:
    proceso: ResumenProceso
    fecha_corte: date
    posteriores: int  # sesiones, reportes o evaluación fechados después del corte
    plan: PeriodoPlan | None
    fase: str | None
    fases: list[Fase]
    avance: float | None
    texto_avance: str | None
    estado_avance: str | None
    calendario: CalendarioReporte | None  # reportado frente a esperado, con el estado de calendario
    enlace: Contacto | None
    portal: str | None


def contexto(vista: Vista, resumen: ResumenProceso) -> Resumen:
    carpeta = vista.carpeta
    proceso, plan = carpeta.proceso, carpeta.plan
    avance, situacion = resumen.avance, vista.calendario.plan
    return Resumen(
        proceso=resumen,
        fecha_corte=vista.fecha_corte,
        posteriores=len(vista.posteriores),
        plan=PeriodoPlan(
            inicio=plan.periodo.inicio if plan.periodo else None,
            fin=plan.periodo.fin if plan.periodo else None,
            compromisos=len(plan.compromisos),
        )
        if plan
        else None,
        fase=et.etiqueta(et.FASES, carpeta.fase),
        fases=_fases(carpeta.fase),
        avance=avance,
        texto_avance=porcentaje(avance) if avance is not None else None,
        estado_avance=estado_de_avance(avance) if avance is not None else None,
        calendario=calendario(situacion) if situacion and avance is not None else None,
        enlace=contacto(proceso.enlace) if proceso and proceso.enlace else None,
        portal=proceso.portal if proceso else None,
    )


def _fases(actual: str | None) -> list[Fase]:
    indice = FASES.index(actual) if actual in FASES else -1
    return [
        Fase(
            nombre=et.FASES[fase],
            estado="cumplida" if i < indice else "actual" if i == indice else "pendiente",
        )
        for i, fase in enumerate(FASES)
    ]
