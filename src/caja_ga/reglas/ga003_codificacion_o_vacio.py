"""El archivo no es texto UTF-8, o está vacío.

Los archivos deben guardarse como texto UTF-8 (con o sin BOM; los finales de línea de Windows se
aceptan). Un archivo guardado como Latin-1/ANSI, un archivo binario (PDF, Word, imagen) con
nombre `.yaml` o un archivo vacío no se pueden leer.

Incorrecto: un `plan.yaml` guardado desde un editor con la codificación «Western (Windows 1252)»,
o un archivo sin contenido.

Correcto: el mismo archivo guardado con «UTF-8», que empieza con:

    version: 1
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA003", "codificacion-o-vacio", Severidad.ERROR, __name__)
