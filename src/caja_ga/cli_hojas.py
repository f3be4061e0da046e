"""`caja-ga exportar` y `caja-ga importar`: hojas de cálculo de ida y vuelta y la plantilla de
compromisos de OGP. Los errores de uso salen con 2; las celdas con valores que no sirven, con 1
(como un archivo con errores), después de listarlas todas.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from caja_ga.errores import ErrorDeUso, con_errores_de_uso

SALIDA_CELDAS = 1


class FormatoExportacion(StrEnum):
    hoja = "hoja"
    ogp = "ogp"


@con_errores_de_uso
def exportar(
    proceso: Annotated[
        Path,
        typer.Argument(
            help="La carpeta del proceso (la que tiene proceso.yaml) o una carpeta dentro de él.",
            show_default=False,
        ),
    ],
    salida: Annotated[
        Path | None,
        typer.Option(
            "--salida",
            "-o",
            help="Hoja: libro.xlsx, libro.csv (un CSV por hoja: libro-avance.csv, …) o una "
            "carpeta. OGP: plan.docx o plan.md.",
            show_default=False,
        ),
    ] = None,
    formato: Annotated[
        FormatoExportacion,
        typer.Option(
            "--formato",
            help="hoja (libro para llenar el avance) u ogp (plantilla de compromisos de OGP).",
        ),
    ] = FormatoExportacion.hoja,
    fecha_corte: Annotated[
        str | None,
        typer.Option(
            "--fecha-corte",
            metavar="AAAA-MM-DD",
            help="La fecha de corte del reporte que se va a llenar (hoja) o del plan vigente "
            "(ogp); por omisión, hoy.",
            show_default=False,
        ),
    ] = None,
    forzar: Annotated[
        bool, typer.Option("--forzar", help="Reemplazar los archivos de salida si ya existen.")
    ] = False,
) -> None:
    """Exporta el plan a un libro de hoja de cálculo para llenar el avance, o a la plantilla de
    compromisos de OGP.

    El libro trae una hoja «Léeme» que explica cómo llenarlo, las hojas del corte nuevo (Avance,
    Evidencias, Indicadores, Reporte) con lo último que se reportó, y las del plan (Compromisos,
    Metas, Actividades). Se vuelve a leer con «caja-ga importar». Nunca sobrescribe sin --forzar.

    Salida: 0 escrito; 2 error de uso; 3 fallo de caja-ga.

    Ejemplos:

        caja-ga exportar zapopan --salida avance.xlsx

        caja-ga exportar zapopan --salida avance/ --fecha-corte 2026-06-30

        caja-ga exportar zapopan --formato ogp --salida plan-ogp.docx
    """
    from datetime import date

    from caja_ga.archivos import ruta_visible
    from caja_ga.nuevo import leer_fecha

    if salida is None:
        raise ErrorDeUso(
            "Falta --salida: el archivo o la carpeta donde escribir, por ejemplo «caja-ga "
            "exportar . --salida avance.xlsx»."
        )
    dia = date.today() if fecha_corte is None else leer_fecha(fecha_corte, "--fecha-corte")
    if formato is FormatoExportacion.ogp:
        from caja_ga.ogp import exportar_ogp

        escritos = [exportar_ogp(proceso, salida, dia, forzar=forzar)]
    else:
        from caja_ga.hojas.exportar import exportar as exportar_hojas

        escritos = exportar_hojas(proceso, salida, dia, forzar=forzar)
    for ruta in escritos:
        typer.echo(f"Escrito: {ruta_visible(ruta)}")
    if formato is FormatoExportacion.hoja:
        typer.echo(
            "Siguiente: llena el libro (la hoja «Léeme» explica cómo) y corre «caja-ga importar "
            f"{ruta_visible(salida)} {ruta_visible(proceso)}»."
        )


@con_errores_de_uso
def importar(
    archivo: Annotated[
        Path,
        typer.Argument(
            help="El libro lleno: libro.xlsx, libro.csv (con libro-avance.csv, … al lado) o la "
            "carpeta con los CSV.",
            show_default=False,
        ),
    ],
    proceso: Annotated[
        Path,
        typer.Argument(
            help="La carpeta del proceso; por omisión, el que contiene la carpeta actual.",
            show_default=False,
        ),
    ] = Path(),
    forzar: Annotated[
        bool,
        typer.Option(
            "--forzar", help="Reemplazar el reporte de avance de esa fecha de corte si ya existe."
        ),
    ] = False,
) -> None:
    """Lee un libro exportado y lleno: escribe el reporte de avance nuevo y los cambios al plan.

    Cada celda se revisa con las mismas reglas que los archivos; si alguna no sirve, dice en
    qué hoja, fila y columna, y no escribe nada. En plan.yaml cambia solo los valores editados,
    sin tocar comentarios ni el resto del texto. Si el avance no cambió, no escribe reporte.

    Salida: 0 importado (o sin cambios); 1 celdas con errores; 2 error de uso (libro ilegible,
    hojas o columnas que faltan, reporte que ya existe); 3 fallo de caja-ga.

    Ejemplos:

        caja-ga importar avance.xlsx zapopan

        caja-ga importar avance/ zapopan --forzar
    """
    from caja_ga.archivos import ruta_visible
    from caja_ga.hojas.importar import MAX_ERRORES, ErroresEnLibro
    from caja_ga.hojas.importar import importar as importar_hojas

    try:
        importado = importar_hojas(archivo, proceso, forzar=forzar)
    except ErroresEnLibro as error:
        for celda in error.errores[:MAX_ERRORES]:
            typer.secho(str(celda), fg=typer.colors.RED, err=True)
        if len(error.errores) > MAX_ERRORES:
            typer.secho(f"… y {len(error.errores) - MAX_ERRORES} más.", err=True)
        typer.secho("No se escribió nada; corrige el libro y vuelve a importarlo.", err=True)
        raise typer.Exit(SALIDA_CELDAS) from None
    if importado.plan is not None:
        typer.echo(f"Cambiado en {ruta_visible(importado.plan)}: {', '.join(importado.cambios)}")
    if importado.reporte is not None:
        typer.echo(f"Escrito: {ruta_visible(importado.reporte)}")
    if importado.plan is None and importado.reporte is None:
        typer.echo("Sin cambios: el libro dice lo mismo que los archivos; no se escribió nada.")
    else:
        typer.echo("Siguiente: revisa con «caja-ga validar» y guarda los cambios en git.")
