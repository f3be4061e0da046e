"""El servidor del editor: solo en 127.0.0.1, con un código de acceso en cada dirección.

Se usa `http.server.ThreadingHTTPServer` de la biblioteca estándar: es una herramienta local de
una sola persona, sin dependencias nuevas que instalar ni mantener.

Cada pedido pasa por las mismas revisiones antes de tocar nada: el encabezado Host debe ser
127.0.0.1:PUERTO o localhost:PUERTO (contra el «DNS rebinding»), la dirección lleva el código de
acceso (`secrets.token_urlsafe`), un POST que trae Origin debe venir de esta misma página, el
cuerpo tiene un tamaño máximo y solo se abren archivos del proceso que caja-ga conoce (sin «..»,
sin rutas absolutas, sin enlaces simbólicos que salgan de la carpeta). Las páginas no piden nada
a otro servidor: la política de contenido (CSP) solo admite lo que sirve el propio editor.
"""

from __future__ import annotations

import json
import secrets
import sys
from dataclasses import dataclass
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any, Final
from urllib.parse import parse_qsl, quote, urlsplit

from caja_ga.carga import Ilegible, esta_dentro, leer_bytes
from caja_ga.editar.campos import (
    Campo,
    campo_en,
    campos_de,
    como_estaban,
    desde_archivo,
    desde_formulario,
    entero,
    nombre_de,
    ruta_de,
)
from caja_ga.editar.edicion import DeLista, Editable, abrir
from caja_ga.editar.paginas import Ubicados, como_json, entorno, ubicar
from caja_ga.editar.revision import Mensaje, revisar, solo_errores
from caja_ga.errores import ErrorDeUso, mensaje_de_fallo
from caja_ga.escritura import ArchivoCambiado, huella
from caja_ga.escritura import guardar_si_no_cambio as guardar
from caja_ga.esquemas_json import esquema_json
from caja_ga.proceso import documento_de_bytes, lectura

LIMITE_CUERPO: Final = 4 * 1024 * 1024  # un formulario del plan más grande que caja-ga lee
_ESTATICOS: Final = {
    "/estatico/editar.js": "text/javascript; charset=utf-8",
    "/estatico/editar.css": "text/css; charset=utf-8",
    "/estatico/icono.svg": "image/svg+xml",
}
_POLITICA: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class Rechazo(Exception):
    def __init__(self, estado: HTTPStatus, mensaje: str) -> None:
        super().__init__(mensaje)
        self.estado = estado
        self.mensaje = mensaje


@dataclass(frozen=True)
class Abierto:
    """Un archivo del proceso leído para editarlo."""

    relativa: str
    ruta: Path
    clase: str
    datos: bytes
    editable: Editable

    @property
    def raiz(self) -> Campo:
        return campos_de(self.clase)


class Editor:
    """Lo que el servidor sabe del proceso que edita."""

    def __init__(self, carpeta: Path, fecha_corte: date, puerto: int) -> None:
        self.carpeta = carpeta.resolve()
        self.fecha_corte = fecha_corte
        self.token = secrets.token_urlsafe(32)
        self.puerto = puerto

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.puerto}", f"localhost:{self.puerto}"}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}/?token={self.token}"

    def archivos(self) -> dict[str, str]:
        """Ruta relativa → clase de cada archivo del proceso que el editor abre."""
        return {
            leido.relativa: leido.clase
            for leido in lectura(self.carpeta).archivos
            if leido.ruta.is_file() and esta_dentro(leido.ruta, self.carpeta)
        }

    def abrir(self, relativa: str) -> Abierto:
        ruta = self._ruta(relativa)
        clase = self.archivos().get(relativa)
        if clase is None:
            raise Rechazo(
                HTTPStatus.NOT_FOUND,
                f"«{relativa}» no es un archivo del proceso que este editor conozca; vuelve a "
                "la lista de archivos.",
            )
        try:
            datos = leer_bytes(ruta, self.carpeta)
        except Ilegible as ilegible:
            raise Rechazo(HTTPStatus.UNPROCESSABLE_ENTITY, ilegible.mensaje) from None
        try:
            editable = abrir(datos.decode("utf-8"), relativa)
        except (ErrorDeUso, UnicodeDecodeError):
            raise Rechazo(
                HTTPStatus.UNPROCESSABLE_ENTITY, _no_se_puede_leer(ruta, clase, relativa, datos)
            ) from None
        return Abierto(relativa, ruta, clase, datos, editable)

    def _ruta(self, relativa: str) -> Path:
        """La ruta dentro del proceso; nada fuera de él, ni por «..» ni por un enlace."""
        partes = PurePosixPath(relativa).parts
        if (
            not relativa
            or "\\" in relativa
            or "\x00" in relativa
            or PurePosixPath(relativa).is_absolute()
            or any(parte in ("..", ".") for parte in partes)
            or not esta_dentro(self.carpeta / relativa, self.carpeta)
        ):
            raise Rechazo(
                HTTPStatus.FORBIDDEN,
                f"No se abre «{relativa}»: está fuera de la carpeta del proceso. El editor solo "
                "abre los archivos del proceso.",
            )
        return self.carpeta / relativa

    def revisar(self, abierto: Abierto, texto: str) -> list[Mensaje]:
        return revisar(self.carpeta, abierto.ruta, abierto.clase, texto, self.fecha_corte)


def _no_se_puede_leer(ruta: Path, clase: str, relativa: str, datos: bytes) -> str:
    """Por qué el archivo no se puede abrir en el formulario, con los mensajes de validar."""
    renglones = [
        f"  línea {h.posicion[0]}: {h.mensaje}" if h.posicion else f"  {h.mensaje}"
        for h in documento_de_bytes(ruta, clase, datos).hallazgos
        if h.codigo in _DE_LECTURA
    ]
    return "\n".join(
        [
            f"«{relativa}» no se puede abrir en el formulario hasta corregir en un editor de "
            "texto lo que impide leerlo:",
            *renglones,
        ]
    )


_DE_LECTURA: Final = frozenset({"GA001", "GA002", "GA003", "GA008"})


# Lo que `http.server` rechaza antes de llegar al editor, dicho en español (sus páginas de error
# están en inglés).
_DEL_PROTOCOLO: Final = {
    HTTPStatus.REQUEST_URI_TOO_LONG: "La dirección es demasiado larga; el editor no la leyó.",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: (
        "El pedido trae demasiados encabezados, o muy largos; el editor no lo leyó."
    ),
    HTTPStatus.NOT_IMPLEMENTED: "El editor solo atiende GET y POST.",
}
_NO_SE_LEYO: Final = (
    "El pedido no se pudo leer. Abre la dirección que mostró «caja-ga editar» en la terminal."
)


class Manejador(BaseHTTPRequestHandler):
    server: Servidor
    # Un pedido que anuncia un formulario y no lo manda no retiene su hilo para siempre.
    timeout = 60

    def version_string(self) -> str:
        return "caja-ga"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Los rechazos de `http.server` (dirección enorme, método desconocido…) en español."""
        self.close_connection = True
        self._texto(HTTPStatus(code), _DEL_PROTOCOLO.get(HTTPStatus(code), _NO_SE_LEYO))

    def log_message(self, format: str, *args: Any) -> None:
        """Sin bitácora en la terminal: ahí solo queda la dirección y cómo detenerlo."""

    def do_GET(self) -> None:
        self._atender("GET")

    def do_POST(self) -> None:
        self._atender("POST")

    def _no_permitido(self) -> None:
        self._texto(HTTPStatus.METHOD_NOT_ALLOWED, "El editor solo atiende GET y POST.")

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _no_permitido  # noqa: N815

    @property
    def editor(self) -> Editor:
        return self.server.editor

    def _atender(self, metodo: str) -> None:
        partes = urlsplit(self.path)
        consulta = dict(parse_qsl(partes.query, keep_blank_values=True))
        try:
            self._autorizar(metodo, consulta.get("token", ""))
            if metodo == "GET":
                self._get(partes.path, consulta)
            else:
                self._post(partes.path, consulta, self._cuerpo())
        except Rechazo as rechazo:
            self._texto(rechazo.estado, rechazo.mensaje)
        except (ConnectionError, TimeoutError):
            pass  # la página ya no espera la respuesta (otra revisión la reemplazó)
        except Exception as error:  # un fallo de caja-ga: la traza a un archivo, no a la página
            self._texto(HTTPStatus.INTERNAL_SERVER_ERROR, mensaje_de_fallo(error))

    def _autorizar(self, metodo: str, token: str) -> None:
        if self.headers.get("Host", "") not in self.editor.hosts:
            raise Rechazo(
                HTTPStatus.FORBIDDEN,
                "Pedido rechazado: la dirección no es la del editor. Abre la dirección "
                "http://127.0.0.1:… que mostró «caja-ga editar» en la terminal.",
            )
        if not secrets.compare_digest(token.encode(), self.editor.token.encode()):
            raise Rechazo(
                HTTPStatus.FORBIDDEN,
                "Pedido rechazado: falta el código de acceso o no es el correcto. Abre la "
                "dirección completa (con «?token=…») que mostró «caja-ga editar» en la terminal.",
            )
        origen = self.headers.get("Origin")
        propios = {f"http://{host}" for host in self.editor.hosts}
        if metodo == "POST" and origen is not None and origen not in propios:
            raise Rechazo(
                HTTPStatus.FORBIDDEN,
                "Pedido rechazado: viene de otra página. Solo la página del editor puede "
                "guardar cambios.",
            )

    def _cuerpo(self) -> list[tuple[str, str]]:
        largo = entero(self.headers.get("Content-Length", ""))
        if largo is None:
            raise Rechazo(HTTPStatus.LENGTH_REQUIRED, "Falta el tamaño del formulario.")
        if largo > LIMITE_CUERPO:
            raise Rechazo(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"El formulario pesa más de {LIMITE_CUERPO // (1024 * 1024)} MB; no se recibió.",
            )
        tipo = self.headers.get("Content-Type", "").split(";")[0].strip()
        if tipo != "application/x-www-form-urlencoded":
            raise Rechazo(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "El editor solo recibe formularios.")
        cuerpo = self.rfile.read(largo)
        try:
            return parse_qsl(cuerpo.decode("utf-8"), keep_blank_values=True, max_num_fields=100_000)
        except (UnicodeDecodeError, ValueError):
            raise Rechazo(HTTPStatus.BAD_REQUEST, "El formulario no se pudo leer.") from None

    # --- Rutas -------------------------------------------------------------------------------

    def _get(self, ruta: str, consulta: dict[str, str]) -> None:
        if ruta == "/":
            self._indice()
        elif ruta == "/editar":
            abierto = self.editor.abrir(consulta.get("archivo", ""))
            datos = desde_archivo(abierto.raiz, abierto.editable.datos)
            estado = f"Cambios guardados en «{abierto.relativa}»." if "guardado" in consulta else ""
            texto = abierto.editable.original
            mensajes = self.editor.revisar(abierto, texto)
            leida = huella(abierto.datos)
            self._formulario(HTTPStatus.OK, abierto, leida, datos, mensajes, estado=estado)
        elif ruta in _ESTATICOS:
            nombre = ruta.rsplit("/", 1)[-1]
            contenido = resources.files("caja_ga.editar").joinpath("estatico", nombre)
            self._enviar(HTTPStatus.OK, contenido.read_bytes(), _ESTATICOS[ruta])
        else:
            raise Rechazo(HTTPStatus.NOT_FOUND, "Esa página no existe en el editor.")

    def _post(self, ruta: str, consulta: dict[str, str], pares: list[tuple[str, str]]) -> None:
        if ruta not in ("/editar", "/validar"):
            raise Rechazo(HTTPStatus.NOT_FOUND, "Esa página no existe en el editor.")
        abierto = self.editor.abrir(consulta.get("archivo", ""))
        campos = dict(pares)
        enviados = desde_formulario(abierto.raiz, pares)
        datos = como_estaban(abierto.raiz, enviados, abierto.editable.datos)
        accion = campos.get("_accion", "revisar")
        # La huella de cuando se abrió el archivo viaja con el formulario, también tras revisar
        # o agregar: así un cambio en el disco entretanto impide guardar encima.
        leida = campos.get("_huella", "")
        enfocar = _cambiar_lista(abierto.raiz, datos, accion)
        texto = abierto.editable.con_cambios(datos)
        mensajes = self.editor.revisar(abierto, texto)
        if ruta == "/validar":
            cuerpo = json.dumps(
                como_json(ubicar(abierto.raiz, datos, mensajes)), ensure_ascii=False
            )
            self._enviar(HTTPStatus.OK, cuerpo.encode(), "application/json; charset=utf-8")
            return
        if accion != "guardar":
            self._formulario(HTTPStatus.OK, abierto, leida, datos, mensajes, enfocar=enfocar)
            return
        nuevos = self._errores_nuevos(abierto, leida, mensajes)
        if nuevos:
            aviso = (
                f"No se guardó: el cambio deja {len(nuevos)} "
                f"{'error' if len(nuevos) == 1 else 'errores'} que el archivo no tenía. "
                "Corrígelos (están marcados junto a cada campo) y vuelve a guardar."
            )
            self._formulario(
                HTTPStatus.UNPROCESSABLE_ENTITY, abierto, leida, datos, mensajes, aviso
            )
            return
        try:
            guardar(abierto.ruta, texto, leida, self.editor.carpeta)
        except ArchivoCambiado as error:
            self._formulario(HTTPStatus.CONFLICT, abierto, leida, datos, mensajes, str(error))
            return
        except ErrorDeUso as error:
            codigo = HTTPStatus.INTERNAL_SERVER_ERROR
            self._formulario(codigo, abierto, leida, datos, mensajes, str(error))
            return
        destino = f"/editar?token={self.editor.token}&archivo={quote(abierto.relativa)}&guardado=1"
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", destino)
        self.send_header("Content-Length", "0")
        self._encabezados_seguros()
        self.end_headers()

    def _errores_nuevos(
        self, abierto: Abierto, leida: str, mensajes: list[Mensaje]
    ) -> set[tuple[str, str]]:
        """Los errores que el cambio agrega al archivo. El original se revisa (otra lectura del
        proceso) solo si hay errores y el archivo sigue como se abrió: si cambió en el disco,
        guardar lo rechaza de todos modos."""
        errores = solo_errores(mensajes)
        if not errores or huella(abierto.datos) != leida:
            return set()
        return errores - solo_errores(self.editor.revisar(abierto, abierto.editable.original))

    # --- Respuestas --------------------------------------------------------------------------

    def _indice(self) -> None:
        archivos = [
            {"relativa": relativa, "descripcion": _descripcion_corta(clase)}
            for relativa, clase in sorted(self.editor.archivos().items(), key=_orden)
        ]
        self._html(HTTPStatus.OK, "indice.html.jinja", archivos=archivos)

    def _formulario(
        self,
        estado_http: HTTPStatus,
        abierto: Abierto,
        leida: str,
        datos: Any,
        mensajes: list[Mensaje],
        aviso: str = "",
        estado: str = "",
        enfocar: str = "",
    ) -> None:
        ubicados: Ubicados = ubicar(abierto.raiz, datos, mensajes)
        self._html(
            estado_http,
            "archivo.html.jinja",
            archivo=abierto.relativa,
            descripcion=_descripcion_corta(abierto.clase),
            raiz=abierto.raiz,
            datos=datos,
            huella=leida,
            errores=ubicados.por_campo,
            resumen=ubicados.lista,
            titulo_resumen=ubicados.titulo,
            aviso=aviso,
            estado=estado,
            enfocar=enfocar,
        )

    def _html(self, codigo: HTTPStatus, plantilla: str, **contexto: Any) -> None:
        nombre = self.editor.carpeta.name
        pagina = (
            entorno()
            .get_template(plantilla)
            .render(token=self.editor.token, proceso=nombre, **contexto)
        )
        self._enviar(codigo, pagina.encode("utf-8"), "text/html; charset=utf-8")

    def _texto(self, estado: HTTPStatus, mensaje: str) -> None:
        self._enviar(estado, f"{mensaje}\n".encode(), "text/plain; charset=utf-8")

    def _enviar(self, estado: HTTPStatus, cuerpo: bytes, tipo: str) -> None:
        self.send_response(estado)
        self.send_header("Content-Type", tipo)
        self.send_header("Content-Length", str(len(cuerpo)))
        self._encabezados_seguros()
        self.end_headers()
        self.wfile.write(cuerpo)

    def _encabezados_seguros(self) -> None:
        self.send_header("Content-Security-Policy", _POLITICA)
        self.send_header("X-Content-Type-Options", "nosniff")
        # «same-origin» y no «no-referrer»: con este, el navegador manda «Origin: null» en los
        # POST y no se podría distinguir la página del editor de otra.
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")


def _cambiar_lista(raiz: Campo, datos: dict[str, Any], accion: str) -> str:
    """«agregar:RUTA» agrega un elemento vacío a la lista; «quitar:RUTA.N» quita el N-ésimo.
    Devuelve qué enfocar después: el elemento nuevo o el botón para agregar. Una RUTA que no es
    una lista del formulario no cambia nada (no vuelve lista un campo de texto)."""
    que, _, nombre = accion.partition(":")
    if que not in ("agregar", "quitar") or not nombre:
        return ""
    ruta = ruta_de(nombre)
    lista_ruta = ruta if que == "agregar" else ruta[:-1]
    campo = campo_en(raiz, lista_ruta)
    if campo is None or campo.tipo != "lista_objetos":
        return ""
    lista = _seguir(datos, lista_ruta)
    if not isinstance(lista, list):
        if que != "agregar":
            return ""
        padre = _seguir(datos, lista_ruta[:-1])
        if not isinstance(padre, dict):
            return ""
        lista = padre[lista_ruta[-1]] = []
    if que == "agregar":
        lista.append(DeLista(None, {}))
        return f"{nombre}.{len(lista) - 1}"
    indice = ruta[-1]
    if isinstance(indice, int) and 0 <= indice < len(lista):
        del lista[indice]
    return f"agregar:{nombre_de(lista_ruta)}"


def _seguir(datos: Any, ruta: tuple[str | int, ...]) -> Any:
    actual = datos
    for paso in ruta:
        if isinstance(actual, DeLista):
            actual = actual.valor
        if isinstance(actual, dict):
            actual = actual.get(paso)
        elif isinstance(actual, list) and isinstance(paso, int) and 0 <= paso < len(actual):
            actual = actual[paso]
        else:
            return None
    return actual.valor if isinstance(actual, DeLista) else actual


def _descripcion_corta(clase: str) -> str:
    """La descripción del archivo (la del módulo de su modelo) sin el nombre del archivo."""
    descripcion = str(esquema_json(clase).get("description", ""))
    primera = descripcion.split("\n\n", 1)[0].replace("\n", " ")
    sin_nombre = primera.split(": ", 1)[-1] if primera.startswith("`") else primera
    return sin_nombre[:1].upper() + sin_nombre[1:]


def _orden(par: tuple[str, str]) -> tuple[bool, str]:
    return "/" in par[0], par[0]  # primero los archivos sueltos, luego sesiones y seguimiento


class Servidor(ThreadingHTTPServer):
    def __init__(self, editor: Editor) -> None:
        super().__init__(("127.0.0.1", editor.puerto), Manejador)
        self.editor = editor
        editor.puerto = self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Sin la traza en inglés de `socketserver` en la terminal: una conexión que el
        navegador cortó no es un fallo; cualquier otro se explica en español."""
        error = sys.exc_info()[1]
        if isinstance(error, Exception) and not isinstance(error, ConnectionError | TimeoutError):
            print(mensaje_de_fallo(error), file=sys.stderr)
