"""La línea de comandos: cada comando lee sus opciones, llama a una función, imprime y sale.

Las importaciones pesadas (pydantic, los modelos, jinja) ocurren dentro de cada comando para que
`caja-ga --help` y `caja-ga --version` respondan al instante.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caja_ga import __version__
from caja_ga.errores import ErrorDeUso, con_errores_de_uso

if TYPE_CHECKING:
    from rich.console import Console

    from caja_ga.andamio import Resultado
    from caja_ga.inicio import Enlace, Solicitud
from caja_ga.cli_nuevo import nuevo_app

SALIDA_PROBLEMAS = 1

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
@con_errores_de_uso
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
@con_errores_de_uso
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


app.add_typer(nuevo_app, name="nuevo")



def _hay_terminal() -> bool:
    """¿Hay una persona para contestar preguntas? (Las pruebas lo reemplazan.)"""
    return sys.stdin.isatty()


@app.command()
@con_errores_de_uso
def init(
    destino: Annotated[Path | None, typer.Argument(
        help="Carpeta del proceso; por omisión <municipio>-<periodo> (zapopan-2024-2027), o "
        "<entidad>/<municipio>/<periodo> con --repositorio.", show_default=False)] = None,
    municipio: Annotated[str | None, typer.Option(
        "--municipio", "-m", help="Nombre (sin importar acentos) o clave INEGI de 5 dígitos.",
        show_default=False)] = None,
    periodo: Annotated[str | None, typer.Option(
        "--periodo", "-p", metavar="AAAA-AAAA", help="Periodo de gobierno: 2024-2027 (del 1 de "
        "octubre al 30 de septiembre; corrígelo después si tu estado usa otras fechas) o "
        "2024-10-01:2027-09-30.", show_default=False)] = None,
    enlace: Annotated[str | None, typer.Option(
        "--enlace", help="Nombre de la persona enlace de gobierno abierto.",
        show_default=False)] = None,
    cargo: Annotated[str | None, typer.Option(
        "--cargo", help="Cargo de la persona enlace.", show_default=False)] = None,
    correo: Annotated[str | None, typer.Option(
        "--correo", help="Correo institucional de la persona enlace.", show_default=False)] = None,
    telefono: Annotated[str | None, typer.Option(
        "--telefono", help="Teléfono de la persona enlace.", show_default=False)] = None,
    preguntar: Annotated[bool | None, typer.Option(
        "--preguntar/--sin-preguntas", help="Preguntar lo que falte; por omisión se pregunta "
        "sólo en una terminal. Con --sin-preguntas, faltar el municipio o el periodo es un "
        "error.", show_default=False)] = None,
    forzar: Annotated[bool, typer.Option(
        "--forzar", help="Sobrescribir los archivos que ya existen.")] = False,
    simular: Annotated[bool, typer.Option(
        "--simular", help="Mostrar qué se escribiría, sin escribir nada.")] = False,
    repositorio: Annotated[bool, typer.Option(
        "--repositorio", help="Escribir además, en la carpeta actual (la raíz del repositorio), "
        "la integración continua, pre-commit, .caja-ga.yaml, .gitignore y README.md.")] = False,
) -> None:
    """Crea la carpeta de un proceso nuevo, con todos sus archivos comentados para llenarlos.

    Nunca sobrescribe un archivo que ya existe (salvo con --forzar).

    Ejemplos:

        caja-ga init

        caja-ga init --municipio 14120 --periodo 2024-2027 --sin-preguntas

        caja-ga init --repositorio --municipio "Benito Juárez" --periodo 2024-2027
    """
    from rich.console import Console

    from caja_ga import inicio

    consola = Console(soft_wrap=True, highlight=False)
    datos_enlace = inicio.Enlace(nombre=enlace, cargo=cargo, correo=inicio.revisar_correo(correo),
                                 telefono=telefono, contacto_publico=False)
    if _hay_terminal() if preguntar is None else preguntar:
        solicitud = _preguntar(consola, municipio, periodo, datos_enlace)
    else:
        faltan = [opcion for opcion, valor in (("--municipio", municipio), ("--periodo", periodo))
                  if not valor]
        if faltan:
            raise ErrorDeUso(f"Falta {' y '.join(faltan)}: sin preguntas, caja-ga init necesita "
                             "ambos, por ejemplo --municipio 14120 --periodo 2024-2027.")
        assert municipio and periodo
        solicitud = inicio.Solicitud(inicio.municipio_unico(municipio),
                                     inicio.leer_periodo(periodo), datos_enlace)
    carpeta = destino or inicio.destino_por_omision(solicitud, repositorio=repositorio)
    if carpeta.is_file():
        raise ErrorDeUso(f"«{carpeta}» es un archivo; el destino debe ser una carpeta.")
    base, resultado = inicio.crear_proceso(solicitud, carpeta,
                                           repositorio=Path() if repositorio else None,
                                           forzar=forzar, simular=simular)
    _mostrar_resultado(consola, solicitud, carpeta, base, resultado)


def _preguntar(consola: Console, municipio: str | None, periodo: str | None,
               enlace: Enlace) -> Solicitud:
    """Pregunta en la terminal lo que no vino en las opciones; repite hasta tener una respuesta."""
    import dataclasses

    from rich.markup import escape
    from rich.prompt import Prompt

    from caja_ga import inicio

    elegido = None
    while elegido is None:
        texto = municipio or Prompt.ask("Municipio (nombre o clave INEGI)", console=consola)
        municipio = None
        encontrados = inicio.buscar_municipios(texto)
        if len(encontrados) == 1:
            elegido = encontrados[0]
        elif not encontrados:
            consola.print(f"[red]No encontré «{escape(texto)}» en el catálogo del INEGI; "
                          "prueba con otra parte del nombre o con la clave de 5 dígitos.[/red]")
        elif len(encontrados) > 30:
            consola.print(f"«{escape(texto)}» está en {len(encontrados)} nombres; escribe más "
                          "del nombre o la clave.")
        else:
            consola.print(f"Hay {len(encontrados)} municipios con ese nombre:")
            for numero, candidato in enumerate(encontrados, 1):
                consola.print(f"  {numero}. {escape(inicio.describir(candidato))}")
            opciones = [str(numero) for numero in range(1, len(encontrados) + 1)]
            eleccion = Prompt.ask("¿Cuál? (número)", choices=opciones, show_choices=False,
                                console=consola)
            elegido = encontrados[int(eleccion) - 1]
    consola.print(f"Municipio: {escape(inicio.describir(elegido))}")

    leido = None
    while leido is None:
        texto = periodo or Prompt.ask("Periodo de gobierno (2024-2027, o 2024-10-01:2027-09-30)",
                                      console=consola)
        periodo = None
        try:
            leido = inicio.leer_periodo(texto)
        except inicio.RespuestaInvalida as error:
            consola.print(f"[red]{escape(str(error))}[/red]")

    if enlace.nombre is None:
        nombre = Prompt.ask("Nombre de la persona enlace (Enter para llenarlo después)",
                            default="", show_default=False, console=consola).strip()
        enlace = dataclasses.replace(enlace, nombre=nombre or None)
    while enlace.correo is None:
        texto = Prompt.ask("Correo institucional del enlace (Enter para llenarlo después)",
                           default="", show_default=False, console=consola)
        if not texto.strip():
            break
        try:
            enlace = dataclasses.replace(enlace, correo=inicio.revisar_correo(texto))
        except inicio.RespuestaInvalida as error:
            consola.print(f"[red]{escape(str(error))}[/red]")
    return inicio.Solicitud(elegido, leido, enlace)


def _mostrar_resultado(consola: Console, solicitud: Solicitud, carpeta: Path, base: Path,
                       resultado: Resultado) -> None:
    from rich.markup import escape

    from caja_ga import inicio

    periodo = solicitud.periodo
    consola.print(f"Proceso de {escape(inicio.describir(solicitud.municipio))}, periodo "
                  f"{periodo.inicio.isoformat()} a {periodo.fin.isoformat()}, en "
                  f"[bold]{escape(carpeta.as_posix())}/[/bold]")
    if resultado.simulado:
        consola.print("[yellow]Simulación: no se escribió nada.[/yellow]")
    verbos = (("se crearía", "se sobrescribiría", "se omitiría (ya existe)") if resultado.simulado
              else ("creado", "sobrescrito", "omitido (ya existe)"))
    for verbo, rutas, color in zip(verbos, (resultado.creados, resultado.sobrescritos,
                                            resultado.omitidos), ("green", "yellow", "dim"),
                                   strict=True):
        for ruta in rutas:
            consola.print(f"  [{color}]{verbo}[/{color}]  {escape((base / ruta).as_posix())}")
    if resultado.omitidos and not resultado.simulado:
        consola.print("Los archivos que ya existían no se tocaron (usa --forzar para "
                      "reemplazarlos).")
    if resultado.simulado:
        return
    visible = escape(carpeta.as_posix())
    consola.print("\n[bold]Siguientes pasos[/bold]")
    consola.print(f"  1. Llena {visible}/diagnostico.yaml: los comentarios explican cada campo.")
    consola.print(f"  2. Revisa {visible}/proceso.yaml (fechas del periodo y datos del enlace).")
    consola.print(f"  3. Valida: caja-ga validar {visible}")
