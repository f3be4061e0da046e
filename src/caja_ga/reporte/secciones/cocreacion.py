"""Sección «Cómo se construyó el plan»: la consulta pública, las propuestas recibidas y la
respuesta razonada a cada una, con el compromiso en que se convirtió.

Solo cuenta lo conocido a la fecha de corte (`Vista.consulta`, `Vista.propuestas`): una consulta
que aún no se abría o una propuesta recibida después no se muestran ni se cuentan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from caja_ga.modelos.cocreacion import Consulta, Propuesta
from caja_ga.reporte.secciones.plan import ancla_compromiso
from caja_ga.vista import Vista

RESULTADOS: Final = {
    "incorporada": "Incorporada",
    "fusionada": "Fusionada con otra",
    "no_incorporada": "No incorporada",
    "sin_respuesta": "Sin respuesta",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultaReporte:
    inicio: date | None
    fin: date | None
    dias: int | None  # cuántos días estuvo abierta, contando ambos extremos
    canales: list[str]
    participantes: int | None
    participacion: list[tuple[str, int]]  # (sector o grupo, personas)
    evidencia_url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PropuestaReporte:
    id: str
    resumen: str | None
    propuesta_por: str | None
    fecha: date | None
    canal: str | None
    clave: str  # incorporada, fusionada, no_incorporada o sin_respuesta
    resultado: str
    compromiso: str | None
    titulo_compromiso: str | None
    ancla: str | None  # del compromiso en la sección del plan, si existe
    fusionada_con: str | None
    motivo: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CocreacionReporte:
    consulta: ConsultaReporte | None
    conteos: list[tuple[str, int]]  # (resultado, propuestas), sin los que no tienen ninguna
    propuestas: list[PropuestaReporte]


def contexto(vista: Vista) -> CocreacionReporte | None:
    if vista.consulta is None and not vista.propuestas:
        return None
    titulos = {c.id: c.titulo for c in vista.plan.compromisos} if vista.plan else {}
    return CocreacionReporte(
        consulta=_consulta(vista.consulta) if vista.consulta else None,
        conteos=[(RESULTADOS[c], n) for c, n in vista.propuestas_por_resultado.items() if n],
        propuestas=[_propuesta(p, titulos) for p in vista.propuestas],
    )


def _consulta(consulta: Consulta) -> ConsultaReporte:
    inicio, fin = consulta.inicio, consulta.fin
    return ConsultaReporte(
        inicio=inicio,
        fin=fin,
        dias=(fin - inicio).days + 1 if inicio and fin and fin >= inicio else None,
        canales=list(consulta.canales),
        participantes=consulta.participantes,
        participacion=[
            (p.grupo, p.personas)
            for p in consulta.participacion
            if p.grupo and p.personas is not None
        ],
        evidencia_url=consulta.evidencia_url,
    )


def _propuesta(propuesta: Propuesta, titulos: dict[str, str | None]) -> PropuestaReporte:
    respuesta = propuesta.respuesta
    clave = propuesta.resultado()
    compromiso = respuesta.compromiso if respuesta else None
    return PropuestaReporte(
        id=propuesta.id,
        resumen=propuesta.resumen,
        propuesta_por=propuesta.propuesta_por,
        fecha=propuesta.fecha,
        canal=propuesta.canal,
        clave=clave,
        resultado=RESULTADOS[clave],
        compromiso=compromiso,
        titulo_compromiso=titulos.get(compromiso) if compromiso else None,
        ancla=ancla_compromiso(compromiso) if compromiso in titulos else None,
        fusionada_con=respuesta.fusionada_con if respuesta else None,
        motivo=respuesta.motivo if respuesta else None,
    )
