"""Sección «Línea de tiempo»: las fechas del proceso, antes y después de la fecha de corte."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.redaccion import cantidad
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.secciones.comun import nombre_en_nucleo
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class Hito:
    fecha: date
    titulo: str
    detalle: str | None
    previsto: bool  # posterior a la fecha de corte


@dataclass(frozen=True, slots=True, kw_only=True)
class LineaDeTiempo:
    fecha_corte: date
    hitos: list[Hito]


_Fecha = tuple[date, str, str | None]  # fecha, título, detalle


def contexto(vista: Vista) -> LineaDeTiempo:
    fechas = [
        *_diagnostico_y_nucleo(vista),
        *_instalacion(vista),
        *_sesiones(vista),
        *_plan_y_seguimiento(vista),
        *_evaluacion(vista),
    ]
    return LineaDeTiempo(
        fecha_corte=vista.fecha_corte,
        hitos=[
            Hito(fecha=fecha, titulo=titulo, detalle=detalle, previsto=fecha > vista.fecha_corte)
            for fecha, titulo, detalle in sorted(fechas, key=lambda h: h[0])
        ],
    )


def _diagnostico_y_nucleo(vista: Vista) -> list[_Fecha]:
    carpeta = vista.carpeta
    fechas: list[_Fecha] = []
    if (diagnostico := carpeta.diagnostico) and diagnostico.fecha:
        fechas.append((diagnostico.fecha, "Diagnóstico de capacidades", diagnostico.elaborado_por))
    if nucleo := carpeta.nucleo:
        convocatoria, representante = nucleo.convocatoria, nucleo.representante
        if convocatoria and convocatoria.fecha_publicacion:
            cierre = (
                f"Abierta hasta el {et.fecha_larga(convocatoria.fecha_cierre)}"
                if convocatoria.fecha_cierre
                else None
            )
            fechas.append(
                (convocatoria.fecha_publicacion, "Convocatoria al Núcleo de Sociedad Civil", cierre)
            )
        if representante and representante.fecha:
            fechas.append(
                (
                    representante.fecha,
                    "El Núcleo elige a su representante",
                    nombre_en_nucleo(nucleo, representante.integrante),
                )
            )
    return fechas


def _instalacion(vista: Vista) -> list[_Fecha]:
    """La instalación del Espacio, si ninguna sesión de instalación la registra ya."""
    espacio = vista.carpeta.espacio
    instalada_en_sesion = {
        s.sesion.fecha
        for s in vista.sesiones
        if s.sesion.organo == "edt" and s.sesion.tipo == "instalacion"
    }
    if (
        espacio
        and espacio.instalacion
        and espacio.instalacion.fecha
        and espacio.instalacion.fecha not in instalada_en_sesion
    ):
        return [(espacio.instalacion.fecha, "Instalación del Espacio de Diálogo Tripartita", None)]
    return []


def _sesiones(vista: Vista) -> list[_Fecha]:
    plan = vista.carpeta.plan
    aprobado_en = plan.aprobado_en if plan else None
    return [
        (
            leida.sesion.fecha,
            *_titulo_sesion(leida.sesion.organo, leida.sesion.tipo, leida.id == aprobado_en),
        )
        for leida in vista.sesiones
        if leida.sesion.fecha
    ]


def _titulo_sesion(
    organo: str | None, tipo: str | None, aprueba_plan: bool
) -> tuple[str, str | None]:
    """(título, detalle) de una sesión en la línea de tiempo; sin ids de archivo: se lee en
    público."""
    sesion = f"Sesión {(et.etiqueta(et.TIPOS_SESION, tipo) or '').lower()}".strip()
    de = f"{sesion} del {et.etiqueta(et.ORGANOS, organo)}" if organo else sesion
    if aprueba_plan:
        return "Aprobación del plan de acción", de
    if tipo == "instalacion" and organo:
        return f"Instalación del {et.etiqueta(et.ORGANOS, organo)}", None
    return de, None


def _plan_y_seguimiento(vista: Vista) -> list[_Fecha]:
    fechas: list[_Fecha] = []
    if (consulta := vista.consulta) and consulta.inicio:
        cierre = f"Abierta hasta el {et.fecha_larga(consulta.fin)}; " if consulta.fin else ""
        n = len(vista.propuestas)
        recibidas = f"{n} propuesta recibida" if n == 1 else f"{n} propuestas recibidas"
        fechas.append((consulta.inicio, "Consulta pública del plan", cierre + recibidas))
    if (plan := vista.carpeta.plan) and plan.periodo:
        if plan.periodo.inicio:
            fechas.append((plan.periodo.inicio, "Inicia el plan de acción", None))
        if plan.periodo.fin:
            fechas.append((plan.periodo.fin, "Termina el plan de acción", None))
    fechas += [
        (
            leido.seguimiento.fecha_corte,
            "Reporte de avance",
            cantidad(
                len(leido.seguimiento.actividades), "actividad reportada", "actividades reportadas"
            ),
        )
        for leido in vista.seguimientos
    ]
    return fechas


def _evaluacion(vista: Vista) -> list[_Fecha]:
    evaluacion = vista.evaluacion
    if evaluacion and evaluacion.fecha:
        quien = evaluacion.evaluador.nombre if evaluacion.evaluador else None
        return [(evaluacion.fecha, "Evaluación final", quien)]
    return []
