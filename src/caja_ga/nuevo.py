"""`caja-ga nuevo`: agregar una sesión, un reporte de avance o un compromiso a un proceso.

Funciones puras respecto de la pantalla: escriben el archivo y devuelven qué escribieron; la línea
de comandos (cli_nuevo.py) decide qué mostrar. Nunca se sobrescribe un archivo del usuario: las
sesiones toman un nombre libre, los reportes se niegan si su fecha ya existe y el compromiso se
agrega a plan.yaml con ruamel.yaml en modo de ida y vuelta, conservando comentarios y formato, y
solo si todo lo que ya estaba escrito queda idéntico.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from caja_ga.archivos import escribir_atomico, ruta_visible
from caja_ga.errores import ErrorDeUso
from caja_ga.esquemas_json import con_linea_de_esquema
from caja_ga.modelos.plan import Actividad
from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.proceso import ARCHIVO_PROCESO, CarpetaProceso, cargar_proceso

_RESERVADAS: Final = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
_COMPROMISO: Final = re.compile(r"^c(\d+)$")
_ANCHO_SIN_LIMITE: Final = 1 << 16


class ErrorDeNuevo(ErrorDeUso):
    """No se puede generar la pieza pedida; el mensaje dice por qué y cómo seguir."""


@dataclass(frozen=True)
class CompromisoAgregado:
    ruta: Path
    id: str
    linea: int  # 1-based: la línea donde empieza el compromiso nuevo


def leer_fecha(texto: str, opcion: str) -> date:
    try:
        return date.fromisoformat(texto)
    except ValueError:
        raise ErrorDeNuevo(
            f"«{texto}» no es una fecha válida para {opcion}: usa AAAA-MM-DD, por "
            "ejemplo 2026-06-30."
        ) from None


def carpeta_de_proceso(carpeta: Path) -> Path:
    if not (carpeta / ARCHIVO_PROCESO).is_file():
        raise ErrorDeNuevo(
            f"«{ruta_visible(carpeta)}» no es una carpeta de proceso: no tiene "
            f"{ARCHIVO_PROCESO}. Crea una con «caja-ga init» o indica la carpeta "
            "correcta."
        )
    return carpeta


# --- sesiones -------------------------------------------------------------------------------


def nueva_sesion(carpeta: Path, fecha: date, organo: str = "edt", tipo: str = "ordinaria") -> Path:
    """Escribe `sesiones/<fecha>-<tipo>.yaml` (o -2, -3, …) con los integrantes del órgano."""
    proceso = cargar_proceso(carpeta_de_proceso(carpeta))
    asistentes = list(_integrantes(proceso, organo, fecha))
    sesiones = carpeta / "sesiones"
    base = f"{fecha.isoformat()}-{tipo}"
    numero = 1
    while True:
        id_sesion = base if numero == 1 else f"{base}-{numero}"
        ruta = sesiones / f"{id_sesion}.yaml"
        texto = _texto_sesion(id_sesion, fecha, organo, tipo, asistentes)
        if _crear(ruta, con_linea_de_esquema(ruta, texto)):
            return ruta
        numero += 1


def _integrantes(proceso: CarpetaProceso, organo: str, fecha: date) -> Iterator[tuple[str, str]]:
    """(id, nombre) de quienes integran el órgano en la fecha de la sesión."""
    if organo == "nucleo":
        if proceso.nucleo is not None:
            yield from ((i.id, i.nombre or "") for i in proceso.nucleo.integrantes)
        return
    if proceso.espacio is not None:
        for integrante in proceso.espacio.integrantes:
            vigente = (integrante.desde is None or integrante.desde <= fecha) and (
                integrante.hasta is None or integrante.hasta >= fecha
            )
            if vigente:
                yield integrante.id, integrante.nombre or ""


_ORGANOS: Final = {
    "edt": ("del Espacio de Diálogo Tripartita (EDT)", "espacio.yaml"),
    "nucleo": ("del Núcleo de Sociedad Civil", "nucleo.yaml"),
}


def _texto_sesion(
    id_sesion: str, fecha: date, organo: str, tipo: str, asistentes: list[tuple[str, str]]
) -> str:
    nombre_organo, archivo_organo = _ORGANOS[organo]
    if asistentes:
        lista = "asistentes:\n" + "".join(
            f"  - {_escalar(id_)}{_comentario(nombre)}\n" for id_, nombre in asistentes
        )
    else:
        lista = f"asistentes: []  # aún no hay integrantes en {archivo_organo}\n"
    return f"""\
version: 1
# Sesión {tipo} {nombre_organo} del {fecha.isoformat()}.
# Su id es el nombre de este archivo, «{id_sesion}»: así la citan plan.yaml (aprobado_en),
# seguimiento/ (revisado_en) y agenda2030.yaml (referencias).
organo: {organo}
tipo: {tipo}
fecha: {fecha.isoformat()}
# presencial, virtual o hibrida
modalidad:
# Los ids de quienes asistieron (integrantes de {archivo_organo}): borra a quien faltó.
{lista}\
# Personas que asistieron sin ser integrantes, con su cargo o institución.
invitados: []
# Los temas tratados, uno por renglón: «- Revisión del reporte de avance».
orden_del_dia: []
# Cada acuerdo con un id único en todo el proceso, quién lo cumple, para cuándo y su estado
# (pendiente, en_proceso, cumplido o cancelado). Por ejemplo:
#   - id: {id_sesion}-ac1
#     texto: Publicar el reporte de avance en el portal.
#     responsable: {asistentes[0][0] if asistentes else "gob-1"}
#     fecha_limite: AAAA-MM-DD
#     estado: pendiente
acuerdos: []
# Publica la minuta a más tardar 15 días después de la sesión (regla GA205) y anota aquí su
# dirección web y la fecha en que se publicó.
minuta:
  url:
  fecha_publicacion:
"""


# --- seguimiento ----------------------------------------------------------------------------


def nuevo_seguimiento(carpeta: Path, fecha_corte: date) -> Path:
    """Escribe `seguimiento/<fecha>.yaml` con cada actividad del plan y su último avance."""
    from caja_ga.avance import ultimos_reportes

    proceso = cargar_proceso(carpeta_de_proceso(carpeta))
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
    actividades = [(c.id, c.titulo, a) for c in plan.compromisos for a in c.actividades]
    if not actividades:
        raise ErrorDeNuevo(
            "plan.yaml no tiene actividades todavía: agrega compromisos con sus "
            "actividades antes de reportar su avance."
        )
    reportes = proceso.seguimientos_validos()
    for doc, reporte in reportes:
        if reporte.fecha_corte == fecha_corte:
            raise ErrorDeNuevo(
                f"Ya hay un reporte con fecha de corte {fecha_corte.isoformat()}: "
                f"{doc.archivo}; edítalo en lugar de crear otro."
            )
    previos = [reporte for _, reporte in reportes if reporte.fecha_corte < fecha_corte]
    ruta = carpeta / "seguimiento" / f"{fecha_corte.isoformat()}.yaml"
    ultimos = ultimos_reportes(previos)
    vigentes = [
        (c, t, a)
        for c, t, a in actividades
        if not (a.id in ultimos and ultimos[a.id].estado == "cancelada")
    ]
    origen = (
        f"el reporte del {max(s.fecha_corte for s in previos).isoformat()} y anteriores"
        if previos
        else "no hay reportes previos, así que todas empiezan sin iniciar"
    )
    partes = [
        f"""\
version: 1
# Reporte de avance con fecha de corte {fecha_corte.isoformat()}: cómo iba cada actividad de
# plan.yaml ese día. Cada una trae lo último que se reportó:
# {origen}.
# Actualiza por actividad:
#   estado: no_iniciada, en_proceso, completada (con avance 100) o cancelada
#   avance: de 0 a 100
#   evidencias: lo que prueba el avance, cada una con descripcion y url
#   observaciones: lo que explique retrasos o cambios
fecha_corte: {fecha_corte.isoformat()}
# El id de la sesión del EDT que revise este reporte (nombre del archivo en sesiones/).
revisado_en:
actividades:
"""
    ]
    for id_compromiso, titulo, actividad in vigentes:
        previo = ultimos.get(actividad.id)
        partes.append(_texto_avance(id_compromiso, titulo, actividad, previo))
    if not _crear(ruta, con_linea_de_esquema(ruta, "".join(partes))):
        raise ErrorDeNuevo(f"{ruta_visible(ruta)} ya existe: edítalo o elige otra --fecha-corte.")
    return ruta


def _texto_avance(
    id_compromiso: str, titulo: str | None, actividad: Actividad, previo: AvanceActividad | None
) -> str:
    plazo = f"del {_fecha_o_pendiente(actividad.inicio)} al {_fecha_o_pendiente(actividad.fin)}"
    lineas = [
        f"  # {id_compromiso} · {_una_linea(titulo or 'compromiso sin título')}",
        f"  # {_una_linea(actividad.descripcion or 'actividad sin descripción')} ({plazo})",
        f"  - id: {_escalar(actividad.id)}",
    ]
    estado = previo.estado if previo is not None and previo.estado else "no_iniciada"
    avance = previo.avance if previo is not None and previo.avance is not None else 0
    lineas += [f"    estado: {estado}", f"    avance: {_numero(avance)}"]
    evidencias = previo.evidencias if previo is not None else []
    if evidencias:
        lineas.append("    evidencias:")
        for evidencia in evidencias:
            campos = [
                (k, v)
                for k, v in (("descripcion", evidencia.descripcion), ("url", evidencia.url))
                if v is not None
            ]
            for indice, (clave, valor) in enumerate(campos or [("descripcion", "")]):
                prefijo = "      - " if indice == 0 else "        "
                lineas.append(f"{prefijo}{clave}: {_escalar(valor)}")
    else:
        lineas.append("    evidencias: []")
    lineas.append("    observaciones:")
    return "\n".join(lineas) + "\n"


def _fecha_o_pendiente(fecha: date | None) -> str:
    return fecha.isoformat() if fecha else "(sin fecha)"


def _numero(valor: float) -> str:
    return str(int(valor)) if float(valor).is_integer() else str(valor)


# --- compromisos ----------------------------------------------------------------------------


def nuevo_compromiso(carpeta: Path, titulo: str | None = None) -> CompromisoAgregado:
    """Agrega un compromiso vacío al final de `compromisos` en plan.yaml, sin tocar lo demás."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    ruta = carpeta_de_proceso(carpeta) / "plan.yaml"
    if not ruta.is_file():
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} no existe; créalo (por ejemplo con «caja-ga "
            "init») antes de agregar compromisos."
        )
    try:
        original = ruta.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} no es texto UTF-8; guárdalo como UTF-8 y vuelve a intentarlo."
        ) from None
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _ANCHO_SIN_LIMITE
    try:
        datos = yaml.load(original)
    except YAMLError as error:
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} no se puede leer como YAML; corrígelo primero "
            f"(«caja-ga validar» dice dónde): {_una_linea(str(error))}"
        ) from None
    if not isinstance(datos, CommentedMap):
        raise ErrorDeNuevo(
            f"{ruta_visible(ruta)} debe tener campos «clave: valor» en el primer "
            "nivel para poder agregarle un compromiso."
        )
    compromisos = datos.get("compromisos")
    if compromisos is not None and not isinstance(compromisos, CommentedSeq):
        raise ErrorDeNuevo(f"En {ruta_visible(ruta)}, «compromisos» debe ser una lista.")
    if compromisos and compromisos.fa.flow_style():
        raise ErrorDeNuevo(
            f"En {ruta_visible(ruta)}, «compromisos» está escrita entre corchetes; "
            "escríbela como lista con guiones («- id: c1») para agregarle otro."
        )
    existia = "compromisos" in datos
    if not compromisos:
        # `compromisos: []` o vacía: se vuelve una lista en bloque en la misma línea de la clave.
        compromisos = CommentedSeq()
        if existia:
            datos["compromisos"] = compromisos
    mapeo, secuencia, desplazamiento = _sangrias(datos)
    yaml.indent(mapping=mapeo, sequence=secuencia, offset=desplazamiento)
    yaml.explicit_start = original.lstrip().startswith("---")
    antes = _volcar(yaml, datos)
    id_compromiso = _id_libre(set(_ids(datos)))
    columna = (datos.lc.key("compromisos")[1] if existia else 0) + secuencia
    if not existia:
        datos["compromisos"] = compromisos
    compromisos.append(_esqueleto(id_compromiso, titulo, columna, secuencia))
    texto, linea = _empalmar(original, antes, _volcar(yaml, datos), id_compromiso, ruta)
    try:
        igual = yaml.load(texto) == datos
    except YAMLError:
        igual = False
    if not igual:
        raise _sin_tocar(ruta)
    _verificar_plan(texto, id_compromiso, ruta)
    escribir_atomico(ruta, texto)
    return CompromisoAgregado(ruta, id_compromiso, linea)


def _volcar(yaml: Any, datos: Any) -> str:
    salida = io.StringIO()
    yaml.dump(datos, salida)
    return salida.getvalue()


def _empalmar(
    original: str, antes: str, despues: str, id_compromiso: str, ruta: Path
) -> tuple[str, int]:
    """El archivo original con solo las líneas que ruamel agregó: el resto queda idéntico.

    ruamel.yaml reescribe algunas formas (por ejemplo `null` explícito) al volcar; por eso se toma
    de su salida únicamente lo nuevo (`despues` contra `antes`, el volcado sin el compromiso) y se
    inserta en el texto original, línea por línea.
    """
    salto = "\r\n" if "\r\n" in original else "\n"
    lineas = original.splitlines(keepends=True)
    if lineas and not lineas[-1].endswith("\n"):
        lineas[-1] += salto
    viejas, nuevas = antes.splitlines(keepends=True), despues.splitlines(keepends=True)
    if len(viejas) != len(lineas):
        raise _sin_tocar(ruta)
    comun = 0
    while comun < len(viejas) and viejas[comun] == nuevas[comun]:
        comun += 1
    final = 0
    while final < len(viejas) - comun and viejas[-1 - final] == nuevas[-1 - final]:
        final += 1
    if len(viejas) - comun - final > 1:  # a lo más, la línea `compromisos: []`
        raise _sin_tocar(ruta)
    agregadas = [linea.replace("\n", salto) for linea in nuevas[comun : len(nuevas) - final]]
    inicio = next(
        (
            i
            for i, linea in enumerate(agregadas)
            if linea.lstrip().startswith(f"- id: {id_compromiso}")
        ),
        0,
    )
    texto = "".join(lineas[:comun] + agregadas + lineas[len(lineas) - final :])
    return texto, comun + inicio + 1


def _sin_tocar(ruta: Path) -> ErrorDeNuevo:
    return ErrorDeNuevo(
        f"No se pudo agregar el compromiso a {ruta_visible(ruta)} sin cambiar el "
        "resto del archivo, así que no se tocó; agrégalo a mano, copiando uno "
        "existente."
    )


def _sangrias(datos: Any) -> tuple[int, int, int]:
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


def _esqueleto(id_compromiso: str, titulo: str | None, columna: int, secuencia: int) -> Any:
    """El compromiso vacío, con un comentario sobre cada campo que enseña qué escribir.

    `columna` es donde empiezan sus claves; las de sus metas y actividades, `secuencia` más allá.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def mapa(*claves: str, **valores: Any) -> CommentedMap:
        resultado = CommentedMap((clave, None) for clave in claves)
        resultado.update(valores)
        return resultado

    meta = mapa(
        "id",
        "descripcion",
        indicador=mapa("nombre", "unidad", "linea_base", "valor_meta", "fecha_meta"),
        medio_verificacion=None,
    )
    meta["id"] = f"{id_compromiso}-m1"
    actividad = mapa(
        "id",
        "descripcion",
        "entregable",
        "inicio",
        "fin",
        responsables=CommentedSeq(),
        medio_verificacion=None,
    )
    actividad["id"] = f"{id_compromiso}-a1"
    compromiso = mapa(
        "id",
        "titulo",
        "problema_publico",
        "objetivo",
        "solucion",
        "resultados_esperados",
        "metas",
        "actividades",
        "responsables",
        "valores",
        "ods",
        "pmd",
        "presupuesto_mxn",
        "potencial",
        "evaluacion",
    )
    compromiso.update(
        id=id_compromiso,
        titulo=titulo or None,
        problema_publico=mapa(
            "descripcion",
            causas=CommentedSeq(),
            linea_base=None,
            poblacion_afectada=None,
            grupos=CommentedSeq(),
        ),
        metas=CommentedSeq([meta]),
        actividades=CommentedSeq([actividad]),
        responsables=mapa(lider=mapa("area", "enlace"), corresponsables=CommentedSeq()),
        valores=CommentedSeq(),
        ods=CommentedSeq(),
        pmd=CommentedSeq(),
        evaluacion=mapa("metodo", "fecha", "responsable"),
    )
    compromiso.yaml_add_eol_comment(
        "compromiso nuevo: llena cada campo; «caja-ga validar» dice qué falta", "id"
    )
    for clave, comentario in _COMENTARIOS_COMPROMISO.items():
        compromiso.yaml_set_comment_before_after_key(clave, before=comentario, indent=columna)
    meta.yaml_set_comment_before_after_key(
        "indicador",
        before="Con qué se mide, cuánto se quiere lograr y para cuándo.",
        indent=columna + secuencia,
    )
    actividad.yaml_set_comment_before_after_key(
        "inicio",
        before="Fechas AAAA-MM-DD dentro del periodo del plan.",
        indent=columna + secuencia,
    )
    return compromiso


_COMENTARIOS_COMPROMISO: Final = {
    "problema_publico": "Qué problema vive la población: descripción, causas, línea base, "
    "población afectada\ny grupos (mujeres, jovenes, indigenas, …).",
    "objetivo": "Qué cambiará cuando el compromiso se cumpla.",
    "solucion": "Cómo se atenderá el problema.",
    "metas": "Cada meta con un indicador verificable.",
    "actividades": "Cada actividad con entregable, fechas, responsables y medio de verificación.",
    "responsables": "El área que lo lidera y quienes lo cocrean (al menos una organización de "
    "sociedad_civil).",
    "valores": "Los valores de gobierno abierto que atiende: transparencia, participacion,\n"
    "rendicion_cuentas, innovacion, inclusion (al menos uno de los tres primeros).",
    "ods": 'Metas ODS entre comillas, por ejemplo ["16.6", "11.3"].',
    "pmd": "Vínculo al Plan Municipal de Desarrollo: eje, objetivo y linea_accion.",
    "potencial": "no_claro, modesto o sustancial.",
    "evaluacion": "Cómo, cuándo y quién evaluará su cumplimiento.",
}


def _verificar_plan(texto: str, id_compromiso: str, ruta: Path) -> None:
    """El plan resultante debe seguir leyéndose, como lo lee `validar`, con el compromiso nuevo."""
    from caja_ga.carga import cargar

    with tempfile.TemporaryDirectory() as temporal:
        prueba = Path(temporal) / "plan.yaml"
        prueba.write_text(texto, encoding="utf-8", newline="")
        doc = cargar(prueba, ruta_visible(ruta), "plan")
    compromisos = doc.datos.get("compromisos") if isinstance(doc.datos, dict) else None
    ids = [c.get("id") for c in compromisos or [] if isinstance(c, dict)]
    if id_compromiso not in ids:
        raise _sin_tocar(ruta)


# --- escritura y texto ----------------------------------------------------------------------


def _crear(ruta: Path, texto: str) -> bool:
    """Crea un archivo nuevo; si ya existe, no lo toca y devuelve False."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    try:
        with ruta.open("x", encoding="utf-8", newline="") as archivo:
            archivo.write(texto)
    except FileExistsError:
        return False
    return True


def _una_linea(texto: str) -> str:
    return " ".join(texto.split())


def _comentario(texto: str) -> str:
    return f"  # {_una_linea(texto)}" if texto.strip() else ""


def _escalar(texto: str) -> str:
    """Un texto como escalar YAML: tal cual si no hay ambigüedad, entre comillas si la hay."""
    plano = (
        bool(texto)
        and texto[0].isalpha()
        and texto == texto.strip()
        and "\n" not in texto
        and ": " not in texto
        and " #" not in texto
        and not texto.endswith(":")
        and texto.lower() not in _RESERVADAS
    )
    return texto if plano else json.dumps(texto, ensure_ascii=False)
