"""La clave INEGI del municipio no está en el catálogo incluido en caja-ga.

La clave geoestadística (`cvegeo`) identifica al municipio en los reportes y en los datos abiertos:
dos dígitos del estado y tres del municipio. Si no está en el catálogo del INEGI que trae la
herramienta, lo más probable es un error de escritura (un dígito cambiado o la clave de otro
estado); también puede ser un municipio de creación muy reciente que el catálogo aún no incluye.

Incorrecto (Zapopan es la clave 120 de Jalisco, no la 210):

    municipio:
      cvegeo: "14210"

Correcto:

    municipio:
      cvegeo: "14120"
"""

from collections.abc import Iterator

from caja_ga.catalogos import FECHA_CATALOGO_INEGI, municipios
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA101", "municipio-desconocido", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    proceso = ctx.carpeta.proceso
    if proceso is None or proceso.municipio.cvegeo in municipios():
        return
    yield Hallazgo(
        f"La clave INEGI «{proceso.municipio.cvegeo}» no está en el catálogo de municipios del "
        f"INEGI incluido en caja-ga (consultado el {FECHA_CATALOGO_INEGI}); revisa que sean los "
        "2 dígitos del estado y los 3 del municipio, o, si el municipio es de creación muy "
        "reciente, ignora este aviso.",
        ctx.carpeta.documentos["proceso"],
        ("municipio", "cvegeo"),
    )
