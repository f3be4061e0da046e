"""`caja-ga esquema` y los esquemas JSON de los editores: son esquemas válidos (draft 2020-12),
aceptan cada archivo de los ejemplos válidos y del andamio, y rechazan los mismos errores de
estructura que los modelos; `init` los escribe y la primera línea de cada archivo los encuentra."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from caja_ga.carga import cargar
from caja_ga.cli import app
from caja_ga.esquema import modelar
from caja_ga.esquemas_json import CARPETA_ESQUEMAS, LINEA_DE_ESQUEMA, esquema_json
from caja_ga.modelos import MODELOS
from caja_ga.modelos.base import FASES
from caja_ga.problemas import Documento
from caja_ga.proceso import clase_de_archivo
from tests.conftest import BASE, EJEMPLOS, CajaGa

runner = CliRunner()
VALIDOS = [
    EJEMPLOS / "zapopan-2024-2027",
    EJEMPLOS / "monterrey-2024-2027",
    EJEMPLOS / "puebla-2024-2027",
    BASE,
]
NOMBRES = {f"{clase}.schema.json" for clase in MODELOS}


def _validador(esquema: dict[str, Any]) -> Draft202012Validator:
    # Con el revisor de formatos, «format: date» rechaza fechas que no existen (2025-02-30).
    return Draft202012Validator(esquema, format_checker=Draft202012Validator.FORMAT_CHECKER)


VALIDADORES = {clase: _validador(esquema_json(clase)) for clase in MODELOS}


def _cargar(ruta: Path) -> Documento:
    """Como lo lee caja-ga (YAML 1.2: las fechas quedan como texto, igual que en el editor)."""
    clase = clase_de_archivo(ruta)
    assert clase is not None, ruta
    return cargar(ruta, ruta.as_posix(), clase)


def _archivos(carpeta: Path) -> list[Path]:
    return sorted(carpeta.rglob("*.yaml"))


def _errores(clase: str, datos: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDADORES[clase].iter_errors(datos)]


# --- el comando ---------------------------------------------------------------------------------


def test_escribe_un_esquema_valido_por_clase(tmp_path: Path) -> None:
    salida = tmp_path / "esquemas"
    resultado = runner.invoke(app, ["esquema", "--salida", str(salida)])
    assert resultado.exit_code == 0, resultado.output
    assert {ruta.name for ruta in salida.iterdir()} == NOMBRES
    assert f"escrito  {(salida / 'plan.schema.json').as_posix()}" in resultado.output
    for clase in MODELOS:
        esquema = json.loads((salida / f"{clase}.schema.json").read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(esquema)
        assert esquema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert esquema["title"].startswith("caja-ga: ")
        assert esquema["additionalProperties"] is False
        assert esquema["properties"]["version"]["const"] == 1
    titulos = {json.loads((salida / n).read_text(encoding="utf-8"))["title"] for n in NOMBRES}
    assert {
        "caja-ga: plan.yaml",
        "caja-ga: sesiones/*.yaml",
        "caja-ga: seguimiento/*.yaml",
    } <= titulos


def test_reemplaza_los_esquemas_existentes(tmp_path: Path) -> None:
    plan = tmp_path / "plan.schema.json"
    plan.write_text("{}", encoding="utf-8")
    resultado = runner.invoke(app, ["esquema", "-o", str(tmp_path)])
    assert resultado.exit_code == 0, resultado.output
    assert json.loads(plan.read_text(encoding="utf-8")) == esquema_json("plan")


def test_salida_que_es_un_archivo_es_error_de_uso(tmp_path: Path) -> None:
    archivo = tmp_path / "notas.txt"
    archivo.write_text("hola", encoding="utf-8")
    resultado = runner.invoke(app, ["esquema", "--salida", str(archivo)])
    assert resultado.exit_code == 2
    assert "es un archivo" in resultado.output
    assert archivo.read_text(encoding="utf-8") == "hola"


def test_comando_instalado(tmp_path: Path, caja_ga: CajaGa) -> None:
    resultado = caja_ga("esquema", "--salida", "esquemas", cwd=tmp_path)
    assert resultado.returncode == 0, resultado.stderr
    escrito = json.loads((tmp_path / "esquemas" / "sesion.schema.json").read_text("utf-8"))
    assert escrito == esquema_json("sesion")


# --- lo que dicen los esquemas ------------------------------------------------------------------


def nodos_del_esquema(nodo: Any) -> Iterator[dict[str, Any]]:
    """Cada mapeo de un esquema JSON, a cualquier profundidad."""
    if isinstance(nodo, dict):
        yield nodo
        for valor in nodo.values():
            yield from nodos_del_esquema(valor)
    elif isinstance(nodo, list):
        for elemento in nodo:
            yield from nodos_del_esquema(elemento)


def _propiedades(esquema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for nodo in nodos_del_esquema(esquema):
        yield from nodo.get("properties", {}).items()


@pytest.mark.parametrize("clase", list(MODELOS))
def test_cada_campo_tiene_ayuda_en_espanol(clase: str) -> None:
    esquema = esquema_json(clase)
    sin_descripcion = [
        nombre for nombre, propiedad in _propiedades(esquema) if not propiedad.get("description")
    ]
    assert not sin_descripcion
    # Los títulos que pydantic deriva del nombre («Medio Verificacion») no llegan al editor.
    con_titulo = [nombre for nombre, propiedad in _propiedades(esquema) if "title" in propiedad]
    assert not con_titulo
    assert not [nombre for nombre, definicion in esquema["$defs"].items() if "title" in definicion]


def test_opciones_canonicas_y_nota_de_requeridos() -> None:
    proceso = esquema_json("proceso")
    # Las opciones canónicas, para que el editor las ofrezca, y el patrón de sus variantes.
    canonicas, variantes = proceso["properties"]["fase"]["anyOf"]
    assert canonicas == {"enum": list(FASES), "type": "string"}
    assert variantes["type"] == "string" and variantes["pattern"].startswith("^")
    enlace = proceso["$defs"]["Enlace"]["properties"]["nombre"]
    assert "hasta que termine la fase «diagnostico»" in enlace["description"]
    compromiso = esquema_json("plan")["$defs"]["Compromiso"]["properties"]
    assert "hasta que termine la fase «plan»" in compromiso["titulo"]["description"]
    assert "GA005" not in compromiso["objetivo"]["description"]
    assert "x-caja-ga-requerido" not in json.dumps(esquema_json("plan"))


@pytest.mark.parametrize("clase", list(MODELOS))
def test_cada_ejemplo_cumple_su_propio_esquema(clase: str) -> None:
    """Los ejemplos que muestra el editor al pasar el cursor son valores que el editor acepta."""
    esquema = esquema_json(clase)
    invalidos, revisados = [], 0
    for nodo in (n for n in nodos_del_esquema(esquema) if isinstance(n.get("examples"), list)):
        revisados += len(nodo["examples"])
        forma = {k: v for k, v in nodo.items() if k != "examples"}
        validador = Draft202012Validator({**forma, "$defs": esquema.get("$defs", {})})
        invalidos += [ejemplo for ejemplo in nodo["examples"] if not validador.is_valid(ejemplo)]
    assert revisados > 0
    assert invalidos == []


# --- aceptan lo válido --------------------------------------------------------------------------


@pytest.mark.parametrize("carpeta", VALIDOS, ids=lambda c: c.name)
def test_los_ejemplos_validos_pasan_su_esquema(carpeta: Path) -> None:
    archivos = _archivos(carpeta)
    assert len(archivos) >= 7
    for ruta in archivos:
        doc = _cargar(ruta)
        assert doc.datos is not None and not doc.hallazgos, ruta
        assert not _errores(doc.clase, doc.datos), ruta


def _base(nombre: str) -> dict[str, Any]:
    datos = _cargar(BASE / nombre).datos
    assert isinstance(datos, dict)
    return copy.deepcopy(datos)


def _modelo_acepta(clase: str, datos: dict[str, Any]) -> list[str]:
    doc = Documento(Path(f"{clase}.yaml"), f"{clase}.yaml", clase, datos=datos)
    return [hallazgo.codigo or "" for hallazgo in modelar(doc).hallazgos]


def _texto_suelto(datos: dict[str, Any]) -> None:
    datos["compromisos"][0]["actividades"][0]["responsables"] = "Dirección de Obras Públicas"


def _booleanos(datos: dict[str, Any]) -> None:
    datos["actores"] = {"autoridad_garante": True, "sociedad_civil": False, "osi": None}


def _cumple_booleano(datos: dict[str, Any]) -> None:
    datos["recomendaciones"][0]["cumple"] = True


def _id_numerico(datos: dict[str, Any]) -> None:
    datos["integrantes"][0]["id"] = 7


@pytest.mark.parametrize(
    ("archivo", "cambio"),
    [
        ("plan.yaml", _texto_suelto),
        ("diagnostico.yaml", _booleanos),
        ("agenda2030.yaml", _cumple_booleano),
        ("nucleo.yaml", _id_numerico),
    ],
    ids=["texto-por-lista", "actor-booleano", "cumple-booleano", "id-numerico"],
)
def test_las_formas_cortas_que_acepta_el_modelo_tambien_pasan(
    archivo: str, cambio: Callable[[dict[str, Any]], None]
) -> None:
    datos = _base(archivo)
    cambio(datos)
    clase = archivo.removesuffix(".yaml")
    assert _modelo_acepta(clase, datos) == []
    assert not _errores(clase, datos)


# --- rechazan lo que rechaza el modelo ----------------------------------------------------------


def _en(datos: Any, ruta: tuple[str | int, ...]) -> Any:
    for paso in ruta:
        datos = datos[paso]
    return datos


def _poner(ruta: tuple[str | int, ...], valor: Any) -> Callable[[dict[str, Any]], None]:
    def cambiar(datos: dict[str, Any]) -> None:
        _en(datos, ruta[:-1])[ruta[-1]] = valor

    return cambiar


def _quitar(ruta: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def cambiar(datos: dict[str, Any]) -> None:
        del _en(datos, ruta[:-1])[ruta[-1]]

    return cambiar


ACTIVIDAD = ("compromisos", 0, "actividades", 0)
ERRORES = [
    # (archivo, ruta del cambio, cambio, código del modelo)
    (
        "plan.yaml",
        (*ACTIVIDAD[:2], "actividadez"),
        _poner((*ACTIVIDAD[:2], "actividadez"), []),
        "GA004",
    ),
    ("proceso.yaml", ("fase",), _poner(("fase",), "planeacion"), "GA006"),
    ("sesiones/2025-04-30-plan.yaml", ("organo",), _poner(("organo",), "cabildo"), "GA006"),
    ("plan.yaml", (*ACTIVIDAD, "id"), _quitar((*ACTIVIDAD, "id")), "GA005"),
    ("espacio.yaml", ("version",), _poner(("version",), 2), "GA011"),
    ("proceso.yaml", ("municipio", "cvegeo"), _poner(("municipio", "cvegeo"), 14120), "GA006"),
    ("plan.yaml", ("compromisos", 0, "ods", 0), _poner(("compromisos", 0, "ods"), [16.6]), "GA006"),
    (
        "espacio.yaml",
        ("instalacion", "fecha"),
        _poner(("instalacion", "fecha"), "14/03/2025"),
        "GA006",
    ),
    ("plan.yaml", ("periodo", "inicio"), _poner(("periodo", "inicio"), "2025-02-30"), "GA006"),
    (
        "diagnostico.yaml",
        ("dimensiones", 0, "items", 0, "valor"),
        _poner(("dimensiones", 0, "items", 0, "valor"), 2),
        "GA006",
    ),
    ("sesiones/2025-04-30-plan.yaml", ("asistentes",), _poner(("asistentes",), 5), "GA006"),
    ("plan.yaml", (*ACTIVIDAD, "id"), _poner((*ACTIVIDAD, "id"), "c1 a1"), "GA006"),
]


@pytest.mark.parametrize(
    ("archivo", "ruta", "cambio", "codigo"),
    ERRORES,
    ids=[
        "clave-desconocida",
        "opcion-invalida",
        "organo-invalido",
        "elemento-sin-id",
        "version-2",
        "cvegeo-sin-comillas",
        "ods-numero",
        "fecha-mal-escrita",
        "fecha-inexistente",
        "puntaje-fuera-de-escala",
        "numero-por-lista",
        "id-con-espacio",
    ],
)
def test_el_esquema_rechaza_lo_que_rechaza_el_modelo(
    archivo: str, ruta: tuple[str | int, ...], cambio: Callable[[dict[str, Any]], None], codigo: str
) -> None:
    datos = _base(archivo)
    clase = clase_de_archivo(BASE / archivo)
    assert clase is not None
    assert not _errores(clase, datos)
    cambio(datos)
    assert codigo in _modelo_acepta(clase, datos)
    errores = list(VALIDADORES[clase].iter_errors(datos))
    assert errores
    # El editor señala el lugar del cambio (o el mapeo que lo contiene).
    caminos = [tuple(error.absolute_path) for error in errores]
    assert any(camino and ruta[: len(camino)] == camino for camino in caminos), caminos


# --- init y nuevo -------------------------------------------------------------------------------


def _esquema_de_la_linea(archivo: Path) -> Path:
    primera = archivo.read_text(encoding="utf-8").splitlines()[0]
    assert primera.startswith(LINEA_DE_ESQUEMA), archivo
    return (archivo.parent / primera.removeprefix(LINEA_DE_ESQUEMA)).resolve()


def _revisar_andamio(proceso: Path, raiz: Path) -> None:
    """Cada archivo del andamio apunta a un esquema que existe, y lo cumple."""
    archivos = _archivos(proceso)
    assert len(archivos) == 8
    for archivo in archivos:
        esquema = _esquema_de_la_linea(archivo)
        assert esquema == (raiz / CARPETA_ESQUEMAS / f"{archivo.stem}.schema.json").resolve()
        doc = _cargar(archivo)
        errores = _validador(json.loads(esquema.read_text(encoding="utf-8"))).iter_errors(doc.datos)
        assert not [e.message for e in errores], archivo


def test_init_repositorio_escribe_los_esquemas_y_la_linea_que_los_usa(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    resultado = runner.invoke(
        app,
        [
            "init",
            "--sin-preguntas",
            "--repositorio",
            "--municipio",
            "14120",
            "--periodo",
            "2024-2027",
        ],
    )
    assert resultado.exit_code == 0, resultado.output
    assert {r.name for r in (tmp_path / CARPETA_ESQUEMAS).iterdir()} == NOMBRES
    proceso = tmp_path / "jalisco" / "zapopan" / "2024-2027"
    assert (
        (proceso / "plan.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../../.caja-ga/esquemas/plan.schema.json\n")
    )
    _revisar_andamio(proceso, tmp_path)


def test_init_sin_repositorio_los_guarda_en_el_proceso(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    resultado = runner.invoke(
        app, ["init", "--sin-preguntas", "--municipio", "20067", "--periodo", "2024-2027", "oaxaca"]
    )
    assert resultado.exit_code == 0, resultado.output
    _revisar_andamio(tmp_path / "oaxaca", tmp_path / "oaxaca")


def test_nuevo_agrega_la_linea_si_hay_esquemas(proceso: Path) -> None:
    sin = runner.invoke(app, ["nuevo", "sesion", str(proceso), "--fecha", "2026-05-14"])
    assert sin.exit_code == 0, sin.output
    creada = proceso / "sesiones" / "2026-05-14-ordinaria.yaml"
    assert creada.read_text(encoding="utf-8").startswith("version: 1\n")

    runner.invoke(app, ["esquema", "--salida", str(proceso.parent / CARPETA_ESQUEMAS)])
    for argumentos in (
        ["sesion", str(proceso), "--fecha", "2026-05-14"],
        ["seguimiento", str(proceso), "--fecha-corte", "2026-06-30"],
    ):
        resultado = runner.invoke(app, ["nuevo", *argumentos])
        assert resultado.exit_code == 0, resultado.output
    for archivo in (
        proceso / "sesiones" / "2026-05-14-ordinaria-2.yaml",
        proceso / "seguimiento" / "2026-06-30.yaml",
    ):
        esquema = _esquema_de_la_linea(archivo)
        assert esquema.parent == (proceso.parent / CARPETA_ESQUEMAS).resolve()
        doc = _cargar(archivo)
        assert not doc.hallazgos
        assert not _errores(doc.clase, doc.datos), archivo
