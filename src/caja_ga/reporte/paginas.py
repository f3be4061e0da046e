"""El contexto de un proceso → su página HTML y su documento Markdown (plantillas/reporte/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caja_ga import __version__
from caja_ga.documentacion import html_de_reglas
from caja_ga.reporte import datos_abiertos
from caja_ga.reporte.entorno import entorno

if TYPE_CHECKING:
    from caja_ga.reporte.contexto import ContextoReporte

_LINEAS_VACIAS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Paginas:
    html: str
    markdown: str


def renderizar(contexto: ContextoReporte) -> Paginas:
    datos = [f"{datos_abiertos.CARPETA}/{archivo}" for archivo in datos_abiertos.ARCHIVOS]
    html = entorno("html").get_template("proceso.html.jinja").render(r=contexto, datos=datos)
    markdown = entorno("markdown").get_template("proceso.md.jinja").render(r=contexto, datos=datos)
    # La plantilla separa con holgura; el documento queda con una sola línea vacía entre bloques.
    return Paginas(html=html, markdown=_LINEAS_VACIAS.sub("\n\n", markdown))


def pagina_de_reglas() -> str:
    """La referencia de reglas que enlazan los avisos de validación de cada proceso."""
    plantilla = entorno("html").get_template("reglas.html.jinja")
    return plantilla.render(cuerpo=html_de_reglas(), version=__version__)
