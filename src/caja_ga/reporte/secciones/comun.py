"""Lo que varias secciones del reporte escriben igual."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from caja_ga.avance import estado_de_avance, porcentaje
from caja_ga.calendario import Situacion
from caja_ga.modelos.nucleo import Nucleo


def texto(valor: object) -> str | None:
    """Un número o texto del YAML como se lee: 20.0 → «20», 1284 → «1,284»."""
    if valor is None:
        return None
    if isinstance(valor, float | int) and not isinstance(valor, bool):
        return f"{valor:,.0f}" if float(valor).is_integer() else f"{valor:,}"
    return str(valor)


def si_no(valor: bool | None) -> str | None:
    return None if valor is None else "Sí" if valor else "No"


def contar(etiquetas: list[str], orden: list[str]) -> list[tuple[str, int]]:
    """Cuántas veces aparece cada etiqueta, en el orden dado y luego alfabético."""
    cuenta = Counter(etiquetas)
    return sorted(
        cuenta.items(),
        key=lambda par: (orden.index(par[0]) if par[0] in orden else len(orden), par[0]),
    )


def nombre_en_nucleo(nucleo: Nucleo, id_integrante: str | None) -> str | None:
    nombres = {i.id: i.nombre for i in nucleo.integrantes}
    return (nombres.get(id_integrante) or id_integrante) if id_integrante else None


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarioReporte:
    """Avance reportado frente a esperado de una actividad, un compromiso o el plan."""

    clave: str  # estado de calendario (calendario.ESTADOS_CALENDARIO)
    etiqueta: str  # «con atraso»
    texto_esperado: str | None  # «45 %»; None si faltan fechas
    con_barra: bool  # lo que aún no vence no se dibuja como «0 %»
    texto: str  # «40 % reportado (en proceso) frente a 55 % esperado: con atraso; sin contar…»


def calendario(situacion: Situacion) -> CalendarioReporte:
    esperado = porcentaje(situacion.esperado) if situacion.esperado is not None else None
    if situacion.estado == "por_iniciar":
        texto_ = "aún no vence: no ha empezado"
    else:
        reportado = (
            f"{porcentaje(situacion.avance)} reportado ({estado_de_avance(situacion.avance)})"
        )
        frente = f"frente a {esperado} esperado" if esperado else "sin fechas para el esperado"
        texto_ = f"{reportado} {frente}: {situacion.etiqueta}"
    if situacion.canceladas:
        plural = "actividad cancelada" if situacion.canceladas == 1 else "actividades canceladas"
        texto_ += f"; sin contar {situacion.canceladas} {plural}"
    return CalendarioReporte(
        clave=situacion.estado,
        etiqueta=situacion.etiqueta,
        texto_esperado=esperado,
        con_barra=situacion.estado != "por_iniciar",
        texto=texto_,
    )
