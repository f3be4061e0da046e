"""Resultados: el indicador medido de cada meta a la fecha de corte, en el reporte y en CSV."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from caja_ga.modelos.evaluacion import Evaluacion
from caja_ga.modelos.seguimiento import MedicionIndicador, Seguimiento
from caja_ga.proceso import cargar_proceso
from caja_ga.vista import Vista
from tests.conftest import CajaGa

# Un reporte de avance con dos mediciones (una con fecha propia y valor «25%») y uno posterior.
PRIMER_REPORTE = """\
version: 1
fecha_corte: 2026-03-31
actividades:
  - id: c1-a1
    estado: completada
    avance: 100
    evidencias:
      - descripcion: Minuta con la ficha aprobada
        url: https://www.zapopan.gob.mx/ga/minuta-2025-08-20.pdf
  - id: c1-a2
    estado: en_proceso
    avance: 40
indicadores:
  - meta: c1-m1
    valor: 40
    fuente: https://obras.zapopan.gob.mx/datos/fichas.csv
  - meta: c1-m1
    valor: 25%
    fecha: 2026-02-15
    fuente: Padrón de obras <b>2026</b>
"""
SEGUNDO_REPORTE = """\
version: 1
fecha_corte: 2026-09-30
actividades:
  - id: c1-a2
    estado: en_proceso
    avance: 70
indicadores:
  - meta: c1-m1
    valor: 70
    fecha: 2026-09-15
    fuente: Conteo de septiembre
"""


@pytest.mark.parametrize(
    ("escrito", "valor"),
    [(45, 45.0), ("45%", 45.0), ("$1,200", 1200.0), ("1,284", 1284.0), ("12.5 %", 12.5)],
)
def test_la_medicion_acepta_el_valor_como_lo_escribe_la_gente(
    escrito: object, valor: float
) -> None:
    assert MedicionIndicador.model_validate({"meta": "c1-m1", "valor": escrito}).valor == valor


def test_la_medicion_rechaza_un_valor_que_no_es_numero() -> None:
    with pytest.raises(ValidationError):
        MedicionIndicador.model_validate({"meta": "c1-m1", "valor": "casi la mitad"})


def test_los_archivos_sin_indicadores_siguen_valiendo_igual() -> None:
    reporte = Seguimiento.model_validate(
        {"version": 1, "fecha_corte": "2026-03-31", "actividades": []}
    )
    assert reporte.indicadores == []
    evaluacion = Evaluacion.model_validate(
        {"version": 1, "indicadores": [{"meta": "c1-m1", "valor": 80, "fuente": "Portal"}]}
    )
    assert evaluacion.indicadores == [
        MedicionIndicador(meta="c1-m1", valor=80.0, fecha=None, fuente="Portal")
    ]


def _con_mediciones(proceso: Path) -> Path:
    (proceso / "seguimiento" / "2026-03-31.yaml").write_text(PRIMER_REPORTE, encoding="utf-8")
    (proceso / "seguimiento" / "2026-09-30.yaml").write_text(SEGUNDO_REPORTE, encoding="utf-8")
    return proceso


def test_la_vista_da_las_mediciones_conocidas_al_corte_por_fecha(proceso: Path) -> None:
    carpeta = cargar_proceso(_con_mediciones(proceso))

    def medido(corte: date) -> list[tuple[date | None, float | None]]:
        return [(m.fecha, m.valor) for m in Vista(carpeta, corte).mediciones["c1-m1"]]

    assert medido(date(2026, 6, 30)) == [(date(2026, 2, 15), 25.0), (date(2026, 3, 31), 40.0)]
    assert medido(date(2026, 12, 31)) == [
        (date(2026, 2, 15), 25.0),
        (date(2026, 3, 31), 40.0),
        (date(2026, 9, 15), 70.0),
    ]
    assert Vista(carpeta, date(2026, 1, 31)).mediciones == {}


def _leer(ruta: Path) -> list[dict[str, str]]:
    with ruta.open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))


def _publicar(caja_ga: CajaGa, proceso: Path, corte: str, salida: Path) -> dict[str, str]:
    resultado = caja_ga("reporte", str(proceso), "--fecha-corte", corte, "--salida", str(salida))
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return {
        "html": (salida / proceso.name / "index.html").read_text(encoding="utf-8"),
        "md": (salida / proceso.name / "reporte.md").read_text(encoding="utf-8"),
        "metas": (salida / "datos" / "metas.csv").read_text(encoding="utf-8"),
        "mediciones": (salida / "datos" / "mediciones.csv").read_text(encoding="utf-8"),
    }


def _fila_meta(ultimo: str, fecha: str, mediciones: str) -> dict[str, str]:
    return {
        "cvegeo": "14120",
        "carpeta": "zapopan",
        "compromiso": "c1",
        "meta": "c1-m1",
        "descripcion": "Obras con ficha pública",
        "indicador": "Porcentaje de obras con ficha pública",
        "unidad": "porcentaje",
        "linea_base": "0",
        "valor_meta": "100",
        "fecha_meta": "2027-03-31",
        "ultimo_valor": ultimo,
        "fecha_ultimo_valor": fecha,
        "mediciones": mediciones,
    }


def _fila_medicion(
    numero: str, fecha: str, valor: str, fuente: str, registro: str
) -> dict[str, str]:
    return {
        "cvegeo": "14120",
        "carpeta": "zapopan",
        "meta": "c1-m1",
        "numero": numero,
        "fecha": fecha,
        "valor": valor,
        "fuente": fuente,
        "registro": f"seguimiento/{registro}.yaml",
    }


FEBRERO = _fila_medicion("1", "2026-02-15", "25", "Padrón de obras <b>2026</b>", "2026-03-31")
MARZO = _fila_medicion(
    "2", "2026-03-31", "40", "https://obras.zapopan.gob.mx/datos/fichas.csv", "2026-03-31"
)
SEPTIEMBRE = _fila_medicion("3", "2026-09-15", "70", "Conteo de septiembre", "2026-09-30")


def test_publica_los_resultados_a_dos_fechas_de_corte(
    proceso: Path, caja_ga: CajaGa, tmp_path: Path
) -> None:
    _con_mediciones(proceso)
    junio = _publicar(caja_ga, proceso, "2026-06-30", tmp_path / "junio")
    diciembre = _publicar(caja_ga, proceso, "2026-12-31", tmp_path / "diciembre")

    assert _leer(tmp_path / "junio" / "datos" / "metas.csv") == [
        _fila_meta("40", "2026-03-31", "2")
    ]
    assert _leer(tmp_path / "junio" / "datos" / "mediciones.csv") == [FEBRERO, MARZO]
    assert _leer(tmp_path / "diciembre" / "datos" / "metas.csv") == [
        _fila_meta("70", "2026-09-15", "3")
    ]
    assert _leer(tmp_path / "diciembre" / "datos" / "mediciones.csv") == [
        FEBRERO,
        MARZO,
        SEPTIEMBRE,
    ]

    assert "Mediciones registradas a la fecha de corte: 2." in junio["md"]
    assert (
        "Línea base **0** → **25** (15 de febrero de 2026) → **40** (31 de marzo de 2026) → "
        "meta **100** para el 31 de marzo de 2027." in junio["md"]
    )
    assert "Mediciones registradas a la fecha de corte: 3." in diciembre["md"]
    assert (
        "Línea base **0** → **25** (15 de febrero de 2026) → **40** (31 de marzo de 2026) → "
        "**70** (15 de septiembre de 2026) → meta **100** para el 31 de marzo de 2027."
        in diciembre["md"]
    )
    # La gráfica dice sus valores en su texto alternativo.
    assert (
        '<desc id="g-resultado-c1-m1-d">Línea base 0; medido: 25 el 15 de febrero de 2026, 40 el '
        "31 de marzo de 2026; meta 100 para el 31 de marzo de 2027.</desc>" in junio["html"]
    )
    # El texto de la fuente se escapa: nunca sale como etiqueta.
    assert "Padrón de obras &lt;b&gt;2026&lt;/b&gt;" in junio["html"]
    assert "<b>2026</b>" not in junio["html"]
    # Nada posterior al corte, en ningún formato.
    for formato, texto in junio.items():
        for posterior in ("2026-09-15", "15 de septiembre de 2026", "Conteo de septiembre"):
            assert posterior not in texto, (formato, posterior)


def test_sin_mediciones_el_reporte_lo_dice_en_una_frase(
    proceso: Path, caja_ga: CajaGa, tmp_path: Path
) -> None:
    paginas = _publicar(caja_ga, proceso, "2026-01-31", tmp_path / "sitio")
    frase = (
        "Aún no se ha registrado ninguna medición de los indicadores de las metas a la fecha de "
        "corte."
    )
    assert frase in paginas["md"]
    assert frase in paginas["html"]
    assert paginas["mediciones"] == "cvegeo,carpeta,meta,numero,fecha,valor,fuente,registro\n"
