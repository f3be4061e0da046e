"""`caja-ga init` de punta a punta: con opciones, con preguntas, sin sobrescribir, simulando y con
`--repositorio`; y cada andamio recién creado valida sin errores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from caja_ga import __version__, andamio, cli
from caja_ga.archivos import ruta_visible
from caja_ga.catalogos import recomendaciones_agenda2030
from caja_ga.cli import app
from caja_ga.errores import ErrorDeUso
from caja_ga.reglas import umbrales_por_omision
from tests.conftest import CajaGa, comprobar_salida

runner = CliRunner()
HOY = date.today().isoformat()
ARCHIVOS_PROCESO = {
    "proceso.yaml",
    "diagnostico.yaml",
    "nucleo.yaml",
    "espacio.yaml",
    "plan.yaml",
    "agenda2030.yaml",
    "evaluacion.yaml",
    "cocreacion.yaml",
    "sesiones/LEEME.md",
    "seguimiento/LEEME.md",
}
ESQUEMAS = {
    f".caja-ga/esquemas/{clase}.schema.json"
    for clase in (
        "proceso",
        "diagnostico",
        "nucleo",
        "espacio",
        "sesion",
        "plan",
        "agenda2030",
        "seguimiento",
        "evaluacion",
        "cocreacion",
    )
}


@pytest.fixture(autouse=True)
def carpeta_actual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _invocar(*args: str, entrada: str | None = None) -> tuple[int, str]:
    resultado = runner.invoke(app, list(args), input=entrada)
    comprobar_salida(resultado)
    return resultado.exit_code, resultado.output


def _init(*args: str) -> tuple[int, str]:
    return _invocar("init", "--sin-preguntas", *args)


def _archivos(carpeta: Path) -> set[str]:
    return {ruta.relative_to(carpeta).as_posix() for ruta in carpeta.rglob("*") if ruta.is_file()}


def _validar(ruta: Path) -> dict[str, Any]:
    codigo, salida = _invocar("validar", str(ruta), "--formato", "json", "--fecha-corte", HOY)
    assert codigo == 0, salida
    datos: dict[str, Any] = json.loads(salida)
    return datos


def test_con_opciones_crea_el_proceso_completo(carpeta_actual: Path) -> None:
    codigo, salida = _init(
        "--municipio",
        "14120",
        "--periodo",
        "2024-2027",
        "--enlace",
        'Ana: Pérez #1 "la enlace"',
        "--cargo",
        "Titular",
        "--correo",
        "ga@zapopan.gob.mx",
        "--telefono",
        "33 3818 2200",
    )
    assert codigo == 0, salida
    carpeta = carpeta_actual / "zapopan-2024-2027"
    assert _archivos(carpeta) == ARCHIVOS_PROCESO | ESQUEMAS
    proceso = yaml.safe_load((carpeta / "proceso.yaml").read_text(encoding="utf-8"))
    assert proceso["municipio"] == {"cvegeo": "14120", "nombre": "Zapopan", "entidad": "Jalisco"}
    assert proceso["periodo_gobierno"] == {"inicio": date(2024, 10, 1), "fin": date(2027, 9, 30)}
    assert proceso["fase"] == "diagnostico"
    assert proceso["enlace"] == {
        "nombre": 'Ana: Pérez #1 "la enlace"',
        "cargo": "Titular",
        "area": None,
        "correo": "ga@zapopan.gob.mx",
        "telefono": "33 3818 2200",
        "contacto_publico": False,
    }
    assert "creado  zapopan-2024-2027/proceso.yaml" in salida
    assert "zapopan-2024-2027/.caja-ga/esquemas/ (10 esquemas para el autocompletado" in salida
    assert "plan.schema.json" not in salida  # los esquemas van en una sola línea
    assert "caja-ga validar zapopan-2024-2027" in salida
    _validar(carpeta)


def test_agenda2030_lista_o1_a_o9_vacias(carpeta_actual: Path) -> None:
    _init("--municipio", "14120", "--periodo", "2024-2027", "mi-proceso")
    texto = (carpeta_actual / "mi-proceso" / "agenda2030.yaml").read_text(encoding="utf-8")
    datos = yaml.safe_load(texto)
    assert [r["id"] for r in datos["recomendaciones"]] == [f"O{n}" for n in range(1, 10)]
    assert all(r["cumple"] is None for r in datos["recomendaciones"])
    for etiqueta in recomendaciones_agenda2030().values():
        assert etiqueta in texto


def test_periodo_con_fechas(carpeta_actual: Path) -> None:
    codigo, salida = _init("--municipio", "Oaxaca de Juarez", "--periodo", "2025-01-01:2027-12-31")
    assert codigo == 0, salida
    proceso = yaml.safe_load(
        (carpeta_actual / "oaxaca-de-juarez-2025-2027" / "proceso.yaml").read_text(encoding="utf-8")
    )
    assert proceso["municipio"]["cvegeo"] == "20067"
    assert proceso["periodo_gobierno"] == {"inicio": date(2025, 1, 1), "fin": date(2027, 12, 31)}


def test_interactivo_elige_entre_homonimos(carpeta_actual: Path) -> None:
    respuestas = "Benito Juárez\n1\n2024-2027\nLucía Gómez\nno-es-correo\nlucia@bj.cdmx.gob.mx\n"
    codigo, salida = _invocar("init", "--preguntar", entrada=respuestas)
    assert codigo == 0, salida
    # Los candidatos, con su entidad, en el orden del catálogo: 09014 (CDMX) es el primero.
    assert "1. Benito Juárez, Ciudad de México (09014)" in salida
    assert "Benito Juárez, Quintana Roo (23005)" in salida
    assert "no es un correo electrónico válido" in salida
    carpeta = carpeta_actual / "benito-juarez-2024-2027"
    proceso = yaml.safe_load((carpeta / "proceso.yaml").read_text(encoding="utf-8"))
    assert proceso["municipio"] == {
        "cvegeo": "09014",
        "nombre": "Benito Juárez",
        "entidad": "Ciudad de México",
    }
    assert proceso["enlace"]["nombre"] == "Lucía Gómez"
    assert proceso["enlace"]["correo"] == "lucia@bj.cdmx.gob.mx"
    _validar(carpeta)


def test_interactivo_en_terminal_sin_opcion(
    carpeta_actual: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_hay_terminal", lambda: True)
    respuestas = "Atlántida\nZapopam\n14120\n2024-2020\n2024-2027\n\n\n"
    codigo, salida = _invocar("init", entrada=respuestas)
    assert codigo == 0, salida
    assert "No encontré «Atlántida»" in salida
    assert (
        "No encontré «Zapopam» en el catálogo del INEGI. ¿Quisiste decir Zapopan (Jalisco, "
        "14120)? Prueba con otra parte del nombre o con la clave de 5 dígitos." in salida
    )
    assert "termina antes de empezar" in salida
    proceso = yaml.safe_load(
        (carpeta_actual / "zapopan-2024-2027" / "proceso.yaml").read_text(encoding="utf-8")
    )
    assert proceso["municipio"]["cvegeo"] == "14120"
    assert proceso["enlace"]["nombre"] is None
    assert proceso["enlace"]["correo"] is None


def test_entrada_agotada_es_error_de_uso(carpeta_actual: Path) -> None:
    codigo, salida = _invocar("init", "--preguntar", entrada="14120\n")
    assert codigo == 2
    assert "la entrada terminó" in salida
    assert not list(carpeta_actual.iterdir())


def test_interactivo_nombre_sin_acentos(carpeta_actual: Path) -> None:
    respuestas = "cuauhtemoc\n3\n2024-2027\n\n\n"
    codigo, salida = _invocar("init", "--preguntar", "--repositorio", entrada=respuestas)
    assert codigo == 0, salida
    carpeta = carpeta_actual / "ciudad-de-mexico" / "cuauhtemoc" / "2024-2027"
    proceso = yaml.safe_load((carpeta / "proceso.yaml").read_text(encoding="utf-8"))
    assert proceso["municipio"]["cvegeo"] == "09015"
    assert proceso["municipio"]["nombre"] == "Cuauhtémoc"
    _validar(carpeta_actual)


def test_sin_terminal_no_pregunta(carpeta_actual: Path) -> None:
    codigo, salida = _invocar("init", "--municipio", "14120")
    assert codigo == 2
    assert "Falta --periodo" in salida
    assert not list(carpeta_actual.iterdir())


def test_sin_preguntas_homonimo_lista_candidatos(carpeta_actual: Path) -> None:
    codigo, salida = _init("--municipio", "benito juarez", "--periodo", "2024-2027")
    assert codigo == 2
    assert "Benito Juárez, Ciudad de México (09014)" in salida
    assert "Benito Juárez, Quintana Roo (23005)" in salida
    assert not list(carpeta_actual.iterdir())


@pytest.mark.parametrize(
    ("opciones", "mensaje"),
    [
        (["--municipio", "99999", "--periodo", "2024-2027"], "no está en el catálogo"),
        (["--municipio", "Atlántida", "--periodo", "2024-2027"], "No encontré ningún municipio"),
        (["--municipio", "14120", "--periodo", "2027-2024"], "termina antes de empezar"),
        (
            ["--municipio", "14120", "--periodo", "2027-10-01:2024-09-30"],
            "termina antes de empezar",
        ),
        (["--municipio", "14120", "--periodo", "2024-02-30:2027-09-30"], "fecha que no existe"),
        (["--municipio", "14120", "--periodo", "tres años"], "no es un periodo de gobierno"),
        (
            ["--municipio", "14120", "--periodo", "2024-2027", "--correo", "sin-arroba"],
            "no es un correo",
        ),
    ],
)
def test_respuestas_invalidas_no_escriben_nada(
    carpeta_actual: Path, opciones: list[str], mensaje: str
) -> None:
    codigo, salida = _init(*opciones)
    assert codigo == 2
    assert mensaje in salida
    assert "Traceback" not in salida
    assert not list(carpeta_actual.iterdir())


def test_nunca_sobrescribe_sin_forzar(carpeta_actual: Path) -> None:
    opciones = ["--municipio", "14120", "--periodo", "2024-2027"]
    _init(*opciones)
    diagnostico = carpeta_actual / "zapopan-2024-2027" / "diagnostico.yaml"
    propio = "version: 1\nfecha: 2025-08-29  # lo que ya escribió el enlace\n".encode()
    diagnostico.write_bytes(propio)
    (carpeta_actual / "zapopan-2024-2027" / "plan.yaml").unlink()

    codigo, salida = _init(*opciones)
    assert codigo == 0, salida
    assert diagnostico.read_bytes() == propio
    assert "omitido (ya existe)  zapopan-2024-2027/diagnostico.yaml" in salida
    assert "creado  zapopan-2024-2027/plan.yaml" in salida

    codigo, salida = _init(*opciones, "--forzar")
    assert codigo == 0, salida
    assert diagnostico.read_bytes() != propio
    assert "sobrescrito  zapopan-2024-2027/diagnostico.yaml" in salida


def test_simular_no_escribe(carpeta_actual: Path) -> None:
    codigo, salida = _init(
        "--municipio", "14120", "--periodo", "2024-2027", "--simular", "--repositorio"
    )
    assert codigo == 0, salida
    assert "no se escribió nada" in salida
    assert "se crearía  jalisco/zapopan/2024-2027/proceso.yaml" in salida
    assert "se crearía  .github/workflows/caja-ga.yml" in salida
    assert not list(carpeta_actual.iterdir())


def test_repositorio_escribe_ci_y_configuracion(carpeta_actual: Path) -> None:
    codigo, salida = _init("--repositorio", "--municipio", "14120", "--periodo", "2024-2027")
    assert codigo == 0, salida
    assert _archivos(carpeta_actual) == {
        ".github/workflows/caja-ga.yml",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        ".caja-ga.yaml",
        ".gitignore",
        "README.md",
        *ESQUEMAS,
        *(f"jalisco/zapopan/2024-2027/{archivo}" for archivo in ARCHIVOS_PROCESO),
    }

    def leer(nombre: str) -> dict[str, Any]:
        datos: dict[str, Any] = yaml.safe_load(
            (carpeta_actual / nombre).read_text(encoding="utf-8")
        )
        return datos

    flujo = leer(".github/workflows/caja-ga.yml")
    pasos = flujo["jobs"]["validar"]["steps"]
    assert any(paso.get("uses", "").startswith("actions/setup-python") for paso in pasos)
    assert {"run": f'pip install "caja-ga=={__version__}"', "name": "Instalar caja-ga"} in pasos
    assert any(paso.get("run") == "caja-ga validar" for paso in pasos)
    assert "caja-ga validar --formato texto" in leer(".gitlab-ci.yml")["caja-ga"]["script"]
    gancho = leer(".pre-commit-config.yaml")["repos"][0]
    assert gancho["repo"] == "local"
    assert gancho["hooks"][0]["id"] == "caja-ga-validar"
    assert gancho["hooks"][0]["language"] == "python"
    assert gancho["hooks"][0]["additional_dependencies"] == [f"caja-ga=={__version__}"]
    assert gancho["hooks"][0]["entry"] == "caja-ga validar"
    config = leer(".caja-ga.yaml")
    assert config == {"version": 1, "reglas": {}, "umbrales": {}, "excluir": []}
    texto_config = (carpeta_actual / ".caja-ga.yaml").read_text(encoding="utf-8")
    for nombre, valor in umbrales_por_omision().items():
        assert f"#   {nombre}: {valor}\n" in texto_config
    assert "pull request" in (carpeta_actual / "README.md").read_text(encoding="utf-8")
    # La configuración generada es válida para caja-ga: todo el repositorio valida.
    _validar(carpeta_actual)


def test_repositorio_existente_agrega_otro_municipio(carpeta_actual: Path) -> None:
    _init("--repositorio", "--municipio", "14120", "--periodo", "2024-2027")
    readme = carpeta_actual / "README.md"
    readme.write_bytes(b"# Nuestro repositorio\n")
    codigo, salida = _init("--repositorio", "--municipio", "20067", "--periodo", "2025-2027")
    assert codigo == 0, salida
    assert readme.read_bytes() == b"# Nuestro repositorio\n"
    assert "omitido (ya existe)  README.md" in salida
    assert "omitido (ya existe)  .github/workflows/caja-ga.yml" in salida
    assert (carpeta_actual / "oaxaca" / "oaxaca-de-juarez" / "2025-2027" / "proceso.yaml").is_file()
    resumen = _validar(carpeta_actual)["resumen"]
    assert resumen["procesos"] == 2
    assert resumen["errores"] == 0


@pytest.mark.parametrize(
    ("municipio", "cvegeo"),
    [
        ("14120", "14120"),
        ("09015", "09015"),
        ("20067", "20067"),
        ("01001", "01001"),
        ("Tlaquepaque", "14098"),
    ],
)
def test_andamios_reales_validan_sin_errores(
    carpeta_actual: Path, municipio: str, cvegeo: str
) -> None:
    codigo, salida = _init("--municipio", municipio, "--periodo", "2024-2027", "proceso")
    assert codigo == 0, salida
    datos = _validar(carpeta_actual / "proceso")
    assert datos["resumen"]["errores"] == 0
    proceso = yaml.safe_load(
        (carpeta_actual / "proceso" / "proceso.yaml").read_text(encoding="utf-8")
    )
    assert proceso["municipio"]["cvegeo"] == cvegeo
    assert not [p for p in datos["problemas"] if p["codigo"] in {"GA101", "GA102"}]


def test_comando_instalado(tmp_path: Path, caja_ga: CajaGa) -> None:
    resultado = caja_ga(
        "init", "--municipio", "zapopan", "--periodo", "2024-2027", "--repositorio", cwd=tmp_path
    )
    assert resultado.returncode == 0, resultado.stderr
    assert (tmp_path / "jalisco" / "zapopan" / "2024-2027" / "plan.yaml").is_file()
    validacion = caja_ga("validar", "--fecha-corte", HOY, cwd=tmp_path)
    assert validacion.returncode == 0, validacion.stdout
    sin_periodo = caja_ga("init", "--municipio", "14120", cwd=tmp_path / "jalisco")
    assert sin_periodo.returncode == 2
    assert "Falta --periodo" in sin_periodo.stderr
    assert "Traceback" not in sin_periodo.stderr


def test_textos_con_caracteres_de_control(carpeta_actual: Path) -> None:
    """DEL, NEL y U+2028 en una respuesta se escriben como escapes: el archivo se lee igual."""
    nombre = "Ana\x7fPérez\x85López\u2028Ruiz"
    codigo, salida = _init("--municipio", "14120", "--periodo", "2024-2027", "--enlace", nombre)
    assert codigo == 0, salida
    carpeta = carpeta_actual / "zapopan-2024-2027"
    texto = (carpeta / "proceso.yaml").read_text(encoding="utf-8")
    assert '  nombre: "Ana\\x7fPérez\\x85López\\u2028Ruiz"\n' in texto
    assert yaml.safe_load(texto)["enlace"]["nombre"] == nombre
    _validar(carpeta)


@given(st.text())
def test_los_filtros_de_las_plantillas_dan_yaml_legible(texto: str) -> None:
    """Cualquier texto pasa por `yaml` y `escalar` sin cambiar, y por `una_linea` sin romper el
    comentario que lo contiene."""
    generado = (
        f"entre_comillas: {andamio.texto_yaml(texto)}\n"
        f"escalar: {andamio.escalar_yaml(texto)}\n"
        f"lista:\n  - 1  # {andamio.una_linea(texto)}\n"
        "fin: 2\n"
    )
    doc = andamio.comprobar(Path("prueba.yaml"), generado)
    assert doc.datos == {"entre_comillas": texto, "escalar": texto, "lista": [1], "fin": 2}


def test_un_yaml_ilegible_no_se_escribe_ni_los_demas(carpeta_actual: Path) -> None:
    archivos = {
        PurePosixPath("bien.yaml"): "version: 1\n",
        PurePosixPath("otro/mal.yaml"): "version: 1\nnombre: Ana\x7f\n",
    }
    with pytest.raises(andamio.ErrorDeAndamio) as error:
        andamio.escribir(carpeta_actual, archivos)
    assert str(error.value) == (
        "No se escribió nada: "
        f"{ruta_visible(carpeta_actual / 'otro' / 'mal.yaml')} no se podría leer como YAML "
        "(línea 2): Hay un carácter de control invisible (código 0x7F) que YAML no admite; "
        "bórralo y vuelve a escribir ese texto. Revisa los nombres y textos que vienen de otros "
        "archivos del proceso o de las opciones."
    )
    assert isinstance(error.value, ErrorDeUso)
    assert not list(carpeta_actual.iterdir())
