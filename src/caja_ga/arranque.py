"""El punto de entrada del comando `caja-ga`.

`caja-ga --version` responde sin importar typer ni nada más; el resto pasa a cli.py.
"""

import io
import os
import sys

from caja_ga import __version__


def main() -> None:
    # Una salida que no es UTF-8 (una redirección en Windows, PYTHONIOENCODING=cp1252) muestra
    # «?» en lo que no puede escribir, en vez de fallar a media corrida.
    for flujo in (sys.stdout, sys.stderr):
        if isinstance(flujo, io.TextIOWrapper):
            flujo.reconfigure(errors="replace")
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"caja-ga {__version__}\n")
        return
    # caja-ga no usa complementos de pydantic; buscarlos entre los paquetes instalados cuesta
    # ~10 ms en cada corrida.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from caja_ga.cli import app

    app()
