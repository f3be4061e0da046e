"""Documento demasiado grande, demasiado profundo o con demasiados alias («bomba YAML»).

Un archivo de más de 5 MB, con más de 64 niveles de anidación, con más de 1000 usos de alias
`*`, con más de 200,000 valores una vez expandidos los alias, o con una lista o sección de más de
10,000 elementos se rechaza sin procesarlo, para no agotar el tiempo ni la memoria del equipo ni
de la integración continua. Ningún archivo real de un proceso se acerca a esos límites.

Incorrecto:

    a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]

Correcto: escribir cada valor una vez, sin alias anidados.

    responsables: [Dirección de Obras Públicas]
"""

from caja_ga.problemas import Severidad
from caja_ga.reglas import registrar

registrar("GA008", "documento-excesivo", Severidad.ERROR, __name__)
