"""El archivo no es YAML válido.

Un error de sintaxis impide leer el archivo entero, así que se señala en la posición donde el
lector se detuvo: una sangría que no cuadra, un «:» de más, comillas o corchetes sin cerrar, un
tabulador en lugar de espacios o varios documentos en un mismo archivo.

Incorrecto:

    compromisos:
      - id: c1
       titulo: Obra pública abierta

Correcto:

    compromisos:
      - id: c1
        titulo: Obra pública abierta
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA001", "sintaxis-yaml", Severidad.ERROR, __name__)
