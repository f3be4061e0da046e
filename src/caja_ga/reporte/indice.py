"""El índice entre procesos: la misma tabla en varios órdenes y la cobertura de los ODS.

Páginas HTML autocontenidas (CSS en línea, sin JavaScript ni peticiones externas) que se publican
junto al reporte de cada proceso, `<carpeta>/index.html`. Sin JavaScript, la tabla «se ordena» con
vistas ya renderizadas: `index.html` agrupa por entidad y las demás ordenan por avance, fase o
última actualización; una navegación común las enlaza. Misma entrada, mismos bytes: los empates
se deciden por carpeta y nada depende de la hora.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from caja_ga.catalogos import FUENTE_INEGI, FUENTE_ODS, EntradaODS, ods, sin_acentos
from caja_ga.modelos.base import FASES
from caja_ga.reporte import datos_abiertos
from caja_ga.reporte.entorno import entorno
from caja_ga.reporte.resumen import ResumenProceso

SIN_ENTIDAD: Final = "Entidad sin registrar"
OBJETIVOS_ODS: Final = range(1, 18)


@dataclass(frozen=True, slots=True, kw_only=True)
class PaginaIndice:
    archivo: str
    nombre: str  # en la navegación
    titulo: str  # encabezado y leyenda de la tabla
    orden: Callable[[ResumenProceso], tuple[Any, ...]] | None = None  # None: por entidad


@dataclass(frozen=True, slots=True, kw_only=True)
class Grupo:
    entidad: str | None  # solo en la vista por entidad
    leyenda: str
    filas: tuple[ResumenProceso, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CodigoCitado:
    """Una meta o un indicador ODS y los procesos que lo citan."""

    codigo: str
    texto: str | None  # None si no está en el catálogo
    procesos: tuple[ResumenProceso, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cobertura:
    objetivo: int
    titulo: str
    procesos: tuple[ResumenProceso, ...]
    compromisos: int
    citados: tuple[CodigoCitado, ...]


def _por_avance(r: ResumenProceso) -> tuple[Any, ...]:
    return (r.avance is None, -(r.avance or 0.0), r.carpeta)


def _por_fase(r: ResumenProceso) -> tuple[Any, ...]:
    posicion = FASES.index(r.fase) if r.fase in FASES else -1
    return (posicion < 0, -posicion, r.carpeta)


def _por_actualizacion(r: ResumenProceso) -> tuple[Any, ...]:
    fecha = r.ultima_actualizacion
    return (fecha is None, -(fecha.toordinal() if fecha else 0), r.carpeta)


VISTAS: Final = (
    PaginaIndice(
        archivo="index.html", nombre="Por entidad", titulo="Procesos por entidad federativa"
    ),
    PaginaIndice(
        archivo="index-por-avance.html",
        nombre="Por avance",
        titulo="Procesos por avance, de mayor a menor",
        orden=_por_avance,
    ),
    PaginaIndice(
        archivo="index-por-fase.html",
        nombre="Por fase",
        titulo="Procesos por fase, de la más avanzada a la primera",
        orden=_por_fase,
    ),
    PaginaIndice(
        archivo="index-por-actualizacion.html",
        nombre="Por última actualización",
        titulo="Procesos por última actualización, de la más reciente a la más antigua",
        orden=_por_actualizacion,
    ),
)
VISTA_ODS: Final = PaginaIndice(
    archivo="ods.html",
    nombre="Cobertura de los ODS",
    titulo="Cobertura de los Objetivos de Desarrollo Sostenible",
)
# Sus páginas las arma reporte/coordinacion.py; aquí solo entra en la navegación común.
VISTA_COORDINACION: Final = PaginaIndice(
    archivo="coordinacion/index.html",
    nombre="Coordinación",
    titulo="Coordinación: cobertura del catálogo y estándares mínimos",
)


def pagina_indice(resumenes: list[ResumenProceso], fecha_corte: date) -> dict[str, str]:
    """Las páginas del índice: nombre de archivo (relativo a la raíz del reporte) → HTML."""
    html = entorno("html")
    ordenados = sorted(resumenes, key=lambda r: r.carpeta)
    comun = contexto_comun(ordenados, fecha_corte)
    tabla = html.get_template("indice.html.jinja")
    paginas = {
        vista.archivo: tabla.render(comun, vista=vista, grupos=_grupos(ordenados, vista))
        for vista in VISTAS
    }
    paginas[VISTA_ODS.archivo] = html.get_template("indice_ods.html.jinja").render(
        comun, vista=VISTA_ODS, cobertura=cobertura_ods(ordenados)
    )
    return paginas


def contexto_comun(resumenes: Sequence[ResumenProceso], fecha_corte: date) -> dict[str, Any]:
    """Lo que comparte toda página del índice (también las de coordinación): la cabecera con
    las cifras del reporte, la navegación y los datos abiertos; `raiz` lleva de la página a la
    raíz del sitio."""
    return {
        "raiz": "",
        "fecha_corte": fecha_corte,
        "procesos": len(resumenes),
        "entidades": len({r.entidad for r in resumenes if r.entidad}),
        "compromisos": sum(r.compromisos for r in resumenes),
        "vistas": (*VISTAS, VISTA_ODS, VISTA_COORDINACION),
        "datos": [f"{datos_abiertos.CARPETA}/{archivo}" for archivo in datos_abiertos.ARCHIVOS],
        "fuentes": (FUENTE_INEGI, FUENTE_ODS),
    }


def _grupos(resumenes: list[ResumenProceso], vista: PaginaIndice) -> list[Grupo]:
    if vista.orden is not None:
        return [
            Grupo(
                entidad=None,
                leyenda=vista.titulo,
                filas=tuple(sorted(resumenes, key=vista.orden)),
            )
        ]
    por_entidad: dict[str, list[ResumenProceso]] = {}
    for resumen in resumenes:
        por_entidad.setdefault(resumen.entidad or SIN_ENTIDAD, []).append(resumen)
    entidades = sorted(por_entidad, key=lambda e: (e == SIN_ENTIDAD, sin_acentos(e), e))
    return [
        Grupo(
            entidad=entidad,
            leyenda=f"Procesos de {entidad}" if entidad != SIN_ENTIDAD else entidad,
            filas=tuple(sorted(por_entidad[entidad], key=_por_nombre)),
        )
        for entidad in entidades
    ]


def _por_nombre(r: ResumenProceso) -> tuple[str, str]:
    return (sin_acentos(r.municipio or r.carpeta), r.carpeta)


def cobertura_ods(resumenes: Sequence[ResumenProceso]) -> list[Cobertura]:
    """Para cada uno de los 17 objetivos, los procesos y compromisos que lo citan (por el objetivo,
    una de sus metas o uno de sus indicadores) y las metas e indicadores citados."""
    catalogo = ods()
    # Un recorrido de los códigos de cada proceso, no uno por objetivo: miles de procesos.
    procesos: dict[int | None, list[ResumenProceso]] = {}
    compromisos: Counter[int | None] = Counter()
    for resumen in resumenes:
        for objetivo in {_objetivo(c) for c in resumen.ods}:
            procesos.setdefault(objetivo, []).append(resumen)
        for codigos in resumen.ods_por_compromiso:
            compromisos.update({_objetivo(c) for c in codigos})
    return [
        _cobertura(objetivo, procesos.get(objetivo, []), compromisos[objetivo], catalogo)
        for objetivo in OBJETIVOS_ODS
    ]


def _cobertura(
    objetivo: int,
    citan: list[ResumenProceso],
    compromisos: int,
    catalogo: dict[str, EntradaODS],
) -> Cobertura:
    procesos = tuple(sorted(citan, key=_por_nombre))
    codigos = sorted(
        {c for r in procesos for c in r.ods if _objetivo(c) == objetivo and c != str(objetivo)},
        key=_clave_codigo,
    )
    citados = tuple(
        CodigoCitado(
            codigo=c,
            texto=_nfc(catalogo[c].texto) if c in catalogo else None,
            procesos=tuple(r for r in procesos if c in r.ods),
        )
        for c in codigos
    )
    return Cobertura(
        objetivo=objetivo,
        titulo=_nfc(catalogo[str(objetivo)].titulo),
        procesos=procesos,
        compromisos=compromisos,
        citados=citados,
    )


def _nfc(texto: str) -> str:
    """El catálogo de ODS trae acentos descompuestos (o + ◌́): buscar «corrupción» en la página
    no los encontraría."""
    return unicodedata.normalize("NFC", texto)


def _objetivo(codigo: str) -> int | None:
    inicio = codigo.split(".")[0]
    return int(inicio) if inicio.isdigit() else None


def _clave_codigo(codigo: str) -> tuple[tuple[int, int, str], ...]:
    """16.2 antes que 16.10, y las metas con letra (6.a) después de las numeradas."""
    return tuple(
        (0, int(parte), "") if parte.isdigit() else (1, 0, parte) for parte in codigo.split(".")
    )
