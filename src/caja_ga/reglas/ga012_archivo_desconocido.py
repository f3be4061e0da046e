"""Un archivo YAML con un nombre que el formato no conoce, dentro de la carpeta del proceso.

caja-ga solo lee los archivos con los nombres del formato: un `plan.yml`, un `Plan.yaml` o un
`compromisos.yaml` no se leen, y lo que contienen no se valida ni se publica. El mensaje sugiere el
nombre válido más parecido.

Incorrecto:

    zapopan/
      proceso.yaml
      plan.yml

Correcto:

    zapopan/
      proceso.yaml
      plan.yaml
"""

import difflib
from collections.abc import Iterator
from pathlib import Path

from caja_ga.archivos import ruta_visible
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import ARCHIVOS
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA012", "archivo-desconocido", Severidad.AVISO, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for ruta in ctx.carpeta.desconocidos:
        yield Hallazgo(
            f"caja-ga no lee el archivo «{ruta.name}»; {_pista(ruta, ctx)}",
            archivo=ruta_visible(ruta),
        )


def _pista(ruta: Path, ctx: Contexto) -> str:
    if ruta.parent != ctx.carpeta.carpeta:  # en sesiones/ o seguimiento/ solo importa la extensión
        return f"renómbralo a «{ruta.stem}.yaml»."
    parecido = difflib.get_close_matches(ruta.stem.lower() + ".yaml", list(ARCHIVOS), n=1)
    if parecido:
        return f"¿quisiste decir «{parecido[0]}»?"
    return f"los nombres válidos son: {', '.join(ARCHIVOS)}."
