"""Errores de uso y su manejo común en la línea de comandos.

Todo error que el usuario puede corregir (una ruta que no existe, una configuración inválida, una
respuesta que no sirve) hereda de `ErrorDeUso`: la CLI lo muestra en español y sale con código 2.
Cualquier otra excepción es un fallo de caja-ga: sale con código 3, y su traza va a un archivo
del directorio temporal (nunca a la pantalla), cuya ruta dice el mensaje para poder reportarlo.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from caja_ga import __version__

P = ParamSpec("P")
R = TypeVar("R")

SALIDA_USO = 2
SALIDA_FALLO = 3


class ErrorDeUso(Exception):
    """Un error que el usuario puede corregir; el mensaje ya está en español."""


def con_errores_de_uso(funcion: Callable[P, R]) -> Callable[P, R]:
    """Convierte los errores en un mensaje en español y una salida distinta de 0, sin traza."""

    @functools.wraps(funcion)
    def envoltura(*args: P.args, **kwargs: P.kwargs) -> R:
        import typer

        def salir(mensaje: str, codigo: int = SALIDA_USO) -> typer.Exit:
            typer.secho(mensaje, fg=typer.colors.RED, err=True)
            return typer.Exit(codigo)

        try:
            return funcion(*args, **kwargs)
        except ErrorDeUso as error:
            raise salir(f"Error: {error}") from None
        except EOFError:
            raise salir(
                "Error: la entrada terminó antes de contestar todas las preguntas; da "
                "las respuestas con opciones (consulta --help)."
            ) from None
        except KeyboardInterrupt:
            raise salir("Interrumpido.", 130) from None
        except BrokenPipeError:  # «caja-ga validar | head»: quien leía ya cerró, no es un fallo
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
        except typer.Exit:
            raise
        except Exception as error:  # un fallo de caja-ga: mensaje claro, nunca una traza
            raise salir(mensaje_de_fallo(error), SALIDA_FALLO) from None

    return envoltura


def mensaje_de_fallo(error: Exception) -> str:
    mensaje = (
        f"Error interno de caja-ga ({type(error).__name__}: {error}). Es un fallo de caja-ga, "
        "no de tus archivos, que no se modificaron."
    )
    try:
        ruta = guardar_traza(error)
    except OSError:
        return f"{mensaje} Por favor repórtalo con el comando que usaste."
    return (
        f"{mensaje} Los detalles quedaron en {ruta}; por favor repórtalo con el comando que "
        "usaste y ese archivo."
    )


def guardar_traza(error: Exception) -> str:
    """Escribe la traza completa (con la de un proceso hijo, si ahí falló) en un archivo nuevo
    del directorio temporal, legible solo por quien corre caja-ga, y devuelve su ruta."""
    import tempfile
    import time
    import traceback

    descriptor, ruta = tempfile.mkstemp(
        prefix=f"caja-ga-error-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-", suffix=".txt"
    )
    with os.fdopen(descriptor, "w", encoding="utf-8") as archivo:
        archivo.write(f"caja-ga {__version__}\nComando: {' '.join(sys.argv)}\n\n")
        archivo.writelines(traceback.format_exception(error))
    return ruta
