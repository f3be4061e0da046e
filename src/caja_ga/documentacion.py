"""La documentación de las reglas, generada del registro: `caja-ga reglas`, la tabla del README y
la referencia docs/reglas.md (`caja-ga reglas --formato markdown`).

`python -m caja_ga.documentacion README.md` rehace las tablas del README entre sus marcas: la de
reglas y la de formas aceptadas (modelos/formas.py).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Final

from caja_ga.reglas import Exigencia, Regla, todas

INICIO_TABLA = "<!-- reglas:inicio (generado por python -m caja_ga.documentacion) -->"
FIN_TABLA = "<!-- reglas:fin -->"
INICIO_FORMAS = "<!-- formas:inicio (generado por python -m caja_ga.documentacion) -->"
FIN_FORMAS = "<!-- formas:fin -->"

DOCUMENTO_REGLAS: Final = "docs/reglas.md"
"""La referencia de reglas, relativa a la raíz del repositorio de caja-ga.

Es relativa porque caja-ga no publica un sitio: el enlace se sigue al leer el repositorio (GitHub y
GitLab muestran el Markdown y saltan al ancla). Si un día lo hay, basta poner aquí su URL completa:
la salida de texto, SARIF y el README la toman de esta constante.
"""


def ancla(codigo: str) -> str:
    """El id de la sección de una regla en docs/reglas.md (`<a id="ga301">`)."""
    return codigo.lower()


def enlace_de_regla(codigo: str, documento: str = DOCUMENTO_REGLAS) -> str:
    return f"{documento}#{ancla(codigo)}"


def buscar_regla(texto: str) -> Regla | None:
    """La regla por su código (`GA401`, `ga401`), su número (`401`, `6` es GA006) o su nombre
    (`avance-incoherente`)."""
    buscado = texto.strip().lower()
    if buscado.isdigit() and len(buscado) <= 3:
        buscado = f"ga{buscado.zfill(3)}"
    return next(
        (r for r in todas().values() if buscado in (r.codigo.lower(), r.nombre)),
        None,
    )


def reglas_parecidas(texto: str) -> list[Regla]:
    """Las reglas de nombre parecido a `texto`, para sugerirlas ante un nombre mal escrito (entre
    códigos, el parecido no dice nada: GA309 no es «casi» GA399)."""
    import difflib

    por_nombre = {r.nombre: r for r in todas().values()}
    cercanos = difflib.get_close_matches(texto.strip().lower(), list(por_nombre), n=3, cutoff=0.6)
    return [por_nombre[nombre] for nombre in cercanos]


def tabla_de_reglas() -> str:
    """El catálogo para la terminal: una línea por regla."""
    reglas = todas().values()
    ancho = max(len(r.nombre) for r in reglas)
    filas = [
        f"{r.codigo}  {_severidad_corta(r):<6}  {r.nombre:<{ancho}}  {r.resumen}" for r in reglas
    ]
    pie = (
        "\nLas reglas marcadas con «*» son error en archivos de fases cumplidas y aviso en "
        "la fase actual.\nDetalle, umbrales y ejemplos: caja-ga reglas GA301 (todas juntas, en "
        f"Markdown: caja-ga reglas --formato markdown, o {DOCUMENTO_REGLAS}).\n"
    )
    return "\n".join(filas) + "\n" + pie


def _severidad_corta(regla: Regla) -> str:
    return regla.severidad.value + ("*" if regla.exigencia is Exigencia.POR_FASE else "")


def tabla_markdown(documento: str) -> str:
    """El catálogo como tabla Markdown; cada código enlaza a su sección en `documento`."""
    filas = [
        f"| [{r.codigo}]({enlace_de_regla(r.codigo, documento)}) | {r.severidad.value} | "
        f"{r.nombre} | {r.resumen} | {_umbrales_en_celda(r)} |"
        for r in todas().values()
    ]
    encabezado = "| código | severidad | nombre | qué revisa | umbrales (por omisión) |"
    return "\n".join([encabezado, "|---|---|---|---|---|", *filas]) + "\n"


def _umbrales_en_celda(regla: Regla) -> str:
    return ", ".join(f"`{u.nombre}`: {u.por_omision}" for u in regla.umbrales)


def _umbrales_en_lista(regla: Regla) -> str:
    """Los umbrales de una regla, para su documentación (texto y Markdown a la vez)."""
    return "\n".join(
        [
            "Umbrales (se cambian en `.caja-ga.yaml`):",
            "",
            *(
                f"- `{u.nombre}`: {u.por_omision} por omisión. {u.descripcion}"
                for u in regla.umbrales
            ),
        ]
    )


def cuerpo_texto(regla: Regla) -> str:
    """El docstring de la regla con sus umbrales entre la explicación y los ejemplos."""
    texto = "\n".join(linea.rstrip() for linea in regla.documentacion.strip().splitlines())
    if not regla.umbrales:
        return texto
    antes, ejemplos = texto.split("\n\nIncorrecto", 1)
    return f"{antes}\n\n{_umbrales_en_lista(regla)}\n\nIncorrecto{ejemplos}"


def documentacion_de_regla(regla: Regla) -> str:
    por_fase = " (según la fase)" if regla.exigencia is Exigencia.POR_FASE else ""
    encabezado = f"{regla.codigo} · {regla.nombre} · {regla.severidad.value}{por_fase}"
    return f"{encabezado}\n{'=' * len(encabezado)}\n\n{cuerpo_texto(regla)}\n"


def explicacion(regla: Regla) -> str:
    """La documentación sin los ejemplos: lo que va antes de «Incorrecto»."""
    return cuerpo_texto(regla).split("\nIncorrecto", 1)[0].strip()


def _bloque_yaml(bloque: list[str]) -> list[str]:
    """Un ejemplo sangrado del docstring como bloque ```yaml; las líneas en blanco del final
    quedan fuera del bloque."""
    if not bloque:
        return []
    codigo = textwrap.dedent("\n".join(bloque)).rstrip("\n").splitlines()
    return ["```yaml", *codigo, "```", *[""] * (len(bloque) - len(codigo))]


def cuerpo_markdown(regla: Regla) -> str:
    """La documentación de una regla en Markdown: los ejemplos, con resaltado de YAML."""
    lineas: list[str] = []
    bloque: list[str] = []
    for linea in cuerpo_texto(regla).splitlines():
        if linea.startswith("    ") or (bloque and not linea):
            bloque.append(linea)
            continue
        lineas.extend(_bloque_yaml(bloque))
        bloque = []
        lineas.append(linea)
    lineas.extend(_bloque_yaml(bloque))
    return "\n".join(lineas) + "\n"


def _severidad_markdown(regla: Regla) -> str:
    match regla.exigencia:
        case Exigencia.POR_FASE:
            return (
                "**error** en los archivos de fases ya cumplidas; **aviso** en los de la fase "
                "actual; no se revisa en fases posteriores."
            )
        case Exigencia.SIEMPRE:
            return f"**{regla.severidad.value}**; se revisa en todo archivo, sea cual sea la fase."
        case Exigencia.CONTENIDO:
            return (
                f"**{regla.severidad.value}**; no se revisa en los archivos de fases a las que el "
                "proceso aún no llega."
            )


def seccion_markdown(regla: Regla) -> str:
    return (
        f'<a id="{ancla(regla.codigo)}"></a>\n\n## {regla.codigo} · {regla.nombre}\n\n'
        f"Severidad por omisión: {_severidad_markdown(regla)} En la terminal: "
        f"`caja-ga reglas {regla.codigo}`.\n\n{cuerpo_markdown(regla)}"
    )


_INTRODUCCION = """\
# Reglas de caja-ga

<!-- Generado con «caja-ga reglas --formato markdown > docs/reglas.md»; no lo edites a mano: una
prueba falla si quedó desactualizado. -->

Cada problema que informa `caja-ga validar` lleva el código de una de estas reglas, con un enlace
a su sección de esta página. La severidad indicada es la de omisión: `.caja-ga.yaml` puede
cambiarla o desactivar la regla, y un comentario `# caja-ga: ignorar GA305` en la línea del
problema (o en la de arriba) la silencia ahí.
"""


def pagina_de_reglas() -> str:
    """La referencia completa (docs/reglas.md): índice y una sección con ancla por regla."""
    secciones = [seccion_markdown(r) for r in todas().values()]
    return "\n".join([_INTRODUCCION, tabla_markdown(""), *secciones])


def html_de_reglas() -> str:
    """La referencia completa en HTML, para publicarla con el sitio del reporte (reglas.html):
    las mismas secciones y anclas que docs/reglas.md. El Markdown es nuestro, así que sus
    anclas `<a id>` pasan tal cual."""
    from markdown_it import MarkdownIt

    lector = MarkdownIt("commonmark", {"html": True}).enable("table")
    html: str = lector.render(pagina_de_reglas())
    return html


def _entre_marcas(texto: str, inicio: str, fin: str, contenido: str) -> str:
    antes, resto = texto.split(inicio, 1)
    _, despues = resto.split(fin, 1)
    return f"{antes}{inicio}\n{contenido}{fin}{despues}"


def actualizar_readme(readme: Path) -> bool:
    """Reescribe las tablas entre sus marcas; devuelve si cambió algo."""
    from caja_ga.modelos.formas import tabla_de_formas

    texto = readme.read_text(encoding="utf-8")
    nuevo = _entre_marcas(texto, INICIO_TABLA, FIN_TABLA, tabla_markdown(DOCUMENTO_REGLAS))
    nuevo = _entre_marcas(nuevo, INICIO_FORMAS, FIN_FORMAS, tabla_de_formas())
    if nuevo != texto:
        readme.write_text(nuevo, encoding="utf-8")
    return nuevo != texto


if __name__ == "__main__":
    actualizar_readme(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
