"""La vista de coordinación: cobertura del catálogo del INEGI, estándares mínimos y diagnósticos.

Para la autoridad estatal (y la nacional) que acompaña a muchos municipios: qué municipios tienen
un proceso y en qué fase, cuáles no, cuándo se actualizó cada uno y qué mínimos cumple (de
`caja_ga.minimos`), y sus diagnósticos de capacidades comparados. Una página nacional
(`coordinacion/index.html`) y una por entidad (`coordinacion/<clave>-<entidad>.html`), estáticas,
sin JavaScript, con el mismo marco que el índice. Solo se arma con fichas
(`reporte/ficha.py`): nunca vuelve a leer un proceso. Misma entrada, mismos bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from caja_ga.avance import porcentaje
from caja_ga.catalogos import Municipio, municipios, sin_acentos
from caja_ga.minimos import MINIMOS
from caja_ga.modelos.base import FASES
from caja_ga.redaccion import dias
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.entorno import entorno
from caja_ga.reporte.ficha import FichaCoordinacion, por_municipio, vigente
from caja_ga.reporte.graficas import GraficaBarras, barras
from caja_ga.reporte.indice import VISTA_COORDINACION, contexto_comun

CARPETA: Final = "coordinacion"
# La sección de la página del proceso donde se ve lo que juzga cada mínimo: su motivo enlaza ahí.
SECCION_DE_MINIMO: Final = {
    "edt_instalado": "participantes",
    "convocatoria_nucleo": "participantes",
    "minutas_a_tiempo": "sesiones",
    "plan_aprobado": "plan",
    "consulta_documentada": "plan",
    "reportes_a_tiempo": "plan",
    "evaluacion_hecha": "evaluacion",
}
NACIONAL: Final = VISTA_COORDINACION.archivo


@dataclass(frozen=True, slots=True, kw_only=True)
class PorFase:
    fase: str  # la etiqueta, o «Sin proceso»
    municipios: tuple[tuple[str, str | None], ...]  # (nombre, carpeta del proceso vigente)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entidad:
    clave: str  # dos dígitos del INEGI
    nombre: str
    archivo: str  # relativo a la raíz del sitio
    catalogo: int  # municipios en el catálogo
    con_proceso: int
    fases: tuple[PorFase, ...]  # una por fase (con municipios o no) y al final «Sin proceso»
    fichas: tuple[FichaCoordinacion, ...]  # todos sus procesos, por municipio
    minimos: tuple[tuple[int, int, int], ...]  # (cumplen, no cumplen, no aplica) por mínimo
    graficas: tuple[tuple[str, GraficaBarras | None], ...]  # por dimensión del diagnóstico
    diagnosticados: int

    @property
    def cobertura(self) -> float:
        return 100 * self.con_proceso / self.catalogo if self.catalogo else 0.0

    @property
    def sin_proceso(self) -> int:
        return self.catalogo - self.con_proceso

    def cuantos(self, fase: str) -> int:
        """Municipios en la fase con esa etiqueta."""
        return sum(len(f.municipios) for f in self.fases if f.fase == fase)


def paginas(fichas: list[FichaCoordinacion], fecha_corte: date) -> dict[str, str]:
    """Las páginas de coordinación: archivo (relativo a la raíz del sitio) → HTML."""
    entidades = _entidades(fichas)
    catalogo = municipios()
    fuera = sorted(
        (f.resumen for f in fichas if f.resumen.cvegeo not in catalogo), key=lambda r: r.carpeta
    )
    plantilla = entorno("html").get_template("coordinacion.html.jinja")
    comun = contexto_comun([f.resumen for f in fichas], fecha_corte) | {
        "raiz": "../",
        "minimos": MINIMOS,
        "secciones": SECCION_DE_MINIMO,
        "dias": _dias,
    }
    resultado = {
        NACIONAL: plantilla.render(
            comun,
            vista=VISTA_COORDINACION,
            por_entidad=entidades,
            entidad=_total(entidades),
            fuera=fuera,
        )
    }
    for entidad in entidades:
        vista = replace(
            VISTA_COORDINACION,
            archivo=entidad.archivo,
            titulo=f"Coordinación en {entidad.nombre}: cobertura y estándares mínimos",
        )
        resultado[entidad.archivo] = plantilla.render(
            comun, vista=vista, por_entidad=(), entidad=entidad, fuera=()
        )
    return resultado


def _entidades(fichas: list[FichaCoordinacion]) -> list[Entidad]:
    grupos = por_municipio(fichas)
    por_entidad: dict[str, list[Municipio]] = {}
    for municipio in municipios().values():
        por_entidad.setdefault(municipio.cvegeo[:2], []).append(municipio)
    return [_entidad(clave, por_entidad[clave], grupos) for clave in sorted(por_entidad)]


def _entidad(
    clave: str, catalogo: list[Municipio], grupos: dict[str, list[FichaCoordinacion]]
) -> Entidad:
    nombre = catalogo[0].entidad
    ordenados = sorted(catalogo, key=lambda m: (sin_acentos(m.nombre), m.cvegeo))
    por_fase: dict[str | None, list[tuple[str, str | None]]] = {}
    fichas: list[FichaCoordinacion] = []
    for municipio in ordenados:
        propias = grupos.get(municipio.cvegeo, [])
        actual = vigente(propias)
        fase = actual.resumen.fase if actual else None
        carpeta = actual.resumen.carpeta if actual else None
        por_fase.setdefault(fase if fase in FASES or actual is None else "", []).append(
            (municipio.nombre, carpeta)
        )
        fichas.extend(sorted(propias, key=lambda f: f.resumen.carpeta))
    fases = [PorFase(fase=et.FASES.get(f, f), municipios=tuple(por_fase.get(f, []))) for f in FASES]
    if "" in por_fase:
        fases.append(PorFase(fase="Fase no reconocida", municipios=tuple(por_fase[""])))
    fases.append(PorFase(fase="Sin proceso", municipios=tuple(por_fase.get(None, []))))
    return Entidad(
        clave=clave,
        nombre=nombre,
        archivo=f"{CARPETA}/{clave}-{_slug(nombre)}.html",
        catalogo=len(catalogo),
        con_proceso=len(ordenados) - len(por_fase.get(None, [])),
        fases=tuple(fases),
        fichas=tuple(fichas),
        minimos=_conteo_minimos(fichas),
        graficas=_graficas(fichas),
        diagnosticados=sum(1 for f in fichas if f.diagnostico),
    )


def _conteo_minimos(fichas: list[FichaCoordinacion]) -> tuple[tuple[int, int, int], ...]:
    conteo = []
    for i, _ in enumerate(MINIMOS):
        valores = [f.minimos[i].cumple for f in fichas]
        conteo.append(
            (valores.count(True), valores.count(False), sum(1 for v in valores if v is None))
        )
    return tuple(conteo)


def _total(entidades: list[Entidad]) -> Entidad:
    """El país como una entidad más: sumas de las entidades (sin fichas ni gráficas)."""
    fases = tuple(
        PorFase(
            fase=fase.fase,
            municipios=tuple(m for e in entidades for m in e.fases[i].municipios),
        )
        for i, fase in enumerate(entidades[0].fases[: len(FASES)])
    )
    fuera_de_fase = tuple(
        m for e in entidades for f in e.fases[len(FASES) : -1] for m in f.municipios
    )
    extra = (PorFase(fase="Fase no reconocida", municipios=fuera_de_fase),) if fuera_de_fase else ()
    sin = PorFase(
        fase="Sin proceso", municipios=tuple(m for e in entidades for m in e.fases[-1].municipios)
    )
    return Entidad(
        clave="00",
        nombre="Nacional",
        archivo=NACIONAL,
        catalogo=sum(e.catalogo for e in entidades),
        con_proceso=sum(e.con_proceso for e in entidades),
        fases=(*fases, *extra, sin),
        fichas=(),
        minimos=tuple(
            (
                sum(e.minimos[i][0] for e in entidades),
                sum(e.minimos[i][1] for e in entidades),
                sum(e.minimos[i][2] for e in entidades),
            )
            for i in range(len(MINIMOS))
        ),
        graficas=(),
        diagnosticados=sum(e.diagnosticados for e in entidades),
    )


def _graficas(fichas: list[FichaCoordinacion]) -> tuple[tuple[str, GraficaBarras | None], ...]:
    """Una gráfica por dimensión del diagnóstico, con una barra por proceso diagnosticado."""
    diagnosticadas = [f for f in fichas if f.diagnostico]
    if not diagnosticadas:
        return ()
    graficas = []
    for i, dimension in enumerate(et.DIMENSIONES.values()):
        filas = [
            (
                _nombre(f),
                fraccion,
                "sin evaluar" if fraccion is None else porcentaje(fraccion * 100),
            )
            for f in diagnosticadas
            for fraccion in (f.diagnostico[i][1],)
        ]
        graficas.append((dimension, barras(filas)))
    return tuple(graficas)


def _nombre(ficha: FichaCoordinacion) -> str:
    return ficha.resumen.municipio or ficha.resumen.carpeta


def _slug(texto: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", sin_acentos(texto)).strip("-")


def _dias(valor: int | None) -> str:
    return "—" if valor is None else dias(valor)
