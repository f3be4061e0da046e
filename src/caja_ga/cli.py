"""La línea de comandos: cada comando lee sus opciones, llama a una función, imprime y sale.

Las importaciones pesadas (pydantic, los modelos, jinja) ocurren dentro de cada comando para que
`caja-ga --help` y `caja-ga --version` respondan al instante.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from caja_ga import __version__

P = ParamSpec("P")
R = TypeVar("R")

SALIDA_OK, SALIDA_PROBLEMAS, SALIDA_USO = 0, 1, 2

def _ayuda_en_espanol() -> None:
    """Los títulos de la ayuda de typer, en español (solo se cargan al mostrar la ayuda)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumentos"
    rich_utils.OPTIONS_PANEL_TITLE = "Opciones"
    rich_utils.COMMANDS_PANEL_TITLE = "Comandos"
    rich_utils.DEFAULT_STRING = "[por omisión: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[obligatorio]"
    rich_utils.ABORTED_TEXT = "Cancelado."
    rich_utils.RICH_HELP = "Prueba [blue]'{command_path} {help_option}'[/] para ver la ayuda."


if {"-h", "--help", "--ayuda"} & set(sys.argv) or len(sys.argv) == 1:
    _ayuda_en_espanol()

app = typer.Typer(
    name="caja-ga",
    help="Procesos municipales de gobierno abierto como archivos YAML: crear, validar y "
    "publicar, según la Caja de Herramientas de Gobierno Abierto Municipal.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help", "--ayuda"]},
    rich_markup_mode="markdown",
)


class ErrorDeUso(Exception):
    """Un error del usuario al llamar un comando: se muestra y se sale con código 2."""


def _errores_de_uso(funcion: Callable[P, R]) -> Callable[P, R]:
    """Convierte los errores de uso en un mensaje en español y la salida 2, nunca una traza."""

    @functools.wraps(funcion)
    def envoltura(*args: P.args, **kwargs: P.kwargs) -> R:
        from caja_ga.config import ErrorDeConfig
        from caja_ga.validacion import RutaInexistente

        try:
            return funcion(*args, **kwargs)
        except (ErrorDeUso, ErrorDeConfig, RutaInexistente) as error:
            typer.secho(f"Error: {error}", fg=typer.colors.RED, err=True)
            raise typer.Exit(SALIDA_USO) from None
        except KeyboardInterrupt:
            typer.secho("Interrumpido.", err=True)
            raise typer.Exit(130) from None

    return envoltura


def _version(valor: bool) -> None:
    if valor:
        typer.echo(f"caja-ga {__version__}")
        raise typer.Exit()


@app.callback()
def principal(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Muestra la versión y termina.")] = False,
) -> None:
    """Procesos municipales de gobierno abierto como archivos YAML."""


class Formato(StrEnum):
    texto = "texto"
    json = "json"
    github = "github"


def fecha_corte_de(texto: str | None) -> date:
    if texto is None:
        return date.today()
    try:
        return date.fromisoformat(texto)
    except ValueError:
        raise ErrorDeUso(f"«{texto}» no es una fecha de corte válida: usa AAAA-MM-DD, por "
                         "ejemplo 2026-06-30.") from None


def _formato_automatico() -> Formato:
    return Formato.github if os.environ.get("GITHUB_ACTIONS") == "true" else Formato.texto


@app.command()
@_errores_de_uso
def validar(
    rutas: Annotated[list[Path] | None, typer.Argument(
        help="Carpetas o archivos a validar; por omisión, la carpeta actual. En una carpeta se "
        "buscan todos los procesos (carpetas con proceso.yaml).", show_default=False)] = None,
    formato: Annotated[Formato | None, typer.Option(
        "--formato", "-f", help="texto (por omisión), json, o github (automático dentro de "
        "GitHub Actions).", show_default=False)] = None,
    estricto: Annotated[bool, typer.Option(
        "--estricto", help="Los avisos también hacen fallar la validación (salida 1).")] = False,
    fecha_corte: Annotated[str | None, typer.Option(
        "--fecha-corte", metavar="AAAA-MM-DD", help="Fecha con la que se juzgan plazos y "
        "retrasos; por omisión, hoy. Fíjala para resultados reproducibles.",
        show_default=False)] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", help="Archivo de configuración; por omisión se busca .caja-ga.yaml desde la "
        "ruta hacia arriba.", show_default=False)] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, help="Procesos a validar en paralelo.")] = 1,
) -> None:
    """Valida los archivos contra el formato y la metodología.

    Salida: 0 sin errores; 1 con errores (o avisos, con --estricto); 2 error de uso.

    Ejemplos:

        caja-ga validar

        caja-ga validar jalisco/zapopan --fecha-corte 2026-06-30

        caja-ga validar . --formato json --jobs 2
    """
    from caja_ga.formatos import FORMATOS
    from caja_ga.problemas import Severidad
    from caja_ga.validacion import Opciones
    from caja_ga.validacion import validar as validar_rutas

    opciones = Opciones(fecha_corte_de(fecha_corte), config, jobs)
    resultado = validar_rutas(rutas or [Path()], opciones)
    elegido = formato or _formato_automatico()
    color = elegido is Formato.texto and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(FORMATOS[elegido.value](resultado, color))
    errores = resultado.contar(Severidad.ERROR)
    avisos = resultado.contar(Severidad.AVISO)
    if errores or (estricto and avisos):
        raise typer.Exit(SALIDA_PROBLEMAS)


@app.command()
@_errores_de_uso
def reglas(
    codigo: Annotated[str | None, typer.Argument(
        help="Código de una regla (por ejemplo GA301) para ver su documentación completa.",
        show_default=False)] = None,
) -> None:
    """Muestra el catálogo de reglas, o la documentación de una regla con ejemplos.

    Ejemplos:

        caja-ga reglas

        caja-ga reglas GA301
    """
    from caja_ga.documentacion import documentacion_de_regla, tabla_de_reglas
    from caja_ga.reglas import todas

    if codigo is None:
        sys.stdout.write(tabla_de_reglas(markdown=False))
        return
    regla = todas().get(codigo.strip().upper())
    if regla is None:
        raise ErrorDeUso(f"No existe la regla «{codigo}»; la lista completa sale con "
                         "«caja-ga reglas».")
    sys.stdout.write(documentacion_de_regla(regla))

