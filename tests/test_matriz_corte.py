"""Monterrey publicado a cinco fechas de corte: cada cifra publicada contra la cuenta a mano, y
ningún dato fechado después del corte en ninguna salida.

Los números salen de los YAML de `ejemplos/monterrey-2024-2027`. Fechas de las actividades (plan
aprobado): c1-a1 2025-09-01 a 2025-12-15; c1-a2 2026-01-05 a 2026-06-30 (176 días); c1-a3
2026-03-01 a 2027-02-26 (362 días), reprogramada por m1 (desde 2026-06-08) al 2027-04-30 (425
días); c1-a4 2026-11-16 a 2027-05-31; c2-a1 2025-09-01 a 2026-02-27; c2-a2 2026-01-12 a 2026-09-30
(261 días); c2-a3 2026-04-01 a 2027-03-31 (364 días); c2-a4 2027-04-01 a 2027-07-30, retirada por
m3 (desde 2026-06-08); c3-a1 2025-10-01 a 2026-01-30; c3-a2 2026-03-02 a 2026-04-30 (59 días);
c3-a3 2026-06-15 a 2027-05-31 (350 días); c3-a4 2026-06-15 a 2026-10-30; c4-a1 2025-09-15 a
2026-03-31 (197 días); c4-a2 2026-04-01 a 2026-08-31 (152 días); c4-a3 2026-06-01 a 2026-12-15
(197 días); c4-a4 2027-03-01 a 2027-06-30. Reportes: 2026-05-31 y 2026-10-31.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EJEMPLOS, correr_caja_ga

MONTERREY = EJEMPLOS / "monterrey-2024-2027"
MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre")
MESES += ("octubre", "noviembre", "diciembre")

# (avance, esperado, estado de calendario) de una actividad o compromiso.
Cifras = tuple[float, float, str]


@dataclass(frozen=True)
class Corte:
    fecha: str
    actividades: dict[str, Cifras]
    compromisos: dict[str, Cifras]
    plan: str  # la fila «Avance general del plan» del resumen en reporte.md
    avance_plan: float  # procesos.json, con dos decimales
    ultima_actualizacion: str
    mediciones: list[tuple[str, str, str]]  # (meta, fecha, valor), en el orden publicado
    fecha_meta_c1_m1: str
    posteriores: tuple[str, ...]  # fechas que solo traen los registros posteriores al corte
    solo_iso: tuple[str, ...] = ()  # fechas que un texto conocido al corte ya escribía con letra


def _todas(avance: float, esperado: float, estado: str) -> dict[str, Cifras]:
    return {f"c{c}-a{a}": (avance, esperado, estado) for c in range(1, 5) for a in range(1, 5)}


# Antes de que se aprobara el plan: sin reportes, todo en 0 y nada empezó (esperado 0).
ANTES_DEL_PLAN = Corte(
    fecha="2025-08-01",
    actividades=_todas(0, 0, "por_iniciar"),
    compromisos={f"c{c}": (0, 0, "por_iniciar") for c in range(1, 5)},
    plan="aún no vence: no ha empezado",
    avance_plan=0,
    ultima_actualizacion="2025-07-12",  # las mesas de cocreación
    mediciones=[],
    fecha_meta_c1_m1="2027-02-26",
    # La sesión que aprobó el plan (y su minuta), la de febrero, los dos reportes, las mediciones
    # con fecha propia, la sesión que aprobó m1–m3, sus acuerdos y su minuta, y la de noviembre.
    posteriores=(
        "2025-08-25",
        "2025-09-02",
        "2026-02-16",
        "2026-02-24",
        "2026-05-31",
        "2026-05-24",
        "2026-06-08",
        "2026-06-16",
        "2026-10-31",
        "2026-10-25",
        "2026-11-09",
        "2026-11-13",
        "2027-04-30",
    ),
)

# A mitad del plan, antes del primer reporte: todo en 0 % y el esperado corre.
A_MITAD = Corte(
    fecha="2026-03-15",
    actividades={
        "c1-a1": (0, 100, "vencida"),
        "c1-a2": (0, 69 / 176 * 100, "atrasada"),  # 2026-01-05 → 03-15: 69 días; 39.20
        "c1-a3": (0, 14 / 362 * 100, "en_tiempo"),  # 14 días; 3.87, menos de 10 puntos
        "c1-a4": (0, 0, "por_iniciar"),
        "c2-a1": (0, 100, "vencida"),
        "c2-a2": (0, 62 / 261 * 100, "atrasada"),  # 62 días; 23.75
        "c2-a3": (0, 0, "por_iniciar"),
        "c2-a4": (0, 0, "por_iniciar"),  # aún no se retiraba
        "c3-a1": (0, 100, "vencida"),
        "c3-a2": (0, 13 / 59 * 100, "atrasada"),  # 2026-03-02 → 03-15: 13 días; 22.03
        "c3-a3": (0, 0, "por_iniciar"),
        "c3-a4": (0, 0, "por_iniciar"),
        "c4-a1": (0, 181 / 197 * 100, "atrasada"),  # 2025-09-15 → 2026-03-15: 181 días; 91.88
        "c4-a2": (0, 0, "por_iniciar"),
        "c4-a3": (0, 0, "por_iniciar"),
        "c4-a4": (0, 0, "por_iniciar"),
    },
    compromisos={
        # (100 + 39.20 + 3.87 + 0) / 4 = 35.77; (100 + 23.75 + 0 + 0) / 4 = 30.94;
        # (100 + 22.03 + 0 + 0) / 4 = 30.51; (91.88 + 0 + 0 + 0) / 4 = 22.97.
        "c1": (0, (100 + 69 / 176 * 100 + 14 / 362 * 100) / 4, "atrasada"),
        "c2": (0, (100 + 62 / 261 * 100) / 4, "atrasada"),
        "c3": (0, (100 + 13 / 59 * 100) / 4, "atrasada"),
        "c4": (0, 181 / 197 * 100 / 4, "atrasada"),
    },
    # (35.77 + 30.94 + 30.51 + 22.97) / 4 = 30.05.
    plan="▱▱▱▱▱▱▱▱▱▱ 0 % reportado (sin avance) frente a 30 % esperado: con atraso",
    avance_plan=0,
    ultima_actualizacion="2026-02-16",
    mediciones=[],
    fecha_meta_c1_m1="2027-02-26",
    posteriores=(
        "2026-05-31",
        "2026-05-24",
        "2026-06-08",
        "2026-06-16",
        "2026-06-19",
        "2026-10-31",
        "2026-10-25",
        "2026-11-09",
        "2026-11-13",
        "2027-04-30",
    ),
    # El acuerdo s4-ac1 (2026-02-16) ya pedía el primer reporte «con corte al 31 de mayo de 2026».
    solo_iso=("2026-05-31",),
)

# Justo después del primer reporte (2026-05-31), antes de la sesión que aprobó m1–m3.
TRAS_EL_PRIMER_REPORTE = Corte(
    fecha="2026-06-01",
    actividades={
        "c1-a1": (100, 100, "completada"),
        "c1-a2": (70, 147 / 176 * 100, "atrasada"),  # 147 días; 83.52: 70 < 73.52
        "c1-a3": (25, 92 / 362 * 100, "en_tiempo"),  # fin aún 2027-02-26: 92/362 = 25.41
        "c1-a4": (0, 0, "por_iniciar"),
        "c2-a1": (100, 100, "completada"),
        "c2-a2": (55, 140 / 261 * 100, "en_tiempo"),  # 53.64
        "c2-a3": (10, 61 / 364 * 100, "en_tiempo"),  # 16.76: 10 ≥ 6.76
        "c2-a4": (0, 0, "por_iniciar"),
        "c3-a1": (100, 100, "completada"),
        "c3-a2": (100, 100, "completada"),
        "c3-a3": (0, 0, "por_iniciar"),
        "c3-a4": (0, 0, "por_iniciar"),
        "c4-a1": (100, 100, "completada"),
        "c4-a2": (40, 61 / 152 * 100, "en_tiempo"),  # 40.13
        "c4-a3": (0, 0, "en_tiempo"),  # empieza ese día: esperado 0, ya no «por iniciar»
        "c4-a4": (0, 0, "por_iniciar"),
    },
    compromisos={
        # (100+70+25+0)/4 = 48.75 frente a (100 + 83.52 + 25.41 + 0)/4 = 52.23.
        "c1": (48.75, (100 + 147 / 176 * 100 + 92 / 362 * 100) / 4, "en_tiempo"),
        # (100+55+10+0)/4 = 41.25 frente a (100 + 53.64 + 16.76 + 0)/4 = 42.60.
        "c2": (41.25, (100 + 140 / 261 * 100 + 61 / 364 * 100) / 4, "en_tiempo"),
        "c3": (50, 50, "en_tiempo"),  # (100+100+0+0)/4 en ambos
        # (100+40+0+0)/4 = 35 frente a (100 + 40.13)/4 = 35.03.
        "c4": (35, (100 + 61 / 152 * 100) / 4, "en_tiempo"),
    },
    # (48.75+41.25+50+35)/4 = 43.75 frente a (52.23+42.60+50+35.03)/4 = 44.97.
    plan="▰▰▰▰▱▱▱▱▱▱ 43.8 % reportado (en proceso) frente a 45 % esperado: en tiempo",
    avance_plan=43.75,
    ultima_actualizacion="2026-05-31",
    mediciones=[
        ("c1-m1", "2026-05-31", "5"),
        ("c2-m1", "2026-05-31", "64"),
        ("c2-m2", "2026-05-31", "1"),
        ("c3-m2", "2026-04-30", "8640"),
        ("c4-m1", "2026-05-24", "63"),
    ],
    fecha_meta_c1_m1="2027-02-26",
    # La sesión que aprobó m1–m3 (y los valores que trajo), el segundo reporte y la de noviembre.
    posteriores=(
        "2026-06-08",
        "2026-06-16",
        "2026-06-19",
        "2026-10-31",
        "2026-10-25",
        "2026-11-09",
        "2026-11-13",
        "2027-04-30",
    ),
)

# Después del último reporte (2026-10-31) y de su sesión (2026-11-09); m1–m3 ya rigen.
TRAS_EL_ULTIMO_REPORTE = Corte(
    fecha="2026-11-15",
    actividades={
        "c1-a1": (100, 100, "completada"),
        "c1-a2": (100, 100, "completada"),
        "c1-a3": (60, 259 / 425 * 100, "en_tiempo"),  # con el fin reprogramado: 60.94
        "c1-a4": (0, 0, "por_iniciar"),  # empieza el 2026-11-16
        "c2-a1": (100, 100, "completada"),
        "c2-a2": (100, 100, "completada"),
        "c2-a3": (50, 228 / 364 * 100, "atrasada"),  # 62.64: 50 < 52.64
        "c2-a4": (0, 0, "retirada"),  # lo último reportado (2026-05-31): no_iniciada, 0
        "c3-a1": (100, 100, "completada"),
        "c3-a2": (100, 100, "completada"),
        "c3-a3": (45, 153 / 350 * 100, "en_tiempo"),  # 43.71
        "c3-a4": (100, 100, "completada"),
        "c4-a1": (100, 100, "completada"),
        "c4-a2": (100, 100, "completada"),
        "c4-a3": (70, 167 / 197 * 100, "atrasada"),  # 84.77: 70 < 74.77
        "c4-a4": (0, 0, "por_iniciar"),
    },
    compromisos={
        # (100+100+60+0)/4 = 65 frente a (100+100+60.94+0)/4 = 65.24.
        "c1": (65, (200 + 259 / 425 * 100) / 4, "en_tiempo"),
        # Sin c2-a4: (100+100+50)/3 = 83.33 frente a (100+100+62.64)/3 = 87.55.
        "c2": (250 / 3, (200 + 228 / 364 * 100) / 3, "en_tiempo"),
        # (100+100+45+100)/4 = 86.25 frente a (100+100+43.71+100)/4 = 85.93.
        "c3": (86.25, (300 + 153 / 350 * 100) / 4, "en_tiempo"),
        # (100+100+70+0)/4 = 67.5 frente a (100+100+84.77+0)/4 = 71.19.
        "c4": (67.5, (200 + 167 / 197 * 100) / 4, "en_tiempo"),
    },
    # (65+83.33+86.25+67.5)/4 = 75.52 frente a (65.24+87.55+85.93+71.19)/4 = 77.48.
    plan="▰▰▰▰▰▰▰▰▱▱ 75.5 % reportado (en proceso) frente a 77.5 % esperado: en tiempo",
    avance_plan=75.52,
    ultima_actualizacion="2026-11-09",
    mediciones=[
        ("c1-m1", "2026-05-31", "5"),
        ("c1-m1", "2026-10-31", "12"),
        ("c2-m1", "2026-05-31", "64"),
        ("c2-m1", "2026-10-31", "91"),
        ("c2-m2", "2026-05-31", "1"),
        ("c2-m2", "2026-10-31", "5"),
        ("c3-m1", "2026-10-31", "9"),
        ("c3-m2", "2026-04-30", "8640"),
        ("c4-m1", "2026-05-24", "63"),
        ("c4-m1", "2026-10-25", "68"),
    ],
    fecha_meta_c1_m1="2027-04-30",  # m2
    posteriores=(),
)

# Después del fin del plan (2027-08-31): todo esperado en 100 y lo no terminado, vencido.
TRAS_EL_FIN = Corte(
    fecha="2027-10-01",
    actividades={
        **_todas(100, 100, "completada"),
        "c1-a3": (60, 100, "vencida"),
        "c1-a4": (0, 100, "vencida"),
        "c2-a3": (50, 100, "vencida"),
        "c2-a4": (0, 100, "retirada"),
        "c3-a3": (45, 100, "vencida"),
        "c4-a3": (70, 100, "vencida"),
        "c4-a4": (0, 100, "vencida"),
    },
    compromisos={
        "c1": (65, 100, "vencida"),
        "c2": (250 / 3, 100, "vencida"),
        "c3": (86.25, 100, "vencida"),
        "c4": (67.5, 100, "vencida"),
    },
    plan="▰▰▰▰▰▰▰▰▱▱ 75.5 % reportado (en proceso) frente a 100 % esperado: plazo vencido",
    avance_plan=75.52,
    ultima_actualizacion="2026-11-09",
    mediciones=TRAS_EL_ULTIMO_REPORTE.mediciones,
    fecha_meta_c1_m1="2027-04-30",
    posteriores=(),
)

CORTES = (ANTES_DEL_PLAN, A_MITAD, TRAS_EL_PRIMER_REPORTE, TRAS_EL_ULTIMO_REPORTE, TRAS_EL_FIN)


@pytest.fixture(scope="module")
def publicados(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Cada corte publicado una vez con el comando instalado."""
    salidas = {}
    for corte in CORTES:
        salida = tmp_path_factory.mktemp(f"corte-{corte.fecha}")
        resultado = correr_caja_ga(
            "reporte", str(MONTERREY), "--salida", str(salida), "--fecha-corte", corte.fecha,
            "--forzar",
        )  # fmt: skip
        assert resultado.returncode in (0, 1), resultado.stdout + resultado.stderr
        salidas[corte.fecha] = salida
    return salidas


def _filas(salida: Path, nombre: str) -> list[dict[str, str]]:
    with (salida / "datos" / nombre).open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))


def _cifras(fila: dict[str, str]) -> tuple[float, float, str]:
    return float(fila["avance"]), float(fila["avance_esperado"]), fila["estado_calendario"]


def _igual(publicado: Cifras, esperado: Cifras) -> bool:
    # Los datos abiertos publican el esperado con dos decimales.
    return (
        publicado[0] == pytest.approx(esperado[0], abs=0.005)
        and publicado[1] == pytest.approx(esperado[1], abs=0.005)
        and publicado[2] == esperado[2]
    )


@pytest.mark.parametrize("corte", CORTES, ids=lambda c: c.fecha)
def test_actividades_y_compromisos(corte: Corte, publicados: dict[str, Path]) -> None:
    salida = publicados[corte.fecha]
    actividades = {f["actividad"]: _cifras(f) for f in _filas(salida, "actividades.csv")}
    compromisos = {f["compromiso"]: _cifras(f) for f in _filas(salida, "compromisos.csv")}
    assert actividades.keys() == corte.actividades.keys()
    distintas = {
        a: (actividades[a], esperado)
        for a, esperado in corte.actividades.items()
        if not _igual(actividades[a], esperado)
    }
    assert distintas == {}
    assert compromisos.keys() == corte.compromisos.keys()
    distintos = {
        c: (compromisos[c], esperado)
        for c, esperado in corte.compromisos.items()
        if not _igual(compromisos[c], esperado)
    }
    assert distintos == {}


@pytest.mark.parametrize("corte", CORTES, ids=lambda c: c.fecha)
def test_fechas_vigentes_y_retiro(corte: Corte, publicados: dict[str, Path]) -> None:
    """La reprogramada y la retirada: fecha vigente y original, y la marca de retiro."""
    filas = {f["actividad"]: f for f in _filas(publicados[corte.fecha], "actividades.csv")}
    rigen = corte.fecha >= "2026-06-08"
    c1_a3, c2_a4 = filas["c1-a3"], filas["c2-a4"]
    assert (c1_a3["fin"], c1_a3["fin_original"]) == (
        "2027-04-30" if rigen else "2027-02-26",
        "2027-02-26",
    )
    assert c2_a4["retirada"] == ("si" if rigen else "no")


@pytest.mark.parametrize("corte", CORTES, ids=lambda c: c.fecha)
def test_plan_y_proceso(corte: Corte, publicados: dict[str, Path]) -> None:
    salida = publicados[corte.fecha]
    markdown = (salida / "monterrey-2024-2027" / "reporte.md").read_text(encoding="utf-8")
    assert f"| Avance general del plan | {corte.plan} |" in markdown
    (proceso,) = json.loads((salida / "datos" / "procesos.json").read_text(encoding="utf-8"))
    assert proceso["avance"] == pytest.approx(corte.avance_plan, abs=0.005)
    assert proceso["ultima_actualizacion"] == corte.ultima_actualizacion


@pytest.mark.parametrize("corte", CORTES, ids=lambda c: c.fecha)
def test_indicadores(corte: Corte, publicados: dict[str, Path]) -> None:
    salida = publicados[corte.fecha]
    mediciones = [(f["meta"], f["fecha"], f["valor"]) for f in _filas(salida, "mediciones.csv")]
    assert mediciones == corte.mediciones
    # El último valor de cada meta es el de su medición más reciente; sin mediciones, vacío.
    ultimos: dict[str, tuple[str, str, str]] = {}
    for meta, fecha, valor in corte.mediciones:
        cuantas = int(ultimos.get(meta, ("", "", "0"))[2]) + 1
        ultimos[meta] = (valor, fecha, str(cuantas))
    metas = {
        f["meta"]: (f["ultimo_valor"], f["fecha_ultimo_valor"], f["mediciones"])
        for f in _filas(salida, "metas.csv")
    }
    metas_esperadas = {
        f"c{c}-m{m}": ultimos.get(f"c{c}-m{m}", ("", "", "0")) for c in range(1, 5) for m in (1, 2)
    }
    assert metas == metas_esperadas
    fechas_meta = {f["meta"]: f["fecha_meta"] for f in _filas(salida, "metas.csv")}
    assert fechas_meta["c1-m1"] == corte.fecha_meta_c1_m1


def _larga(iso: str) -> str:
    fecha = date.fromisoformat(iso)
    return f"{fecha.day} de {MESES[fecha.month - 1]} de {fecha.year}"


def test_las_fechas_buscadas_solo_estan_en_registros_fechados() -> None:
    """Control de la búsqueda: ninguna fecha buscada está en el plan ni en los archivos sin
    fecha, donde aparecería legítimamente en cualquier corte, salvo en los ids de las sesiones y
    los reportes que citan (plan.yaml: aprobado_en; agenda2030.yaml: referencias) y en las
    modificaciones del plan, que tienen su propia fecha."""
    sin_fecha = ("plan.yaml", "proceso.yaml", "espacio.yaml", "nucleo.yaml", "agenda2030.yaml")
    ids = [r.stem for c in ("sesiones", "seguimiento") for r in (MONTERREY / c).iterdir()]
    buscadas = {f for corte in CORTES for f in corte.posteriores}
    for nombre in sin_fecha:
        texto = (MONTERREY / nombre).read_text(encoding="utf-8").split("\nmodificaciones:")[0]
        for id_registro in ids:
            texto = texto.replace(id_registro, "")
        assert [f for f in buscadas if f in texto or _larga(f) in texto] == [], nombre


@pytest.mark.parametrize("corte", [c for c in CORTES if c.posteriores], ids=lambda c: c.fecha)
def test_nada_posterior_al_corte_en_ninguna_salida(
    corte: Corte, publicados: dict[str, Path]
) -> None:
    buscadas = [*corte.posteriores]
    buscadas += [_larga(f) for f in corte.posteriores if f not in corte.solo_iso]
    assert _encontradas(publicados[corte.fecha], buscadas) == set()


# La referencia de reglas se publica con el sitio, pero no sale de los datos del proceso: sus
# ejemplos traen fechas inventadas que pueden coincidir con las buscadas.
_SIN_DATOS_DEL_PROCESO = frozenset({"reglas.html"})


def _encontradas(salida: Path, buscadas: list[str]) -> set[tuple[str, str]]:
    """(archivo, texto) de cada texto buscado que aparece en algún archivo publicado."""
    return {
        (str(archivo.relative_to(salida)), texto)
        for archivo in salida.rglob("*")
        if archivo.is_file() and archivo.name not in _SIN_DATOS_DEL_PROCESO
        for texto in buscadas
        if texto in archivo.read_text(encoding="utf-8")
    }


# --- Puebla: la reprogramación (c1-a4) y el retiro (c3-a4) del 2026-04-13 -----------------------

PUEBLA = EJEMPLOS / "puebla-2024-2027"


@pytest.mark.parametrize(
    ("corte", "actividades", "compromisos", "plan", "ultimos"),
    [
        (
            # Primer reporte (2026-04-10), tres días antes de la sesión que aprobó m1–m3.
            "2026-04-10",
            {
                # c1-a4 2026-01-12 a 2026-07-31: 88 de 200 días, 44; 30 < 34.
                "c1-a4": (30, 88 / 200 * 100, "atrasada", "2026-07-31", "no"),
                # c3-a4 2026-01-15 a 2026-06-30: 85 de 166 días, 51.20; 20 < 41.20.
                "c3-a4": (20, 85 / 166 * 100, "atrasada", "2026-06-30", "no"),
            },
            {
                # (100+100+55+30)/4 = 71.25 frente a (100 + 100 + 191/334 + 88/200)/4 = 75.30.
                "c1": (71.25, (200 + 191 / 334 * 100 + 88 / 200 * 100) / 4, "en_tiempo"),
                # (100+50+45+20)/4 = 53.75 frente a (100 + 191/334 + 177/350 + 85/166)/4 = 64.74:
                # 53.75 < 54.74.
                "c3": (
                    53.75,
                    (100 + 191 / 334 * 100 + 177 / 350 * 100 + 85 / 166 * 100) / 4,
                    "atrasada",
                ),
            },
            # c2: (100+60+70+0)/4 = 57.5; el plan, (71.25 + 57.5 + 53.75)/3 = 60.83.
            (71.25 + 57.5 + 53.75) / 3,
            {
                "c1-m1": ("15", "2025-12-15", "1"),
                "c1-m2": ("4", "2026-04-10", "1"),
                "c2-m1": ("78", "2026-04-10", "1"),
                "c2-m2": ("12", "2026-04-10", "1"),
                "c3-m1": ("2", "2026-04-10", "1"),
                "c3-m2": ("45", "2026-04-10", "1"),
            },
        ),
        (
            # Después de la evaluación (2026-10-30): todo completado y c3-a4 fuera del promedio.
            "2026-11-15",
            {
                "c1-a4": (100, 100, "completada", "2026-08-31", "no"),
                "c3-a4": (20, 100, "retirada", "2026-06-30", "si"),
            },
            {"c1": (100, 100, "completada"), "c3": (100, 100, "completada")},
            100,
            {
                "c1-m1": ("15", "2026-10-30", "2"),
                "c1-m2": ("12", "2026-10-30", "2"),
                "c2-m1": ("100", "2026-10-30", "2"),
                "c2-m2": ("17", "2026-10-30", "2"),
                "c3-m1": ("4", "2026-10-30", "2"),
                "c3-m2": ("100", "2026-10-30", "2"),
            },
        ),
    ],
)
def test_puebla_a_dos_cortes(
    corte: str,
    actividades: dict[str, tuple[float, float, str, str, str]],
    compromisos: dict[str, Cifras],
    plan: float,
    ultimos: dict[str, tuple[str, str, str]],
    tmp_path: Path,
) -> None:
    resultado = correr_caja_ga(
        "reporte", str(PUEBLA), "--salida", str(tmp_path), "--fecha-corte", corte, "--forzar"
    )
    assert resultado.returncode in (0, 1), resultado.stdout + resultado.stderr
    filas = {f["actividad"]: f for f in _filas(tmp_path, "actividades.csv")}
    for actividad, (avance, esperado, estado, fin, retirada) in actividades.items():
        fila = filas[actividad]
        assert _igual(_cifras(fila), (avance, esperado, estado)), (actividad, fila)
        assert (fila["fin"], fila["retirada"]) == (fin, retirada)
    publicados = {f["compromiso"]: _cifras(f) for f in _filas(tmp_path, "compromisos.csv")}
    for compromiso, cifras in compromisos.items():
        assert _igual(publicados[compromiso], cifras), compromiso
    (proceso,) = json.loads((tmp_path / "datos" / "procesos.json").read_text(encoding="utf-8"))
    assert proceso["avance"] == pytest.approx(plan, abs=0.005)
    metas = {
        f["meta"]: (f["ultimo_valor"], f["fecha_ultimo_valor"], f["mediciones"])
        for f in _filas(tmp_path, "metas.csv")
    }
    assert metas == ultimos
    if corte == "2026-04-10":
        # La sesión del 2026-04-13 (y su minuta del 21), la de cierre (5 de octubre; minuta del 13).
        buscadas = ["2026-04-13", "2026-04-21", "2026-10-05", "2026-10-13"]
        buscadas += [_larga(f) for f in buscadas]
        assert _encontradas(tmp_path, buscadas) == set()
