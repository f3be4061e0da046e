"""Cómo se leen en los reportes los valores que los archivos escriben sin acentos
(`rendicion_cuentas` → «Rendición de cuentas»).

Un valor sin etiqueta (un grupo libre en `problema_publico.grupos`) se muestra tal cual.
"""

from __future__ import annotations

from datetime import date
from typing import Final

FASES: Final = {
    "diagnostico": "Diagnóstico",
    "instalacion": "Instalación",
    "dialogo": "Diálogo",
    "plan": "Plan de acción",
    "implementacion": "Implementación",
    "evaluacion": "Evaluación",
}
SECTORES: Final = {
    "gobierno_municipal": "Gobierno municipal",
    "autoridad_garante": "Autoridad garante",
    "sociedad_civil": "Sociedad civil",
    "academia": "Academia",
    "sector_privado": "Sector privado",
    "otro_gobierno": "Otro orden de gobierno",
}
TIPOS_INTEGRANTE: Final = {
    "osc": "Organización de la sociedad civil",
    "colectivo": "Colectivo",
    "academia": "Academia",
    "persona": "Persona",
    "sector_privado": "Sector privado",
}
GRUPOS: Final = {
    "mujeres": "Mujeres",
    "jovenes": "Jóvenes",
    "indigenas": "Personas indígenas",
    "discapacidad": "Personas con discapacidad",
    "lgbtiq": "Personas LGBTIQ+",
    "personas_mayores": "Personas mayores",
    "afromexicanas": "Personas afromexicanas",
    "otros": "Otros grupos",
}
VALORES: Final = {
    "transparencia": "Transparencia",
    "participacion": "Participación",
    "rendicion_cuentas": "Rendición de cuentas",
    "innovacion": "Innovación",
    "inclusion": "Inclusión",
}
POTENCIAL: Final = {"no_claro": "No claro", "modesto": "Modesto", "sustancial": "Sustancial"}
DIMENSIONES: Final = {
    "transparencia": "Transparencia y acceso a la información",
    "participacion": "Participación ciudadana",
    "rendicion_cuentas": "Rendición de cuentas",
    "marco_normativo": "Marco normativo y de políticas",
    "innovacion": "Innovación y capacidades",
}
ACTORES: Final = {
    "autoridad_garante": "Autoridad garante local",
    "sociedad_civil": "Sociedad civil organizada",
    "osi": "Órgano de Seguimiento e Instrumentación de la Agenda 2030 (OSI)",
}
METRICA: Final = {
    "tg": "Transparencia desde el gobierno",
    "tc": "Transparencia desde la ciudadanía",
    "pg": "Participación desde el gobierno",
    "pc": "Participación desde la ciudadanía",
}
ORGANOS: Final = {"edt": "Espacio de Diálogo Tripartita", "nucleo": "Núcleo de Sociedad Civil"}
TIPOS_SESION: Final = {
    "instalacion": "Instalación",
    "ordinaria": "Ordinaria",
    "extraordinaria": "Extraordinaria",
}
MODALIDADES: Final = {"presencial": "Presencial", "virtual": "Virtual", "hibrida": "Híbrida"}
ESTADOS_ACUERDO: Final = {
    "pendiente": "Pendiente",
    "en_proceso": "En proceso",
    "cumplido": "Cumplido",
    "cancelado": "Cancelado",
}
ESTADOS_ACTIVIDAD: Final = {
    "no_iniciada": "No iniciada",
    "en_proceso": "En proceso",
    "completada": "Completada",
    "cancelada": "Cancelada",
    "retirada": "Retirada del plan",
}
TIPOS_MODIFICACION: Final = {
    "reprogramacion": "Reprogramación",
    "retiro": "Retiro",
    "cambio_meta": "Cambio de meta",
    "otro": "Otro cambio",
}
METODOS_REPRESENTANTE: Final = {"consenso": "Consenso", "votacion": "Votación", "sorteo": "Sorteo"}
DECISIONES: Final = {"consenso": "Por consenso", "mayoria": "Por mayoría"}
CUMPLE: Final = {"si": "Sí", "parcial": "Parcial", "no": "No", "no_aplica": "No aplica"}
# Quién evaluó: una autoevaluación no pesa lo mismo que una evaluación independiente.
AUTOEVALUACION: Final = "Autoevaluación del Espacio de Diálogo Tripartita"
INDEPENDIENTE: Final = "Evaluación independiente"
SIN_EVALUADOR: Final = "Evaluación sin evaluador identificado"
# «sin_evidencia» no es un nivel de cumplimiento (no hubo con qué juzgar): se muestra aparte.
SIN_EVIDENCIA: Final = "Sin evidencia para evaluar"
# Escalas del Mecanismo de Revisión Independiente (IRM) de OGP, de menor a mayor.
CUMPLIMIENTO: Final = {
    "no_iniciado": "No iniciado",
    "limitado": "Limitado",
    "sustancial": "Sustancial",
    "completo": "Completo",
}
ABRIO_GOBIERNO: Final = {
    "empeoro": "Empeoró",
    "sin_cambio": "No cambió",
    "marginal": "Marginal",
    "mayor": "Mayor",
    "sobresaliente": "Sobresaliente",
}

_MESES: Final = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def etiqueta(tabla: dict[str, str], valor: str | None) -> str | None:
    return None if valor is None else tabla.get(valor, valor)


def etiquetas(tabla: dict[str, str], valores: list[str]) -> list[str]:
    return [tabla.get(valor, valor) for valor in valores]


def fecha_larga(fecha: date) -> str:
    """2026-11-15 → «15 de noviembre de 2026» (sin depender del idioma de la máquina)."""
    return f"{fecha.day} de {_MESES[fecha.month - 1]} de {fecha.year}"


def mes_corto(fecha: date) -> str:
    """2026-11-15 → «nov 2026», para los ejes de las gráficas."""
    return f"{_MESES[fecha.month - 1][:3]} {fecha.year}"


def pesos(monto: float) -> str:
    """2800000 → «$2,800,000» (la notación de México: coma de miles, punto decimal)."""
    return f"${monto:,.0f}"
