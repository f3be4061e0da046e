"""El acta de instalación o los lineamientos del Espacio no están publicados.

Los estándares de participación y cocreación de la Alianza para el Gobierno Abierto (OGP) piden,
como mínimo, que las reglas del foro multiactor sean públicas: quién lo integra, cómo se elige el
asiento de la sociedad civil, cada cuánto sesiona, cuál es su quórum y cómo decide. Por eso
espacio.yaml registra dónde están publicados el acta de instalación (`instalacion.acta_url`) y los
lineamientos de funcionamiento (`instalacion.lineamientos_url`). Es error cuando la fase
`instalacion` ya se cumplió, aviso mientras el Espacio se instala y no se revisa antes.

Incorrecto:

    instalacion:
      fecha: 2025-03-15

Correcto:

    instalacion:
      fecha: 2025-03-15
      acta_url: https://www.zapopan.gob.mx/ga/acta-instalacion.pdf
      lineamientos_url: https://www.zapopan.gob.mx/ga/lineamientos.pdf
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla

_QUE = {"acta_url": "el acta de instalación", "lineamientos_url": "los lineamientos"}


@regla("GA212", "reglas-del-espacio-no-publicas", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    espacio = ctx.carpeta.espacio
    if espacio is None or espacio.instalacion is None:  # la instalación la pide GA005
        return
    doc = ctx.carpeta.documentos["espacio"]
    faltan = espacio.instalacion.sin_publicar()
    if not faltan:
        return
    campos = " y ".join(f"«{campo}»" for campo in faltan)
    yield Hallazgo(
        f"El Espacio no dice dónde están publicados {' ni '.join(_QUE[c] for c in faltan)}; "
        f"anota en {campos}, dentro de «instalacion», la dirección de su publicación (las "
        "reglas del Espacio deben ser públicas).",
        doc,
        ("instalacion", faltan[0]),
        en_clave=True,
    )
