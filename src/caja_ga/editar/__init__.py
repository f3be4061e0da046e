"""`caja-ga editar`: un formulario en el navegador para quien no edita YAML.

Una página local por archivo del proceso, con etiquetas y ayuda en español tomadas de los
esquemas JSON (que salen de los modelos), los mensajes de `caja-ga validar` junto a cada campo
mientras se escribe, y un guardado que conserva los comentarios del archivo (`edicion.py`, y
`caja_ga.escritura` para escribir).
"""

from __future__ import annotations

import sys
import webbrowser
from datetime import date
from pathlib import Path

from caja_ga.editar.servidor import Editor, Servidor
from caja_ga.errores import ErrorDeUso


def servir(carpeta: Path, fecha_corte: date, puerto: int, abrir_navegador: bool) -> None:
    """Atiende hasta Ctrl+C; la dirección (con su código de acceso) va a la salida estándar."""
    editor = Editor(carpeta, fecha_corte, puerto)
    try:
        servidor = Servidor(editor)
    except OSError as error:
        raise ErrorDeUso(
            f"No se pudo abrir el editor en el puerto {puerto} ({error.strerror or error}); "
            "elige otro con --puerto, o --puerto 0 para que se elija uno libre."
        ) from None
    print(f"Editor del proceso «{editor.carpeta.name}» abierto en esta dirección:")
    print(f"  {editor.url}")
    print("Ábrela en tu navegador; solo funciona en esta computadora. Ctrl+C para detenerlo.")
    sys.stdout.flush()
    if abrir_navegador:
        webbrowser.open(editor.url)
    try:
        servidor.serve_forever()
    except KeyboardInterrupt:
        print("\nEditor detenido. Lo que guardaste quedó en los archivos del proceso.")
    finally:
        servidor.server_close()
