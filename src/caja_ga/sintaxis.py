"""Un error de sintaxis YAML, dicho en la línea que una persona corrige y con su causa probable.

libyaml se detiene donde ya no puede seguir, que a menudo es una o varias líneas después del
error real: una clave sin «:» se descubre en la línea siguiente, un corchete sin cerrar al final de
la lista, una comilla sin cerrar al final del archivo. Cada `_Diagnostico` reconoce un tropiezo
típico de quien no programa (mirando el error de libyaml y las líneas del texto) y dice dónde y
qué corregir; si ninguno lo reconoce, queda la traducción del mensaje de libyaml en su posición.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

Posicion = tuple[int, int]  # línea y columna, base 1


@dataclass(frozen=True, slots=True)
class Sintoma:
    """Lo que dijo libyaml, con las líneas del texto para mirar alrededor."""

    lineas: list[str]
    contexto: str
    problema: str
    marca_contexto: Posicion | None
    marca_problema: Posicion | None

    @classmethod
    def de(cls, texto: str, error: yaml.MarkedYAMLError) -> Sintoma:
        def posicion(marca: yaml.Mark | None) -> Posicion | None:
            return (marca.line + 1, marca.column + 1) if marca is not None else None

        return cls(
            texto.splitlines() or [""],
            error.context or "",
            error.problem or str(error),
            posicion(error.context_mark),
            posicion(error.problem_mark),
        )

    def linea(self, numero: int) -> str:
        return self.lineas[numero - 1] if 0 < numero <= len(self.lineas) else ""

    def anterior_con_texto(self, numero: int) -> int | None:
        """La línea anterior a `numero` que no está en blanco ni es solo un comentario."""
        for previa in range(numero - 1, 0, -1):
            contenido = self.linea(previa).strip()
            if contenido and not contenido.startswith("#"):
                return previa
        return None


Diagnostico = tuple[Posicion, str]
Reconocer = Callable[[Sintoma], Diagnostico | None]

_ESPACIOS_RAROS = re.compile("[\u00a0\u2007\u202f\u2002-\u200a\u3000]")
_CLAVE_PEGADA = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"][^:#]*?):([^\s/])")
_COMILLAS_TIPOGRAFICAS = "“”‘’«»"


def _sangria(linea: str) -> int:
    return len(linea) - len(linea.lstrip(" "))


def _sin_comentario(linea: str) -> str:
    return re.sub(r"\s#.*$", "", linea)


def _dos_puntos_de_clave(linea: str) -> int | None:
    """La columna (base 0) del «:» que separa clave y valor, si la línea tiene uno."""
    coincidencia = re.search(r":(?:\s|$)", _sin_comentario(linea))
    return coincidencia.start() if coincidencia else None


def _espacio_raro(s: Sintoma) -> Diagnostico | None:
    """Un espacio no separable (el que pegan Word o una página web) en la sangría o junto a «:»."""
    final = (s.marca_problema or s.marca_contexto or (len(s.lineas), 1))[0]
    for numero in range(max(1, final - 3), final + 1):
        linea = s.linea(numero)
        for hallado in _ESPACIOS_RAROS.finditer(linea):
            antes, despues = linea[: hallado.start()], linea[hallado.end() :]
            if not antes.strip() or antes.endswith((":", "-")) or despues.startswith(":"):
                return (numero, hallado.start() + 1), (
                    f"Hay un espacio especial (no separable, como los que copian Word o una "
                    f"página web) en la línea {numero}; bórralo y escribe un espacio normal."
                )
    return None


def _comilla_sin_cerrar(s: Sintoma) -> Diagnostico | None:
    if "quoted scalar" not in s.contexto or s.marca_contexto is None:
        return None
    linea, columna = s.marca_contexto
    comilla = s.linea(linea)[columna - 1 : columna] or "comilla"
    return s.marca_contexto, (
        f"¿Falta cerrar la comilla {comilla} que abre en la línea {linea}? Agrega la misma "
        "comilla al final del texto."
    )


def _comilla_cerrada_lejos(s: Sintoma) -> Diagnostico | None:
    """Una comilla sin cerrar que se «cierra» con otra comilla líneas abajo (en un comentario o
    en otro valor): libyaml se queja donde termina ese texto, no donde empezó."""
    if s.marca_problema is None:
        return None
    numero, columna = s.marca_problema
    cierre = s.linea(numero)[: columna - 1]
    for previa in range(numero - 1, 0, -1):
        linea = _sin_comentario(s.linea(previa))
        valor = re.search(r"(?::|^\s*-)\s+([\"'])", linea)
        if valor is None:
            continue
        comilla = valor.group(1)
        if linea.count(comilla) % 2 == 1 and comilla in cierre:
            return (previa, valor.start(1) + 1), (
                f"¿Falta cerrar la comilla {comilla} que abre en la línea {previa}? YAML tomó "
                f"como texto todo hasta la comilla de la línea {numero}; agrega la comilla de "
                "cierre al final del valor."
            )
        return None
    return None


def _corchete_sin_cerrar(s: Sintoma) -> Diagnostico | None:
    if "flow" not in s.contexto or "did not find expected ','" not in s.problema:
        return None
    if s.marca_contexto is None or s.marca_problema is None:
        return None
    signo, cierre = ("[", "]") if "sequence" in s.contexto else ("{", "}")
    linea, columna = s.marca_contexto
    if s.marca_problema[0] == linea:  # en la misma línea: falta una coma entre elementos
        return s.marca_problema, (
            f"Entre los elementos de «{signo} … {cierre}» falta una coma, o sobra algo después "
            "de un elemento entre comillas."
        )
    return s.marca_contexto, (
        f"¿Falta cerrar el «{signo}» que abre en la línea {linea}, columna {columna}? Agrega "
        f"«{cierre}» al final de esa lista, en la misma línea."
    )


def _sin_espacio(s: Sintoma, numero: int) -> Diagnostico | None:
    """«clave:valor» sin espacio: YAML lo lee como un solo texto, sin clave."""
    pegada = _CLAVE_PEGADA.match(s.linea(numero))
    if pegada is None:
        return None
    clave = pegada.group(1).strip()
    return (numero, pegada.end(1) + 1), (
        f"Falta un espacio después de «{clave}:»; escribe «{clave}: …» con un espacio entre "
        "los dos puntos y el valor."
    )


def _clave_sin_dos_puntos(s: Sintoma) -> Diagnostico | None:
    """libyaml lo descubre en la línea siguiente; la clave que escribió la persona está antes."""
    if "could not find expected ':'" not in s.problema or s.marca_contexto is None:
        return None
    numero, columna = s.marca_contexto
    if pegada := _sin_espacio(s, numero):
        return pegada
    previa = s.anterior_con_texto(numero)
    if previa is not None and _dos_puntos_de_clave(s.linea(previa)) is not None:
        return (numero, columna), (
            f"La línea {numero} no tiene «:». Si sigue el texto de la línea {previa}, escribe "
            "ese texto completo en una sola línea o entre comillas; si es un campo nuevo, "
            "escríbelo como «clave: valor»."
        )
    return (numero, columna), (
        f"A la línea {numero} le falta «:» entre la clave y el valor (por ejemplo «titulo: "
        "Obra pública»)."
    )


def _dos_puntos_inesperados(s: Sintoma) -> Diagnostico | None:
    if "mapping values are not allowed" not in s.problema or s.marca_problema is None:
        return None
    numero, columna = s.marca_problema
    linea = s.linea(numero)
    primera = _dos_puntos_de_clave(linea)
    if primera is not None and primera < columna - 1:  # un segundo «: » en la misma línea
        valor = linea[primera + 1 :].strip()
        if valor[:1] in _COMILLAS_TIPOGRAFICAS:
            return (numero, primera + 3), (
                f"Las comillas tipográficas «{valor[0]}» (las que pone Word) no cuentan como "
                'comillas en YAML; escribe el texto entre comillas rectas: "…".'
            )
        return (numero, columna), (
            "El texto de este valor lleva «: »; escríbelo completo entre comillas, por ejemplo "
            f'"{valor}".'
        )
    previa = s.anterior_con_texto(numero)
    if previa is None:
        return None
    linea_previa = s.linea(previa)
    if _dos_puntos_de_clave(linea_previa) is None:
        if pegada := _sin_espacio(s, previa):
            return pegada
        return (previa, _sangria(linea_previa) + 1), (
            f"A la línea {previa} le falta «:» después de la clave (por ejemplo «- id: c1-a2»); "
            f"por eso la línea {numero} no se entiende."
        )
    clave_previa = len(linea_previa) - len(linea_previa.lstrip(" -"))
    if _sangria(linea) > clave_previa:
        return (numero, _sangria(linea) + 1), (
            f"Esta línea tiene más sangría que la clave de la línea {previa}, y YAML la lee como "
            "continuación de su valor; alinéala con esa clave (mismo número de espacios)."
        )
    return None


def _texto_tras_comillas(s: Sintoma) -> Diagnostico | None:
    if "did not find expected key" not in s.problema or s.marca_problema is None:
        return None
    numero, columna = s.marca_problema
    linea = s.linea(numero)
    caracter = linea[columna - 1 : columna]
    if caracter in ("]", "}"):
        return s.marca_problema, f"Sobra «{caracter}»: no hay nada abierto que cerrar."
    antes = linea[: columna - 1].rstrip()
    if antes.endswith(('"', "'")) and antes.count(antes[-1]) >= 2:
        return s.marca_problema, (
            "Después de cerrar las comillas sigue más texto. Si el texto lleva comillas dentro, "
            "enciérralo en comillas del otro tipo (por ejemplo 'dijo \"sí\"') o, entre comillas "
            "simples, escribe la comilla simple dos veces ('')."
        )
    return None


def _fuera_de_la_lista(s: Sintoma) -> Diagnostico | None:
    """Una línea a la altura de los guiones de una lista que no empieza con «- »."""
    if "expected '-' indicator" not in s.problema or s.marca_contexto is None:
        return None
    inicio, columna = s.marca_contexto
    for numero in range(inicio + 1, len(s.lineas) + 1):
        linea = s.linea(numero)
        if not linea.strip() or linea.lstrip().startswith("#"):
            continue
        if _sangria(linea) == columna - 1 and not linea.lstrip().startswith("-"):
            return (numero, columna), (
                "Esta línea está a la altura de los elementos de la lista pero no empieza con "
                "«- »: si es otro elemento, agrégale «- »; si es parte del elemento de arriba, "
                "dale la misma sangría que sus demás campos."
            )
        if _sangria(linea) < columna - 1:
            break
    return None


def _inicio_reservado(s: Sintoma) -> Diagnostico | None:
    """Un valor que empieza con un carácter que YAML reserva (* | > @ ` %)."""
    if s.marca_contexto is None:
        return None
    numero, columna = s.marca_contexto
    caracter = s.linea(numero)[columna - 1 : columna]
    if "alias" in s.contexto:
        que = "«*» al inicio de un valor anuncia un alias de YAML"
    elif "block scalar" in s.contexto:
        que = f"«{caracter}» al inicio de un valor anuncia un texto de varias líneas"
    elif "cannot start any token" in s.problema and caracter != "\t":
        que = f"El carácter «{caracter}» no puede iniciar un valor en YAML"
    else:
        return None
    return s.marca_contexto, (
        f"{que[0].upper()}{que[1:]}; si es parte del texto, escribe el valor entre comillas."
    )


DIAGNOSTICOS: tuple[Reconocer, ...] = (
    _espacio_raro,
    _comilla_sin_cerrar,
    _comilla_cerrada_lejos,
    _corchete_sin_cerrar,
    _clave_sin_dos_puntos,
    _dos_puntos_inesperados,
    _texto_tras_comillas,
    _fuera_de_la_lista,
    _inicio_reservado,
)

# Lo que libyaml dice en inglés, en palabras de quien edita el archivo (cuando ningún diagnóstico
# reconoció el tropiezo).
_TRADUCCIONES = {
    "mapping values are not allowed": "Hay un «:» donde no se esperaba; si el texto lleva «: », "
    "escríbelo entre comillas.",
    "could not find expected ':'": "Falta «:» después de una clave, o un texto quedó partido en "
    "varias líneas; revisa la sangría o pon el texto entre comillas.",
    "did not find expected key": "La sangría no cuadra: esta línea no se alinea con las claves "
    "de arriba; usa el mismo número de espacios que sus hermanas.",
    "did not find expected '-' indicator": "La sangría no cuadra dentro de una lista: cada "
    "elemento empieza con «- » en la misma columna.",
    "found unexpected end of stream": "El archivo termina antes de cerrar unas comillas o "
    'corchetes; revisa que cada «"», «[» y «{» tenga su cierre.',
    "did not find expected ',' or ']'": "Una lista entre corchetes no se cerró: falta «]» o una "
    "coma entre elementos.",
    "did not find expected ',' or '}'": "Un mapeo entre llaves no se cerró: falta «}» o una "
    "coma entre elementos.",
    "found undefined alias": "Se usa un alias «*» que no fue definido antes con «&»; si es "
    "texto, escríbelo entre comillas.",
    "exceeded maximum nesting depth": "El documento anida demasiados niveles; no es un archivo "
    "del proceso válido.",
    "but found another document": "El archivo contiene más de un documento YAML (separados por "
    "«---»); deja uno solo por archivo.",
    "found a tab character": "Hay un tabulador en la sangría; YAML solo admite espacios: "
    "reemplaza el tabulador por espacios.",
    "cannot start any token": "Hay un tabulador; YAML solo admite espacios: reemplázalo por "
    "espacios.",
}


def diagnosticar(texto: str, error: yaml.MarkedYAMLError) -> tuple[Posicion | None, str]:
    """Dónde corregir y qué, para un error de sintaxis de libyaml sobre `texto`."""
    sintoma = Sintoma.de(texto, error)
    for reconocer in DIAGNOSTICOS:
        if (diagnostico := reconocer(sintoma)) is not None:
            return diagnostico
    dicho = f"{sintoma.contexto} {sintoma.problema}"
    mensaje = next((es for en, es in _TRADUCCIONES.items() if en in dicho), None)
    return (
        sintoma.marca_problema or sintoma.marca_contexto,
        # El texto de libyaml está en inglés: no se muestra; se dice qué revisar en esa línea.
        mensaje
        or "Esta línea no se puede leer como YAML; revisa que cada campo sea «clave: valor» con "
        "un espacio después de «:», que la sangría use espacios y que comillas y corchetes "
        "estén cerrados.",
    )
