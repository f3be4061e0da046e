"""`caja-ga exportar` e `importar` de punta a punta, por el comando instalado: el libro que se
exporta, la ida y vuelta sin cambios, una celda editada = un valor cambiado en plan.yaml, el
reporte de avance nuevo, errores con hoja, fila y columna, y libros peligrosos o ajenos."""

from __future__ import annotations

import csv
import difflib
import json
import os
import re
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE, EJEMPLOS, CajaGa, correr_caja_ga

CORTE = "2026-09-30"
HOJAS = [
    "Léeme",
    "Reporte",
    "Avance",
    "Evidencias",
    "Indicadores",
    "Compromisos",
    "Metas",
    "Actividades",
]
ENCABEZADOS = {
    "Reporte": ["fecha_corte", "revisado_en", "huella_plan"],
    "Avance": ["compromiso", "actividad", "id", "estado", "avance", "observaciones"],
    "Evidencias": ["id", "descripcion", "url"],
    "Indicadores": [
        "meta",
        "indicador",
        "ultimo_valor",
        "ultima_fecha",
        "valor",
        "fecha",
        "fuente",
    ],
    "Compromisos": [
        "id",
        "titulo",
        "problema_publico.descripcion",
        "objetivo",
        "solucion",
        "resultados_esperados",
        "presupuesto_mxn",
        "potencial",
    ],
    "Metas": [
        "compromiso",
        "id",
        "descripcion",
        "indicador.nombre",
        "indicador.unidad",
        "indicador.linea_base",
        "indicador.valor_meta",
        "indicador.fecha_meta",
        "medio_verificacion",
    ],
    "Actividades": [
        "compromiso",
        "id",
        "descripcion",
        "entregable",
        "inicio",
        "fin",
        "medio_verificacion",
        "peso",
    ],
}


def _copia(origen: Path, destino: Path) -> Path:
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(origen, destino)
    return destino


def _archivos(carpeta: Path) -> dict[str, bytes]:
    return {
        p.relative_to(carpeta).as_posix(): p.read_bytes()
        for p in sorted(carpeta.rglob("*"))
        if p.is_file()
    }


def _rel(ruta: Path) -> str:
    return os.path.relpath(ruta)


def _exportar(caja_ga: CajaGa, proceso: Path, salida: Path, *extra: str) -> None:
    resultado = caja_ga(
        "exportar", _rel(proceso), "--salida", _rel(salida), "--fecha-corte", CORTE, *extra
    )
    assert resultado.returncode == 0, resultado.stderr


def _valores(ws: Any) -> list[list[Any]]:
    return [list(fila) for fila in ws.iter_rows(values_only=True)]


@pytest.fixture
def zapopan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Una copia del proceso base; la carpeta actual es la que la contiene."""
    monkeypatch.chdir(tmp_path)
    return _copia(BASE, tmp_path / "zapopan")


# --- exportar --------------------------------------------------------------------------------


def test_el_libro_exportado(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    libro = tmp_path / "avance.xlsx"
    resultado = caja_ga("exportar", _rel(zapopan), "--salida", _rel(libro), "--fecha-corte", CORTE)
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout == (
        "Escrito: avance.xlsx\nSiguiente: llena el libro (la hoja «Léeme» explica cómo) y corre "
        "«caja-ga importar avance.xlsx zapopan».\n"
    )
    wb = openpyxl.load_workbook(libro)
    assert wb.sheetnames == HOJAS
    for nombre, encabezados in ENCABEZADOS.items():
        assert _valores(wb[nombre])[0] == encabezados, nombre
    huella = _valores(wb["Reporte"])[1][2]
    assert len(huella) == 64
    assert _valores(wb["Reporte"])[1:] == [[datetime(2026, 9, 30), None, huella]]
    assert _valores(wb["Avance"])[1:] == [
        ["c1", "Diseñar la ficha de obra con la sociedad civil.", "c1-a1", "completada", 100, None],
        ["c1", "Publicar las fichas de todas las obras.", "c1-a2", "en_proceso", 40, None],
    ]
    assert _valores(wb["Evidencias"])[1:] == [
        [
            "c1-a1",
            "Minuta con la ficha aprobada",
            "https://www.zapopan.gob.mx/ga/minuta-2025-08-20.pdf",
        ],
    ]
    assert _valores(wb["Indicadores"])[1:] == [
        [
            "c1-m1",
            "Porcentaje de obras con ficha pública",
            40,
            datetime(2026, 3, 31),
            None,
            None,
            None,
        ],
    ]
    assert _valores(wb["Actividades"])[1:] == [
        [
            "c1",
            "c1-a1",
            "Diseñar la ficha de obra con la sociedad civil.",
            "Ficha aprobada en sesión del EDT",
            datetime(2025, 5, 1),
            datetime(2025, 8, 31),
            "Minuta de la sesión",
            None,
        ],
        [
            "c1",
            "c1-a2",
            "Publicar las fichas de todas las obras.",
            "Portal con las fichas",
            datetime(2025, 9, 1),
            datetime(2027, 3, 31),
            "https://obras.zapopan.gob.mx",
            None,
        ],
    ]
    assert wb["Actividades"]["E2"].is_date
    validaciones = {
        (str(v.sqref).split(":")[0], v.type, v.operator, v.formula1, v.formula2)
        for v in wb["Avance"].data_validations.dataValidation
    }
    assert validaciones == {
        ("D2", "list", None, '"no_iniciada,en_proceso,completada,cancelada"', None),
        ("E2", "decimal", "between", "0", "100"),
    }
    fechas = {
        (str(v.sqref).split(":")[0], v.type)
        for v in wb["Actividades"].data_validations.dataValidation
    }
    assert fechas == {("E2", "date"), ("F2", "date"), ("H2", "decimal")}
    assert _valores(wb["Léeme"])[0] == [
        "Avance y plan de Zapopan: reporte con fecha de corte 2026-09-30"
    ]


def test_exportar_no_sobrescribe(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    libro = tmp_path / "avance.xlsx"
    libro.write_bytes(b"mio")
    resultado = caja_ga("exportar", _rel(zapopan), "--salida", _rel(libro))
    assert (resultado.returncode, resultado.stdout) == (2, "")
    assert resultado.stderr == (
        "Error: Ya existe «avance.xlsx»; no se escribió nada. Usa --forzar para reemplazarlo o "
        "elige otra --salida.\n"
    )
    assert libro.read_bytes() == b"mio"
    _exportar(caja_ga, zapopan, libro, "--forzar")
    assert zipfile.is_zipfile(libro)


def test_un_csv_por_hoja(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "libro.csv")
    nombres = sorted(p.name for p in tmp_path.glob("libro-*.csv"))
    assert nombres == [
        f"libro-{n}.csv"
        for n in sorted(
            [
                "reporte",
                "avance",
                "evidencias",
                "indicadores",
                "compromisos",
                "metas",
                "actividades",
                "leeme",
            ]
        )
    ]
    avance = (tmp_path / "libro-avance.csv").read_bytes().decode("utf-8")
    assert avance == (  # con BOM, para que Excel reconozca UTF-8 al abrirlo
        "\ufeffcompromiso,actividad,id,estado,avance,observaciones\r\n"
        "c1,Diseñar la ficha de obra con la sociedad civil.,c1-a1,completada,100,\r\n"
        "c1,Publicar las fichas de todas las obras.,c1-a2,en_proceso,40,\r\n"
    )
    # Cualquiera de sus hojas nombra al libro completo.
    resultado = caja_ga("importar", "libro-metas.csv", "zapopan")
    assert (resultado.returncode, resultado.stderr) == (0, "")
    assert resultado.stdout.startswith("Sin cambios:")


def test_un_texto_que_empieza_con_igual_nunca_es_formula(
    caja_ga: CajaGa, zapopan: Path, tmp_path: Path
) -> None:
    plan = zapopan / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "medio_verificacion: Minuta de la sesión",
            'medio_verificacion: \'=HYPERLINK("http://x.example";"clic")\'',
        ),
        encoding="utf-8",
    )
    antes = _archivos(zapopan)
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    celda = openpyxl.load_workbook(tmp_path / "a.xlsx")["Actividades"]["G2"]
    assert (celda.data_type, celda.value) == ("s", '=HYPERLINK("http://x.example";"clic")')
    _exportar(caja_ga, zapopan, tmp_path / "c")
    fila = (tmp_path / "c" / "actividades.csv").read_text(encoding="utf-8").splitlines()[1]
    assert ',"\'=HYPERLINK(""http://x.example"";""clic"")",' in fila
    for libro in ("a.xlsx", "c"):
        resultado = caja_ga("importar", _rel(tmp_path / libro), _rel(zapopan))
        assert resultado.returncode == 0, resultado.stderr
        assert _archivos(zapopan) == antes


def test_el_leeme_en_csv_guarda_cada_renglon_en_una_celda_sin_formulas(
    caja_ga: CajaGa, zapopan: Path, tmp_path: Path
) -> None:
    proceso = zapopan / "proceso.yaml"
    nombre = '\'Zapopan,=HYPERLINK("http://x.example";"clic")\''
    proceso.write_text(
        proceso.read_text(encoding="utf-8").replace("nombre: Zapopan", f"nombre: {nombre}", 1),
        encoding="utf-8",
    )
    _exportar(caja_ga, zapopan, tmp_path / "c")
    texto = (tmp_path / "c" / "leeme.csv").read_text(encoding="utf-8-sig")
    filas = list(csv.reader(texto.splitlines()))
    assert filas[0] == [
        'Avance y plan de Zapopan,=HYPERLINK("http://x.example";"clic"): reporte con fecha de '
        "corte 2026-09-30"
    ]
    assert filas[-2:] == [
        ["    caja-ga importar c zapopan"],
        [
            "Si algo no está bien, caja-ga dice en qué hoja, fila y columna, y no escribe nada. "
            "Si todo está bien, escribe seguimiento/FECHA.yaml con el avance nuevo y los "
            "cambios en plan.yaml."
        ],
    ]
    assert all(len(fila) <= 1 for fila in filas)


def test_un_control_invisible_se_senala_en_vez_de_romper_el_xlsx(
    caja_ga: CajaGa, zapopan: Path, tmp_path: Path
) -> None:
    plan = zapopan / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "titulo: Obra pública abierta", 'titulo: "Obra\\x0bpública"', 1
        ),
        encoding="utf-8",
    )
    resultado = caja_ga("exportar", "zapopan", "--salida", "a.xlsx", "--fecha-corte", CORTE)
    assert (resultado.returncode, resultado.stdout) == (2, "")
    assert resultado.stderr == (
        "Error: Hoja «Compromisos», fila 2, columna «titulo»: «Obra\\x0bpública» tiene un "
        "carácter de control invisible (código 0x0B) que una hoja de cálculo no admite. Bórralo "
        "del archivo YAML del proceso que tiene ese texto y vuelve a exportar; no se escribió "
        "nada.\n"
    )
    assert not (tmp_path / "a.xlsx").exists()


# --- ida y vuelta ----------------------------------------------------------------------------

PROCESOS = sorted(p for p in EJEMPLOS.iterdir() if (p / "proceso.yaml").is_file())


@pytest.mark.parametrize("proceso", [BASE, *PROCESOS], ids=lambda p: p.name)
@pytest.mark.parametrize("forma", ["libro.xlsx", "libro.csv", "carpeta"])
def test_sin_editar_no_cambia_ningun_archivo(
    caja_ga: CajaGa, tmp_path: Path, proceso: Path, forma: str
) -> None:
    copia = _copia(proceso, tmp_path / "proceso")
    antes = _archivos(copia)
    _exportar(caja_ga, copia, tmp_path / forma)
    resultado = caja_ga("importar", _rel(tmp_path / forma), _rel(copia))
    assert (resultado.returncode, resultado.stderr) == (0, "")
    assert resultado.stdout == (
        "Sin cambios: el libro dice lo mismo que los archivos; no se escribió nada.\n"
    )
    assert _archivos(copia) == antes


def _textos() -> st.SearchStrategy[str]:
    caracteres = st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"])
    return st.text(caracteres, min_size=1, max_size=30).filter(lambda t: t.strip() == t != "")


VALORES: dict[str, st.SearchStrategy[Any]] = {
    "texto": st.one_of(_textos(), st.lists(_textos(), min_size=2, max_size=3).map("\n".join)),
    "numero": st.one_of(
        st.integers(1, 10**6), st.floats(0.01, 1e6, allow_nan=False).map(lambda x: round(x, 2))
    ),
    "fecha": st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    "potencial": st.sampled_from(["no_claro", "modesto", "sustancial"]),
}
TIPOS = {
    "presupuesto_mxn": "numero",
    "peso": "numero",
    "indicador.linea_base": "numero",
    "indicador.valor_meta": "numero",
    "inicio": "fecha",
    "fin": "fecha",
    "indicador.fecha_meta": "fecha",
    "potencial": "potencial",
}
EDITABLES = {
    "Compromisos": ENCABEZADOS["Compromisos"][1:],
    "Metas": ENCABEZADOS["Metas"][2:],
    "Actividades": ENCABEZADOS["Actividades"][2:],
}
PROCESOS_EDITABLES = [BASE, *(p for p in PROCESOS if p.name != "con-errores")]


@pytest.fixture(scope="module")
def exportados(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Cada proceso exportado una vez, en xlsx y en CSV (se copian en cada ejemplo)."""
    carpeta = tmp_path_factory.mktemp("exportados")
    for proceso in PROCESOS_EDITABLES:
        for forma in ("xlsx", "csv"):
            destino = carpeta / f"{proceso.name}.{forma}"
            correr_caja_ga(
                "exportar", str(proceso), "--salida", str(destino), "--fecha-corte", CORTE
            )
    return {p.name: p for p in PROCESOS_EDITABLES} | {"_": carpeta}


def _elementos(plan: dict[str, Any], hoja: str) -> list[tuple[int | str, ...]]:
    """La ruta en plan.yaml de cada fila de la hoja, en el orden del libro."""
    rutas: list[tuple[int | str, ...]] = []
    for i, compromiso in enumerate(plan["compromisos"]):
        if hoja == "Compromisos":
            rutas.append(("compromisos", i))
        clave = {"Metas": "metas", "Actividades": "actividades"}.get(hoja)
        if clave:
            rutas += [("compromisos", i, clave, j) for j in range(len(compromiso.get(clave) or []))]
    return rutas


def _en(datos: Any, ruta: tuple[int | str, ...]) -> Any:
    for paso in ruta:
        if isinstance(datos, dict):
            datos = datos.get(paso)
        elif isinstance(datos, list):
            datos = datos[paso]  # type: ignore[index]
        if datos is None:
            return None
    return datos


def _poner(datos: Any, ruta: tuple[int | str, ...], valor: Any) -> None:
    for paso in ruta[:-1]:
        if isinstance(datos, dict) and not isinstance(datos.get(paso), dict | list):
            datos[paso] = {}
        datos = datos[paso]
    datos[ruta[-1]] = valor


def _editar_xlsx(
    origen: Path, destino: Path, hoja: str, fila: int, columna: str, valor: Any
) -> None:
    wb = openpyxl.load_workbook(origen)
    ws = wb[hoja]
    celda = ws.cell(row=fila, column=ENCABEZADOS[hoja].index(columna) + 1)
    celda.value = datetime(valor.year, valor.month, valor.day) if isinstance(valor, date) else valor
    if isinstance(valor, str):
        celda.data_type = "s"  # lo que escribe una persona en una celda de texto
    wb.save(destino)


def _editar_csv(
    origen: Path, destino: Path, hoja: str, fila: int, columna: str, valor: Any
) -> None:
    for archivo in origen.parent.glob(f"{origen.stem}-*.csv"):
        shutil.copy(archivo, destino.with_name(archivo.name.replace(origen.stem, destino.stem, 1)))
    ruta = destino.with_name(f"{destino.stem}-{hoja.lower()}.csv")
    with ruta.open(encoding="utf-8-sig", newline="") as entrada:
        filas = list(csv.reader(entrada))
    texto = valor.isoformat() if isinstance(valor, date) else str(valor)
    if texto.startswith("'"):  # en CSV, un apóstrofo inicial protege el texto y se quita
        texto = "'" + texto
    filas[fila - 1][ENCABEZADOS[hoja].index(columna)] = texto
    with ruta.open("w", encoding="utf-8", newline="") as salida:
        csv.writer(salida).writerows(filas)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(datos=st.data())
def test_una_celda_editada_cambia_solo_ese_valor(
    exportados: dict[str, Path], tmp_path: Path, datos: st.DataObject
) -> None:
    nombre = datos.draw(st.sampled_from(sorted(n for n in exportados if n != "_")))
    forma = datos.draw(st.sampled_from(["xlsx", "csv"]))
    hoja = datos.draw(st.sampled_from(sorted(EDITABLES)))
    columna = datos.draw(st.sampled_from(EDITABLES[hoja]))
    tipo = TIPOS.get(columna, "texto")
    valor = datos.draw(VALORES[tipo])
    if tipo == "texto" and forma == "xlsx":
        valor = valor if not valor.startswith("=") else "x" + valor
    copia = _copia(exportados[nombre], tmp_path / "proceso")
    texto_antes = (copia / "plan.yaml").read_text(encoding="utf-8")
    plan = yaml.safe_load(texto_antes)
    rutas = _elementos(plan, hoja)
    k = datos.draw(st.integers(0, len(rutas) - 1))
    ruta = (*rutas[k], *columna.split("."))
    actual = _en(plan, ruta)
    antes = _archivos(copia)
    libro = tmp_path / f"editado.{forma}"
    editar = _editar_xlsx if forma == "xlsx" else _editar_csv
    editar(exportados["_"] / f"{nombre}.{forma}", libro, hoja, k + 2, columna, valor)

    resultado = correr_caja_ga("importar", _rel(libro), _rel(copia))

    if isinstance(actual, list):  # una lista se edita en plan.yaml
        assert resultado.returncode == 1, resultado.stderr
        assert _archivos(copia) == antes
        return
    assert resultado.returncode == 0, resultado.stderr
    despues = _archivos(copia)
    sin_plan = {k: v for k, v in despues.items() if k != "plan.yaml"}
    assert sin_plan == {k: v for k, v in antes.items() if k != "plan.yaml"}
    texto_despues = despues["plan.yaml"].decode("utf-8")
    esperado = yaml.safe_load(texto_antes)
    _poner(esperado, ruta, valor)
    assert yaml.safe_load(texto_despues) == esperado
    if actual == valor:
        assert texto_despues == texto_antes
        return
    # Un solo bloque de líneas cambia (la del valor; varias si era un bloque «|»).
    cambios = [
        op
        for op in difflib.SequenceMatcher(
            None, texto_antes.splitlines(True), texto_despues.splitlines(True), autojunk=False
        ).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(cambios) == 1, cambios
    _, _, _, j1, j2 = cambios[0]
    nuevas = texto_despues.splitlines(True)[j1:j2]
    assert nuevas[0].lstrip(" -").startswith(f"{columna.split('.')[-1]}:") or (
        nuevas[0].strip() == f"{columna.split('.')[0]}:"
    ), nuevas


# --- el avance -------------------------------------------------------------------------------


def test_el_avance_llenado_es_un_reporte_nuevo(
    caja_ga: CajaGa, zapopan: Path, tmp_path: Path
) -> None:
    origen = tmp_path / "a.xlsx"
    _exportar(caja_ga, zapopan, origen)
    wb = openpyxl.load_workbook(origen)
    wb["Reporte"]["B2"] = "2026-04-20-seguimiento"
    wb["Avance"]["E3"] = 65
    wb["Avance"]["F3"] = "195 de 300 obras: más de lo previsto."
    wb["Evidencias"].append(["c1-a2", "Portal de obras", "https://obras.zapopan.gob.mx"])
    wb["Indicadores"]["E2"] = 65
    wb["Indicadores"]["G2"] = "Portal de obras"
    wb.save(tmp_path / "b.xlsx")
    plan = (zapopan / "plan.yaml").read_bytes()

    resultado = caja_ga("importar", _rel(tmp_path / "b.xlsx"), _rel(zapopan))

    assert (resultado.returncode, resultado.stderr) == (0, "")
    assert resultado.stdout == (
        "Escrito: zapopan/seguimiento/2026-09-30.yaml\n"
        "Siguiente: revisa con «caja-ga validar» y guarda los cambios en git.\n"
    )
    assert (zapopan / "plan.yaml").read_bytes() == plan
    assert (zapopan / "seguimiento" / "2026-09-30.yaml").read_text(encoding="utf-8") == (
        "version: 1\n"
        "# Reporte de avance con fecha de corte 2026-09-30, importado de b.xlsx con «caja-ga "
        "importar».\n"
        "fecha_corte: 2026-09-30\n"
        'revisado_en: "2026-04-20-seguimiento"\n'
        "actividades:\n"
        "  - id: c1-a1\n"
        "    estado: completada\n"
        "    avance: 100\n"
        "    evidencias:\n"
        "      - descripcion: Minuta con la ficha aprobada\n"
        "        url: https://www.zapopan.gob.mx/ga/minuta-2025-08-20.pdf\n"
        "  - id: c1-a2\n"
        "    estado: en_proceso\n"
        "    avance: 65\n"
        "    evidencias:\n"
        "      - descripcion: Portal de obras\n"
        "        url: https://obras.zapopan.gob.mx\n"
        '    observaciones: "195 de 300 obras: más de lo previsto."\n'
        "indicadores:\n"
        "  - meta: c1-m1\n"
        "    valor: 65\n"
        "    fuente: Portal de obras\n"
    )
    validar = caja_ga("validar", _rel(zapopan), "--fecha-corte", "2026-10-01", "--formato", "json")
    assert '"problemas": []' in validar.stdout, validar.stdout
    # De nuevo: el reporte ya existe; solo con --forzar se reemplaza.
    otra = caja_ga("importar", _rel(tmp_path / "b.xlsx"), _rel(zapopan))
    assert otra.returncode == 2
    assert otra.stderr == (
        "Error: zapopan/seguimiento/2026-09-30.yaml ya existe; no se escribió nada. Usa "
        "--forzar para reemplazarlo con el avance del libro, o cambia la fecha_corte de la hoja "
        "«Reporte».\n"
    )
    assert caja_ga("importar", _rel(tmp_path / "b.xlsx"), _rel(zapopan), "--forzar").returncode == 0


@pytest.mark.parametrize(
    ("valor", "mensaje"),
    [
        ("  ", "falta la fecha de corte del reporte."),
        ("30/09/2026", "«30/09/2026» no es una fecha: escríbela AAAA-MM-DD, p. ej. 2026-06-30."),
    ],
)
def test_la_fecha_de_corte_del_reporte_vacia_o_ilegible(
    caja_ga: CajaGa, zapopan: Path, tmp_path: Path, valor: str, mensaje: str
) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    wb["Reporte"]["A2"] = valor
    wb.save(tmp_path / "b.xlsx")
    antes = _archivos(zapopan)
    resultado = caja_ga("importar", _rel(tmp_path / "b.xlsx"), _rel(zapopan))
    assert (resultado.returncode, resultado.stdout) == (1, "")
    assert resultado.stderr.splitlines() == [
        f"Hoja «Reporte», fila 2, columna «fecha_corte»: {mensaje}",
        "No se escribió nada; corrige el libro y vuelve a importarlo.",
    ]
    assert _archivos(zapopan) == antes


def test_errores_con_hoja_fila_y_columna(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    wb["Reporte"]["B2"] = "sesión de abril"
    wb["Avance"]["D2"] = "terminada"
    wb["Avance"]["D3"] = None
    wb["Avance"]["E3"] = 160
    wb["Evidencias"]["B3"] = None
    wb["Evidencias"]["A3"] = "c1-a1"
    wb["Evidencias"]["C2"] = "ftp://x"
    wb["Actividades"]["E2"] = "2025-13-01"
    wb["Actividades"]["C3"] = "Publicar las fichas de todas las obras, ya."
    wb["Metas"]["B2"] = "c9-m1"
    wb["Compromisos"]["G2"] = "mucho"
    wb.save(tmp_path / "b.xlsx")
    antes = _archivos(zapopan)

    resultado = caja_ga("importar", _rel(tmp_path / "b.xlsx"), _rel(zapopan))

    assert (resultado.returncode, resultado.stdout) == (1, "")
    assert resultado.stderr.splitlines() == [
        "Hoja «Reporte», fila 2, columna «revisado_en»: En «revisado_en», «sesión de abril» no es "
        "un identificador válido: usa letras, números y guiones, sin espacios ni acentos (por "
        "ejemplo «c1-a2»).",
        "Hoja «Avance», fila 2, columna «estado»: «terminada» no es una opción válida: usa una "
        "de no_iniciada, en_proceso, completada, cancelada.",
        "Hoja «Avance», fila 3, columna «avance»: el avance es un porcentaje de 0 a 100, no «160».",
        "Hoja «Avance», fila 3, columna «estado»: falta el estado: elige uno de no_iniciada, "
        "en_proceso, completada, cancelada.",
        "Hoja «Evidencias», fila 2, columna «url»: En «url», «ftp://x» no es una dirección web "
        "válida: debe empezar con https:// (o http://).",
        "Hoja «Evidencias», fila 3, columna «descripcion»: no dice qué es la evidencia ni dónde "
        "verla.",
        "Hoja «Compromisos», fila 2, columna «presupuesto_mxn»: debe ser un número, no «mucho».",
        "Hoja «Metas», fila 2, columna «id»: «c9-m1» no es un id de metas de plan.yaml; aquí no "
        "se agregan metas (usa plan.yaml o «caja-ga nuevo compromiso»).",
        "Hoja «Actividades», fila 2, columna «inicio»: «2025-13-01» no es una fecha: escríbela "
        "AAAA-MM-DD, p. ej. 2026-06-30.",
        "No se escribió nada; corrige el libro y vuelve a importarlo.",
    ]
    assert _archivos(zapopan) == antes


def test_sin_plan_no_hay_libro(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    (zapopan / "plan.yaml").write_text("version: 1\ncompromisos: 3\n", encoding="utf-8")
    mensaje = (
        "Error: zapopan/plan.yaml tiene errores de estructura; «caja-ga validar» dice qué "
        "corregir antes de usar hojas de cálculo.\n"
    )
    assert _error(caja_ga, tmp_path / "a.xlsx", zapopan) == mensaje
    resultado = caja_ga("exportar", "zapopan", "--salida", "b.xlsx")
    assert (resultado.returncode, resultado.stdout, resultado.stderr) == (2, "", mensaje)
    assert not (tmp_path / "b.xlsx").exists()


def test_formulas_rechazadas(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    wb["Avance"]["E3"] = "=40+20"
    wb.save(tmp_path / "b.xlsx")
    antes = _archivos(zapopan)
    resultado = caja_ga("importar", _rel(tmp_path / "b.xlsx"), _rel(zapopan))
    assert resultado.returncode == 1
    assert resultado.stderr.splitlines() == [
        "Hoja «Avance», fila 3, columna «avance»: tiene una fórmula; escribe el valor, sin «=».",
        "No se escribió nada; corrige el libro y vuelve a importarlo.",
    ]
    assert _archivos(zapopan) == antes


def test_plan_cambiado_despues_de_exportar(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    plan = zapopan / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "# nota\n", encoding="utf-8")
    antes = _archivos(zapopan)
    resultado = caja_ga("importar", _rel(tmp_path / "a.xlsx"), _rel(zapopan))
    assert resultado.returncode == 2
    assert resultado.stderr == (
        "Error: zapopan/plan.yaml cambió desde que se exportó este libro: importarlo desharía "
        "esos cambios, así que no se escribió nada. Exporta un libro nuevo con «caja-ga "
        "exportar» y copia en él lo que llenaste.\n"
    )
    assert _archivos(zapopan) == antes


# --- libros de otros programas ---------------------------------------------------------------


def test_libro_escrito_por_otro_programa(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    """Un libro hecho con xlsxwriter: textos en la tabla compartida (el exportado los guarda en
    línea), fechas como número de serie sin formato (como quedan al pegar valores), números como
    texto y columnas en otro orden."""
    import xlsxwriter

    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    original = openpyxl.load_workbook(tmp_path / "a.xlsx")
    ruta = tmp_path / "otro.xlsx"
    libro = xlsxwriter.Workbook(_rel(ruta), {"strings_to_numbers": False})
    for nombre in HOJAS:
        ws = libro.add_worksheet(nombre)
        filas = _valores(original[nombre])
        orden = list(reversed(range(len(filas[0])))) if nombre == "Avance" else range(len(filas[0]))
        for i, fila in enumerate(filas):
            for j, k in enumerate(orden):
                valor = fila[k]
                if isinstance(valor, datetime):
                    ws.write_number(i, j, (valor - datetime(1899, 12, 30)).days)
                elif isinstance(valor, int | float):
                    ws.write_string(i, j, str(valor))
                elif valor is not None:
                    ws.write_string(i, j, valor)
    libro.get_worksheet_by_name("Avance").write_string(2, 1, "55")  # avance de c1-a2, invertido
    libro.get_worksheet_by_name("Actividades").write_number(2, 5, 46446)  # fin de c1-a2: 2027-02-28
    libro.close()

    resultado = caja_ga("importar", _rel(ruta), _rel(zapopan))

    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.splitlines()[0] == (
        "Cambiado en zapopan/plan.yaml: compromisos[1].actividades[2].fin"
    )
    datos = yaml.safe_load((zapopan / "seguimiento" / "2026-09-30.yaml").read_text("utf-8"))
    assert [(a["id"], a["avance"]) for a in datos["actividades"]] == [("c1-a1", 100), ("c1-a2", 55)]
    assert "        fin: 2027-02-28\n" in (zapopan / "plan.yaml").read_text(encoding="utf-8")


# --- entradas que no son un libro ------------------------------------------------------------


def _error(caja_ga: CajaGa, libro: Path, proceso: Path) -> str:
    antes = _archivos(proceso)
    resultado = caja_ga("importar", _rel(libro), _rel(proceso))
    assert (resultado.returncode, resultado.stdout) == (2, ""), resultado.stderr
    assert "Traceback" not in resultado.stderr
    assert _archivos(proceso) == antes
    return resultado.stderr


def test_libro_danado(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 no es un zip")
    assert _error(caja_ga, tmp_path / "x.xlsx", zapopan) == (
        "Error: «x.xlsx» no es un libro xlsx válido (está dañado o es otro tipo de "
        "archivo); ábrelo en tu hoja de cálculo y guárdalo de nuevo como .xlsx.\n"
    )
    with zipfile.ZipFile(tmp_path / "z.xlsx", "w") as comprimido:
        comprimido.writestr("hola.txt", "no es un libro")
    assert _error(caja_ga, tmp_path / "z.xlsx", zapopan) == (
        "Error: «z.xlsx» no es un libro xlsx válido; ábrelo en tu hoja de cálculo y "
        "guárdalo de nuevo como .xlsx.\n"
    )


def test_hoja_o_columna_que_falta(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    wb["Avance"].title = "Progreso"
    wb.save(tmp_path / "b.xlsx")
    assert _error(caja_ga, tmp_path / "b.xlsx", zapopan) == (
        "Error: El libro «b.xlsx» no tiene la hoja «Avance»; sus hojas son: «Léeme», "
        "«Reporte», «Progreso», «Evidencias», «Indicadores», «Compromisos», «Metas», "
        "«Actividades». Exporta de nuevo con «caja-ga exportar» o recupera esa hoja.\n"
    )
    wb["Progreso"].title = "avance"  # sin acento ni mayúscula también vale
    wb["avance"]["E1"] = "porcentaje"
    wb.save(tmp_path / "c.xlsx")
    assert _error(caja_ga, tmp_path / "c.xlsx", zapopan) == (
        "Error: La hoja «Avance» no tiene la columna «avance» en su primera fila; los "
        "encabezados deben quedar como se exportaron.\n"
    )


def test_carpeta_fifo_y_archivo_enorme(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    (tmp_path / "carpeta.xlsx").mkdir()
    assert _error(caja_ga, tmp_path / "carpeta.xlsx", zapopan) == (
        "Error: «carpeta.xlsx» es una carpeta; indica el archivo del libro.\n"
    )
    os.mkfifo(tmp_path / "tubo.xlsx")
    assert _error(caja_ga, tmp_path / "tubo.xlsx", zapopan) == (
        "Error: «tubo.xlsx» no es un archivo regular; indica el archivo del libro.\n"
    )
    with (tmp_path / "enorme.xlsx").open("wb") as enorme:
        enorme.truncate(21 * 1024 * 1024)
    assert _error(caja_ga, tmp_path / "enorme.xlsx", zapopan) == (
        "Error: «enorme.xlsx» pesa 21 MB; un libro de caja-ga pesa mucho menos (el "
        "límite es 20 MB). ¿Es el archivo correcto?\n"
    )
    (tmp_path / "vacia").mkdir()
    assert _error(caja_ga, tmp_path / "vacia", zapopan) == (
        "Error: La carpeta «vacia» no tiene los CSV de un libro exportado (reporte.csv, "
        "avance.csv, evidencias.csv, indicadores.csv, compromisos.csv, metas.csv, "
        "actividades.csv); indica la carpeta donde los escribió «caja-ga exportar», o el archivo "
        ".xlsx.\n"
    )
    assert _error(caja_ga, tmp_path / "libro.ods", zapopan) == (
        "Error: «libro.ods» no es un libro que caja-ga sepa leer: usa un archivo "
        ".xlsx, un .csv (con sus hojas al lado: nombre-avance.csv, …) o la carpeta con los CSV.\n"
    )


def test_bomba_zip(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    """Un zip pequeño que se descomprime en más de 200 MB no se abre."""
    ruta = tmp_path / "bomba.xlsx"
    ceros = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED) as comprimido,
        comprimido.open("xl/worksheets/sheet1.xml", "w") as parte,
    ):
        for _ in range(210):
            parte.write(ceros)
    assert ruta.stat().st_size < 1024 * 1024
    assert _error(caja_ga, ruta, zapopan) == (
        "Error: «bomba.xlsx» se descomprime en 210 MB; un libro de caja-ga es mucho menor, así "
        "que no se abrió.\n"
    )


# --- procesos generados: el mismo plan escrito de muchas maneras -----------------------------

_LINEA = re.compile(r"^(?P<sangria>\s*(?:- )?)(?P<clave>[a-z_]+): (?P<valor>[^\[{|>'\"#].*)$")
_TEXTOS = {"titulo", "descripcion", "objetivo", "solucion", "resultados_esperados",
           "entregable", "medio_verificacion", "nombre", "unidad", "area", "enlace",
           "objetivo_general"}  # fmt: skip
_OPCIONALES = {"entregable", "medio_verificacion", "unidad", "enlace", "potencial"}


@st.composite
def _plan_generado(draw: st.DrawFn) -> str:
    """El plan de la base con cada texto sin comillas, entre comillas simples o dobles, con un
    comentario al final o sin él, campos opcionales que faltan y comentarios entre líneas."""
    lineas = []
    for linea in (BASE / "plan.yaml").read_text(encoding="utf-8").splitlines():
        partes = _LINEA.match(linea)
        if partes and partes["clave"] in _TEXTOS and "'" not in partes["valor"]:
            opcional = partes["clave"] in _OPCIONALES and not partes["sangria"].endswith("- ")
            if opcional and draw(st.booleans()):
                continue
            estilo = draw(st.sampled_from(["plano", "simples", "dobles"]))
            valor = partes["valor"]
            valor = {"simples": f"'{valor}'", "dobles": json.dumps(valor, ensure_ascii=False)}.get(
                estilo, valor
            )
            linea = f"{partes['sangria']}{partes['clave']}: {valor}"
        if partes and draw(st.booleans()):
            linea += "   # " + draw(st.sampled_from(["revisar", "dato del EDT", "ver minuta"]))
        if draw(st.integers(0, 9)) == 0:
            lineas.append("# comentario de la persona enlace")
        lineas.append(linea)
    return "\n".join(lineas) + "\n"


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texto=_plan_generado(), datos=st.data())
def test_plan_generado_ida_y_vuelta(tmp_path: Path, texto: str, datos: st.DataObject) -> None:
    copia = _copia(BASE, tmp_path / "proceso")
    (copia / "plan.yaml").write_text(texto, encoding="utf-8")
    antes = _archivos(copia)
    libro = tmp_path / "a.xlsx"
    libro.unlink(missing_ok=True)
    correr_caja_ga("exportar", str(copia), "--salida", str(libro), "--fecha-corte", CORTE)
    assert correr_caja_ga("importar", str(libro), str(copia)).returncode == 0
    assert _archivos(copia) == antes

    hoja = datos.draw(st.sampled_from(sorted(EDITABLES)))
    columna = datos.draw(st.sampled_from(EDITABLES[hoja]))
    valor = datos.draw(VALORES[TIPOS.get(columna, "texto")])
    k = datos.draw(st.integers(0, len(_elementos(yaml.safe_load(texto), hoja)) - 1))
    _editar_xlsx(libro, tmp_path / "b.xlsx", hoja, k + 2, columna, valor)
    resultado = correr_caja_ga("importar", str(tmp_path / "b.xlsx"), str(copia))
    assert resultado.returncode == 0, resultado.stderr
    esperado = yaml.safe_load(texto)
    _poner(esperado, (*_elementos(esperado, hoja)[k], *columna.split(".")), valor)
    despues = (copia / "plan.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(despues) == esperado
    distintas = [
        op
        for op in difflib.SequenceMatcher(
            None, texto.splitlines(True), despues.splitlines(True), autojunk=False
        ).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(distintas) <= 1, distintas
    for comentario in re.findall(r"#.*", texto):  # ningún comentario se pierde
        assert comentario in despues


# --- escritura.py: la API de cambio de valores que también usan otros comandos --------------


def test_escritura_bloques_crlf_y_archivo_cambiado(tmp_path: Path) -> None:
    from caja_ga.escritura import Cambio, ErrorDeEscritura, aplicar, guardar_leido, leer

    ruta = tmp_path / "plan.yaml"
    ruta.write_bytes(
        b"version: 1\r\n"
        b"objetivo_general: |\r\n"
        b"  Primera idea.\r\n"
        b"  Segunda idea.\r\n"
        b"seguimiento: {periodicidad_dias: 90}  # en flujo\r\n"
        b"compromisos:\r\n"
        b"  - id: c1\r\n"
        b"    titulo: 'Obra p\xc3\xbablica'  # nota\r\n"
    )
    leido = leer(ruta)
    texto = aplicar(
        leido,
        [
            Cambio(("objetivo_general",), "Una idea.\nOtra idea.\n"),
            Cambio(("compromisos", 0, "titulo"), "Obra de todos"),
            Cambio(("compromisos", 0, "presupuesto_mxn"), 0.00001),
            Cambio(("seguimiento", "periodicidad_dias"), 60),
        ],
    )
    assert texto == (
        "version: 1\r\n"
        "objetivo_general: |\r\n"
        "  Una idea.\r\n"
        "  Otra idea.\r\n"
        "seguimiento: {periodicidad_dias: 60}  # en flujo\r\n"
        "compromisos:\r\n"
        "  - id: c1\r\n"
        "    presupuesto_mxn: 0.00001\r\n"
        "    titulo: 'Obra de todos'  # nota\r\n"
    )
    with pytest.raises(ErrorDeEscritura, match="no se escribió nada; haz el cambio a mano"):
        aplicar(leido, [Cambio(("seguimiento", "responsable"), "Transparencia")])
    ruta.write_text("version: 1\n", encoding="utf-8")
    with pytest.raises(ErrorDeEscritura, match="cambió en el disco desde que se leyó"):
        guardar_leido(leido, texto)
    assert ruta.read_text(encoding="utf-8") == "version: 1\n"


def test_demasiadas_filas(caja_ga: CajaGa, zapopan: Path, tmp_path: Path) -> None:
    _exportar(caja_ga, zapopan, tmp_path / "c")
    fila = "c1,Publicar,c1-a2,en_proceso,40,\r\n"
    with (tmp_path / "c" / "avance.csv").open("a", encoding="utf-8", newline="") as avance:
        avance.write(fila * 100_000)
    assert _error(caja_ga, tmp_path / "c", zapopan) == (
        "Error: «c/avance.csv» tiene más de 100000 filas llenas; no se leyó.\n"
    )
