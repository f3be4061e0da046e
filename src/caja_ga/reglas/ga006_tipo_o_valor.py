"""Un valor de tipo o forma equivocada.

Fechas que no existen o no están en formato AAAA-MM-DD, opciones fuera de la lista permitida,
números fuera de rango, texto donde va una lista, y los números que YAML leería mal: una clave
INEGI sin comillas pierde sus ceros (`01001` se vuelve 1001) y un código ODS sin comillas cambia
(`16.10` se vuelve 16.1). El mensaje cita el valor tal como se escribió.

Incorrecto:

    municipio:
      cvegeo: 01001
    fecha: 2025-02-30
    ods: [16.10]

Correcto:

    municipio:
      cvegeo: "01001"
    fecha: 2025-02-28
    ods: ["16.10"]
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA006", "tipo-o-valor", Severidad.ERROR, __name__)
