"""`caja-ga exportar --formato ogp`: el plan en la estructura de la plantilla de compromisos de la
Alianza para el Gobierno Abierto (OGP), en DOCX o Markdown.

Cada compromiso del plan vigente (sin los retirados) es una sección con las preguntas de la
plantilla: definición del problema, descripción del compromiso, análisis, planeación (tabla de
hitos) y actores. Cada respuesta sale de un campo de plan.yaml; donde la plantilla pide algo que
plan.yaml no registra, se dice «Sin información en plan.yaml» en vez de inventarlo. Los textos
se copian tal como están escritos; en Markdown se escapan para que nada se lea como HTML.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from caja_ga.andamio import guardar
from caja_ga.archivos import ruta_visible
from caja_ga.errores import ErrorDeUso
from caja_ga.hojas.exportar import no_pisar, plan_legible
from caja_ga.hojas.libro import NO_XML
from caja_ga.modelos.plan import Compromiso
from caja_ga.nuevo import carpeta_de_proceso
from caja_ga.proceso import CarpetaProceso, cargar_proceso
from caja_ga.reporte.etiquetas import SECTORES, VALORES
from caja_ga.vista import Vista

SIN_INFORMACION: Final = "Sin información en plan.yaml"
ENCABEZADOS_PLANEACION: Final = (
    "Hitos",
    "Productos esperados",
    "Fecha de término esperada",
    "Actores (responsables)",
)
ENCABEZADOS_ACTORES: Final = ("Papel", "Actor", "Sector")
# Los valores por los que pregunta el análisis de la plantilla, en su orden.
_ANALISIS: Final = (
    ("transparencia", "¿Cómo contribuirá el compromiso a promover la transparencia?"),
    ("rendicion_cuentas", "¿Cómo contribuirá el compromiso a promover la rendición de cuentas?"),
    ("participacion", "¿Cómo contribuirá el compromiso a promover la participación ciudadana?"),
)


@dataclass(frozen=True, slots=True)
class Pregunta:
    pregunta: str
    respuestas: tuple[str, ...]  # un párrafo o una viñeta por elemento
    lista: bool = False


@dataclass(frozen=True, slots=True)
class Apartado:
    titulo: str
    preguntas: tuple[Pregunta, ...] = ()
    tabla: tuple[tuple[str, ...], ...] = ()  # encabezados y filas


@dataclass(frozen=True, slots=True)
class FichaOgp:
    """Un compromiso en la estructura de la plantilla."""

    titulo: str
    apartados: tuple[Apartado, ...]


@dataclass(frozen=True, slots=True)
class DocumentoOgp:
    titulo: str
    datos: tuple[tuple[str, str], ...]  # periodo, objetivo general…
    fichas: tuple[FichaOgp, ...]


def _o_sin(texto: str | None) -> str:
    return texto.strip() if texto and texto.strip() else SIN_INFORMACION


def _textos(valor: str | list[str] | None) -> tuple[str, ...]:
    if isinstance(valor, list):
        elementos = tuple(v for v in valor if v and v.strip())
        return elementos or (SIN_INFORMACION,)
    return (_o_sin(valor),)


def ficha(compromiso: Compromiso) -> FichaOgp:
    problema = compromiso.problema_publico
    causas = problema.causas if problema else []
    analisis = tuple(
        Pregunta(
            pregunta,
            (
                f"El compromiso declara «{VALORES[valor]}» entre sus valores; plan.yaml no "
                f"explica cómo la promueve: {SIN_INFORMACION}."
                if valor in compromiso.valores
                else SIN_INFORMACION,
            ),
        )
        for valor, pregunta in _ANALISIS
    )
    hitos = tuple(
        (
            _o_sin(actividad.descripcion),
            _o_sin(actividad.entregable),
            actividad.fin.isoformat() if actividad.fin else SIN_INFORMACION,
            "; ".join(actividad.responsables) or SIN_INFORMACION,
        )
        for actividad in compromiso.actividades
        if not actividad.retirada
    )
    return FichaOgp(
        f"{compromiso.id}. {_o_sin(compromiso.titulo)}",
        (
            Apartado(
                "Definición del problema",
                (
                    Pregunta(
                        "¿Cuál es el problema que el compromiso aborda?",
                        (_o_sin(problema.descripcion if problema else None),),
                    ),
                    Pregunta(
                        "¿Cuáles son las causas del problema?",
                        _textos(causas),
                        lista=bool(causas),
                    ),
                ),
            ),
            Apartado(
                "Descripción del compromiso",
                (
                    Pregunta(
                        "¿Qué se ha hecho hasta ahora para resolver el problema?",
                        (SIN_INFORMACION,),
                    ),
                    Pregunta("¿Cuál es la solución propuesta?", (_o_sin(compromiso.solucion),)),
                    Pregunta(
                        "¿Qué resultados queremos lograr con la implementación del compromiso?",
                        _textos(compromiso.resultados_esperados),
                        lista=isinstance(compromiso.resultados_esperados, list),
                    ),
                ),
            ),
            Apartado("Análisis del compromiso", analisis),
            Apartado(
                "Planeación del compromiso",
                tabla=(ENCABEZADOS_PLANEACION, *hitos)
                if hitos
                else (ENCABEZADOS_PLANEACION, (SIN_INFORMACION,) * 4),
            ),
            Apartado("Actores responsables y de apoyo", tabla=_actores(compromiso)),
        ),
    )


def _actores(compromiso: Compromiso) -> tuple[tuple[str, ...], ...]:
    responsables = compromiso.responsables
    lider = responsables.lider if responsables else None
    filas: list[tuple[str, ...]] = [
        ("Responsable", _o_sin(lider.area if lider else None), "Gobierno municipal"),
        ("Enlace del responsable", _o_sin(lider.enlace if lider else None), "Gobierno municipal"),
    ]
    for corresponsable in responsables.corresponsables if responsables else []:
        sector = corresponsable.sector
        filas.append(
            (
                "De apoyo",
                _o_sin(corresponsable.nombre),
                SECTORES.get(sector, sector) if sector else SIN_INFORMACION,
            )
        )
    if len(filas) == 2:
        filas.append(("De apoyo", SIN_INFORMACION, SIN_INFORMACION))
    return (ENCABEZADOS_ACTORES, *filas)


def documento(proceso: CarpetaProceso, fecha: date) -> DocumentoOgp:
    plan_legible(proceso)
    vigente = Vista(proceso, fecha).plan
    assert vigente is not None
    municipio = proceso.proceso.municipio if proceso.proceso else None
    nombre = ", ".join(p for p in (municipio.nombre, municipio.entidad) if p) if municipio else ""
    periodo = (
        f"{vigente.periodo.inicio} a {vigente.periodo.fin}"
        if vigente.periodo and vigente.periodo.inicio and vigente.periodo.fin
        else SIN_INFORMACION
    )
    return DocumentoOgp(
        f"Plan de acción de gobierno abierto de {nombre or proceso.nombre}",
        (
            ("Periodo del plan", periodo),
            ("Objetivo general", _o_sin(vigente.objetivo_general)),
            ("Plan vigente al", fecha.isoformat()),
        ),
        tuple(ficha(c) for c in vigente.compromisos if not c.retirada),
    )


# --- DOCX ------------------------------------------------------------------------------------


def a_docx(doc: DocumentoOgp) -> bytes:
    from docx import Document

    salida = Document()
    salida.core_properties.language = "es-MX"
    salida.core_properties.title = _xml(doc.titulo)
    salida.add_heading(_xml(doc.titulo), level=0)
    for etiqueta, valor in doc.datos:
        parrafo = salida.add_paragraph()
        parrafo.add_run(f"{etiqueta}: ").bold = True
        parrafo.add_run(_xml(valor))
    for una in doc.fichas:
        salida.add_heading(_xml(una.titulo), level=1)
        for apartado in una.apartados:
            salida.add_heading(apartado.titulo, level=2)
            for pregunta in apartado.preguntas:
                salida.add_heading(pregunta.pregunta, level=3)
                for respuesta in pregunta.respuestas:
                    salida.add_paragraph(
                        _xml(respuesta), style="List Bullet" if pregunta.lista else None
                    )
            if apartado.tabla:
                _tabla_docx(salida, apartado.tabla)
    memoria = io.BytesIO()
    salida.save(memoria)
    return memoria.getvalue()


def _xml(texto: str) -> str:
    """Un control invisible (que DOCX no admite) se escribe como «\\x0b»: se ve y no rompe."""
    return NO_XML.sub(lambda control: f"\\x{ord(control.group()):02x}", texto)


def _tabla_docx(salida: object, filas: tuple[tuple[str, ...], ...]) -> None:
    tabla = salida.add_table(rows=len(filas), cols=len(filas[0]))  # type: ignore[attr-defined]
    tabla.style = "Table Grid"
    for i, fila in enumerate(filas):
        for j, texto in enumerate(fila):
            celda = tabla.cell(i, j)
            celda.text = _xml(texto)
            if i == 0:
                for run in celda.paragraphs[0].runs:
                    run.bold = True


# --- Markdown --------------------------------------------------------------------------------


def a_markdown(doc: DocumentoOgp) -> str:
    from caja_ga.reporte import markdown_seguro as ms

    def linea(texto: str) -> str:  # un salto partiría el título o haría de «===» un encabezado
        return ms.escapar(" ".join(texto.split()))

    lineas = [f"# {linea(doc.titulo)}", ""]
    lineas += [f"**{etiqueta}:** {linea(valor)}  " for etiqueta, valor in doc.datos]
    for una in doc.fichas:
        lineas += ["", f"## {linea(una.titulo)}"]
        for apartado in una.apartados:
            lineas += ["", f"### {apartado.titulo}"]
            for pregunta in apartado.preguntas:
                lineas += ["", f"#### {pregunta.pregunta}", ""]
                if pregunta.lista:
                    lineas += [f"- {ms.a_markdown_en_linea(r)}" for r in pregunta.respuestas]
                else:
                    lineas.append("\n\n".join(ms.a_markdown(r) for r in pregunta.respuestas))
            if apartado.tabla:
                encabezados, *filas = apartado.tabla
                lineas += ["", "| " + " | ".join(encabezados) + " |"]
                lineas.append("|" + "---|" * len(encabezados))
                lineas += [
                    "| " + " | ".join(_celda_md(ms.a_markdown_en_linea(c)) for c in fila) + " |"
                    for fila in filas
                ]
    return "\n".join(lineas).rstrip("\n") + "\n"


def _celda_md(texto: str) -> str:
    return texto.replace("|", "\\|")


def exportar_ogp(carpeta: Path, salida: Path, fecha: date, *, forzar: bool = False) -> Path:
    """Escribe el plan en la plantilla de OGP (.docx o .md); nunca sobrescribe sin `forzar`."""
    proceso = cargar_proceso(carpeta_de_proceso(carpeta))
    sufijo = salida.suffix.lower()
    if sufijo not in (".docx", ".md"):
        raise ErrorDeUso(
            f"«{ruta_visible(salida)}»: la plantilla de OGP se escribe en un archivo .docx o .md."
        )
    no_pisar([salida], forzar)
    contenido = documento(proceso, fecha)
    datos = a_docx(contenido) if sufijo == ".docx" else a_markdown(contenido)
    guardar(salida, datos, dentro_de=salida.parent)
    return salida
