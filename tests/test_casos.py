"""Cada regla tiene casos en disco: `tests/casos/GANNN/pasa*/` y `tests/casos/GANNN/falla*/`.

Un caso es una carpeta con los archivos que cambian respecto del proceso base
(`tests/casos/base/`, fase implementacion, sin problemas). El caso se copia sobre la base en una
carpeta temporal; `borrar.txt` lista archivos de la base que el caso quita. Se valida con la
fecha de corte 2026-06-30 (o la de `fecha_corte.txt`). Un caso `falla*` debe producir el código
de su regla; si trae `esperado.txt`, cada línea `archivo:linea` debe estar entre sus problemas.
Un caso `pasa*` no debe producir ese código.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from caja_ga.reglas import todas
from caja_ga.validacion import Opciones, validar

CASOS = Path(__file__).parent / "casos"
BASE = CASOS / "base"
FECHA_CORTE = date(2026, 6, 30)


def _casos() -> list[Path]:
    return sorted(p for p in CASOS.glob("GA*/*") if p.is_dir())


def _armar(caso: Path, destino: Path) -> Path:
    proceso = destino / "proceso-caso"
    shutil.copytree(BASE, proceso)
    borrar = caso / "borrar.txt"
    if borrar.exists():
        for nombre in borrar.read_text(encoding="utf-8").split():
            objetivo = proceso / nombre
            if objetivo.is_dir():
                shutil.rmtree(objetivo)
            else:
                objetivo.unlink()
    for archivo in caso.rglob("*"):
        if archivo.is_file() and archivo.name not in (
            "borrar.txt",
            "esperado.txt",
            "fecha_corte.txt",
        ):
            final = proceso / archivo.relative_to(caso)
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(archivo, final)
    return proceso


def _fecha(caso: Path) -> date:
    archivo = caso / "fecha_corte.txt"
    if archivo.exists():
        return date.fromisoformat(archivo.read_text(encoding="utf-8").strip())
    return FECHA_CORTE


def test_la_base_no_tiene_problemas() -> None:
    resultado = validar([BASE], Opciones(fecha_corte=FECHA_CORTE))
    assert [p.mensaje for p in resultado.problemas] == []


def test_cada_regla_tiene_un_caso_que_pasa_y_uno_que_falla() -> None:
    faltan = [
        f"{codigo}/{tipo}"
        for codigo in todas()
        for tipo in ("pasa", "falla")
        if not list((CASOS / codigo).glob(f"{tipo}*"))
    ]
    assert faltan == []


@pytest.mark.parametrize("caso", _casos(), ids=lambda c: f"{c.parent.name}/{c.name}")
def test_caso(caso: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codigo = caso.parent.name
    monkeypatch.chdir(tmp_path)
    proceso = _armar(caso, tmp_path)
    resultado = validar([Path(proceso.name)], Opciones(fecha_corte=_fecha(caso)))
    del proceso
    encontrados = [p for p in resultado.problemas if p.codigo == codigo]
    if caso.name.startswith("pasa"):
        assert encontrados == [], [p.mensaje for p in encontrados]
        return
    assert encontrados, f"{codigo} no apareció; hubo: {[p.codigo for p in resultado.problemas]}"
    esperado = caso / "esperado.txt"
    if esperado.exists():
        posiciones = {
            f"{Path(p.archivo).relative_to('proceso-caso').as_posix()}:{p.linea}"
            for p in encontrados
        }
        for linea in esperado.read_text(encoding="utf-8").split():
            assert linea in posiciones, (linea, posiciones)
    for problema in encontrados:
        assert problema.mensaje.endswith((".", "?")), problema.mensaje
