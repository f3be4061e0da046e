"""Lo que se sabía de un proceso a la fecha de corte, calculado una sola vez.

Una `Vista` envuelve la carpeta leída y la fecha de corte, y es el único lugar que decide qué se
sabía ese día: las sesiones celebradas hasta entonces, los reportes de avance con fecha de corte
hasta entonces, la evaluación si ya estaba fechada y el plan vigente (el aprobado con las
modificaciones que ya surtían efecto); lo posterior queda fuera (y se cuenta en `posteriores`).
Así `--fecha-corte X` da lo que habría dado una corrida el día X. Un registro sin fecha no se
puede ubicar en el tiempo: se toma como conocido (otra regla pide su fecha).

Sus propiedades se calculan la primera vez que alguien las pide y se guardan: las sesiones y los
reportes en orden, la entrada más reciente de cada actividad, el avance conocido y el calendario
(avance reportado frente a esperado), las mediciones del indicador de cada meta, las señales O1–O9,
quiénes integraban el Espacio en una fecha, la asistencia y el quórum de una sesión, la sesión que
aprobó el plan, cuándo termina el encargo de quien representa al Núcleo y la consulta del plan
con las propuestas recibidas hasta la fecha de corte. Las reglas de contenido (por
`Contexto.vista`), el reporte y los datos abiertos leen de aquí. Las reglas de estructura
(sintaxis, tipos, referencias) revisan todos los archivos, también los posteriores: un archivo
mal escrito es un error en cualquier fecha. Un valor ilegible (GA004/GA006) falta en el modelo
aunque esté escrito; lo que se derive de él lo dice `Documento.roto(ruta)` (las señales O1–O9
callan si les falta).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, get_args

from caja_ga.avance import AvanceConocido, PasoDeAvance, conocidos, pasos_de_avance
from caja_ga.calendario import Calendario, calcular, sumar_meses
from caja_ga.catalogos import agrupacion_por_omision, agrupaciones_ods
from caja_ga.modelos.base import Sector
from caja_ga.modelos.cocreacion import Cocreacion, Consulta, Propuesta
from caja_ga.modelos.espacio import IntegranteEspacio
from caja_ga.modelos.evaluacion import Evaluacion
from caja_ga.modelos.plan import Modificacion, Plan
from caja_ga.modelos.seguimiento import AvanceActividad, MedicionIndicador, Seguimiento
from caja_ga.modelos.sesion import Sesion
from caja_ga.modificaciones import aplicar, en_orden
from caja_ga.problemas import Documento, Ruta
from caja_ga.proceso import CarpetaProceso
from caja_ga.vacio import vacio

if TYPE_CHECKING:
    from caja_ga.senales_agenda2030 import Senal


@dataclass(frozen=True, slots=True)
class SesionLeida:
    """Una sesión legible: su id (el nombre del archivo sin extensión), su documento y su modelo."""

    id: str
    documento: Documento
    sesion: Sesion


@dataclass(frozen=True, slots=True)
class SeguimientoLeido:
    """Un reporte de avance legible, con su documento (para ubicar problemas)."""

    documento: Documento
    seguimiento: Seguimiento


@dataclass(frozen=True, slots=True, kw_only=True)
class Medicion:
    """Un valor medido del indicador de una meta, con el registro que lo trae."""

    meta: str
    valor: float | None
    fecha: date | None  # la de la medición o, si no la dice, la del registro
    fuente: str | None
    documento: Documento
    ruta: Ruta  # dentro del documento: ("indicadores", i)


@dataclass(frozen=True, slots=True)
class Asistencia:
    """Quién asistió a una sesión del Espacio frente a quienes lo integraban ese día, por sector.

    Hay quórum con el número de `reglas.quorum` si es un número; si no lo es (un texto como «los
    tres sectores») o falta, con la mayoría de quienes integran cada sector: los tres sectores
    son pares y ninguno decide sin los otros.
    """

    integrantes: dict[str, list[str]]  # por sector, los ids de quienes lo integraban ese día
    presentes: dict[str, list[str]]  # por sector, los ids de quienes asistieron
    minimo: int | None  # el quórum numérico de `reglas.quorum`; None: mayoría de cada sector

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.presentes.values())

    @property
    def sin_mayoria(self) -> list[str]:
        """Los sectores de los que no asistió la mayoría (también los que no tienen a nadie)."""
        return [s for s, ids in self.integrantes.items() if len(self.presentes[s]) * 2 <= len(ids)]

    @property
    def hay_quorum(self) -> bool:
        return self.total >= self.minimo if self.minimo is not None else not self.sin_mayoria


class Vista:
    """Un proceso visto a una fecha de corte; cada dato derivado se calcula una vez."""

    def __init__(
        self, carpeta: CarpetaProceso, fecha_corte: date, agrupacion_ods: str | None = None
    ) -> None:
        self.carpeta = carpeta
        self.fecha_corte = fecha_corte
        # La agrupación de los ODS en dimensiones para O5 (`agenda2030.agrupacion` en la config).
        self.agrupacion_ods = agrupaciones_ods()[agrupacion_ods or agrupacion_por_omision()]

    def conocido(self, fecha: date | None) -> bool:
        """Si algo con esa fecha ya había ocurrido a la fecha de corte (sin fecha: sí)."""
        return fecha is None or fecha <= self.fecha_corte

    @cached_property
    def sesiones(self) -> list[SesionLeida]:
        """Las sesiones legibles celebradas hasta la fecha de corte, por fecha (las que no tienen
        fecha, al final) y luego por id."""
        leidas = [
            SesionLeida(doc.ruta.stem, doc, doc.modelo)
            for doc in self.carpeta.sesiones
            if isinstance(doc.modelo, Sesion) and self.conocido(doc.modelo.fecha)
        ]
        return sorted(leidas, key=lambda s: (s.sesion.fecha is None, s.sesion.fecha, s.id))

    @cached_property
    def seguimientos(self) -> list[SeguimientoLeido]:
        """Los reportes de avance legibles con fecha de corte hasta la de la vista, en orden."""
        leidos = [
            SeguimientoLeido(doc, doc.modelo)
            for doc in self.carpeta.seguimientos
            if isinstance(doc.modelo, Seguimiento) and self.conocido(doc.modelo.fecha_corte)
        ]
        return sorted(leidos, key=lambda s: s.seguimiento.fecha_corte)

    def antes_del_reporte(self) -> Vista:
        """La misma vista sin el reporte de su propia fecha de corte: lo que se sabía al preparar
        ese reporte (uno atrasado tampoco ve los posteriores)."""
        corte = self.fecha_corte
        previos = [s.documento for s in self.seguimientos if s.seguimiento.fecha_corte < corte]
        anterior = Vista(replace(self.carpeta, seguimientos=previos), self.fecha_corte)
        anterior.agrupacion_ods = self.agrupacion_ods
        return anterior

    @cached_property
    def plan(self) -> Plan | None:
        """El plan vigente a la fecha de corte: el aprobado, con las modificaciones que surten
        efecto hasta entonces (fechas y metas nuevas; lo retirado, con `retirada`, no borrado).
        `carpeta.plan` sigue siendo el plan tal como se aprobó (la línea base)."""
        return self._vigente[0] if self._vigente else None

    @cached_property
    def modificaciones(self) -> list[Modificacion]:
        """Las modificaciones aplicadas al plan vigente, en el orden en que se aplicaron."""
        return self._vigente[1] if self._vigente else []

    def cambios_de(self, objetivo: str) -> list[Modificacion]:
        """Las modificaciones aplicadas a un compromiso, actividad o meta, en orden."""
        return [m for m in self.modificaciones if m.objetivo == objetivo]

    @cached_property
    def _vigente(self) -> tuple[Plan, list[Modificacion]] | None:
        plan = self.carpeta.plan
        if plan is None:
            return None
        return aplicar(plan, [m for _, m in en_orden(plan) if self.conocido(m.fecha)])

    @cached_property
    def evaluacion(self) -> Evaluacion | None:
        """La evaluación, si ya estaba hecha a la fecha de corte."""
        evaluacion = self.carpeta.evaluacion
        return evaluacion if evaluacion is not None and self.conocido(evaluacion.fecha) else None

    @cached_property
    def posteriores(self) -> list[Documento]:
        """Los registros legibles que la fecha de corte deja fuera (sesiones, reportes, evaluación),
        para decir cuántos no se tomaron en cuenta."""
        dentro = {id(s.documento) for s in self.sesiones}
        dentro |= {id(s.documento) for s in self.seguimientos}
        fechados = [d for d in self.carpeta.sesiones if isinstance(d.modelo, Sesion)]
        fechados += [d for d in self.carpeta.seguimientos if isinstance(d.modelo, Seguimiento)]
        fuera = [d for d in fechados if id(d) not in dentro]
        documento = self.carpeta.documentos.get("evaluacion")
        if (
            documento is not None
            and self.carpeta.evaluacion is not None
            and self.evaluacion is None
        ):
            fuera.append(documento)
        return sorted(fuera, key=lambda d: d.archivo)

    @cached_property
    def ids_posteriores(self) -> frozenset[str]:
        """Los ids (el nombre del archivo sin extensión) de los registros posteriores al corte:
        una referencia a uno de ellos (en agenda2030.yaml, que no tiene fecha) aún no existía."""
        return frozenset(d.ruta.stem for d in self.posteriores)

    def minuta_publicada(self, sesion: Sesion) -> bool:
        """Si la minuta de la sesión ya estaba publicada a la fecha de corte."""
        minuta = sesion.minuta
        return (
            minuta is not None and not vacio(minuta.url) and self.conocido(minuta.fecha_publicacion)
        )

    def atraso_minuta(self, sesion: Sesion) -> int | None:
        """Días de la sesión a la publicación de su minuta o, sin minuta publicada al corte, a la
        fecha de corte; GA205 y el mínimo «Minutas a tiempo» lo comparan con el mismo plazo.
        None si la sesión no tiene fecha o la minuta se publicó sin decir cuándo."""
        if sesion.fecha is None:
            return None
        if sesion.minuta is None or not self.minuta_publicada(sesion):
            return (self.fecha_corte - sesion.fecha).days
        publicada = sesion.minuta.fecha_publicacion
        return None if publicada is None else (publicada - sesion.fecha).days

    @cached_property
    def ultimos_avances(self) -> dict[str, AvanceActividad]:
        """Para cada actividad, su entrada en el reporte más reciente que la menciona."""
        ultimos: dict[str, AvanceActividad] = {}
        for leido in self.seguimientos:
            for actividad in leido.seguimiento.actividades:
                ultimos[actividad.id] = actividad
        return ultimos

    @cached_property
    def pasos_de_avance(self) -> list[PasoDeAvance]:
        """Cada entrada de los reportes, en orden, con el avance conocido antes y después."""
        return pasos_de_avance((s.documento, s.seguimiento) for s in self.seguimientos)

    @cached_property
    def avances(self) -> dict[str, AvanceConocido]:
        """El avance que cuenta para cada actividad mencionada en algún reporte (avance.py)."""
        return conocidos(self.pasos_de_avance)

    @cached_property
    def calendario(self) -> Calendario:
        """Avance reportado, esperado y estado de calendario de cada actividad, compromiso y del
        plan vigente, a la fecha de corte (calendario.py)."""
        return calcular(self.plan, self.avances, self.fecha_corte)

    @cached_property
    def mediciones(self) -> dict[str, list[Medicion]]:
        """Para cada meta, los valores medidos de su indicador que se conocían a la fecha de
        corte (de reportes de avance y evaluación conocidos, con fecha hasta el corte), por
        fecha; las que no tienen fecha, al final."""
        por_meta: dict[str, list[Medicion]] = {}
        for doc, fecha_registro, indicadores in self._registros_de_indicadores():
            for i, medido in enumerate(indicadores):
                fecha = medido.fecha or fecha_registro
                if not self.conocido(fecha):
                    continue
                por_meta.setdefault(medido.meta, []).append(
                    Medicion(
                        meta=medido.meta,
                        valor=medido.valor,
                        fecha=fecha,
                        fuente=medido.fuente,
                        documento=doc,
                        ruta=("indicadores", i),
                    )
                )
        for lista in por_meta.values():
            lista.sort(key=lambda m: (m.fecha is None, m.fecha or self.fecha_corte))
        return por_meta

    def _registros_de_indicadores(
        self,
    ) -> list[tuple[Documento, date | None, list[MedicionIndicador]]]:
        """(documento, fecha del registro, mediciones) de cada reporte y de la evaluación."""
        registros: list[tuple[Documento, date | None, list[MedicionIndicador]]] = [
            (leido.documento, leido.seguimiento.fecha_corte, leido.seguimiento.indicadores)
            for leido in self.seguimientos
        ]
        documento = self.carpeta.documentos.get("evaluacion")
        if self.evaluacion is not None and documento is not None:
            registros.append((documento, self.evaluacion.fecha, self.evaluacion.indicadores))
        return registros

    @cached_property
    def senales(self) -> dict[str, Senal]:
        """Las señales O1–O9 que los datos permiten calcular, por código."""
        from caja_ga.senales_agenda2030 import senales_agenda2030

        return senales_agenda2030(self)

    @property
    def cocreacion(self) -> Cocreacion | None:
        """`cocreacion.yaml` tal como se leyó (None si no existe o no se pudo leer)."""
        return self.carpeta.cocreacion

    @cached_property
    def consulta(self) -> Consulta | None:
        """La consulta pública del plan, si ya se había abierto a la fecha de corte."""
        cocreacion = self.cocreacion
        if cocreacion is None or cocreacion.consulta is None:
            return None
        return cocreacion.consulta if self.conocido(cocreacion.consulta.inicio) else None

    @cached_property
    def propuestas(self) -> list[Propuesta]:
        """Las propuestas recibidas hasta la fecha de corte, con su respuesta, en el orden del
        archivo; las de después del corte no se muestran ni se cuentan."""
        cocreacion = self.cocreacion
        return [p for p in cocreacion.propuestas if self.conocido(p.fecha)] if cocreacion else []

    @cached_property
    def propuestas_por_resultado(self) -> dict[str, int]:
        """Cuántas propuestas conocidas se incorporaron, se fusionaron, no se incorporaron o
        aún no tienen respuesta («sin_respuesta»)."""
        cuenta = {"incorporada": 0, "fusionada": 0, "no_incorporada": 0, "sin_respuesta": 0}
        for propuesta in self.propuestas:
            cuenta[propuesta.resultado()] += 1
        return cuenta

    def integrantes_espacio(self, fecha: date) -> list[IntegranteEspacio]:
        """Quienes integraban el Espacio en `fecha` (según sus campos `desde` y `hasta`)."""
        if self.carpeta.espacio is None:
            return []
        return [
            integrante
            for integrante in self.carpeta.espacio.integrantes
            if (integrante.desde is None or integrante.desde <= fecha)
            and (integrante.hasta is None or integrante.hasta >= fecha)
        ]

    @cached_property
    def sesion_aprobacion(self) -> SesionLeida | None:
        """La sesión que aprobó el plan (`plan.aprobado_en`), si ya se había celebrado."""
        plan = self.carpeta.plan
        if plan is None or plan.aprobado_en is None:
            return None
        return next((s for s in self.sesiones if s.id == plan.aprobado_en), None)

    @cached_property
    def quorum_minimo(self) -> int | None:
        """Cuántos integrantes hacen quórum según `reglas.quorum`, si ahí hay un número."""
        reglas = self.carpeta.espacio.reglas if self.carpeta.espacio else None
        quorum = reglas.quorum if reglas else None
        if isinstance(quorum, str) and quorum.strip().isdigit():
            return int(quorum)
        return quorum if isinstance(quorum, int) else None

    def asistencia(self, sesion: Sesion) -> Asistencia:
        """Quién asistió a una sesión del Espacio, por sector, entre quienes lo integraban ese día
        (el de la sesión; sin fecha, el de corte)."""
        integrantes: dict[str, list[str]] = {sector: [] for sector in get_args(Sector)}
        for integrante in self.integrantes_espacio(sesion.fecha or self.fecha_corte):
            if integrante.sector is not None:
                integrantes[integrante.sector].append(integrante.id)
        # Quien asistió cuenta por su sector aunque sus fechas `desde`/`hasta` no lo cubran:
        # esas fechas las corrige su dueño, y negar que estuvo confundiría más que ayudaría.
        sectores = {
            i.id: i.sector
            for i in (self.carpeta.espacio.integrantes if self.carpeta.espacio else [])
        }
        presentes: dict[str, list[str]] = {sector: [] for sector in integrantes}
        for asistente in dict.fromkeys(sesion.asistentes):
            if (sector := sectores.get(asistente)) is not None:
                presentes[sector].append(asistente)
        return Asistencia(integrantes, presentes, self.quorum_minimo)

    @cached_property
    def fin_representacion(self) -> date | None:
        """El día en que termina el encargo de quien representa al Núcleo (`fecha` más
        `periodo_meses`), si ambos se conocen."""
        nucleo = self.carpeta.nucleo
        representante = nucleo.representante if nucleo else None
        if representante is None or representante.fecha is None:
            return None
        if representante.periodo_meses is None or representante.periodo_meses < 1:
            return None  # sin periodo (o uno imposible) no hay cuándo termine
        return sumar_meses(representante.fecha, representante.periodo_meses)
