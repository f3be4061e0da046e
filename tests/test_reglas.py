"""El registro de reglas: un módulo por regla, umbrales declarados por su regla, un solo «vacío»."""

from __future__ import annotations

import pkgutil
import re

import pytest

import caja_ga.reglas as paquete
from caja_ga.reglas import Exigencia, todas, todos_los_umbrales, umbrales_por_omision
from caja_ga.vacio import vacio


def _modulos_de_reglas() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(paquete.__path__) if m.name.startswith("ga"))


@pytest.mark.parametrize("modulo", _modulos_de_reglas())
def test_cada_modulo_registra_su_regla(modulo: str) -> None:
    """`ga301_compromiso_incompleto.py` registra GA301 «compromiso-incompleto», y nada más."""
    coincidencia = re.fullmatch(r"ga(\d{3})_(\w+)", modulo)
    assert coincidencia is not None
    numero, nombre = coincidencia.groups()
    registradas = [
        (r.codigo, r.nombre) for r in todas().values() if r.modulo == f"caja_ga.reglas.{modulo}"
    ]
    assert registradas == [(f"GA{numero}", nombre.replace("_", "-"))]


def test_ninguna_regla_fuera_de_su_modulo() -> None:
    modulos = {f"caja_ga.reglas.{m}" for m in _modulos_de_reglas()}
    assert [r.codigo for r in todas().values() if r.modulo not in modulos] == []
    assert [
        r.codigo for r in todas().values() if r.revisar and r.revisar.__module__ != r.modulo
    ] == []


def test_las_reglas_de_lectura_no_tienen_funcion_y_se_revisan_siempre() -> None:
    """Las emiten carga.py y esquema.py al leer cada archivo; se registran con `registrar`."""
    de_lectura = [r for r in todas().values() if r.revisar is None]
    assert [r.codigo for r in de_lectura] == [
        "GA001",
        "GA002",
        "GA003",
        "GA004",
        "GA006",
        "GA008",
        "GA011",
    ]
    assert {r.exigencia for r in de_lectura} == {Exigencia.SIEMPRE}


def test_exigencia_por_fase_solo_en_reglas_de_completitud() -> None:
    por_fase = [r.codigo for r in todas().values() if r.exigencia is Exigencia.POR_FASE]
    assert por_fase == [
        "GA005",
        "GA212",
        "GA301",
        "GA302",
        "GA304",
        "GA310",
        "GA314",
        "GA315",
        "GA316",
        "GA415",
    ]


def test_umbrales_por_omision_salen_del_registro() -> None:
    assert umbrales_por_omision() == {
        "max_dias_plan_al_evaluar": 90,
        "min_avance_al_evaluar": 80,
        "max_dias_entre_sesiones": 183,
        "max_dias_minuta": 15,
        "min_integrantes_nucleo": 3,
        "min_dias_convocatoria": 14,
        "max_compromisos": 5,
        "max_meses_plan": 24,
        "periodicidad_seguimiento_dias": 180,
    }
    duenas = {u.nombre: r.codigo for r in todas().values() for u in r.umbrales}
    assert duenas == {
        "max_dias_plan_al_evaluar": "GA104",
        "min_avance_al_evaluar": "GA104",
        "max_dias_entre_sesiones": "GA204",
        "max_dias_minuta": "GA205",
        "min_integrantes_nucleo": "GA206",
        "min_dias_convocatoria": "GA206",
        "max_compromisos": "GA305",
        "max_meses_plan": "GA309",
        "periodicidad_seguimiento_dias": "GA404",
    }


def test_cada_umbral_es_coherente_y_su_regla_lo_explica() -> None:
    for regla in todas().values():
        for umbral in regla.umbrales:
            assert umbral.por_omision >= umbral.minimo, umbral.nombre
            assert umbral.descripcion.endswith("."), umbral.nombre
            assert f"`{umbral.nombre}`" in regla.documentacion, umbral.nombre
    assert list(todos_los_umbrales()) == list(umbrales_por_omision())


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [
        (None, True),
        ("", True),
        ("   ", True),
        ("\n\t", True),
        ([], True),
        (["", "  "], True),
        ("Minuta", False),
        ("  Minuta  ", False),
        (["", "Dirección de Obras"], False),
        (0, False),
        (False, False),
    ],
)
def test_vacio(valor: object, esperado: bool) -> None:
    assert vacio(valor) is esperado
