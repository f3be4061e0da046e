"""Los ejemplos del repositorio: los válidos no tienen errores; `con-errores` da lo esperado."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, RAIZ

DORADA = RAIZ / "tests" / "doradas" / "con-errores.json"


def _json(ruta: Path) -> dict[str, object]:
    resultado = CliRunner().invoke(
        app,
        [
            "validar",
            str(ruta.relative_to(RAIZ)),
            "--formato",
            "json",
            "--fecha-corte",
            FECHA_EJEMPLOS,
        ],
    )
    datos: dict[str, object] = json.loads(resultado.output)
    datos["salida"] = resultado.exit_code
    return datos


def test_ejemplos_validos_sin_errores_ni_avisos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RAIZ)
    for ejemplo in ("zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027"):
        datos = _json(EJEMPLOS / ejemplo)
        assert datos["salida"] == 0
        assert datos["problemas"] == [], ejemplo


def test_con_errores_da_la_salida_esperada(
    monkeypatch: pytest.MonkeyPatch, actualizar_doradas: bool
) -> None:
    monkeypatch.chdir(RAIZ)
    datos = _json(EJEMPLOS / "con-errores")
    if actualizar_doradas:
        DORADA.write_text(json.dumps(datos, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert datos == json.loads(DORADA.read_text(encoding="utf-8"))
    assert datos["salida"] == 1


def test_con_errores_cubre_la_mayoria_de_las_reglas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RAIZ)
    problemas = _json(EJEMPLOS / "con-errores")["problemas"]
    assert isinstance(problemas, list)
    codigos = {p["codigo"] for p in problemas}
    # Sin GA007, GA008 ni GA101: cada uno impediría ver otros problemas del mismo ejemplo.
    assert len(codigos) >= 40
    assert all(p["linea"] is not None for p in problemas if p["codigo"] != "GA012")
