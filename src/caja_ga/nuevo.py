"""`caja-ga nuevo`: agregar una sesión, un reporte de avance o un compromiso a un proceso.

Funciones puras respecto de la pantalla: escriben el archivo y devuelven qué escribieron; la línea
de comandos (cli_nuevo.py) decide qué mostrar. Los textos salen de las plantillas de
`plantillas/nuevo/` y se escriben con la política de `andamio`: cada YAML se vuelve a leer antes
de escribirse y ninguno se sobrescribe. Las sesiones toman un nombre libre, los reportes se niegan
si su fecha ya existe y el compromiso se agrega a plan.yaml con ruamel.yaml en modo de ida y
vuelta, conservando comentarios y formato, y solo si todo lo que ya estaba escrito queda idéntico.
Lo que se deriva del proceso (integrantes vigentes, reportes en orden, último avance) sale de la
Vista.
"""

from __future__ import annotations

import difflib
import io
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Final

from caja_ga.andamio import (
    comprobar,
    escribir,
    guardar,
    renderizar_archivo,
    texto_yaml,
    una_linea,
)
from caja_ga.archivos import ruta_visible
from caja_ga.avance import AvanceConocido
from caja_ga.errores import ErrorDeUso
from caja_ga.esquemas_json import con_linea_de_esquema
from caja_ga.modelos.plan import Actividad, Compromiso
from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.modelos.sesion import Sesion
from caja_ga.proceso import (
    ARCHIVO_PROCESO,
    CarpetaProceso,
    cargar_proceso,
    proceso_que_contiene,
)
from caja_ga.vista import Vista

_COMPROMISO: Final = re.compile(r"^c(\d+)$")
ANCHO_SIN_LIMITE: Final = 1 << 16  # ruamel no parte las líneas largas que escribió el usuario


class ErrorDeNuevo(ErrorDeUso):
    """No se puede generar la pieza pedida; el mensaje dice por qué y cómo seguir."""


@dataclass(frozen=True)
class Agregado:
    """Un elemento agregado a una lista de plan.yaml (un compromiso, una modificación)."""

    ruta: Path
    id: str
    linea: int  # 1-based: la línea donde empieza el elemento nuevo


@dataclass(frozen=True)
class _Lista:
    """A qué lista de plan.yaml se agrega y cómo se nombra lo que se agrega en los mensajes."""

    clave: str  # «compromisos», «modificaciones»
    que: str  # «el compromiso», «la modificación»
    plural: str  # «compromisos», «modificaciones»


def leer_fecha(texto: str, opcion: str) -> date:
    try:
        return date.fromisoformat(texto)
    except ValueError:
        raise ErrorDeNuevo(
            f"«{texto}» no es una fecha válida para {opcion}: usa AAAA-MM-DD, por "
            "ejemplo 2026-06-30."
        ) from None


def carpeta_de_proceso(carpeta: Path) -> Path:
    """La carpeta del proceso que es `carpeta` o la contiene: dentro de `mi-proceso/sesiones/`,
    `caja-ga nuevo sesion` trabaja sobre `mi-proceso`."""
    encontrada = proceso_que_contiene(carpeta)
    if encontrada is None:
        raise ErrorDeNuevo(
            f"«{ruta_visible(carpeta)}» no es una carpeta de proceso ni está dentro de una: no "
            f"tiene {ARCHIVO_PROCESO}. Crea una con «caja-ga init» o indica la carpeta "
            "correcta."
        )
    return encontrada


# --- sesiones -------------------------------------------------------------------------------


def nueva_sesion(carpeta: Path, fecha: date, organo: str = "edt", tipo: str = "ordinaria") -> Path:
    """Escribe `sesiones/<fecha>-<tipo>.yaml` (o -2, -3, …) con los integrantes del órgano."""
    carpeta = carpeta_de_proceso(carpeta)
    proceso = cargar_proceso(carpeta)
    nombre_organo, archivo_organo = _ORGANOS[organo]
    contexto = {
        "fecha": fecha,
        "organo": organo,
        "tipo": tipo,
        "nombre_organo": nombre_organo,
        "archivo_organo": archivo_organo,
        "asistentes": _integrantes(proceso, organo, fecha),
    }
    base = f"{fecha.isoformat()}-{tipo}"
    numero = 1
    while True:
        id_sesion = base if numero == 1 else f"{base}-{numero}"
        ruta = carpeta / "sesiones" / f"{id_sesion}.yaml"
        texto = renderizar_archivo("nuevo/sesion.yaml.jinja", contexto | {"id_sesion": id_sesion})
        if _crear(ruta, texto):
            return ruta
        numero += 1


def _integrantes(proceso: CarpetaProceso, organo: str, fecha: date) -> list[tuple[str, str]]:
    """(id, nombre) de quienes integran el órgano en la fecha de la sesión."""
    if organo == "nucleo":
        integrantes = proceso.nucleo.integrantes if proceso.nucleo is not None else []
        return [(i.id, i.nombre or "") for i in integrantes]
    return [(i.id, i.nombre or "") for i in Vista(proceso, fecha).integrantes_espacio(fecha)]


_ORGANOS: Final = {
    "edt": ("del Espacio de Diálogo Tripartita (EDT)", "espacio.yaml"),
    "nucleo": ("del Núcleo de Sociedad Civil", "nucleo.yaml"),
}


# --- seguimiento ----------------------------------------------------------------------------


def nuevo_seguimiento(carpeta: Path, fecha_corte: date) -> Path:
    """Escribe `seguimiento/<fecha>.yaml` con cada actividad del plan y su último avance."""
    carpeta = carpeta_de_proceso(carpeta)
    proceso = cargar_proceso(carpeta)
    plan = proceso.plan
    if plan is None:
        detalle = (
            "tiene errores de estructura; «caja-ga validar» dice cuáles"
            if "plan" in proceso.documentos
            else "no existe"
        )
        raise ErrorDeNuevo(
            f"No se puede preparar el reporte de avance: "
            f"{ruta_visible(carpeta / 'plan.yaml')} {detalle}."
        )
    actividades = [(c, a) for c in plan.compromisos for a in c.actividades]
    if not actividades:
        raise ErrorDeNuevo(
            "plan.yaml no tiene actividades todavía: agrega compromisos con sus "
            "actividades antes de reportar su avance."
        )
    vista = Vista(proceso, fecha_corte)
    for leido in vista.seguimientos:
        if leido.seguimiento.fecha_corte == fecha_corte:
            raise ErrorDeNuevo(
                f"Ya hay un reporte con fecha de corte {fecha_corte.isoformat()}: "
                f"{leido.documento.archivo}; edítalo en lugar de crear otro."
            )
    # Un reporte atrasado se llena con lo que se sabía antes de su fecha, no con lo posterior.
    anterior = vista.antes_del_reporte()
    previos = anterior.seguimientos
    ultimos = anterior.ultimos_avances
    filas = [
        _fila(compromiso, actividad, ultimos.get(actividad.id), anterior.avances.get(actividad.id))
        for compromiso, actividad in actividades
        if not (actividad.id in ultimos and ultimos[actividad.id].estado == "cancelada")
    ]
    texto = renderizar_archivo(
        "nuevo/seguimiento.yaml.jinja",
        {
            "fecha_corte": fecha_corte,
            "reporte_anterior": previos[-1].seguimiento.fecha_corte if previos else None,
            "filas": filas,
        },
    )
    ruta = carpeta / "seguimiento" / f"{fecha_corte.isoformat()}.yaml"
    if not _crear(ruta, texto):
        raise ErrorDeNuevo(f"{ruta_visible(ruta)} ya existe: edítalo o elige otra --fecha-corte.")
    return ruta


@dataclass(frozen=True)
class _Fila:
    """Una actividad en el reporte nuevo, con lo último que se reportó de ella."""

    compromiso: Compromiso
    actividad: Actividad
    estado: str
    avance: str
    evidencias: list[list[tuple[str, str]]]  # por evidencia, sus campos (clave, valor)


def _fila(
    compromiso: Compromiso,
    actividad: Actividad,
    previo: AvanceActividad | None,
    conocido: AvanceConocido | None,
) -> _Fila:
    estado = previo.estado if previo is not None and previo.estado else "no_iniciada"
    # El avance que contaba (avance.py), también si el último reporte no lo escribió.
    avance = conocido.valor if conocido is not None else 0
    evidencias = [
        [
            (clave, valor)
            for clave, valor in (("descripcion", evidencia.descripcion), ("url", evidencia.url))
            if valor is not None
        ]
        or [("descripcion", "")]
        for evidencia in (previo.evidencias if previo is not None else [])
    ]
    return _Fila(compromiso, actividad, estado, _numero(avance), evidencias)


def _numero(valor: float) -> str:
    return str(int(valor)) if float(valor).is_integer() else str(valor)


# --- compromisos ----------------------------------------------------------------------------


_COMPROMISOS: Final = _Lista("compromisos", "el compromiso", "compromisos")
_MODIFICACIONES: Final = _Lista("modificaciones", "la modificación", "modificaciones")
Esqueleto = Callable[[str, int, tuple[int, int, int]], Any]


def nuevo_compromiso(carpeta: Path, titulo: str | None = None) -> Agregado:
    """Agrega un compromiso vacío al final de `compromisos` en plan.yaml, sin tocar lo demás."""
    return _agregar_al_plan(
        carpeta,
        _COMPROMISOS,
        _id_libre,
        lambda id_compromiso, columna, sangrias: _esqueleto(
            id_compromiso, titulo, columna, sangrias
        ),
    )


def _agregar_al_plan(
    carpeta: Path, lista: _Lista, id_libre: Callable[[set[str]], str], esqueleto: Esqueleto
) -> Agregado:
    """Agrega al final de una lista de plan.yaml el elemento que arma `esqueleto` (con el id
    libre, la columna de sus claves y las sangrías del archivo), sin tocar lo demás: se relee el
    texto resultante antes de escribirlo y se escribe de forma atómica."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    ruta = carpeta_de_proceso(carpeta) / "plan.yaml"
    if not ruta.is_file():
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} no existe; créalo (por ejemplo con «caja-ga "
            f"init») antes de agregar {lista.plural}."
        )
    try:
        original = ruta.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} no es texto UTF-8; guárdalo como UTF-8 y vuelve a intentarlo."
        ) from None
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = ANCHO_SIN_LIMITE
    try:
        datos = yaml.load(original)
    except YAMLError as error:
        raise _yaml_roto(ruta, original, error) from None
    if not isinstance(datos, CommentedMap):
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} debe tener campos «clave: valor» en el primer "
            f"nivel para poder agregarle {lista.que}."
        )
    elementos = datos.get(lista.clave)
    if elementos is not None and not isinstance(elementos, CommentedSeq):
        raise ErrorDeNuevo(f"En {ruta_visible(ruta)}, «{lista.clave}» debe ser una lista.")
    if elementos and elementos.fa.flow_style():
        raise ErrorDeNuevo(
            f"En {ruta_visible(ruta)}, «{lista.clave}» está escrita entre corchetes; "
            "escríbela como lista con guiones («- id: …») para agregarle otro elemento."
        )
    existia = lista.clave in datos
    if not elementos:
        # `clave: []` o vacía: se vuelve una lista en bloque en la misma línea de la clave.
        elementos = CommentedSeq()
        if existia:
            datos[lista.clave] = elementos
    mapeo, secuencia, desplazamiento = sangrias(datos)
    yaml.indent(mapping=mapeo, sequence=secuencia, offset=desplazamiento)
    yaml.explicit_start = original.lstrip().startswith("---")
    antes = volcar(yaml, datos)
    id_nuevo = id_libre(set(_ids(datos)))
    columna = (datos.lc.key(lista.clave)[1] if existia else 0) + secuencia
    if not existia:
        datos[lista.clave] = elementos
    elementos.append(esqueleto(id_nuevo, columna, (mapeo, secuencia, desplazamiento)))
    texto, linea = _empalmar(original, antes, volcar(yaml, datos), id_nuevo, ruta, lista)
    try:
        igual = yaml.load(texto) == datos
    except YAMLError:
        igual = False
    if not igual:
        raise _sin_tocar(ruta, lista)
    _verificar_plan(texto, id_nuevo, ruta, lista)
    guardar(ruta, texto)
    return Agregado(ruta, id_nuevo, linea)


def _yaml_roto(ruta: Path, texto: str, error: Exception) -> ErrorDeNuevo:
    """El mismo diagnóstico, con línea y columna, que da «caja-ga validar» (GA001)."""
    import yaml as pyyaml

    from caja_ga.sintaxis import diagnosticar

    try:
        pyyaml.compose(texto, Loader=getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader))
    except pyyaml.MarkedYAMLError as marcado:
        posicion, mensaje = diagnosticar(texto, marcado)
        lugar = (
            f"{ruta_visible(ruta)}:{posicion[0]}:{posicion[1]}" if posicion else ruta_visible(ruta)
        )
        return ErrorDeNuevo(f"{lugar}: {mensaje} Corrígelo y vuelve a intentarlo.")
    return ErrorDeNuevo(
        f"{ruta_visible(ruta)} no se puede leer como YAML; corrígelo primero "
        f"(«caja-ga validar» dice dónde): {una_linea(str(error))}"
    )


def volcar(yaml: Any, datos: Any) -> str:
    salida = io.StringIO()
    yaml.dump(datos, salida)
    return salida.getvalue()


def _empalmar(
    original: str, antes: str, despues: str, id_nuevo: str, ruta: Path, lista: _Lista
) -> tuple[str, int]:
    """El archivo original con solo las líneas que ruamel agregó: el resto queda idéntico.

    ruamel.yaml reescribe algunas formas (por ejemplo `null` explícito) al volcar; por eso se toma
    de su salida únicamente lo nuevo (`despues` contra `antes`, el volcado sin el elemento) y se
    inserta en el texto original, línea por línea.
    """
    salto = "\r\n" if "\r\n" in original else "\n"
    lineas = original.splitlines(keepends=True)
    if lineas and not lineas[-1].endswith("\n"):
        lineas[-1] += salto
    viejas, nuevas = antes.splitlines(keepends=True), despues.splitlines(keepends=True)
    if len(viejas) != len(lineas):
        raise _sin_tocar(ruta, lista)
    comun = 0
    while comun < len(viejas) and viejas[comun] == nuevas[comun]:
        comun += 1
    final = 0
    while final < len(viejas) - comun and viejas[-1 - final] == nuevas[-1 - final]:
        final += 1
    if len(viejas) - comun - final > 1:  # a lo más, la línea `compromisos: []`
        raise _sin_tocar(ruta, lista)
    agregadas = [linea.replace("\n", salto) for linea in nuevas[comun : len(nuevas) - final]]
    inicio = next(
        (i for i, linea in enumerate(agregadas) if linea.lstrip().startswith(f"- id: {id_nuevo}")),
        0,
    )
    texto = "".join(lineas[:comun] + agregadas + lineas[len(lineas) - final :])
    return texto, comun + inicio + 1


def _sin_tocar(ruta: Path, lista: _Lista) -> ErrorDeNuevo:
    return ErrorDeNuevo(
        f"No se pudo agregar {lista.que} a {ruta_visible(ruta)} sin cambiar el "
        "resto del archivo, así que no se tocó; agrégalo a mano, copiando el ejemplo "
        "del README."
    )


def sangrias(datos: Any) -> tuple[int, int, int]:
    """(mapeo, secuencia, desplazamiento) como los escribe el archivo; 2, 4, 2 si no hay pistas."""
    mapeo = secuencia = desplazamiento = None
    for padre, clave, valor in _bloques(datos):
        columna_clave = padre.lc.key(clave)[1]
        if mapeo is None and hasattr(valor, "keys"):
            mapeo = valor.lc.col - columna_clave
        elif secuencia is None and not hasattr(valor, "keys"):
            desplazamiento = valor.lc.col - columna_clave
            secuencia = valor.lc.item(0)[1] - columna_clave
        if mapeo is not None and secuencia is not None:
            break
    return mapeo or 2, secuencia or 4, desplazamiento if desplazamiento is not None else 2


def _bloques(nodo: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(mapeo, clave, valor) de cada valor escrito en bloque, en orden del archivo."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    hijos: Iterable[tuple[Any, Any]] = ()
    if isinstance(nodo, CommentedMap):
        for clave, valor in nodo.items():
            if (
                isinstance(valor, CommentedMap | CommentedSeq)
                and valor
                and not valor.fa.flow_style()
                and valor.lc.line is not None
            ):
                yield nodo, clave, valor
        hijos = nodo.items()
    elif isinstance(nodo, CommentedSeq):
        hijos = enumerate(nodo)
    for _, valor in hijos:
        yield from _bloques(valor)


def _ids(nodo: Any) -> Iterator[str]:
    if isinstance(nodo, dict):
        if "id" in nodo:
            yield str(nodo["id"])
        for valor in nodo.values():
            yield from _ids(valor)
    elif isinstance(nodo, list):
        for valor in nodo:
            yield from _ids(valor)


def _id_libre(usados: set[str]) -> str:
    numeros = [int(m.group(1)) for i in usados if (m := _COMPROMISO.match(i))]
    numero = max(numeros, default=0) + 1
    while {f"c{numero}", f"c{numero}-m1", f"c{numero}-a1"} & usados:
        numero += 1
    return f"c{numero}"


def _esqueleto(
    id_compromiso: str, titulo: str | None, columna: int, sangrias: tuple[int, int, int]
) -> Any:
    """El compromiso vacío de la plantilla, con un comentario sobre cada campo que enseña qué
    escribir, listo para agregarse a `compromisos`.

    ruamel.yaml escribe cada comentario en la columna en que lo leyó: por eso la plantilla se
    renderiza con las sangrías del archivo y empezando en `columna`, donde irán sus claves.
    """
    from ruamel.yaml import YAML

    mapeo, secuencia, desplazamiento = sangrias
    texto = renderizar_archivo(
        "nuevo/compromiso.yaml.jinja",
        {
            "id": id_compromiso,
            "titulo": titulo,
            "m": " " * mapeo,
            "g": (" " * desplazamiento + "- ").ljust(secuencia),
            "l": " " * secuencia,
        },
    )
    # Sin conservar comillas: ruamel.yaml elige cómo escribir el título, como con el resto.
    return YAML(typ="rt").load(textwrap.indent(texto, " " * columna))


def _verificar_plan(texto: str, id_nuevo: str, ruta: Path, lista: _Lista) -> None:
    """El plan resultante debe seguir leyéndose, como lo lee `validar`, con el elemento nuevo."""
    doc = comprobar(ruta, texto)
    elementos = doc.datos.get(lista.clave) if isinstance(doc.datos, dict) else None
    ids = [str(e.get("id")) for e in elementos or [] if isinstance(e, dict)]
    if id_nuevo not in ids:
        raise _sin_tocar(ruta, lista)


# --- escritura y texto ----------------------------------------------------------------------


def _crear(ruta: Path, texto: str) -> bool:
    """Crea un archivo nuevo con la política de `andamio.escribir`; si ya existe, no lo toca y
    devuelve False."""
    archivos = {PurePosixPath(ruta.name): con_linea_de_esquema(ruta, texto)}
    return not escribir(ruta.parent, archivos).omitidos


# --- modificaciones -------------------------------------------------------------------------

_MODIFICACION: Final = re.compile(r"^m(\d+)$")


def nueva_modificacion(
    carpeta: Path,
    *,
    objetivo: str,
    aprobado_en: str,
    motivo: str,
    campo: str | None = None,
    valor: str | None = None,
    tipo: str | None = None,
    fecha: date | None = None,
) -> Agregado:
    """Registra en `modificaciones` de plan.yaml un cambio aprobado en sesión del EDT; el valor
    anterior sale del plan vigente en la fecha en que rige (por omisión, la de la sesión)."""
    from caja_ga.modelos.plan import Modificacion
    from caja_ga.modificaciones import incoherencia, objetivos, valor_de

    carpeta = carpeta_de_proceso(carpeta)
    proceso = cargar_proceso(carpeta)
    if proceso.plan is None:
        raise ErrorDeNuevo(
            f"No se puede registrar el cambio: {ruta_visible(carpeta / 'plan.yaml')} no existe o "
            "tiene errores de estructura («caja-ga validar» dice cuáles)."
        )
    sesion = _sesion_del_edt(proceso, aprobado_en)
    rige = fecha or sesion.fecha
    if rige is None or (sesion.fecha is not None and sesion.fecha > rige):
        raise ErrorDeNuevo(
            f"La sesión «{aprobado_en}» es del {sesion.fecha}, después de la fecha en que "
            "regiría el cambio: un cambio no rige antes de aprobarse; usa otra --fecha."
        )
    vigente = Vista(proceso, rige).plan
    assert vigente is not None
    clase, objeto = objetivos(vigente).get(objetivo, (None, None))
    if clase is None or objeto is None:
        raise ErrorDeNuevo(
            f"«{objetivo}» no es un compromiso, una actividad ni una meta de plan.yaml"
            f"{_pista(objetivo, set(objetivos(vigente)))}"
        )
    propuesta = Modificacion(
        fecha=rige,
        aprobado_en=aprobado_en,
        tipo=tipo or _tipo(clase, campo),
        objetivo=objetivo,
        campo=campo,
        valor_nuevo=valor,
        motivo=motivo,
    )
    if (problema := incoherencia(clase, propuesta)) is not None:
        raise ErrorDeNuevo(f"No se puede registrar el cambio a «{objetivo}»: {problema}.")
    contexto = propuesta.model_dump() | {
        "valor_anterior": _escalar(valor_de(objeto, campo) if campo else None),
        "valor_nuevo": _escalar(valor),
    }

    def esqueleto(id_nuevo: str, columna: int, sangrias: tuple[int, int, int]) -> Any:
        from ruamel.yaml import YAML

        texto = renderizar_archivo("nuevo/modificacion.yaml.jinja", contexto | {"id": id_nuevo})
        return YAML(typ="rt").load(textwrap.indent(texto, " " * columna))

    return _agregar_al_plan(carpeta, _MODIFICACIONES, _id_de_modificacion, esqueleto)


def _sesion_del_edt(proceso: CarpetaProceso, id_sesion: str) -> Sesion:
    sesiones = {d.ruta.stem: d.modelo for d in proceso.sesiones if isinstance(d.modelo, Sesion)}
    sesion = sesiones.get(id_sesion)
    if sesion is None:
        raise ErrorDeNuevo(
            f"«{id_sesion}» no es una sesión legible de la carpeta sesiones/"
            f"{_pista(id_sesion, set(sesiones))} Un cambio al plan se aprueba en sesión del EDT: "
            "regístrala primero (por ejemplo con «caja-ga nuevo sesion»)."
        )
    if sesion.organo == "nucleo":
        raise ErrorDeNuevo(
            f"La sesión «{id_sesion}» es del Núcleo de Sociedad Civil; los cambios al plan los "
            "aprueba el Espacio de Diálogo Tripartita."
        )
    return sesion


def _tipo(clase: str, campo: str | None) -> str:
    """El tipo que corresponde cuando no se indica: sin campo, un retiro."""
    if campo is None:
        return "retiro"
    if campo in ("inicio", "fin", "fecha_meta"):
        return "reprogramacion"
    return "cambio_meta" if clase == "meta" else "otro"


def _escalar(valor: object) -> str:
    """Un valor para la plantilla: fechas y números tal cual; textos, como escalar YAML."""
    if valor is None:
        return "null"
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float):
        return _numero(valor)
    texto = str(valor)
    try:
        float(texto)
        return texto
    except ValueError:
        pass
    try:
        return date.fromisoformat(texto).isoformat()
    except ValueError:
        return texto_yaml(texto)


def _id_de_modificacion(usados: set[str]) -> str:
    numeros = [int(m.group(1)) for i in usados if (m := _MODIFICACION.match(i))]
    numero = max(numeros, default=0) + 1
    while f"m{numero}" in usados:
        numero += 1
    return f"m{numero}"


def _pista(valor: str, validos: set[str]) -> str:
    parecido = difflib.get_close_matches(valor, sorted(validos), n=1, cutoff=0.6)
    return f"; ¿quisiste decir «{parecido[0]}»?" if parecido else "."
