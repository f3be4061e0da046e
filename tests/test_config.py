"""`.caja-ga.yaml`: los umbrales se validan contra los que declaran las reglas."""

from __future__ import annotations

from pathlib import Path

import pytest

from caja_ga.config import ErrorDeConfig, leer_config
from caja_ga.reglas import umbrales_por_omision


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
