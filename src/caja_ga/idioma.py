"""La línea de comandos en español: ayuda, errores de uso, preguntas y autocompletado.

Cada texto se cambia con el mecanismo de su biblioteca: las constantes de `typer.rich_utils`,
los atributos de clase de `rich.prompt`, el prefijo de `format_usage` y la ayuda de la opción de
ayuda en las clases de comando, y `token_normalize_func` para leer las opciones de una lista
cerrada como en los archivos. Los errores de uso de click se traducen por su tipo y sus campos en
un solo punto (`GrupoEnEspanol.main`), y salen con código 2.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer
from typer import _click
from typer._click import exceptions as clic
from typer.core import TyperCommand, TyperGroup

from caja_ga.errores import SALIDA_USO
from caja_ga.opciones import normalizar_opcion

AYUDA = ["-h", "--help", "--ayuda"]
_TIPOS = {"str": "texto", "int": "número", "float": "número", "Path": "ruta", "date": "fecha"}


def poner_textos() -> None:
    """Los textos que typer y rich imprimen por su cuenta, en español."""
    from rich.prompt import PromptBase
    from typer import rich_utils

    rich_utils.DEPRECATED_STRING = "(obsoleta) "
    rich_utils.DEFAULT_STRING = "[por omisión: {}]"
    rich_utils.ENVVAR_STRING = "[variable de entorno: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[obligatorio]"
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumentos"
    rich_utils.OPTIONS_PANEL_TITLE = "Opciones"
    rich_utils.COMMANDS_PANEL_TITLE = "Comandos"
    rich_utils.ERRORS_PANEL_TITLE = "Error de uso"
    rich_utils.ABORTED_TEXT = "Cancelado."
    rich_utils.RICH_HELP = "Prueba [blue]«{command_path} {help_option}»[/] para ver la ayuda."
    PromptBase.illegal_choice_message = (
        "[prompt.invalid.choice]Elige una de las opciones disponibles."
    )
    PromptBase.validate_error_message = "[prompt.invalid]Escribe un valor válido."


class ComandoDesconocido(clic.UsageError):
    def __init__(self, nombre: str, sugerencias: list[str], ctx: _click.Context) -> None:
        super().__init__(f"No existe el comando «{nombre}».", ctx)
        self.nombre = nombre
        self.sugerencias = sugerencias


class ArgumentosDeMas(clic.UsageError):
    def __init__(self, sobrantes: Sequence[str], ctx: _click.Context) -> None:
        super().__init__("Sobran argumentos.", ctx)
        self.sobrantes = list(sobrantes)


def _etiqueta(parametro: Any) -> str | None:
    """`<ruta>`, `<número>`, … en lugar de `<path>`, `<int>`; nada para un interruptor."""
    if getattr(parametro, "is_flag", False):
        return None
    if parametro.metavar is not None or parametro.type_descriptor.is_choice:
        return str(parametro.metavar or parametro.display_type(None))
    tipo = parametro.bare_type()
    varios = tipo.startswith("list[")
    nombre = _TIPOS.get(tipo.removeprefix("list[").removesuffix("]"), "valor")
    return f"<{nombre}>" + ("..." if varios else "")


class _EnEspanol(_click.Command):
    options_metavar = "[OPCIONES]"

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        piezas = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, piezas, prefix="Uso: ")

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        poner_textos()
        for parametro in self.get_params(ctx):
            etiqueta = _etiqueta(parametro)
            # Una etiqueta por parámetro: typer no deja elegir la clase de sus parámetros.
            parametro.display_type_rich = lambda ctx, etiqueta=etiqueta: etiqueta  # type: ignore[attr-defined]
        super().format_help(ctx, formatter)

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except clic.UsageError as error:  # el analizador de opciones no anota el contexto
            error.ctx = error.ctx or ctx
            raise

    def get_help_option(self, ctx: _click.Context) -> Any:
        opcion = super().get_help_option(ctx)
        if opcion is not None:
            opcion.help = "Muestra esta ayuda y termina."
        return opcion


class OrdenEnEspanol(_EnEspanol, TyperCommand):
    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        permitidos, ctx.allow_extra_args = ctx.allow_extra_args, True
        resto = super().parse_args(ctx, args)
        ctx.allow_extra_args = permitidos
        if ctx.args and not permitidos and not ctx.resilient_parsing:
            raise ArgumentosDeMas(ctx.args, ctx)
        return resto


class GrupoEnEspanol(_EnEspanol, TyperGroup):
    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        nombre = ctx.token_normalize_func(args[0]) if ctx.token_normalize_func else args[0]
        if self.get_command(ctx, nombre) is None and not nombre.startswith("-"):
            sugerencias = difflib.get_close_matches(nombre, self.list_commands(ctx))
            raise ComandoDesconocido(args[0], sugerencias, ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # Los textos de rich se ponen al mostrar la ayuda o preguntar (`poner_textos`): importar
        # rich en cada corrida costaría una décima de segundo a `validar`.
        if not standalone_mode:
            return super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        from typer._completion_classes import completion_init

        completion_init()
        try:
            codigo = super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except clic.NoArgsIsHelpError:  # la ayuda ya se imprimió al armar el error
            sys.exit(SALIDA_USO)
        except clic.UsageError as error:
            _mostrar_error(error)
            sys.exit(SALIDA_USO)
        except typer.Abort:
            typer.secho("Cancelado.", fg=typer.colors.RED, err=True)
            sys.exit(1)
        sys.exit(codigo if isinstance(codigo, int) else 0)


class TyperEnEspanol(typer.Typer):
    """Una aplicación de typer cuyos comandos y grupos hablan español."""

    def __init__(self, **opciones: Any) -> None:
        ajustes = {"help_option_names": AYUDA, "token_normalize_func": _normalizar}
        super().__init__(
            cls=GrupoEnEspanol,
            options_metavar="[OPCIONES]",
            subcommand_metavar="COMANDO [ARGUMENTOS]...",
            context_settings=ajustes,
            rich_markup_mode="markdown",
            add_completion=False,
            **opciones,
        )

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        return super().command(*args, cls=OrdenEnEspanol, **kwargs)


def _normalizar(token: str) -> str:
    """`--tipo Instalación` vale como `instalacion`, igual que en los archivos."""
    return str(normalizar_opcion(token))


def _mostrar_error(error: clic.UsageError) -> None:
    if error.ctx is not None:
        typer.echo(error.ctx.get_usage(), err=True)
    typer.secho(f"Error de uso: {mensaje_de_error(error)}", fg=typer.colors.RED, err=True)
    if error.ctx is not None:
        ayuda = f"{error.ctx.command_path} {AYUDA[0]}"
        typer.echo(f"Prueba «{ayuda}» para ver la ayuda.", err=True)


def _nombre(parametro: Any) -> str:
    if parametro.param_type_name == "argument":
        return f"el argumento «{parametro.display_name_raw}»"
    return "la opción " + " / ".join(f"«{opcion}»" for opcion in parametro.opts)


def mensaje_de_error(error: clic.UsageError) -> str:
    """El error de uso en español, armado con los campos de cada clase de error."""
    if isinstance(error, ComandoDesconocido):
        sugerencia = "".join(f" ¿Quisiste decir «{s}»?" for s in error.sugerencias[:1])
        return f"No existe el comando «{error.nombre}».{sugerencia}"
    if isinstance(error, ArgumentosDeMas):
        sobrantes = " ".join(f"«{s}»" for s in error.sobrantes)
        return f"Sobra {sobrantes}: este comando no recibe más argumentos."
    if isinstance(error, clic.MissingParameter) and error.param is not None:
        return f"Falta {_nombre(error.param)}."
    if isinstance(error, clic.BadParameter) and error.param is not None:
        return f"Valor inválido para {_nombre(error.param)}: {_motivo(error)}"
    if isinstance(error, clic.NoSuchOption):
        parecidas = sorted(error.possibilities or [])
        sugerencia = "".join(f" ¿Quisiste decir «{p}»?" for p in parecidas[:1])
        return f"No existe la opción «{error.option_name}».{sugerencia}"
    if isinstance(error, clic.BadOptionUsage):
        return _uso_de_opcion(error)
    return "la línea de comandos no se entiende; revisa la ayuda."


def _motivo(error: clic.BadParameter) -> str:
    from pydantic import ValidationError

    parametro: Any = error.param
    causa = error.__cause__
    detalles = causa.errors() if isinstance(causa, ValidationError) else []
    if parametro.type_descriptor.is_choice:
        opciones = ", ".join(
            _normalizar(str(getattr(c, "value", c))) for c in _elecciones(parametro)
        )
        return f"no es una de las opciones ({opciones})."
    for detalle in detalles:
        contexto = detalle.get("ctx", {})
        if "ge" in contexto:
            return f"debe ser un número mayor o igual que {contexto['ge']}."
        if detalle["type"].startswith("int_"):
            return "debe ser un número entero."
    return "no es un valor válido."


def _elecciones(parametro: Any) -> Sequence[Any]:
    return tuple(parametro.type_descriptor.choices or ())


def _uso_de_opcion(error: clic.BadOptionUsage) -> str:
    ctx = error.ctx
    parametros = ctx.command.params if ctx is not None else []
    opcion = next((p for p in parametros if error.option_name in _opciones(p, ctx)), None)
    if opcion is not None and getattr(opcion, "is_flag", False):
        return f"La opción «{error.option_name}» no lleva valor."
    return f"La opción «{error.option_name}» necesita un valor."


def _opciones(parametro: Any, ctx: _click.Context | None) -> list[str]:
    normalizar = ctx.token_normalize_func if ctx is not None else None
    nombres = [*parametro.opts, *parametro.secondary_opts]
    if normalizar is None:
        return nombres
    return [*nombres, *(n[:2] + normalizar(n[2:]) if n.startswith("--") else n for n in nombres)]


_INTERPRETES = ("bash", "zsh", "fish", "powershell", "pwsh")


def instalar_completado(ctx: _click.Context, valor: bool) -> None:
    """`--instalar-completado`: el autocompletado de typer para el intérprete en uso."""
    if not valor or ctx.resilient_parsing:
        return
    from typer._completion_shared import _get_shell_name, install

    # Sin un intérprete reconocible (desde un programa, no desde una terminal), el de $SHELL.
    detectado = _get_shell_name() or Path(os.environ.get("SHELL", "")).name or None
    if detectado not in _INTERPRETES:
        typer.secho(
            f"No se reconoce el intérprete de órdenes «{detectado or 'ninguno'}»; el "
            f"autocompletado existe para {', '.join(_INTERPRETES)}: usa «caja-ga "
            "--mostrar-completado bash» (o el tuyo) y copia el guion donde lo lea tu terminal.",
            err=True,
            fg=typer.colors.RED,
        )
        raise typer.Exit(2)
    interprete, ruta = install(shell=detectado)
    typer.secho(f"Autocompletado de {interprete} instalado en {ruta}.", fg=typer.colors.GREEN)
    typer.echo("Funcionará al abrir una terminal nueva.")
    raise typer.Exit


def mostrar_completado(ctx: _click.Context, interprete: str | None) -> None:
    """`--mostrar-completado bash`: el guion, para copiarlo o instalarlo a mano."""
    if interprete is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    programa = ctx.find_root().info_name or "caja-ga"
    variable = "_{}_COMPLETE".format(programa.replace("-", "_").upper())
    typer.echo(get_completion_script(prog_name=programa, complete_var=variable, shell=interprete))
    raise typer.Exit
