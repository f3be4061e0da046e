"""Sección «Quiénes participan»: el Espacio de Diálogo Tripartita y el Núcleo de Sociedad Civil."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caja_ga.modelos import nucleo as modelo_nucleo
from caja_ga.modelos.espacio import Espacio
from caja_ga.modelos.nucleo import Nucleo
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.personas import Contacto, contacto, contacto_publicable
from caja_ga.reporte.privacidad import datos_sensibles_publicables
from caja_ga.reporte.secciones.comun import contar, nombre_en_nucleo, si_no, texto
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegranteEspacio:
    sector: str | None
    persona: Contacto
    suplente: Contacto | None
    desde: date | None
    hasta: date | None
    representa: str | None  # el integrante del Núcleo que representa


@dataclass(frozen=True, slots=True, kw_only=True)
class Vinculacion:
    institucion: str | None
    fecha: date | None
    descripcion: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EspacioReporte:
    instalacion: date | None
    acta_url: str | None
    lineamientos_url: str | None
    integrantes: list[IntegranteEspacio]
    por_sector: list[tuple[str, int]]
    reglas: list[tuple[str, str]]
    vinculacion: Vinculacion | None  # con el órgano de la Agenda 2030 (OSI)


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegranteNucleo:
    nombre: str | None
    tipo: str | None
    temas: list[str]
    territorio: str | None
    grupos: list[str]
    reservado: bool  # se omitieron sus datos sensibles (un particular sin consentimiento)
    correo: str | None
    telefono: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class NucleoReporte:
    publicacion: date | None
    cierre: date | None
    dias_abierta: int | None
    medios: list[str]
    url: str | None
    integrantes: list[IntegranteNucleo]
    por_tipo: list[tuple[str, int]]
    grupos: list[tuple[str, int]]
    representante: str | None
    metodo: str | None
    fecha_representante: date | None
    periodo_meses: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Participantes:
    espacio: EspacioReporte | None
    nucleo: NucleoReporte | None


def contexto(vista: Vista) -> Participantes | None:
    espacio, nucleo = vista.carpeta.espacio, vista.carpeta.nucleo
    if espacio is None and nucleo is None:
        return None
    return Participantes(
        espacio=_espacio(espacio, nucleo) if espacio else None,
        nucleo=_nucleo(nucleo) if nucleo else None,
    )


def _espacio(espacio: Espacio, nucleo: Nucleo | None) -> EspacioReporte:
    integrantes = [
        IntegranteEspacio(
            sector=et.etiqueta(et.SECTORES, i.sector),
            persona=contacto(i),
            suplente=contacto(i.suplente) if i.suplente else None,
            desde=i.desde,
            hasta=i.hasta,
            representa=nombre_en_nucleo(nucleo, i.nucleo) if nucleo else i.nucleo,
        )
        for i in espacio.integrantes
    ]
    instalacion, osi = espacio.instalacion, espacio.vinculacion_osi
    return EspacioReporte(
        instalacion=instalacion.fecha if instalacion else None,
        acta_url=instalacion.acta_url if instalacion else None,
        lineamientos_url=instalacion.lineamientos_url if instalacion else None,
        integrantes=integrantes,
        por_sector=contar([i.sector for i in integrantes if i.sector], list(et.SECTORES.values())),
        reglas=_reglas(espacio),
        vinculacion=Vinculacion(
            institucion=osi.institucion, fecha=osi.fecha, descripcion=osi.descripcion
        )
        if osi
        else None,
    )


def _reglas(espacio: Espacio) -> list[tuple[str, str]]:
    reglas = espacio.reglas
    if reglas is None:
        return []
    filas = (
        ("Sesiona cada", f"{reglas.periodicidad_dias} días" if reglas.periodicidad_dias else None),
        ("Quórum", texto(reglas.quorum)),
        ("Decisiones", et.etiqueta(et.DECISIONES, reglas.decisiones)),
        ("Minutas públicas", si_no(reglas.publicacion_minutas)),
    )
    return [(etiqueta, valor) for etiqueta, valor in filas if valor is not None]


def _nucleo(nucleo: Nucleo) -> NucleoReporte:
    integrantes = [_integrante_nucleo(i) for i in nucleo.integrantes]
    convocatoria, representante = nucleo.convocatoria, nucleo.representante
    publicacion = convocatoria.fecha_publicacion if convocatoria else None
    cierre = convocatoria.fecha_cierre if convocatoria else None
    return NucleoReporte(
        publicacion=publicacion,
        cierre=cierre,
        dias_abierta=(cierre - publicacion).days if publicacion and cierre else None,
        medios=list(convocatoria.medios) if convocatoria else [],
        url=convocatoria.url if convocatoria else None,
        integrantes=integrantes,
        por_tipo=contar(
            [i.tipo for i in integrantes if i.tipo], list(et.TIPOS_INTEGRANTE.values())
        ),
        # Las cifras por grupo cuentan a todos, también a quien no publica los suyos.
        grupos=contar(
            et.etiquetas(et.GRUPOS, [g for i in nucleo.integrantes for g in i.grupos]),
            list(et.GRUPOS.values()),
        ),
        representante=nombre_en_nucleo(nucleo, representante.integrante) if representante else None,
        metodo=et.etiqueta(et.METODOS_REPRESENTANTE, representante.metodo)
        if representante
        else None,
        fecha_representante=representante.fecha if representante else None,
        periodo_meses=representante.periodo_meses if representante else None,
    )


def _integrante_nucleo(integrante: modelo_nucleo.IntegranteNucleo) -> IntegranteNucleo:
    correo, telefono = contacto_publicable(integrante)
    publicables = datos_sensibles_publicables(integrante)
    return IntegranteNucleo(
        nombre=integrante.nombre,
        tipo=et.etiqueta(et.TIPOS_INTEGRANTE, integrante.tipo),
        temas=list(integrante.temas),
        territorio=integrante.territorio if publicables else None,
        grupos=et.etiquetas(et.GRUPOS, list(integrante.grupos)) if publicables else [],
        reservado=not publicables and bool(integrante.territorio or integrante.grupos),
        correo=correo,
        telefono=telefono,
    )
