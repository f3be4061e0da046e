"""La evaluación publicada por el comando instalado: quién evaluó y «sin evidencia» aparte."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from tests.conftest import CajaGa

BASE = Path(__file__).parent / "casos" / "base"
CORTE = ("--fecha-corte", "2026-06-30")
_ENCABEZADO = "version: 1\nfecha: 2026-06-15\n"
_C1 = (
    "compromisos:\n"
    "  - id: c1\n"
    "    cumplimiento: {cumplimiento}\n"
    "    abrio_gobierno: mayor\n"
    "    justificacion: Las fichas de obra se publican.\n"
)
# carpeta → (evaluador, cumplimiento de c1); sin-evaluacion no tiene evaluacion.yaml.
EVALUACIONES = {
    "autoevaluado": ("evaluador:\n  tipo: edt\n  nombre: EDT de Zapopan\n", "sustancial"),
    "independiente": (
        "evaluador:\n  tipo: externo\n  nombre: Observatorio Ciudadano de Jalisco\n",
        "sin_evidencia",
    ),
    "sin-evaluador": ("", "limitado"),
}


def _procesos(raiz: Path) -> list[str]:
    for carpeta, (evaluador, cumplimiento) in EVALUACIONES.items():
        shutil.copytree(BASE, raiz / carpeta)
        (raiz / carpeta / "evaluacion.yaml").write_text(
            _ENCABEZADO + evaluador + _C1.format(cumplimiento=cumplimiento), encoding="utf-8"
        )
    shutil.copytree(BASE, raiz / "sin-evaluacion")
    return [*EVALUACIONES, "sin-evaluacion"]


def test_reporte_rotula_quien_evaluo_y_separa_sin_evidencia(
    tmp_path: Path, caja_ga: CajaGa
) -> None:
    carpetas = _procesos(tmp_path)
    resultado = caja_ga("reporte", *carpetas, "--salida", "sitio", *CORTE, cwd=tmp_path)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    sitio = tmp_path / "sitio"

    def markdown(carpeta: str) -> str:
        return (sitio / carpeta / "reporte.md").read_text(encoding="utf-8")

    assert "**Autoevaluación del Espacio de Diálogo Tripartita**, del 15 de junio de 2026." in (
        markdown("autoevaluado")
    )
    assert "**Evaluación sin evaluador identificado**, del 15 de junio de 2026." in (
        markdown("sin-evaluador")
    )
    independiente = markdown("independiente")
    assert (
        "**Evaluación independiente de Observatorio Ciudadano de Jalisco**, del 15 de junio de "
        "2026." in independiente
    )
    # «Sin evidencia» no es un nivel: sin número en la tabla y contado aparte.
    assert "| c1: Obra pública abierta | Sin evidencia para evaluar | Mayor (4 de 5) | 70 % |" in (
        independiente
    )
    assert (
        "Compromisos evaluados: 1. Cumplimiento: No iniciado, 0; Limitado, 0; Sustancial, 0; "
        "Completo, 0; sin evidencia para evaluar, 1." in independiente
    )
    assert "Cumplimiento, de menor a mayor: No iniciado, Limitado, Sustancial, Completo." in (
        independiente
    )
    assert "- **Cumplimiento:** Sin evidencia para evaluar; avance calculado: 70 %" in independiente
    assert "| Sustancial (3 de 4) |" in markdown("autoevaluado")
    html = (sitio / "independiente" / "index.html").read_text(encoding="utf-8")
    assert "<p>Sin evidencia para evaluar: no hubo con qué juzgar su cumplimiento.</p>" in html
    assert 'aria-label="Cumplimiento: Sin evidencia' not in html

    with (sitio / "datos" / "compromisos.csv").open(encoding="utf-8", newline="") as archivo:
        filas = {
            (fila["carpeta"], fila["compromiso"]): (fila["cumplimiento"], fila["tipo_evaluacion"])
            for fila in csv.DictReader(archivo)
        }
    assert filas == {
        ("autoevaluado", "c1"): ("sustancial", "autoevaluacion"),
        ("independiente", "c1"): ("sin_evidencia", "independiente"),
        ("sin-evaluacion", "c1"): ("", ""),
        ("sin-evaluador", "c1"): ("limitado", "sin_evaluador"),
    }
    paquete = json.loads((sitio / "datos" / "datapackage.json").read_text(encoding="utf-8"))
    compromisos = next(r for r in paquete["resources"] if r["name"] == "compromisos")
    assert [c["name"] for c in compromisos["schema"]["fields"]][-3:] == [
        "cumplimiento",
        "abrio_gobierno",
        "tipo_evaluacion",
    ]


def test_validar_avisa_la_evaluacion_sin_evaluador(tmp_path: Path, caja_ga: CajaGa) -> None:
    carpetas = _procesos(tmp_path)
    resultado = caja_ga("validar", *carpetas, "--formato", "json", *CORTE, cwd=tmp_path)
    problemas = json.loads(resultado.stdout)["problemas"]
    assert [(p["archivo"], p["codigo"], p["severidad"]) for p in problemas] == [
        ("sin-evaluador/evaluacion.yaml", "GA416", "aviso")
    ]
    assert problemas[0]["mensaje"].startswith("La evaluación no dice quién la hizo;")
