"""`caja-ga nuevo sesion|seguimiento|compromiso|modificacion`: agregar piezas a un proceso.

Los errores de nuevo.py son errores de uso (errores.py): mensaje en español y salida 2.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from caja_ga.errores import con_errores_de_uso
from caja_ga.idioma import TyperEnEspanol

nuevo_app = TyperEnEspanol(
    name="nuevo",
    help="Agrega a un proceso una sesión, un reporte de avance, un compromiso o un cambio al "
    "plan, con comentarios que enseñan qué llenar. Nunca sobrescribe un archivo.",
    no_args_is_help=True,
)

ArgumentoProceso = Annotated[
    Path,
    typer.Argument(
        help="La carpeta del proceso (la que tiene proceso.yaml) o una carpeta dentro de él; por "
        "omisión, el proceso que contiene la carpeta actual.",
        show_default=False,
    ),
]


class Organo(StrEnum):
    edt = "edt"
    nucleo = "nucleo"


class TipoSesion(StrEnum):
    ordinaria = "ordinaria"
    extraordinaria = "extraordinaria"
    instalacion = "instalacion"


def _informar(ruta: str, siguiente: str) -> None:
    typer.echo(f"Escrito: {ruta}")
    typer.echo(f"Siguiente: {siguiente}")


@nuevo_app.command()
@con_errores_de_uso
def sesion(
    proceso: ArgumentoProceso = Path(),
    fecha: Annotated[
        str | None,
        typer.Option(
            "--fecha",
            metavar="AAAA-MM-DD",
            help="Fecha de la sesión; por omisión, hoy.",
            show_default=False,
        ),
    ] = None,
    organo: Annotated[
        Organo,
        typer.Option(
            "--organo",
            help="edt (Espacio de Diálogo Tripartita) o nucleo (Núcleo de Sociedad Civil).",
        ),
    ] = Organo.edt,
    tipo: Annotated[
        TipoSesion, typer.Option("--tipo", help="ordinaria, extraordinaria o instalacion.")
    ] = TipoSesion.ordinaria,
) -> None:
    """Crea `sesiones/FECHA-TIPO.yaml` con los integrantes del órgano como asistentes.

    Si ya hay una sesión con ese nombre, agrega -2, -3, …: nunca sobrescribe.

    Ejemplos:

        caja-ga nuevo sesion

        caja-ga nuevo sesion zapopan

        caja-ga nuevo sesion zapopan --fecha 2026-05-14 --tipo extraordinaria

        caja-ga nuevo sesion zapopan --organo nucleo
    """
    from datetime import date

    from caja_ga.archivos import ruta_visible
    from caja_ga.nuevo import leer_fecha, nueva_sesion

    dia = date.today() if fecha is None else leer_fecha(fecha, "--fecha")
    ruta = nueva_sesion(proceso, dia, organo.value, tipo.value)
    _informar(
        ruta_visible(ruta),
        "anota la modalidad, quita de asistentes a quien faltó, "
        "escribe el orden del día y los acuerdos, y publica la minuta a más tardar 15 días "
        "después de la sesión.",
    )


@nuevo_app.command()
@con_errores_de_uso
def seguimiento(
    fecha_corte: Annotated[
        str,
        typer.Option(
            "--fecha-corte",
            metavar="AAAA-MM-DD",
            help="La fecha a la que se reporta el avance.",
            show_default=False,
        ),
    ],
    proceso: ArgumentoProceso = Path(),
) -> None:
    """Crea `seguimiento/FECHA.yaml` con cada actividad del plan y su último avance conocido.

    Las actividades canceladas en el último reporte no se repiten. Si el reporte de esa fecha ya
    existe, no se toca.

    Ejemplo:

        caja-ga nuevo seguimiento zapopan --fecha-corte 2026-06-30
    """
    from caja_ga.archivos import ruta_visible
    from caja_ga.nuevo import leer_fecha, nuevo_seguimiento

    ruta = nuevo_seguimiento(proceso, leer_fecha(fecha_corte, "--fecha-corte"))
    _informar(
        ruta_visible(ruta),
        "actualiza estado, avance y evidencias de cada actividad a la "
        "fecha de corte y, cuando el EDT lo revise, anota esa sesión en revisado_en.",
    )


@nuevo_app.command()
@con_errores_de_uso
def compromiso(
    proceso: ArgumentoProceso = Path(),
    titulo: Annotated[
        str | None, typer.Option("--titulo", help="El título del compromiso.", show_default=False)
    ] = None,
) -> None:
    """Agrega a `plan.yaml` un compromiso vacío (cN, con una meta y una actividad).

    Conserva los comentarios y el formato del archivo: lo demás queda idéntico.

    Ejemplo:

        caja-ga nuevo compromiso zapopan --titulo "Compras abiertas"
    """
    from caja_ga.archivos import ruta_visible
    from caja_ga.nuevo import nuevo_compromiso

    agregado = nuevo_compromiso(proceso, titulo)
    _informar(
        f"{ruta_visible(agregado.ruta)} (compromiso «{agregado.id}», línea {agregado.linea})",
        "llena problema público, objetivo, metas, actividades, "
        "responsables y valores; «caja-ga validar» dice qué falta.",
    )


class TipoModificacion(StrEnum):
    reprogramacion = "reprogramacion"
    retiro = "retiro"
    cambio_meta = "cambio_meta"
    otro = "otro"


@nuevo_app.command()
@con_errores_de_uso
def modificacion(
    objetivo: Annotated[
        str,
        typer.Option(
            "--objetivo",
            help="El id del compromiso, la actividad o la meta que cambia.",
            show_default=False,
        ),
    ],
    aprobado_en: Annotated[
        str,
        typer.Option(
            "--aprobado-en",
            metavar="SESION",
            help="El id de la sesión del EDT que aprobó el cambio (su archivo en sesiones/).",
            show_default=False,
        ),
    ],
    motivo: Annotated[str, typer.Option("--motivo", help="Por qué se cambió.", show_default=False)],
    campo: Annotated[
        str | None,
        typer.Option(
            "--campo",
            help="Qué cambia: inicio, fin, valor_meta, fecha_meta, …; sin --campo, un retiro.",
            show_default=False,
        ),
    ] = None,
    valor: Annotated[
        str | None,
        typer.Option("--valor", help="El valor nuevo del campo.", show_default=False),
    ] = None,
    tipo: Annotated[
        TipoModificacion | None,
        typer.Option(
            "--tipo",
            help="reprogramacion, retiro, cambio_meta u otro; por omisión se deduce del campo.",
            show_default=False,
        ),
    ] = None,
    fecha: Annotated[
        str | None,
        typer.Option(
            "--fecha",
            metavar="AAAA-MM-DD",
            help="Desde cuándo rige el cambio; por omisión, la fecha de la sesión.",
            show_default=False,
        ),
    ] = None,
    proceso: ArgumentoProceso = Path(),
) -> None:
    """Registra en `plan.yaml` un cambio al plan aprobado, en la lista `modificaciones`.

    El plan aprobado no se edita: el cambio queda registrado con la sesión del EDT que lo aprobó,
    y el valor anterior se toma del plan vigente. Conserva los comentarios y el formato del
    archivo.

    Ejemplos:

        caja-ga nuevo modificacion zapopan --objetivo c1-a2 --campo fin --valor 2026-06-30
        --aprobado-en 2026-03-20-ordinaria --motivo "La plataforma se licitó tarde."

        caja-ga nuevo modificacion zapopan --objetivo c2 --aprobado-en 2026-03-20-ordinaria
        --motivo "El estado ya publica esos datos."
    """
    from caja_ga.archivos import ruta_visible
    from caja_ga.nuevo import leer_fecha, nueva_modificacion

    agregado = nueva_modificacion(
        proceso,
        objetivo=objetivo,
        aprobado_en=aprobado_en,
        motivo=motivo,
        campo=campo,
        valor=valor,
        tipo=tipo.value if tipo else None,
        fecha=leer_fecha(fecha, "--fecha") if fecha else None,
    )
    _informar(
        f"{ruta_visible(agregado.ruta)} (modificación «{agregado.id}», línea {agregado.linea})",
        "revisa el motivo y corre «caja-ga validar»; el reporte mostrará la fecha original y la "
        "vigente.",
    )
