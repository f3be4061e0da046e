"""Los cambios al plan se registran: el plan vigente de la Vista, el reporte, los datos abiertos y
`caja-ga nuevo modificacion`, con valores calculados a mano."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from caja_ga.proceso import cargar_proceso
from caja_ga.reporte.datos_abiertos import ACTIVIDADES, filas_de
from caja_ga.reporte.resumen import resumir
from caja_ga.vista import Vista
from tests.conftest import CajaGa

# Reprogramación de c1-a2 (fin 2027-03-31 → 2027-06-30) y retiro de c1-a1, aprobados el
# 2026-04-20; cambio de meta que rige hasta el 2026-05-01.
MODIFICACIONES = """\
modificaciones:
  - id: m1
    fecha: 2026-04-20
    aprobado_en: 2026-04-20-seguimiento
    tipo: Reprogramación
    objetivo: c1-a2
    campo: fin
    valor_anterior: 2027-03-31
    valor_nuevo: 2027-06-30
    motivo: La plataforma de datos se licitó tarde.
  - id: m2
    fecha: 2026-04-20
    aprobado_en: 2026-04-20-seguimiento
    tipo: retiro
    objetivo: c1-a1
    motivo: El portal estatal ya publica la ficha.
  - id: m3
    fecha: 2026-05-01
    aprobado_en: 2026-04-20-seguimiento
    tipo: cambio_meta
    objetivo: c1-m1
    campo: valor_meta
    valor_anterior: 100
    valor_nuevo: 80
    motivo: El padrón incluye obras de otros órdenes de gobierno.
"""


@pytest.fixture
def modificado(proceso: Path) -> Path:
    plan = proceso / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + MODIFICACIONES, encoding="utf-8")
    return proceso


def _vista(carpeta: Path, corte: str) -> Vista:
    return Vista(cargar_proceso(carpeta), date.fromisoformat(corte))


def test_antes_de_la_modificacion_rige_el_plan_aprobado(modificado: Path) -> None:
    vista = _vista(modificado, "2026-04-19")
    assert vista.plan is not None
    compromiso = vista.plan.compromisos[0]
    a1, a2 = compromiso.actividades
    assert (a2.fin, a1.retirada) == (date(2027, 3, 31), False)
    assert vista.modificaciones == []
    # c1-a1 completada (100) y c1-a2 en 40: (100 + 40) / 2 = 70.
    assert vista.calendario.compromisos[compromiso.id].avance == 70.0


def test_despues_rige_el_plan_modificado_y_la_linea_base_no_cambia(modificado: Path) -> None:
    vista = _vista(modificado, "2026-04-20")
    assert vista.plan is not None and vista.carpeta.plan is not None
    compromiso = vista.plan.compromisos[0]
    a1, a2 = compromiso.actividades
    assert (a2.fin, a1.retirada, compromiso.retirada) == (date(2027, 6, 30), True, False)
    assert [m.id for m in vista.modificaciones] == ["m1", "m2"]
    assert [m.id for m in vista.cambios_de("c1-a2")] == ["m1"]
    # La meta aún no cambia (rige desde el 2026-05-01) y la línea base sigue intacta.
    indicador = compromiso.metas[0].indicador
    assert indicador is not None and indicador.valor_meta == 100.0
    assert vista.carpeta.plan.compromisos[0].actividades[1].fin == date(2027, 3, 31)
    # Sin c1-a1 (retirada), el compromiso y el plan avanzan lo de c1-a2: 40.
    situacion = vista.calendario.compromisos[compromiso.id]
    assert (situacion.avance, situacion.retiradas) == (40.0, 1)
    assert vista.calendario.actividades["c1-a1"].estado == "retirada"
    plan = vista.calendario.plan
    assert plan is not None and plan.avance == 40.0


def test_el_cambio_de_meta_rige_desde_su_fecha(modificado: Path) -> None:
    vista = _vista(modificado, "2026-05-01")
    assert vista.plan is not None
    indicador = vista.plan.compromisos[0].metas[0].indicador
    assert indicador is not None and indicador.valor_meta == 80.0
    assert [m.id for m in vista.modificaciones] == ["m1", "m2", "m3"]


def test_retirada_no_se_escribe_en_el_plan(proceso: Path, caja_ga: CajaGa) -> None:
    plan = proceso / "plan.yaml"
    texto = plan.read_text(encoding="utf-8")
    plan.write_text(
        texto.replace(
            "    titulo: Obra pública abierta\n",
            "    titulo: Obra pública abierta\n    retirada: true\n",
        ),
        encoding="utf-8",
    )
    resultado = caja_ga("validar", "zapopan", "--fecha-corte", "2026-06-30", "--formato", "json")
    assert '"codigo": "GA006"' in resultado.stdout
    assert "registra el retiro en «modificaciones»" in resultado.stdout


def test_datos_abiertos_con_fechas_originales_y_cambios(modificado: Path) -> None:
    vista = _vista(modificado, "2026-06-30")
    filas = filas_de(resumir(vista, "zapopan", []), vista)
    columnas = [campo.nombre for campo in ACTIVIDADES.campos]
    actividades = [
        dict(zip(columnas, f, strict=True)) for f in csv.reader(io.StringIO(filas.actividades))
    ]
    assert [
        (f["actividad"], f["fin"], f["fin_original"], f["retirada"], f["estado_calendario"])
        for f in actividades
    ] == [
        ("c1-a1", "2025-08-31", "2025-08-31", "si", "retirada"),
        ("c1-a2", "2027-06-30", "2027-03-31", "no", "en_tiempo"),
    ]
    assert filas.modificaciones == (
        "14120,zapopan,1,m1,2026-04-20,2026-04-20-seguimiento,reprogramacion,c1-a2,fin,"
        "2027-03-31,2027-06-30,La plataforma de datos se licitó tarde.\n"
        "14120,zapopan,2,m2,2026-04-20,2026-04-20-seguimiento,retiro,c1-a1,,,,"
        "El portal estatal ya publica la ficha.\n"
        "14120,zapopan,3,m3,2026-05-01,2026-04-20-seguimiento,cambio_meta,c1-m1,valor_meta,"
        "100,80,El padrón incluye obras de otros órdenes de gobierno.\n"
    )


def test_el_reporte_muestra_ambas_fechas_y_el_retiro(
    modificado: Path, caja_ga: CajaGa, tmp_path: Path
) -> None:
    salida = tmp_path / "salida"
    resultado = caja_ga(
        "reporte",
        "zapopan",
        "--salida",
        str(salida),
        "--fecha-corte",
        "2026-06-30",
        cwd=modificado.parent,
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    for pagina in ("zapopan/reporte.md", "zapopan/index.html"):
        texto = (salida / pagina).read_text(encoding="utf-8")
        # 2027-03-31 → 2027-06-30: 30 (abril) + 31 (mayo) + 30 (junio) = 91 días.
        assert (
            "Fin original 2027-03-31; reprogramada al 2027-06-30, 91 días después, aprobado en "
            "la sesión del 20 de abril de 2026."
        ) in texto
        assert (
            "Se retiró del plan en la sesión del 20 de abril de 2026: "
            "El portal estatal ya publica la ficha."
        ) in texto
        assert "Cambios al plan" in texto


def test_nuevo_modificacion_por_el_comando_instalado(proceso: Path, caja_ga: CajaGa) -> None:
    original = (proceso / "plan.yaml").read_text(encoding="utf-8")
    resultado = caja_ga(
        "nuevo",
        "modificacion",
        "zapopan",
        "--objetivo",
        "c1-a2",
        "--campo",
        "fin",
        "--valor",
        "2027-06-30",
        "--aprobado-en",
        "2026-04-20-seguimiento",
        "--motivo",
        "La plataforma de datos se licitó tarde: «licitación desierta».",
    )
    assert resultado.returncode == 0, resultado.stderr
    assert "modificación «m1», línea 68" in resultado.stdout
    assert (proceso / "plan.yaml").read_text(encoding="utf-8") == original + (
        "modificaciones:\n"
        "  - id: m1  # cambio al plan aprobado: el plan aprobado no se edita\n"
        "    # Desde cuándo rige el cambio y en qué sesión del EDT se aprobó.\n"
        "    fecha: 2026-04-20\n"
        "    aprobado_en: 2026-04-20-seguimiento\n"
        "    # reprogramacion, retiro, cambio_meta u otro.\n"
        "    tipo: reprogramacion\n"
        "    objetivo: c1-a2\n"
        "    campo: fin\n"
        "    valor_anterior: 2027-03-31\n"
        "    valor_nuevo: 2027-06-30\n"
        "    motivo: 'La plataforma de datos se licitó tarde: «licitación desierta».'\n"
    )
    retiro = caja_ga(
        "nuevo",
        "modificacion",
        "zapopan",
        "--objetivo",
        "c1-a1",
        "--aprobado-en",
        "2026-04-20-seguimiento",
        "--motivo",
        "Ya no hace falta.",
    )
    assert retiro.returncode == 0, retiro.stderr
    assert (
        (proceso / "plan.yaml")
        .read_text(encoding="utf-8")
        .endswith("    tipo: retiro\n    objetivo: c1-a1\n    motivo: Ya no hace falta.\n")
    )
    validar = caja_ga("validar", "zapopan", "--fecha-corte", "2026-06-30")
    assert validar.returncode == 0, validar.stdout


@pytest.mark.parametrize(
    ("opciones", "mensaje"),
    [
        (
            ["--objetivo", "c1-a9", "--aprobado-en", "2026-04-20-seguimiento"],
            "«c1-a9» no es un compromiso, una actividad ni una meta de plan.yaml; ¿quisiste "
            "decir «c1-a2»?",
        ),
        (
            ["--objetivo", "c1-a2", "--aprobado-en", "2026-04-21-seguimiento"],
            "«2026-04-21-seguimiento» no es una sesión legible de la carpeta sesiones/; "
            "¿quisiste decir «2026-04-20-seguimiento»?",
        ),
        (
            [
                "--objetivo",
                "c1-a2",
                "--campo",
                "fin",
                "--valor",
                "pronto",
                "--aprobado-en",
                "2026-04-20-seguimiento",
            ],
            "No se puede registrar el cambio a «c1-a2»: el valor nuevo «pronto» no es una "
            "fecha AAAA-MM-DD.",
        ),
        (
            [
                "--objetivo",
                "c1-a2",
                "--aprobado-en",
                "2026-04-20-seguimiento",
                "--fecha",
                "2026-04-01",
            ],
            "La sesión «2026-04-20-seguimiento» es del 2026-04-20, después de la fecha en que "
            "regiría el cambio",
        ),
    ],
)
def test_nuevo_modificacion_errores_de_uso(
    proceso: Path, caja_ga: CajaGa, opciones: list[str], mensaje: str
) -> None:
    original = (proceso / "plan.yaml").read_bytes()
    resultado = caja_ga("nuevo", "modificacion", "zapopan", "--motivo", "x", *opciones)
    assert resultado.returncode == 2
    assert mensaje in " ".join(resultado.stderr.split())
    assert (proceso / "plan.yaml").read_bytes() == original
