"""Sección «Agenda 2030»: lo que el municipio declara de O1–O9 junto a lo que dicen los datos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.catalogos import recomendaciones_agenda2030
from caja_ga.modelos.agenda2030 import Recomendacion
from caja_ga.reporte import etiquetas as et
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class FilaAgenda:
    codigo: str
    recomendacion: str
    cumple: str
    clave_cumple: str
    evidencia: str | None
    referencias: list[str]
    senal: str | None  # lo que dicen los datos; None si no se puede comprobar con ellos
    respaldada: bool | None
    contradice: bool  # declarada «sí» y los datos no la respaldan


@dataclass(frozen=True, slots=True, kw_only=True)
class Agenda2030:
    filas: list[FilaAgenda]


def contexto(vista: Vista) -> Agenda2030:
    agenda = vista.carpeta.agenda2030
    declaradas: dict[str, Recomendacion] = (
        {r.id: r for r in agenda.recomendaciones} if agenda else {}
    )
    filas = []
    for codigo, texto in recomendaciones_agenda2030().items():
        declarada, senal = declaradas.get(codigo), vista.senales.get(codigo)
        clave = (declarada.cumple if declarada else None) or "sin_declarar"
        filas.append(
            FilaAgenda(
                codigo=codigo,
                recomendacion=texto,
                cumple=et.CUMPLE.get(clave, "Sin declarar"),
                clave_cumple=clave,
                evidencia=declarada.evidencia if declarada else None,
                referencias=_conocidas(declarada, vista),
                senal=senal.publica if senal else None,
                respaldada=senal.respaldada if senal else None,
                contradice=clave == "si" and senal is not None and not senal.respaldada,
            )
        )
    return Agenda2030(filas=filas)


def _conocidas(declarada: Recomendacion | None, vista: Vista) -> list[str]:
    """Las referencias de la declaración, sin las sesiones y reportes posteriores al corte, en
    palabras: una sesión por su fecha, un compromiso por su título (no por el nombre de un
    archivo ni un id)."""
    if declarada is None:
        return []
    fechas = {s.id: s.sesion.fecha for s in vista.sesiones}
    titulos = {c.id: c.titulo for c in vista.plan.compromisos} if vista.plan else {}
    return [
        _en_palabras(r, fechas, titulos)
        for r in declarada.referencias
        if r not in vista.ids_posteriores
    ]


def _en_palabras(
    referencia: str, fechas: dict[str, date | None], titulos: dict[str, str | None]
) -> str:
    if (fecha := fechas.get(referencia)) is not None:
        return f"sesión del {et.fecha_larga(fecha)}"
    if (titulo := titulos.get(referencia)) is not None:
        return f"compromiso «{titulo}»"
    return referencia
