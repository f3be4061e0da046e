"""Documento demasiado grande, demasiado profundo o con demasiados alias («bomba YAML»).

Un archivo de más de 5 MB, con más de 64 niveles de anidación o con más de 1000 usos de alias
`*` se rechaza sin leerlo entero, para no agotar la memoria del equipo ni de la integración
continua. Ningún archivo real de un proceso se acerca a esos límites.

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
