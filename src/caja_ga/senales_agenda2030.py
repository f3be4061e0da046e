"""Lo que los datos del proceso dicen de las recomendaciones O1–O9 de la Agenda 2030.

Varias recomendaciones se pueden comprobar con los archivos, no solo declarar (metodología,
«Agenda 2030»). Para cada una que se puede comprobar, una `Senal` dice si los datos la respaldan y
por qué. La regla GA503 la compara con lo declarado en agenda2030.yaml y el reporte la muestra
junto a la declaración; ninguno de los dos repite estos criterios:

- O2: algún integrante del Núcleo o el público de alguna sesión registra grupos en situación de
  vulnerabilidad;
- O5: algún compromiso tiene ODS de más de una dimensión (biosfera, sociedad, economía);
- O6: algún compromiso tiene un corresponsable de la sociedad civil;
- O7: todas las actividades tienen responsables y fechas de inicio y fin;
- O8: el Espacio registra una vinculación con el OSI, o el diagnóstico registra un OSI presente;
- O9: todas las metas tienen indicador y todos los compromisos tienen ODS y vínculo al PMD.

O1, O3 y O4 no se pueden comprobar con los datos. Tampoco hay señal cuando el archivo que la
decide falta o no se pudo leer, o cuando el plan no tiene compromisos (o actividades, para O7):
sin datos no se afirma ni se niega nada.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caja_ga.catalogos import dimension_de_objetivo
from caja_ga.modelos.plan import Compromiso, Corresponsable
from caja_ga.problemas import Documento, Ruta
from caja_ga.vacio import vacio

if TYPE_CHECKING:
    from caja_ga.vista import Vista

_MAXIMO_IDS = 3  # ids citados en una razón; el resto se cuenta
_DIMENSIONES = {"biosfera": "biosfera", "economia": "economía", "sociedad": "sociedad"}


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
        calculadas += [_o5(compromisos), _o6(compromisos), _o7(compromisos), _o9(compromisos)]
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


def enumerar(textos: Iterable[str]) -> str:
    """«a», «a y b», «a, b y c»."""
    lista = list(textos)
    return lista[0] if len(lista) == 1 else f"{', '.join(lista[:-1])} y {lista[-1]}"


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
    if grupos:
        from caja_ga.reporte.etiquetas import GRUPOS

        nombres = sorted(GRUPOS.get(g, g) for g in grupos)
        return Senal(
            "O2",
            True,
            "participan grupos en situación de vulnerabilidad: " + _citar(sorted(grupos)),
            "participan grupos en situación de vulnerabilidad: "
            + enumerar(n[:1].lower() + n[1:] for n in nombres),
        )
    if _ilegible(carpeta.documentos.get("nucleo"), ("integrantes",)) or any(
        _ilegible(doc, ("publico",)) for doc in carpeta.sesiones
    ):
        return None
    ninguno = (
        "ni los integrantes del Núcleo ni el público de las sesiones "
        "registran grupos en situación de vulnerabilidad"
    )
    return Senal("O2", False, f"{ninguno} («grupos»)", ninguno)


def _o5(compromisos: list[Compromiso]) -> Senal:
    tabla = dimension_de_objetivo()
    for compromiso in compromisos:
        # El modelo garantiza que cada código empieza con el número del objetivo.
        dimensiones = {
            tabla[objetivo]
            for objetivo in (int(codigo.split(".")[0]) for codigo in compromiso.ods)
            if objetivo in tabla
        }
        if len(dimensiones) > 1:
            combina = f"combina ODS de las dimensiones {_dimensiones(dimensiones)}"
            return Senal(
                "O5",
                True,
                f"el compromiso «{compromiso.id}» {combina}",
                f"el compromiso «{_nombre(compromiso)}» {combina}",
            )
    ninguno = (
        "ningún compromiso tiene ODS de más de una dimensión del desarrollo sostenible "
        f"({_dimensiones(set(tabla.values()))})"
    )
    return Senal("O5", False, ninguno, ninguno)


def _dimensiones(claves: set[str]) -> str:
    return enumerar(_DIMENSIONES.get(c, c) for c in sorted(claves))


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
    for compromiso in compromisos:
        if corresponsable := corresponsable_civil(compromiso):
            quien = f" («{corresponsable.nombre}»)" if corresponsable.nombre else ""
            tiene = f"tiene un corresponsable de la sociedad civil{quien}"
            return Senal(
                "O6",
                True,
                f"el compromiso «{compromiso.id}» {tiene}",
                f"el compromiso «{_nombre(compromiso)}» {tiene}",
            )
    ninguno = "ningún compromiso tiene un corresponsable de la sociedad civil"
    return Senal("O6", False, f"{ninguno} («sector: sociedad_civil» en «corresponsables»)", ninguno)


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
    espacio, diagnostico = vista.carpeta.espacio, vista.carpeta.diagnostico
    vinculo = espacio.vinculacion_osi if espacio else None
    if vinculo is not None and not vacio([vinculo.institucion, vinculo.fecha, vinculo.descripcion]):
        con = "" if vacio(vinculo.institucion) else f" con «{vinculo.institucion}»"
        vinculado = f"el Espacio registra una vinculación{con}"
        return Senal("O8", True, f"{vinculado} («vinculacion_osi»)", vinculado)
    osi = diagnostico.actores.osi if diagnostico and diagnostico.actores else None
    if osi is not None and osi.presente:
        presente = (
            "el diagnóstico registra un Órgano de Seguimiento e "
            "Instrumentación de la Agenda 2030 (OSI)"
        )
        return Senal("O8", True, presente, presente)
    if (
        espacio is None
        or diagnostico is None
        or _ilegible(vista.carpeta.documentos.get("espacio"), ("vinculacion_osi",))
        or _ilegible(vista.carpeta.documentos.get("diagnostico"), ("actores",))
    ):
        return None
    return Senal(
        "O8",
        False,
        "espacio.yaml no registra «vinculacion_osi» y el diagnóstico no "
        "registra un OSI presente («actores.osi»)",
        "el Espacio no registra una vinculación con el Órgano de Seguimiento e Instrumentación "
        "de la Agenda 2030 (OSI) y el diagnóstico no registra un OSI presente",
    )


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
