"""`caja-ga reporte` de punta a punta: páginas doradas, escape de todo texto del usuario, datos
personales, rechazo con errores, determinismo, escritura solo dentro de --salida y la estructura
accesible de la página."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from caja_ga.avance import REGLA_PUBLICADA
from caja_ga.cli import app
from caja_ga.reporte.markdown_seguro import a_html, a_markdown, escapar
from caja_ga.reporte.publicar import Opciones, publicar
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, RAIZ

DORADAS = RAIZ / "tests" / "doradas"
COMANDO = Path(sys.executable).parent / "caja-ga"
runner = CliRunner()


def reportar(*args: str) -> Any:
    return runner.invoke(app, ["reporte", *args, "--fecha-corte", FECHA_EJEMPLOS])


def archivos(carpeta: Path) -> dict[str, bytes]:
    """Todo lo que hay bajo una carpeta: ruta relativa → contenido."""
    return {
        ruta.relative_to(carpeta).as_posix(): ruta.read_bytes()
        for ruta in sorted(carpeta.rglob("*"))
        if ruta.is_file()
    }


def leer_yaml(ruta: Path) -> Any:
    return yaml.safe_load(ruta.read_text(encoding="utf-8"))


def escribir_yaml(ruta: Path, datos: Any) -> None:
    ruta.write_text(yaml.safe_dump(datos, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- Lo que se puede revisar de una página con html.parser --------------------------------------


class Estructura(HTMLParser):
    """Recorre una página y anota lo que las pruebas de estructura y de seguridad revisan."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.titulos: list[tuple[int, str]] = []
        self.etiquetas: list[tuple[str, dict[str, str | None]]] = []
        self.tablas: list[dict[str, int]] = []
        self.svgs: list[dict[str, Any]] = []
        self.scripts: list[str] = []
        self.estilos: list[str] = []
        self.ids: set[str] = set()
        self._titulo: list[str] | None = None
        self._nivel = 0
        self._pila: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        atributos = dict(attrs)
        self.etiquetas.append((tag, atributos))
        if atributos.get("id"):
            self.ids.add(str(atributos["id"]))
        if tag == "html":
            self.lang = atributos.get("lang")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._nivel, self._titulo = int(tag[1]), []
        elif tag == "table":
            self.tablas.append({"caption": 0, "th": 0})
        elif tag in ("caption", "th") and self.tablas:
            self.tablas[-1][tag] += 1
        elif tag == "svg":
            self.svgs.append(
                {
                    "aria-label": atributos.get("aria-label"),
                    "title": False,
                    "profundidad": len(self._pila),
                }
            )
        elif tag == "title" and self.svgs and "svg" in self._pila:
            self.svgs[-1]["title"] = True
        self._pila.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._titulo is not None:
            self.titulos.append((self._nivel, "".join(self._titulo).strip()))
            self._titulo = None
        while self._pila and self._pila.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._titulo is not None:
            self._titulo.append(data)
        if self._pila and self._pila[-1] == "script":
            self.scripts.append(data)
        if self._pila and self._pila[-1] == "style":
            self.estilos.append(data)


def estructura(html: str) -> Estructura:
    analizador = Estructura()
    analizador.feed(html)
    analizador.close()
    return analizador


def revisar_estructura(html: str) -> Estructura:
    """Lo que toda página del reporte cumple (accesibilidad y autocontención)."""
    pagina = estructura(html)
    assert pagina.lang == "es"
    assert [nivel for nivel, _ in pagina.titulos].count(1) == 1
    assert pagina.titulos[0][0] == 1
    for (anterior, _), (nivel, texto) in zip(pagina.titulos, pagina.titulos[1:], strict=False):
        assert nivel <= anterior + 1, f"el título «{texto}» salta del nivel {anterior} al {nivel}"
    assert pagina.tablas, "la página no tiene tablas"
    for tabla in pagina.tablas:
        assert tabla["caption"] == 1 and tabla["th"] > 0, tabla
    for svg in pagina.svgs:
        assert svg["title"] or svg["aria-label"], svg
    revisar_autocontenida(pagina)
    return pagina


def revisar_autocontenida(pagina: Estructura) -> None:
    """Ningún recurso se pide a otro servidor: ni hojas de estilo, ni imágenes, ni scripts."""
    for tag, atributos in pagina.etiquetas:
        assert tag not in ("script", "iframe", "object", "embed"), tag
        if tag == "link":
            assert not str(atributos.get("href", "")).startswith(("http:", "https:", "//")), tag
        for atributo in ("src", "srcset", "poster", "data"):
            assert atributo not in atributos, (tag, atributos)
    for estilo in pagina.estilos:
        assert "@import" not in estilo and "url(" not in estilo


def revisar_inerte(html: str) -> None:
    """Nada ejecutable: ni scripts, ni manejadores de eventos, ni enlaces javascript:, ni img."""
    pagina = estructura(html)
    for tag, atributos in pagina.etiquetas:
        assert tag not in ("script", "img", "iframe"), (tag, atributos)
        for nombre, valor in atributos.items():
            assert not nombre.startswith("on"), (tag, nombre)
            assert not str(valor or "").strip().lower().startswith("javascript:"), (tag, valor)


# --- Páginas doradas -----------------------------------------------------------------------------


def test_monterrey_da_las_paginas_doradas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, actualizar_doradas: bool
) -> None:
    monkeypatch.chdir(RAIZ)
    resultado = reportar("ejemplos/monterrey-2024-2027", "--salida", str(tmp_path / "sitio"))
    assert resultado.exit_code == 0, resultado.output
    carpeta = tmp_path / "sitio" / "monterrey-2024-2027"
    for producido, dorado in (
        ("index.html", "reporte-monterrey.html"),
        ("reporte.md", "reporte-monterrey.md"),
    ):
        texto = (carpeta / producido).read_text(encoding="utf-8")
        if actualizar_doradas:
            (DORADAS / dorado).write_text(texto, encoding="utf-8")
        assert texto == (DORADAS / dorado).read_text(encoding="utf-8"), (
            f"{producido} cambió; si es a propósito, rehaz las doradas con "
            "pytest --actualizar-doradas"
        )


def test_la_pagina_dorada_tiene_todo_lo_que_pide_el_reporte() -> None:
    """Lo que la dorada debe mostrar, para que rehacerla no pueda perder una sección."""
    html = (DORADAS / "reporte-monterrey.html").read_text(encoding="utf-8")
    pagina = revisar_estructura(html)
    titulos = [texto for _, texto in pagina.titulos]
    assert titulos[0] == "Gobierno abierto en Monterrey, Nuevo León"
    for seccion in (
        "Resumen",
        "Cómo se calcula el avance",
        "Línea de tiempo del proceso",
        "Diagnóstico de capacidades",
        "Quiénes participan",
        "Espacio de Diálogo Tripartita",
        "Núcleo de Sociedad Civil",
        "Sesiones",
        "Acuerdos",
        "Plan de acción",
        "Calendario de actividades",
        "Resultados",
        "Agenda 2030: recomendaciones O1–O9",
        "Avisos de validación",
    ):
        assert seccion in titulos, seccion
    assert {f"compromiso-c{n}" for n in range(1, 5)} <= pagina.ids
    # El diagnóstico, el calendario de actividades y los indicadores medidos de seis metas.
    assert len(pagina.svgs) == 8
    assert "75.5 %" in html  # el avance del plan, con el cálculo de caja_ga.avance
    for frase in REGLA_PUBLICADA:  # el recuadro «Cómo se calcula el avance»
        assert frase in html
    assert "Corte: 15 de noviembre de 2026" in html
    assert "Ciudades y comunidades sostenibles" in html  # título en español del ODS 11
    assert "Generar y difundir información ambiental local" in html  # vínculo al PMD
    assert "gobiernoabierto@monterrey.gob.mx" in html  # enlace con contacto_publico: true
    assert "ernesto.salazar@regiosxlatransparencia.org" not in html  # contacto privado
    assert "81 2233 4410" not in html
    assert (
        "<strong>la población no recibe información oportuna por sector ni alertas</strong>" in html
    )  # el Markdown de la descripción del problema
    markdown = (DORADAS / "reporte-monterrey.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Gobierno abierto en Monterrey, Nuevo León\n")
    assert "**Cómo se calcula el avance.**" in markdown
    assert "ernesto.salazar" not in markdown


def test_puebla_en_evaluacion_muestra_las_escalas_del_irm(tmp_path: Path) -> None:
    resultado = reportar(str(EJEMPLOS / "puebla-2024-2027"), "--salida", str(tmp_path))
    assert resultado.exit_code == 0, resultado.output
    html = (tmp_path / "puebla-2024-2027" / "index.html").read_text(encoding="utf-8")
    pagina = revisar_estructura(html)
    assert "Evaluación final" in [texto for _, texto in pagina.titulos]
    assert 'aria-label="Cumplimiento: Completo (4 de 4)"' in html
    assert 'aria-label="¿Abrió el gobierno?: Sobresaliente (5 de 5)"' in html
    assert "No cuenta en el avance" in html  # la actividad cancelada de c3
    markdown = (tmp_path / "puebla-2024-2027" / "reporte.md").read_text(encoding="utf-8")
    assert "| c2: Obra pública abierta en juntas auxiliares | Completo (4 de 4) |" in markdown


# --- Publicar con seguridad ----------------------------------------------------------------------


def _plan_con_texto_hostil(proceso: Path) -> None:
    plan = leer_yaml(proceso / "plan.yaml")
    compromiso = plan["compromisos"][0]
    compromiso["titulo"] = "<script>alert(1)</script>"
    compromiso["problema_publico"]["descripcion"] = (
        "Mira [x](javascript:alert(1)) y <img src=x onerror=alert(2)> y ![foto](https://x.mx/a.png)"
        " y [bien](https://zapopan.gob.mx) y [JS](JAVASCRIPT:alert(3))."
    )
    compromiso["solucion"] = "# Encabezado\n\n<iframe src=https://x.mx></iframe>"
    compromiso["actividades"][0]["descripcion"] = "Publicar | con barra y <b>negritas</b>"
    escribir_yaml(proceso / "plan.yaml", plan)


def test_todo_texto_del_usuario_sale_inerte(proceso: Path, tmp_path: Path) -> None:
    _plan_con_texto_hostil(proceso)
    resultado = reportar(str(proceso), "--salida", str(tmp_path / "sitio"))
    assert resultado.exit_code == 0, resultado.output
    html = (tmp_path / "sitio" / "zapopan" / "index.html").read_text(encoding="utf-8")
    revisar_inerte(html)
    revisar_estructura(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # se ve el texto, no se ejecuta
    assert "[x](javascript:alert(1))" in html  # el enlace javascript: queda como texto plano
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert '<a href="https://zapopan.gob.mx" rel="nofollow">bien</a>' in html
    assert '<a href="https://x.mx/a.png" rel="nofollow">foto</a>' in html  # imagen → enlace
    assert '<p class="md-titulo"><strong>Encabezado</strong></p>' in html
    for otra in (tmp_path / "sitio").rglob("*.html"):  # también el índice
        revisar_inerte(otra.read_text(encoding="utf-8"))

    markdown = (tmp_path / "sitio" / "zapopan" / "reporte.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(script|img|iframe)", markdown)  # solo escapados: «\<img»
    assert not re.search(r"(?<!\\)\]\(\s*javascript:", markdown, re.IGNORECASE)
    # Aun un visor de Markdown que deja pasar HTML crudo lo muestra inerte.
    revisar_inerte(MarkdownIt("commonmark", {"html": True}).render(markdown))
    assert "Publicar \\| con barra" in markdown  # la tabla no se rompe


def test_correos_y_telefonos_solo_con_contacto_publico(proceso: Path, tmp_path: Path) -> None:
    nucleo = leer_yaml(proceso / "nucleo.yaml")
    nucleo["integrantes"][1] |= {"correo": "jovenes.norte@example.org", "telefono": "33 5555 0101"}
    escribir_yaml(proceso / "nucleo.yaml", nucleo)
    espacio = leer_yaml(proceso / "espacio.yaml")
    espacio["integrantes"][2]["suplente"] = {
        "nombre": "Luis Gil",
        "correo": "luis.gil@example.org",
        "telefono": "33 7777 0000",
    }
    escribir_yaml(proceso / "espacio.yaml", espacio)
    privados = (
        "ana.torres@example.org",
        "33 1234 5678",
        "jovenes.norte@example.org",
        "33 5555 0101",
        "luis.gil@example.org",
        "33 7777 0000",
    )

    assert reportar(str(proceso), "--salida", str(tmp_path / "sitio")).exit_code == 0
    publicados = archivos(tmp_path / "sitio")
    assert len(publicados) >= 4  # páginas, documento, índice y datos abiertos
    for nombre, contenido in publicados.items():
        texto = contenido.decode("utf-8")
        for dato in privados:
            assert dato not in texto, f"{dato} aparece en {nombre}"
    for nombre in ("zapopan/index.html", "zapopan/reporte.md"):
        assert "transparencia@zapopan.gob.mx" in publicados[nombre].decode()  # contacto público
        assert "Ana Torres Gil" in publicados[nombre].decode()  # el nombre sí es público

    # Con «contacto_publico: true», el mismo correo sí se publica: decide la marca, no el nombre.
    espacio["integrantes"][2]["contacto_publico"] = True
    escribir_yaml(proceso / "espacio.yaml", espacio)
    assert reportar(str(proceso), "--salida", str(tmp_path / "otro")).exit_code == 0
    html = (tmp_path / "otro" / "zapopan" / "index.html").read_text(encoding="utf-8")
    assert "ana.torres@example.org" in html and "33 1234 5678" in html
    assert "luis.gil@example.org" not in html  # su suplente sigue sin autorizarlo


def test_con_errores_no_escribe_nada_salvo_con_forzar(proceso: Path, tmp_path: Path) -> None:
    plan = leer_yaml(proceso / "plan.yaml")
    plan["compromisos"][0]["ods"] = ["18.1"]  # GA501: no existe el ODS 18
    escribir_yaml(proceso / "plan.yaml", plan)
    salida = tmp_path / "sitio"

    resultado = reportar(str(proceso), "--salida", str(salida))
    assert resultado.exit_code == 1
    assert "No se publicó nada" in resultado.stderr
    assert "caja-ga validar zapopan --fecha-corte 2026-11-15" in resultado.stderr
    assert not salida.exists()

    resultado = reportar(str(proceso), "--salida", str(salida), "--forzar")
    assert resultado.exit_code == 0, resultado.output
    assert "se publicó con 1 error" in resultado.stderr
    html = (salida / "zapopan" / "index.html").read_text(encoding="utf-8")
    assert "este reporte se publicó con 1 error de validación" in html
    assert "GA501" in html
    revisar_estructura(html)


def test_dos_corridas_dan_los_mismos_bytes(tmp_path: Path) -> None:
    repositorio = tmp_path / "repo"
    for ejemplo, destino in (
        ("monterrey-2024-2027", "nuevo-leon/monterrey/2024-2027"),
        ("puebla-2024-2027", "puebla/puebla/2024-2027"),
        ("zapopan-2024-2027", "jalisco/zapopan/2024-2027"),
    ):
        shutil.copytree(EJEMPLOS / ejemplo, repositorio / destino)
    assert reportar(str(repositorio), "--salida", str(tmp_path / "a")).exit_code == 0
    assert reportar(str(repositorio), "--salida", str(tmp_path / "b"), "--jobs", "2").exit_code == 0
    primera, segunda = archivos(tmp_path / "a"), archivos(tmp_path / "b")
    assert primera == segunda
    assert "nuevo-leon/monterrey/2024-2027/index.html" in primera
    html = primera["nuevo-leon/monterrey/2024-2027/index.html"].decode()
    assert 'href="../../../index.html"' in html  # vuelve a la raíz del sitio


def test_solo_escribe_dentro_de_la_salida_y_no_borra_nada(proceso: Path, tmp_path: Path) -> None:
    salida = tmp_path / "sitio"
    (salida / "zapopan").mkdir(parents=True)
    (salida / "LEEME.txt").write_text("mío", encoding="utf-8")
    (salida / "zapopan" / "notas.txt").write_text("también mío", encoding="utf-8")
    fuera = {
        nombre: contenido
        for nombre, contenido in archivos(tmp_path).items()
        if not nombre.startswith("sitio/")
    }

    assert reportar(str(proceso), "--salida", str(salida)).exit_code == 0
    despues = archivos(tmp_path)
    # Fuera de la salida, solo la caché (como la de validar, ignorada por git): lo que permite
    # volver a publicar sin volver a dibujar lo que no cambió.
    cache = {"zapopan/.caja-ga-cache/.gitignore", "zapopan/.caja-ga-cache/reporte.marshal"}
    assert {n for n in despues if not n.startswith("sitio/")} == set(fuera) | cache
    assert {n: c for n, c in despues.items() if n in fuera} == fuera
    assert despues["sitio/LEEME.txt"] == "mío".encode()
    assert despues["sitio/zapopan/notas.txt"] == "también mío".encode()
    assert not [n for n in despues if n.endswith(".tmp")]  # ningún temporal olvidado


def test_errores_de_uso(proceso: Path, tmp_path: Path) -> None:
    sin_salida = runner.invoke(app, ["reporte", str(proceso)])
    assert sin_salida.exit_code == 2 and "Falta --salida" in sin_salida.stderr
    inexistente = reportar("no-existe", "--salida", "sitio")
    assert inexistente.exit_code == 2 and "no existe" in inexistente.stderr
    (tmp_path / "archivo").write_text("x", encoding="utf-8")
    salida_archivo = reportar(str(proceso), "--salida", str(tmp_path / "archivo"))
    assert salida_archivo.exit_code == 2 and "es un archivo" in salida_archivo.stderr
    shutil.copytree(proceso, tmp_path / "otra" / "zapopan")
    repetida = reportar(str(proceso), str(tmp_path / "otra" / "zapopan"), "--salida", "s")
    assert repetida.exit_code == 2 and "misma carpeta «zapopan»" in repetida.stderr
    assert not (tmp_path / "s").exists() and not (tmp_path / "sitio").exists()


def test_un_proceso_recien_creado_se_publica(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    creado = runner.invoke(
        app, ["init", "nuevo", "--municipio", "14120", "--periodo", "2024-2027", "--sin-preguntas"]
    )
    assert creado.exit_code == 0, creado.output
    resultado = reportar("nuevo", "--salida", "sitio")
    assert resultado.exit_code == 0, resultado.output
    html = (tmp_path / "sitio" / "nuevo" / "index.html").read_text(encoding="utf-8")
    revisar_estructura(html)
    assert "aún no tiene plan de acción" in html


def test_con_errores_forzado_no_falla_con_datos_rotos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(RAIZ)
    resultado = reportar("ejemplos/con-errores", "--salida", str(tmp_path), "--forzar")
    assert resultado.exit_code == 0, resultado.output
    revisar_estructura((tmp_path / "con-errores" / "index.html").read_text(encoding="utf-8"))


def test_avisa_el_avance_de_cada_proceso(tmp_path: Path) -> None:
    vistos: list[tuple[int, int]] = []
    opciones = Opciones(date.fromisoformat(FECHA_EJEMPLOS), forzar=True, jobs=2)
    publicacion = publicar(
        [EJEMPLOS], tmp_path, opciones, lambda hechos, total: vistos.append((hechos, total))
    )
    assert not publicacion.rechazada
    assert vistos == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_el_comando_instalado_publica(tmp_path: Path) -> None:
    resultado = subprocess.run(
        [
            str(COMANDO),
            "reporte",
            str(EJEMPLOS / "monterrey-2024-2027"),
            "--fecha-corte",
            FECHA_EJEMPLOS,
            "--salida",
            "sitio",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    assert resultado.returncode == 0, resultado.stderr
    # Lo escrito, por grupos: el reporte primero; el sitio, la coordinación y los datos contados.
    assert resultado.stdout.splitlines() == [
        "Reporte de 1 proceso con fecha de corte 2026-11-15, en sitio/:",
        "  escrito  sitio/monterrey-2024-2027/index.html (y su reporte.md)",
        "  escrito  sitio/index.html (índice de procesos y 5 páginas más)",
        "  escrito  sitio/coordinacion/ (cobertura y estándares mínimos: 33 archivos)",
        "  escrito  sitio/datos/ (datos abiertos: 11 archivos)",
        "0 avisos de validación, listados en cada reporte.",
    ]
    assert len(list((tmp_path / "sitio" / "coordinacion").iterdir())) == 33
    assert len(list((tmp_path / "sitio" / "datos").iterdir())) == 11
    assert (tmp_path / "sitio" / "datos").is_dir()
    assert (tmp_path / "sitio" / "index.html").is_file()


# --- Markdown seguro -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texto",
    [
        "[x](javascript:alert(1))",
        "[x]( JaVaScRiPt:alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "<a href='javascript:alert(1)'>x</a>",
    ],
)
def test_solo_enlaces_http_https_y_mailto(texto: str) -> None:
    assert "<a" not in a_html(texto)
    assert "<a" not in MarkdownIt("commonmark", {"html": True}).render(a_markdown(texto))


def test_el_markdown_reescrito_conserva_el_formato() -> None:
    texto = (
        "Texto con **negritas**, *cursivas* y [un enlace](https://a.mx/b_(c)).\n\n"
        "- uno\n- dos\n\n1. primero\n2. segundo\n\n> cita\n\n`código`\n\n"
        "[correo](mailto:a@b.mx)"
    )
    reescrito = a_markdown(texto)
    assert a_html(reescrito) == a_html(texto).replace("b_(c)", "b_%28c%29")
    assert escapar("1. <b>a_b</b> | #x") == "1\\. \\<b\\>a\\_b\\</b\\> \\| \\#x"


def test_las_plantillas_del_reporte_caben_en_120_columnas() -> None:
    """Una línea larga sigue en la siguiente tras una etiqueta de bloque o con `{#~#}` al final
    (Jinja quita ese salto de línea), así que partirla no cambia la página."""
    plantillas = Path(__file__).parents[1] / "plantillas" / "reporte"
    largas = [
        f"{ruta.relative_to(plantillas)}:{numero} ({len(linea)})"
        for ruta in sorted(plantillas.rglob("*.jinja"))
        for numero, linea in enumerate(ruta.read_text(encoding="utf-8").splitlines(), 1)
        if len(linea) > 120
    ]
    assert largas == []
