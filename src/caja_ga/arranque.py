"""El punto de entrada del comando `caja-ga`.

`caja-ga --version` responde sin importar typer ni nada más; el resto pasa a cli.py.
"""

import os
import sys

from caja_ga import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"caja-ga {__version__}\n")
        return
    # caja-ga no usa complementos de pydantic; buscarlos entre los paquetes instalados cuesta
    # ~10 ms en cada corrida.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from caja_ga.cli import app

    app()
