"""El único censor de datos personales: todo lo que publica `caja-ga reporte` pasa por aquí.

Los correos y teléfonos de las personas sin `contacto_publico: sí` (el enlace, los integrantes
del Espacio y sus suplentes, el núcleo) nunca se publican: ni en sus campos ni en un texto libre
que los repita (un acuerdo, la descripción de una actividad, un mensaje de validación). El censor
conoce esos valores y los reemplaza donde aparezcan en la página HTML, el documento Markdown, los
CSV y los JSON de un proceso.

Los datos sensibles de un particular del Núcleo (`tipo: persona`) — los grupos en situación de
vulnerabilidad a los que pertenece y el territorio (colonia) donde vive — no se publican sin su
consentimiento (`consentimiento_datos_sensibles: true`): `datos_sensibles_publicables` lo decide
para cada sección que muestra integrantes. Las cifras agregadas por grupo sí se publican.

Un correo se busca tal cual, sin importar mayúsculas y aunque el Markdown le haya puesto una
diagonal antes de un «_» o un «.»; lo que lo rodee (una letra, un «_») no lo esconde. Un teléfono
se compara por sus dígitos: cada tramo de dígitos con espacios, guiones, puntos o paréntesis se
reduce a dígitos y se busca en él el número completo, el nacional (10 dígitos, sin la lada del
país) y la forma local (los últimos 8 o 7). Las expresiones no retroceden más que el largo de un
valor conocido, así que el tiempo crece en línea recta con el texto. El texto censurado es además
UTF-8 válido: lo que venga de un nombre de archivo que no lo es se publica como «\ufffd».
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final, get_args

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from caja_ga.modelos.formas import leer_si_no
from caja_ga.modelos.nucleo import TipoIntegrante
from caja_ga.opciones import clave_de_opcion
from caja_ga.posiciones import nodo_en
from caja_ga.problemas import Problema
from caja_ga.reporte.personas import contacto_publicable

if TYPE_CHECKING:
    from yaml.nodes import Node

    from caja_ga.modelos.base import Persona
    from caja_ga.modelos.nucleo import IntegranteNucleo
    from caja_ga.modelos.proceso import Enlace
    from caja_ga.proceso import CarpetaProceso

OMITIDO: Final = "[dato personal omitido]"
MINIMO_DIGITOS_TELEFONO: Final = 7  # uno más corto reemplazaría años, folios o cantidades
_LARGOS_TELEFONO: Final = (10, 8, MINIMO_DIGITOS_TELEFONO)  # nacional y locales
# Un tramo que puede ser un teléfono: dígitos y sus separadores habituales (y la diagonal con que
# el Markdown escapa algunos). Sin nada después del asterisco, no hay retroceso.
_TRAMO: Final = re.compile(r"[0-9][0-9 ().\-/\\\u00a0]*")
_SUSTITUTO: Final = re.compile("[\ud800-\udfff]")
_NO_DIGITO: Final = re.compile(r"[^0-9]")


@dataclass(frozen=True, slots=True)
class Censor:
    """Los valores privados de un proceso, listos para buscarse en cualquier texto."""

    correos: re.Pattern[str] | None
    telefonos: re.Pattern[str] | None  # sobre los dígitos de un tramo

    def censurar(self, texto: str) -> str:
        if self.correos is not None and "@" in texto:
            texto = self.correos.sub(OMITIDO, texto)
        if self.telefonos is not None:
            texto = _TRAMO.sub(self._tramo, texto)
        # Un nombre de archivo que no es UTF-8 válido no se puede publicar tal cual.
        return _SUSTITUTO.sub("\ufffd", texto)

    def _tramo(self, tramo: re.Match[str]) -> str:
        assert self.telefonos is not None
        texto = tramo.group()
        posiciones = [i for i, caracter in enumerate(texto) if "0" <= caracter <= "9"]
        if len(posiciones) < MINIMO_DIGITOS_TELEFONO:
            return texto
        digitos = "".join(texto[i] for i in posiciones)
        partes: list[str] = []
        desde = 0
        for hallado in self.telefonos.finditer(digitos):
            partes += [texto[desde : posiciones[hallado.start()]], OMITIDO]
            desde = posiciones[hallado.end() - 1] + 1
        return "".join(partes) + texto[desde:] if partes else texto


SIN_PRIVADOS: Final = Censor(None, None)


def censor(correos: Iterable[str], telefonos: Iterable[str]) -> Censor:
    """El censor de estos correos y teléfonos privados (los vacíos o muy cortos no cuentan)."""
    conocidos = sorted({c.strip() for c in correos if "@" in c}, key=len, reverse=True)
    formas = sorted(
        {forma for telefono in telefonos for forma in _formas(_NO_DIGITO.sub("", telefono))},
        key=len,
        reverse=True,
    )
    return Censor(
        re.compile("|".join(map(_patron_correo, conocidos)), re.IGNORECASE) if conocidos else None,
        re.compile("|".join(formas)) if formas else None,
    )


def _patron_correo(correo: str) -> str:
    # El Markdown puede escapar «_», «.», «+» o «-» con una diagonal.
    return r"\\?".join(re.escape(caracter) for caracter in correo)


def _formas(digitos: str) -> set[str]:
    if len(digitos) < MINIMO_DIGITOS_TELEFONO:
        return set()
    return {digitos} | {digitos[-largo:] for largo in _LARGOS_TELEFONO if len(digitos) >= largo}


def datos_sensibles_publicables(integrante: IntegranteNucleo) -> bool:
    """Si los grupos y el territorio de un integrante del Núcleo pueden publicarse: los de una
    organización, sí; los de un particular (o de quien no dice qué tipo es), solo con su
    consentimiento."""
    organizacion = integrante.tipo is not None and integrante.tipo != "persona"
    return organizacion or integrante.consentimiento_datos_sensibles is True


# Lo que se publica en lugar de un aviso de validación que citaría un dato sensible.
SENSIBLE_OMITIDO: Final = (
    "Hay un problema en los «grupos» o el «territorio» de un integrante particular del Núcleo; "
    "no se muestra aquí porque son datos personales sensibles: revísalo en nucleo.yaml con "
    "caja-ga validar."
)
_ORGANIZACIONES: Final = frozenset(get_args(TipoIntegrante)) - {"persona"}
_SENSIBLES: Final = ("grupos", "territorio")


def sin_datos_sensibles(problemas: list[Problema], carpeta: CarpetaProceso) -> list[Problema]:
    """Los problemas para publicar: el de una línea con los grupos o el territorio de un
    particular sin consentimiento lleva `SENSIBLE_OMITIDO`, porque su mensaje puede citar el
    valor escrito (uno ilegible no llega al modelo: se juzga por lo escrito en el archivo)."""
    doc = carpeta.documentos.get("nucleo")
    lineas = _lineas_sensibles(doc.nodo) if doc is not None and doc.nodo is not None else set()
    if not lineas:
        return problemas
    assert doc is not None
    return [
        replace(p, mensaje=SENSIBLE_OMITIDO, nota=None)
        if p.archivo == doc.archivo and p.linea in lineas
        else p
        for p in problemas
    ]


def _lineas_sensibles(raiz: Node) -> set[int]:
    """Las líneas (desde 1) de los grupos y el territorio de cada integrante que no es, escrito
    tal cual, una organización ni dice que consintió publicarlos."""
    integrantes = nodo_en(raiz, ("integrantes",))
    if not isinstance(integrantes, SequenceNode):
        return set()
    lineas: set[int] = set()
    for integrante in integrantes.value:
        if not isinstance(integrante, MappingNode):
            continue
        campos = {c.value: (c, v) for c, v in integrante.value if isinstance(c, ScalarNode)}
        tipo = campos.get("tipo", (None, None))[1]
        consentimiento = campos.get("consentimiento_datos_sensibles", (None, None))[1]
        if isinstance(tipo, ScalarNode) and clave_de_opcion(tipo.value) in _ORGANIZACIONES:
            continue
        if isinstance(consentimiento, ScalarNode) and leer_si_no(consentimiento.value) is True:
            continue
        for clave, valor in (campos[c] for c in _SENSIBLES if c in campos):
            fin = valor.end_mark
            # Una lista en bloque termina al inicio de la línea que la sigue, que ya no es suya.
            ultima = (
                fin.line if fin.column == 0 and fin.line > clave.start_mark.line else fin.line + 1
            )
            lineas.update(range(clave.start_mark.line + 1, ultima + 1))
    return lineas


def censor_del_proceso(carpeta: CarpetaProceso) -> Censor:
    """El censor de un proceso: los contactos que sus personas no hicieron públicos."""
    personas: list[Enlace | Persona | IntegranteNucleo] = []
    if carpeta.proceso and carpeta.proceso.enlace:
        personas.append(carpeta.proceso.enlace)
    if carpeta.espacio:
        for integrante in carpeta.espacio.integrantes:
            personas.append(integrante)
            if integrante.suplente:
                personas.append(integrante.suplente)
    if carpeta.nucleo:
        personas.extend(carpeta.nucleo.integrantes)
    ocultos = [_oculto(persona) for persona in personas]
    return censor(
        (correo for correo, _ in ocultos if correo),
        (telefono for _, telefono in ocultos if telefono),
    )


def _oculto(persona: Enlace | Persona | IntegranteNucleo) -> tuple[str | None, str | None]:
    """(correo, teléfono) que el reporte no publica: los que la persona no hizo públicos."""
    correo, telefono = contacto_publicable(persona)
    return (None if correo else persona.correo, None if telefono else persona.telefono)
