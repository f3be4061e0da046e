"""`--formato sarif`, validada con jsonschema contra el esquema oficial de SARIF 2.1.0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator, FormatChecker
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from typer.testing import CliRunner

from caja_ga.cli import app
from caja_ga.documentacion import enlace_de_regla
from caja_ga.reglas import todas
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, RAIZ, CajaGa, comprobar_salida

ESQUEMA = RAIZ / "tests" / "datos" / "sarif-2.1.0-rtm.5.json"
CORTE = ["--fecha-corte", "2026-06-30"]
runner = CliRunner()


@pytest.fixture(scope="module")
def validador() -> Validator:
    esquema = json.loads(ESQUEMA.read_text(encoding="utf-8"))
    clase = validator_for(esquema)
    assert clase is Draft4Validator  # el esquema declara draft-04
    clase.check_schema(esquema)
    verificador = FormatChecker()
    # Sin rfc3986-validator, jsonschema daría por buena cualquier URI sin revisarla.
    assert {"uri", "uri-reference"} <= set(verificador.checkers)
    return clase(esquema, format_checker=verificador)


def _sarif(*args: str) -> tuple[int, dict[str, Any]]:
    resultado = runner.invoke(app, ["validar", *args, "--formato", "sarif"])
    comprobar_salida(resultado, (0, 1))
    return resultado.exit_code, json.loads(resultado.output)


def _json(*args: str) -> list[dict[str, Any]]:
    resultado = runner.invoke(app, ["validar", *args, "--formato", "json"])
    problemas: list[dict[str, Any]] = json.loads(resultado.output)["problemas"]
    return problemas


def _errores(validador: Validator, sarif: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validador.iter_errors(sarif)]


def _romper_plan(proceso: Path) -> None:
    plan = proceso / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "        responsables: [Dirección de Innovación]\n", ""
        ),
        encoding="utf-8",
    )


def test_con_errores_es_sarif_valido_y_dice_lo_mismo_que_json(
    validador: Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(RAIZ)
    ruta = str((EJEMPLOS / "con-errores").relative_to(RAIZ))
    codigo, sarif = _sarif(ruta, "--fecha-corte", FECHA_EJEMPLOS)
    assert codigo == 1
    assert _errores(validador, sarif) == []
    corrida = sarif["runs"][0]
    reglas = corrida["tool"]["driver"]["rules"]
    assert [r["id"] for r in reglas] == list(todas())
    problemas = _json(ruta, "--fecha-corte", FECHA_EJEMPLOS)
    assert len(corrida["results"]) == len(problemas) > 40
    nivel = {"error": "error", "aviso": "warning"}
    for resultado, problema in zip(corrida["results"], problemas, strict=True):
        assert reglas[resultado["ruleIndex"]]["id"] == resultado["ruleId"] == problema["codigo"]
        assert resultado["level"] == nivel[problema["severidad"]]
        assert resultado["message"]["text"].startswith(problema["mensaje"])
        fisica = resultado["locations"][0]["physicalLocation"]
        assert unquote(fisica["artifactLocation"]["uri"]) == problema["archivo"]
        if problema["linea"] is not None:
            assert fisica["region"] == {
                "startLine": problema["linea"],
                "startColumn": problema["columna"],
            }


def test_archivo_faltante_es_resultado_sin_region(validador: Validator, proceso: Path) -> None:
    (proceso / "agenda2030.yaml").unlink()
    codigo, sarif = _sarif("zapopan", *CORTE)
    assert codigo == 1
    assert _errores(validador, sarif) == []
    faltante = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "GA007"]
    assert len(faltante) == 1
    assert faltante[0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "zapopan/agenda2030.yaml"}}}
    ]


def test_proceso_sin_problemas_no_tiene_resultados(validador: Validator, proceso: Path) -> None:
    codigo, sarif = _sarif("zapopan", *CORTE)
    assert codigo == 0
    assert _errores(validador, sarif) == []
    assert sarif["runs"][0]["results"] == []


def test_rutas_con_espacios_y_acentos_son_uri_validas(validador: Validator, proceso: Path) -> None:
    _romper_plan(proceso)
    carpeta = proceso.rename(proceso.parent / "San Andrés Cholula")
    _, sarif = _sarif(carpeta.name, *CORTE)
    assert _errores(validador, sarif) == []
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert "San%20Andr%C3%A9s%20Cholula/plan.yaml" in uris
    # La comprobación de formato sí rechaza una URI sin codificar.
    sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ] = "San Andrés Cholula/plan.yaml"
    assert any("uri-reference" in e for e in _errores(validador, sarif))


def test_cada_regla_lleva_su_ayuda_y_su_ancla(proceso: Path) -> None:
    _, sarif = _sarif("zapopan", *CORTE)
    referencia = (RAIZ / "docs" / "reglas.md").read_text(encoding="utf-8")
    for regla in sarif["runs"][0]["tool"]["driver"]["rules"]:
        codigo = regla["id"]
        enlace = enlace_de_regla(codigo)
        assert regla["shortDescription"]["text"] == todas()[codigo].resumen
        assert "Incorrecto" in regla["help"]["text"]
        assert enlace in regla["help"]["markdown"]
        assert "```yaml" in regla["help"]["markdown"]
        assert regla["properties"]["documentacion"] == enlace
        assert f'<a id="{enlace.split("#")[1]}"></a>' in referencia


def test_sarif_desde_el_comando_instalado(
    validador: Validator, tmp_path: Path, caja_ga: CajaGa
) -> None:
    destino = tmp_path / "zapopan"
    shutil.copytree(RAIZ / "tests" / "casos" / "base", destino)
    _romper_plan(destino)
    resultado = caja_ga("validar", "zapopan", "--formato", "sarif", *CORTE, cwd=tmp_path)
    assert resultado.returncode == 1
    sarif = json.loads(resultado.stdout)
    assert _errores(validador, sarif) == []
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == ["GA302"]
