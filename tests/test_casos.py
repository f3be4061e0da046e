"""Cada regla tiene casos en disco: `tests/casos/GANNN/pasa*/` y `tests/casos/GANNN/falla*/`.

Un caso es una carpeta con los archivos que cambian respecto del proceso base
(`tests/casos/base/`, fase implementacion, sin problemas). El caso se copia sobre la base en una
carpeta temporal; `borrar.txt` lista archivos de la base que el caso quita. Se valida con la
fecha de corte 2026-06-30 (o la de `fecha_corte.txt`).

`esperado.txt` lista **todos** los problemas que produce el caso, de cualquier regla, uno por
línea: `plan.yaml:30:7 error GA302` (archivo relativo al proceso, línea y columna, o `-` si no
hay posición; severidad y código). Se compara la lista completa, con repeticiones. Además, un
caso `falla*` debe producir el código de su regla y un caso `pasa*` no. Tras un cambio
intencional, `pytest --actualizar-doradas` reescribe los esperados: revisa el diff.
"""

from __future__ import annotations

import difflib
import shutil
from datetime import date
from pathlib import Path

import pytest

from caja_ga.problemas import Problema
from caja_ga.reglas import todas
from caja_ga.validacion import Opciones, validar

CASOS = Path(__file__).parent / "casos"
BASE = CASOS / "base"
FECHA_CORTE = date(2026, 6, 30)
ESPERADO = "esperado.txt"
PROCESO = "proceso-caso"
SIN_POSICION = "-"
REHACER = "pytest tests/test_casos.py --actualizar-doradas"


def _casos() -> list[Path]:
    return sorted(p for p in CASOS.glob("GA*/*") if p.is_dir())


def _armar(caso: Path, destino: Path) -> Path:
    proceso = destino / PROCESO
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
        if archivo.is_file() and archivo.name not in ("borrar.txt", ESPERADO, "fecha_corte.txt"):
            final = proceso / archivo.relative_to(caso)
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(archivo, final)
    return proceso


def _fecha(caso: Path) -> date:
    archivo = caso / "fecha_corte.txt"
    if archivo.exists():
        return date.fromisoformat(archivo.read_text(encoding="utf-8").strip())
    return FECHA_CORTE


def _numero(valor: int | None) -> str:
    return SIN_POSICION if valor is None else str(valor)


def renglon(problema: Problema) -> str:
    """Un problema como renglón de `esperado.txt`: `plan.yaml:30:7 error GA302`."""
    archivo = Path(problema.archivo).relative_to(PROCESO).as_posix()
    posicion = f"{archivo}:{_numero(problema.linea)}:{_numero(problema.columna)}"
    return f"{posicion} {problema.severidad} {problema.codigo}"


def _clave(renglon: str) -> tuple[str, int, int, str, str]:
    """El orden de los problemas (archivo, línea, columna, código), y luego la severidad."""
    partes = renglon.split(" ")
    posicion = partes[0].rsplit(":", 2)
    if len(partes) != 3 or len(posicion) != 3:
        pytest.fail(f"Renglón mal formado en {ESPERADO}: «{renglon}»; rehazlo con «{REHACER}».")
    archivo, linea, columna = posicion
    severidad, codigo = partes[1], partes[2]

    def numero(texto: str) -> int:
        return 0 if texto == SIN_POSICION else int(texto)

    return (archivo, numero(linea), numero(columna), codigo, severidad)


def diferencia(esperados: list[str], reales: list[str]) -> str | None:
    """None si ambas listas tienen los mismos renglones, repeticiones incluidas; si no, el informe.

    El informe trae la lista real completa, lista para pegar en `esperado.txt`, y el diff.
    """
    esperados, reales = sorted(esperados, key=_clave), sorted(reales, key=_clave)
    if esperados == reales:
        return None
    diff = difflib.unified_diff(esperados, reales, "esperado", "real", lineterm="")
    return "\n".join(
        [
            f"Los problemas no son los esperados; si el cambio es a propósito, rehazlos con "
            f"«{REHACER}» y revisa el diff.",
            "Lo que produce el caso:",
            *reales,
            "",
            "Diferencia:",
            *diff,
        ]
    )


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


def test_la_comparacion_nota_un_problema_de_mas_o_de_menos() -> None:
    esperados = ["plan.yaml:30:7 error GA302", "plan.yaml:4:1 aviso GA305"]
    assert diferencia(esperados, list(reversed(esperados))) is None
    de_menos = diferencia(esperados, esperados[:1])
    assert de_menos is not None and "-plan.yaml:4:1 aviso GA305" in de_menos
    repetido = diferencia(esperados, [*esperados, esperados[0]])
    assert repetido is not None and "+plan.yaml:30:7 error GA302" in repetido
    assert diferencia(esperados, ["plan.yaml:30:7 aviso GA302", esperados[1]]) is not None
    assert diferencia(esperados, ["plan.yaml:30:8 error GA302", esperados[1]]) is not None
    sin_posicion = ["espacio.yaml:-:- error GA007"]
    assert diferencia(sin_posicion, sin_posicion) is None


@pytest.mark.parametrize("caso", _casos(), ids=lambda c: f"{c.parent.name}/{c.name}")
def test_caso(
    caso: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, actualizar_doradas: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    _armar(caso, tmp_path)
    problemas = validar([Path(PROCESO)], Opciones(fecha_corte=_fecha(caso))).problemas
    reales = [renglon(p) for p in problemas]
    archivo = caso / ESPERADO
    if actualizar_doradas:
        archivo.write_text("".join(f"{r}\n" for r in reales), encoding="utf-8")
    if not archivo.exists():
        pytest.fail(
            f"Falta {archivo.relative_to(CASOS.parent.parent)}: créalo con «{REHACER}».",
            pytrace=False,
        )
    informe = diferencia(archivo.read_text(encoding="utf-8").splitlines(), reales)
    if informe is not None:
        pytest.fail(f"{archivo.relative_to(CASOS.parent.parent)}: {informe}", pytrace=False)
    codigo = caso.parent.name
    codigos = {p.codigo for p in problemas}
    if caso.name.startswith("pasa"):
        assert codigo not in codigos
    else:
        assert codigo in codigos
    for problema in problemas:
        assert problema.mensaje.endswith((".", "?")), problema.mensaje
