"""Frases con números y listas: «1 día», «3 días», «a, b y c». Módulo hoja: lo usan modelos,
reglas, reportes y formatos."""

from collections.abc import Iterable


def cantidad(numero: int, singular: str, plural: str) -> str:
    """El número con el sustantivo que concuerda: «1 sesión», «0 sesiones», «4 sesiones»."""
    return f"{numero} {singular if numero == 1 else plural}"


def dias(numero: int) -> str:
    return cantidad(numero, "día", "días")


def enumerar(textos: Iterable[str]) -> str:
    """«a», «a y b», «a, b y c»; nada si no hay textos."""
    lista = list(textos)
    return f"{', '.join(lista[:-1])} y {lista[-1]}" if len(lista) > 1 else "".join(lista)
