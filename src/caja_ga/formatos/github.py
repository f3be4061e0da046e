"""`--formato github`: anotaciones de GitHub Actions, una por problema, y un resumen."""

from __future__ import annotations

from caja_ga.formatos.texto import resumen, visible
from caja_ga.problemas import Problema, Resultado, Severidad


def _dato(texto: str) -> str:
    return texto.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _propiedad(texto: str) -> str:
    return _dato(texto).replace(":", "%3A").replace(",", "%2C")


def _anotacion(problema: Problema) -> str:
    nivel = "error" if problema.severidad is Severidad.ERROR else "warning"
    propiedades = [f"file={_propiedad(problema.archivo)}"]
    if problema.linea is not None:
        propiedades.append(f"line={problema.linea}")
    if problema.columna is not None:
        propiedades.append(f"col={problema.columna}")
    propiedades.append(f"title={_propiedad(problema.codigo)}")
    return f"::{nivel} {','.join(propiedades)}::{_dato(problema.mensaje_con_nota)}"


def formatear(resultado: Resultado, color: bool = False) -> str:
    del color
    lineas = [_anotacion(visible(p)) for p in resultado.problemas]
    lineas.append(resumen(resultado))
    return "\n".join(lineas) + "\n"
