"""Una clave que el formato no conoce (con sugerencia de la más parecida).

Casi siempre es un error de escritura: una clave mal escrita no se lee, y lo que contiene se
pierde sin aviso. El mensaje sugiere la clave válida más parecida.

Incorrecto:

    compromisos:
      - id: c1
        actividdes: []

Correcto:

    compromisos:
      - id: c1
        actividades: []
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA004", "clave-desconocida", Severidad.ERROR, __name__)
