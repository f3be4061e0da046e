"""La línea de comandos: cada comando lee sus opciones, llama a una función, imprime y sale.

Las importaciones pesadas (pydantic, los modelos, jinja) ocurren dentro de cada comando para que
`caja-ga --help` y `caja-ga --version` respondan al instante.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caja_ga import __version__
from caja_ga.errores import ErrorDeUso, con_errores_de_uso
from caja_ga.idioma import TyperEnEspanol, instalar_completado, mostrar_completado

if TYPE_CHECKING:
    from pathlib import PurePosixPath

    from rich.console import Console

    from caja_ga.andamio import Resultado
    from caja_ga.inicio import Enlace, Solicitud
    from caja_ga.reporte.publicar import Publicacion
from caja_ga.cli_hojas import exportar, importar
from caja_ga.cli_nuevo import ArgumentoProceso, nuevo_app

SALIDA_PROBLEMAS = 1


app = TyperEnEspanol(
    name="caja-ga",
    help="Procesos municipales de gobierno abierto como archivos YAML: crear, validar y "
    "publicar, según la Caja de Herramientas de Gobierno Abierto Municipal.",
    no_args_is_help=True,
)


class Interprete(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"
    pwsh = "pwsh"


def _version(valor: bool) -> None:
    if valor:
        typer.echo(f"caja-ga {__version__}")
        raise typer.Exit()


@app.callback()
def principal(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Muestra la versión y termina."
        ),
    ] = False,
    _instalar: Annotated[
        bool,
        typer.Option(
            "--instalar-completado",
            callback=instalar_completado,
            expose_value=False,
            is_eager=True,
            help="Instala el autocompletado de caja-ga para la terminal en uso.",
        ),
    ] = False,
    _mostrar: Annotated[
        Interprete | None,
        typer.Option(
            "--mostrar-completado",
            callback=mostrar_completado,
            expose_value=False,
            is_eager=True,
            help="Muestra el guion de autocompletado para copiarlo o instalarlo a mano.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Procesos municipales de gobierno abierto como archivos YAML."""


class Formato(StrEnum):
    texto = "texto"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


class FormatoReglas(StrEnum):
    texto = "texto"
    markdown = "markdown"


def fecha_corte_de(texto: str | None) -> date:
    if texto is None:
        return date.today()
    try:
        return date.fromisoformat(texto)
    except ValueError:
        raise ErrorDeUso(
            f"«{texto}» no es una fecha de corte válida: usa AAAA-MM-DD, por ejemplo 2026-06-30."
        ) from None


@contextmanager
def _barra_de_progreso(titulo: str, mostrar: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Una barra en la terminal (stderr) cuando hay muchos procesos; nada en CI ni en tuberías."""
    if not mostrar or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as barra:
        tarea = barra.add_task(titulo, total=None, visible=False)

        def al_avanzar(listos: int, total: int) -> None:
            barra.update(tarea, completed=listos, total=total, visible=total >= _MINIMO_PARA_BARRA)

        yield al_avanzar


_MINIMO_PARA_BARRA = 20


OpcionConfig = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Archivo de configuración; por omisión se busca .caja-ga.yaml desde la ruta "
        "hacia arriba.",
        show_default=False,
    ),
]

OpcionFechaCorte = Annotated[
    str | None,
    typer.Option(
        "--fecha-corte",
        metavar="AAAA-MM-DD",
        help="Fecha con la que se juzgan plazos y "
        "retrasos; por omisión, hoy. Fíjala para resultados reproducibles.",
        show_default=False,
    ),
]


def _formato_automatico() -> Formato:
    return Formato.github if os.environ.get("GITHUB_ACTIONS") == "true" else Formato.texto


@app.command()
@con_errores_de_uso
def validar(
    rutas: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Carpetas o archivos a validar; por omisión, la carpeta actual (o el proceso que "
            "la contiene). En una carpeta se buscan todos los procesos (carpetas con "
            "proceso.yaml).",
            show_default=False,
        ),
    ] = None,
    formato: Annotated[
        Formato | None,
        typer.Option(
            "--formato",
            "-f",
            help="texto (por omisión), json, github (anotaciones; automático "
            "dentro de GitHub Actions), sarif (SARIF 2.1.0, para GitHub code scanning) o gitlab "
            "(informe Code Quality de GitLab).",
            show_default=False,
        ),
    ] = None,
    estricto: Annotated[
        bool,
        typer.Option(
            "--estricto", help="Los avisos también hacen fallar la validación (salida 1)."
        ),
    ] = False,
    fecha_corte: OpcionFechaCorte = None,
    config: OpcionConfig = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Procesos a validar en paralelo.")
    ] = 1,
    cambios_desde: Annotated[
        str | None,
        typer.Option(
            "--cambios-desde",
            metavar="REF",
            help="Solo los procesos con archivos cambiados desde "
            "esa referencia de git (por ejemplo origin/main).",
            show_default=False,
        ),
    ] = None,
    sin_cache: Annotated[
        bool,
        typer.Option(
            "--sin-cache",
            help="No usar ni escribir la caché de resultados (.caja-ga-cache/ en la raíz del "
            "repositorio git, o en la carpeta del proceso fuera de git).",
        ),
    ] = False,
) -> None:
    """Valida los archivos contra el formato y la metodología.

    Salida: 0 sin errores; 1 con errores (o avisos, con --estricto); 2 error de uso; 3 fallo
    de caja-ga.

    Ejemplos:

        caja-ga validar

        caja-ga validar jalisco/zapopan --fecha-corte 2026-06-30

        caja-ga validar . --formato json --jobs 2

        caja-ga validar --formato sarif > caja-ga.sarif
    """
    from caja_ga.formatos import FORMATOS
    from caja_ga.problemas import Severidad
    from caja_ga.validacion import Opciones
    from caja_ga.validacion import validar as validar_rutas

    opciones = Opciones(fecha_corte_de(fecha_corte), config, jobs, not sin_cache, cambios_desde)
    elegido = formato or _formato_automatico()
    with _barra_de_progreso("Validando procesos", elegido is Formato.texto) as al_avanzar:
        resultado = validar_rutas(rutas or [_carpeta_actual()], opciones, al_avanzar)
    color = elegido is Formato.texto and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(FORMATOS[elegido.value](resultado, color))
    errores = resultado.contar(Severidad.ERROR)
    avisos = resultado.contar(Severidad.AVISO)
    if errores or (estricto and avisos):
        raise typer.Exit(SALIDA_PROBLEMAS)


def _carpeta_actual() -> Path:
    """La carpeta actual o, si está dentro de un proceso (en `sesiones/`), ese proceso."""
    from caja_ga.proceso import proceso_que_contiene

    return proceso_que_contiene(Path()) or Path()


@app.command()
@con_errores_de_uso
def reglas(
    codigo: Annotated[
        str | None,
        typer.Argument(
            help="Una regla para ver su documentación completa: su código (GA301, ga301), su "
            "número (301) o su nombre (avance-incoherente).",
            show_default=False,
        ),
    ] = None,
    formato: Annotated[
        FormatoReglas,
        typer.Option(
            "--formato",
            "-f",
            help="texto, o markdown: la referencia completa (docs/reglas.md), o "
            "la sección de una regla.",
        ),
    ] = FormatoReglas.texto,
) -> None:
    """Muestra el catálogo de reglas, o la documentación de una regla con ejemplos.

    Ejemplos:

        caja-ga reglas

        caja-ga reglas GA301

        caja-ga reglas avance-incoherente

        caja-ga reglas --formato markdown > docs/reglas.md
    """
    from caja_ga import documentacion

    markdown = formato is FormatoReglas.markdown
    if codigo is None:
        sys.stdout.write(
            documentacion.pagina_de_reglas() if markdown else documentacion.tabla_de_reglas()
        )
        return
    regla = documentacion.buscar_regla(codigo)
    if regla is None:
        parecidas = " o ".join(
            f"{r.codigo} ({r.nombre})" for r in documentacion.reglas_parecidas(codigo)
        )
        sugerencia = f" ¿Quisiste decir {parecidas}?" if parecidas else ""
        raise ErrorDeUso(
            f"No existe la regla «{codigo}».{sugerencia} La lista completa sale con «caja-ga "
            "reglas»."
        )
    sys.stdout.write(
        documentacion.seccion_markdown(regla)
        if markdown
        else documentacion.documentacion_de_regla(regla)
    )


@app.command()
@con_errores_de_uso
def esquema(
    salida: Annotated[
        Path,
        typer.Option(
            "--salida",
            "-o",
            help="Carpeta donde escribir los esquemas; se crea si no existe. Los "
            "esquemas que ya estén ahí se reemplazan (son archivos generados).",
            show_default=False,
        ),
    ],
) -> None:
    """Escribe un esquema JSON por clase de archivo, para que el editor complete y explique.

    Con la extensión YAML de VS Code (o cualquier editor con el servidor de lenguaje YAML), los
    archivos que empiezan con «# yaml-language-server: $schema=RUTA» tienen autocompletado,
    ayuda al pasar el cursor y errores de estructura mientras se escribe. «caja-ga init» ya los
    escribe en .caja-ga/esquemas/; usa este comando para actualizarlos tras actualizar caja-ga.

    Ejemplos:

        caja-ga esquema --salida .caja-ga/esquemas
    """
    from caja_ga.esquemas_json import escribir_esquemas

    for ruta in escribir_esquemas(salida):
        typer.echo(f"escrito  {ruta.as_posix()}")


@app.command()
@con_errores_de_uso
def reporte(
    rutas: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Carpetas de procesos, o carpetas que los contienen; por omisión, la carpeta "
            "actual.",
            show_default=False,
        ),
    ] = None,
    salida: Annotated[
        Path | None,
        typer.Option(
            "--salida",
            "-o",
            help="Carpeta del sitio; se crea si no existe. El sitio cambia de una vez; lo que "
            "no escribió caja-ga se conserva y nunca se reemplaza sin --forzar.",
            show_default=False,
        ),
    ] = None,
    fecha_corte: Annotated[
        str | None,
        typer.Option(
            "--fecha-corte",
            metavar="AAAA-MM-DD",
            help="La fecha de los datos que muestra el "
            "reporte y con la que se juzgan plazos; por omisión, hoy.",
            show_default=False,
        ),
    ] = None,
    forzar: Annotated[
        bool,
        typer.Option(
            "--forzar",
            help="Publicar aunque la validación tenga errores (el reporte los muestra) y "
            "reemplazar archivos de la salida que no escribió caja-ga.",
        ),
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Procesos a preparar en paralelo.")
    ] = 1,
    config: OpcionConfig = None,
    sin_cache: Annotated[
        bool,
        typer.Option(
            "--sin-cache",
            help="Volver a leer y dibujar todos los procesos, sin usar ni escribir la caché "
            "(por omisión, los que no cambiaron desde la última publicación en la misma salida "
            "se toman de ella).",
        ),
    ] = False,
) -> None:
    """Publica cada proceso como página HTML autocontenida y documento Markdown, con un índice y
    datos abiertos.

    Por proceso escribe SALIDA/<carpeta>/index.html y reporte.md; en SALIDA, el índice
    (index.html) y en SALIDA/datos/ los datos abiertos. No publica nada si la validación tiene
    errores (salida 1), salvo con --forzar. Los correos y teléfonos solo se publican con
    «contacto_publico: sí».

    Salida: 0 publicado; 1 rechazado por errores de validación; 2 error de uso; 3 fallo de
    caja-ga.

    Ejemplos:

        caja-ga reporte ejemplos/monterrey-2024-2027 --salida sitio --fecha-corte 2026-11-15

        caja-ga reporte . --salida public --jobs 2
    """
    from rich.console import Console

    from caja_ga.reporte.publicar import Opciones, publicar

    if salida is None:
        raise ErrorDeUso(
            "Falta --salida: la carpeta donde escribir el sitio, por ejemplo "
            "«caja-ga reporte . --salida sitio»."
        )
    opciones = Opciones(
        fecha_corte_de(fecha_corte), config, jobs, forzar=forzar, cache=not sin_cache
    )
    errores = Console(stderr=True, highlight=False, soft_wrap=True)
    with _barra_de_progreso("Validando y preparando reportes", True) as al_avanzar:
        publicacion = publicar(rutas or [Path()], salida, opciones, al_avanzar)
    _mostrar_publicacion(publicacion, salida, opciones.fecha_corte, errores)
    if publicacion.rechazada:
        raise typer.Exit(SALIDA_PROBLEMAS)


def _mostrar_publicacion(
    publicacion: Publicacion, salida: Path, fecha_corte: date, errores: Console
) -> None:
    from rich.markup import escape

    from caja_ga.archivos import ruta_visible

    con_errores = publicacion.con_errores
    total_errores = sum(p.errores for p in con_errores)
    corte = fecha_corte.isoformat()
    if publicacion.rechazada:
        errores.print(
            f"[red]No se publicó nada: la validación encontró {total_errores} "
            f"{'error' if total_errores == 1 else 'errores'}.[/red]"
        )
        for proceso in con_errores:
            errores.print(
                f"  {escape(proceso.visible)}: {proceso.errores} "
                f"{'error' if proceso.errores == 1 else 'errores'}"
            )
        carpetas = " ".join(escape(p.visible) for p in con_errores)
        errores.print(
            f"Revísalos con «caja-ga validar {carpetas} --fecha-corte {corte}», "
            "corrígelos y vuelve a correr caja-ga reporte (con --forzar se publica de "
            "todos modos, con los errores a la vista en cada reporte)."
        )
        return
    procesos = len(publicacion.procesos)
    typer.echo(
        f"Reporte de {procesos} {'proceso' if procesos == 1 else 'procesos'} con fecha "
        f"de corte {corte}, en {ruta_visible(salida)}/:"
    )
    for linea in _escritos_agrupados(salida, publicacion.escritos):
        typer.echo(f"  {linea}")
    avisos = sum(p.avisos for p in publicacion.procesos)
    typer.echo(
        f"{avisos} {'aviso' if avisos == 1 else 'avisos'} de validación, listados en cada reporte."
    )
    if total_errores:
        errores.print(
            f"[yellow]Atención: se publicó con {total_errores} "
            f"{'error' if total_errores == 1 else 'errores'} de validación "
            "(--forzar); cada reporte los muestra.[/yellow]"
        )


app.add_typer(nuevo_app, name="nuevo")
app.command()(exportar)
app.command()(importar)


def _hay_terminal() -> bool:
    """¿Hay una persona para contestar preguntas? (Las pruebas lo reemplazan.)"""
    return sys.stdin.isatty()


_MAX_PROCESOS_LISTADOS = 10  # en un reporte estatal, miles de carpetas no caben en la terminal


def _escritos_agrupados(salida: Path, escritos: list[Path]) -> list[str]:
    """Qué se escribió, por grupos: la página de cada proceso (hasta diez), el índice, la
    coordinación y los datos abiertos, con cuántos archivos lleva cada grupo."""
    from caja_ga.archivos import ruta_visible

    grupos: dict[str, list[Path]] = {}
    for ruta in escritos:
        partes = ruta.relative_to(salida).parts
        grupos.setdefault(partes[0] if len(partes) > 1 else "", []).append(ruta)
    sitio = grupos.pop("", [])
    coordinacion, datos = grupos.pop("coordinacion", []), grupos.pop("datos", [])
    paginas = [r for archivos in grupos.values() for r in archivos if r.name == "index.html"]
    lineas = [
        f"escrito  {ruta_visible(r)} (y su reporte.md)" for r in paginas[:_MAX_PROCESOS_LISTADOS]
    ]
    if len(paginas) > _MAX_PROCESOS_LISTADOS:
        lineas.append(f"… y {len(paginas) - _MAX_PROCESOS_LISTADOS} reportes más")
    if sitio:
        lineas.append(
            f"escrito  {ruta_visible(sitio[0])} (índice de procesos"
            f"{_y_mas(len(sitio) - 1, 'página', 'páginas')})"
        )
    for carpeta, archivos, que in (
        ("coordinacion", coordinacion, "cobertura y estándares mínimos"),
        ("datos", datos, "datos abiertos"),
    ):
        if archivos:
            lineas.append(
                f"escrito  {ruta_visible(salida / carpeta)}/ ({que}: "
                f"{len(archivos)} {'archivo' if len(archivos) == 1 else 'archivos'})"
            )
    return lineas


def _y_mas(cuantos: int, singular: str, plural: str) -> str:
    return f" y {cuantos} {singular if cuantos == 1 else plural} más" if cuantos else ""


@app.command()
@con_errores_de_uso
def init(
    destino: Annotated[
        Path | None,
        typer.Argument(
            help="Carpeta del proceso; por omisión MUNICIPIO-PERIODO (zapopan-2024-2027). Con "
            "--repositorio, la raíz del repositorio (por omisión, la carpeta actual): el proceso "
            "va en ENTIDAD/MUNICIPIO/PERIODO dentro de ella.",
            show_default=False,
        ),
    ] = None,
    municipio: Annotated[
        str | None,
        typer.Option(
            "--municipio",
            "-m",
            help="Nombre (sin importar acentos) o clave INEGI de 5 dígitos.",
            show_default=False,
        ),
    ] = None,
    periodo: Annotated[
        str | None,
        typer.Option(
            "--periodo",
            "-p",
            metavar="AAAA-AAAA",
            help="Periodo de gobierno: 2024-2027 (desde el día en que toman posesión los "
            "ayuntamientos del estado del municipio) o las fechas completas, "
            "2024-10-01:2027-09-30, si el tuyo usa otras.",
            show_default=False,
        ),
    ] = None,
    enlace: Annotated[
        str | None,
        typer.Option(
            "--enlace", help="Nombre de la persona enlace de gobierno abierto.", show_default=False
        ),
    ] = None,
    cargo: Annotated[
        str | None, typer.Option("--cargo", help="Cargo de la persona enlace.", show_default=False)
    ] = None,
    correo: Annotated[
        str | None,
        typer.Option(
            "--correo", help="Correo institucional de la persona enlace.", show_default=False
        ),
    ] = None,
    telefono: Annotated[
        str | None,
        typer.Option("--telefono", help="Teléfono de la persona enlace.", show_default=False),
    ] = None,
    preguntar: Annotated[
        bool | None,
        typer.Option(
            "--preguntar/--sin-preguntas",
            help="Preguntar lo que falte; por omisión se pregunta "
            "solo en una terminal. Con --sin-preguntas, faltar el municipio o el periodo es un "
            "error.",
            show_default=False,
        ),
    ] = None,
    forzar: Annotated[
        bool, typer.Option("--forzar", help="Sobrescribir los archivos que ya existen.")
    ] = False,
    simular: Annotated[
        bool, typer.Option("--simular", help="Mostrar qué se escribiría, sin escribir nada.")
    ] = False,
    repositorio: Annotated[
        bool,
        typer.Option(
            "--repositorio",
            help="DESTINO es la raíz de un repositorio con muchos municipios (por omisión, la "
            "carpeta actual): el proceso va en <entidad>/<municipio>/<periodo> y en la raíz se "
            "escriben además la integración continua, pre-commit, .caja-ga.yaml, .gitignore y "
            "README.md. Nada se escribe fuera de DESTINO.",
        ),
    ] = False,
    instalar_desde: Annotated[
        str | None,
        typer.Option(
            "--instalar-desde",
            help="Con --repositorio: de dónde instala caja-ga la integración continua. Por "
            "omisión, esta misma versión del índice público de paquetes; también una URL de git "
            "con etiqueta (git+https://…/caja-ga.git@v0.2.0) o la ruta a una rueda (.whl) "
            "guardada en el repositorio.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Crea la carpeta de un proceso nuevo, con todos sus archivos comentados para llenarlos.

    Nunca sobrescribe un archivo que ya existe (salvo con --forzar).

    Ejemplos:

        caja-ga init

        caja-ga init --municipio 14120 --periodo 2024-2027 --sin-preguntas

        caja-ga init repo --repositorio --municipio 14120 --periodo 2024-2027
    """
    from rich.console import Console

    from caja_ga import inicio

    consola = Console(soft_wrap=True, highlight=False)
    datos_enlace = inicio.Enlace(
        nombre=enlace,
        cargo=cargo,
        correo=inicio.revisar_correo(correo),
        telefono=telefono,
        contacto_publico=False,
    )
    if _hay_terminal() if preguntar is None else preguntar:
        solicitud = _preguntar(consola, municipio, periodo, datos_enlace)
    else:
        faltan = [
            opcion
            for opcion, valor in (("--municipio", municipio), ("--periodo", periodo))
            if not valor
        ]
        if faltan:
            raise ErrorDeUso(
                f"Falta {' y '.join(faltan)}: sin preguntas, caja-ga init necesita "
                "ambos, por ejemplo --municipio 14120 --periodo 2024-2027."
            )
        assert municipio and periodo
        elegido = inicio.municipio_unico(municipio)
        solicitud = inicio.Solicitud(
            elegido, inicio.leer_periodo(periodo, elegido.cvegeo), datos_enlace
        )
    if instalar_desde is not None and not repositorio:
        raise ErrorDeUso("--instalar-desde va con --repositorio: es lo que instala su CI.")
    # Con --repositorio, DESTINO es la raíz del repositorio y el proceso va dentro de ella.
    raiz = (destino or Path()) if repositorio else None
    if raiz is not None:
        carpeta = raiz / inicio.destino_por_omision(solicitud, repositorio=True)
    else:
        carpeta = destino or inicio.destino_por_omision(solicitud, repositorio=False)
    if (destino or carpeta).is_file():
        raise ErrorDeUso(f"«{destino or carpeta}» es un archivo; el destino debe ser una carpeta.")
    base, resultado = inicio.crear_proceso(
        solicitud,
        carpeta,
        repositorio=raiz,
        instalar_desde=instalar_desde,
        forzar=forzar,
        simular=simular,
    )
    _mostrar_resultado(consola, solicitud, carpeta, base, resultado)


def _preguntar(
    consola: Console, municipio: str | None, periodo: str | None, enlace: Enlace
) -> Solicitud:
    """Pregunta en la terminal lo que no vino en las opciones; repite hasta tener una respuesta."""
    import dataclasses

    from rich.markup import escape
    from rich.prompt import Prompt

    from caja_ga import inicio
    from caja_ga.idioma import poner_textos

    poner_textos()

    elegido = None
    while elegido is None:
        texto = municipio or Prompt.ask("Municipio (nombre o clave INEGI)", console=consola)
        municipio = None
        encontrados = inicio.buscar_municipios(texto)
        if len(encontrados) == 1:
            elegido = encontrados[0]
        elif not encontrados:
            consola.print(
                f"[red]No encontré «{escape(texto)}» en el catálogo del INEGI."
                f"{escape(inicio.sugerencia(texto))} Prueba con otra parte del nombre o con la "
                "clave de 5 dígitos.[/red]"
            )
        elif len(encontrados) > 30:
            consola.print(
                f"«{escape(texto)}» está en {len(encontrados)} nombres; escribe más "
                "del nombre o la clave."
            )
        else:
            consola.print(f"Hay {len(encontrados)} municipios con ese nombre:")
            for numero, candidato in enumerate(encontrados, 1):
                consola.print(f"  {numero}. {escape(inicio.describir(candidato))}")
            opciones = [str(numero) for numero in range(1, len(encontrados) + 1)]
            eleccion = Prompt.ask(
                "¿Cuál? (número)", choices=opciones, show_choices=False, console=consola
            )
            elegido = encontrados[int(eleccion) - 1]
    consola.print(f"Municipio: {escape(inicio.describir(elegido))}")

    leido = None
    while leido is None:
        texto = periodo or Prompt.ask(
            "Periodo de gobierno (2024-2027, o 2024-10-01:2027-09-30)", console=consola
        )
        periodo = None
        try:
            leido = inicio.leer_periodo(texto, elegido.cvegeo)
        except inicio.RespuestaInvalida as error:
            consola.print(f"[red]{escape(str(error))}[/red]")

    if enlace.nombre is None:
        nombre = Prompt.ask(
            "Nombre de la persona enlace (Enter para llenarlo después)",
            default="",
            show_default=False,
            console=consola,
        ).strip()
        enlace = dataclasses.replace(enlace, nombre=nombre or None)
    while enlace.correo is None:
        texto = Prompt.ask(
            "Correo institucional del enlace (Enter para llenarlo después)",
            default="",
            show_default=False,
            console=consola,
        )
        if not texto.strip():
            break
        try:
            enlace = dataclasses.replace(enlace, correo=inicio.revisar_correo(texto))
        except inicio.RespuestaInvalida as error:
            consola.print(f"[red]{escape(str(error))}[/red]")
    return inicio.Solicitud(elegido, leido, enlace)


def _agrupar_esquemas(rutas: list[PurePosixPath]) -> list[str]:
    """Los esquemas del editor se listan como una sola línea: no son algo que editar."""
    from caja_ga.esquemas_json import CARPETA_ESQUEMAS

    otras = [str(r) for r in rutas if CARPETA_ESQUEMAS not in r.parents]
    esquemas = len(rutas) - len(otras)
    if esquemas:
        otras.append(f"{CARPETA_ESQUEMAS}/ ({esquemas} esquemas para el autocompletado del editor)")
    return otras


def _mostrar_resultado(
    consola: Console, solicitud: Solicitud, carpeta: Path, base: Path, resultado: Resultado
) -> None:
    from rich.markup import escape

    from caja_ga import inicio

    periodo = solicitud.periodo
    consola.print(
        f"Proceso de {escape(inicio.describir(solicitud.municipio))}, periodo "
        f"{periodo.inicio.isoformat()} a {periodo.fin.isoformat()}, en "
        f"[bold]{escape(carpeta.as_posix())}/[/bold]"
    )
    if periodo.origen:
        consola.print(escape(periodo.origen))
    if resultado.simulado:
        consola.print("[yellow]Simulación: no se escribió nada.[/yellow]")
    verbos = (
        ("se crearía", "se sobrescribiría", "se omitiría (ya existe)")
        if resultado.simulado
        else ("creado", "sobrescrito", "omitido (ya existe)")
    )
    for verbo, rutas, color in zip(
        verbos,
        (resultado.creados, resultado.sobrescritos, resultado.omitidos),
        ("green", "yellow", "dim"),
        strict=True,
    ):
        for ruta in _agrupar_esquemas(rutas):
            consola.print(f"  [{color}]{verbo}[/{color}]  {escape((base / ruta).as_posix())}")
    if resultado.omitidos and not resultado.simulado:
        consola.print(
            "Los archivos que ya existían no se tocaron (usa --forzar para reemplazarlos)."
        )
    if resultado.simulado:
        return
    visible = escape(carpeta.as_posix())
    consola.print("\n[bold]Siguientes pasos[/bold]")
    consola.print(f"  1. Llena {visible}/diagnostico.yaml: los comentarios explican cada campo.")
    consola.print(f"  2. Revisa {visible}/proceso.yaml (fechas del periodo y datos del enlace).")
    consola.print(f"  3. Valida: caja-ga validar {visible}")


@app.command()
@con_errores_de_uso
def editar(
    proceso: ArgumentoProceso = Path(),
    puerto: Annotated[
        int,
        typer.Option(
            "--puerto",
            min=0,
            max=65535,
            help="Puerto local del editor; 0 elige uno libre.",
        ),
    ] = 0,
    abrir: Annotated[
        bool, typer.Option("--abrir", help="Abre el editor en el navegador predeterminado.")
    ] = False,
    fecha_corte: OpcionFechaCorte = None,
) -> None:
    """Edita los archivos del proceso en un formulario del navegador, sin escribir YAML.

    Muestra una dirección local (con un código de acceso) que solo funciona en esta
    computadora. Cada campo explica qué va en él; los problemas aparecen junto al campo
    mientras escribes, con los mismos mensajes que «caja-ga validar». Al guardar se conservan
    los comentarios del archivo, y no se guarda si el archivo cambió en el disco mientras lo
    editabas. Ctrl+C lo detiene.

    Ejemplos:

        caja-ga editar jalisco/zapopan

        caja-ga editar --abrir --puerto 8765
    """
    from caja_ga.editar import servir
    from caja_ga.nuevo import carpeta_de_proceso

    servir(carpeta_de_proceso(proceso), fecha_corte_de(fecha_corte), puerto, abrir)
