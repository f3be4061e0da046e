"""Todo lo que imprime la línea de comandos está en español, también lo que escribe el marco."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caja_ga import cli
from tests.conftest import COMANDO, CajaGa

# Las palabras que typer, click, pydantic y rich escriben en inglés por su cuenta.
INGLES = (
    "Usage", "Options", "Arguments", "Commands", "Show this message", "Missing", "Invalid value",
    "No such", "Did you mean", "Error:", "Try", "required", "default", "Aborted", "Please select",
    "Input should", "Value error", "is not one of", "for help", "completion", "installed",
    "shell", "<bool>", "<text>", "<str>", "<int", "<path>", "<list", "OPTIONS", "COMMAND",
)  # fmt: skip
_INGLES = re.compile("|".join(rf"(?<![\w-]){re.escape(p)}(?![\w-])" for p in INGLES))

AYUDAS = [
    [], ["validar"], ["reglas"], ["esquema"], ["reporte"], ["init"], ["nuevo"],
    ["nuevo", "sesion"], ["nuevo", "seguimiento"], ["nuevo", "compromiso"],
    ["nuevo", "modificacion"],
]  # fmt: skip


def sin_ingles(texto: str) -> None:
    assert not _INGLES.search(texto), (_INGLES.findall(texto), texto)


@pytest.mark.parametrize("comando", AYUDAS, ids=" ".join)
@pytest.mark.parametrize("ayuda", ["--help", "-h"])
def test_la_ayuda_de_cada_comando_esta_en_espanol(
    caja_ga: CajaGa, comando: list[str], ayuda: str
) -> None:
    resultado = caja_ga(*comando, ayuda)
    assert resultado.returncode == 0, resultado.stderr
    sin_ingles(resultado.stdout + resultado.stderr)
    assert "Uso: caja-ga" in resultado.stdout
    assert "Muestra esta" in resultado.stdout


def test_la_ayuda_de_init_conserva_sus_marcadores(caja_ga: CajaGa) -> None:
    salida = " ".join(caja_ga("init", "-h").stdout.split())
    assert "MUNICIPIO-PERIODO" in salida
    assert "ENTIDAD/MUNICIPIO/PERIODO" in salida
    assert "<ruta>" in salida
    assert "<texto>" in salida


ERRORES = [
    (["esquema"], "Falta la opción «--salida» / «-o».", "caja-ga esquema -h"),
    (
        ["nuevo", "sesion", "x", "--tipo", "semanal"],
        "Valor inválido para la opción «--tipo»: no es una de las opciones (ordinaria, "
        "extraordinaria, instalacion).",
        "caja-ga nuevo sesion -h",
    ),
    (["valdiar"], "No existe el comando «valdiar». ¿Quisiste decir «validar»?", "caja-ga -h"),
    (["xyz"], "No existe el comando «xyz».", "caja-ga -h"),
    (
        ["validar", "--jobs", "0"],
        "Valor inválido para la opción «--jobs» / «-j»: debe ser un número mayor o igual que 1.",
        "caja-ga validar -h",
    ),
    (
        ["validar", "--jobs", "x"],
        "Valor inválido para la opción «--jobs» / «-j»: debe ser un número entero.",
        "caja-ga validar -h",
    ),
    (["validar", "--nope"], "No existe la opción «--nope».", "caja-ga validar -h"),
    (["validar", "--formato"], "La opción «--formato» necesita un valor.", "caja-ga validar -h"),
    (["validar", "--estricto=si"], "La opción «--estricto» no lleva valor.", "caja-ga validar -h"),
    (
        ["reglas", "GA301", "otra"],
        "Sobra «otra»: este comando no recibe más argumentos.",
        "caja-ga reglas -h",
    ),
]


@pytest.mark.parametrize(("argumentos", "mensaje", "ayuda"), ERRORES, ids=lambda x: str(x))
def test_los_errores_de_uso_salen_en_espanol_con_codigo_2(
    caja_ga: CajaGa, argumentos: list[str], mensaje: str, ayuda: str
) -> None:
    resultado = caja_ga(*argumentos)
    assert resultado.returncode == 2
    assert resultado.stdout == ""
    lineas = resultado.stderr.splitlines()
    assert lineas[0].startswith("Uso: caja-ga")
    assert lineas[1:] == [f"Error de uso: {mensaje}", f"Prueba «{ayuda}» para ver la ayuda."]
    sin_ingles(resultado.stderr)


@pytest.mark.parametrize(
    ("escrito", "archivo"),
    [
        (["--tipo", "Instalación"], "instalacion"),
        (["--tipo", "EXTRAORDINARIA"], "extraordinaria"),
        (["--organo", "Núcleo"], "ordinaria"),
    ],
)
def test_las_opciones_de_una_lista_se_leen_como_en_los_archivos(
    caja_ga: CajaGa, proceso: Path, escrito: list[str], archivo: str
) -> None:
    resultado = caja_ga("nuevo", "sesion", str(proceso), "--fecha", "2026-05-14", *escrito)
    assert resultado.returncode == 0, resultado.stderr
    assert (proceso / "sesiones" / f"2026-05-14-{archivo}.yaml").is_file()


def test_formato_en_mayusculas(caja_ga: CajaGa, proceso: Path) -> None:
    resultado = caja_ga("reglas", "--formato", "MARKDOWN")
    assert resultado.returncode == 0
    assert resultado.stdout.startswith("#")


def test_una_respuesta_invalida_a_init_se_pide_de_nuevo_en_espanol(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "_hay_terminal", lambda: True)
    entrada = "Benito Juárez\n9\n1\n2024-2027\n\n\n"
    resultado = CliRunner().invoke(cli.app, ["init"], input=entrada)
    assert resultado.exit_code == 0, resultado.output
    assert "Elige una de las opciones disponibles." in resultado.output
    sin_ingles(resultado.output)


def test_nuevo_compromiso_sobre_un_plan_roto_da_el_diagnostico_de_validar(
    caja_ga: CajaGa, proceso: Path
) -> None:
    (proceso / "plan.yaml").write_text("compromisos:\n  - id: c1\n    titulo: a: b\n")
    resultado = caja_ga("nuevo", "compromiso", str(proceso))
    assert resultado.returncode == 2
    assert resultado.stderr == (
        f"Error: {proceso.name}/plan.yaml:3:14: El texto de este valor lleva «: »; escríbelo "
        'completo entre comillas, por ejemplo "a: b". Corrígelo y vuelve a intentarlo.\n'
    )


def test_el_autocompletado_se_instala_y_se_muestra_en_espanol(tmp_path: Path) -> None:
    entorno = {"HOME": str(tmp_path), "SHELL": "/bin/bash", "PATH": "/usr/bin:/bin"}
    resultado = subprocess.run(
        [str(COMANDO), "--instalar-completado"],
        capture_output=True, text=True, env=entorno, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.startswith("Autocompletado de bash instalado en ")
    sin_ingles(resultado.stdout.replace(str(tmp_path), ""))


@pytest.mark.parametrize(("detectado", "shell"), [(None, "/bin/tcsh"), ("tcsh", "/bin/bash")])
def test_un_interprete_sin_autocompletado_se_dice_en_espanol(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, detectado: str | None, shell: str
) -> None:
    """Sin un intérprete que typer sepa completar, un mensaje en español y salida 2 (typer
    diría «Shell None is not supported»); sin detectarlo, se toma el de $SHELL."""
    import typer._completion_shared as completado

    monkeypatch.setattr(completado, "_get_shell_name", lambda: detectado)
    monkeypatch.setenv("SHELL", shell)
    monkeypatch.setenv("HOME", str(tmp_path))
    resultado = CliRunner().invoke(cli.app, ["--instalar-completado"])
    assert resultado.exit_code == 2
    assert resultado.output == (
        "No se reconoce el intérprete de órdenes «tcsh»; el autocompletado existe para bash, "
        "zsh, fish, powershell, pwsh: usa «caja-ga --mostrar-completado bash» (o el tuyo) y "
        "copia el guion donde lo lea tu terminal.\n"
    )
    assert not any(tmp_path.iterdir())


def test_sin_detectar_el_interprete_se_usa_el_de_shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import typer._completion_shared as completado

    monkeypatch.setattr(completado, "_get_shell_name", lambda: None)
    monkeypatch.setenv("SHELL", "/usr/bin/zsh")
    monkeypatch.setenv("HOME", str(tmp_path))
    resultado = CliRunner().invoke(cli.app, ["--instalar-completado"])
    assert resultado.exit_code == 0, resultado.output
    assert resultado.output.startswith("Autocompletado de zsh instalado en ")
    assert (tmp_path / ".zfunc" / "_caja-ga").is_file()


def test_un_argumento_que_falta_se_dice_en_espanol() -> None:
    """Ningún comando de caja-ga exige hoy un argumento (todos toman la carpeta actual por
    omisión); la traducción de ese error se prueba con una aplicación mínima del mismo tipo."""
    from caja_ga.idioma import TyperEnEspanol

    app = TyperEnEspanol(name="prueba")

    @app.command()
    def uno(proceso: str) -> None:
        del proceso

    @app.command()
    def dos() -> None:
        return None

    resultado = CliRunner().invoke(app, ["uno"])
    assert resultado.exit_code == 2
    assert "Error de uso: Falta el argumento «proceso»." in resultado.output
    sin_ingles(resultado.output)
