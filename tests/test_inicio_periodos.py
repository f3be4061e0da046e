"""`caja-ga init --periodo AAAA-AAAA` empieza el periodo el día en que toman posesión los
ayuntamientos del estado del municipio (datos/inicio_periodos_municipales.yaml), y las fechas
completas siempre mandan. Con el comando instalado."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from caja_ga.catalogos import inicios_de_periodo, municipios
from tests.conftest import CajaGa


def _periodo(caja_ga: CajaGa, tmp_path: Path, municipio: str, periodo: str) -> tuple[str, str]:
    """(salida del comando, periodo_gobierno escrito en proceso.yaml como «inicio:fin»)."""
    resultado = caja_ga(
        "init", "p", "--municipio", municipio, "--periodo", periodo, "--sin-preguntas",
        cwd=tmp_path,
    )  # fmt: skip
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    proceso = yaml.safe_load((tmp_path / "p" / "proceso.yaml").read_text(encoding="utf-8"))
    fechas = proceso["periodo_gobierno"]
    return resultado.stdout, f"{fechas['inicio']}:{fechas['fin']}"


@pytest.mark.parametrize(
    ("municipio", "periodo", "esperado"),
    [
        ("14120", "2024-2027", "2024-10-01:2027-09-30"),  # Jalisco: 1 de octubre
        ("21114", "2024-2027", "2024-10-15:2027-10-14"),  # Puebla: 15 de octubre
        ("29033", "2024-2027", "2024-08-31:2027-08-30"),  # Tlaxcala: 31 de agosto
        ("15106", "2025-2027", "2025-01-01:2027-12-31"),  # Estado de México: 1 de enero
        ("20067", "2025-2027", "2025-01-01:2027-12-31"),  # Oaxaca: 1 de enero
        ("30087", "2026-2029", "2026-01-01:2029-12-31"),  # Veracruz: 1 de enero, cuatro años
    ],
)
def test_los_anios_toman_el_dia_de_inicio_del_estado(
    caja_ga: CajaGa, tmp_path: Path, municipio: str, periodo: str, esperado: str
) -> None:
    assert _periodo(caja_ga, tmp_path, municipio, periodo)[1] == esperado


def test_la_salida_dice_de_donde_sale_el_dia_y_las_salvedades(
    caja_ga: CajaGa, tmp_path: Path
) -> None:
    salida, _ = _periodo(caja_ga, tmp_path, "20067", "2024-2027")
    renglones = " ".join(salida.split())
    assert (
        "periodo 2024-01-01 a 2027-12-31, en p/ El periodo empieza el día en que toman posesión "
        "los ayuntamientos de Oaxaca (fuente: Constitución Política del Estado Libre y Soberano "
        "de Oaxaca; Ley Orgánica Municipal del Estado de Oaxaca; dato por verificar); si tu "
        "municipio usa otro, corrígelo en proceso.yaml o da las fechas completas con --periodo. "
        "Los municipios que se rigen por sistemas normativos indígenas (usos y costumbres), la "
        "mayoría en Oaxaca, eligen a sus autoridades por periodos de 1 a 3 años según cada "
        "comunidad; da sus fechas completas con --periodo AAAA-MM-DD:AAAA-MM-DD. Ese periodo "
        "dura 4 años y en Oaxaca suelen durar 3; revisa los años."
    ) in renglones


def test_las_fechas_completas_mandan_sobre_el_estado(caja_ga: CajaGa, tmp_path: Path) -> None:
    salida, periodo = _periodo(caja_ga, tmp_path, "20067", "2025-01-01:2025-12-31")
    assert periodo == "2025-01-01:2025-12-31"  # un periodo de un año, por usos y costumbres
    assert "El periodo empieza" not in salida


def test_hay_un_dato_por_entidad_con_su_nombre_del_catalogo_y_su_fuente() -> None:
    del_catalogo = {m.cvegeo[:2]: m.entidad for m in municipios().values()}
    datos = inicios_de_periodo()
    assert {clave: inicio.entidad for clave, inicio in datos.items()} == del_catalogo
    for inicio in datos.values():
        date(2023, inicio.mes, inicio.dia)  # ValueError si el día no existe en un año común
        assert inicio.fuente.strip()
        assert inicio.anios in (3, 4)
