"""Sección «Plan de acción»: avance del plan y ficha de cada compromiso, con su calendario."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from caja_ga.avance import estado_de_avance, porcentaje
from caja_ga.catalogos import ods
from caja_ga.modelos.evaluacion import EvaluacionCompromiso
from caja_ga.modelos.plan import Actividad, Compromiso, Meta, Modificacion, Plan
from caja_ga.reporte import etiquetas as et
from caja_ga.reporte.graficas import ActividadEnGantt, Gantt, gantt
from caja_ga.reporte.secciones.comun import CalendarioReporte, calendario, texto
from caja_ga.reporte.secciones.evaluacion import EvaluacionCompromisoReporte, calificacion
from caja_ga.vista import Vista


def ancla_compromiso(id_compromiso: str) -> str:
    """El ancla de un compromiso en la página; otras secciones enlazan a ella."""
    return f"compromiso-{id_compromiso}"


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaReporte:
    id: str
    descripcion: str | None
    indicador: str | None
    unidad: str | None
    linea_base: str | None
    valor_meta: str | None
    fecha_meta: date | None
    medio_verificacion: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidencia:
    descripcion: str | None
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Aprobacion:
    """La sesión del EDT que aprobó un cambio al plan."""

    sesion: str | None
    fecha: date | None

    @property
    def texto(self) -> str:
        """«sesión del 20 de marzo de 2026»; sin fecha, el id de la sesión (lo único que hay)."""
        if self.fecha is None:
            return f"sesión {self.sesion or 'sin indicar'}"
        return f"sesión del {et.fecha_larga(self.fecha)}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Reprogramacion:
    """Una fecha de la actividad que ya no es la aprobada: la original, la vigente y el retraso."""

    campo: str  # «inicio» o «fin»
    original: date
    vigente: date
    dias: int  # vigente − original; negativo si se adelantó
    aprobacion: Aprobacion

    @property
    def texto(self) -> str:
        """«Fin original 2026-03-31; reprogramada al 2026-06-30, 91 días después, aprobado…»."""
        dias = abs(self.dias)
        cuanto = f"{dias} día{'s' if dias != 1 else ''} {'después' if self.dias > 0 else 'antes'}"
        return (
            f"{self.campo.capitalize()} original {self.original.isoformat()}; reprogramada al "
            f"{self.vigente.isoformat()}, {cuanto}, aprobado en la {self.aprobacion.texto}"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Retiro:
    motivo: str | None
    aprobacion: Aprobacion

    @property
    def texto(self) -> str:
        """«Se retiró del plan en la sesión del …: motivo»."""
        motivo = f": {self.motivo}" if self.motivo else ""
        return f"Se retiró del plan en la {self.aprobacion.texto}{motivo}"


@dataclass(frozen=True, slots=True, kw_only=True)
class CambioReporte:
    """Una fila de «Cambios al plan»."""

    fecha: date | None
    tipo: str
    objetivo: str | None
    campo: str | None
    valor_anterior: str | None
    valor_nuevo: str | None
    motivo: str | None
    aprobacion: Aprobacion


@dataclass(frozen=True, slots=True, kw_only=True)
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
    calendario: CalendarioReporte
    evidencias: list[Evidencia]
    observaciones: str | None
    reprogramaciones: list[Reprogramacion] = dataclasses.field(default_factory=list)
    retiro: Retiro | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OdsReporte:
    codigo: str
    objetivo: str  # «ODS 16: Paz, justicia e instituciones sólidas»
    texto: str | None  # la meta o el indicador, en español; None si es el objetivo mismo


@dataclass(frozen=True, slots=True, kw_only=True)
class ProblemaPublico:
    descripcion: str | None
    causas: list[str]
    linea_base: str | None
    poblacion_afectada: str | None
    grupos: list[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class VinculoPmd:
    eje: str | None
    objetivo: str | None
    linea_accion: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluacionPrevista:
    metodo: str | None
    fecha: date | None
    responsable: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompromisoReporte:
    id: str
    ancla: str
    titulo: str | None
    avance: float
    texto_avance: str
    estado: str
    calendario: CalendarioReporte
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
    pmd: list[VinculoPmd]
    evaluacion_prevista: EvaluacionPrevista | None
    evaluacion: EvaluacionCompromisoReporte | None
    retiro: Retiro | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanReporte:
    fecha_corte: date
    inicio: date | None
    fin: date | None
    aprobado_en: str | None  # None también si la sesión que lo aprobó es posterior al corte
    fecha_aprobacion: date | None
    aprobado_despues: bool  # lo aprobó una sesión posterior: a la fecha de corte, aún no
    objetivo_general: str | None
    periodicidad_dias: int | None
    responsable_seguimiento: str | None
    url_seguimiento: str | None
    reportes: list[date]
    avance: float
    texto_avance: str
    estado: str
    calendario: CalendarioReporte
    compromisos: list[CompromisoReporte]
    gantt: Gantt | None
    cambios: list[CambioReporte] = dataclasses.field(default_factory=list)


def contexto(vista: Vista) -> PlanReporte | None:
    plan, evaluacion, situacion = vista.plan, vista.evaluacion, vista.calendario.plan
    if plan is None or situacion is None:
        return None
    fechas_sesion = {s.id: s.sesion.fecha for s in vista.sesiones}
    aprobado_despues = plan.aprobado_en in vista.ids_posteriores
    evaluados = {e.id: e for e in evaluacion.compromisos} if evaluacion else {}
    compromisos = [_compromiso(c, vista, evaluados.get(c.id)) for c in plan.compromisos]
    avance = situacion.avance
    seguimiento = plan.seguimiento
    return PlanReporte(
        fecha_corte=vista.fecha_corte,
        inicio=plan.periodo.inicio if plan.periodo else None,
        fin=plan.periodo.fin if plan.periodo else None,
        aprobado_en=None if aprobado_despues else plan.aprobado_en,
        fecha_aprobacion=fechas_sesion.get(plan.aprobado_en) if plan.aprobado_en else None,
        aprobado_despues=aprobado_despues,
        objetivo_general=plan.objetivo_general,
        periodicidad_dias=seguimiento.periodicidad_dias if seguimiento else None,
        responsable_seguimiento=seguimiento.responsable if seguimiento else None,
        url_seguimiento=seguimiento.url if seguimiento else None,
        reportes=[leido.seguimiento.fecha_corte for leido in vista.seguimientos],
        avance=avance,
        texto_avance=porcentaje(avance),
        estado=estado_de_avance(avance),
        calendario=calendario(situacion),
        compromisos=compromisos,
        gantt=_gantt(plan, compromisos, vista.fecha_corte),
        cambios=[_cambio(m, vista) for m in vista.modificaciones],
    )


def _compromiso(
    compromiso: Compromiso, vista: Vista, evaluado: EvaluacionCompromiso | None
) -> CompromisoReporte:
    situacion = vista.calendario.compromisos[compromiso.id]
    avance = situacion.avance
    responsables = compromiso.responsables
    lider = responsables.lider if responsables else None
    resultados = compromiso.resultados_esperados
    prevista = compromiso.evaluacion
    return CompromisoReporte(
        id=compromiso.id,
        ancla=ancla_compromiso(compromiso.id),
        titulo=compromiso.titulo,
        avance=avance,
        texto_avance=porcentaje(avance),
        estado=estado_de_avance(avance),
        calendario=calendario(situacion),
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
        problema=_problema(compromiso),
        objetivo=compromiso.objetivo,
        solucion=compromiso.solucion,
        # Una lista de resultados se publica como lista de Markdown.
        resultados_esperados="\n".join(f"- {r}" for r in resultados)
        if isinstance(resultados, list)
        else resultados,
        metas=[meta_reporte(meta) for meta in compromiso.metas],
        actividades=[_actividad(a, vista) for a in compromiso.actividades],
        ods=[_ods(codigo) for codigo in compromiso.ods],
        pmd=[
            VinculoPmd(eje=v.eje, objetivo=v.objetivo, linea_accion=v.linea_accion)
            for v in compromiso.pmd
        ],
        evaluacion_prevista=EvaluacionPrevista(
            metodo=prevista.metodo, fecha=prevista.fecha, responsable=prevista.responsable
        )
        if prevista
        else None,
        evaluacion=calificacion(evaluado, compromiso, avance) if evaluado else None,
        retiro=_retiro(compromiso.id, vista) if compromiso.retirada else None,
    )


def _problema(compromiso: Compromiso) -> ProblemaPublico | None:
    problema = compromiso.problema_publico
    if problema is None:
        return None
    return ProblemaPublico(
        descripcion=problema.descripcion,
        causas=list(problema.causas),
        linea_base=texto(problema.linea_base),
        poblacion_afectada=texto(problema.poblacion_afectada),
        grupos=et.etiquetas(et.GRUPOS, list(problema.grupos)),
    )


def meta_reporte(meta: Meta) -> MetaReporte:
    """Una meta y su indicador como se leen, aquí y en la sección de resultados."""
    indicador = meta.indicador
    return MetaReporte(
        id=meta.id,
        descripcion=meta.descripcion,
        indicador=indicador.nombre if indicador else None,
        unidad=indicador.unidad if indicador else None,
        linea_base=texto(indicador.linea_base) if indicador else None,
        valor_meta=texto(indicador.valor_meta) if indicador else None,
        fecha_meta=indicador.fecha_meta if indicador else None,
        medio_verificacion=meta.medio_verificacion,
    )


def _actividad(actividad: Actividad, vista: Vista) -> ActividadReporte:
    reporte = vista.ultimos_avances.get(actividad.id)
    reportado = (reporte.estado if reporte else None) or "sin_reporte"
    clave = "retirada" if actividad.retirada else reportado
    situacion = vista.calendario.actividades[actividad.id]
    avance = situacion.avance
    return ActividadReporte(
        id=actividad.id,
        descripcion=actividad.descripcion,
        entregable=actividad.entregable,
        inicio=actividad.inicio,
        fin=actividad.fin,
        responsables=list(actividad.responsables),
        medio_verificacion=actividad.medio_verificacion,
        estado=et.ESTADOS_ACTIVIDAD.get(clave, "Sin reporte"),
        clave_estado=clave,
        avance=avance,
        texto_avance=porcentaje(avance),
        calendario=calendario(situacion),
        evidencias=[Evidencia(descripcion=e.descripcion, url=e.url) for e in reporte.evidencias]
        if reporte
        else [],
        observaciones=reporte.observaciones if reporte else None,
        reprogramaciones=_reprogramaciones(actividad, vista),
        retiro=_retiro(actividad.id, vista) if actividad.retirada else None,
    )


def _aprobacion(modificacion: Modificacion, vista: Vista) -> Aprobacion:
    fechas = {s.id: s.sesion.fecha for s in vista.sesiones}
    sesion = modificacion.aprobado_en
    return Aprobacion(sesion=sesion, fecha=fechas.get(sesion) if sesion else None)


def _reprogramaciones(actividad: Actividad, vista: Vista) -> list[Reprogramacion]:
    """Las fechas vigentes que difieren de las aprobadas, con la sesión del último cambio."""
    aprobado = vista.carpeta.plan
    originales = {a.id: a for c in aprobado.compromisos for a in c.actividades} if aprobado else {}
    original = originales.get(actividad.id)
    cambios = vista.cambios_de(actividad.id)
    reprogramaciones = []
    for campo in ("inicio", "fin"):
        antes, ahora = getattr(original, campo, None), getattr(actividad, campo)
        ultimo = next((m for m in reversed(cambios) if m.campo == campo), None)
        if antes is None or ahora is None or antes == ahora or ultimo is None:
            continue
        reprogramaciones.append(
            Reprogramacion(
                campo=campo,
                original=antes,
                vigente=ahora,
                dias=(ahora - antes).days,
                aprobacion=_aprobacion(ultimo, vista),
            )
        )
    return reprogramaciones


def _retiro(objetivo: str, vista: Vista) -> Retiro | None:
    retiro = next((m for m in vista.cambios_de(objetivo) if m.tipo == "retiro"), None)
    if retiro is None:  # una actividad de un compromiso retirado
        return None
    return Retiro(motivo=retiro.motivo, aprobacion=_aprobacion(retiro, vista))


def _cambio(modificacion: Modificacion, vista: Vista) -> CambioReporte:
    return CambioReporte(
        fecha=modificacion.fecha,
        tipo=et.etiqueta(et.TIPOS_MODIFICACION, modificacion.tipo) or "Cambio",
        objetivo=modificacion.objetivo,
        campo=modificacion.campo,
        valor_anterior=texto(modificacion.valor_anterior),
        valor_nuevo=texto(modificacion.valor_nuevo),
        motivo=modificacion.motivo,
        aprobacion=_aprobacion(modificacion, vista),
    )


def _ods(codigo: str) -> OdsReporte:
    catalogo = ods()
    objetivo = codigo.split(".")[0]
    titulo = catalogo[objetivo].titulo if objetivo in catalogo else None
    entrada = catalogo.get(codigo)
    texto_ods = (
        (entrada.texto if entrada else "(código que no está en el catálogo de la ONU)")
        if codigo != objetivo
        else None
    )
    return OdsReporte(
        codigo=codigo,
        objetivo=f"ODS {objetivo}: {titulo}" if titulo else f"ODS {objetivo}",
        texto=texto_ods,
    )


def _gantt(plan: Plan, compromisos: list[CompromisoReporte], fecha_corte: date) -> Gantt | None:
    actividades = [
        (
            c.id,
            [
                ActividadEnGantt(
                    id=a.id,
                    descripcion=a.descripcion or "",
                    inicio=a.inicio,
                    fin=a.fin,
                    avance=a.avance,
                    cancelada=a.clave_estado in ("cancelada", "retirada"),
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
