"""Cada forma de escribir un valor que caja-ga acepta (y una muestra de las que rechaza), probada
de las dos maneras en que la ve una persona: `caja-ga validar` (el comando instalado) y el
esquema JSON del editor. Ambos deben dar el mismo veredicto para cada variante.

Una variante es (archivo, ruta del campo, lo que se escribe, ¿se acepta?). Se escribe tal cual
en una copia del proceso base (sin problemas a su fecha de corte): una aceptada no produce ningún
problema; una rechazada, exactamente un GA006 en la posición del valor. Las de sesiones y reportes
de avance van en una sesión y un reporte agregados a la copia, de los que nada depende: así una
sesión ilegible no deja, además, un hueco en el calendario de sesiones (GA204).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import types
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, TypeAdapter, ValidationError

from caja_ga.carga import cargar
from caja_ga.esquemas_json import esquema_json
from caja_ga.modelos import MODELOS
from caja_ga.modelos.base import (
    Booleano,
    Cantidad,
    Entero,
    Opcion,
    OpcionSiNo,
    SectorEDT,
    TextoOLista,
)
from caja_ga.modelos.formas import Forma
from caja_ga.proceso import clase_de_archivo
from caja_ga.redaccion import enumerar
from tests.conftest import BASE, RAIZ, CajaGa, correr_caja_ga
from tests.test_esquemas_json import nodos_del_esquema

FECHA_CORTE = "2026-06-30"
# Un proceso escrito a mano desde la referencia del formato, con las variantes de la tabla.
ESCRITO_A_MANO = RAIZ / "tests" / "datos" / "variantes" / "zapotlan"
MARCA = "VALOR_DE_PRUEBA"
Ruta = tuple[str | int, ...]

ACTIVIDAD = ("compromisos", 0, "actividades", 0)
INDICADOR = ("compromisos", 0, "metas", 0, "indicador")
SESION = "sesiones/2026-06-15-seguimiento.yaml"
REPORTE = "seguimiento/2026-05-31.yaml"
SI = [
    "sí",
    "si",
    "Sí",
    "SÍ",
    "SI",
    "verdadero",
    "Verdadero",
    "true",
    "True",
    '"sí"',
    "' Sí '",
]
NO = ["no", "No", "NO", "falso", "Falso", "false", "FALSE", '"no"']
RECHAZADOS_SI_NO = ["yes", "Yes", "y", "on", "off", "1", "0", "quizá", "sí señor"]

VARIANTES: list[tuple[str, Ruta, str, bool]] = [
    # Sí o no: en cada campo de ese tipo.
    *[("proceso.yaml", ("enlace", "contacto_publico"), v, True) for v in SI],
    *[("espacio.yaml", ("integrantes", 2, "contacto_publico"), v, True) for v in NO],
    (
        "espacio.yaml",
        ("integrantes", 0, "suplente"),
        "{nombre: Eva Ruiz, contacto_publico: no}",
        True,
    ),
    ("espacio.yaml", ("reglas", "publicacion_minutas"), "Sí", True),
    ("nucleo.yaml", ("integrantes", 0, "contacto_publico"), "No", True),
    ("diagnostico.yaml", ("decision_continuar",), "sí", True),
    ("diagnostico.yaml", ("actores", "autoridad_garante", "presente"), "Sí", True),
    *[("proceso.yaml", ("enlace", "contacto_publico"), v, False) for v in RECHAZADOS_SI_NO],
    ("diagnostico.yaml", ("actores", "osi", "presente"), "yes", False),
    # Opciones de una lista: mayúsculas, acentos, espacios y guiones.
    ("proceso.yaml", ("fase",), "Implementación", True),
    ("proceso.yaml", ("fase",), "IMPLEMENTACION", True),
    ("proceso.yaml", ("fase",), '" implementación "', True),
    ("proceso.yaml", ("fase",), "implementar", False),
    (REPORTE, ("actividades", 1, "estado"), "En proceso", True),
    (REPORTE, ("actividades", 1, "estado"), "en-proceso", True),
    (REPORTE, ("actividades", 1, "estado"), "EN  PROCESO", True),
    (REPORTE, ("actividades", 1, "estado"), "En_Proceso", True),
    (REPORTE, ("actividades", 1, "estado"), "en progreso", False),
    (REPORTE, ("actividades", 1, "estado"), "enproceso", False),
    ("espacio.yaml", ("integrantes", 0, "sector"), "Gobierno municipal", True),
    ("espacio.yaml", ("integrantes", 0, "sector"), "gobierno-municipal", True),
    ("espacio.yaml", ("integrantes", 1, "sector"), "Órgano garante", True),
    ("espacio.yaml", ("integrantes", 1, "sector"), "organo_garante", True),
    ("espacio.yaml", ("integrantes", 1, "sector"), "Autoridad Garante", True),
    ("espacio.yaml", ("integrantes", 2, "sector"), "Sociedad civil", True),
    ("espacio.yaml", ("integrantes", 2, "sector"), "ciudadania", False),
    ("espacio.yaml", ("reglas", "decisiones"), "Consenso", True),
    ("plan.yaml", ("compromisos", 0, "valores"), "[Transparencia, Rendición de cuentas]", True),
    ("plan.yaml", ("compromisos", 0, "valores"), "Rendición de cuentas", True),
    (
        "plan.yaml",
        ("compromisos", 0, "responsables", "corresponsables", 0, "sector"),
        "Sociedad Civil",
        True,
    ),
    ("plan.yaml", ("compromisos", 0, "potencial"), "Sustancial", True),
    ("plan.yaml", ("compromisos", 0, "potencial"), "enorme", False),
    (SESION, ("organo",), "EDT", True),
    (SESION, ("tipo",), "Ordinaria", True),
    (SESION, ("modalidad",), "Híbrida", True),
    (SESION, ("modalidad",), "mixta", False),
    (SESION, ("acuerdos", 0, "estado"), "Cumplido", True),
    ("agenda2030.yaml", ("recomendaciones", 0, "id"), "o1", True),
    ("agenda2030.yaml", ("recomendaciones", 0, "cumple"), "Sí", True),
    ("agenda2030.yaml", ("recomendaciones", 0, "cumple"), "true", True),
    ("agenda2030.yaml", ("recomendaciones", 0, "cumple"), "verdadero", True),
    ("agenda2030.yaml", ("recomendaciones", 2, "cumple"), "Parcial", True),
    ("agenda2030.yaml", ("recomendaciones", 2, "cumple"), "tal vez", False),
    ("nucleo.yaml", ("integrantes", 0, "tipo"), "OSC", True),
    ("nucleo.yaml", ("integrantes", 0, "grupos"), "[Mujeres, Jóvenes, Personas mayores]", True),
    ("nucleo.yaml", ("integrantes", 1, "grupos"), "Jóvenes", True),
    ("nucleo.yaml", ("representante", "metodo"), "Votación", True),
    ("diagnostico.yaml", ("dimensiones", 0, "id"), "Transparencia", True),
    ("diagnostico.yaml", ("dimensiones", 2, "id"), "Rendición de cuentas", True),
    # Cantidades: porcentaje, moneda y separador de miles, donde va un número.
    ("plan.yaml", (*INDICADOR, "valor_meta"), "100%", True),
    ("plan.yaml", (*INDICADOR, "valor_meta"), "100 %", True),
    ("plan.yaml", (*INDICADOR, "valor_meta"), '"100"', True),
    ("plan.yaml", (*INDICADOR, "linea_base"), "0%", True),
    ("plan.yaml", (*INDICADOR, "valor_meta"), "todas las obras", False),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "$500,000", True),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "500000 pesos", True),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "500,000.00 MXN", True),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "$ 500,000 mxn", True),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "quinientos mil", False),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "$500.000,00", False),
    ("plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "true", False),
    ("plan.yaml", (*ACTIVIDAD, "peso"), '"1"', True),
    (REPORTE, ("actividades", 1, "avance"), "40%", True),
    (REPORTE, ("actividades", 1, "avance"), "40 %", True),
    (REPORTE, ("actividades", 1, "avance"), "cuarenta", False),
    (REPORTE, ("indicadores", 0, "valor"), "40%", True),
    ("diagnostico.yaml", ("capacidades", "presupuesto_mxn"), "$150,000", True),
    ("diagnostico.yaml", ("capacidades", "horas_semana"), '"20"', True),
    ("diagnostico.yaml", ("metrica",), "{tg: '0.5', pc: 0.25}", True),
    # Enteros: también entre comillas o con separador de miles.
    ("espacio.yaml", ("reglas", "periodicidad_dias"), '"90"', True),
    ("espacio.yaml", ("reglas", "periodicidad_dias"), "90.0", True),
    ("espacio.yaml", ("reglas", "periodicidad_dias"), "noventa", False),
    ("espacio.yaml", ("reglas", "periodicidad_dias"), "90 días", False),
    ("diagnostico.yaml", ("capacidades", "personal_asignado"), '"3"', True),
    ("diagnostico.yaml", ("capacidades", "personal_asignado"), "3.5", False),
    ("diagnostico.yaml", ("capacidades", "personal_asignado"), "sí", False),
    ("plan.yaml", ("seguimiento", "periodicidad_dias"), '"180"', True),
    ("nucleo.yaml", ("representante", "periodo_meses"), '"36"', True),
    (SESION, ("publico",), "{asistentes: '1,200', grupos: Mujeres}", True),
    # Listas: un solo texto vale como lista de un elemento; nada, como lista vacía.
    ("plan.yaml", (*ACTIVIDAD, "responsables"), "Dirección de Obras Públicas", True),
    (
        "diagnostico.yaml",
        ("hallazgos",),
        "La participación existe pero no tiene presupuesto.",
        True,
    ),
    ("diagnostico.yaml", ("recomendaciones",), "", True),
    ("nucleo.yaml", ("convocatoria", "medios"), "portal municipal", True),
    (SESION, ("orden_del_dia",), "Aprobación del plan de acción", True),
    (SESION, ("orden_del_dia",), "5", False),
    (SESION, ("acuerdos",), "", True),
    (REPORTE, ("actividades", 1, "evidencias"), "", True),
    (
        REPORTE,
        ("actividades", 1, "evidencias"),
        "{descripcion: Fichas publicadas, url: 'https://obras.zapopan.gob.mx'}",
        True,
    ),
    # Un texto o varios.
    ("diagnostico.yaml", ("elaborado_por",), "[Dirección de Transparencia, Contraloría]", True),
    ("diagnostico.yaml", ("elaborado_por",), "{area: Transparencia}", False),
    # Actores del diagnóstico: sí/no o solo la nota.
    ("diagnostico.yaml", ("actores", "autoridad_garante"), "El ITEI aceptó participar.", True),
    ("diagnostico.yaml", ("actores", "autoridad_garante"), '"El ITEI aceptó participar."', True),
    ("diagnostico.yaml", ("actores", "autoridad_garante"), "sí", True),
    ("diagnostico.yaml", ("actores", "autoridad_garante"), "true", True),
    (
        "diagnostico.yaml",
        ("actores", "sociedad_civil"),
        "{presente: Sí, nota: Hay OSC activas.}",
        True,
    ),
    ("diagnostico.yaml", ("actores", "autoridad_garante"), "yes", False),
    ("diagnostico.yaml", ("actores", "autoridad_garante"), "5", False),
    # Invitados: el nombre o el detalle.
    (SESION, ("invitados",), "Luis Pérez, regidor", True),
    (SESION, ("invitados",), "[Luis Pérez, {nombre: Ana López, sector: academia}]", True),
    (
        SESION,
        ("invitados",),
        "[{nombre: Ana López, cargo: Investigadora, institucion: Universidad de Guadalajara, "
        "sector: academia}]",
        True,
    ),
    (SESION, ("invitados",), "{nombre: Ana López, sector: academia}", True),
    (SESION, ("invitados",), "5", False),
    # Referencias: un acuerdo se cita como SESION/ACUERDO.
    (
        "agenda2030.yaml",
        ("recomendaciones", 0, "referencias"),
        "[c1, 2025-10-20-ordinaria/s4-ac1]",
        True,
    ),
    ("agenda2030.yaml", ("recomendaciones", 0, "referencias"), "2025-04-30-plan/s2-ac1", True),
    ("agenda2030.yaml", ("recomendaciones", 0, "referencias"), "c1 y c2", False),
]


def _nombre(variante: tuple[str, Ruta, str, bool]) -> str:
    archivo, ruta, escrito, aceptado = variante
    campo = next(paso for paso in reversed(ruta) if isinstance(paso, str))
    return f"{archivo.split('/')[0]}:{campo}={escrito}:{'acepta' if aceptado else 'rechaza'}"


def _poner(datos: Any, ruta: Ruta, valor: Any) -> None:
    for paso in ruta[:-1]:
        datos = datos[paso]
    datos[ruta[-1]] = valor


def _escribir(proceso: Path, archivo: str, ruta: Ruta, escrito: str) -> tuple[int, int]:
    """Escribe la variante tal cual en el archivo; devuelve la línea y columna del valor."""
    destino = proceso / archivo
    datos = cargar(destino, archivo, clase_de_archivo(destino) or "").datos
    _poner(datos, ruta, MARCA)
    texto = yaml.safe_dump(datos, allow_unicode=True, sort_keys=False, width=10_000)
    antes = texto[: texto.index(MARCA)]
    destino.write_text(texto.replace(MARCA, escrito), encoding="utf-8")
    return antes.count("\n") + 1, len(antes) - antes.rfind("\n")


def _agregar_sesion_y_reporte(proceso: Path) -> None:
    """Una sesión y un reporte de avance más, sin problemas, que reciben las variantes."""
    sesion = (proceso / "sesiones" / "2026-04-20-seguimiento.yaml").read_text(encoding="utf-8")
    sesion = sesion.replace("2026-04-20", "2026-06-15").replace("2026-04-27", "2026-06-19")
    (proceso / SESION).write_text(sesion, encoding="utf-8")
    reporte = (proceso / "seguimiento" / "2026-03-31.yaml").read_text(encoding="utf-8")
    reporte = reporte.replace("2026-03-31", "2026-05-31").replace("2026-04-20", "2026-06-15")
    (proceso / REPORTE).write_text(reporte, encoding="utf-8")


@pytest.fixture(scope="module")
def validados(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Una corrida de `caja-ga validar` sobre una copia del proceso base por variante."""
    raiz = tmp_path_factory.mktemp("variantes")
    posiciones: dict[str, tuple[int, int]] = {}
    for indice, (archivo, ruta, escrito, _) in enumerate(VARIANTES):
        proceso = raiz / f"v{indice:03d}"
        shutil.copytree(BASE, proceso)
        _agregar_sesion_y_reporte(proceso)
        posiciones[proceso.name] = _escribir(proceso, archivo, ruta, escrito)
    resultado = correr_caja_ga(
        "validar", ".", "--fecha-corte", FECHA_CORTE, "--formato", "json", cwd=raiz
    )
    assert resultado.returncode in (0, 1), resultado.stderr
    problemas: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
    for problema in json.loads(resultado.stdout)["problemas"]:
        carpeta, archivo = problema["archivo"].split("/", 1)
        problemas[carpeta].append(
            (archivo, problema["linea"], problema["columna"], problema["codigo"])
        )
    return {"raiz": raiz, "problemas": problemas, "posiciones": posiciones}


def _veredicto_del_esquema(ruta: Path, relativa: str) -> list[str]:
    clase = clase_de_archivo(ruta)
    assert clase is not None
    datos = cargar(ruta, relativa, clase).datos
    validador = Draft202012Validator(
        esquema_json(clase), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [error.message for error in validador.iter_errors(datos)]


@pytest.mark.parametrize(
    ("indice", "variante"), list(enumerate(VARIANTES)), ids=[_nombre(v) for v in VARIANTES]
)
def test_validar_y_el_editor_dan_el_mismo_veredicto(
    indice: int, variante: tuple[str, Ruta, str, bool], validados: dict[str, Any]
) -> None:
    archivo, _, _, aceptado = variante
    carpeta = f"v{indice:03d}"
    linea, columna = validados["posiciones"][carpeta]
    esperados = [] if aceptado else [(archivo, linea, columna, "GA006")]
    assert validados["problemas"].get(carpeta, []) == esperados
    errores_del_editor = _veredicto_del_esquema(validados["raiz"] / carpeta / archivo, archivo)
    assert (not errores_del_editor) == aceptado, errores_del_editor


def test_la_copia_con_la_sesion_y_el_reporte_agregados_no_tiene_problemas(
    proceso: Path, caja_ga: CajaGa
) -> None:
    _agregar_sesion_y_reporte(proceso)
    resultado = caja_ga("validar", str(proceso), "--fecha-corte", FECHA_CORTE, "--formato", "json")
    assert resultado.returncode == 0, resultado.stdout
    assert json.loads(resultado.stdout)["problemas"] == []


def test_un_proceso_escrito_con_las_variantes_valida_y_se_publica(
    tmp_path: Path, caja_ga: CajaGa
) -> None:
    validado = caja_ga(
        "validar", str(ESCRITO_A_MANO), "--fecha-corte", FECHA_CORTE, "--formato", "json"
    )
    assert validado.returncode == 0, validado.stdout
    assert json.loads(validado.stdout)["problemas"] == []
    archivos = sorted(ESCRITO_A_MANO.rglob("*.yaml"))
    assert len(archivos) == 12
    for ruta in archivos:
        assert _veredicto_del_esquema(ruta, ruta.name) == [], ruta
    publicado = caja_ga(
        "reporte", str(ESCRITO_A_MANO), "--salida", str(tmp_path), "--fecha-corte", FECHA_CORTE
    )
    assert publicado.returncode == 0, publicado.stderr
    reporte = (tmp_path / "zapotlan" / "reporte.md").read_text(encoding="utf-8")
    # La lista de áreas se une en un texto; cada acuerdo a1 sale con la fecha de su sesión.
    assert "Diagnóstico de capacidades: Unidad de Transparencia y Contraloría Municipal" in reporte
    acuerdos = [linea.split(" | ")[:2] for linea in reporte.splitlines() if " | a1: " in linea]
    assert acuerdos == [
        ["| 2025-03-15", "a1: Aprobar los lineamientos de funcionamiento."],
        ["| 2025-04-30", "a1: Aprobar el plan de acción 2025-2027."],
        ["| 2025-10-20", "a1: Presentar el primer reporte de avance."],
        ["| 2026-04-20", "a1: Publicar el reporte de avance en el portal."],
    ]


def test_el_mensaje_pide_si_o_no_y_no_acepta_el_ingles(proceso: Path, caja_ga: CajaGa) -> None:
    _escribir(proceso, "proceso.yaml", ("enlace", "contacto_publico"), "yes")
    _escribir(proceso, "diagnostico.yaml", ("actores", "osi"), "on")
    _escribir(proceso, "plan.yaml", ("compromisos", 0, "presupuesto_mxn"), "quinientos mil")
    resultado = caja_ga("validar", str(proceso), "--fecha-corte", FECHA_CORTE, "--formato", "json")
    assert resultado.returncode == 1, resultado.stderr
    mensajes = [(p["codigo"], p["mensaje"]) for p in json.loads(resultado.stdout)["problemas"]]
    si_o_no = (
        "no es una respuesta de sí o no: escribe sí o no (también valen verdadero y falso, "
        "o true y false)."
    )
    assert mensajes == [
        ("GA006", f"En «osi», «on» {si_o_no}"),
        (
            "GA006",
            "En «presupuesto_mxn», «quinientos mil» no es una cantidad: escribe un número, "
            "como 40, 40%, $350,000 o 350000 pesos.",
        ),
        ("GA006", f"En «contacto_publico», «yes» {si_o_no}"),
    ]


@pytest.mark.parametrize(
    ("escrito", "leido"),
    [
        ([], ""),
        (["Unidad de Transparencia"], "Unidad de Transparencia"),
        (["Unidad de Transparencia", "Contraloría"], "Unidad de Transparencia y Contraloría"),
        (["Obras", "Contraloría", "Tesorería"], "Obras, Contraloría y Tesorería"),
    ],
)
def test_un_texto_escrito_como_lista_se_une_en_espanol(escrito: list[str], leido: str) -> None:
    assert enumerar(escrito) == leido
    assert TypeAdapter(TextoOLista).validate_python(escrito) == leido


def test_quien_elaboro_el_diagnostico_como_lista_vacia_falta(
    proceso: Path, caja_ga: CajaGa
) -> None:
    _escribir(proceso, "diagnostico.yaml", ("elaborado_por",), "[]")
    resultado = caja_ga("validar", str(proceso), "--fecha-corte", FECHA_CORTE, "--formato", "json")
    assert resultado.returncode == 1, resultado.stderr
    mensajes = [(p["codigo"], p["mensaje"]) for p in json.loads(resultado.stdout)["problemas"]]
    assert mensajes == [
        (
            "GA005",
            "Falta «elaborado_por»: quién lo elaboró: un área o persona, o una lista; complétalo.",
        )
    ]


# --- todos los campos usan las formas -----------------------------------------------------------

# Campos de sí/no, número u opción que no pasan por una forma, y por qué.
SIN_FORMA = {
    ("Archivo", "version"),  # modelar acepta 1 o "1" y avisa de otra versión con GA011
    ("Item", "valor"),  # 0, 0.5 o 1: una escala, no una cantidad
    ("Retirable", "retirada"),  # no se escribe: la pone la vista al aplicar un retiro
}


def _campos(
    modelo: type[BaseModel], vistos: set[type[BaseModel]]
) -> Iterator[tuple[str, str, Any, list[Any]]]:
    if modelo in vistos:
        return
    vistos.add(modelo)
    for nombre, campo in modelo.model_fields.items():
        duenio = next(
            m.__name__ for m in modelo.__mro__ if nombre in getattr(m, "__annotations__", {})
        )
        yield duenio, nombre, campo.annotation, list(campo.metadata)
        for sub in _submodelos(campo.annotation):
            yield from _campos(sub, vistos)


def _submodelos(anotacion: Any) -> Iterator[type[BaseModel]]:
    if isinstance(anotacion, type) and issubclass(anotacion, BaseModel):
        yield anotacion
    for argumento in get_args(anotacion):
        yield from _submodelos(argumento)


def _hojas_sin_forma(anotacion: Any, marcas: list[Any], con_texto: bool = False) -> Iterator[str]:
    """Las partes de la anotación que son sí/no, número, opción o lista y no tienen su forma."""
    origen = get_origin(anotacion)
    if origen is Annotated:
        base, *propias = get_args(anotacion)
        yield from _hojas_sin_forma(base, [*marcas, *propias], con_texto)
    elif origen in (Union, types.UnionType):
        opciones = get_args(anotacion)
        # En `X | None` las marcas de fuera son de X; en `str | int` el texto recibe lo que sea.
        heredadas = marcas if len(opciones) == 2 and type(None) in opciones else []
        for opcion in opciones:
            yield from _hojas_sin_forma(opcion, heredadas, con_texto or str in opciones)
    elif origen is list or anotacion in (bool, int, float) or origen is Literal:
        if not con_texto and not any(isinstance(marca, Forma) for marca in marcas):
            yield str(anotacion)
        if origen is list:
            yield from _hojas_sin_forma(get_args(anotacion)[0], [])


def test_cada_campo_de_si_no_numero_opcion_o_lista_usa_su_forma() -> None:
    """Una sola definición de cada forma: ningún campo acepta a su manera (la de pydantic
    toma `yes` por verdadero y el editor no)."""
    sin_forma = {
        (duenio, nombre): faltan
        for modelo in MODELOS.values()
        for duenio, nombre, anotacion, marcas in _campos(modelo, set())
        if (faltan := list(_hojas_sin_forma(anotacion, marcas)))
        and (duenio, nombre) not in SIN_FORMA
    }
    assert sin_forma == {}


# --- validar y el editor coinciden también en lo que nadie puso en la tabla ---------------------

TIPOS_CON_PATRON: dict[str, Any] = {
    "estado": Annotated[Literal["no_iniciada", "en_proceso", "completada", "cancelada"], Opcion],
    "sector": SectorEDT,
    "cumple": Annotated[Literal["si", "parcial", "no", "no_aplica"], OpcionSiNo],
    "recomendacion": Annotated[Literal["O1", "O9"], Opcion],
    "si_no": Booleano,
    "cantidad": Annotated[float, Cantidad],
    "entero": Annotated[int, Entero],
}
SEMILLAS = [
    "en_proceso",
    "no_iniciada",
    "gobierno_municipal",
    "organo_garante",
    "no_aplica",
    "O9",
    "verdadero",
    "falso",
    "$1,200.50 mxn",
    "40 %",
    "12,000",
]
_LETRAS_RARAS = "áÁàüÜñÑéÉíÍóÓúÚìäëö"


@st.composite
def _escrituras(draw: st.DrawFn) -> str:
    """Una semilla escrita como la escribiría una persona, a veces con un error."""
    texto = ""
    for caracter in draw(st.sampled_from(SEMILLAS)):
        if caracter == "_":
            caracter = draw(st.sampled_from(["_", " ", "-", "  ", " de ", "_del_", "\u00a0", ""]))
        elif draw(st.booleans()):
            caracter = caracter.upper()
        texto += caracter
    if draw(st.booleans()):
        posicion = draw(st.integers(0, len(texto)))
        extra = draw(st.sampled_from([*_LETRAS_RARAS, " ", "-", "_", ",", ".", "%", "$", "0", "x"]))
        texto = texto[:posicion] + extra + texto[posicion:]
    antes, despues = draw(st.sampled_from(["", " ", "\t"])), draw(st.sampled_from(["", " "]))
    return antes + texto + despues


@pytest.mark.parametrize("nombre", list(TIPOS_CON_PATRON))
def test_el_patron_del_editor_y_la_lectura_coinciden(nombre: str) -> None:
    adaptador: TypeAdapter[Any] = TypeAdapter(TIPOS_CON_PATRON[nombre])
    validador = Draft202012Validator(adaptador.json_schema())

    @given(texto=_escrituras())
    @settings(max_examples=300, deadline=None)
    def coinciden(texto: str) -> None:
        try:
            adaptador.validate_python(texto)
            lee = True
        except ValidationError:
            lee = False
        assert validador.is_valid(texto) == lee, texto

    coinciden()


@pytest.mark.skipif(shutil.which("node") is None, reason="sin Node.js para leer como un editor")
def test_los_patrones_valen_igual_en_el_editor() -> None:
    """Los editores leen los patrones en JavaScript (con la bandera «u», que no perdona escapes
    de más): cada patrón compila allí y decide lo mismo que en Python."""
    patrones = sorted(
        {
            nodo["pattern"]
            for clase in MODELOS
            for nodo in nodos_del_esquema(esquema_json(clase))
            if isinstance(nodo.get("pattern"), str)
        }
    )
    textos = sorted({*SEMILLAS, *(v for _, _, v, _ in VARIANTES), " Sí ", "Rendición de cuentas"})
    programa = (
        "const [patrones, textos] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const decide = p => textos.map(t => new RegExp(p, 'u').test(t));"
        "console.log(JSON.stringify(patrones.map(decide)));"
    )
    resultado = subprocess.run(
        ["node", "-e", programa],
        input=json.dumps([patrones, textos]),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert resultado.returncode == 0, resultado.stderr
    en_python = [[re.search(p, t) is not None for t in textos] for p in patrones]
    assert json.loads(resultado.stdout) == en_python


def test_una_clave_desconocida_en_un_invitado_nombra_las_validas(
    proceso: Path, caja_ga: CajaGa
) -> None:
    _agregar_sesion_y_reporte(proceso)
    linea, columna = _escribir(
        proceso, SESION, ("invitados",), "[{nombre: Ana López, puesto: Investigadora}]"
    )
    resultado = caja_ga("validar", str(proceso), "--fecha-corte", FECHA_CORTE, "--formato", "json")
    problemas = json.loads(resultado.stdout)["problemas"]
    assert [(p["linea"], p["columna"], p["codigo"], p["mensaje"]) for p in problemas] == [
        (
            linea,
            columna + len("[{nombre: Ana López, "),
            "GA004",
            "La clave «puesto» no existe en «invitados»; las claves válidas aquí son: cargo, "
            "institucion, nombre, sector.",
        )
    ]
