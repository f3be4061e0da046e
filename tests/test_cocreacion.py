"""cocreacion.yaml de punta a punta, con el comando instalado: la sección «Cómo se construyó el
plan» en HTML y Markdown, `propuestas.csv`, la fecha de corte (lo posterior no se muestra ni se
cuenta) y el escape del texto del usuario."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.conftest import CajaGa

CORTE = "2026-06-30"
PROPUESTAS = """version: 1
consulta:
  inicio: 2025-03-20
  fin: 2025-04-15
  canales: [mesas de trabajo, formulario en línea]
  participantes: 86
  participacion:
    - grupo: mujeres
      personas: 41
propuestas:
  - id: p1
    resumen: Publicar el costo de cada obra.
    propuesta_por: Ciudadanos por Zapopan A.C.
    fecha: 2025-03-22
    canal: mesas de trabajo
    respuesta:
      resultado: incorporada
      compromiso: c1
  - id: p2
    resumen: "Cámaras <script>alert(1)</script> en las calles."
    propuesta_por: ciudadanía
    fecha: 2025-04-10
    respuesta:
      resultado: no_incorporada
      motivo: "No es de gobierno abierto *ni* [urgente](javascript:alert(1))."
  - id: p3
    resumen: Propuesta tardía para el siguiente plan.
    propuesta_por: ciudadanía
    fecha: 2026-08-01
"""


@pytest.fixture
def sitio(proceso: Path, caja_ga: CajaGa, tmp_path: Path) -> Path:
    (proceso / "cocreacion.yaml").write_text(PROPUESTAS, encoding="utf-8")
    salida = tmp_path / "sitio"
    resultado = caja_ga("reporte", str(proceso), "--salida", str(salida), "--fecha-corte", CORTE)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return salida


def _seccion_md(sitio: Path) -> str:
    texto = (sitio / "zapopan" / "reporte.md").read_text(encoding="utf-8")
    inicio = texto.index("## Cómo se construyó el plan")
    return texto[inicio : texto.index("\n## ", inicio + 1)]


def test_la_seccion_markdown_muestra_la_consulta_y_cada_respuesta(sitio: Path) -> None:
    assert _seccion_md(sitio) == (
        "## Cómo se construyó el plan\n\n"
        "Consulta pública abierta del 20 de marzo de 2025 al 15 de abril de 2025 (27 días), por: "
        "mesas de trabajo; formulario en línea. Participaron 86 personas.\n\n"
        "Participación por sector o grupo: mujeres 41\\.\n\n"
        "Propuestas recibidas: 2. Incorporada: 1; No incorporada: 1\\.\n\n"
        "| Propuesta | Quién la propuso | Respuesta | Compromiso | Motivo |\n"
        "|---|---|---|---|---|\n"
        "| p1: Publicar el costo de cada obra. (22 de marzo de 2025, mesas de trabajo) | "
        "Ciudadanos por Zapopan A.C. | Incorporada | c1: Obra pública abierta |  |\n"
        "| p2: Cámaras \\<script\\>alert(1)\\</script\\> en las calles. (10 de abril de 2025) | "
        "ciudadanía | No incorporada | — | No es de gobierno abierto \\*ni\\* "
        "\\[urgente\\](javascript:alert(1)). |\n"
    )


def test_la_seccion_html_escapa_y_enlaza_al_compromiso(sitio: Path) -> None:
    pagina = (sitio / "zapopan" / "index.html").read_text(encoding="utf-8")
    seccion = pagina[pagina.index('<section id="cocreacion"') : pagina.index('<section id="plan"')]
    filas = re.findall(r"<tr><td data-etiqueta=\"Propuesta\">.*?</tr>", seccion)
    assert filas == [
        '<tr><td data-etiqueta="Propuesta"><span class="id">p1</span> Publicar el costo de cada '
        'obra.<br><span class="pequeno"><time datetime="2025-03-22">22 de marzo de 2025</time>, '
        'mesas de trabajo</span></td><td data-etiqueta="Quién la propuso">Ciudadanos por Zapopan '
        'A.C.</td><td data-etiqueta="Respuesta">Incorporada</td><td data-etiqueta="Compromiso">'
        '<a href="#compromiso-c1"><span class="id">c1</span> Obra pública abierta</a></td>'
        '<td data-etiqueta="Motivo"></td></tr>',
        '<tr><td data-etiqueta="Propuesta"><span class="id">p2</span> Cámaras &lt;script&gt;'
        'alert(1)&lt;/script&gt; en las calles.<br><span class="pequeno"><time '
        'datetime="2025-04-10">10 de abril de 2025</time></span></td><td data-etiqueta="Quién la '
        'propuso">ciudadanía</td><td data-etiqueta="Respuesta">No incorporada</td><td '
        'data-etiqueta="Compromiso">—</td><td data-etiqueta="Motivo">No es de gobierno abierto '
        "*ni* [urgente](javascript:alert(1)).</td></tr>",
    ]
    assert 'id="compromiso-c1"' in pagina
    assert "Propuestas recibidas: 2. Incorporada: 1; No incorporada: 1." in seccion
    assert "tardía" not in pagina


def test_propuestas_csv_tiene_solo_las_conocidas_al_corte(sitio: Path) -> None:
    texto = (sitio / "datos" / "propuestas.csv").read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(texto))) == [
        [
            "cvegeo",
            "carpeta",
            "propuesta",
            "resumen",
            "propuesta_por",
            "fecha",
            "canal",
            "resultado",
            "compromiso",
            "fusionada_con",
            "motivo",
        ],
        [
            "14120",
            "zapopan",
            "p1",
            "Publicar el costo de cada obra.",
            "Ciudadanos por Zapopan A.C.",
            "2025-03-22",
            "mesas de trabajo",
            "incorporada",
            "c1",
            "",
            "",
        ],
        [
            "14120",
            "zapopan",
            "p2",
            "Cámaras <script>alert(1)</script> en las calles.",
            "ciudadanía",
            "2025-04-10",
            "",
            "no_incorporada",
            "",
            "",
            "No es de gobierno abierto *ni* [urgente](javascript:alert(1)).",
        ],
    ]


def test_sin_consulta_conocida_al_corte_no_hay_seccion(
    proceso: Path, caja_ga: CajaGa, tmp_path: Path
) -> None:
    (proceso / "cocreacion.yaml").write_text(
        PROPUESTAS.replace("2025-03-20", "2026-07-20")
        .replace("2025-04-15", "2026-07-30")
        .replace("2025-03-22", "2026-07-22")
        .replace("2025-04-10", "2026-07-25"),
        encoding="utf-8",
    )
    salida = tmp_path / "sitio"
    resultado = caja_ga("reporte", str(proceso), "--salida", str(salida), "--fecha-corte", CORTE)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    assert "Cómo se construyó" not in (salida / "zapopan" / "reporte.md").read_text("utf-8")
    assert (salida / "datos" / "propuestas.csv").read_text("utf-8").count("\n") == 1
