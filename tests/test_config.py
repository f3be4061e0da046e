"""`.caja-ga.yaml`: los umbrales se validan contra los que declaran las reglas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caja_ga.config import ErrorDeConfig, leer_config
from caja_ga.reglas import umbrales_por_omision
from tests.conftest import CajaGa


@pytest.fixture(autouse=True)
def _en_carpeta_temporal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Los mensajes nombran el archivo relativo a la carpeta actual."""
    monkeypatch.chdir(tmp_path)


def _config(tmp_path: Path, texto: str) -> Path:
    ruta = tmp_path / ".caja-ga.yaml"
    ruta.write_text(texto, encoding="utf-8")
    return ruta


def test_sin_configuracion_valen_los_umbrales_de_las_reglas(tmp_path: Path) -> None:
    assert leer_config(None, tmp_path).umbrales == umbrales_por_omision()


def test_un_umbral_configurado_cambia_solo_ese(tmp_path: Path) -> None:
    ruta = _config(tmp_path, "version: 1\numbrales:\n  max_dias_minuta: 30\nmax_compromisos: 7\n")
    config = leer_config(ruta, tmp_path)
    assert config.umbrales == umbrales_por_omision() | {"max_dias_minuta": 30, "max_compromisos": 7}


@pytest.mark.parametrize(
    ("umbral", "mensaje"),
    [
        (
            "max_dia_minuta: 30",
            "el umbral «max_dia_minuta» no existe. ¿quisiste decir «max_dias_minuta»? "
            f"Los umbrales son: {', '.join(umbrales_por_omision())}.",
        ),
        ("max_meses_plan: 0", "el umbral «max_meses_plan» vale 0 y no puede ser menor que 1."),
    ],
    ids=["desconocido-con-sugerencia", "menor-que-su-minimo"],
)
def test_umbral_invalido(tmp_path: Path, umbral: str, mensaje: str) -> None:
    ruta = _config(tmp_path, f"version: 1\numbrales:\n  {umbral}\n")
    with pytest.raises(ErrorDeConfig) as error:
        leer_config(ruta, tmp_path)
    assert str(error.value) == f".caja-ga.yaml: {mensaje}"


def test_la_agrupacion_de_los_ods_se_elige_y_cambia_la_huella(tmp_path: Path) -> None:
    por_omision = leer_config(None, tmp_path)
    ruta = _config(tmp_path, "version: 1\nagenda2030:\n  agrupacion: Cinco esferas\n")
    elegida = leer_config(ruta, tmp_path)
    assert (por_omision.agrupacion_ods, elegida.agrupacion_ods) == (None, "cinco_esferas")
    assert elegida.huella != por_omision.huella  # la caché no mezcla resultados de una y otra


def test_una_agrupacion_desconocida_es_error_de_uso(tmp_path: Path) -> None:
    ruta = _config(tmp_path, "version: 1\nagenda2030:\n  agrupacion: tres_pilares\n")
    with pytest.raises(ErrorDeConfig) as error:
        leer_config(ruta, tmp_path)
    assert str(error.value) == (
        ".caja-ga.yaml: la agrupación de los ODS «tres_pilares» (en «agenda2030.agrupacion») no "
        "existe; las publicadas que caja-ga conoce son: pastel_de_bodas, cinco_esferas."
    )


def test_la_agrupacion_elegida_se_nombra_en_la_senal_de_o5(proceso: Path, caja_ga: CajaGa) -> None:
    """De punta a punta: con las cinco esferas, 11 y 9 son la misma esfera (prosperidad)."""
    plan = proceso / "plan.yaml"
    texto = plan.read_text(encoding="utf-8")
    plan.write_text(texto.replace('ods: ["16.6", "11.3", "9.1"]', 'ods: ["11.3", "9.1"]'), "utf-8")
    sin_config = caja_ga("validar", "zapopan", "--fecha-corte", "2026-06-30", "--formato", "json")
    assert json.loads(sin_config.stdout)["problemas"] == []
    (proceso / ".caja-ga.yaml").write_text(
        "version: 1\nagenda2030:\n  agrupacion: cinco_esferas\n", encoding="utf-8"
    )
    con_config = caja_ga("validar", "zapopan", "--fecha-corte", "2026-06-30", "--formato", "json")
    assert [
        (p["codigo"], p["linea"], p["mensaje"]) for p in json.loads(con_config.stdout)["problemas"]
    ] == [
        (
            "GA503",
            7,
            "La recomendación «O5» dice «si», pero ningún compromiso tiene ODS de más de una "
            "dimensión del desarrollo sostenible (personas, planeta, prosperidad y paz, según las "
            "cinco esferas de la Agenda 2030); completa esos datos o cambia «cumple» a «parcial» "
            "o «no» y explícalo en «evidencia».",
        )
    ]
