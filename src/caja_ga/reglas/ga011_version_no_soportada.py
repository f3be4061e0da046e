"""La `version` del formato no es una que esta versión de caja-ga sepa leer.

Cada archivo empieza con `version: 1`. Un número distinto significa que el archivo se escribió
para otra versión del formato: no se adivina su contenido.

Incorrecto:

    version: 2
    fase: plan

Correcto:

    version: 1
    fase: plan
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA011", "version-no-soportada", Severidad.ERROR, __name__)
