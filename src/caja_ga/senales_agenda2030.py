"""Lo que los datos del proceso dicen de las recomendaciones O1–O9 de la Agenda 2030.

Varias recomendaciones se pueden comprobar con los archivos, no solo declarar (metodología,
«Agenda 2030»). Para cada una que se puede comprobar, una `Senal` dice si los datos la respaldan y
por qué. La regla GA503 la compara con lo declarado en agenda2030.yaml y el reporte la muestra
junto a la declaración; ninguno de los dos repite estos criterios:

- O2: algún integrante del Núcleo o el público de alguna sesión registra un grupo en situación de
  vulnerabilidad con nombre (`otros` solo no dice cuál);
- O5: algún compromiso tiene ODS de más de una dimensión, según la agrupación publicada que elige
  `.caja-ga.yaml` (`agenda2030.agrupacion`; por omisión, el «pastel de bodas»), que la razón nombra;
- O6: todos los compromisos se cocrearon (cada uno tiene un corresponsable de la sociedad civil) y
  alguno se apoya en la innovación (`innovacion` en sus `valores`);
- O7: todas las actividades tienen responsables y fechas de inicio y fin;
- O8: el Espacio registra una vinculación con el OSI que nombra la institución, con fecha hasta el
  corte, y trae evidencia del puente: la sesión del Espacio en que se acordó (`sesion`) o el
  documento publicado (`url`); que el diagnóstico diga que el OSI existe no es un puente;
- O9: todas las metas tienen indicador y todos los compromisos tienen ODS y vínculo al PMD.

O1, O3 y O4 no se pueden comprobar con los datos. Tampoco hay señal cuando el archivo que la
decide falta o no se pudo leer, o cuando el plan no tiene compromisos (o actividades, para O7):
sin datos no se afirma ni se niega nada.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from caja_ga.catalogos import AgrupacionODS
from caja_ga.modelos.plan import Compromiso, Corresponsable
from caja_ga.problemas import Documento, Ruta
from caja_ga.redaccion import enumerar
from caja_ga.vacio import vacio

if TYPE_CHECKING:
    from caja_ga.vista import Vista

_MAXIMO_IDS = 3  # ids citados en una razón; el resto se cuenta
_SIN_NOMBRE = "otros"  # un grupo que no dice cuál es


@dataclass(frozen=True, slots=True)
class Senal:
    """Si los datos respaldan una recomendación, y por qué.

    `razon` es una frase breve sin mayúscula inicial ni punto final, para insertarla en un mensaje
    («…, pero {razon}.»); cita claves y archivos para quien los corrige. `publica` dice lo mismo en
    palabras de la ciudadanía, para el reporte.
    """

    codigo: str
    respaldada: bool
    razon: str
    publica: str


def senales_agenda2030(vista: Vista) -> dict[str, Senal]:
    """Las señales que los datos permiten calcular, por código (O2, O5–O9), en orden.

    Se piden por `Vista.senales`, que las calcula una sola vez por proceso.
    """
    carpeta = vista.carpeta
    compromisos = carpeta.plan.compromisos if carpeta.plan else []
    calculadas = [_o2(vista), _o8(vista)]
    # Con un valor ilegible en los compromisos (ya señalado) la señal podría decir algo falso.
    if compromisos and not _ilegible(carpeta.documentos.get("plan"), ("compromisos",)):
        calculadas += [
            _o5(compromisos, vista.agrupacion_ods),
            _o6(compromisos),
            _o7(compromisos),
            _o9(compromisos),
        ]
    return {
        senal.codigo: senal
        for senal in sorted(
            (senal for senal in calculadas if senal is not None), key=lambda s: s.codigo
        )
    }


def _ilegible(doc: Documento | None, ruta: Ruta) -> bool:
    """Si en esa parte del documento se descartó un valor escrito pero ilegible (GA004/GA006)."""
    return doc is not None and doc.roto(ruta)


def faltantes_alineacion(compromiso: Compromiso) -> list[str]:
    """Los campos de alineación que le faltan a un compromiso: «ods», «pmd» o ambos (O9)."""
    faltan = [] if compromiso.ods else ["ods"]
    if all(vacio([v.eje, v.objetivo, v.linea_accion]) for v in compromiso.pmd):
        faltan.append("pmd")
    return faltan


def _citar(ids: list[str]) -> str:
    """Los ids entre comillas; si son muchos, los primeros y cuántos más."""
    citados = [f"«{id_}»" for id_ in ids[:_MAXIMO_IDS]]
    if len(ids) > _MAXIMO_IDS:
        citados.append(f"{len(ids) - _MAXIMO_IDS} más")
    return enumerar(citados)


def _o2(vista: Vista) -> Senal | None:
    carpeta = vista.carpeta
    if carpeta.nucleo is None:
        return None
    grupos = {grupo for integrante in carpeta.nucleo.integrantes for grupo in integrante.grupos}
    grupos |= {
        grupo
        for sesion in (leida.sesion for leida in vista.sesiones)
        if sesion.publico
        for grupo in sesion.publico.grupos
    }
    nombrados = grupos - {_SIN_NOMBRE}
    if nombrados:
        from caja_ga.reporte.etiquetas import GRUPOS

        nombres = sorted(GRUPOS.get(g, g) for g in nombrados)
        return Senal(
            "O2",
            True,
            "participan grupos en situación de vulnerabilidad: " + _citar(sorted(nombrados)),
            "participan grupos en situación de vulnerabilidad: "
            + enumerar(n[:1].lower() + n[1:] for n in nombres),
        )
    # Solo las sesiones hasta el corte: una posterior no cambia la señal publicada.
    if _ilegible(carpeta.documentos.get("nucleo"), ("integrantes",)) or any(
        _ilegible(leida.documento, ("publico",)) for leida in vista.sesiones
    ):
        return None
    if grupos:
        solo_otros = (
            "los integrantes del Núcleo y el público de las sesiones solo registran «otros» "
            "en «grupos», sin nombrar ninguno"
        )
        return Senal(
            "O2",
            False,
            f"{solo_otros} (mujeres, jovenes, indigenas…)",
            "solo se registran «otros» grupos en situación de vulnerabilidad, sin decir cuáles",
        )
    ninguno = (
        "ni los integrantes del Núcleo ni el público de las sesiones "
        "registran grupos en situación de vulnerabilidad"
    )
    return Senal("O2", False, f"{ninguno} («grupos»)", ninguno)


def _o5(compromisos: list[Compromiso], agrupacion: AgrupacionODS) -> Senal:
    segun = f"según {agrupacion.nombre}"
    for compromiso in compromisos:
        # El modelo garantiza que cada código empieza con el número del objetivo.
        dimensiones = {
            agrupacion.por_objetivo[objetivo]
            for objetivo in (int(codigo.split(".")[0]) for codigo in compromiso.ods)
            if objetivo in agrupacion.por_objetivo
        }
        if len(dimensiones) > 1:
            combina = (
                f"combina ODS de las dimensiones {_dimensiones(dimensiones, agrupacion)} ({segun})"
            )
            return Senal(
                "O5",
                True,
                f"el compromiso «{compromiso.id}» {combina}",
                f"el compromiso «{_nombre(compromiso)}» {combina}",
            )
    todas = _dimensiones(set(agrupacion.dimensiones), agrupacion)
    ninguno = (
        "ningún compromiso tiene ODS de más de una dimensión del desarrollo sostenible "
        f"({todas}, {segun})"
    )
    return Senal("O5", False, ninguno, ninguno)


def _dimensiones(claves: set[str], agrupacion: AgrupacionODS) -> str:
    """Los nombres de las dimensiones, en el orden en que la agrupación las publica."""
    return enumerar(nombre for clave, nombre in agrupacion.dimensiones.items() if clave in claves)


def _nombre(compromiso: Compromiso) -> str:
    return compromiso.titulo or compromiso.id


def corresponsable_civil(compromiso: Compromiso) -> Corresponsable | None:
    """El primer corresponsable de la sociedad civil (la cocreación de O6 y GA308)."""
    responsables = compromiso.responsables
    return next(
        (
            c
            for c in (responsables.corresponsables if responsables else [])
            if c.sector == "sociedad_civil"
        ),
        None,
    )


def _o6(compromisos: list[Compromiso]) -> Senal:
    sin_civil = [c.id for c in compromisos if corresponsable_civil(c) is None]
    if sin_civil:
        sin = "sin un corresponsable de la sociedad civil que muestre que se cocrearon"
        cuantos = _cuantas(len(sin_civil), "un compromiso", "compromisos")
        return Senal(
            "O6",
            False,
            f"hay compromisos {sin}: {_citar(sin_civil)} («sector: sociedad_civil» en "
            "«corresponsables»)",
            f"hay {cuantos} {sin}",
        )
    todos = "todos los compromisos tienen un corresponsable de la sociedad civil"
    innovadores = [c for c in compromisos if "innovacion" in c.valores]
    if not innovadores:
        sin_innovar = "ningún compromiso se apoya en la innovación social o tecnológica"
        aunque = "aunque todos tienen un corresponsable de la sociedad civil"
        return Senal(
            "O6",
            False,
            f"{sin_innovar} («innovacion» en «valores»), {aunque}",
            f"{sin_innovar}, {aunque}",
        )
    apoya = "se apoya en la innovación"
    return Senal(
        "O6",
        True,
        f"{todos} y {_citar([c.id for c in innovadores])} {apoya}",
        f"{todos} y «{_nombre(innovadores[0])}» {apoya}",
    )


def _o7(compromisos: list[Compromiso]) -> Senal | None:
    actividades = [actividad for compromiso in compromisos for actividad in compromiso.actividades]
    if not actividades:
        return None
    incompletas = [
        actividad.id
        for actividad in actividades
        if vacio(actividad.responsables) or actividad.inicio is None or actividad.fin is None
    ]
    if incompletas:
        sin = "sin responsables o sin fechas de inicio y fin"
        cuantas = _cuantas(len(incompletas), "una actividad", "actividades")
        return Senal(
            "O7", False, f"hay actividades {sin}: " + _citar(incompletas), f"hay {cuantas} {sin}"
        )
    todas = "todas las actividades tienen responsables y fechas de inicio y fin"
    return Senal("O7", True, todas, todas)


def _o8(vista: Vista) -> Senal | None:
    espacio = vista.carpeta.espacio
    if espacio is None or _ilegible(vista.carpeta.documentos.get("espacio"), ("vinculacion_osi",)):
        return None
    vinculo = espacio.vinculacion_osi
    if vinculo is None or vacio(vinculo.institucion):
        sin = "el Espacio no registra una vinculación con el OSI"
        diagnostico = vista.carpeta.diagnostico
        actores = diagnostico.actores if diagnostico else None
        existe = actores is not None and actores.osi is not None and actores.osi.presente
        aunque = (
            ", y que el diagnóstico diga que el OSI existe no es un puente con él" if existe else ""
        )
        return Senal(
            "O8",
            False,
            f"{sin} («vinculacion_osi» con su «institucion» en espacio.yaml){aunque}",
            "el Espacio no registra una vinculación con el Órgano de Seguimiento e "
            "Instrumentación de la Agenda 2030 (OSI)",
        )
    con = f"la vinculación con «{vinculo.institucion}»"
    if not vista.conocido(vinculo.fecha):
        despues = f"{con} es del {vinculo.fecha}, posterior a la fecha de corte"
        return Senal("O8", False, f"{despues} ({vista.fecha_corte})", despues)
    if evidencia := _evidencia_osi(vista, vinculo.sesion, vinculo.url):
        return Senal("O8", True, f"{con} consta en {evidencia}", f"{con} consta en {evidencia}")
    citada = (
        ""
        if vinculo.sesion is None
        else f" («{vinculo.sesion}» no es una sesión del Espacio celebrada al {vista.fecha_corte})"
    )
    return Senal(
        "O8",
        False,
        f"{con} no cita la sesión del Espacio en que se acordó («sesion»){citada} ni el "
        "documento publicado que la formaliza («url»)",
        f"{con} no tiene evidencia publicada: ni la sesión del Espacio en que se acordó ni el "
        "convenio o acuerdo",
    )


def _evidencia_osi(vista: Vista, sesion: str | None, url: str | None) -> str | None:
    """Dónde consta el puente con el OSI: una sesión del Espacio ya celebrada o un documento."""
    celebrada = next(
        (s for s in vista.sesiones if s.id == sesion and s.sesion.organo == "edt"), None
    )
    if celebrada is not None:
        return f"la sesión «{celebrada.id}» del Espacio"
    return None if vacio(url) else "un documento publicado"


def _o9(compromisos: list[Compromiso]) -> Senal:
    sin_indicador = [
        meta.id
        for compromiso in compromisos
        for meta in compromiso.metas
        if meta.indicador is None or vacio(meta.indicador.nombre)
    ]
    sin_alinear = [compromiso.id for compromiso in compromisos if faltantes_alineacion(compromiso)]
    faltas, publicas = [], []
    if sin_indicador:
        faltas.append(f"hay metas sin indicador ({_citar(sin_indicador)})")
        publicas.append(f"{_cuantas(len(sin_indicador), 'una meta', 'metas')} sin indicador")
    if sin_alinear:
        faltas.append(f"hay compromisos sin ODS o sin vínculo al PMD ({_citar(sin_alinear)})")
        publicas.append(
            f"{_cuantas(len(sin_alinear), 'un compromiso', 'compromisos')} sin ODS o sin vínculo "
            "al Plan Municipal de Desarrollo"
        )
    if faltas:
        return Senal("O9", False, " y ".join(faltas), "hay " + " y ".join(publicas))
    return Senal(
        "O9",
        True,
        "todas las metas tienen indicador y todos los compromisos tienen ODS y vínculo al PMD",
        "todas las metas tienen indicador y todos los compromisos tienen ODS y vínculo al Plan "
        "Municipal de Desarrollo",
    )


def _cuantas(numero: int, uno: str, plural: str) -> str:
    """«una meta» o «3 metas»."""
    return uno if numero == 1 else f"{numero} {plural}"
