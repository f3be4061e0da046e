"""Del proceso validado a lo que su reporte muestra, ya calculado y filtrado.

Las plantillas nunca ven los modelos, solo este contexto. La página es una lista de secciones que
se construye una vez aquí: cada sección sale de su módulo en `caja_ga.reporte.secciones` (que
devuelve `None` si no aplica al proceso) y se dibuja con su par de plantillas; la navegación y el
cuerpo, en HTML y en Markdown, recorren la misma lista. Los datos derivados del proceso (últimos
avances, sesiones y reportes en orden, señales O1–O9) vienen de la `Vista`, y el contacto que se
publica lo decide `caja_ga.reporte.personas`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from caja_ga import __version__
from caja_ga.catalogos import FUENTE_INEGI, FUENTE_ODS
from caja_ga.problemas import Problema
from caja_ga.reporte.resumen import ResumenProceso, resumir
from caja_ga.reporte.secciones import (
    agenda2030,
    cocreacion,
    diagnostico,
    evaluacion,
    linea_de_tiempo,
    participantes,
    plan,
    resultados,
    resumen,
    sesiones,
    validacion,
)
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class Seccion:
    id: str  # el ancla en la página
    titulo: str  # en la navegación
    plantilla: str  # sin extensión: se le agrega «.html.jinja» o «.md.jinja»
    contexto: object  # lo que el módulo de la sección calculó


@dataclass(frozen=True, slots=True, kw_only=True)
class ContextoReporte:
    titulo: str
    resumen: ResumenProceso
    fecha_corte: date
    secciones: list[Seccion]
    errores: int
    raiz: str  # de la página a la raíz del sitio («../../»), para el índice y los datos abiertos
    version: str
    fuentes: list[str]


def construir(vista: Vista, relativa: str, problemas: list[Problema]) -> ContextoReporte:
    proceso = resumir(vista, relativa, problemas)
    municipio = ", ".join(p for p in (proceso.municipio, proceso.entidad) if p)
    raiz = "../" * len(PurePosixPath(relativa).parts)
    return ContextoReporte(
        titulo=f"Gobierno abierto en {municipio or relativa}",
        resumen=proceso,
        fecha_corte=vista.fecha_corte,
        secciones=_secciones(vista, proceso, problemas, raiz),
        errores=proceso.errores,
        raiz=raiz,
        version=__version__,
        fuentes=[
            FUENTE_INEGI,
            FUENTE_ODS,
            f"Dimensiones de los ODS (señal de O5): {vista.agrupacion_ods.fuente}",
        ],
    )


def _secciones(
    vista: Vista, proceso: ResumenProceso, problemas: list[Problema], raiz: str
) -> list[Seccion]:
    """Las secciones que aplican al proceso, en el orden de la página."""
    posibles: list[tuple[str, str, str, object]] = [
        ("resumen", "Resumen", "resumen", resumen.contexto(vista, proceso)),
        ("linea-de-tiempo", "Línea de tiempo", "linea_de_tiempo", linea_de_tiempo.contexto(vista)),
        ("diagnostico", "Diagnóstico", "diagnostico", diagnostico.contexto(vista)),
        ("participantes", "Quiénes participan", "participantes", participantes.contexto(vista)),
        ("sesiones", "Sesiones", "sesiones", sesiones.contexto(vista)),
        ("cocreacion", "Cómo se construyó el plan", "cocreacion", cocreacion.contexto(vista)),
        ("plan", "Plan de acción", "plan", plan.contexto(vista)),
        ("resultados", "Resultados", "resultados", resultados.contexto(vista)),
        ("agenda2030", "Agenda 2030", "agenda2030", agenda2030.contexto(vista)),
        ("evaluacion", "Evaluación", "evaluacion", evaluacion.contexto(vista)),
        (
            "validacion",
            "Avisos de validación",
            "validacion",
            validacion.contexto(vista, problemas, proceso, raiz),
        ),
    ]
    return [
        Seccion(id=id_, titulo=titulo, plantilla=f"secciones/{modulo}", contexto=contexto)
        for id_, titulo, modulo, contexto in posibles
        if contexto is not None
    ]
