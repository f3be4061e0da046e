"""El libro en disco: xlsx (una pestaña por hoja) o un CSV por hoja, de ida y de vuelta.

Al escribir, un texto nunca se vuelve fórmula: en xlsx cada texto se guarda como texto (aunque
empiece con «=») y en CSV un texto que empieza con = + - @ o ' lleva un apóstrofo delante, que
la importación quita (una hoja de cálculo ejecutaría «=HIPERVINCULO(…)» al abrir el CSV).
Al leer, un xlsx es un zip: antes de abrirlo se revisan su tamaño, cuántas partes tiene y cuánto
ocupan descomprimidas (un zip pequeño puede descomprimirse en gigas); las fórmulas no se
evalúan, se rechazan; los vínculos externos se ignoran.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from caja_ga.archivos import ruta_visible
from caja_ga.errores import ErrorDeUso
from caja_ga.hojas.definicion import HOJAS, LEEME, Columna, Hoja
from caja_ga.reporte.datos_abiertos import neutralizar

MAX_ARCHIVO: Final = 20 * 1024 * 1024
MAX_DESCOMPRIMIDO: Final = 200 * 1024 * 1024
MAX_PARTES: Final = 2000
MAX_FILAS: Final = 100_000
MAX_COLUMNAS: Final = 200
_EPOCA_EXCEL: Final = date(1899, 12, 30)
_FILAS_CON_VALIDACION: Final = 1000
# Lo que XML (y con él xlsx y docx) no admite en un texto: controles C0 salvo tabulador y saltos.
NO_XML: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ErrorDeLibro(ErrorDeUso):
    """El libro no se puede leer o no tiene la forma que se exportó; nada se escribió."""


@dataclass
class Tabla:
    """Una hoja leída: dónde está cada columna y sus filas con su número (el que se ve)."""

    hoja: Hoja
    columnas: dict[str, int]  # encabezado → posición (0-based)
    filas: list[tuple[int, list[Any]]] = field(default_factory=list)
    formulas: list[tuple[int, str]] = field(default_factory=list)  # (fila, columna)


# --- escribir --------------------------------------------------------------------------------


def escribir_xlsx(tablas: Sequence[tuple[Hoja, list[list[Any]]]], leeme: Sequence[str]) -> bytes:
    """El libro xlsx: «Léeme» y cada hoja con encabezados, validación de datos y formato."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    libro = Workbook()
    portada = libro.active
    assert portada is not None
    portada.title = LEEME
    for numero, linea in enumerate(leeme, start=1):
        _sin_controles(linea, f"La hoja «{LEEME}», fila {numero}")
        _texto(portada.cell(row=numero, column=1), linea)
    portada.column_dimensions["A"].width = 110
    portada["A1"].font = Font(bold=True, size=14)
    gris = PatternFill("solid", fgColor="E7E6E6")
    for hoja, filas in tablas:
        ws = libro.create_sheet(hoja.nombre)
        for j, columna in enumerate(hoja.columnas, start=1):
            celda = ws.cell(row=1, column=j)
            _texto(celda, columna.clave)
            celda.font = Font(bold=True)
            if not columna.editable:
                celda.fill = gris
        for i, fila in enumerate(filas, start=2):
            for j, (columna, valor) in enumerate(zip(hoja.columnas, fila, strict=True), start=1):
                celda = ws.cell(row=i, column=j)
                if isinstance(valor, str):
                    _sin_controles(
                        valor, f"Hoja «{hoja.nombre}», fila {i}, columna «{columna.clave}»"
                    )
                _poner(celda, columna, valor)
                celda.alignment = Alignment(wrap_text=columna.tipo == "texto", vertical="top")
                if not columna.editable:
                    celda.fill = gris
        ws.freeze_panes = "A2"
        for j, columna in enumerate(hoja.columnas, start=1):
            letra = ws.cell(row=1, column=j).column_letter
            ws.column_dimensions[letra].width = 40 if columna.tipo == "texto" else 16
            validacion = _validacion(columna, DataValidation)
            if validacion is not None:
                ws.add_data_validation(validacion)
                validacion.add(f"{letra}2:{letra}{max(len(filas) + 1, _FILAS_CON_VALIDACION)}")
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _sin_controles(texto: str, donde: str) -> None:
    """Un control invisible no cabe en un xlsx: se pide borrarlo en vez de perderlo en silencio."""
    from caja_ga.formatos.texto import sin_controles

    control = NO_XML.search(texto)
    if control is not None:
        raise ErrorDeUso(
            f"{donde}: «{sin_controles(texto)}» tiene un carácter de control invisible (código "
            f"0x{ord(control.group()):02X}) que una hoja de cálculo no admite. Bórralo del "
            "archivo YAML del proceso que tiene ese texto y vuelve a exportar; no se escribió nada."
        )


def _texto(celda: Any, texto: str) -> None:
    celda.value = texto
    celda.data_type = "s"  # nunca una fórmula, aunque empiece con «=»


def _poner(celda: Any, columna: Columna, valor: Any) -> None:
    if isinstance(valor, str):
        _texto(celda, valor)
        return
    celda.value = valor
    if isinstance(valor, date):
        celda.number_format = "yyyy-mm-dd"


# Por tipo de columna: la validación de datos de la hoja de cálculo y su mensaje de error.
_VALIDACIONES: Final[dict[str, dict[str, str]]] = {
    "porcentaje": {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100",
                   "error": "El avance es un número de 0 a 100."},
    "numero": {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "-1000000000000",
               "error": "Escribe un número."},
    "fecha": {"type": "date", "operator": "greaterThan", "formula1": "1",
              "error": "Escribe una fecha (AAAA-MM-DD)."},
}  # fmt: skip


def _validacion(columna: Columna, clase: Any) -> Any:
    """La validación de datos de la columna: lista de opciones, 0–100, número o fecha."""
    if not columna.editable:
        return None
    if columna.tipo == "opcion":
        opciones = ", ".join(columna.opciones)
        ajustes = {"type": "list", "formula1": '"' + ",".join(columna.opciones) + '"',
                   "error": f"Elige una de: {opciones}."}  # fmt: skip
    elif columna.tipo in _VALIDACIONES:
        ajustes = _VALIDACIONES[columna.tipo]
    else:
        return None
    return clase(allow_blank=True, showErrorMessage=True, errorTitle="Valor no válido", **ajustes)


def escribir_csv(hoja: Hoja, filas: Iterable[list[Any]]) -> str:
    """Una hoja como CSV: fechas AAAA-MM-DD, números sin decimales de sobra, textos a salvo; con
    BOM, para que Excel lo abra como UTF-8."""
    salida = io.StringIO()
    salida.write("\ufeff")
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow([c.clave for c in hoja.columnas])
    for fila in filas:
        escritor.writerow([_celda_csv(valor) for valor in fila])
    return salida.getvalue()


def _celda_csv(valor: Any) -> str:
    if valor is None:
        return ""
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    texto = str(valor)
    # Un apóstrofo inicial propio también se protege, para que importar pueda quitar uno siempre.
    return "'" + texto if texto.startswith("'") else neutralizar(texto)


def leeme_csv(lineas: Sequence[str]) -> str:
    """«Léeme» como CSV: cada renglón en una sola celda (una coma del nombre del municipio no
    abre otra) y a salvo de fórmulas, como las demás hojas."""
    salida = io.StringIO()
    salida.write("\ufeff")
    csv.writer(salida, lineterminator="\r\n").writerows([neutralizar(linea)] for linea in lineas)
    return salida.getvalue()


def nombre_csv(base: Path, hoja: Hoja) -> Path:
    """`carpeta/` → carpeta/avance.csv; `libro.csv` → libro-avance.csv."""
    if base.suffix.lower() == ".csv":
        return base.with_name(f"{base.stem}-{hoja.archivo}.csv")
    return base / f"{hoja.archivo}.csv"


# --- leer ------------------------------------------------------------------------------------


def leer(ruta: Path) -> dict[str, Tabla]:
    """Las hojas de un xlsx, de una carpeta de CSV o de `libro.csv` (libro-avance.csv, …)."""
    if ruta.suffix.lower() == ".xlsx":
        return _leer_xlsx(ruta)
    ruta = _libro_de_una_hoja(ruta)
    if ruta.is_dir() and not nombre_csv(ruta, HOJAS[0]).exists():
        raise ErrorDeLibro(
            f"La carpeta «{ruta_visible(ruta)}» no tiene los CSV de un libro exportado "
            f"({', '.join(h.archivo + '.csv' for h in HOJAS)}); indica la carpeta donde los "
            "escribió «caja-ga exportar», o el archivo .xlsx."
        )
    if ruta.suffix.lower() == ".csv" or ruta.is_dir():
        return {hoja.archivo: _leer_csv(nombre_csv(ruta, hoja), hoja) for hoja in HOJAS}
    raise ErrorDeLibro(
        f"«{ruta_visible(ruta)}» no es un libro que caja-ga sepa leer: usa un archivo .xlsx, un "
        ".csv (con sus hojas al lado: nombre-avance.csv, …) o la carpeta con los CSV."
    )


def _libro_de_una_hoja(ruta: Path) -> Path:
    """`libro-avance.csv` (una de las hojas) se lee como `libro.csv`: el libro completo."""
    if ruta.suffix.lower() == ".csv":
        for archivo in [hoja.archivo for hoja in HOJAS] + ["leeme"]:
            if ruta.stem.endswith(f"-{archivo}"):
                return ruta.with_name(ruta.stem.removesuffix(f"-{archivo}") + ruta.suffix)
    return ruta


def _bytes(ruta: Path) -> bytes:
    """Lee un archivo regular de tamaño razonable; nunca se queda esperando (una fifo)."""
    visible = ruta_visible(ruta)
    try:
        info = ruta.stat()
    except FileNotFoundError:
        raise ErrorDeLibro(f"No existe «{visible}».") from None
    except OSError as error:
        raise ErrorDeLibro(f"No se pudo leer «{visible}» ({error.strerror or error}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise ErrorDeLibro(f"«{visible}» es una carpeta; indica el archivo del libro.")
    if not stat.S_ISREG(info.st_mode):
        raise ErrorDeLibro(f"«{visible}» no es un archivo regular; indica el archivo del libro.")
    if info.st_size > MAX_ARCHIVO:
        raise ErrorDeLibro(
            f"«{visible}» pesa {info.st_size // (1024 * 1024)} MB; un libro de caja-ga pesa mucho "
            f"menos (el límite es {MAX_ARCHIVO // (1024 * 1024)} MB). ¿Es el archivo correcto?"
        )
    try:
        return ruta.read_bytes()
    except OSError as error:
        raise ErrorDeLibro(f"No se pudo leer «{visible}» ({error.strerror or error}).") from None


def _revisar_zip(datos: bytes, visible: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as comprimido:
            partes = comprimido.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ErrorDeLibro(
            f"«{visible}» no es un libro xlsx válido (está dañado o es otro tipo de archivo); "
            "ábrelo en tu hoja de cálculo y guárdalo de nuevo como .xlsx."
        ) from None
    total = sum(parte.file_size for parte in partes)
    if len(partes) > MAX_PARTES:
        raise ErrorDeLibro(
            f"«{visible}» tiene {len(partes)} partes comprimidas; un libro de caja-ga tiene "
            "muchas menos, así que no se abrió."
        )
    if total > MAX_DESCOMPRIMIDO:
        raise ErrorDeLibro(
            f"«{visible}» se descomprime en {total // (1024 * 1024)} MB; un libro de caja-ga es "
            "mucho menor, así que no se abrió."
        )


def _leer_xlsx(ruta: Path) -> dict[str, Tabla]:
    from openpyxl import load_workbook

    visible = ruta_visible(ruta)
    datos = _bytes(ruta)
    _revisar_zip(datos, visible)
    try:
        libro = load_workbook(io.BytesIO(datos), read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl lanza de todo ante un zip que no es xlsx
        raise ErrorDeLibro(
            f"«{visible}» no es un libro xlsx válido; ábrelo en tu hoja de cálculo y guárdalo de "
            "nuevo como .xlsx."
        ) from None
    try:
        nombres = {_normal(ws.title): ws for ws in libro.worksheets}
        tablas: dict[str, Tabla] = {}
        for hoja in HOJAS:
            ws = nombres.get(_normal(hoja.nombre))
            if ws is None:
                raise ErrorDeLibro(
                    f"El libro «{visible}» no tiene la hoja «{hoja.nombre}»; sus hojas son: "
                    f"{', '.join('«' + w.title + '»' for w in libro.worksheets)}. Exporta de "
                    "nuevo con «caja-ga exportar» o recupera esa hoja."
                )
            tablas[hoja.archivo] = _tabla(hoja, _filas_xlsx(ws))
        return tablas
    finally:
        libro.close()


def _filas_xlsx(ws: Any) -> Iterable[list[tuple[Any, bool]]]:
    for fila in ws.iter_rows(max_col=MAX_COLUMNAS):
        yield [(celda.value, getattr(celda, "data_type", None) == "f") for celda in fila]


def _leer_csv(ruta: Path, hoja: Hoja) -> Tabla:
    datos = _bytes(ruta)
    try:
        texto = datos.decode("utf-8-sig")
    except UnicodeDecodeError:
        texto = datos.decode("cp1252", errors="replace")  # CSV guardado por Excel en Windows
    try:
        filas = list(csv.reader(io.StringIO(texto, newline="")))
    except csv.Error as error:
        raise ErrorDeLibro(f"«{ruta_visible(ruta)}» no se puede leer como CSV: {error}.") from None
    return _tabla(
        hoja,
        ([(_sin_apostrofo(valor), False) for valor in fila[:MAX_COLUMNAS]] for fila in filas),
        archivo=ruta_visible(ruta),
    )


def _sin_apostrofo(valor: str) -> str:
    return valor[1:] if valor.startswith("'") else valor


def _tabla(
    hoja: Hoja, filas: Iterable[list[tuple[Any, bool]]], archivo: str | None = None
) -> Tabla:
    iterador = iter(filas)
    encabezados = next(iterador, [])
    columnas: dict[str, int] = {}
    for j, (valor, _) in enumerate(encabezados):
        if isinstance(valor, str) and valor.strip():
            columnas.setdefault(valor.strip(), j)
    donde = f"«{archivo}»" if archivo else f"La hoja «{hoja.nombre}»"
    faltan = [c.clave for c in hoja.columnas if c.editable and c.clave not in columnas]
    if faltan:
        raise ErrorDeLibro(
            f"{donde} no tiene la columna {', '.join('«' + f + '»' for f in faltan)} en su "
            "primera fila; los encabezados deben quedar como se exportaron."
        )
    tabla = Tabla(hoja, columnas)
    for numero, fila in enumerate(iterador, start=2):
        valores = [valor for valor, _ in fila]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in valores):
            continue
        for clave, j in columnas.items():
            if j < len(fila) and fila[j][1]:
                tabla.formulas.append((numero, clave))
        tabla.filas.append((numero, valores))
        if len(tabla.filas) > MAX_FILAS:  # las filas vacías no cuentan
            raise ErrorDeLibro(f"{donde} tiene más de {MAX_FILAS} filas llenas; no se leyó.")
    return tabla


def _normal(nombre: str) -> str:
    sin_acentos = unicodedata.normalize("NFKD", nombre.strip().lower())
    return re.sub(r"\s+", " ", "".join(c for c in sin_acentos if not unicodedata.combining(c)))


def celda(tabla: Tabla, fila: list[Any], clave: str) -> Any:
    """El valor de la columna `clave` en la fila (None si la fila es más corta)."""
    j = tabla.columnas.get(clave)
    return fila[j] if j is not None and j < len(fila) else None


def fecha_de_serie(numero: float) -> date:
    """Un número de serie de fecha de Excel/LibreOffice (días desde 1899-12-30)."""
    return _EPOCA_EXCEL + timedelta(days=int(numero))


def a_fecha(valor: Any) -> date | None:
    """Una celda que ya es fecha (o fecha y hora a medianoche) como fecha; si no, None."""
    if isinstance(valor, datetime):
        return valor.date()
    return valor if isinstance(valor, date) else None
