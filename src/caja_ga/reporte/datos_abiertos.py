"""Los datos abiertos del reporte: compromisos, actividades y avances en CSV, los procesos en JSON
y un paquete de datos (Frictionless Data Package) cuyo `schema` documenta cada columna.

Una fila por cosa, con ids que se unen: `carpeta` + `compromiso` + `actividad`. El diccionario de
datos (`RECURSOS`) es también la lista de columnas que se escriben, así que no puede desfasarse de
los archivos. Nunca se publica un correo ni un teléfono: ninguna columna los lleva, y si el texto
libre de un campo repite el de una persona sin `contacto_publico`, se reemplaza por
«[dato personal omitido]» (reporte/privacidad.py). Una celda de texto que empieza como fórmula de
hoja de cálculo lleva un apóstrofo antes (`neutralizar`). Misma entrada, mismos bytes: los procesos
se ordenan por carpeta y nada depende de la hora.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Final

from caja_ga.archivos import escribir_atomico
from caja_ga.avance import UMBRAL_ATRASO, estado_de_avance
from caja_ga.calendario import peso
from caja_ga.catalogos import FUENTE_INEGI, FUENTE_ODS, municipios
from caja_ga.minimos import MINIMOS
from caja_ga.modelos.plan import Indicador, Meta
from caja_ga.reporte.ficha import FichaCoordinacion, ficha, por_municipio, vigente
from caja_ga.reporte.privacidad import censor_del_proceso
from caja_ga.reporte.resumen import ResumenProceso
from caja_ga.reporte.secciones.evaluacion import tipo_evaluacion
from caja_ga.vista import Medicion, Vista

SEPARADOR: Final = ";"  # entre los valores de una lista dentro de una celda


@dataclass(frozen=True, slots=True)
class Campo:
    nombre: str
    tipo: str  # tipos de Table Schema: string, integer, number, date, array
    descripcion: str


@dataclass(frozen=True, slots=True)
class Recurso:
    nombre: str
    archivo: str
    titulo: str
    descripcion: str
    campos: tuple[Campo, ...]
    clave: tuple[str, ...]
    # (recurso, columnas): las mismas columnas deben existir allá, con el mismo nombre.
    referencia: tuple[str, tuple[str, ...]] | None = None

    @property
    def columnas(self) -> list[str]:
        return [campo.nombre for campo in self.campos]


_CVEGEO = Campo(
    "cvegeo",
    "string",
    "Clave geoestadística INEGI del municipio (5 dígitos: 2 de la entidad y 3 del municipio).",
)
_CARPETA = Campo(
    "carpeta",
    "string",
    "Carpeta del proceso dentro del reporte; identifica el "
    "proceso y, junto con los ids, une los archivos.",
)
_MUNICIPIO = Campo("municipio", "string", "Nombre del municipio.")
_ENTIDAD = Campo("entidad", "string", "Entidad federativa del municipio.")
_COMPROMISO = Campo(
    "compromiso", "string", "Id del compromiso en el plan de acción (único dentro del proceso)."
)
_ACTIVIDAD = Campo(
    "actividad", "string", "Id de la actividad en el plan de acción (única dentro del proceso)."
)
_AVANCE = (
    "Avance publicado en porcentaje (0 a 100): el de cada actividad es su avance en el "
    "reporte más reciente que la menciona; si ese reporte no lo trae, 100 si está completada, 0 si "
    "no iniciada y si no, el último reportado (0 si nunca se reportó)"
)
_ESPERADO = (
    "Avance esperado a la fecha de corte, en porcentaje (0 a 100): 0 antes del inicio, 100 desde "
    "el fin y, en medio, la parte de los días ya transcurrida"
)
_ESTADO_CALENDARIO = Campo(
    "estado_calendario",
    "string",
    "Estado a la fecha de corte según fechas y avance: por_iniciar (antes del inicio y sin "
    f"avance), en_tiempo, atrasada (más de {UMBRAL_ATRASO} puntos bajo el esperado), vencida "
    "(pasó el fin sin llegar a 100), completada, cancelada o sin_fechas.",
)

COMPROMISOS: Final = Recurso(
    "compromisos",
    "compromisos.csv",
    "Compromisos de los planes de acción",
    "Una fila por compromiso de cada plan de acción, con su avance y su evaluación.",
    (
        _CVEGEO,
        _MUNICIPIO,
        _ENTIDAD,
        _CARPETA,
        _COMPROMISO,
        Campo("titulo", "string", "Título del compromiso."),
        Campo(
            "valores",
            "string",
            "Valores de gobierno abierto que impulsa (transparencia, "
            "participacion, rendicion_cuentas, innovacion, inclusion), separados por «;».",
        ),
        Campo(
            "ods",
            "string",
            "Objetivos, metas o indicadores ODS a los que se alinea, separados por «;».",
        ),
        Campo(
            "avance",
            "number",
            _AVANCE + "; el del compromiso es el promedio de sus actividades no canceladas, "
            "ponderado por su peso.",
        ),
        Campo(
            "estado",
            "string",
            "Estado según el avance: sin avance (0), en proceso (más de 0 y "
            "menos de 100) o completado (100).",
        ),
        Campo(
            "avance_esperado",
            "number",
            _ESPERADO + "; el del compromiso, el promedio de sus actividades no canceladas "
            "(vacío si a alguna le faltan fechas).",
        ),
        _ESTADO_CALENDARIO,
        Campo("metas", "integer", "Número de metas del compromiso."),
        Campo("actividades", "integer", "Número de actividades del compromiso."),
        Campo("presupuesto_mxn", "number", "Presupuesto asignado, en pesos mexicanos."),
        Campo(
            "potencial",
            "string",
            "Potencial de resultados (escala del IRM de OGP): no_claro, modesto o sustancial.",
        ),
        Campo(
            "cumplimiento",
            "string",
            "Cumplimiento en la evaluación final (escala del IRM, de menor a mayor): "
            "no_iniciado, limitado, sustancial o completo; sin_evidencia si no hubo con qué "
            "juzgarlo (no es un nivel: no lo promedies ni lo cuentes como no_iniciado); vacío si "
            "aún no hay evaluación.",
        ),
        Campo(
            "abrio_gobierno",
            "string",
            "¿Abrió el gobierno? en la evaluación final (escala del "
            "IRM): empeoro, sin_cambio, marginal, mayor o sobresaliente; vacío si aún no hay "
            "evaluación.",
        ),
        Campo(
            "tipo_evaluacion",
            "string",
            "Quién evaluó el compromiso: autoevaluacion (el propio Espacio de Diálogo "
            "Tripartita), independiente (una persona o institución ajena al proceso) o "
            "sin_evaluador (la evaluación no lo dice); vacío si aún no hay evaluación.",
        ),
    ),
    ("carpeta", "compromiso"),
)

ACTIVIDADES: Final = Recurso(
    "actividades",
    "actividades.csv",
    "Actividades de los compromisos",
    "Una fila por actividad de cada compromiso, con su último avance reportado.",
    (
        _CVEGEO,
        _CARPETA,
        _COMPROMISO,
        _ACTIVIDAD,
        Campo("descripcion", "string", "Qué se hará (puede contener Markdown)."),
        Campo("entregable", "string", "Producto verificable que deja la actividad."),
        Campo(
            "inicio",
            "date",
            "Fecha de inicio vigente a la fecha de corte (AAAA-MM-DD): la del plan aprobado o "
            "la de su última reprogramación registrada.",
        ),
        Campo("fin", "date", "Fecha de término vigente a la fecha de corte (AAAA-MM-DD)."),
        Campo(
            "responsables",
            "string",
            "Áreas, organizaciones o personas responsables, separadas por «;».",
        ),
        Campo("medio_verificacion", "string", "Cómo se comprueba que se hizo."),
        Campo("avance", "number", _AVANCE + "."),
        Campo(
            "estado",
            "string",
            "Estado en el reporte más reciente que la menciona: no_iniciada, "
            "en_proceso, completada o cancelada; vacío si nunca se reportó.",
        ),
        Campo("avance_esperado", "number", _ESPERADO + "; vacío si le faltan fechas."),
        _ESTADO_CALENDARIO,
        Campo(
            "peso",
            "number",
            "Peso de la actividad en el avance de su compromiso (1 si el plan no lo dice).",
        ),
        Campo(
            "inicio_original",
            "date",
            "Fecha de inicio en el plan aprobado (AAAA-MM-DD); distinta de «inicio» si se "
            "reprogramó.",
        ),
        Campo(
            "fin_original",
            "date",
            "Fecha de término en el plan aprobado (AAAA-MM-DD); distinta de «fin» si se "
            "reprogramó: la diferencia es el retraso contra lo aprobado.",
        ),
        Campo(
            "retirada",
            "string",
            "«si» si la actividad (o su compromiso) se retiró del plan; no cuenta en el avance.",
        ),
    ),
    ("carpeta", "actividad"),
    ("compromisos", ("carpeta", "compromiso")),
)

AVANCES: Final = Recurso(
    "avances",
    "avances.csv",
    "Reportes de avance",
    "Una fila por actividad en cada reporte de avance (fecha de corte): la historia del avance.",
    (
        _CVEGEO,
        _CARPETA,
        Campo("fecha_corte", "date", "Fecha de corte del reporte (AAAA-MM-DD)."),
        _ACTIVIDAD,
        Campo(
            "estado", "string", "Estado reportado: no_iniciada, en_proceso, completada o cancelada."
        ),
        Campo(
            "avance",
            "number",
            "Avance reportado en porcentaje (0 a 100); vacío si el reporte no lo dice.",
        ),
        Campo("evidencias", "integer", "Número de evidencias que acompañan el reporte."),
        Campo("primera_evidencia_url", "string", "Dirección web de la primera evidencia."),
    ),
    ("carpeta", "fecha_corte", "actividad"),
    ("actividades", ("carpeta", "actividad")),
)

_META = Campo("meta", "string", "Id de la meta en el plan de acción (única dentro del proceso).")
_MEDIDO = (
    "Solo cuentan las mediciones conocidas a la fecha de corte (de reportes de avance y de la "
    "evaluación, con fecha hasta el corte)"
)

METAS: Final = Recurso(
    "metas",
    "metas.csv",
    "Metas de los compromisos y su indicador",
    "Una fila por meta de cada compromiso: el indicador con su línea base y su valor meta "
    "vigentes, y el último valor medido a la fecha de corte.",
    (
        _CVEGEO,
        _CARPETA,
        _COMPROMISO,
        _META,
        Campo("descripcion", "string", "Qué se logrará (puede contener Markdown)."),
        Campo("indicador", "string", "Nombre del indicador: qué se mide."),
        Campo("unidad", "string", "Unidad de medida del indicador."),
        Campo("linea_base", "number", "Valor de partida del indicador."),
        Campo(
            "valor_meta",
            "number",
            "Valor que se quiere alcanzar (el vigente, con los cambios de meta aprobados).",
        ),
        Campo("fecha_meta", "date", "Cuándo se debe alcanzar (AAAA-MM-DD)."),
        Campo(
            "ultimo_valor",
            "number",
            "El valor medido más reciente; vacío si no hay ninguno. " + _MEDIDO + ".",
        ),
        Campo("fecha_ultimo_valor", "date", "Fecha de ese valor medido (AAAA-MM-DD)."),
        Campo("mediciones", "integer", "Número de valores medidos del indicador. " + _MEDIDO + "."),
    ),
    ("carpeta", "meta"),
    ("compromisos", ("carpeta", "compromiso")),
)

MEDICIONES: Final = Recurso(
    "mediciones",
    "mediciones.csv",
    "Mediciones de los indicadores de las metas",
    "Una fila por valor medido del indicador de una meta: la historia del resultado. "
    + _MEDIDO
    + ".",
    (
        _CVEGEO,
        _CARPETA,
        _META,
        Campo(
            "numero",
            "integer",
            "Orden de la medición entre las de su meta, por fecha (1 la más antigua).",
        ),
        Campo(
            "fecha",
            "date",
            "Fecha de la medición (AAAA-MM-DD): la que dice, o la del reporte que la registra.",
        ),
        Campo("valor", "number", "Valor medido, en la unidad del indicador."),
        Campo("fuente", "string", "De dónde sale el valor: un texto o una dirección web."),
        Campo(
            "registro",
            "string",
            "Archivo del proceso que registra la medición (seguimiento/….yaml o evaluacion.yaml).",
        ),
    ),
    ("carpeta", "meta", "numero"),
    ("metas", ("carpeta", "meta")),
)

PROCESOS: Final = Recurso(
    "procesos",
    "procesos.json",
    "Procesos de gobierno abierto",
    "Un objeto por proceso (un municipio, un ciclo de plan de acción), con su fase y su avance.",
    (
        _CARPETA,
        _CVEGEO,
        _MUNICIPIO,
        _ENTIDAD,
        Campo(
            "fase",
            "string",
            "Fase del proceso: diagnostico, instalacion, dialogo, plan, "
            "implementacion o evaluacion.",
        ),
        Campo("inicio_gobierno", "date", "Inicio del periodo de gobierno (AAAA-MM-DD)."),
        Campo("fin_gobierno", "date", "Fin del periodo de gobierno (AAAA-MM-DD)."),
        Campo("compromisos", "integer", "Número de compromisos del plan de acción."),
        Campo("actividades", "integer", "Número de actividades del plan de acción."),
        Campo(
            "avance",
            "number",
            "Avance del plan en porcentaje (0 a 100): promedio del avance de "
            "sus compromisos; nulo mientras no hay plan.",
        ),
        Campo(
            "ultima_actualizacion",
            "date",
            "Fecha del dato más reciente: reporte de avance, sesión o evaluación (AAAA-MM-DD).",
        ),
        Campo("ods", "array", "Códigos ODS que citan los compromisos, sin repetir."),
        Campo("errores", "integer", "Errores de validación del proceso al generar el reporte."),
        Campo("avisos", "integer", "Avisos de validación del proceso al generar el reporte."),
    ),
    ("carpeta",),
)

MODIFICACIONES: Final = Recurso(
    "modificaciones",
    "modificaciones.csv",
    "Cambios a los planes de acción",
    "Una fila por cambio registrado al plan aprobado (reprogramación, retiro, cambio de meta) "
    "que ya regía a la fecha de corte, en el orden en que se aplicó.",
    (
        _CVEGEO,
        _CARPETA,
        Campo("orden", "integer", "Orden en que se aplicó el cambio dentro del proceso (1, 2, …)."),
        Campo("id", "string", "Id de la modificación en plan.yaml, si lo tiene."),
        Campo("fecha", "date", "Desde cuándo rige el cambio (AAAA-MM-DD)."),
        Campo("aprobado_en", "string", "Id de la sesión del EDT que aprobó el cambio."),
        Campo("tipo", "string", "reprogramacion, retiro, cambio_meta u otro."),
        Campo("objetivo", "string", "Id del compromiso, la actividad o la meta que cambia."),
        Campo(
            "campo", "string", "Qué campo cambia (inicio, fin, valor_meta, …); vacío en un retiro."
        ),
        Campo("valor_anterior", "string", "El valor antes del cambio."),
        Campo("valor_nuevo", "string", "El valor desde el cambio."),
        Campo("motivo", "string", "Por qué se cambió."),
    ),
    ("carpeta", "orden"),
)

_DIAS = "a la fecha de corte; vacío si no hay ninguno"
COBERTURA: Final = Recurso(
    "cobertura",
    "cobertura.csv",
    "Cobertura de los municipios del catálogo del INEGI",
    "Una fila por municipio del catálogo del INEGI, tenga o no un proceso en el reporte; si tiene "
    "varios, los datos son los del periodo de gobierno más reciente.",
    (
        _CVEGEO,
        Campo("municipio", "string", "Nombre del municipio en el catálogo del INEGI."),
        Campo("entidad", "string", "Entidad federativa en el catálogo del INEGI."),
        Campo(
            "procesos", "integer", "Número de procesos del municipio en el reporte (0: ninguno)."
        ),
        Campo("carpeta", "string", "Carpeta del proceso vigente; vacía si no hay proceso."),
        Campo(
            "fase",
            "string",
            "Fase del proceso vigente (diagnostico, instalacion, dialogo, plan, implementacion o "
            "evaluacion); vacía si no hay proceso.",
        ),
        Campo(
            "ultima_actualizacion",
            "date",
            "Fecha del dato más reciente del proceso vigente: reporte de avance, sesión o "
            "evaluación (AAAA-MM-DD).",
        ),
        Campo(
            "dias_desde_sesion_edt",
            "integer",
            f"Días desde la última sesión del Espacio de Diálogo Tripartita, {_DIAS}.",
        ),
        Campo(
            "dias_desde_reporte",
            "integer",
            f"Días desde la fecha de corte del último reporte de avance, {_DIAS}.",
        ),
    ),
    ("cvegeo",),
)

MINIMOS_CSV: Final = Recurso(
    "minimos",
    "minimos.csv",
    "Estándares mínimos de cada proceso",
    "Una fila por estándar mínimo de cada proceso, juzgado a la fecha de corte. Los mínimos: "
    + " ".join(f"{m.clave}: {m.criterio}" for m in MINIMOS),
    (
        _CVEGEO,
        _CARPETA,
        Campo(
            "minimo",
            "string",
            "Clave del estándar mínimo: " + ", ".join(m.clave for m in MINIMOS) + ".",
        ),
        Campo(
            "resultado",
            "string",
            "si (se cumple), no (no se cumple) o no_aplica (aún no corresponde por la fase, o no "
            "hay con qué juzgarlo).",
        ),
        Campo("razon", "string", "Por qué, en palabras."),
    ),
    ("carpeta", "minimo"),
)

PROPUESTAS: Final = Recurso(
    "propuestas",
    "propuestas.csv",
    "Propuestas de la consulta pública y su respuesta",
    "Una fila por propuesta recibida en la consulta con la que se cocreó cada plan de acción, "
    "con la respuesta razonada que se le dio. Solo las recibidas hasta la fecha de corte.",
    (
        _CVEGEO,
        _CARPETA,
        Campo(
            "propuesta", "string", "Id de la propuesta en cocreacion.yaml (único en el proceso)."
        ),
        Campo("resumen", "string", "Qué se propuso."),
        Campo(
            "propuesta_por",
            "string",
            "La organización que la propuso, o «ciudadanía» (nunca una persona particular).",
        ),
        Campo("fecha", "date", "Cuándo se recibió (AAAA-MM-DD)."),
        Campo("canal", "string", "Por cuál canal de la consulta llegó."),
        Campo(
            "resultado",
            "string",
            "incorporada, fusionada (con otra propuesta) o no_incorporada; vacío si aún no tiene "
            "respuesta.",
        ),
        Campo(
            "compromiso",
            "string",
            "Id del compromiso del plan en que se convirtió; vacío si no se convirtió en uno.",
        ),
        Campo("fusionada_con", "string", "Id de la propuesta con la que se fusionó."),
        Campo("motivo", "string", "Por qué no se incorporó, o cómo se incorporó o fusionó."),
    ),
    ("carpeta", "propuesta"),
)

RECURSOS: Final = (
    COMPROMISOS,
    ACTIVIDADES,
    AVANCES,
    METAS,
    MEDICIONES,
    MODIFICACIONES,
    PROPUESTAS,
    PROCESOS,
    COBERTURA,
    MINIMOS_CSV,
)
DESCRIPTOR: Final = "datapackage.json"
ARCHIVOS: Final = (*(recurso.archivo for recurso in RECURSOS), DESCRIPTOR)
CARPETA: Final = "datos"  # dentro de la salida del reporte, junto al índice que la enlaza
_TIPOS_NUMERICOS: Final = frozenset({"integer", "number"})
_INICIO_DE_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")

_FUENTES: Final = (
    {"title": FUENTE_INEGI, "path": "https://www.inegi.org.mx/app/ageeml/"},
    {"title": FUENTE_ODS, "path": "https://github.com/open-sdg/sdg-translations"},
)
_LICENCIA: Final = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Atribución 4.0 Internacional",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.es",
}

_Filas = Callable[[ResumenProceso, Vista], Iterator[dict[str, object]]]


@dataclass(frozen=True)
class FilasProceso:
    """Las filas CSV de un proceso, ya censuradas y sin encabezado: se calculan donde se lee el
    proceso (también en los procesos hijos de --jobs) y viajan como texto, para no guardar en
    memoria los modelos ni miles de diccionarios de todo el país."""

    resumen: ResumenProceso
    compromisos: str
    actividades: str
    avances: str
    metas: str
    mediciones: str
    modificaciones: str
    propuestas: str
    ficha: FichaCoordinacion


def filas_de(resumen: ResumenProceso, vista: Vista) -> FilasProceso:
    privados = censor_del_proceso(vista.carpeta)

    def censuradas(recurso: Recurso, filas: _Filas) -> str:
        return _csv(
            recurso,
            (
                {columna: privados.censurar(_celda(valor)) for columna, valor in fila.items()}
                for fila in filas(resumen, vista)
            ),
            encabezado=False,
        )

    censurado = replace(
        resumen,
        municipio=resumen.municipio and privados.censurar(resumen.municipio),
        entidad=resumen.entidad and privados.censurar(resumen.entidad),
    )
    return FilasProceso(
        censurado,
        censuradas(COMPROMISOS, _filas_compromisos),
        censuradas(ACTIVIDADES, _filas_actividades),
        censuradas(AVANCES, _filas_avances),
        censuradas(METAS, _filas_metas),
        censuradas(MEDICIONES, _filas_mediciones),
        censuradas(MODIFICACIONES, _filas_modificaciones),
        censuradas(PROPUESTAS, _filas_propuestas),
        ficha(censurado, vista),
    )


def escribir_datos_abiertos(procesos: list[FilasProceso], salida: Path) -> list[Path]:
    """Escribe los CSV, `procesos.json` y `datapackage.json` en `salida`; devuelve sus rutas."""
    ordenados = sorted(procesos, key=lambda filas: filas.resumen.carpeta)
    contenidos = {
        COMPROMISOS.archivo: _csv(COMPROMISOS, []) + "".join(p.compromisos for p in ordenados),
        ACTIVIDADES.archivo: _csv(ACTIVIDADES, []) + "".join(p.actividades for p in ordenados),
        AVANCES.archivo: _csv(AVANCES, []) + "".join(p.avances for p in ordenados),
        METAS.archivo: _csv(METAS, []) + "".join(p.metas for p in ordenados),
        MEDICIONES.archivo: _csv(MEDICIONES, []) + "".join(p.mediciones for p in ordenados),
        MODIFICACIONES.archivo: _csv(MODIFICACIONES, [])
        + "".join(p.modificaciones for p in ordenados),
        PROPUESTAS.archivo: _csv(PROPUESTAS, []) + "".join(p.propuestas for p in ordenados),
        PROCESOS.archivo: _json([_objeto_proceso(p.resumen) for p in ordenados]),
        COBERTURA.archivo: _csv(COBERTURA, _filas_cobertura([p.ficha for p in ordenados])),
        MINIMOS_CSV.archivo: _csv(MINIMOS_CSV, _filas_minimos([p.ficha for p in ordenados])),
        DESCRIPTOR: _json(paquete_de_datos()),
    }
    rutas: list[Path] = []
    for nombre, contenido in contenidos.items():
        escribir_atomico(salida / nombre, contenido)
        rutas.append(salida / nombre)
    return rutas


def _filas_compromisos(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    plan, evaluacion = vista.plan, vista.evaluacion
    evaluados = {c.id: c for c in evaluacion.compromisos} if evaluacion else {}
    tipo = tipo_evaluacion(evaluacion) if evaluacion else None
    for compromiso in plan.compromisos if plan else []:
        situacion = vista.calendario.compromisos[compromiso.id]
        avance = situacion.avance
        evaluado = evaluados.get(compromiso.id)
        yield {
            "cvegeo": resumen.cvegeo,
            "municipio": resumen.municipio,
            "entidad": resumen.entidad,
            "carpeta": resumen.carpeta,
            "compromiso": compromiso.id,
            "titulo": compromiso.titulo,
            "valores": compromiso.valores,
            "ods": compromiso.ods,
            "avance": avance,
            "estado": estado_de_avance(avance),
            "avance_esperado": situacion.esperado,
            "estado_calendario": situacion.estado,
            "metas": len(compromiso.metas),
            "actividades": len(compromiso.actividades),
            "presupuesto_mxn": compromiso.presupuesto_mxn,
            "potencial": compromiso.potencial,
            "cumplimiento": evaluado.cumplimiento if evaluado else None,
            "abrio_gobierno": evaluado.abrio_gobierno if evaluado else None,
            "tipo_evaluacion": tipo if evaluado else None,
        }


def _filas_actividades(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    plan, ultimos = vista.plan, vista.ultimos_avances
    aprobado = vista.carpeta.plan
    originales = {a.id: a for c in aprobado.compromisos for a in c.actividades} if aprobado else {}
    for compromiso in plan.compromisos if plan else []:
        for actividad in compromiso.actividades:
            reportada = ultimos.get(actividad.id)
            situacion = vista.calendario.actividades[actividad.id]
            original = originales.get(actividad.id, actividad)
            yield {
                "cvegeo": resumen.cvegeo,
                "carpeta": resumen.carpeta,
                "compromiso": compromiso.id,
                "actividad": actividad.id,
                "descripcion": actividad.descripcion,
                "entregable": actividad.entregable,
                "inicio": actividad.inicio,
                "fin": actividad.fin,
                "inicio_original": original.inicio,
                "fin_original": original.fin,
                "retirada": "si" if actividad.retirada else "no",
                "responsables": actividad.responsables,
                "medio_verificacion": actividad.medio_verificacion,
                "avance": situacion.avance,
                "estado": reportada.estado if reportada else None,
                "avance_esperado": situacion.esperado,
                "estado_calendario": situacion.estado,
                "peso": peso(actividad),
            }


def _filas_avances(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    for leido in vista.seguimientos:
        reporte = leido.seguimiento
        for actividad in reporte.actividades:
            yield {
                "cvegeo": resumen.cvegeo,
                "carpeta": resumen.carpeta,
                "fecha_corte": reporte.fecha_corte,
                "actividad": actividad.id,
                "estado": actividad.estado,
                "avance": actividad.avance,
                "evidencias": len(actividad.evidencias),
                "primera_evidencia_url": next((e.url for e in actividad.evidencias if e.url), None),
            }


def _metas_del_plan(vista: Vista) -> Iterator[tuple[str, Meta, list[Medicion]]]:
    """(compromiso, meta vigente, sus mediciones con valor) de cada meta del plan vigente."""
    plan = vista.plan
    for compromiso in plan.compromisos if plan else []:
        for meta in compromiso.metas:
            medidas = [m for m in vista.mediciones.get(meta.id, []) if m.valor is not None]
            yield compromiso.id, meta, medidas


def _filas_metas(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    for compromiso, meta, medidas in _metas_del_plan(vista):
        indicador = meta.indicador or Indicador()
        ultima = medidas[-1] if medidas else None
        yield {
            "cvegeo": resumen.cvegeo,
            "carpeta": resumen.carpeta,
            "compromiso": compromiso,
            "meta": meta.id,
            "descripcion": meta.descripcion,
            "indicador": indicador.nombre,
            "unidad": indicador.unidad,
            "linea_base": indicador.linea_base,
            "valor_meta": indicador.valor_meta,
            "fecha_meta": indicador.fecha_meta,
            "ultimo_valor": ultima.valor if ultima else None,
            "fecha_ultimo_valor": ultima.fecha if ultima else None,
            "mediciones": len(medidas),
        }


def _filas_mediciones(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    raiz = vista.carpeta.carpeta
    for _, meta, medidas in _metas_del_plan(vista):
        for numero, medida in enumerate(medidas, start=1):
            yield {
                "cvegeo": resumen.cvegeo,
                "carpeta": resumen.carpeta,
                "meta": meta.id,
                "numero": numero,
                "fecha": medida.fecha,
                "valor": medida.valor,
                "fuente": medida.fuente,
                "registro": medida.documento.ruta.relative_to(raiz).as_posix(),
            }


def _filas_modificaciones(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    for orden, modificacion in enumerate(vista.modificaciones, start=1):
        yield {
            "cvegeo": resumen.cvegeo,
            "carpeta": resumen.carpeta,
            "orden": orden,
            "id": modificacion.id,
            "fecha": modificacion.fecha,
            "aprobado_en": modificacion.aprobado_en,
            "tipo": modificacion.tipo,
            "objetivo": modificacion.objetivo,
            "campo": modificacion.campo,
            "valor_anterior": modificacion.valor_anterior,
            "valor_nuevo": modificacion.valor_nuevo,
            "motivo": modificacion.motivo,
        }


def _filas_cobertura(fichas: list[FichaCoordinacion]) -> Iterator[dict[str, str]]:
    grupos = por_municipio(fichas)
    for cvegeo, municipio in sorted(municipios().items()):
        propias = grupos.get(cvegeo, [])
        actual = vigente(propias)
        resumen = actual.resumen if actual else None
        fila: dict[str, object] = {
            "cvegeo": cvegeo,
            "municipio": municipio.nombre,
            "entidad": municipio.entidad,
            "procesos": len(propias),
            "carpeta": resumen.carpeta if resumen else None,
            "fase": resumen.fase if resumen else None,
            "ultima_actualizacion": resumen.ultima_actualizacion if resumen else None,
            "dias_desde_sesion_edt": actual.dias_sesion_edt if actual else None,
            "dias_desde_reporte": actual.dias_reporte if actual else None,
        }
        yield {columna: _celda(valor) for columna, valor in fila.items()}


def _filas_minimos(fichas: list[FichaCoordinacion]) -> Iterator[dict[str, str]]:
    for una in fichas:
        for cumplimiento in una.minimos:
            yield {
                "cvegeo": una.resumen.cvegeo or "",
                "carpeta": una.resumen.carpeta,
                "minimo": cumplimiento.clave,
                "resultado": cumplimiento.resultado,
                "razon": cumplimiento.razon,
            }


def _filas_propuestas(resumen: ResumenProceso, vista: Vista) -> Iterator[dict[str, object]]:
    for propuesta in vista.propuestas:
        respuesta = propuesta.respuesta
        yield {
            "cvegeo": resumen.cvegeo,
            "carpeta": resumen.carpeta,
            "propuesta": propuesta.id,
            "resumen": propuesta.resumen,
            "propuesta_por": propuesta.propuesta_por,
            "fecha": propuesta.fecha,
            "canal": propuesta.canal,
            "resultado": respuesta.resultado if respuesta else None,
            "compromiso": respuesta.compromiso if respuesta else None,
            "fusionada_con": respuesta.fusionada_con if respuesta else None,
            "motivo": respuesta.motivo if respuesta else None,
        }


def _celda(valor: object) -> str:
    if valor is None:
        return ""
    if isinstance(valor, float):
        return _numero(valor)
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, list | tuple):
        return SEPARADOR.join(str(v) for v in valor)
    return str(valor)


def _numero(valor: float) -> str:
    """Dos decimales a lo más, sin ceros de sobra: 66.666… → 66.67, 100.0 → 100."""
    return f"{valor:.2f}".rstrip("0").rstrip(".")


def _csv(recurso: Recurso, filas: Iterable[Mapping[str, str]], encabezado: bool = True) -> str:
    texto = io.StringIO()
    escritor = csv.DictWriter(
        texto, fieldnames=recurso.columnas, lineterminator="\n", extrasaction="raise"
    )
    if encabezado:
        escritor.writeheader()
    de_texto = {campo.nombre for campo in recurso.campos if campo.tipo not in _TIPOS_NUMERICOS}
    escritor.writerows(
        {columna: neutralizar(v) if columna in de_texto else v for columna, v in fila.items()}
        for fila in filas
    )
    return texto.getvalue()


def neutralizar(celda: str) -> str:
    """Una celda de texto que una hoja de cálculo leería como fórmula («=», «+», «-», «@»,
    tabulador o retorno al inicio) lleva antes un apóstrofo, como recomienda OWASP: se ve igual
    y nunca se ejecuta. Las columnas numéricas no pasan por aquí: «-5» sigue siendo un número."""
    return f"'{celda}" if celda.startswith(_INICIO_DE_FORMULA) else celda


def _objeto_proceso(resumen: ResumenProceso) -> dict[str, object]:
    objeto: dict[str, object] = {}
    for campo in PROCESOS.campos:
        valor = getattr(resumen, campo.nombre)
        if isinstance(valor, date):
            valor = valor.isoformat()
        elif isinstance(valor, float):
            valor = round(valor, 2)
        elif isinstance(valor, tuple):
            valor = list(valor)
        objeto[campo.nombre] = valor
    return objeto


def _json(datos: object) -> str:
    return json.dumps(datos, ensure_ascii=False, indent=2) + "\n"


def paquete_de_datos() -> dict[str, object]:
    """El descriptor `datapackage.json`: qué hay, de dónde viene y qué significa cada columna."""
    return {
        "profile": "data-package",
        "name": "gobierno-abierto-municipal",
        "title": "Gobierno abierto municipal: procesos, compromisos, actividades, avances, "
        "resultados y propuestas de la consulta",
        "description": "Datos abiertos de los procesos municipales de gobierno abierto, generados "
        "por caja-ga a partir de los archivos de cada proceso. Las columnas "
        "«carpeta», «compromiso» y «actividad» unen los archivos. Una celda de texto que "
        "empieza con =, +, -, @, tabulador o retorno lleva un apóstrofo (') delante para que "
        "ninguna hoja de cálculo la ejecute como fórmula; las columnas numéricas no lo llevan.",
        "keywords": ["gobierno abierto", "municipios", "México", "Agenda 2030", "ODS"],
        "licenses": [_LICENCIA],
        "sources": list(_FUENTES),
        "resources": [_descriptor(recurso) for recurso in RECURSOS],
    }


def _descriptor(recurso: Recurso) -> dict[str, object]:
    esquema: dict[str, object] = {
        "fields": [
            {"name": c.nombre, "type": c.tipo, "description": c.descripcion} for c in recurso.campos
        ],
        "primaryKey": list(recurso.clave),
    }
    if recurso.referencia:
        destino, columnas = recurso.referencia
        esquema["foreignKeys"] = [
            {"fields": list(columnas), "reference": {"resource": destino, "fields": list(columnas)}}
        ]
    descriptor: dict[str, object] = {
        "name": recurso.nombre,
        "path": recurso.archivo,
        "title": recurso.titulo,
        "description": recurso.descripcion,
        "encoding": "utf-8",
    }
    if recurso.archivo.endswith(".csv"):
        descriptor |= {
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        }
    else:
        descriptor |= {"format": "json", "mediatype": "application/json"}
    return descriptor | {"schema": esquema}
