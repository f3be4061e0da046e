"""`caja-ga nuevo sesion|seguimiento|compromiso` de punta a punta, con el CliRunner de typer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.test_cli import CORTE, _invocar

COMANDO = Path(sys.executable).parent / "caja-ga"
COMENTARIO = "# Comentario de la persona enlace: revisar con el EDT.\n"
INTEGRANTES_EDT = ["gob-1", "ag-1", "sc-1"]


def _leer(ruta: Path) -> Any:
    return yaml.safe_load(ruta.read_text(encoding="utf-8"))


def _valida_sin_errores() -> None:
    codigo, salida = _invocar("validar", "zapopan", *CORTE)
    assert codigo == 0, salida


# --- sesion ----------------------------------------------------------------------------------


def test_sesion_con_los_integrantes_del_edt(proceso: Path) -> None:
    codigo, salida = _invocar("nuevo", "sesion", "zapopan", "--fecha", "2026-05-14")
    assert codigo == 0, salida
    ruta = proceso / "sesiones" / "2026-05-14-ordinaria.yaml"
    assert "zapopan/sesiones/2026-05-14-ordinaria.yaml" in salida
    assert "minuta" in salida
    datos = _leer(ruta)
    assert datos["version"] == 1
    assert datos["organo"] == "edt"
    assert datos["tipo"] == "ordinaria"
    assert str(datos["fecha"]) == "2026-05-14"
    assert datos["modalidad"] is None
    assert datos["asistentes"] == INTEGRANTES_EDT
    assert datos["orden_del_dia"] == []
    assert datos["acuerdos"] == []
    assert datos["minuta"] == {"url": None, "fecha_publicacion": None}
    texto = ruta.read_text(encoding="utf-8")
    assert "- gob-1  # Laura Méndez Ríos\n" in texto
    assert "15 días" in texto
    assert "#   - id: a1" in texto
    _valida_sin_errores()


def test_sesion_del_nucleo(proceso: Path) -> None:
    codigo, salida = _invocar(
        "nuevo",
        "sesion",
        "zapopan",
        "--fecha",
        "2026-05-14",
        "--organo",
        "nucleo",
        "--tipo",
        "extraordinaria",
    )
    assert codigo == 0, salida
    datos = _leer(proceso / "sesiones" / "2026-05-14-extraordinaria.yaml")
    assert (datos["organo"], datos["tipo"]) == ("nucleo", "extraordinaria")
    assert datos["asistentes"] == ["osc-1", "col-1", "aca-1"]
    _valida_sin_errores()


def test_segunda_sesion_del_mismo_dia_no_sobrescribe(proceso: Path) -> None:
    assert _invocar("nuevo", "sesion", "zapopan", "--fecha", "2026-05-14")[0] == 0
    primera = proceso / "sesiones" / "2026-05-14-ordinaria.yaml"
    primera.write_text(
        primera.read_text(encoding="utf-8").replace("modalidad:", "modalidad: virtual"),
        encoding="utf-8",
    )
    antes = primera.read_bytes()
    codigo, salida = _invocar("nuevo", "sesion", "zapopan", "--fecha", "2026-05-14")
    assert codigo == 0, salida
    assert "2026-05-14-ordinaria-2.yaml" in salida
    assert primera.read_bytes() == antes
    assert _leer(proceso / "sesiones" / "2026-05-14-ordinaria-2.yaml")["asistentes"] == (
        INTEGRANTES_EDT
    )
    _valida_sin_errores()


def test_fecha_invalida_es_error_de_uso(proceso: Path) -> None:
    codigo, salida = _invocar("nuevo", "sesion", "zapopan", "--fecha", "14/05/2026")
    assert codigo == 2
    assert "AAAA-MM-DD" in salida
    assert not (proceso / "sesiones" / "14/05/2026-ordinaria.yaml").exists()


# --- seguimiento -----------------------------------------------------------------------------


def test_seguimiento_lista_cada_actividad_con_su_ultimo_avance(proceso: Path) -> None:
    codigo, salida = _invocar("nuevo", "seguimiento", "zapopan", *CORTE)
    assert codigo == 0, salida
    ruta = proceso / "seguimiento" / "2026-06-30.yaml"
    assert "zapopan/seguimiento/2026-06-30.yaml" in salida
    datos = _leer(ruta)
    assert str(datos["fecha_corte"]) == "2026-06-30"
    assert datos["revisado_en"] is None
    assert datos["actividades"] == [
        {
            "id": "c1-a1",
            "estado": "completada",
            "avance": 100,
            "observaciones": None,
            "evidencias": [
                {
                    "descripcion": "Minuta con la ficha aprobada",
                    "url": "https://www.zapopan.gob.mx/ga/minuta-2025-08-20.pdf",
                }
            ],
        },
        {
            "id": "c1-a2",
            "estado": "en_proceso",
            "avance": 40,
            "evidencias": [],
            "observaciones": None,
        },
    ]
    texto = ruta.read_text(encoding="utf-8")
    assert "# Publicar las fichas de todas las obras. (del 2025-09-01 al 2027-03-31)" in texto
    assert "# c1 · Obra pública abierta" in texto
    _valida_sin_errores()


def test_seguimiento_sin_reporte_previo_empieza_en_cero(proceso: Path) -> None:
    codigo, salida = _invocar("nuevo", "seguimiento", "zapopan", "--fecha-corte", "2026-01-31")
    assert codigo == 0, salida
    actividades = _leer(proceso / "seguimiento" / "2026-01-31.yaml")["actividades"]
    assert [(a["id"], a["estado"], a["avance"]) for a in actividades] == [
        ("c1-a1", "no_iniciada", 0),
        ("c1-a2", "no_iniciada", 0),
    ]


def test_seguimiento_omite_las_actividades_canceladas(proceso: Path) -> None:
    previo = proceso / "seguimiento" / "2026-03-31.yaml"
    previo.write_text(
        previo.read_text(encoding="utf-8").replace(
            "estado: en_proceso\n    avance: 40", "estado: cancelada\n    avance: 0"
        ),
        encoding="utf-8",
    )
    assert _invocar("nuevo", "seguimiento", "zapopan", *CORTE)[0] == 0
    actividades = _leer(proceso / "seguimiento" / "2026-06-30.yaml")["actividades"]
    assert [a["id"] for a in actividades] == ["c1-a1"]


def test_seguimiento_no_toca_un_reporte_existente(proceso: Path) -> None:
    existente = proceso / "seguimiento" / "2026-03-31.yaml"
    antes = existente.read_bytes()
    codigo, salida = _invocar("nuevo", "seguimiento", "zapopan", "--fecha-corte", "2026-03-31")
    assert codigo == 2
    assert "Ya hay un reporte con fecha de corte 2026-03-31" in salida
    assert existente.read_bytes() == antes


@pytest.mark.parametrize("plan", ["", "version: 1\ncompromisos: {c1: 2}\n"])
def test_seguimiento_sin_plan_valido_es_error_de_uso(proceso: Path, plan: str) -> None:
    if plan:
        (proceso / "plan.yaml").write_text(plan, encoding="utf-8")
    else:
        (proceso / "plan.yaml").unlink()
    codigo, salida = _invocar("nuevo", "seguimiento", "zapopan", *CORTE)
    assert codigo == 2
    assert "plan.yaml" in salida
    assert not (proceso / "seguimiento" / "2026-06-30.yaml").exists()


# --- compromiso ------------------------------------------------------------------------------


def test_compromiso_se_agrega_sin_tocar_lo_demas(proceso: Path) -> None:
    ruta = proceso / "plan.yaml"
    original = ruta.read_text(encoding="utf-8").replace(
        "compromisos:\n", COMENTARIO + "compromisos:  # de 3 a 5\n"
    )
    ruta.write_text(original, encoding="utf-8")
    archivos = sorted(proceso.iterdir())
    codigo, salida = _invocar("nuevo", "compromiso", "zapopan", "--titulo", "Compras abiertas")
    assert codigo == 0, salida
    assert "«c2»" in salida
    assert sorted(proceso.iterdir()) == archivos  # sin archivos temporales olvidados
    nuevo = ruta.read_text(encoding="utf-8")
    insercion = nuevo.index("  - id: c2")
    corte = original.index("seguimiento:\n")
    assert nuevo[:insercion] == original[:corte]
    assert nuevo.endswith(original[corte:])
    assert COMENTARIO + "compromisos:  # de 3 a 5\n" in nuevo
    compromisos = _leer(ruta)["compromisos"]
    assert [c["id"] for c in compromisos] == ["c1", "c2"]
    c2 = compromisos[1]
    assert c2["titulo"] == "Compras abiertas"
    assert list(c2) == [
        "id",
        "titulo",
        "problema_publico",
        "objetivo",
        "solucion",
        "resultados_esperados",
        "metas",
        "actividades",
        "responsables",
        "valores",
        "ods",
        "pmd",
        "presupuesto_mxn",
        "potencial",
        "evaluacion",
    ]
    assert [m["id"] for m in c2["metas"]] == ["c2-m1"]
    assert c2["metas"][0]["indicador"] == dict.fromkeys(
        ["nombre", "unidad", "linea_base", "valor_meta", "fecha_meta"]
    )
    assert [a["id"] for a in c2["actividades"]] == ["c2-a1"]
    assert (c2["valores"], c2["ods"], c2["pmd"]) == ([], [], [])
    assert c2["evaluacion"] == {"metodo": None, "fecha": None, "responsable": None}
    _solo_problemas_del_compromiso_nuevo(proceso, nuevo[:insercion].count("\n") + 1)


def _solo_problemas_del_compromiso_nuevo(proceso: Path, linea: int) -> None:
    """Un compromiso vacío es incompleto, pero la estructura del archivo sigue siendo válida."""
    proceso_yaml = proceso / "proceso.yaml"
    proceso_yaml.write_text(
        proceso_yaml.read_text(encoding="utf-8").replace("fase: implementacion", "fase: plan"),
        encoding="utf-8",
    )
    _, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    problemas = json.loads(salida)["problemas"]
    assert problemas
    assert not {p["codigo"] for p in problemas} & {"GA001", "GA004", "GA006"}
    for problema in problemas:
        if problema["archivo"] == "zapopan/plan.yaml":
            assert problema["linea"] >= linea, problema
        elif problema["archivo"] == "zapopan/proceso.yaml":  # fase plan con el plan ya empezado
            assert problema["codigo"] == "GA104", problema
        else:  # la lista O1–O9 declara «si» y el compromiso nuevo aún no lo cumple
            assert problema["codigo"] == "GA503" and "c2" in problema["mensaje"], problema


def test_compromiso_con_id_libre(proceso: Path) -> None:
    ruta = proceso / "plan.yaml"
    texto = ruta.read_text(encoding="utf-8").replace("c1", "c4")
    ruta.write_text(texto.replace("- id: c4-a2", "- id: c5-a1"), encoding="utf-8")
    codigo, salida = _invocar("nuevo", "compromiso", "zapopan")
    assert codigo == 0, salida
    compromisos = _leer(ruta)["compromisos"]
    assert [c["id"] for c in compromisos] == ["c4", "c6"]
    assert compromisos[1]["titulo"] is None


def test_compromiso_en_un_plan_sin_compromisos(proceso: Path) -> None:
    ruta = proceso / "plan.yaml"
    ruta.write_text(
        "version: 1\n# El plan, aún vacío.\nperiodo:\n    inicio: null  # después\n"
        "    fin: null\ncompromisos: []\nseguimiento:\n    periodicidad_dias: 90\n",
        encoding="utf-8",
    )
    codigo, salida = _invocar("nuevo", "compromiso", "zapopan")
    assert codigo == 0, salida
    nuevo = ruta.read_text(encoding="utf-8")
    assert nuevo.startswith(
        "version: 1\n# El plan, aún vacío.\nperiodo:\n    inicio: null  "
        "# después\n    fin: null\ncompromisos:\n  - id: c1"
    )
    assert nuevo.endswith("      responsable:\nseguimiento:\n    periodicidad_dias: 90\n")
    assert "\n        descripcion:\n" in nuevo  # la sangría de mapeos del archivo: 4
    assert [c["id"] for c in _leer(ruta)["compromisos"]] == ["c1"]


def test_compromiso_sin_plan_es_error_de_uso(proceso: Path) -> None:
    (proceso / "plan.yaml").unlink()
    codigo, salida = _invocar("nuevo", "compromiso", "zapopan")
    assert codigo == 2
    assert "plan.yaml no existe" in salida


# --- comunes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("comando", [["sesion"], ["seguimiento", *CORTE], ["compromiso"]])
def test_solo_en_una_carpeta_de_proceso(proceso: Path, comando: list[str]) -> None:
    (proceso / "sesiones").rename(proceso.parent / "otra")
    codigo, salida = _invocar("nuevo", comando[0], "otra", *comando[1:])
    assert codigo == 2
    assert "«otra» no es una carpeta de proceso" in salida
    assert "Traceback" not in salida


def test_comando_instalado(proceso: Path) -> None:
    resultado = subprocess.run(
        [
            str(COMANDO),
            "nuevo",
            "sesion",
            "zapopan",
            "--fecha",
            "2026-05-14",
            "--tipo",
            "extraordinaria",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert resultado.returncode == 0, resultado.stderr
    assert "zapopan/sesiones/2026-05-14-extraordinaria.yaml" in resultado.stdout
    validar = subprocess.run(
        [str(COMANDO), "validar", "zapopan", *CORTE],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert validar.returncode == 0, validar.stdout


def test_compromiso_en_un_plan_ilegible_no_lo_toca(proceso: Path) -> None:
    ruta = proceso / "plan.yaml"
    ruta.write_bytes(b"version: 1\ncompromisos:\n  - id: c1\n    titulo: \xe9xito\n")
    codigo, salida = _invocar("nuevo", "compromiso", "zapopan")
    assert codigo == 2
    assert "UTF-8" in salida
    ruta.write_text("version: 1\ncompromisos: [\n", encoding="utf-8")
    codigo, salida = _invocar("nuevo", "compromiso", "zapopan")
    assert codigo == 2
    assert salida.startswith("Error: zapopan/plan.yaml:3:1: ")
    assert ruta.read_text(encoding="utf-8") == "version: 1\ncompromisos: [\n"


# --- textos raros y política de escritura ----------------------------------------------------


def _reemplazar(ruta: Path, viejo: str, nuevo: str) -> None:
    texto = ruta.read_text(encoding="utf-8")
    assert viejo in texto
    ruta.write_text(texto.replace(viejo, nuevo), encoding="utf-8")


def test_sesion_con_caracteres_de_control_en_los_nombres(proceso: Path) -> None:
    """Un nombre copiado con DEL o NEL (escritos en espacio.yaml como escapes entre comillas) no
    produce una sesión ilegible: en el comentario quedan como escape o como espacio."""
    espacio = proceso / "espacio.yaml"
    _reemplazar(espacio, "nombre: Laura Méndez Ríos", 'nombre: "Laura\\x7fMéndez"')
    _reemplazar(espacio, "nombre: Pedro Salas Núñez", 'nombre: "Pedro\\x85Salas: x"')
    codigo, salida = _invocar("nuevo", "sesion", "zapopan", "--fecha", "2026-05-14")
    assert codigo == 0, salida
    texto = (proceso / "sesiones" / "2026-05-14-ordinaria.yaml").read_text(encoding="utf-8")
    assert (
        "asistentes:\n"
        "  - gob-1  # Laura\\x7fMéndez\n"
        "  - ag-1  # Pedro Salas: x\n"
        "  - sc-1  # Ana Torres Gil\n"
        "# Personas"
    ) in texto
    assert _leer(proceso / "sesiones" / "2026-05-14-ordinaria.yaml")["asistentes"] == (
        INTEGRANTES_EDT
    )
    _valida_sin_errores()


def test_seguimiento_copia_evidencias_con_caracteres_de_control(proceso: Path) -> None:
    previo = proceso / "seguimiento" / "2026-03-31.yaml"
    _reemplazar(
        previo,
        "- descripcion: Minuta con la ficha aprobada",
        '- descripcion: "Minuta\\x85con\\x7fficha\\u2028aprobada"',
    )
    codigo, salida = _invocar("nuevo", "seguimiento", "zapopan", *CORTE)
    assert codigo == 0, salida
    ruta = proceso / "seguimiento" / "2026-06-30.yaml"
    assert '- descripcion: "Minuta\\x85con\\x7fficha\\u2028aprobada"\n' in ruta.read_text(
        encoding="utf-8"
    )
    evidencias = _leer(ruta)["actividades"][0]["evidencias"]
    assert evidencias == [
        {
            "descripcion": "Minuta\x85con\x7fficha\u2028aprobada",
            "url": "https://www.zapopan.gob.mx/ga/minuta-2025-08-20.pdf",
        }
    ]
    _valida_sin_errores()


def test_seguimiento_no_sobrescribe_un_archivo_que_no_es_reporte(proceso: Path) -> None:
    """El archivo de esa fecha existe pero no se puede leer como reporte: no se toca."""
    ruta = proceso / "seguimiento" / "2026-06-30.yaml"
    ruta.write_text("notas sueltas del enlace\n", encoding="utf-8")
    archivos = sorted((proceso / "seguimiento").iterdir())
    codigo, salida = _invocar("nuevo", "seguimiento", "zapopan", *CORTE)
    assert codigo == 2
    assert "zapopan/seguimiento/2026-06-30.yaml ya existe" in salida
    assert ruta.read_text(encoding="utf-8") == "notas sueltas del enlace\n"
    assert sorted((proceso / "seguimiento").iterdir()) == archivos


@pytest.mark.parametrize(
    ("comando", "carpeta", "escrito"),
    [
        (["sesion", "--fecha", "2026-05-14"], "sesiones", "2026-05-14-ordinaria.yaml"),
        (["seguimiento", *CORTE], "seguimiento", "2026-06-30.yaml"),
        (["compromiso"], ".", "plan.yaml"),
    ],
)
def test_escritura_atomica(
    proceso: Path, monkeypatch: pytest.MonkeyPatch, comando: list[str], carpeta: str, escrito: str
) -> None:
    """Si la escritura falla en el último paso (el reemplazo del temporal), no queda ni un
    archivo a medias ni el temporal; y, cuando no falla, tampoco queda el temporal."""
    destino = proceso / carpeta
    antes = {ruta.name: ruta.read_bytes() for ruta in destino.iterdir() if ruta.is_file()}

    def fallar(self: Path, target: Path) -> Path:
        raise OSError("disco lleno")

    with monkeypatch.context() as parche:
        parche.setattr(Path, "replace", fallar)
        codigo, salida = _invocar("nuevo", comando[0], "zapopan", *comando[1:])
    assert codigo == 2
    assert "disco lleno" in salida
    assert {ruta.name: ruta.read_bytes() for ruta in destino.iterdir() if ruta.is_file()} == antes
    codigo, salida = _invocar("nuevo", comando[0], "zapopan", *comando[1:])
    assert codigo == 0, salida
    assert {ruta.name for ruta in destino.iterdir() if ruta.is_file()} == {*antes, escrito}
