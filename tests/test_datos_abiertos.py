"""Los datos abiertos: CSV y JSON que se leen, se unen y coinciden con su diccionario de datos."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from caja_ga.avance import estado_de_avance
from caja_ga.proceso import cargar_proceso
from caja_ga.reporte.datos_abiertos import (
    ARCHIVOS,
    DESCRIPTOR,
    RECURSOS,
    FilasProceso,
    escribir_datos_abiertos,
    filas_de,
)
from caja_ga.reporte.privacidad import OMITIDO
from caja_ga.reporte.resumen import ResumenProceso, resumir
from caja_ga.validacion import Opciones, validar
from caja_ga.vista import Vista
from tests.conftest import BASE, EJEMPLOS, FECHA_EJEMPLOS

VALIDOS = ("zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027")
CORREO_PRIVADO = "ana.torres@example.org"  # integrante del Espacio con contacto_publico: false
TELEFONO_PRIVADO = "33 1234 5678"

Procesos = list[tuple[ResumenProceso, Vista]]


def cargar(ruta: Path, relativa: str) -> tuple[ResumenProceso, Vista]:
    fecha_corte = date.fromisoformat(FECHA_EJEMPLOS)
    vista = Vista(cargar_proceso(ruta), fecha_corte)
    resultado = validar([ruta], Opciones(fecha_corte=fecha_corte))
    return resumir(vista, relativa, resultado.procesos[0].problemas), vista


def _filas(procesos: Procesos) -> list[FilasProceso]:
    return [filas_de(resumen, vista) for resumen, vista in procesos]


def procesos_de_ejemplo(*, con_errores: bool = True) -> Procesos:
    """Los ejemplos del repositorio y el proceso base, como los recibe el reporte."""
    nombres = (*VALIDOS, "con-errores") if con_errores else VALIDOS
    return [*(cargar(EJEMPLOS / n, n) for n in nombres), cargar(BASE, "jalisco/base")]


@pytest.fixture(scope="module")
def procesos() -> Procesos:
    return procesos_de_ejemplo()


@pytest.fixture(scope="module")
def datos(procesos: Procesos, tmp_path_factory: pytest.TempPathFactory) -> Path:
    salida = tmp_path_factory.mktemp("reporte") / "datos"
    escribir_datos_abiertos(_filas(procesos), salida)
    return salida


def leer_csv(ruta: Path) -> tuple[list[str], list[dict[str, str]]]:
    with ruta.open(encoding="utf-8", newline="") as archivo:
        lector = csv.DictReader(archivo)
        filas = list(lector)
        return list(lector.fieldnames or []), filas


def descriptor(datos: Path) -> dict[str, Any]:
    paquete: dict[str, Any] = json.loads((datos / "datapackage.json").read_text("utf-8"))
    return paquete


def test_escribe_y_devuelve_todos_sus_archivos(procesos: Procesos, tmp_path: Path) -> None:
    rutas = escribir_datos_abiertos(_filas(procesos), tmp_path / "datos")
    assert [r.name for r in rutas] == list(ARCHIVOS)
    assert sorted(p.name for p in (tmp_path / "datos").iterdir()) == sorted(ARCHIVOS)


def test_cada_archivo_tiene_exactamente_las_columnas_de_su_diccionario(datos: Path) -> None:
    recursos = descriptor(datos)["resources"]
    assert {r["path"] for r in recursos} == {
        "compromisos.csv",
        "actividades.csv",
        "avances.csv",
        "metas.csv",
        "mediciones.csv",
        "modificaciones.csv",
        "propuestas.csv",
        "procesos.json",
        "cobertura.csv",
        "minimos.csv",
    }
    for recurso in recursos:
        documentadas = [campo["name"] for campo in recurso["schema"]["fields"]]
        ruta = datos / recurso["path"]
        if recurso["format"] == "csv":
            encabezado, filas = leer_csv(ruta)
            assert encabezado == documentadas, recurso["path"]
            # Ningún ejemplo registra cambios al plan: sus filas las prueba test_modificaciones.
            assert filas or recurso["path"] == "modificaciones.csv", recurso["path"]
            assert all(None not in fila and None not in fila.values() for fila in filas)
        else:
            objetos = json.loads(ruta.read_text("utf-8"))
            assert objetos
            assert all(list(objeto) == documentadas for objeto in objetos)


def test_los_valores_respetan_el_tipo_documentado(datos: Path) -> None:
    for recurso in descriptor(datos)["resources"]:
        if recurso["format"] != "csv":
            continue
        tipos = {c["name"]: c["type"] for c in recurso["schema"]["fields"]}
        for fila in leer_csv(datos / recurso["path"])[1]:
            for columna, valor in fila.items():
                if valor == "":
                    continue
                if tipos[columna] == "integer":
                    int(valor)
                elif tipos[columna] == "number":
                    float(valor)
                elif tipos[columna] == "date":
                    date.fromisoformat(valor)


ESQUEMA_PAQUETE = {
    "type": "object",
    "required": ["name", "title", "licenses", "sources", "resources"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9._/-]+$"},
        "licenses": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "object", "required": ["name", "path"]},
        },
        "sources": {
            "type": "array",
            "minItems": 2,
            "items": {"type": "object", "required": ["title"]},
        },
        "resources": {
            "type": "array",
            "minItems": 4,
            "items": {
                "type": "object",
                "required": ["name", "path", "format", "mediatype", "encoding", "schema"],
                "properties": {
                    "name": {"type": "string", "pattern": "^[a-z0-9._/-]+$"},
                    "encoding": {"const": "utf-8"},
                    "schema": {
                        "type": "object",
                        "required": ["fields", "primaryKey"],
                        "properties": {
                            "fields": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "object",
                                    "required": ["name", "type", "description"],
                                    "additionalProperties": False,
                                    "properties": {
                                        "name": {"type": "string", "pattern": "^[a-z_]+$"},
                                        "type": {
                                            "enum": ["string", "integer", "number", "date", "array"]
                                        },
                                        "description": {"type": "string", "minLength": 15},
                                    },
                                },
                            }
                        },
                    },
                },
            },
        },
    },
}


def test_datapackage_es_un_paquete_de_datos_con_fuentes(datos: Path) -> None:
    paquete = descriptor(datos)
    jsonschema.validate(paquete, ESQUEMA_PAQUETE)
    fuentes = " ".join(f["title"] for f in paquete["sources"])
    assert "INEGI" in fuentes
    assert "A/RES/70/1" in fuentes
    for recurso in paquete["resources"]:
        columnas = {c["name"] for c in recurso["schema"]["fields"]}
        assert set(recurso["schema"]["primaryKey"]) <= columnas
        for foranea in recurso["schema"].get("foreignKeys", []):
            destino = next(
                r for r in paquete["resources"] if r["name"] == foranea["reference"]["resource"]
            )
            assert set(foranea["reference"]["fields"]) <= {
                c["name"] for c in destino["schema"]["fields"]
            }


def test_los_ids_se_unen_entre_archivos(tmp_path: Path) -> None:
    escribir_datos_abiertos(_filas(procesos_de_ejemplo(con_errores=False)), tmp_path)
    compromisos = leer_csv(tmp_path / "compromisos.csv")[1]
    actividades = leer_csv(tmp_path / "actividades.csv")[1]
    avances = leer_csv(tmp_path / "avances.csv")[1]
    claves_compromisos = [(f["carpeta"], f["compromiso"]) for f in compromisos]
    claves_actividades = [(f["carpeta"], f["actividad"]) for f in actividades]
    assert len(set(claves_compromisos)) == len(claves_compromisos)
    assert len(set(claves_actividades)) == len(claves_actividades)
    assert {(f["carpeta"], f["compromiso"]) for f in actividades} == set(claves_compromisos)
    assert {(f["carpeta"], f["actividad"]) for f in avances} <= set(claves_actividades)
    assert {f["carpeta"] for f in avances} == {
        "monterrey-2024-2027",
        "puebla-2024-2027",
        "jalisco/base",
    }


def test_una_fila_por_compromiso_actividad_y_actividad_reportada(
    procesos: Procesos, datos: Path
) -> None:
    for resumen, vista in procesos:
        plan = vista.carpeta.plan
        assert plan is not None
        compromisos = [
            f for f in leer_csv(datos / "compromisos.csv")[1] if f["carpeta"] == resumen.carpeta
        ]
        actividades = [
            f for f in leer_csv(datos / "actividades.csv")[1] if f["carpeta"] == resumen.carpeta
        ]
        avances = [f for f in leer_csv(datos / "avances.csv")[1] if f["carpeta"] == resumen.carpeta]
        assert [f["compromiso"] for f in compromisos] == [c.id for c in plan.compromisos]
        assert [f["actividad"] for f in actividades] == [
            a.id for c in plan.compromisos for a in c.actividades
        ]
        assert len(avances) == sum(len(s.seguimiento.actividades) for s in vista.seguimientos)
        assert all(f["cvegeo"] == resumen.cvegeo for f in [*compromisos, *actividades, *avances])


def test_el_avance_es_el_del_calculo_publicado(procesos: Procesos, datos: Path) -> None:
    compromisos = {
        (f["carpeta"], f["compromiso"]): f for f in leer_csv(datos / "compromisos.csv")[1]
    }
    actividades = {
        (f["carpeta"], f["actividad"]): f for f in leer_csv(datos / "actividades.csv")[1]
    }
    alguno_en_proceso = False
    for resumen, vista in procesos:
        plan, ultimos, calendario = vista.plan, vista.ultimos_avances, vista.calendario
        assert plan is not None
        for compromiso in plan.compromisos:
            fila = compromisos[resumen.carpeta, compromiso.id]
            situacion = calendario.compromisos[compromiso.id]
            assert float(fila["avance"]) == pytest.approx(situacion.avance, abs=0.005)
            assert fila["estado"] == estado_de_avance(situacion.avance)
            assert fila["estado_calendario"] == situacion.estado
            alguno_en_proceso |= fila["estado"] == "en proceso"
            for actividad in compromiso.actividades:
                fila = actividades[resumen.carpeta, actividad.id]
                situacion = calendario.actividades[actividad.id]
                assert float(fila["avance"]) == pytest.approx(situacion.avance)
                assert fila["estado_calendario"] == situacion.estado
                reportada = ultimos.get(actividad.id)
                assert fila["estado"] == (reportada.estado or "" if reportada else "")
    assert alguno_en_proceso


def test_el_compromiso_lleva_su_evaluacion_listas_y_presupuesto(datos: Path) -> None:
    filas = {(f["carpeta"], f["compromiso"]): f for f in leer_csv(datos / "compromisos.csv")[1]}
    c1 = filas["puebla-2024-2027", "c1"]
    assert (c1["cumplimiento"], c1["abrio_gobierno"]) == ("completo", "mayor")
    assert c1["ods"] == "6.1;6.b;16.6"
    assert c1["valores"] == "transparencia;rendicion_cuentas;participacion"
    assert c1["presupuesto_mxn"] == "950000"
    assert c1["estado"] == "completado"
    sin_evaluacion = filas["monterrey-2024-2027", "c1"]
    assert sin_evaluacion["cumplimiento"] == sin_evaluacion["abrio_gobierno"] == ""


def test_procesos_json_resume_cada_proceso(procesos: Procesos, datos: Path) -> None:
    objetos = json.loads((datos / "procesos.json").read_text("utf-8"))
    assert [o["carpeta"] for o in objetos] == sorted(r.carpeta for r, _ in procesos)
    puebla = next(o for o in objetos if o["carpeta"] == "puebla-2024-2027")
    assert puebla["inicio_gobierno"] == "2024-10-15"
    assert puebla["fase"] == "evaluacion"
    assert puebla["avance"] == 100
    assert puebla["ods"][:3] == ["6.1", "6.b", "16.6"]


def test_un_proceso_sin_plan_no_tiene_compromisos_y_su_avance_es_nulo(tmp_path: Path) -> None:
    copia = tmp_path / "sin-plan"
    shutil.copytree(BASE, copia)
    (copia / "plan.yaml").unlink()
    escribir_datos_abiertos(_filas([cargar(copia, "sin-plan")]), tmp_path / "datos")
    assert leer_csv(tmp_path / "datos" / "compromisos.csv")[1] == []
    assert leer_csv(tmp_path / "datos" / "actividades.csv")[1] == []
    proceso = json.loads((tmp_path / "datos" / "procesos.json").read_text("utf-8"))[0]
    assert proceso["avance"] is None
    assert proceso["compromisos"] == 0


def _escribir_contactos(copia: Path) -> None:
    """Repite el contacto de la integrante privada del Espacio en textos que se publican."""
    yaml = YAML()
    plan = yaml.load(copia / "plan.yaml")
    actividad = plan["compromisos"][0]["actividades"][0]
    actividad["descripcion"] = f"Escribir a {CORREO_PRIVADO.upper()} o al +52 33-1234-5678."
    actividad["responsables"].append(f"Ana Torres ({CORREO_PRIVADO}, {TELEFONO_PRIVADO})")
    actividad["entregable"] = "Informe enviado a transparencia@zapopan.gob.mx"
    yaml.dump(plan, copia / "plan.yaml")
    seguimiento = next((copia / "seguimiento").glob("*.yaml"))
    reporte = yaml.load(seguimiento)
    reporte["actividades"][0]["evidencias"] = [
        {"descripcion": "Correo", "url": f"mailto:{CORREO_PRIVADO}"}
    ]
    yaml.dump(reporte, seguimiento)


def test_nunca_publica_el_contacto_de_una_persona_sin_contacto_publico(tmp_path: Path) -> None:
    copia = tmp_path / "zapopan"
    shutil.copytree(BASE, copia)
    _escribir_contactos(copia)
    escribir_datos_abiertos(_filas([cargar(copia, "zapopan")]), tmp_path / "datos")
    todo = "\n".join(p.read_text("utf-8") for p in sorted((tmp_path / "datos").iterdir()))
    assert "ana.torres" not in todo.casefold()
    assert "1234" not in todo
    assert todo.count(OMITIDO) == 5
    # El correo institucional del enlace, que es público, se conserva.
    assert "transparencia@zapopan.gob.mx" in todo
    for recurso in RECURSOS:
        assert not {"correo", "telefono"} & set(recurso.columnas)


def test_sin_datos_privados_en_los_ejemplos(datos: Path) -> None:
    # El diccionario de datos (datapackage.json) nombra la «@» al explicar las fórmulas.
    todo = "\n".join(p.read_text("utf-8") for p in sorted(datos.iterdir()) if p.name != DESCRIPTOR)
    assert CORREO_PRIVADO not in todo
    assert "@" not in todo  # ningún texto publicado de los ejemplos lleva correos


def test_misma_entrada_mismos_bytes(procesos: Procesos, tmp_path: Path) -> None:
    escribir_datos_abiertos(_filas(procesos), tmp_path / "uno")
    escribir_datos_abiertos(_filas(list(reversed(procesos))), tmp_path / "dos")
    for nombre in ARCHIVOS:
        primero = (tmp_path / "uno" / nombre).read_bytes()
        assert primero == (tmp_path / "dos" / nombre).read_bytes(), nombre
        assert b"\r\n" not in primero
        primero.decode("utf-8")


def test_reescribir_reemplaza_sin_dejar_temporales(procesos: Procesos, tmp_path: Path) -> None:
    escribir_datos_abiertos(_filas(procesos), tmp_path)
    escribir_datos_abiertos(_filas(procesos[:1]), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(ARCHIVOS)
    assert len(json.loads((tmp_path / "procesos.json").read_text("utf-8"))) == 1
