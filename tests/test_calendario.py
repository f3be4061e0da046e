"""El avance reportado, el esperado y el estado de calendario, contra cifras calculadas a mano.

Un plan pequeño armado aquí (sobre el proceso base), visto a tres fechas de corte:

    c1-a1  2026-01-01 → 2026-01-31 (30 días), peso 2
    c1-a2  2026-01-11 → 2026-03-12 (60 días), peso 1
    c1-a3  2026-01-01 → 2026-12-31, cancelada en el primer reporte
    c2-a1  2026-03-01 → 2026-05-30 (90 días), nunca reportada

    reporte 2026-01-21: c1-a1 en_proceso 50; c1-a2 en_proceso 10; c1-a3 cancelada (sin avance)
    reporte 2026-02-20: c1-a1 completada (sin avance: cuenta 100); c1-a2 en_proceso (sin avance:
                        conserva 10)
"""

from __future__ import annotations

import copy
import csv
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from caja_ga.proceso import cargar_proceso
from caja_ga.vista import Vista
from tests.conftest import BASE, CajaGa

# (avance reportado, avance esperado, estado de calendario), calculados a mano.
Cifra = tuple[float, float | None, str]

ESPERADO: dict[str, dict[str, Cifra]] = {
    # Solo el primer reporte. c1-a1: 20 de 30 días → 66.667 esperado; 50 < 56.667: atrasada.
    # c1-a2: 10 de 60 días → 16.667; 10 ≥ 6.667: en tiempo. c1 = (50·2 + 10)/3 = 36.667 frente a
    # (66.667·2 + 16.667)/3 = 50; 36.667 < 40: atrasada. c2 aún no inicia. Plan: (36.667 + 0)/2 =
    # 18.333 frente a (50 + 0)/2 = 25; 18.333 ≥ 15: en tiempo.
    "2026-01-21": {
        "c1-a1": (50, 200 / 3, "atrasada"),
        "c1-a2": (10, 50 / 3, "en_tiempo"),
        "c1-a3": (0, 20 / 364 * 100, "cancelada"),
        "c2-a1": (0, 0, "por_iniciar"),
        "c1": (110 / 3, 50, "atrasada"),
        "c2": (0, 0, "por_iniciar"),
        "plan": (55 / 3, 25, "en_tiempo"),
    },
    # Los dos reportes. c1-a1 completada → 100. c1-a2 conserva 10; 40 de 60 días → 66.667:
    # atrasada. c1 = (200 + 10)/3 = 70 frente a (200 + 66.667)/3 = 88.889: atrasada.
    # Plan: 70/2 = 35 frente a 88.889/2 = 44.444; 35 ≥ 34.444: en tiempo.
    "2026-02-20": {
        "c1-a1": (100, 100, "completada"),
        "c1-a2": (10, 200 / 3, "atrasada"),
        "c1-a3": (0, 50 / 364 * 100, "cancelada"),
        "c2-a1": (0, 0, "por_iniciar"),
        "c1": (70, 800 / 9, "atrasada"),
        "c2": (0, 0, "por_iniciar"),
        "plan": (35, 400 / 9, "en_tiempo"),
    },
    # c1-a2 pasó su fin (2026-03-12) en 10: vencida, y con ella c1. c2-a1: 45 de 90 días → 50;
    # 0 < 40: atrasada. Plan: 35 frente a (100 + 50)/2 = 75: atrasada.
    "2026-04-15": {
        "c1-a1": (100, 100, "completada"),
        "c1-a2": (10, 100, "vencida"),
        "c1-a3": (0, 104 / 364 * 100, "cancelada"),
        "c2-a1": (0, 50, "atrasada"),
        "c1": (70, 100, "vencida"),
        "c2": (0, 50, "atrasada"),
        "plan": (35, 75, "atrasada"),
    },
}


def _actividad(base: dict[str, Any], id_: str, inicio: str, fin: str) -> dict[str, Any]:
    return {**base, "id": id_, "inicio": date.fromisoformat(inicio), "fin": date.fromisoformat(fin)}


def _reporte(ruta: Path, fecha: str, actividades: list[dict[str, Any]]) -> None:
    datos = {"version": 1, "fecha_corte": date.fromisoformat(fecha), "actividades": actividades}
    ruta.write_text(yaml.safe_dump(datos, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def plan_pequeno(tmp_path: Path) -> Path:
    carpeta = tmp_path / "pequeno"
    shutil.copytree(BASE, carpeta)
    plan = yaml.safe_load((carpeta / "plan.yaml").read_text(encoding="utf-8"))
    c1 = plan["compromisos"][0]
    modelo = c1["actividades"][0]
    c1["actividades"] = [
        {**_actividad(modelo, "c1-a1", "2026-01-01", "2026-01-31"), "peso": 2},
        _actividad(modelo, "c1-a2", "2026-01-11", "2026-03-12"),
        _actividad(modelo, "c1-a3", "2026-01-01", "2026-12-31"),
    ]
    c2 = copy.deepcopy(c1)
    c2["id"] = "c2"
    c2["metas"][0]["id"] = "c2-m1"
    c2["actividades"] = [_actividad(modelo, "c2-a1", "2026-03-01", "2026-05-30")]
    plan["compromisos"] = [c1, c2]
    (carpeta / "plan.yaml").write_text(
        yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for viejo in (carpeta / "seguimiento").iterdir():
        viejo.unlink()
    evidencia = [{"descripcion": "Minuta", "url": "https://www.zapopan.gob.mx/ga/minuta.pdf"}]
    _reporte(
        carpeta / "seguimiento" / "2026-01-21.yaml",
        "2026-01-21",
        [
            {"id": "c1-a1", "estado": "en_proceso", "avance": 50},
            {"id": "c1-a2", "estado": "en_proceso", "avance": 10},
            {"id": "c1-a3", "estado": "cancelada", "observaciones": "Se canceló."},
        ],
    )
    _reporte(
        carpeta / "seguimiento" / "2026-02-20.yaml",
        "2026-02-20",
        [
            {"id": "c1-a1", "estado": "completada", "evidencias": evidencia},
            {"id": "c1-a2", "estado": "en_proceso"},
        ],
    )
    return carpeta


@pytest.mark.parametrize("corte", sorted(ESPERADO))
def test_reportado_esperado_y_calendario_a_mano(plan_pequeno: Path, corte: str) -> None:
    calendario = Vista(cargar_proceso(plan_pequeno), date.fromisoformat(corte)).calendario
    assert calendario.plan is not None
    situaciones = {
        **calendario.actividades,
        **calendario.compromisos,
        "plan": calendario.plan,
    }
    obtenido = {clave: (s.avance, s.esperado, s.estado) for clave, s in situaciones.items()}
    assert obtenido == {
        clave: (pytest.approx(avance), pytest.approx(esperado), estado)
        for clave, (avance, esperado, estado) in ESPERADO[corte].items()
    }
    # La actividad cancelada sale del denominador y se cuenta aparte.
    assert (calendario.compromisos["c1"].canceladas, calendario.plan.canceladas) == (1, 1)


def _filas(ruta: Path, clave: str) -> dict[str, dict[str, str]]:
    with ruta.open(encoding="utf-8", newline="") as archivo:
        return {fila[clave]: fila for fila in csv.DictReader(archivo)}


def _reportar(caja_ga: CajaGa, carpeta: Path, corte: str, destino: Path) -> str:
    """Corre `caja-ga reporte` y devuelve el Markdown del proceso."""
    resultado = caja_ga(
        "reporte", str(carpeta), "--fecha-corte", corte, "--salida", "sitio", cwd=destino
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return next((destino / "sitio").rglob("*.md")).read_text(encoding="utf-8")


def test_el_comando_instalado_publica_las_cifras(
    plan_pequeno: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    markdown = _reportar(caja_ga, plan_pequeno, "2026-04-15", tmp_path)
    # Plan: 35 reportado frente a 75 esperado (ver ESPERADO["2026-04-15"]).
    assert (
        "35 % reportado (en proceso) frente a 75 % esperado: con atraso; "
        "sin contar 1 actividad cancelada" in markdown
    )
    assert "70 % reportado (en proceso) frente a 100 % esperado: plazo vencido" in markdown
    assert "| ▰▰▰▰▰▰▰▱▱▱ 70 % | en proceso | 100 % | plazo vencido |" in markdown
    assert "| ▱▱▱▱▱▱▱▱▱▱ 0 % | 50 % | con atraso |" in markdown  # c2-a1
    datos = tmp_path / "sitio" / "datos"
    actividades = _filas(datos / "actividades.csv", "actividad")
    assert {
        id_: (f["avance"], f["avance_esperado"], f["estado_calendario"], f["peso"])
        for id_, f in actividades.items()
    } == {
        "c1-a1": ("100", "100", "completada", "2"),
        "c1-a2": ("10", "100", "vencida", "1"),
        "c1-a3": ("0", "28.57", "cancelada", "1"),  # 104 de 364 días
        "c2-a1": ("0", "50", "atrasada", "1"),
    }
    compromisos = _filas(datos / "compromisos.csv", "compromiso")
    assert {
        id_: (f["avance"], f["avance_esperado"], f["estado_calendario"])
        for id_, f in compromisos.items()
    } == {"c1": ("70", "100", "vencida"), "c2": ("0", "50", "atrasada")}


def test_un_plan_que_aun_no_empieza_no_dice_cero_sin_avance(
    plan_pequeno: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    for reporte in (plan_pequeno / "seguimiento").iterdir():
        reporte.unlink()
    markdown = _reportar(caja_ga, plan_pequeno, "2025-12-15", tmp_path)
    assert "- **Avance del plan:** aún no vence: no ha empezado\n" in markdown
    assert "| Avance general del plan | aún no vence: no ha empezado |" in markdown
    assert "0 % (sin avance)" not in markdown
