"""La Vista decide qué se sabía a la fecha de corte: lo posterior no cuenta en ningún cálculo."""

from __future__ import annotations

from datetime import date

import pytest

from caja_ga.proceso import cargar_proceso
from caja_ga.vista import Vista
from tests.conftest import EJEMPLOS

MONTERREY = EJEMPLOS / "monterrey-2024-2027"


@pytest.fixture(scope="module")
def carpeta():  # type: ignore[no-untyped-def]
    return cargar_proceso(MONTERREY)


@pytest.mark.parametrize(
    ("corte", "sesiones", "reportes", "posteriores"),
    [
        (date(2025, 5, 11), [], [], 8),  # antes de la instalación
        (date(2025, 5, 12), ["2025-05-12-instalacion"], [], 7),  # el día mismo cuenta
        (
            date(2026, 7, 1),
            [
                "2025-05-12-instalacion",
                "2025-07-12-mesas-cocreacion",
                "2025-08-25-aprobacion-plan",
                "2026-02-16-ordinaria",
                "2026-06-08-seguimiento",
            ],
            ["2026-05-31.yaml"],
            2,
        ),
        (date(2026, 11, 15), None, ["2026-05-31.yaml", "2026-10-31.yaml"], 0),
    ],
)
def test_solo_lo_fechado_hasta_el_corte(  # type: ignore[no-untyped-def]
    carpeta, corte: date, sesiones: list[str] | None, reportes: list[str], posteriores: int
) -> None:
    vista = Vista(carpeta, corte)
    todas = sorted(doc.ruta.stem for doc in carpeta.sesiones)
    assert [s.id for s in vista.sesiones] == (todas if sesiones is None else sesiones)
    assert [s.documento.ruta.name for s in vista.seguimientos] == reportes
    assert len(vista.posteriores) == posteriores


def test_el_avance_es_el_que_se_conocia_al_corte(carpeta) -> None:  # type: ignore[no-untyped-def]
    """Entre los dos reportes cuenta solo el primero (2026-05-31), y c2-a4 ya está retirada (m3,
    2026-06-08). A mano, con sus porcentajes: c1 (100+70+25+0)/4 = 48.75, c2 (100+55+10)/3 = 55,
    c3 (100+100+0+0)/4 = 50, c4 (100+40+0+0)/4 = 35; el plan, (48.75+55+50+35)/4 = 47.1875.
    Después del segundo: c1 (100+100+60+0)/4 = 65, c2 (100+100+50)/3 = 83.33,
    c3 (100+100+45+100)/4 = 86.25, c4 (100+100+70+0)/4 = 67.5; el plan, 302.08/4 = 75.52."""
    plan = carpeta.plan
    assert plan is not None
    antes = _avance_plan(Vista(carpeta, date(2026, 7, 1)))
    despues = _avance_plan(Vista(carpeta, date(2026, 11, 15)))
    assert antes == pytest.approx(47.1875)
    assert round(despues, 1) == 75.5
    assert _avance_plan(Vista(carpeta, date(2026, 5, 30))) == 0


def _avance_plan(vista: Vista) -> float:
    assert vista.calendario.plan is not None
    return vista.calendario.plan.avance


def test_la_minuta_publicada_despues_del_corte_no_existia(carpeta) -> None:  # type: ignore[no-untyped-def]
    sesion = next(
        s.sesion
        for s in Vista(carpeta, date(2026, 11, 15)).sesiones
        if s.id == "2026-06-08-seguimiento"
    )
    assert Vista(carpeta, date(2026, 6, 15)).minuta_publicada(sesion) is False
    assert Vista(carpeta, date(2026, 6, 16)).minuta_publicada(sesion) is True
