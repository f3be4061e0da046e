"""Los caminos rápidos (caché, paralelo, incremental) dan exactamente lo mismo que el simple."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, RAIZ

runner = CliRunner()


def _corpus() -> ModuleType:
    especificacion = importlib.util.spec_from_file_location(
        "corpus", RAIZ / "benchmarks" / "corpus.py"
    )
    assert especificacion is not None and especificacion.loader is not None
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


def _validar(*args: str) -> dict[str, object]:
    resultado = runner.invoke(
        app, ["validar", *args, "--formato", "json", "--fecha-corte", FECHA_EJEMPLOS]
    )
    assert resultado.exit_code in (0, 1), resultado.output
    datos: dict[str, object] = json.loads(resultado.output)
    return datos


@pytest.fixture
def nacional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """60 municipios del corpus de mediciones (con errores realistas) y los ejemplos."""
    monkeypatch.chdir(tmp_path)
    _corpus().generar(tmp_path / "pais", 60)
    for ejemplo in ("zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027", "con-errores"):
        shutil.copytree(EJEMPLOS / ejemplo, tmp_path / "pais" / "ejemplos" / ejemplo)
    return tmp_path / "pais"


def test_el_corpus_es_determinista(tmp_path: Path) -> None:
    corpus = _corpus()
    corpus.generar(tmp_path / "a", 12)
    corpus.generar(tmp_path / "b", 12)
    archivos = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert len(archivos) > 100
    assert all(
        (tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in archivos
    )


def test_cache_y_paralelo_dan_lo_mismo_que_el_camino_simple(nacional: Path) -> None:
    simple = _validar("pais", "--sin-cache")
    assert not list(nacional.parent.rglob(".caja-ga-cache"))
    primera = _validar("pais", "--jobs", "2")  # llena la caché
    # Fuera de git, cada proceso guarda la suya; nada en la carpeta actual.
    procesos = {p.parent for p in nacional.rglob("proceso.yaml")}
    assert {c.parent.parent for c in nacional.parent.rglob(".caja-ga-cache/validar.marshal")} == (
        procesos
    )
    desde_cache = _validar("pais")
    assert simple == primera == desde_cache
    resumen = simple["resumen"]
    assert isinstance(resumen, dict)
    assert resumen["procesos"] == 64 and resumen["errores"] > 0


def test_la_cache_ve_un_archivo_cambiado(nacional: Path) -> None:
    antes = _validar("pais")
    plan = next(nacional.rglob("zapopan-2024-2027/plan.yaml"))
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("id: c2\n", "id: c1\n", 1), encoding="utf-8"
    )
    despues = _validar("pais")
    assert despues != antes
    assert despues == _validar("pais", "--sin-cache")
    assert any(p["codigo"] == "GA010" for p in despues["problemas"])  # type: ignore[union-attr]


def test_una_cache_ilegible_se_ignora(nacional: Path) -> None:
    esperado = _validar("pais", "--sin-cache")
    _validar("pais")
    for archivo in nacional.rglob(".caja-ga-cache/validar.marshal"):
        archivo.write_bytes(b"\xfbno es marshal")
    assert _validar("pais") == esperado


def _git(carpeta: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=carpeta, check=True, capture_output=True)


def test_cambios_desde_valida_solo_lo_tocado(nacional: Path) -> None:
    raiz = nacional.parent
    _git(raiz, "init", "-q")
    _git(raiz, "add", ".")
    _git(raiz, "-c", "user.name=Prueba", "-c", "user.email=p@example.org", "commit", "-qm", "x")
    assert _validar("pais", "--cambios-desde", "HEAD")["resumen"] == {
        "procesos": 0,
        "archivos": 0,
        "errores": 0,
        "avisos": 0,
    }
    sesiones = next(nacional.rglob("monterrey-2024-2027/sesiones"))
    shutil.copyfile(next(sesiones.glob("*.yaml")), sesiones / "2026-11-14-nueva.yaml")
    tocado = _validar("pais", "--cambios-desde", "HEAD")
    assert tocado["resumen"]["procesos"] == 1  # type: ignore[index]
    completo = _validar("pais")
    monterrey = [
        p
        for p in completo["problemas"]  # type: ignore[union-attr]
        if "monterrey" in p["archivo"]
    ]
    assert tocado["problemas"] == monterrey


def test_cambios_desde_una_referencia_inexistente(nacional: Path) -> None:
    _git(nacional.parent, "init", "-q")
    resultado = runner.invoke(app, ["validar", "pais", "--cambios-desde", "no-existe"])
    assert resultado.exit_code == 2
    assert "No se pudo preguntar a git" in resultado.output
