"""Errores de uso y su manejo común en la línea de comandos.

Todo error que el usuario puede corregir (una ruta que no existe, una configuración inválida, una
respuesta que no sirve) hereda de `ErrorDeUso`: la CLI lo muestra en español y sale con código 2.
Cualquier otra excepción es un fallo de caja-ga y también se muestra sin traza.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

SALIDA_USO = 2


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
            raise salir(
                f"Error interno de caja-ga ({type(error).__name__}: {error}). Tus "
                "archivos no se modificaron; por favor repórtalo con el comando que "
                "usaste."
            ) from None

    return envoltura
