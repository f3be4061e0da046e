"""`caja-ga validar` y `caja-ga reglas` de punta a punta, con el CliRunner de typer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caja_ga.cli import app
from tests.conftest import comprobar_salida

runner = CliRunner()
CORTE = ["--fecha-corte", "2026-06-30"]


def _invocar(*args: str) -> tuple[int, str]:
    resultado = runner.invoke(app, list(args))
    comprobar_salida(resultado)
    return resultado.exit_code, resultado.output


def _romper_plan(proceso: Path) -> None:
    plan = proceso / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "        responsables: [Dirección de Innovación]\n", ""
        ),
        encoding="utf-8",
    )


def test_version() -> None:
    codigo, salida = _invocar("--version")
    assert codigo == 0
    assert salida.startswith("caja-ga ")


def test_proceso_sin_problemas_sale_con_cero(proceso: Path) -> None:
    codigo, salida = _invocar("validar", "zapopan", *CORTE)
    assert codigo == 0, salida
    assert "1 proceso, 12 archivos: sin problemas." in salida


def test_un_error_sale_con_uno_y_dice_donde(proceso: Path) -> None:
    _romper_plan(proceso)
    codigo, salida = _invocar("validar", "zapopan", *CORTE)
    assert codigo == 1
    assert "Proceso zapopan (" in salida
    assert "\n  plan.yaml (" in salida
    assert "GA302" in salida
    assert "fase actual: implementacion" in salida


def test_json_tiene_la_forma_del_formato(proceso: Path) -> None:
    _romper_plan(proceso)
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert codigo == 1
    datos = json.loads(salida)
    assert set(datos) == {"version", "config", "resumen", "problemas"}
    assert datos["config"] is None
    # Sin responsables, la actividad también contradice el «si» declarado para O7 (GA503).
    assert datos["resumen"] == {"procesos": 1, "archivos": 12, "errores": 1, "avisos": 1}
    problema = next(p for p in datos["problemas"] if p["codigo"] == "GA302")
    assert problema == {
        "archivo": "zapopan/plan.yaml",
        "linea": 37,
        "columna": 9,
        "codigo": "GA302",
        "severidad": "error",
        "mensaje": problema["mensaje"],
    }
    assert "«c1-a2»" in problema["mensaje"]


def test_archivo_faltante_no_tiene_linea(proceso: Path) -> None:
    (proceso / "agenda2030.yaml").unlink()
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert codigo == 1
    faltante = [p for p in json.loads(salida)["problemas"] if p["codigo"] == "GA007"]
    assert faltante == [
        {
            "archivo": "zapopan/agenda2030.yaml",
            "linea": None,
            "columna": None,
            "codigo": "GA007",
            "severidad": "error",
            "mensaje": faltante[0]["mensaje"],
        }
    ]


def test_problemas_ordenados(proceso: Path) -> None:
    _romper_plan(proceso)
    (proceso / "nucleo.yaml").write_text("version: 1\nintegrantes: {}\n", encoding="utf-8")
    _, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    problemas = json.loads(salida)["problemas"]
    claves = [(p["archivo"], p["linea"] or 0, p["columna"] or 0, p["codigo"]) for p in problemas]
    assert claves == sorted(claves)
    assert len(problemas) >= 2


def test_ruta_inexistente_es_error_de_uso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    codigo, salida = _invocar("validar", "no-existe")
    assert codigo == 2
    assert "La ruta «no-existe» no existe." in salida
    assert "Traceback" not in salida


def test_carpeta_sin_procesos_es_error_de_uso(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vacia").mkdir()
    codigo, salida = _invocar("validar", "vacia")
    assert codigo == 2
    assert "proceso.yaml" in salida


def test_fecha_corte_invalida(proceso: Path) -> None:
    codigo, salida = _invocar("validar", "zapopan", "--fecha-corte", "30/06/2026")
    assert codigo == 2
    assert "AAAA-MM-DD" in salida


def test_estricto_hace_fallar_los_avisos(proceso: Path) -> None:
    texto = (proceso / "espacio.yaml").read_text(encoding="utf-8")
    (proceso / "espacio.yaml").write_text(
        texto.replace("decisiones: consenso", "decisiones: mayoria"), encoding="utf-8"
    )
    assert _invocar("validar", "zapopan", *CORTE)[0] == 0
    assert _invocar("validar", "zapopan", "--estricto", *CORTE)[0] == 1


def test_formato_github_escapa_y_se_elige_solo(
    proceso: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _romper_plan(proceso)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    codigo, salida = _invocar("validar", "zapopan", *CORTE)
    assert codigo == 1
    linea = next(x for x in salida.splitlines() if x.startswith("::error "))
    assert linea.startswith("::error file=zapopan/plan.yaml,line=37,col=9,title=GA302::")


def test_configuracion_cambia_severidad_y_desactiva(proceso: Path) -> None:
    _romper_plan(proceso)
    config = proceso.parent / ".caja-ga.yaml"
    config.write_text("version: 1\nreglas:\n  GA302: aviso\n", encoding="utf-8")
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert codigo == 0
    assert json.loads(salida)["resumen"] == {
        "procesos": 1,
        "archivos": 12,
        "errores": 0,
        "avisos": 2,
    }
    config.write_text("version: 1\nreglas:\n  GA302: desactivada\n", encoding="utf-8")
    _, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert [p["codigo"] for p in json.loads(salida)["problemas"]] == ["GA503"]


def test_configuracion_excluye_carpetas(proceso: Path) -> None:
    _romper_plan(proceso)
    shutil.copytree(proceso, proceso.parent / "borradores" / "otro")
    (proceso.parent / ".caja-ga.yaml").write_text(
        'version: 1\nexcluir: ["borradores/*", "zapopan"]\nreglas: {}\n', encoding="utf-8"
    )
    (proceso.parent / "limpio").mkdir()
    shutil.copytree(Path(__file__).parent / "casos" / "base", proceso.parent / "limpio" / "p")
    codigo, salida = _invocar("validar", ".", "--formato", "json", *CORTE)
    assert codigo == 0
    assert json.loads(salida)["resumen"]["procesos"] == 1


def test_configuracion_invalida_es_error_de_uso(proceso: Path) -> None:
    (proceso.parent / ".caja-ga.yaml").write_text(
        "version: 1\numbrales:\n  max_compromiso: 3\n", encoding="utf-8"
    )
    codigo, salida = _invocar("validar", "zapopan", *CORTE)
    assert codigo == 2
    assert "¿quisiste decir «max_compromisos»?" in salida


def test_umbral_configurado(proceso: Path) -> None:
    (proceso.parent / ".caja-ga.yaml").write_text(
        "version: 1\numbrales:\n  max_compromisos: 0\n", encoding="utf-8"
    )
    _, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert [p["codigo"] for p in json.loads(salida)["problemas"]] == ["GA305"]


def test_comentario_en_linea_silencia_una_regla(proceso: Path) -> None:
    plan = proceso / "plan.yaml"
    _romper_plan(proceso)
    texto = (
        plan.read_text(encoding="utf-8")
        .replace("      - id: c1-a2\n", "      - id: c1-a2  # caja-ga: ignorar GA302\n")
        .replace(
            "cumple: si, evidencia: Cada actividad", "cumple: parcial, evidencia: Cada actividad"
        )
    )
    plan.write_text(texto, encoding="utf-8")
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert codigo == 0, salida


def test_validar_un_archivo_reporta_solo_ese_archivo(proceso: Path) -> None:
    _romper_plan(proceso)
    (proceso / "nucleo.yaml").write_text("version: 1\nintegrantes: {}\n", encoding="utf-8")
    _, salida = _invocar("validar", "zapopan/plan.yaml", "--formato", "json", *CORTE)
    datos = json.loads(salida)
    assert {p["archivo"] for p in datos["problemas"]} == {"zapopan/plan.yaml"}
    assert datos["resumen"]["archivos"] == 1


def test_jobs_da_el_mismo_resultado(proceso: Path) -> None:
    _romper_plan(proceso)
    for numero in range(3):
        shutil.copytree(proceso, proceso.parent / f"copia{numero}")
    uno = _invocar("validar", ".", "--formato", "json", "--jobs", "1", *CORTE)
    dos = _invocar("validar", ".", "--formato", "json", "--jobs", "2", *CORTE)
    assert uno == dos
    assert json.loads(uno[1])["resumen"]["procesos"] == 4


def test_reglas_lista_el_catalogo() -> None:
    codigo, salida = _invocar("reglas")
    assert codigo == 0
    assert "GA301" in salida and "GA504" in salida


def test_reglas_muestra_una_regla_con_ejemplos() -> None:
    codigo, salida = _invocar("reglas", "ga302")
    assert codigo == 0
    assert salida.startswith("GA302 · ")
    assert "Incorrecto:" in salida and "Correcto:" in salida


def test_regla_inexistente() -> None:
    codigo, salida = _invocar("reglas", "GA999")
    assert codigo == 2
    assert "No existe la regla «GA999»" in salida


def test_fase_ilegible_no_dispara_exigencias(proceso: Path) -> None:
    texto = (proceso / "proceso.yaml").read_text(encoding="utf-8")
    (proceso / "proceso.yaml").write_text(
        texto.replace("fase: implementacion", "fase: implementasion"), encoding="utf-8"
    )
    (proceso / "plan.yaml").write_text(
        (proceso / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace("objetivo_general: Abrir la información de la obra pública municipal.\n", ""),
        encoding="utf-8",
    )
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    problemas = json.loads(salida)["problemas"]
    assert codigo == 1
    assert [p["codigo"] for p in problemas] == ["GA006"]
    assert "¿quisiste decir «implementacion»?" in problemas[0]["mensaje"]


def test_archivos_de_fases_futuras_solo_se_revisan_en_estructura(proceso: Path) -> None:
    texto = (proceso / "proceso.yaml").read_text(encoding="utf-8")
    (proceso / "proceso.yaml").write_text(
        texto.replace("fase: implementacion", "fase: dialogo"), encoding="utf-8"
    )
    plan = proceso / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        .replace("    valores: [transparencia, rendicion_cuentas]\n", "    valores: []\n")
        .replace('ods: ["16.6", "11.3", "9.1"]', 'ods: ["16.6", "18.1"]'),
        encoding="utf-8",
    )
    _, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    codigos = {p["codigo"] for p in json.loads(salida)["problemas"]}
    assert "GA304" not in codigos  # calidad del contenido: aún no se exige
    assert "GA501" in codigos  # una referencia rota se señala en cualquier fase


@pytest.mark.parametrize(
    "texto",
    [
        "version: 1\nmax_compromisos: 0\n",  # umbral en el primer nivel
        # sin version, nivel con mayúscula
        "umbrales: {max_compromisos: 0}\nreglas: {GA302: Aviso}\n",
        "max_compromisos: 0\nseveridades:\n  ga203: false\nexcluir: borradores/*\n",
    ],
)
def test_configuracion_escrita_de_otras_formas(proceso: Path, texto: str) -> None:
    (proceso.parent / ".caja-ga.yaml").write_text(texto, encoding="utf-8")
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert codigo == 0, salida
    assert [p["codigo"] for p in json.loads(salida)["problemas"]] == ["GA305"]


def test_un_archivo_que_no_es_yaml_es_error_de_uso(proceso: Path) -> None:
    (proceso / "acta.pdf").write_bytes(b"%PDF-1.4\n")
    codigo, salida = _invocar("validar", "zapopan/acta.pdf")
    assert codigo == 2
    assert "no es un archivo YAML" in salida


def test_un_archivo_suelto_fuera_de_un_proceso(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "borrador.yaml").write_text("version: 1\nfase: plan\nfase: dialogo\n", "utf-8")
    codigo, salida = _invocar("validar", "borrador.yaml", "--formato", "json")
    assert codigo == 1
    assert [(p["codigo"], p["linea"]) for p in json.loads(salida)["problemas"]] == [("GA002", 3)]


def test_cantidades_como_las_escribe_una_persona(proceso: Path) -> None:
    reporte = proceso / "seguimiento" / "2026-03-31.yaml"
    reporte.write_text(
        reporte.read_text(encoding="utf-8").replace("avance: 40", "avance: 40%"), encoding="utf-8"
    )
    plan = proceso / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "presupuesto_mxn: 500000", 'presupuesto_mxn: "$500,000"'
        ),
        encoding="utf-8",
    )
    codigo, salida = _invocar("validar", "zapopan", "--formato", "json", *CORTE)
    assert codigo == 0
    assert json.loads(salida)["problemas"] == []
