"""Los datos sensibles de los particulares del Núcleo (sus grupos en situación de vulnerabilidad y
su territorio) no salen en ninguna salida sin su consentimiento, y salen con él. Se generan todas
las salidas con el comando instalado y se busca cada valor en el texto de cada archivo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caja_ga.reporte.privacidad import SENSIBLE_OMITIDO
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


GRUPO_LIBRE = "personas que viven con VIH"


def test_un_aviso_sobre_un_dato_sensible_no_lo_cita_en_el_reporte(
    proceso: Path, caja_ga: CajaGa, tmp_path: Path
) -> None:
    """Un grupo mal escrito de un particular da un error que cita el valor: `validar` lo muestra
    a quien corrige, el reporte publicado (con --forzar) no; el de una organización, sí."""
    nucleo = NUCLEO.replace(
        "    grupos: [discapacidad]\n",
        f"    grupos:\n      - discapacidad\n      - {GRUPO_LIBRE}\n",
    ).replace("    grupos: [mujeres]\n", "    grupos: [mujeres, vecinos del centro]\n")
    (proceso / "nucleo.yaml").write_text(nucleo, encoding="utf-8")
    validar = caja_ga("validar", str(proceso), "--formato", "json", "--fecha-corte", CORTE)
    assert validar.returncode == 1, validar.stdout + validar.stderr
    citados = [p["mensaje"].split("»")[0] for p in json.loads(validar.stdout)["problemas"]]
    assert citados == ["«vecinos del centro", f"«{GRUPO_LIBRE}", "El encargo de «osc-1"]
    sitio = tmp_path / "sitio"
    reporte = caja_ga(
        "reporte", str(proceso), "--salida", str(sitio), "--fecha-corte", CORTE, "--forzar"
    )
    assert reporte.returncode == 0, reporte.stdout + reporte.stderr
    publicados = {
        r.relative_to(sitio).as_posix(): r.read_text("utf-8")
        for r in sitio.rglob("*")
        if r.is_file()
    }
    assert [nombre for nombre, texto in publicados.items() if GRUPO_LIBRE in texto] == []
    markdown = publicados["zapopan/reporte.md"]
    assert markdown.count(SENSIBLE_OMITIDO) == 1
    assert markdown.count("«vecinos del centro» no es un valor válido para «grupos»") == 1
