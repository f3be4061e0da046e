"""Del proceso validado a lo que su reporte muestra, ya calculado y filtrado.

Las plantillas nunca ven los modelos, solo este contexto. Aquí, y solo aquí, se decide qué dato
personal se publica: el correo y el teléfono de una persona salen únicamente si ella tiene
`contacto_publico: true` (formato §2). El avance sale de `caja_ga.avance` y lo que los datos dicen
de O1–O9, de `caja_ga.senales_agenda2030`: el reporte no repite esos criterios.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Protocol

from caja_ga import __version__
from caja_ga.avance import (
    avance_actividad,
    avance_compromiso,
    avance_plan,
    estado_de_avance,
    porcentaje,
)
from caja_ga.catalogos import (
    FUENTE_INEGI,
    FUENTE_ODS,
    fuente_dimensiones,
    ods,
    recomendaciones_agenda2030,
)
from caja_ga.modelos.agenda2030 import Recomendacion
from caja_ga.modelos.base import FASES, Persona
from caja_ga.modelos.diagnostico import Diagnostico
from caja_ga.modelos.espacio import Espacio
from caja_ga.modelos.evaluacion import Evaluacion, EvaluacionCompromiso
from caja_ga.modelos.nucleo import Nucleo
from caja_ga.modelos.plan import Actividad, Compromiso, Meta, Plan
from caja_ga.modelos.seguimiento import AvanceActividad
from caja_ga.problemas import Problema
from caja_ga.proceso import CarpetaProceso
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.graficas import ActividadEnGantt, Gantt, GraficaBarras, barras, gantt
from caja_ga.reporte.resumen import ResumenProceso, resumir
from caja_ga.vista import Vista

# --- Personas: el único lugar que decide qué contacto se publica --------------------------------


class _ConContacto(Protocol):
    @property
    def correo(self) -> str | None: ...
    @property
    def telefono(self) -> str | None: ...
    @property
    def contacto_publico(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Contacto:
    nombre: str | None
    cargo: str | None = None
    institucion: str | None = None
    correo: str | None = None  # solo si la persona lo hizo público
    telefono: str | None = None  # ídem


def contacto_publicable(persona: _ConContacto) -> tuple[str | None, str | None]:
    """(correo, teléfono) de quien tiene `contacto_publico: true`; de cualquier otra, nada."""
    if persona.contacto_publico is not True:
        return None, None
    return persona.correo, persona.telefono


def _persona(persona: Persona) -> Contacto:
    return Contacto(
        persona.nombre, persona.cargo, persona.institucion, *contacto_publicable(persona)
    )


# --- Las piezas del reporte ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fase:
    nombre: str
    estado: str  # cumplida, actual o pendiente


@dataclass(frozen=True, slots=True)
class Hito:
    fecha: date
    titulo: str
    detalle: str | None
    previsto: bool  # posterior a la fecha de corte


@dataclass(frozen=True, slots=True)
class ItemDiagnostico:
    id: str
    pregunta: str | None
    valor: str
    evidencia: str | None
    fuente: str | None


@dataclass(frozen=True, slots=True)
class DimensionDiagnostico:
    nombre: str
    puntaje: str  # «67 %» o «sin evaluar»
    evaluados: int
    items: list[ItemDiagnostico]


@dataclass(frozen=True, slots=True)
class DiagnosticoReporte:
    fecha: date | None
    elaborado_por: str | None
    instrumento: str | None
    dimensiones: list[DimensionDiagnostico]
    grafica: GraficaBarras
    capacidades: list[tuple[str, str]]
    actores: list[tuple[str, str, str | None]]  # (actor, presente, nota)
    metrica: list[tuple[str, str]]
    hallazgos: list[str]
    recomendaciones: list[str]
    decision: str | None


@dataclass(frozen=True, slots=True)
class IntegranteEspacio:
    sector: str | None
    persona: Contacto
    suplente: Contacto | None
    desde: date | None
    hasta: date | None
    representa: str | None  # el integrante del Núcleo que representa


@dataclass(frozen=True, slots=True)
class EspacioReporte:
    instalacion: date | None
    acta_url: str | None
    lineamientos_url: str | None
    integrantes: list[IntegranteEspacio]
    por_sector: list[tuple[str, int]]
    reglas: list[tuple[str, str]]
    vinculacion: tuple[str | None, date | None, str | None] | None  # institución, fecha, texto


@dataclass(frozen=True, slots=True)
class IntegranteNucleo:
    nombre: str | None
    tipo: str | None
    temas: list[str]
    territorio: str | None
    grupos: list[str]
    correo: str | None
    telefono: str | None


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Acuerdo:
    id: str
    texto: str | None
    responsable: str | None
    fecha_limite: date | None
    estado: str
    clave_estado: str


@dataclass(frozen=True, slots=True)
class SesionReporte:
    id: str
    fecha: date | None
    organo: str | None
    tipo: str | None
    modalidad: str | None
    asistencia: list[tuple[str, int]]
    invitados: list[str]
    publico: int | None
    grupos_publico: list[str]
    orden_del_dia: list[str]
    acuerdos: list[Acuerdo]
    minuta_url: str | None
    minuta_fecha: date | None
    aprueba_plan: bool


@dataclass(frozen=True, slots=True)
class MetaReporte:
    id: str
    descripcion: str | None
    indicador: str | None
    unidad: str | None
    linea_base: str | None
    valor_meta: str | None
    fecha_meta: date | None
    medio_verificacion: str | None


@dataclass(frozen=True, slots=True)
class Evidencia:
    descripcion: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class ActividadReporte:
    id: str
    descripcion: str | None
    entregable: str | None
    inicio: date | None
    fin: date | None
    responsables: list[str]
    medio_verificacion: str | None
    estado: str
    clave_estado: str
    avance: float
    texto_avance: str
    evidencias: list[Evidencia]
    observaciones: str | None


@dataclass(frozen=True, slots=True)
class OdsReporte:
    codigo: str
    objetivo: str  # «ODS 16: Paz, justicia e instituciones fuertes»
    texto: str | None  # la meta o el indicador, en español; None si es el objetivo mismo


@dataclass(frozen=True, slots=True)
class ProblemaPublico:
    descripcion: str | None
    causas: list[str]
    linea_base: str | None
    poblacion_afectada: str | None
    grupos: list[str]


@dataclass(frozen=True, slots=True)
class EvaluacionCompromisoReporte:
    id: str
    titulo: str | None
    cumplimiento: str | None
    nivel_cumplimiento: int  # 1 a 5 en la escala; 0 sin calificar
    abrio_gobierno: str | None
    nivel_abrio: int
    justificacion: str | None
    lecciones: str | None
    texto_avance: str | None  # el avance calculado, para leerlo junto a la calificación


@dataclass(frozen=True, slots=True)
class CompromisoReporte:
    id: str
    ancla: str
    titulo: str | None
    avance: float
    texto_avance: str
    estado: str
    lider: str | None
    enlace_lider: str | None
    corresponsables: list[tuple[str | None, str | None]]  # (nombre, sector)
    valores: list[str]
    potencial: str | None
    presupuesto: str | None
    problema: ProblemaPublico | None
    objetivo: str | None
    solucion: str | None
    resultados_esperados: str | None
    metas: list[MetaReporte]
    actividades: list[ActividadReporte]
    ods: list[OdsReporte]
    pmd: list[tuple[str | None, str | None, str | None]]  # (eje, objetivo, línea de acción)
    evaluacion_prevista: tuple[str | None, date | None, str | None] | None
    evaluacion: EvaluacionCompromisoReporte | None


@dataclass(frozen=True, slots=True)
class PlanReporte:
    inicio: date | None
    fin: date | None
    aprobado_en: str | None
    fecha_aprobacion: date | None
    objetivo_general: str | None
    periodicidad_dias: int | None
    responsable_seguimiento: str | None
    url_seguimiento: str | None
    reportes: list[date]
    avance: float
    texto_avance: str
    estado: str
    compromisos: list[CompromisoReporte]
    gantt: Gantt | None


@dataclass(frozen=True, slots=True)
class FilaAgenda:
    codigo: str
    recomendacion: str
    cumple: str
    clave_cumple: str
    evidencia: str | None
    referencias: list[str]
    senal: str | None  # lo que dicen los datos; None si no se puede comprobar con ellos
    respaldada: bool | None
    contradice: bool  # declarada «sí» y los datos no la respaldan


@dataclass(frozen=True, slots=True)
class EvaluacionReporte:
    fecha: date | None
    evaluador: str | None
    nombre_evaluador: str | None
    url: str | None
    compromisos: list[EvaluacionCompromisoReporte]


@dataclass(frozen=True, slots=True)
class Observacion:
    """Un problema de validación que sigue abierto, con el archivo relativo al proceso."""

    archivo: str
    linea: int | None
    codigo: str
    severidad: str
    mensaje: str


@dataclass(frozen=True, slots=True)
class ContextoReporte:
    titulo: str
    resumen: ResumenProceso
    fecha_corte: date
    fase: str | None
    fases: list[Fase]
    texto_avance: str | None
    estado_avance: str | None
    enlace: Contacto | None
    portal: str | None
    hitos: list[Hito]
    diagnostico: DiagnosticoReporte | None
    espacio: EspacioReporte | None
    nucleo: NucleoReporte | None
    sesiones: list[SesionReporte]
    acuerdos_por_estado: list[tuple[str, str, int]]  # (etiqueta, clave, cuántos)
    plan: PlanReporte | None
    agenda: list[FilaAgenda]
    evaluacion: EvaluacionReporte | None
    observaciones: list[Observacion]
    errores: int
    avisos: int
    raiz: str  # de la página a la raíz del sitio («../../»), para el índice y los datos abiertos
    version: str
    fuentes: list[str]


def construir(vista: Vista, relativa: str, problemas: list[Problema]) -> ContextoReporte:
    carpeta, fecha_corte = vista.carpeta, vista.fecha_corte
    resumen = resumir(carpeta, relativa, problemas)
    ultimos = vista.ultimos_avances
    proceso = carpeta.proceso
    enlace = proceso.enlace if proceso else None
    municipio = ", ".join(p for p in (resumen.municipio, resumen.entidad) if p)
    return ContextoReporte(
        titulo=f"Gobierno abierto en {municipio or relativa}",
        resumen=resumen,
        fecha_corte=fecha_corte,
        fase=et.etiqueta(et.FASES, carpeta.fase),
        fases=_fases(carpeta.fase),
        texto_avance=porcentaje(resumen.avance) if resumen.avance is not None else None,
        estado_avance=estado_de_avance(resumen.avance) if resumen.avance is not None else None,
        enlace=Contacto(enlace.nombre, enlace.cargo, enlace.area, *contacto_publicable(enlace))
        if enlace
        else None,
        portal=proceso.portal if proceso else None,
        hitos=_hitos(carpeta, fecha_corte),
        diagnostico=_diagnostico(carpeta.diagnostico) if carpeta.diagnostico else None,
        espacio=_espacio(carpeta.espacio, carpeta.nucleo) if carpeta.espacio else None,
        nucleo=_nucleo(carpeta.nucleo) if carpeta.nucleo else None,
        sesiones=_sesiones(carpeta),
        acuerdos_por_estado=_acuerdos_por_estado(carpeta),
        plan=_plan(carpeta, ultimos, fecha_corte) if carpeta.plan else None,
        agenda=_agenda(vista),
        evaluacion=_evaluacion(carpeta.evaluacion, carpeta.plan, ultimos)
        if carpeta.evaluacion
        else None,
        observaciones=[_observacion(p, carpeta.nombre) for p in problemas],
        errores=resumen.errores,
        avisos=resumen.avisos,
        raiz="../" * len(PurePosixPath(relativa).parts),
        version=__version__,
        fuentes=[
            FUENTE_INEGI,
            FUENTE_ODS,
            f"Dimensiones de los ODS (señal de O5): {fuente_dimensiones()}",
        ],
    )


def _fases(actual: str | None) -> list[Fase]:
    indice = FASES.index(actual) if actual in FASES else -1
    return [
        Fase(et.FASES[fase], "cumplida" if i < indice else "actual" if i == indice else "pendiente")
        for i, fase in enumerate(FASES)
    ]


def _texto(valor: object) -> str | None:
    """Un número o texto del YAML como se lee: 20.0 → «20», 1284 → «1,284»."""
    if valor is None:
        return None
    if isinstance(valor, float | int) and not isinstance(valor, bool):
        return f"{valor:,.0f}" if float(valor).is_integer() else f"{valor:,}"
    return str(valor)


# --- Línea de tiempo del proceso -----------------------------------------------------------------


def _hitos(carpeta: CarpetaProceso, fecha_corte: date) -> list[Hito]:
    hitos: list[tuple[date, str, str | None]] = []
    if (diagnostico := carpeta.diagnostico) and diagnostico.fecha:
        hitos.append((diagnostico.fecha, "Diagnóstico de capacidades", diagnostico.elaborado_por))
    if nucleo := carpeta.nucleo:
        convocatoria, representante = nucleo.convocatoria, nucleo.representante
        if convocatoria and convocatoria.fecha_publicacion:
            cierre = (
                f"Abierta hasta el {et.fecha_larga(convocatoria.fecha_cierre)}"
                if convocatoria.fecha_cierre
                else None
            )
            hitos.append(
                (convocatoria.fecha_publicacion, "Convocatoria al Núcleo de Sociedad Civil", cierre)
            )
        if representante and representante.fecha:
            hitos.append(
                (
                    representante.fecha,
                    "El Núcleo elige a su representante",
                    _nombre_en_nucleo(nucleo, representante.integrante),
                )
            )
    sesiones = carpeta.sesiones_validas()
    instalada_en_sesion = {
        s.fecha for _, _, s in sesiones if s.organo == "edt" and s.tipo == "instalacion"
    }
    if (
        (espacio := carpeta.espacio)
        and espacio.instalacion
        and espacio.instalacion.fecha
        and espacio.instalacion.fecha not in instalada_en_sesion
    ):
        hitos.append(
            (espacio.instalacion.fecha, "Instalación del Espacio de Diálogo Tripartita", None)
        )
    aprobado_en = carpeta.plan.aprobado_en if carpeta.plan else None
    for id_sesion, _, sesion in sesiones:
        if sesion.fecha:
            hitos.append(
                (
                    sesion.fecha,
                    *_titulo_sesion(
                        id_sesion, sesion.organo, sesion.tipo, id_sesion == aprobado_en
                    ),
                )
            )
    if (plan := carpeta.plan) and plan.periodo:
        if plan.periodo.inicio:
            hitos.append((plan.periodo.inicio, "Inicia el plan de acción", None))
        if plan.periodo.fin:
            hitos.append((plan.periodo.fin, "Termina el plan de acción", None))
    for _, reporte in carpeta.seguimientos_validos():
        hitos.append(
            (
                reporte.fecha_corte,
                "Reporte de avance",
                f"{len(reporte.actividades)} actividades reportadas",
            )
        )
    if (evaluacion := carpeta.evaluacion) and evaluacion.fecha:
        quien = evaluacion.evaluador.nombre if evaluacion.evaluador else None
        hitos.append((evaluacion.fecha, "Evaluación final", quien))
    return [
        Hito(fecha, titulo, detalle, fecha > fecha_corte)
        for fecha, titulo, detalle in sorted(hitos, key=lambda h: h[0])
    ]


def _titulo_sesion(
    id_sesion: str, organo: str | None, tipo: str | None, aprueba_plan: bool
) -> tuple[str, str]:
    sesion = f"Sesión {(et.etiqueta(et.TIPOS_SESION, tipo) or '').lower()}".strip()
    de = f"{sesion} del {et.etiqueta(et.ORGANOS, organo)}" if organo else sesion
    if aprueba_plan:
        return "Aprobación del plan de acción", f"{de} ({id_sesion})"
    if tipo == "instalacion" and organo:
        return f"Instalación del {et.etiqueta(et.ORGANOS, organo)}", f"Sesión {id_sesion}"
    return de, f"Sesión {id_sesion}"


def _nombre_en_nucleo(nucleo: Nucleo, id_integrante: str | None) -> str | None:
    nombres = {i.id: i.nombre for i in nucleo.integrantes}
    return (nombres.get(id_integrante) or id_integrante) if id_integrante else None


# --- Diagnóstico ---------------------------------------------------------------------------------


_VALORES_ITEM = {0.0: "0 (no existe)", 0.5: "0.5 (parcial)", 1.0: "1 (existe y funciona)"}


def _diagnostico(diagnostico: Diagnostico) -> DiagnosticoReporte:
    por_id = {d.id: d for d in diagnostico.dimensiones}
    dimensiones, filas = [], []
    for clave, nombre in et.DIMENSIONES.items():
        items = por_id[clave].items if clave in por_id else []
        valores = [item.valor for item in items if item.valor is not None]
        fraccion = sum(valores) / len(valores) if valores else None
        texto = porcentaje(fraccion * 100) if fraccion is not None else "sin evaluar"
        filas.append((nombre, fraccion, texto))
        dimensiones.append(
            DimensionDiagnostico(
                nombre,
                texto,
                len(valores),
                [
                    ItemDiagnostico(
                        item.id,
                        item.pregunta,
                        _VALORES_ITEM.get(item.valor, "sin evaluar")
                        if item.valor is not None
                        else "sin evaluar",
                        item.evidencia,
                        item.fuente,
                    )
                    for item in items
                ],
            )
        )
    capacidades = diagnostico.capacidades
    filas_capacidad = [
        (etiqueta, valor)
        for etiqueta, valor in (
            ("Personal asignado", _texto(capacidades.personal_asignado) if capacidades else None),
            ("Horas a la semana", _texto(capacidades.horas_semana) if capacidades else None),
            (
                "Presupuesto",
                et.pesos(capacidades.presupuesto_mxn)
                if capacidades and capacidades.presupuesto_mxn is not None
                else None,
            ),
            ("Área responsable", capacidades.area_responsable if capacidades else None),
        )
        if valor is not None
    ]
    actores = diagnostico.actores
    filas_actores = []
    for clave, nombre in et.ACTORES.items():
        actor = getattr(actores, clave) if actores else None
        presente = (
            "Sin dato"
            if actor is None or actor.presente is None
            else "Presente"
            if actor.presente
            else "Ausente"
        )
        filas_actores.append((nombre, presente, actor.nota if actor else None))
    metrica = diagnostico.metrica
    filas_metrica = [
        (f"{nombre} ({clave.upper()})", f"{valor:.2f}")
        for clave, nombre in et.METRICA.items()
        if metrica and (valor := getattr(metrica, clave)) is not None
    ]
    decision = (
        None
        if diagnostico.decision_continuar is None
        else "Sí"
        if diagnostico.decision_continuar
        else "No"
    )
    return DiagnosticoReporte(
        diagnostico.fecha,
        diagnostico.elaborado_por,
        diagnostico.instrumento,
        dimensiones,
        barras(filas),
        filas_capacidad,
        filas_actores,
        filas_metrica,
        list(diagnostico.hallazgos),
        list(diagnostico.recomendaciones),
        decision,
    )


# --- Quiénes participan --------------------------------------------------------------------------


def _contar(etiquetas_: list[str], orden: list[str]) -> list[tuple[str, int]]:
    """Cuántas veces aparece cada etiqueta, en el orden dado y luego alfabético."""
    cuenta = Counter(etiquetas_)
    return sorted(
        cuenta.items(),
        key=lambda par: (orden.index(par[0]) if par[0] in orden else len(orden), par[0]),
    )


def _espacio(espacio: Espacio, nucleo: Nucleo | None) -> EspacioReporte:
    integrantes = [
        IntegranteEspacio(
            et.etiqueta(et.SECTORES, i.sector),
            _persona(i),
            _persona(i.suplente) if i.suplente else None,
            i.desde,
            i.hasta,
            _nombre_en_nucleo(nucleo, i.nucleo) if nucleo else i.nucleo,
        )
        for i in espacio.integrantes
    ]
    reglas = espacio.reglas
    filas_reglas = [
        (etiqueta, valor)
        for etiqueta, valor in (
            (
                "Sesiona cada",
                f"{reglas.periodicidad_dias} días" if reglas and reglas.periodicidad_dias else None,
            ),
            ("Quórum", _texto(reglas.quorum) if reglas else None),
            ("Decisiones", et.etiqueta(et.DECISIONES, reglas.decisiones) if reglas else None),
            (
                "Minutas públicas",
                None
                if not reglas or reglas.publicacion_minutas is None
                else "Sí"
                if reglas.publicacion_minutas
                else "No",
            ),
        )
        if valor is not None
    ]
    osi = espacio.vinculacion_osi
    return EspacioReporte(
        espacio.instalacion.fecha if espacio.instalacion else None,
        espacio.instalacion.acta_url if espacio.instalacion else None,
        espacio.instalacion.lineamientos_url if espacio.instalacion else None,
        integrantes,
        _contar([i.sector for i in integrantes if i.sector], list(et.SECTORES.values())),
        filas_reglas,
        (osi.institucion, osi.fecha, osi.descripcion) if osi else None,
    )


def _nucleo(nucleo: Nucleo) -> NucleoReporte:
    integrantes = [
        IntegranteNucleo(
            i.nombre,
            et.etiqueta(et.TIPOS_INTEGRANTE, i.tipo),
            list(i.temas),
            i.territorio,
            et.etiquetas(et.GRUPOS, list(i.grupos)),
            *contacto_publicable(i),
        )
        for i in nucleo.integrantes
    ]
    convocatoria, representante = nucleo.convocatoria, nucleo.representante
    publicacion = convocatoria.fecha_publicacion if convocatoria else None
    cierre = convocatoria.fecha_cierre if convocatoria else None
    return NucleoReporte(
        publicacion,
        cierre,
        (cierre - publicacion).days if publicacion and cierre else None,
        list(convocatoria.medios) if convocatoria else [],
        convocatoria.url if convocatoria else None,
        integrantes,
        _contar([i.tipo for i in integrantes if i.tipo], list(et.TIPOS_INTEGRANTE.values())),
        _contar([g for i in integrantes for g in i.grupos], list(et.GRUPOS.values())),
        _nombre_en_nucleo(nucleo, representante.integrante) if representante else None,
        et.etiqueta(et.METODOS_REPRESENTANTE, representante.metodo) if representante else None,
        representante.fecha if representante else None,
        representante.periodo_meses if representante else None,
    )


# --- Sesiones ------------------------------------------------------------------------------------


_NUCLEO = "Núcleo de Sociedad Civil"
_SIN_IDENTIFICAR = "Sin identificar"


def _sesiones(carpeta: CarpetaProceso) -> list[SesionReporte]:
    sector_de = {
        i.id: et.etiqueta(et.SECTORES, i.sector) or _SIN_IDENTIFICAR
        for i in (carpeta.espacio.integrantes if carpeta.espacio else [])
    }
    sector_de |= {
        i.id: _NUCLEO
        for i in (carpeta.nucleo.integrantes if carpeta.nucleo else [])
        if i.id not in sector_de
    }
    orden = [*et.SECTORES.values(), _NUCLEO, _SIN_IDENTIFICAR]
    aprobado_en = carpeta.plan.aprobado_en if carpeta.plan else None
    sesiones = []
    for id_sesion, _, sesion in carpeta.sesiones_validas():
        asistencia = _contar([sector_de.get(a, _SIN_IDENTIFICAR) for a in sesion.asistentes], orden)
        publico = sesion.publico
        sesiones.append(
            SesionReporte(
                id_sesion,
                sesion.fecha,
                et.etiqueta(et.ORGANOS, sesion.organo),
                et.etiqueta(et.TIPOS_SESION, sesion.tipo),
                et.etiqueta(et.MODALIDADES, sesion.modalidad),
                asistencia,
                list(sesion.invitados),
                publico.asistentes if publico else None,
                et.etiquetas(et.GRUPOS, list(publico.grupos)) if publico else [],
                list(sesion.orden_del_dia),
                [
                    Acuerdo(
                        a.id,
                        a.texto,
                        a.responsable,
                        a.fecha_limite,
                        et.ESTADOS_ACUERDO[a.estado],
                        a.estado,
                    )
                    for a in sesion.acuerdos
                ],
                sesion.minuta.url if sesion.minuta else None,
                sesion.minuta.fecha_publicacion if sesion.minuta else None,
                id_sesion == aprobado_en,
            )
        )
    return sesiones


def _acuerdos_por_estado(carpeta: CarpetaProceso) -> list[tuple[str, str, int]]:
    cuenta = Counter[str](a.estado for _, _, s in carpeta.sesiones_validas() for a in s.acuerdos)
    return [
        (etiqueta, clave, cuenta[clave])
        for clave, etiqueta in et.ESTADOS_ACUERDO.items()
        if cuenta[clave]
    ]


# --- Plan y compromisos --------------------------------------------------------------------------


def _plan(
    carpeta: CarpetaProceso, ultimos: dict[str, AvanceActividad], fecha_corte: date
) -> PlanReporte:
    plan = carpeta.plan
    assert plan is not None
    fechas_sesion = {id_: s.fecha for id_, _, s in carpeta.sesiones_validas()}
    evaluados = {e.id: e for e in carpeta.evaluacion.compromisos} if carpeta.evaluacion else {}
    compromisos = [_compromiso(c, ultimos, evaluados.get(c.id)) for c in plan.compromisos]
    avance = avance_plan(plan, ultimos)
    seguimiento = plan.seguimiento
    return PlanReporte(
        plan.periodo.inicio if plan.periodo else None,
        plan.periodo.fin if plan.periodo else None,
        plan.aprobado_en,
        fechas_sesion.get(plan.aprobado_en) if plan.aprobado_en else None,
        plan.objetivo_general,
        seguimiento.periodicidad_dias if seguimiento else None,
        seguimiento.responsable if seguimiento else None,
        seguimiento.url if seguimiento else None,
        [s.fecha_corte for _, s in carpeta.seguimientos_validos()],
        avance,
        porcentaje(avance),
        estado_de_avance(avance),
        compromisos,
        _gantt(plan, compromisos, fecha_corte),
    )


def _compromiso(
    compromiso: Compromiso,
    ultimos: dict[str, AvanceActividad],
    evaluado: EvaluacionCompromiso | None,
) -> CompromisoReporte:
    avance = avance_compromiso(compromiso, ultimos)
    responsables = compromiso.responsables
    lider = responsables.lider if responsables else None
    problema = compromiso.problema_publico
    resultados = compromiso.resultados_esperados
    prevista = compromiso.evaluacion
    return CompromisoReporte(
        id=compromiso.id,
        ancla=f"compromiso-{compromiso.id}",
        titulo=compromiso.titulo,
        avance=avance,
        texto_avance=porcentaje(avance),
        estado=estado_de_avance(avance),
        lider=lider.area if lider else None,
        enlace_lider=lider.enlace if lider else None,
        corresponsables=[
            (c.nombre, et.etiqueta(et.SECTORES, c.sector))
            for c in (responsables.corresponsables if responsables else [])
        ],
        valores=et.etiquetas(et.VALORES, list(compromiso.valores)),
        potencial=et.etiqueta(et.POTENCIAL, compromiso.potencial),
        presupuesto=et.pesos(compromiso.presupuesto_mxn)
        if compromiso.presupuesto_mxn is not None
        else None,
        problema=ProblemaPublico(
            problema.descripcion,
            list(problema.causas),
            _texto(problema.linea_base),
            _texto(problema.poblacion_afectada),
            et.etiquetas(et.GRUPOS, list(problema.grupos)),
        )
        if problema
        else None,
        objetivo=compromiso.objetivo,
        solucion=compromiso.solucion,
        # Una lista de resultados se publica como lista de Markdown.
        resultados_esperados="\n".join(f"- {r}" for r in resultados)
        if isinstance(resultados, list)
        else resultados,
        metas=[_meta(meta) for meta in compromiso.metas],
        actividades=[_actividad(a, ultimos) for a in compromiso.actividades],
        ods=[_ods(codigo) for codigo in compromiso.ods],
        pmd=[(v.eje, v.objetivo, v.linea_accion) for v in compromiso.pmd],
        evaluacion_prevista=(prevista.metodo, prevista.fecha, prevista.responsable)
        if prevista
        else None,
        evaluacion=_evaluado(evaluado, compromiso, avance) if evaluado else None,
    )


def _meta(meta: Meta) -> MetaReporte:
    indicador = meta.indicador
    return MetaReporte(
        meta.id,
        meta.descripcion,
        indicador.nombre if indicador else None,
        indicador.unidad if indicador else None,
        _texto(indicador.linea_base) if indicador else None,
        _texto(indicador.valor_meta) if indicador else None,
        indicador.fecha_meta if indicador else None,
        meta.medio_verificacion,
    )


def _actividad(actividad: Actividad, ultimos: dict[str, AvanceActividad]) -> ActividadReporte:
    reporte = ultimos.get(actividad.id)
    clave = (reporte.estado if reporte else None) or "sin_reporte"
    avance = avance_actividad(actividad.id, ultimos)
    return ActividadReporte(
        actividad.id,
        actividad.descripcion,
        actividad.entregable,
        actividad.inicio,
        actividad.fin,
        list(actividad.responsables),
        actividad.medio_verificacion,
        et.ESTADOS_ACTIVIDAD.get(clave, "Sin reporte"),
        clave,
        avance,
        porcentaje(avance),
        [Evidencia(e.descripcion, e.url) for e in reporte.evidencias] if reporte else [],
        reporte.observaciones if reporte else None,
    )


def _ods(codigo: str) -> OdsReporte:
    catalogo = ods()
    objetivo = codigo.split(".")[0]
    titulo = catalogo[objetivo].titulo if objetivo in catalogo else None
    entrada = catalogo.get(codigo)
    texto = (
        (entrada.texto if entrada else "(código que no está en el catálogo de la ONU)")
        if codigo != objetivo
        else None
    )
    return OdsReporte(codigo, f"ODS {objetivo}: {titulo}" if titulo else f"ODS {objetivo}", texto)


def _gantt(plan: Plan, compromisos: list[CompromisoReporte], fecha_corte: date) -> Gantt | None:
    actividades = [
        (
            c.id,
            [
                ActividadEnGantt(
                    a.id,
                    a.descripcion or "",
                    a.inicio,
                    a.fin,
                    a.avance,
                    a.clave_estado == "cancelada",
                )
                for a in c.actividades
            ],
        )
        for c in compromisos
        if c.actividades
    ]
    fechas = [f for _, lista in actividades for a in lista for f in (a.inicio, a.fin) if f]
    periodo = plan.periodo
    desde = (periodo.inicio if periodo and periodo.inicio else None) or min(fechas, default=None)
    hasta = (periodo.fin if periodo and periodo.fin else None) or max(fechas, default=None)
    if desde is None or hasta is None or not actividades:
        return None
    titulos = {c.id: c.titulo for c in compromisos}
    return gantt(
        [(f"{id_} · {titulos[id_] or ''}".strip(" ·"), lista) for id_, lista in actividades],
        desde,
        hasta,
        fecha_corte,
        f"Corte: {et.fecha_larga(fecha_corte)}",
    )


# --- Agenda 2030 y evaluación --------------------------------------------------------------------


def _agenda(vista: Vista) -> list[FilaAgenda]:
    carpeta = vista.carpeta
    declaradas: dict[str, Recomendacion] = (
        {r.id: r for r in carpeta.agenda2030.recomendaciones} if carpeta.agenda2030 else {}
    )
    senales = vista.senales
    filas = []
    for codigo, texto in recomendaciones_agenda2030().items():
        declarada, senal = declaradas.get(codigo), senales.get(codigo)
        clave = (declarada.cumple if declarada else None) or "sin_declarar"
        filas.append(
            FilaAgenda(
                codigo,
                texto,
                et.CUMPLE.get(clave, "Sin declarar"),
                clave,
                declarada.evidencia if declarada else None,
                list(declarada.referencias) if declarada else [],
                senal.razon if senal else None,
                senal.respaldada if senal else None,
                clave == "si" and senal is not None and not senal.respaldada,
            )
        )
    return filas


def _nivel(escala: dict[str, str], valor: str | None) -> int:
    return list(escala).index(valor) + 1 if valor in escala else 0


def _evaluado(
    evaluado: EvaluacionCompromiso, compromiso: Compromiso | None, avance: float | None
) -> EvaluacionCompromisoReporte:
    return EvaluacionCompromisoReporte(
        evaluado.id,
        compromiso.titulo if compromiso else None,
        et.etiqueta(et.CUMPLIMIENTO, evaluado.cumplimiento),
        _nivel(et.CUMPLIMIENTO, evaluado.cumplimiento),
        et.etiqueta(et.ABRIO_GOBIERNO, evaluado.abrio_gobierno),
        _nivel(et.ABRIO_GOBIERNO, evaluado.abrio_gobierno),
        evaluado.justificacion,
        evaluado.lecciones,
        porcentaje(avance) if avance is not None else None,
    )


def _evaluacion(
    evaluacion: Evaluacion, plan: Plan | None, ultimos: dict[str, AvanceActividad]
) -> EvaluacionReporte:
    del_plan = {c.id: c for c in plan.compromisos} if plan else {}
    compromisos = []
    for evaluado in evaluacion.compromisos:
        compromiso = del_plan.get(evaluado.id)
        avance = avance_compromiso(compromiso, ultimos) if compromiso else None
        compromisos.append(_evaluado(evaluado, compromiso, avance))
    evaluador = evaluacion.evaluador
    return EvaluacionReporte(
        evaluacion.fecha,
        et.etiqueta(et.EVALUADORES, evaluador.tipo) if evaluador else None,
        evaluador.nombre if evaluador else None,
        evaluacion.url,
        compromisos,
    )


def _observacion(problema: Problema, carpeta: str) -> Observacion:
    archivo = PurePosixPath(problema.archivo)
    if archivo.is_relative_to(carpeta):
        archivo = archivo.relative_to(carpeta)
    return Observacion(
        archivo.as_posix(),
        problema.linea,
        problema.codigo,
        problema.severidad.value,
        problema.mensaje,
    )
