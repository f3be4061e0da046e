"""Lo que varias secciones del reporte escriben igual."""

from __future__ import annotations

from collections import Counter

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
