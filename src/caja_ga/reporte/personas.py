"""El único lugar que decide qué contacto de una persona se publica.

El correo y el teléfono de una persona salen únicamente si ella tiene `contacto_publico: sí`
(formato §2), en la página del proceso y en los datos abiertos.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from caja_ga.modelos.base import Persona
from caja_ga.modelos.proceso import Enlace


class _ConContacto(Protocol):
    @property
    def correo(self) -> str | None: ...
    @property
    def telefono(self) -> str | None: ...
    @property
    def contacto_publico(self) -> bool: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Contacto:
    nombre: str | None
    cargo: str | None = None
    institucion: str | None = None
    correo: str | None = None  # solo si la persona lo hizo público
    telefono: str | None = None  # ídem


def contacto_publicable(persona: _ConContacto) -> tuple[str | None, str | None]:
    """(correo, teléfono) de quien tiene `contacto_publico: sí`; de cualquier otra, nada."""
    if persona.contacto_publico is not True:
        return None, None
    return persona.correo, persona.telefono


def contacto(persona: Persona | Enlace) -> Contacto:
    """Lo publicable de una persona; del enlace de gobierno abierto, su área como institución."""
    correo, telefono = contacto_publicable(persona)
    return Contacto(
        nombre=persona.nombre,
        cargo=persona.cargo,
        institucion=persona.area if isinstance(persona, Enlace) else persona.institucion,
        correo=correo,
        telefono=telefono,
    )
