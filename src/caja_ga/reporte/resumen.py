"""Una fila por proceso: lo que comparten el índice entre municipios y `procesos.json`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.avance import avance_plan
from caja_ga.catalogos import municipios
from caja_ga.problemas import Problema, Severidad
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class ResumenProceso:
    carpeta: str  # ruta del proceso relativa a la raíz del reporte («jalisco/zapopan/2024-2027»)
    cvegeo: str | None
    municipio: str | None
    entidad: str | None
    fase: str | None
    inicio_gobierno: date | None
    fin_gobierno: date | None
    compromisos: int
    actividades: int
    avance: float | None  # None mientras no hay plan
    ultima_actualizacion: date | None  # el dato más reciente: reporte, sesión o evaluación
    ods: tuple[str, ...]  # metas u objetivos ODS citados por los compromisos, sin repetir
    errores: int
    avisos: int
    # Los códigos ODS de cada compromiso, en el orden del plan: la cobertura por objetivo cuenta
    # compromisos, no solo procesos.
    ods_por_compromiso: tuple[tuple[str, ...], ...] = ()


def resumir(vista: Vista, relativa: str, problemas: list[Problema]) -> ResumenProceso:
    carpeta = vista.carpeta
    proceso, plan = carpeta.proceso, carpeta.plan
    cvegeo = proceso.municipio.cvegeo if proceso else None
    catalogo = municipios().get(cvegeo) if cvegeo else None
    periodo = proceso.periodo_gobierno if proceso else None
    return ResumenProceso(
        carpeta=relativa,
        cvegeo=cvegeo,
        municipio=(proceso.municipio.nombre if proceso else None)
        or (catalogo.nombre if catalogo else None),
        entidad=(proceso.municipio.entidad if proceso else None)
        or (catalogo.entidad if catalogo else None),
        fase=carpeta.fase,
        inicio_gobierno=periodo.inicio if periodo else None,
        fin_gobierno=periodo.fin if periodo else None,
        compromisos=len(plan.compromisos) if plan else 0,
        actividades=sum(len(c.actividades) for c in plan.compromisos) if plan else 0,
        avance=avance_plan(vista.plan, vista.ultimos_avances)
        if vista.plan and plan and plan.compromisos
        else None,
        ultima_actualizacion=_ultima_actualizacion(vista),
        ods=tuple(dict.fromkeys(codigo for c in plan.compromisos for codigo in c.ods))
        if plan
        else (),
        errores=sum(1 for p in problemas if p.severidad is Severidad.ERROR),
        avisos=sum(1 for p in problemas if p.severidad is Severidad.AVISO),
        ods_por_compromiso=tuple(tuple(c.ods) for c in plan.compromisos) if plan else (),
    )


def _ultima_actualizacion(vista: Vista) -> date | None:
    fechas = [leido.seguimiento.fecha_corte for leido in vista.seguimientos]
    fechas += [leida.sesion.fecha for leida in vista.sesiones if leida.sesion.fecha]
    evaluacion = vista.evaluacion
    if evaluacion and evaluacion.fecha:
        fechas.append(evaluacion.fecha)
    return max(fechas, default=None)
