"""Frases con números: «1 día», «3 días». Módulo hoja: lo usan reglas, reportes y formatos."""


def cantidad(numero: int, singular: str, plural: str) -> str:
    """El número con el sustantivo que concuerda: «1 sesión», «0 sesiones», «4 sesiones»."""
    return f"{numero} {singular if numero == 1 else plural}"


def dias(numero: int) -> str:
    return cantidad(numero, "día", "días")
