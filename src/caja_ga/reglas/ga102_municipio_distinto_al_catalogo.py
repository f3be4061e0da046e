"""El nombre del municipio o de la entidad no coincide con el catálogo del INEGI.

`municipio.nombre` y `municipio.entidad` son opcionales: si faltan, caja-ga los toma del catálogo
del INEGI según la clave `cvegeo`. Si se escriben y no coinciden (sin contar acentos, mayúsculas
ni espacios), o la clave es de otro municipio o el nombre está mal escrito; los reportes y los
datos abiertos usan la clave, así que conviene que ambos digan lo mismo.

Incorrecto (la clave 14120 es Zapopan, Jalisco):

    municipio:
      cvegeo: "14120"
      nombre: Guadalajara
      entidad: Jalisco

Correcto:

    municipio:
      cvegeo: "14120"
      nombre: Zapopan
      entidad: Jalisco
"""

from collections.abc import Iterator

from caja_ga.catalogos import municipios
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._texto import comparable


@regla("GA102", "municipio-distinto-al-catalogo", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    proceso = ctx.carpeta.proceso
    if proceso is None:
        return
    municipio = proceso.municipio
    catalogo = municipios().get(municipio.cvegeo)
    if catalogo is None:  # GA101 ya lo avisa
        return
    doc = ctx.carpeta.documentos["proceso"]
    for campo, escrito, oficial in (
        ("nombre", municipio.nombre, catalogo.nombre),
        ("entidad", municipio.entidad, catalogo.entidad),
    ):
        if escrito is not None and comparable(escrito) != comparable(oficial):
            yield Hallazgo(
                f"«{escrito}» no coincide con el catálogo del INEGI, que para la clave "
                f"«{municipio.cvegeo}» registra «{oficial}»; escribe «{campo}: {oficial}», "
                "bórralo (se toma del catálogo) o corrige la clave «cvegeo».",
                doc,
                ("municipio", campo),
            )
