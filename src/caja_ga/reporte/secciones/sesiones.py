"""Sección «Sesiones»: cada sesión con su asistencia por sector, y sus acuerdos."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from caja_ga.modelos.sesion import Sesion
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.secciones.comun import contar
from caja_ga.vista import Vista

_NUCLEO = "Núcleo de Sociedad Civil"
_SIN_IDENTIFICAR = "Sin identificar"


@dataclass(frozen=True, slots=True, kw_only=True)
class Acuerdo:
    id: str
    texto: str | None
    responsable: str | None
    fecha_limite: date | None
    estado: str
    clave_estado: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SesionReporte:
    id: str
    fecha: date | None
    organo: str | None
    tipo: str | None
    modalidad: str | None
    asistencia: list[tuple[str, int]]
    invitados: list[str]
    publico: int | None
    grupos_publico: list[str]
    orden_del_dia: list[str]
    acuerdos: list[Acuerdo]
    minuta_url: str | None
    minuta_fecha: date | None
    aprueba_plan: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Sesiones:
    sesiones: list[SesionReporte]
    acuerdos_por_estado: list[tuple[str, str, int]]  # (etiqueta, clave, cuántos)


def contexto(vista: Vista) -> Sesiones | None:
    if not vista.sesiones:
        return None
    sector_de = _sector_de(vista)
    quien = _quien(vista, sector_de)
    plan = vista.carpeta.plan
    aprobado_en = plan.aprobado_en if plan else None
    sesiones = [
        _sesion(
            leida.id,
            leida.sesion,
            sector_de,
            quien,
            aprueba_plan=leida.id == aprobado_en,
            minuta_publicada=vista.minuta_publicada(leida.sesion),
        )
        for leida in vista.sesiones
    ]
    cuenta = Counter[str](a.estado for leida in vista.sesiones for a in leida.sesion.acuerdos)
    return Sesiones(
        sesiones=sesiones,
        acuerdos_por_estado=[
            (etiqueta, clave, cuenta[clave])
            for clave, etiqueta in et.ESTADOS_ACUERDO.items()
            if cuenta[clave]
        ],
    )


def _sector_de(vista: Vista) -> dict[str, str]:
    """El sector de cada integrante del Espacio; «Núcleo» para los del Núcleo que no están en él."""
    espacio, nucleo = vista.carpeta.espacio, vista.carpeta.nucleo
    sector_de = {
        i.id: et.etiqueta(et.SECTORES, i.sector) or _SIN_IDENTIFICAR
        for i in (espacio.integrantes if espacio else [])
    }
    sector_de |= {
        i.id: _NUCLEO for i in (nucleo.integrantes if nucleo else []) if i.id not in sector_de
    }
    return sector_de


def _quien(vista: Vista, sector_de: dict[str, str]) -> dict[str, str]:
    """Cómo se nombra en la página a cada integrante del Espacio o del Núcleo citado por su id:
    «Rosa Martínez Cruz (Gobierno municipal)»; el id no le dice nada a quien lee."""
    espacio, nucleo = vista.carpeta.espacio, vista.carpeta.nucleo
    nombres = {i.id: i.nombre for i in (nucleo.integrantes if nucleo else []) if i.nombre}
    nombres |= {i.id: i.nombre for i in (espacio.integrantes if espacio else []) if i.nombre}
    return {
        id_: nombre if sector_de[id_] == _SIN_IDENTIFICAR else f"{nombre} ({sector_de[id_]})"
        for id_, nombre in nombres.items()
    }


def _sesion(
    id_sesion: str,
    sesion: Sesion,
    sector_de: dict[str, str],
    quien: dict[str, str],
    *,
    aprueba_plan: bool,
    minuta_publicada: bool,
) -> SesionReporte:
    orden = [*et.SECTORES.values(), _NUCLEO, _SIN_IDENTIFICAR]
    publico, minuta = sesion.publico, sesion.minuta
    return SesionReporte(
        id=id_sesion,
        fecha=sesion.fecha,
        organo=et.etiqueta(et.ORGANOS, sesion.organo),
        tipo=et.etiqueta(et.TIPOS_SESION, sesion.tipo),
        modalidad=et.etiqueta(et.MODALIDADES, sesion.modalidad),
        asistencia=contar([sector_de.get(a, _SIN_IDENTIFICAR) for a in sesion.asistentes], orden),
        invitados=list(sesion.invitados),
        publico=publico.asistentes if publico else None,
        grupos_publico=et.etiquetas(et.GRUPOS, list(publico.grupos)) if publico else [],
        orden_del_dia=list(sesion.orden_del_dia),
        acuerdos=[
            Acuerdo(
                id=a.id,
                texto=a.texto,
                responsable=quien.get(a.responsable, a.responsable) if a.responsable else None,
                fecha_limite=a.fecha_limite,
                estado=et.ESTADOS_ACUERDO[a.estado],
                clave_estado=a.estado,
            )
            for a in sesion.acuerdos
        ],
        # Una minuta publicada después de la fecha de corte todavía no existía ese día.
        minuta_url=minuta.url if minuta and minuta_publicada else None,
        minuta_fecha=minuta.fecha_publicacion if minuta and minuta_publicada else None,
        aprueba_plan=aprueba_plan,
    )
