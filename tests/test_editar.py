"""`caja-ga editar`: el formulario en un navegador real y las defensas del servidor.

El comando instalado se corre como lo haría una persona; el navegador es el Chromium del sistema
manejado con Playwright (sin descargar otro), con la red desactivada: todo nombre de servidor se
resuelve como inexistente, así que la página solo puede hablar con el editor local.
"""

from __future__ import annotations

import http.client
import re
import shutil
import signal
import socket
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import COMANDO, EJEMPLOS, FECHA_EJEMPLOS, CajaGa

CHROMIUM = Path("/usr/bin/chromium")
MONTERREY = EJEMPLOS / "monterrey-2024-2027"
REPORTE = "seguimiento/2026-10-31.yaml"


@dataclass
class Abierto:
    carpeta: Path
    puerto: int
    token: str
    proceso: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}/?token={self.token}"

    def pedir(
        self,
        metodo: str,
        ruta: str,
        cuerpo: bytes | None = None,
        encabezados: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], str]:
        conexion = http.client.HTTPConnection("127.0.0.1", self.puerto, timeout=30)
        todos = {"Host": f"127.0.0.1:{self.puerto}", **(encabezados or {})}
        if cuerpo is not None:
            todos.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conexion.request(metodo, ruta, body=cuerpo, headers=todos)
        respuesta = conexion.getresponse()
        texto = respuesta.read().decode("utf-8")
        conexion.close()
        return respuesta.status, dict(respuesta.getheaders()), texto

    def editar(self, archivo: str) -> str:
        return f"/editar?{urlencode({'token': self.token, 'archivo': archivo})}"


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Abierto]:
    """`caja-ga editar` sobre una copia de Monterrey; al final, Ctrl+C y su mensaje."""
    carpeta = tmp_path / "monterrey"
    shutil.copytree(MONTERREY, carpeta)
    proceso = subprocess.Popen(
        [str(COMANDO), "editar", str(carpeta), "--fecha-corte", FECHA_EJEMPLOS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert proceso.stdout is not None
    lineas = [proceso.stdout.readline() for _ in range(3)]
    assert lineas[0] == "Editor del proceso «monterrey» abierto en esta dirección:\n", lineas
    assert lineas[2] == (
        "Ábrela en tu navegador; solo funciona en esta computadora. Ctrl+C para detenerlo.\n"
    )
    coincidencia = re.fullmatch(
        r"  http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{43})\n", lineas[1]
    )
    assert coincidencia, lineas[1]
    yield Abierto(carpeta, int(coincidencia[1]), coincidencia[2], proceso)
    proceso.send_signal(signal.SIGINT)
    salida, errores = proceso.communicate(timeout=30)
    assert (proceso.returncode, salida, errores) == (
        0,
        "\nEditor detenido. Lo que guardaste quedó en los archivos del proceso.\n",
        "",
    )


def _chromium_disponible() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.is_file()


@pytest.mark.skipif(
    not _chromium_disponible(),
    reason="Falta Chromium (apt-get install chromium; .ci/run lo instala) o playwright",
)
def test_registrar_avance_en_el_navegador(editor: Abierto, caja_ga: CajaGa) -> None:
    from playwright.sync_api import expect, sync_playwright

    archivo = editor.carpeta / REPORTE
    original = archivo.read_text(encoding="utf-8")
    with sync_playwright() as p:
        navegador = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        pagina = navegador.new_page()
        otros: list[str] = []
        consola: list[str] = []
        pagina.on(
            "request",
            lambda pedido: (
                None
                if pedido.url.startswith(f"http://127.0.0.1:{editor.puerto}/")
                else otros.append(pedido.url)
            ),
        )
        pagina.on("console", lambda mensaje: consola.append(mensaje.text))
        pagina.goto(editor.url)
        expect(pagina.locator("html")).to_have_attribute("lang", "es")
        pagina.get_by_role("link", name=REPORTE).click()
        expect(pagina.get_by_role("heading", level=1)).to_have_text(f"Editar «{REPORTE}»")

        # c1-a3 es la tercera actividad del reporte.
        avance = pagina.get_by_role("group", name="Actividades: n.º 3 (c1-a3)").get_by_label(
            "Avance", exact=True
        )
        expect(avance).to_have_value("60")
        avance.fill("150")
        error = pagina.locator("#error\\.actividades\\.2\\.avance")
        mensaje = (
            "Error GA401: El avance de la actividad «c1-a3» es «150», fuera de 0 a 100; escribe "
            "el porcentaje de avance como un número de 0 a 100."
        )
        expect(error).to_have_text(mensaje)
        expect(avance).to_have_attribute("aria-invalid", "true")
        expect(avance).to_have_attribute(
            "aria-describedby", "ayuda.actividades.2.avance error.actividades.2.avance"
        )
        resumen = pagina.locator("#resumen")
        expect(resumen.get_by_role("heading")).to_have_text("1 error en este archivo")
        enlace = resumen.get_by_role("link")
        expect(enlace).to_have_attribute("href", "#campo.actividades.2.avance")
        enlace.focus()
        pagina.keyboard.press("Enter")
        expect(avance).to_be_focused()

        avance.fill("75")
        expect(error).to_have_text("")
        expect(avance).to_have_attribute("aria-invalid", "false")
        expect(resumen).to_be_hidden()

        # Una evidencia nueva para la misma actividad, con el teclado.
        grupo = pagina.get_by_role("group", name="Actividades: n.º 3 (c1-a3)")
        grupo.get_by_role("button", name="Agregar a «Evidencias»").focus()
        pagina.keyboard.press("Enter")
        nueva = grupo.get_by_role("group", name="Evidencias: n.º 2")
        expect(nueva).to_be_focused()
        pagina.keyboard.press("Tab")
        expect(nueva.get_by_label("Descripción")).to_be_focused()
        pagina.keyboard.type("Actas de instalación de 15 sensores")
        pagina.keyboard.press("Tab")  # su ayuda no es un control: el foco pasa a la dirección
        pagina.keyboard.type("https://www.monterrey.gob.mx/sensores-3.pdf")
        pagina.get_by_role("button", name="Guardar", exact=True).click()
        expect(pagina.locator("#estado")).to_have_text(f"Cambios guardados en «{REPORTE}».")
        assert consola == [], consola
        navegador.close()
    assert otros == [], otros

    viejo = (
        "        url: https://www.monterrey.gob.mx/transparencia/gobierno-abierto/evidencias/"
        "c1-a3-actas-sensores-2.pdf\n"
    )
    esperado = original.replace("    avance: 60\n", "    avance: 75\n").replace(
        viejo,
        viejo
        + "      - descripcion: Actas de instalación de 15 sensores\n"
        + "        url: https://www.monterrey.gob.mx/sensores-3.pdf\n",
    )
    assert esperado != original
    assert archivo.read_text(encoding="utf-8") == esperado
    resultado = caja_ga("validar", str(editor.carpeta), "--fecha-corte", FECHA_EJEMPLOS)
    assert resultado.returncode == 0, resultado.stdout


def test_guardar_sin_cambios_no_cambia_nada_y_rechaza_si_el_archivo_cambio(
    editor: Abierto,
) -> None:
    archivo = editor.carpeta / REPORTE
    original = archivo.read_bytes()
    _, _, html = editor.pedir("GET", editor.editar(REPORTE))
    (huella,) = re.findall(r'name="_huella" value="([0-9a-f]{64})"', html)
    cuerpo = urlencode(
        {"_huella": huella, "_accion": "guardar", "revisado_en": "2026-06-08-seguimiento"}
    ).encode()

    archivo.write_bytes(original + b"# una linea agregada en otro editor\n")
    # Revisar o agregar no cambian la huella que lleva el formulario: sigue la de su apertura.
    revisar = urlencode({"_huella": huella, "_accion": "agregar:actividades"}).encode()
    estado, _, pagina = editor.pedir("POST", editor.editar(REPORTE), revisar)
    assert (estado, re.findall(r'name="_huella" value="([0-9a-f]{64})"', pagina)) == (200, [huella])
    estado, _, pagina = editor.pedir("POST", editor.editar(REPORTE), cuerpo)
    assert estado == 409
    assert "el archivo cambió en el disco desde que se leyó" in pagina
    assert archivo.read_bytes() == original + b"# una linea agregada en otro editor\n"

    archivo.write_bytes(original)
    estado, encabezados, _ = editor.pedir("POST", editor.editar(REPORTE), cuerpo)
    assert estado == 303, encabezados
    assert archivo.read_bytes() == original.replace(
        b"revisado_en: 2026-11-09-seguimiento", b"revisado_en: 2026-06-08-seguimiento"
    )


def test_pedidos_rechazados(editor: Abierto, tmp_path: Path) -> None:
    fuera = tmp_path / "secreto.yaml"
    fuera.write_text("version: 1\nclave: secreta\n", encoding="utf-8")
    (editor.carpeta / "sesiones" / "enlace.yaml").symlink_to(fuera)
    (editor.carpeta / "notas.yml").write_text("hola: 1\n", encoding="utf-8")
    sin_token = (
        "Pedido rechazado: falta el código de acceso o no es el correcto. Abre la dirección "
        "completa (con «?token=…») que mostró «caja-ga editar» en la terminal.\n"
    )

    def fuera_del_proceso(relativa: str) -> str:
        return (
            f"No se abre «{relativa}»: está fuera de la carpeta del proceso. El editor solo "
            "abre los archivos del proceso.\n"
        )

    casos = [
        ("GET", "/", {}, None, 403, sin_token),
        ("GET", f"/?token={editor.token}x", {}, None, 403, sin_token),
        ("GET", "/estatico/editar.js", {}, None, 403, sin_token),
        (
            "GET",
            f"/?token={editor.token}",
            {"Host": f"ejemplo.invalid:{editor.puerto}"},
            None,
            403,
            "Pedido rechazado: la dirección no es la del editor. Abre la dirección "
            "http://127.0.0.1:… que mostró «caja-ga editar» en la terminal.\n",
        ),
        (
            "POST",
            editor.editar(REPORTE),
            {"Origin": "http://ejemplo.invalid"},
            b"_accion=revisar",
            403,
            "Pedido rechazado: viene de otra página. Solo la página del editor puede guardar "
            "cambios.\n",
        ),
        (
            "GET",
            editor.editar("../secreto.yaml"),
            {},
            None,
            403,
            fuera_del_proceso("../secreto.yaml"),
        ),
        ("GET", editor.editar(str(fuera)), {}, None, 403, fuera_del_proceso(str(fuera))),
        (
            "GET",
            editor.editar("sesiones/enlace.yaml"),
            {},
            None,
            403,
            fuera_del_proceso("sesiones/enlace.yaml"),
        ),
        (
            "GET",
            editor.editar("notas.yml"),
            {},
            None,
            404,
            "«notas.yml» no es un archivo del proceso que este editor conozca; vuelve a la "
            "lista de archivos.\n",
        ),
        (
            "POST",
            editor.editar(REPORTE),
            {"Content-Length": str(64 * 1024 * 1024)},
            b"",
            413,
            "El formulario pesa más de 4 MB; no se recibió.\n",
        ),
        (
            "DELETE",
            f"/?token={editor.token}",
            {},
            None,
            405,
            "El editor solo atiende GET y POST.\n",
        ),
    ]
    for metodo, ruta, encabezados, cuerpo, esperado, texto in casos:
        estado, _, respuesta = editor.pedir(metodo, ruta, cuerpo, encabezados)
        assert (estado, respuesta) == (esperado, texto), ruta
    assert fuera.read_text(encoding="utf-8") == "version: 1\nclave: secreta\n"


def test_encabezados_de_la_pagina(editor: Abierto) -> None:
    estado, encabezados, html = editor.pedir("GET", editor.editar(REPORTE))
    assert estado == 200
    assert encabezados["Content-Security-Policy"] == (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    assert encabezados["Referrer-Policy"] == "same-origin"
    assert encabezados["X-Content-Type-Options"] == "nosniff"
    assert '<html lang="es">' in html
    assert (
        "<script>" not in html and " style=" not in html and " on" not in html.replace(" one", "")
    )
    # Cada control tiene su etiqueta.
    controles = set(re.findall(r'<(?:input|select|textarea) id="([^"]+)"', html))
    etiquetas = set(re.findall(r'<label for="([^"]+)"', html))
    assert controles and controles == etiquetas


def test_puerto_ocupado(editor: Abierto, caja_ga: CajaGa) -> None:
    resultado = caja_ga("editar", str(editor.carpeta), "--puerto", str(editor.puerto))
    assert resultado.returncode == 2
    assert resultado.stderr.startswith(
        f"Error: No se pudo abrir el editor en el puerto {editor.puerto}"
    )


class _Campos(HTMLParser):
    """Lo que un navegador sin JavaScript enviaría con el formulario: cada input (las casillas,
    solo si están marcadas), el option elegido de cada select y el texto de cada textarea."""

    def __init__(self) -> None:
        super().__init__()
        self.pares: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, etiqueta: str, atributos: list[tuple[str, str | None]]) -> None:
        datos = {clave: valor or "" for clave, valor in atributos}
        if etiqueta == "input" and "name" in datos:
            if datos.get("type") != "checkbox" or "checked" in datos:
                self.pares.append((datos["name"], datos.get("value", "")))
        elif etiqueta == "select":
            self._select = datos["name"]
        elif etiqueta == "option" and self._select and "selected" in datos:
            self.pares.append((self._select, datos["value"]))
        elif etiqueta == "textarea":
            self._textarea = datos["name"]
            self.pares.append((self._textarea, ""))

    def handle_endtag(self, etiqueta: str) -> None:
        if etiqueta == "select":
            self._select = None
        elif etiqueta == "textarea":
            self._textarea = None

    def handle_data(self, datos: str) -> None:
        if self._textarea is not None:
            nombre, antes = self.pares[-1]
            self.pares[-1] = (nombre, antes + datos)


def _enviar_tal_cual(editor: Abierto, archivo: str, accion: str = "guardar") -> tuple[int, str]:
    estado, _, html = editor.pedir("GET", editor.editar(archivo))
    assert estado == 200, html
    lector = _Campos()
    lector.feed(html)
    cuerpo = urlencode([*lector.pares, ("_accion", accion)]).encode()
    estado, _, respuesta = editor.pedir("POST", editor.editar(archivo), cuerpo)
    return estado, respuesta


@pytest.mark.parametrize(
    "ejemplo", ["monterrey-2024-2027", "puebla-2024-2027", "zapopan-2024-2027"]
)
def test_guardar_sin_cambios_deja_cada_archivo_identico(editor: Abierto, ejemplo: str) -> None:
    """Cada clase de archivo (integrantes, sesiones, acuerdos, compromisos, metas, actividades,
    avances…) pasa por el formulario completo y vuelve idéntica, comentarios incluidos."""
    # El editor sirve una sola carpeta: el ejemplo se copia en ella.
    shutil.rmtree(editor.carpeta)
    shutil.copytree(EJEMPLOS / ejemplo, editor.carpeta)
    archivos = sorted(
        p.relative_to(editor.carpeta).as_posix() for p in editor.carpeta.rglob("*.yaml")
    )
    assert len(archivos) >= 10
    for archivo in archivos:
        antes = (editor.carpeta / archivo).read_bytes()
        estado, respuesta = _enviar_tal_cual(editor, archivo)
        assert estado == 303, (archivo, respuesta)
        assert (editor.carpeta / archivo).read_bytes() == antes, archivo


def _campos(editor: Abierto, archivo: str) -> list[tuple[str, str]]:
    estado, _, html = editor.pedir("GET", editor.editar(archivo))
    assert estado == 200, html
    lector = _Campos()
    lector.feed(html)
    return lector.pares


def _cambiar(pares: list[tuple[str, str]], nombre: str, valor: str) -> list[tuple[str, str]]:
    assert nombre in dict(pares), nombre
    return [(n, valor if n == nombre else v) for n, v in pares]


def test_sin_javascript_revisar_rechazar_y_quitar(editor: Abierto) -> None:
    """Sin JavaScript el formulario hace lo mismo con sus botones: «Revisar» marca el campo,
    «Guardar» se niega mientras el cambio deje un error nuevo y «Quitar» saca un elemento."""
    archivo = editor.carpeta / REPORTE
    original = archivo.read_text(encoding="utf-8")
    pares = _cambiar(_campos(editor, REPORTE), "actividades.2.avance", "150")
    mensaje = (
        "Error GA401: El avance de la actividad «c1-a3» es «150», fuera de 0 a 100; escribe el "
        "porcentaje de avance como un número de 0 a 100."
    )
    estado, _, html = editor.pedir(
        "POST", editor.editar(REPORTE), urlencode([*pares, ("_accion", "revisar")]).encode()
    )
    assert estado == 200
    assert (
        '<input id="campo.actividades.2.avance" name="actividades.2.avance" value="150"\n'
        ' type="text" inputmode="decimal" autocomplete="off" aria-describedby="ayuda.actividades'
        '.2.avance error.actividades.2.avance" aria-invalid="true">\n'
        f'<div class="mensajes" id="error.actividades.2.avance"><p class="error">{mensaje}</p>'
        "</div>"
    ) in html
    assert f'<li><a href="#campo.actividades.2.avance">{mensaje}</a></li>' in html

    estado, _, html = editor.pedir(
        "POST", editor.editar(REPORTE), urlencode([*pares, ("_accion", "guardar")]).encode()
    )
    assert estado == 422
    assert "No se guardó: el cambio deja 1 error que el archivo no tenía." in html
    assert archivo.read_text(encoding="utf-8") == original

    # Quitar la primera de las dos evidencias de c1-a2 y guardar.
    pares = _campos(editor, REPORTE)
    estado, _, html = editor.pedir(
        "POST",
        editor.editar(REPORTE),
        urlencode([*pares, ("_accion", "quitar:actividades.1.evidencias.0")]).encode(),
    )
    assert estado == 200
    lector = _Campos()
    lector.feed(html)
    assert archivo.read_text(encoding="utf-8") == original  # quitar aún no guarda
    estado, _, _ = editor.pedir(
        "POST", editor.editar(REPORTE), urlencode([*lector.pares, ("_accion", "guardar")]).encode()
    )
    assert estado == 303
    quitadas = (
        "      - descripcion: Tablero de calidad del aire por sector\n"
        "        url: https://aire.monterrey.gob.mx/\n"
    )
    assert quitadas in original
    assert archivo.read_text(encoding="utf-8") == original.replace(quitadas, "", 1)


def _crudo(editor: Abierto, pedido: bytes) -> tuple[int | None, str]:
    """Un pedido HTTP/1.0 escrito a mano (lo que `http.client` no deja mandar): estado y cuerpo;
    sin estado (None) si la respuesta es solo el cuerpo, como en HTTP/0.9."""
    with socket.create_connection(("127.0.0.1", editor.puerto), timeout=30) as conexion:
        conexion.sendall(pedido)
        respuesta = b""
        while trozo := conexion.recv(65536):
            respuesta += trozo
    if not respuesta.startswith(b"HTTP/"):
        return None, respuesta.decode("utf-8")
    cabeza, _, cuerpo = respuesta.partition(b"\r\n\r\n")
    return int(cabeza.split(b" ", 2)[1]), cuerpo.decode("utf-8")


def test_pedidos_mal_formados_se_contestan_en_espanol(editor: Abierto) -> None:
    """Lo que `http.server` rechaza por su cuenta, las cifras que no son 0-9 y un navegador que
    corta la conexión: respuestas en español, sin «Error interno» ni trazas en la terminal (el
    fixture exige la terminal limpia al cerrar)."""
    host = f"Host: 127.0.0.1:{editor.puerto}\r\n".encode()
    formulario = editor.editar(REPORTE).encode()
    nueves = "9" * 5000
    cuerpo = f"_accion=quitar:actividades.{nueves}&actividades.\u00b2.avance=1".encode()
    casos = [
        (
            b"GET /" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n",
            414,
            "La dirección es demasiado larga; el editor no la leyó.\n",
        ),
        (
            b"GET / HTTP/1.0\r\n" + b"X: 1\r\n" * 101 + b"\r\n",
            431,
            "El pedido trae demasiados encabezados, o muy largos; el editor no lo leyó.\n",
        ),
        (b"BORRAR / HTTP/1.0\r\n\r\n", 501, "El editor solo atiende GET y POST.\n"),
        (
            b"GET / HTTP/9.9\r\n\r\n",
            None,
            "El pedido no se pudo leer. Abre la dirección que mostró «caja-ga editar» en la "
            "terminal.\n",
        ),
        (
            b"POST " + formulario + b" HTTP/1.0\r\n" + host + b"Content-Length: \xb2\r\n\r\n",
            411,
            "Falta el tamaño del formulario.\n",
        ),
    ]
    for pedido, esperado, texto in casos:
        assert _crudo(editor, pedido) == (esperado, texto), pedido[:40]
    estado, _, pagina = editor.pedir("POST", editor.editar(REPORTE), cuerpo)
    assert (estado, "Error interno" in pagina) == (200, False), pagina
    # Una conexión cortada a medio pedido (RST) no deja la traza de `socketserver` en inglés.
    with socket.create_connection(("127.0.0.1", editor.puerto), timeout=30) as conexion:
        conexion.sendall(b"GET / HT")
        conexion.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    estado, _, _ = editor.pedir("GET", f"/?token={editor.token}")
    assert estado == 200


def test_agregar_solo_a_las_listas_del_formulario(editor: Abierto) -> None:
    """Un «agregar:» o «quitar:» que no nombra una lista del formulario deja la página igual que
    «revisar»: un campo de texto o un número no se vuelven lista."""
    paginas = {
        accion: editor.pedir(
            "POST", editor.editar(REPORTE), urlencode({"_accion": accion}).encode()
        )
        for accion in (
            "revisar",
            "agregar:revisado_en",
            "agregar:actividades.0.avance",
            "quitar:fecha_corte.0",
        )
    }
    revisada = paginas.pop("revisar")
    assert revisada[0] == 200
    assert {accion: (p[0], p[2]) for accion, p in paginas.items()} == dict.fromkeys(
        paginas, (200, revisada[2])
    )


def test_un_archivo_ilegible_no_se_abre(editor: Abierto) -> None:
    (editor.carpeta / "diagnostico.yaml").write_text(
        "version: 1\nfecha: 2025-01-10\nfecha: 2025-01-11\n", encoding="utf-8"
    )
    estado, _, texto = editor.pedir("GET", editor.editar("diagnostico.yaml"))
    assert (estado, texto) == (
        422,
        "«diagnostico.yaml» no se puede abrir en el formulario hasta corregir en un editor de "
        "texto lo que impide leerlo:\n  línea 3: La clave «fecha» está repetida (ya aparece en "
        "la línea 2); deja una sola.\n",
    )


def test_un_andamio_se_llena_sin_perder_sus_comentarios(
    editor: Abierto, caja_ga: CajaGa, tmp_path: Path
) -> None:
    """Los archivos de `caja-ga init` escriben `null` con un comentario al lado: guardar sin
    cambios los deja idénticos, y un campo que se llena cambia solo su renglón."""
    andamio = tmp_path / "andamio"
    resultado = caja_ga(
        "init", str(andamio), "--municipio", "14120", "--periodo", "2024-2027", "--sin-preguntas"
    )
    assert resultado.returncode == 0, resultado.stderr
    shutil.rmtree(editor.carpeta)
    shutil.copytree(andamio, editor.carpeta)
    archivos = sorted(p.relative_to(andamio).as_posix() for p in andamio.rglob("*.yaml"))
    assert archivos == [
        "agenda2030.yaml",
        "cocreacion.yaml",
        "diagnostico.yaml",
        "espacio.yaml",
        "evaluacion.yaml",
        "nucleo.yaml",
        "plan.yaml",
        "proceso.yaml",
    ]
    for archivo in archivos:
        estado, respuesta = _enviar_tal_cual(editor, archivo)
        assert estado == 303, (archivo, respuesta)
        assert (editor.carpeta / archivo).read_bytes() == (andamio / archivo).read_bytes()

    pares = _cambiar(_campos(editor, "proceso.yaml"), "enlace.nombre", "Ana María Pérez")
    pares = _cambiar(pares, "enlace.telefono", "33 3818 2200")
    cuerpo = urlencode([*pares, ("_accion", "guardar")]).encode()
    estado, _, respuesta = editor.pedir("POST", editor.editar("proceso.yaml"), cuerpo)
    assert estado == 303, respuesta
    original = (andamio / "proceso.yaml").read_text(encoding="utf-8")
    esperado = original.replace("  nombre: null\n", "  nombre: Ana María Pérez\n", 1).replace(
        "  telefono: null\n", "  telefono: 33 3818 2200\n", 1
    )
    assert esperado.count("Ana María Pérez") == 1
    assert (editor.carpeta / "proceso.yaml").read_text(encoding="utf-8") == esperado


def test_una_carpeta_que_no_es_proceso(caja_ga: CajaGa, tmp_path: Path) -> None:
    (tmp_path / "nada").mkdir()
    resultado = caja_ga("editar", "nada", cwd=tmp_path)
    assert (resultado.returncode, resultado.stdout, resultado.stderr) == (
        2,
        "",
        "Error: «nada» no es una carpeta de proceso ni está dentro de una: no tiene "
        "proceso.yaml. Crea una con «caja-ga init» o indica la carpeta correcta.\n",
    )


def test_casillas_de_una_lista_de_opciones(editor: Abierto) -> None:
    """`grupos` se marca con casillas; las que ya estaban conservan su orden en el archivo."""
    estado, _, html = editor.pedir("GET", editor.editar("nucleo.yaml"))
    assert estado == 200
    assert (
        '<div class="casilla"><input id="campo.integrantes.0.grupos.2" type="checkbox" '
        'name="integrantes.0.grupos" value="jovenes" checked> <label for="campo.integrantes.0.'
        'grupos.2">jovenes</label></div>'
    ) in html
    pares = [
        par for par in _campos(editor, "nucleo.yaml") if par != ("integrantes.0.grupos", "jovenes")
    ]
    pares.append(("integrantes.0.grupos", "indigenas"))
    cuerpo = urlencode([*pares, ("_accion", "guardar")]).encode()
    estado, _, respuesta = editor.pedir("POST", editor.editar("nucleo.yaml"), cuerpo)
    assert estado == 303, respuesta
    original = (MONTERREY / "nucleo.yaml").read_text(encoding="utf-8")
    assert (editor.carpeta / "nucleo.yaml").read_text(encoding="utf-8") == original.replace(
        "    grupos: [jovenes, mujeres]\n", "    grupos: [mujeres, indigenas]\n", 1
    )
