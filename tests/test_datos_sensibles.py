"""Los datos sensibles de los particulares del Núcleo (sus grupos en situación de vulnerabilidad y
su territorio) no salen en ninguna salida sin su consentimiento, y salen con él. Se generan todas
las salidas con el comando instalado y se busca cada valor en el texto de cada archivo."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CajaGa

CORTE = "2026-06-30"
SIN_CONSENTIMIENTO = "Rinconada del Bosque Sur"
CON_CONSENTIMIENTO = "Jardines del Valle Norte"
NUCLEO = f"""version: 1
convocatoria:
  fecha_publicacion: 2025-02-01
  fecha_cierre: 2025-02-28
  medios: [portal municipal]
  url: https://www.zapopan.gob.mx/convocatoria-nucleo/
integrantes:
  - id: osc-1
    tipo: osc
    nombre: Ciudadanos por Zapopan A.C.
    territorio: Zapopan
    grupos: [mujeres]
  - id: per-1
    tipo: persona
    nombre: Marta Ruiz Solís
    territorio: Colonia {SIN_CONSENTIMIENTO}
    grupos: [discapacidad]
  - id: per-2
    tipo: persona
    nombre: Tomás Aguilar Pérez
    territorio: Colonia {CON_CONSENTIMIENTO}
    grupos: [afromexicanas]
    consentimiento_datos_sensibles: true
representante:
  integrante: osc-1
  metodo: consenso
  fecha: 2025-03-05
  periodo_meses: 12
"""


@pytest.fixture
def salidas(proceso: Path, caja_ga: CajaGa, tmp_path: Path) -> dict[str, str]:
    """Cada archivo que caja-ga produce para el proceso (reporte, datos abiertos y la salida de
    validar en cada formato): nombre → texto."""
    (proceso / "nucleo.yaml").write_text(NUCLEO, encoding="utf-8")
    sitio = tmp_path / "sitio"
    reporte = caja_ga("reporte", str(proceso), "--salida", str(sitio), "--fecha-corte", CORTE)
    assert reporte.returncode == 0, reporte.stdout + reporte.stderr
    textos = {
        ruta.relative_to(sitio).as_posix(): ruta.read_text(encoding="utf-8")
        for ruta in sorted(sitio.rglob("*"))
        if ruta.is_file()
    }
    for formato in ("texto", "json", "sarif", "github", "gitlab"):
        validar = caja_ga("validar", str(proceso), "--formato", formato, "--fecha-corte", CORTE)
        assert validar.returncode == 0, validar.stdout + validar.stderr
        textos[f"validar --formato {formato}"] = validar.stdout + validar.stderr
    assert {"zapopan/index.html", "zapopan/reporte.md", "datos/datapackage.json"} <= set(textos)
    return textos


def test_el_territorio_sin_consentimiento_no_sale_en_ninguna_salida(
    salidas: dict[str, str],
) -> None:
    assert [nombre for nombre, texto in salidas.items() if SIN_CONSENTIMIENTO in texto] == []


def test_el_territorio_con_consentimiento_sale_en_la_pagina(salidas: dict[str, str]) -> None:
    assert [nombre for nombre, texto in salidas.items() if CON_CONSENTIMIENTO in texto] == [
        "zapopan/index.html",
        "zapopan/reporte.md",
    ]


def test_los_grupos_solo_salen_de_quien_consintio_y_en_las_cifras(
    salidas: dict[str, str],
) -> None:
    markdown = salidas["zapopan/reporte.md"]
    filas = [
        f for f in markdown.splitlines() if f.startswith(("| Ciudadanos", "| Marta", "| Tomás"))
    ]
    assert filas == [
        "| Ciudadanos por Zapopan A.C. | Organización de la sociedad civil |  | Zapopan | "
        "Mujeres |",
        "| Marta Ruiz Solís | Persona |  | reservado | reservado |",
        f"| Tomás Aguilar Pérez | Persona |  | Colonia {CON_CONSENTIMIENTO} | "
        "Personas afromexicanas |",
    ]
    # Las cifras agregadas por grupo cuentan a todos.
    assert (
        "Grupos representados: Mujeres 1; Personas con discapacidad 1; Personas afromexicanas 1."
        in markdown
    )
    pagina = salidas["zapopan/index.html"]
    fila_html = pagina[
        pagina.index("Marta Ruiz Solís") : pagina.index("</tr>", pagina.index("Marta"))
    ]
    assert "discapacidad" not in fila_html
    assert "Reservado: dato personal sensible" in fila_html
