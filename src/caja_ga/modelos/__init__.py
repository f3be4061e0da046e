"""Modelos pydantic, uno por clase de archivo, y el mapa clase → modelo."""

from typing import Final

from caja_ga.modelos.agenda2030 import Agenda2030
from caja_ga.modelos.base import Archivo
from caja_ga.modelos.cocreacion import Cocreacion
from caja_ga.modelos.diagnostico import Diagnostico
from caja_ga.modelos.espacio import Espacio
from caja_ga.modelos.evaluacion import Evaluacion
from caja_ga.modelos.nucleo import Nucleo
from caja_ga.modelos.plan import Plan
from caja_ga.modelos.proceso import Proceso
from caja_ga.modelos.seguimiento import Seguimiento
from caja_ga.modelos.sesion import Sesion

MODELOS: Final[dict[str, type[Archivo]]] = {
    "proceso": Proceso,
    "diagnostico": Diagnostico,
    "nucleo": Nucleo,
    "espacio": Espacio,
    "sesion": Sesion,
    "plan": Plan,
    "agenda2030": Agenda2030,
    "seguimiento": Seguimiento,
    "evaluacion": Evaluacion,
    "cocreacion": Cocreacion,
}
