"""Una clave aparece dos veces en el mismo mapeo.

YAML no permite repetir una clave; muchos programas se quedan en silencio con el último valor y
se pierde lo escrito antes. Se señala la segunda aparición y se conserva la primera.

Incorrecto:

    titulo: Obra pública abierta
    titulo: Portal de obra pública

Correcto:

    titulo: Portal de obra pública abierta
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA002", "clave-duplicada", Severidad.ERROR, __name__)
