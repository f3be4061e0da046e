"""Los estándares mínimos de un proceso a la fecha de corte, juzgados en un solo lugar.

Cada mínimo es una función de la `Vista` que devuelve si se cumple (✓), si no (✗) o si aún no
corresponde por la fase (—), con su motivo en palabras. La vista de coordinación estatal, los
datos abiertos (`minimos.csv`) y cualquier regla futura leen de aquí: ninguno vuelve a decidir
qué cuenta como cumplido. Los plazos son los mismos umbrales por omisión de las reglas que los
vigilan (GA205, GA404), para que un ✗ aquí y un aviso allá digan lo mismo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from caja_ga.modelos.base import FASES
from caja_ga.redaccion import cantidad, dias
from caja_ga.vacio import vacio
from caja_ga.vista import Vista


@dataclass(frozen=True, slots=True)
class Cumplimiento:
    clave: str
    cumple: bool | None  # None: aún no corresponde por la fase, o no hay con qué juzgarlo
    razon: str  # en palabras, para quien coordina

    @property
    def resultado(self) -> str:
        """si, no o no_aplica: el valor de la columna «resultado» de minimos.csv."""
        return "no_aplica" if self.cumple is None else "si" if self.cumple else "no"


# Lo que un mínimo juzga una vez alcanzada su fase: (se cumple o None, el motivo en palabras).
Juicio = tuple[bool | None, str]


@dataclass(frozen=True, slots=True)
class Minimo:
    clave: str
    nombre: str  # encabezado corto de la matriz
    criterio: str  # cómo se juzga, en una oración
    desde: str | None  # la fase desde la que se exige; None: lo decide `juzgar`
    juzgar: Callable[[Vista], Juicio]

    def evaluar(self, vista: Vista) -> Cumplimiento:
        if self.desde is not None and not _fase_alcanzada(vista, self.desde):
            razon = f"Aún no corresponde: se exige desde la fase «{self.desde}»."
            return Cumplimiento(self.clave, None, razon)
        return Cumplimiento(self.clave, *self.juzgar(vista))


def _fase_alcanzada(vista: Vista, fase: str) -> bool:
    actual = vista.carpeta.fase
    return actual in FASES and FASES.index(actual) >= FASES.index(fase)


def _segun(cumple: bool, si_cumple: str, si_no: str) -> Juicio:
    return cumple, si_cumple if cumple else si_no


def _umbral(nombre: str) -> int:
    from caja_ga.reglas import umbrales_por_omision

    return umbrales_por_omision()[nombre]


def edt_instalado(vista: Vista) -> Juicio:
    espacio = vista.carpeta.espacio
    instalacion = espacio.instalacion if espacio else None
    if instalacion is None or instalacion.fecha is None or not vista.conocido(instalacion.fecha):
        return (False, "No hay acta de instalación con fecha hasta el corte.")
    faltan = instalacion.sin_publicar()
    if faltan:  # el mismo juicio que GA212: las reglas del Espacio son públicas
        return (
            False,
            f"Instalado el {instalacion.fecha}, pero sin publicar "
            + " ni ".join("el acta" if f == "acta_url" else "los lineamientos" for f in faltan)
            + f" (falta {' y '.join(f'«{f}»' for f in faltan)}).",
        )
    return (True, f"Instalado el {instalacion.fecha}; el acta y los lineamientos en línea.")


def convocatoria_nucleo(vista: Vista) -> Juicio:
    nucleo = vista.carpeta.nucleo
    convocatoria = nucleo.convocatoria if nucleo else None
    publicada = convocatoria.fecha_publicacion if convocatoria else None
    if convocatoria is None or publicada is None or not vista.conocido(publicada):
        return (False, "No hay convocatoria del Núcleo publicada al corte.")
    if vacio(convocatoria.url):
        return (False, f"Convocatoria del {publicada} sin dirección web pública («url»).")
    cerrada = convocatoria.fecha_cierre is not None and vista.conocido(convocatoria.fecha_cierre)
    cierre = f", cerró el {convocatoria.fecha_cierre}" if cerrada else ""
    return (True, f"Convocatoria abierta publicada el {publicada}{cierre}.")


def minutas_a_tiempo(vista: Vista) -> Juicio:
    plazo = _umbral("max_dias_minuta")
    vencidas = 0  # sesiones cuyo plazo ya pasó
    tarde = 0
    for leida in vista.sesiones:
        fecha = leida.sesion.fecha
        # Como en GA205: las minutas del Núcleo son de la sociedad civil, no del ayuntamiento.
        if leida.sesion.organo == "nucleo":
            continue
        if fecha is None or (vista.fecha_corte - fecha).days <= plazo:
            continue
        vencidas += 1
        atraso = vista.atraso_minuta(leida.sesion)  # el mismo que juzga GA205
        if atraso is not None and atraso > plazo:
            tarde += 1
    if not vencidas:
        return (None, f"Sin sesiones de más de {dias(plazo)} al corte.")
    return _segun(
        not tarde,
        f"{'La sesión tiene' if vencidas == 1 else f'Las {vencidas} sesiones tienen'} minuta "
        f"publicada en {dias(plazo)} o menos.",
        f"{tarde} de {cantidad(vencidas, 'sesión', 'sesiones')} sin minuta publicada en "
        f"{dias(plazo)}.",
    )


def plan_aprobado(vista: Vista) -> Juicio:
    plan = vista.carpeta.plan
    if plan is None or plan.aprobado_en is None:
        return (False, "El plan no dice en qué sesión se aprobó.")
    leida = vista.sesion_aprobacion
    if leida is None or leida.sesion.fecha is None:
        # Sin el id: el de una sesión posterior al corte suele llevar su fecha.
        posterior = plan.aprobado_en in vista.ids_posteriores
        return (
            False,
            "La sesión que lo aprobó es posterior a la fecha de corte."
            if posterior
            else "La sesión de «aprobado_en» no está registrada con fecha.",
        )
    sesion, fecha = leida.sesion, leida.sesion.fecha
    if sesion.organo != "edt":
        return (False, f"Se aprobó el {fecha} fuera de una sesión del EDT.")
    asistencia = vista.asistencia(sesion)  # la misma cuenta que GA314
    if not asistencia.presentes["sociedad_civil"]:
        return (False, f"En la sesión del EDT del {fecha} no asistió la sociedad civil.")
    if not asistencia.hay_quorum:
        return (False, f"La sesión del EDT del {fecha} no tuvo quórum.")
    return (
        True,
        f"Aprobado en la sesión del EDT del {fecha}, con quórum y la sociedad civil presente.",
    )


def consulta_documentada(vista: Vista) -> Juicio:
    """Se cumple si cocreacion.yaml registra una consulta abierta al corte y cada propuesta
    recibida tiene respuesta (los estándares de OGP Local: consulta y respuesta razonada)."""
    if vista.consulta is None:
        return (False, "Sin consulta documentada al corte (cocreacion.yaml, «consulta»).")
    sin_respuesta = vista.propuestas_por_resultado["sin_respuesta"]
    if sin_respuesta:
        return (
            False,
            f"Consulta documentada, pero {sin_respuesta} de {len(vista.propuestas)} "
            f"{'propuesta no tiene' if sin_respuesta == 1 else 'propuestas no tienen'} "
            "respuesta razonada.",
        )
    recibidas = len(vista.propuestas)
    if recibidas == 0:
        return (True, "Consulta documentada; no registra propuestas.")
    cuantas = (
        "la propuesta recibida tiene"
        if recibidas == 1
        else f"las {recibidas} propuestas recibidas tienen"
    )
    return (True, f"Consulta documentada; {cuantas} respuesta razonada.")


def reportes_a_tiempo(vista: Vista) -> Juicio:
    plan = vista.plan
    periodicidad = (
        plan.seguimiento.periodicidad_dias
        if plan and plan.seguimiento and plan.seguimiento.periodicidad_dias
        else _umbral("periodicidad_seguimiento_dias")
    )
    atraso = dias_desde_reporte(vista)
    if atraso is None:
        return (False, "No hay ningún reporte de avance al corte.")
    # En evaluación ya no se esperan reportes nuevos: basta con que los haya habido.
    return _segun(
        vista.carpeta.fase != "implementacion" or atraso <= periodicidad,
        f"Último reporte hace {dias(atraso)} (se espera uno cada {periodicidad}).",
        f"El último reporte es de hace {dias(atraso)}; se esperaba uno cada {periodicidad}.",
    )


def evaluacion_hecha(vista: Vista) -> Juicio:
    evaluacion = vista.evaluacion
    if evaluacion is not None:
        fecha = f" el {evaluacion.fecha}" if evaluacion.fecha else ""
        return (True, f"Evaluación final hecha{fecha}.")
    plan = vista.plan
    fin = plan.periodo.fin if plan and plan.periodo else None
    if vista.carpeta.fase == "evaluacion":
        return (False, "En fase de evaluación, sin evaluación fechada al corte.")
    if fin is not None and fin < vista.fecha_corte:
        return (False, f"El plan terminó el {fin} y no hay evaluación.")
    return (None, "Aún no corresponde: el plan no ha terminado.")


MINIMOS: Final = (
    Minimo(
        "edt_instalado",
        "EDT instalado",
        "El Espacio de Diálogo Tripartita tiene acta de instalación fechada, y el acta y sus "
        "lineamientos están publicados en una dirección web.",
        "instalacion",
        edt_instalado,
    ),
    Minimo(
        "convocatoria_nucleo",
        "Convocatoria del Núcleo",
        "La convocatoria abierta del Núcleo de Sociedad Civil está publicada, con dirección web.",
        "instalacion",
        convocatoria_nucleo,
    ),
    Minimo(
        "minutas_a_tiempo",
        "Minutas a tiempo",
        "Toda sesión del EDT celebrada hace más del plazo tiene su minuta publicada a tiempo.",
        "dialogo",
        minutas_a_tiempo,
    ),
    Minimo(
        "plan_aprobado",
        "Plan aprobado",
        "El plan se aprobó en una sesión del EDT con quórum y con la sociedad civil presente.",
        "plan",
        plan_aprobado,
    ),
    Minimo(
        "consulta_documentada",
        "Consulta documentada",
        "La consulta del plan está documentada (cocreacion.yaml) y cada propuesta tiene respuesta.",
        "plan",
        consulta_documentada,
    ),
    Minimo(
        "reportes_a_tiempo",
        "Reportes a tiempo",
        "Hay reportes de avance y, en implementación, el último está dentro de la periodicidad.",
        "implementacion",
        reportes_a_tiempo,
    ),
    Minimo(
        "evaluacion_hecha",
        "Evaluación hecha",
        "Hay evaluación final fechada; se exige en la fase de evaluación o al terminar el plan.",
        None,
        evaluacion_hecha,
    ),
)


def evaluar(vista: Vista) -> tuple[Cumplimiento, ...]:
    """Cada mínimo del proceso a la fecha de corte, en el orden de `MINIMOS`."""
    return tuple(minimo.evaluar(vista) for minimo in MINIMOS)


def dias_desde_sesion_edt(vista: Vista) -> int | None:
    """Días de la última sesión del EDT con fecha a la fecha de corte; None si no hubo."""
    fechas = [s.sesion.fecha for s in vista.sesiones if s.sesion.organo == "edt" and s.sesion.fecha]
    return _dias(vista, max(fechas, default=None))


def dias_desde_reporte(vista: Vista) -> int | None:
    """Días de la fecha de corte del último reporte de avance a la de la vista."""
    ultimo = vista.seguimientos[-1].seguimiento.fecha_corte if vista.seguimientos else None
    return _dias(vista, ultimo)


def _dias(vista: Vista, fecha: date | None) -> int | None:
    return None if fecha is None else (vista.fecha_corte - fecha).days
