"""Integración con el ecosistema: `--formato gitlab`, la acción de GitHub (action.yml), la
plantilla de GitLab CI, el autocompletado y las anclas de las reglas en la salida de texto.

Los scripts de action.yml y de la plantilla de GitLab se corren de verdad (bash y sh) contra un
proceso, con las entradas como las pasaría cada plataforma; solo se omite la instalación por pip.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from caja_ga.cli import app
from caja_ga.documentacion import ancla, enlace_de_regla
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, RAIZ, comprobar_salida

CORTE = "2026-06-30"
BIN = Path(sys.executable).parent
ACCION = yaml.safe_load((RAIZ / "action.yml").read_text(encoding="utf-8"))
GITLAB = yaml.safe_load(
    (RAIZ / "integraciones" / "gitlab" / "caja-ga.gitlab-ci.yml").read_text(encoding="utf-8")
)
runner = CliRunner()


def _romper_plan(proceso: Path) -> None:
    plan = proceso / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "        responsables: [Dirección de Innovación]\n", ""
        ),
        encoding="utf-8",
    )


def _decidir_por_mayoria(proceso: Path) -> None:
    """Produce un aviso (GA203) y ningún error."""
    espacio = proceso / "espacio.yaml"
    espacio.write_text(
        espacio.read_text(encoding="utf-8").replace("decisiones: consenso", "decisiones: mayoria"),
        encoding="utf-8",
    )


def _entorno(**variables: str) -> dict[str, str]:
    entorno = {**os.environ, **variables, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    entorno.pop("GITHUB_ACTIONS", None)
    return entorno


# --formato gitlab ---------------------------------------------------------------------------


def _gitlab(*args: str) -> tuple[int, list[dict[str, Any]]]:
    resultado = runner.invoke(app, ["validar", *args, "--formato", "gitlab"])
    comprobar_salida(resultado, (0, 1))
    return resultado.exit_code, json.loads(resultado.output)


def test_formato_gitlab_tiene_la_forma_de_code_quality(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RAIZ)
    ruta = str((EJEMPLOS / "con-errores").relative_to(RAIZ))
    codigo, informe = _gitlab(ruta, "--fecha-corte", FECHA_EJEMPLOS)
    assert codigo == 1
    problemas = json.loads(
        runner.invoke(
            app, ["validar", ruta, "--formato", "json", "--fecha-corte", FECHA_EJEMPLOS]
        ).output
    )
    assert len(informe) == len(problemas["problemas"])
    gravedad = {"error": "major", "aviso": "minor"}
    for hallazgo, problema in zip(informe, problemas["problemas"], strict=True):
        assert set(hallazgo) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert hallazgo["check_name"] == problema["codigo"]
        assert hallazgo["severity"] == gravedad[problema["severidad"]]
        assert hallazgo["description"].startswith(problema["mensaje"])
        assert hallazgo["location"] == {
            "path": problema["archivo"],
            "lines": {"begin": problema["linea"] or 1},
        }
        assert re.fullmatch(r"[0-9a-f]{64}", hallazgo["fingerprint"])
    huellas = [h["fingerprint"] for h in informe]
    assert len(set(huellas)) == len(huellas)
    assert huellas == [h["fingerprint"] for h in _gitlab(ruta, "--fecha-corte", FECHA_EJEMPLOS)[1]]


def test_huella_gitlab_cambia_con_la_linea_y_no_con_la_fase(proceso: Path) -> None:
    _romper_plan(proceso)
    _, antes = _gitlab("zapopan", "--fecha-corte", CORTE)
    (proceso / "agenda2030.yaml").unlink()
    plan = proceso / "plan.yaml"
    plan.write_text("# un comentario nuevo\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    _, despues = _gitlab("zapopan", "--fecha-corte", CORTE)
    ga302 = [next(h for h in informe if h["check_name"] == "GA302") for informe in (antes, despues)]
    assert ga302[1]["location"]["lines"]["begin"] == ga302[0]["location"]["lines"]["begin"] + 1
    assert ga302[0]["fingerprint"] != ga302[1]["fingerprint"]
    esperada = "\0".join(["zapopan/plan.yaml", "GA302", "38", ga302[1]["description"]])
    assert ga302[1]["fingerprint"] == hashlib.sha256(esperada.encode()).hexdigest()
    faltante = next(h for h in despues if h["check_name"] == "GA007")
    assert faltante["location"] == {"path": "zapopan/agenda2030.yaml", "lines": {"begin": 1}}
    assert faltante["severity"] == "major"


# action.yml ---------------------------------------------------------------------------------


def _paso(nombre: str) -> dict[str, Any]:
    paso: dict[str, Any] = next(p for p in ACCION["runs"]["steps"] if p.get("name") == nombre)
    return paso


def _correr_paso(
    paso: dict[str, Any], cwd: Path, ruta_extra: Path | None = None, **entradas: str
) -> subprocess.CompletedProcess[str]:
    """Corre un paso como lo haría GitHub: `${{ inputs.* }}` solo en `env`, bash con -e."""
    valores = {nombre: str(d.get("default", "")) for nombre, d in ACCION["inputs"].items()}
    valores.update({nombre.replace("_", "-"): valor for nombre, valor in entradas.items()})
    contexto = {"inputs": valores, "github": {"action_path": str(RAIZ)}}

    def expandir(texto: str) -> str:
        return re.sub(
            r"\$\{\{\s*(\w+)\.([\w-]+)\s*\}\}", lambda m: contexto[m.group(1)][m.group(2)], texto
        )

    entorno = _entorno(**{k: expandir(v) for k, v in paso.get("env", {}).items()})
    if ruta_extra is not None:
        entorno["PATH"] = f"{ruta_extra}{os.pathsep}{entorno['PATH']}"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", paso["run"]],
        cwd=cwd,
        env=entorno,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_accion_compuesta_y_sus_entradas() -> None:
    assert ACCION["runs"]["using"] == "composite"
    assert set(ACCION["inputs"]) == {
        "rutas",
        "fecha-corte",
        "estricto",
        "reporte",
        "sarif",
        "version",
        "python-version",
    }
    assert ACCION["inputs"]["rutas"]["default"] == "."
    pasos = ACCION["runs"]["steps"]
    assert pasos[0]["uses"].startswith("actions/setup-python@")
    for paso in pasos[1:]:
        assert paso["shell"] == "bash"
        # Las entradas nunca se pegan en el script (inyección de órdenes): llegan por env.
        assert "${{" not in paso["run"]
    assert _paso("Escribir el reporte")["if"] == "inputs.reporte != ''"


def test_accion_instala_su_propia_version_o_la_pedida(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Un `python` falso anota con qué argumentos lo llamó el paso de instalación."""
    falso = tmp_path / "bin"
    falso.mkdir()
    (falso / "python").write_text(
        '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGUMENTOS"\n', encoding="utf-8"
    )
    (falso / "python").chmod(0o755)
    monkeypatch.setenv("ARGUMENTOS", str(tmp_path / "argumentos"))
    paso = _paso("Instalar caja-ga")
    for version, esperado in (("", str(RAIZ)), ("caja-ga==0.1.0", "caja-ga==0.1.0")):
        assert _correr_paso(paso, tmp_path, falso, version=version).returncode == 0
        argumentos = (tmp_path / "argumentos").read_text(encoding="utf-8").split()
        assert argumentos[:3] == ["-m", "pip", "install"]
        assert argumentos[-1] == esperado


def test_accion_valida_con_anotaciones_y_sarif(proceso: Path) -> None:
    paso = _paso("Validar los procesos")
    limpio = _correr_paso(paso, proceso.parent, fecha_corte=CORTE)
    assert limpio.returncode == 0, limpio.stdout + limpio.stderr
    assert "::" not in limpio.stdout

    _romper_plan(proceso)
    roto = _correr_paso(
        paso, proceso.parent, rutas="zapopan", fecha_corte=CORTE, sarif="caja-ga.sarif"
    )
    assert roto.returncode == 1
    assert "::error file=zapopan/plan.yaml,line=37,col=9,title=GA302::" in roto.stdout
    sarif = json.loads((proceso.parent / "caja-ga.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == ["GA302"]


def test_accion_estricta_falla_con_avisos(proceso: Path) -> None:
    _decidir_por_mayoria(proceso)
    paso = _paso("Validar los procesos")
    assert _correr_paso(paso, proceso.parent, fecha_corte=CORTE).returncode == 0
    estricta = _correr_paso(paso, proceso.parent, fecha_corte=CORTE, estricto="true")
    assert estricta.returncode == 1
    assert "::warning file=zapopan/espacio.yaml" in estricta.stdout


def test_accion_escribe_el_reporte(proceso: Path) -> None:
    resultado = _correr_paso(
        _paso("Escribir el reporte"),
        proceso.parent,
        rutas="zapopan",
        fecha_corte=CORTE,
        reporte="sitio",
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    assert any((proceso.parent / "sitio").rglob("*.html"))


# La plantilla de GitLab CI --------------------------------------------------------------------


def _correr_gitlab(cwd: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """Corre el `script` del trabajo en sh, como un ejecutor de GitLab (sin el pip install)."""
    trabajo = GITLAB["caja-ga"]
    guion = [linea for linea in trabajo["script"] if not linea.startswith("pip install")]
    assert len(guion) == len(trabajo["script"]) - 1
    entorno = _entorno(**{**trabajo["variables"], **variables})
    return subprocess.run(
        ["sh", "-e", "-c", "\n".join(guion)],
        cwd=cwd,
        env=entorno,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_plantilla_gitlab_publica_code_quality() -> None:
    trabajo = GITLAB["caja-ga"]
    assert trabajo["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert trabajo["artifacts"]["when"] == "always"
    assert trabajo["image"].startswith("python:3.1")
    assert trabajo["script"][0] == (
        'pip install --quiet --disable-pip-version-check "$CAJA_GA_PAQUETE"'
    )
    assert set(trabajo["variables"]) == {
        "CAJA_GA_RUTAS",
        "CAJA_GA_FECHA_CORTE",
        "CAJA_GA_ESTRICTO",
        "CAJA_GA_PAQUETE",
    }


def test_plantilla_gitlab_corre_y_escribe_el_informe(proceso: Path) -> None:
    informe = proceso.parent / "gl-code-quality-report.json"
    limpio = _correr_gitlab(proceso.parent, CAJA_GA_FECHA_CORTE=CORTE)
    assert limpio.returncode == 0, limpio.stdout + limpio.stderr
    assert json.loads(informe.read_text(encoding="utf-8")) == []
    assert "sin problemas" in limpio.stdout

    _romper_plan(proceso)
    roto = _correr_gitlab(proceso.parent, CAJA_GA_FECHA_CORTE=CORTE, CAJA_GA_RUTAS="zapopan")
    assert roto.returncode == 1
    assert "GA302" in roto.stdout  # el registro del trabajo, en texto
    hallazgos = json.loads(informe.read_text(encoding="utf-8"))
    assert [h["location"]["path"] for h in hallazgos if h["severity"] == "major"] == [
        "zapopan/plan.yaml"
    ]


def test_plantilla_gitlab_estricta(proceso: Path) -> None:
    _decidir_por_mayoria(proceso)
    estricta = _correr_gitlab(proceso.parent, CAJA_GA_FECHA_CORTE=CORTE, CAJA_GA_ESTRICTO="true")
    assert estricta.returncode == 1
    hallazgos = json.loads(
        (proceso.parent / "gl-code-quality-report.json").read_text(encoding="utf-8")
    )
    assert {h["severity"] for h in hallazgos} == {"minor"}


# Autocompletado y anclas ----------------------------------------------------------------------


def test_autocompletado_de_bash_completa_comandos_y_formatos() -> None:
    guion = (
        'eval "$(caja-ga --mostrar-completado bash)"\n'
        'COMP_WORDS=(caja-ga validar --formato ""); COMP_CWORD=3\n'
        '_caja_ga_completion caja-ga; printf "%s\\n" "${COMPREPLY[@]}"\n'
        "COMP_WORDS=(caja-ga regl); COMP_CWORD=1\n"
        '_caja_ga_completion caja-ga; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    resultado = subprocess.run(
        ["bash", "--norc", "-c", guion],
        env=_entorno(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.split() == ["texto", "json", "github", "sarif", "gitlab", "reglas"]


def test_salida_de_texto_enlaza_cada_regla_una_vez(proceso: Path) -> None:
    _romper_plan(proceso)
    plan = proceso / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "        medio_verificacion: Minuta de la sesión\n", ""
        ),
        encoding="utf-8",
    )
    _decidir_por_mayoria(proceso)
    salida = runner.invoke(app, ["validar", "zapopan", "--fecha-corte", CORTE]).output
    assert salida.count("  GA302  A la actividad") == 2
    titulo = "Reglas (ejemplos y cómo corregir: caja-ga reglas CÓDIGO, o docs/reglas.md)\n"
    assert enlace_de_regla("GA302").startswith("docs/reglas.md#")
    bloque = salida.split(titulo)[1].split("\n\n")[0]
    celdas = re.findall(r"(GA\d{3})  ([a-z0-9-]+)", bloque)
    assert celdas == [
        ("GA203", "decisiones-por-mayoria"),
        ("GA302", "actividad-incompleta"),
        ("GA503", "agenda2030-contradicha"),
    ]
    referencia = (RAIZ / "docs" / "reglas.md").read_text(encoding="utf-8")
    for codigo, _ in celdas:
        assert f'<a id="{ancla(codigo)}"></a>' in referencia
    assert salida.rstrip().endswith("2 errores, 2 avisos.")


def test_salida_sin_problemas_no_lista_reglas(proceso: Path) -> None:
    salida = runner.invoke(app, ["validar", "zapopan", "--fecha-corte", CORTE]).output
    assert "Reglas" not in salida
