"""`caja-ga exportar --formato ogp`: el plan en la plantilla de compromisos de OGP, leído de vuelta
(DOCX con python-docx, Markdown como texto) y comparado con los valores de plan.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
import yaml

from tests.conftest import BASE, EJEMPLOS, CajaGa

SIN = "Sin información en plan.yaml"
PLANEACION = ["Hitos", "Productos esperados", "Fecha de término esperada", "Actores (responsables)"]


@pytest.fixture
def zapopan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(BASE, tmp_path / "zapopan"))


def _exportar(caja_ga: CajaGa, proceso: str, salida: str, corte: str = "2026-09-30") -> None:
    resultado = caja_ga(
        "exportar", proceso, "--formato", "ogp", "--salida", salida, "--fecha-corte", corte
    )
    assert (resultado.returncode, resultado.stderr) == (0, ""), resultado.stderr
    assert resultado.stdout == f"Escrito: {salida}\n"


def _leer(ruta: str) -> tuple[list[tuple[str, str]], list[list[list[str]]]]:
    documento = docx.Document(ruta)
    parrafos = [(p.style.name, p.text) for p in documento.paragraphs]
    tablas = [[[c.text for c in fila.cells] for fila in t.rows] for t in documento.tables]
    return parrafos, tablas


def _declarado(valor: str) -> str:
    return (
        f"El compromiso declara «{valor}» entre sus valores; plan.yaml no explica cómo la "
        f"promueve: {SIN}."
    )


def test_docx_de_un_plan_completo(caja_ga: CajaGa, zapopan: Path) -> None:
    _exportar(caja_ga, "zapopan", "plan-ogp.docx")
    parrafos, tablas = _leer("plan-ogp.docx")
    assert parrafos == [
        ("Title", "Plan de acción de gobierno abierto de Zapopan, Jalisco"),
        ("Normal", "Periodo del plan: 2025-05-01 a 2027-04-30"),
        ("Normal", "Objetivo general: Abrir la información de la obra pública municipal."),
        ("Normal", "Plan vigente al: 2026-09-30"),
        ("Heading 1", "c1. Obra pública abierta"),
        ("Heading 2", "Definición del problema"),
        ("Heading 3", "¿Cuál es el problema que el compromiso aborda?"),
        ("Normal", "La ciudadanía no conoce el avance ni el costo de las obras."),
        ("Heading 3", "¿Cuáles son las causas del problema?"),
        ("List Bullet", "Información dispersa en varias dependencias"),
        ("Heading 2", "Descripción del compromiso"),
        ("Heading 3", "¿Qué se ha hecho hasta ahora para resolver el problema?"),
        ("Normal", SIN),
        ("Heading 3", "¿Cuál es la solución propuesta?"),
        ("Normal", "Un portal de obra pública con datos abiertos."),
        ("Heading 3", "¿Qué resultados queremos lograr con la implementación del compromiso?"),
        ("Normal", "Todas las obras con ficha pública."),
        ("Heading 2", "Análisis del compromiso"),
        ("Heading 3", "¿Cómo contribuirá el compromiso a promover la transparencia?"),
        ("Normal", _declarado("Transparencia")),
        ("Heading 3", "¿Cómo contribuirá el compromiso a promover la rendición de cuentas?"),
        ("Normal", _declarado("Rendición de cuentas")),
        ("Heading 3", "¿Cómo contribuirá el compromiso a promover la participación ciudadana?"),
        ("Normal", SIN),
        ("Heading 2", "Planeación del compromiso"),
        ("Heading 2", "Actores responsables y de apoyo"),
    ]
    assert tablas == [
        [
            PLANEACION,
            [
                "Diseñar la ficha de obra con la sociedad civil.",
                "Ficha aprobada en sesión del EDT",
                "2025-08-31",
                "Dirección de Obras Públicas; Ciudadanos por Zapopan A.C.",
            ],
            [
                "Publicar las fichas de todas las obras.",
                "Portal con las fichas",
                "2027-03-31",
                "Dirección de Innovación",
            ],
        ],
        [
            ["Papel", "Actor", "Sector"],
            ["Responsable", "Dirección de Obras Públicas", "Gobierno municipal"],
            ["Enlace del responsable", "Ing. Mario Ruiz", "Gobierno municipal"],
            ["De apoyo", "Ciudadanos por Zapopan A.C.", "Sociedad civil"],
        ],
    ]


def test_lo_que_plan_yaml_no_dice_no_se_inventa(caja_ga: CajaGa, zapopan: Path) -> None:
    plan = zapopan / "plan.yaml"
    datos = yaml.safe_load(plan.read_text(encoding="utf-8"))
    compromiso = datos["compromisos"][0]
    del compromiso["solucion"], compromiso["problema_publico"]["causas"]
    del compromiso["responsables"]["corresponsables"], compromiso["responsables"]["lider"]["enlace"]
    compromiso["resultados_esperados"] = ["Fichas de 300 obras", "Un portal abierto"]
    compromiso["valores"] = ["participacion"]
    del compromiso["actividades"][0]["entregable"]
    compromiso["actividades"][1]["responsables"] = []
    plan.write_text(yaml.safe_dump(datos, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _exportar(caja_ga, "zapopan", "plan.docx")
    parrafos, tablas = _leer("plan.docx")
    assert parrafos[8:24] == [
        ("Heading 3", "¿Cuáles son las causas del problema?"),
        ("Normal", SIN),
        ("Heading 2", "Descripción del compromiso"),
        ("Heading 3", "¿Qué se ha hecho hasta ahora para resolver el problema?"),
        ("Normal", SIN),
        ("Heading 3", "¿Cuál es la solución propuesta?"),
        ("Normal", SIN),
        ("Heading 3", "¿Qué resultados queremos lograr con la implementación del compromiso?"),
        ("List Bullet", "Fichas de 300 obras"),
        ("List Bullet", "Un portal abierto"),
        ("Heading 2", "Análisis del compromiso"),
        ("Heading 3", "¿Cómo contribuirá el compromiso a promover la transparencia?"),
        ("Normal", SIN),
        ("Heading 3", "¿Cómo contribuirá el compromiso a promover la rendición de cuentas?"),
        ("Normal", SIN),
        ("Heading 3", "¿Cómo contribuirá el compromiso a promover la participación ciudadana?"),
    ]
    assert parrafos[24] == ("Normal", _declarado("Participación"))
    assert tablas == [
        [
            PLANEACION,
            [
                "Diseñar la ficha de obra con la sociedad civil.",
                SIN,
                "2025-08-31",
                "Dirección de Obras Públicas; Ciudadanos por Zapopan A.C.",
            ],
            ["Publicar las fichas de todas las obras.", "Portal con las fichas", "2027-03-31", SIN],
        ],
        [
            ["Papel", "Actor", "Sector"],
            ["Responsable", "Dirección de Obras Públicas", "Gobierno municipal"],
            ["Enlace del responsable", SIN, "Gobierno municipal"],
            ["De apoyo", SIN, SIN],
        ],
    ]


@pytest.mark.parametrize(("corte", "retirada"), [("2026-01-15", False), ("2026-11-15", True)])
def test_el_plan_vigente_sin_lo_retirado(
    caja_ga: CajaGa, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corte: str, retirada: bool
) -> None:
    """En Monterrey, c2-a4 se retiró el 2026-06-08: sale de la planeación desde entonces."""
    monkeypatch.chdir(tmp_path)
    origen = EJEMPLOS / "monterrey-2024-2027"
    _exportar(caja_ga, str(origen), "plan.docx", corte)
    plan = yaml.safe_load((origen / "plan.yaml").read_text(encoding="utf-8"))
    _, tablas = _leer("plan.docx")
    planeaciones = [t for t in tablas if t[0] == PLANEACION]
    assert len(planeaciones) == len(plan["compromisos"])
    for tabla, compromiso in zip(planeaciones, plan["compromisos"], strict=True):
        # Las fechas son las del plan vigente (con reprogramaciones); el resto, las del plan.
        esperadas = [
            [a["descripcion"], a["entregable"], "; ".join(a["responsables"])]
            for a in compromiso["actividades"]
            if not (retirada and a["id"] == "c2-a4")
        ]
        assert [[f[0], f[1], f[3]] for f in tabla[1:]] == esperadas


def test_markdown(caja_ga: CajaGa, zapopan: Path) -> None:
    plan = zapopan / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "titulo: Obra pública abierta", 'titulo: "Obra <b>abierta</b> | [clic](javascript:x)"'
        ),
        encoding="utf-8",
    )
    _exportar(caja_ga, "zapopan", "plan.md")
    texto = Path("plan.md").read_text(encoding="utf-8")
    assert texto == (
        "# Plan de acción de gobierno abierto de Zapopan, Jalisco\n"
        "\n"
        "**Periodo del plan:** 2025-05-01 a 2027-04-30  \n"
        "**Objetivo general:** Abrir la información de la obra pública municipal.  \n"
        "**Plan vigente al:** 2026-09-30  \n"
        "\n"
        "## c1. Obra \\<b\\>abierta\\</b\\> \\| \\[clic\\](javascript:x)\n"
        "\n"
        "### Definición del problema\n"
        "\n"
        "#### ¿Cuál es el problema que el compromiso aborda?\n"
        "\n"
        "La ciudadanía no conoce el avance ni el costo de las obras.\n"
        "\n"
        "#### ¿Cuáles son las causas del problema?\n"
        "\n"
        "- Información dispersa en varias dependencias\n"
        "\n"
        "### Descripción del compromiso\n"
        "\n"
        "#### ¿Qué se ha hecho hasta ahora para resolver el problema?\n"
        "\n"
        f"{SIN}\n"
        "\n"
        "#### ¿Cuál es la solución propuesta?\n"
        "\n"
        "Un portal de obra pública con datos abiertos.\n"
        "\n"
        "#### ¿Qué resultados queremos lograr con la implementación del compromiso?\n"
        "\n"
        "Todas las obras con ficha pública.\n"
        "\n"
        "### Análisis del compromiso\n"
        "\n"
        "#### ¿Cómo contribuirá el compromiso a promover la transparencia?\n"
        "\n"
        f"{_declarado('Transparencia')}\n"
        "\n"
        "#### ¿Cómo contribuirá el compromiso a promover la rendición de cuentas?\n"
        "\n"
        f"{_declarado('Rendición de cuentas')}\n"
        "\n"
        "#### ¿Cómo contribuirá el compromiso a promover la participación ciudadana?\n"
        "\n"
        f"{SIN}\n"
        "\n"
        "### Planeación del compromiso\n"
        "\n"
        "| Hitos | Productos esperados | Fecha de término esperada | Actores (responsables) |\n"
        "|---|---|---|---|\n"
        "| Diseñar la ficha de obra con la sociedad civil. | Ficha aprobada en sesión del EDT | "
        "2025-08-31 | Dirección de Obras Públicas; Ciudadanos por Zapopan A.C. |\n"
        "| Publicar las fichas de todas las obras. | Portal con las fichas | 2027-03-31 | "
        "Dirección de Innovación |\n"
        "\n"
        "### Actores responsables y de apoyo\n"
        "\n"
        "| Papel | Actor | Sector |\n"
        "|---|---|---|\n"
        "| Responsable | Dirección de Obras Públicas | Gobierno municipal |\n"
        "| Enlace del responsable | Ing. Mario Ruiz | Gobierno municipal |\n"
        "| De apoyo | Ciudadanos por Zapopan A.C. | Sociedad civil |\n"
    )


def test_salida_que_no_sirve(caja_ga: CajaGa, zapopan: Path) -> None:
    resultado = caja_ga("exportar", "zapopan", "--formato", "ogp", "--salida", "plan.pdf")
    assert (resultado.returncode, resultado.stdout) == (2, "")
    assert resultado.stderr == (
        "Error: «plan.pdf»: la plantilla de OGP se escribe en un archivo .docx o .md.\n"
    )
    Path("plan.md").write_text("mío", encoding="utf-8")
    resultado = caja_ga("exportar", "zapopan", "--formato", "ogp", "--salida", "plan.md")
    assert (resultado.returncode, resultado.stdout) == (2, "")
    assert resultado.stderr == (
        "Error: Ya existe «plan.md»; no se escribió nada. Usa --forzar para reemplazarlo o elige "
        "otra --salida.\n"
    )
    assert Path("plan.md").read_text(encoding="utf-8") == "mío"
    resultado = caja_ga("exportar", "zapopan", "--formato", "pdf", "--salida", "plan.pdf")
    assert resultado.returncode == 2
    assert resultado.stderr == (
        "Uso: caja-ga exportar [OPCIONES] {proceso}\n"
        "Error de uso: Valor inválido para la opción «--formato»: no es una de las opciones "
        "(hoja, ogp).\n"
        "Prueba «caja-ga exportar -h» para ver la ayuda.\n"
    )


def test_un_control_invisible_se_ve_en_el_docx_y_no_lo_rompe(
    caja_ga: CajaGa, zapopan: Path
) -> None:
    plan = zapopan / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "titulo: Obra pública abierta", 'titulo: "Obra\\x0bpública\\x1fabierta"', 1
        ),
        encoding="utf-8",
    )
    _exportar(caja_ga, "zapopan", "plan-ogp.docx")
    parrafos, _ = _leer("plan-ogp.docx")
    assert parrafos[4] == ("Heading 1", "c1. Obra\\x0bpública\\x1fabierta")


def test_markdown_un_salto_en_un_titulo_no_hace_otro_encabezado(
    caja_ga: CajaGa, zapopan: Path
) -> None:
    plan = zapopan / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        .replace("titulo: Obra pública abierta", 'titulo: "Obra\\n# pública\\n==="', 1)
        .replace(
            "objetivo_general: Abrir la información de la obra pública municipal.",
            'objetivo_general: "Abrir\\n===\\nla obra"',
            1,
        ),
        encoding="utf-8",
    )
    _exportar(caja_ga, "zapopan", "plan.md")
    lineas = Path("plan.md").read_text(encoding="utf-8").splitlines()
    assert lineas[:7] == [
        "# Plan de acción de gobierno abierto de Zapopan, Jalisco",
        "",
        "**Periodo del plan:** 2025-05-01 a 2027-04-30  ",
        "**Objetivo general:** Abrir === la obra  ",
        "**Plan vigente al:** 2026-09-30  ",
        "",
        "## c1. Obra \\# pública ===",
    ]
