"""Una referencia a un id que no existe.

Los archivos se citan entre sí por id: la persona de la sociedad civil del Espacio al integrante
del Núcleo que representa, los asistentes de una sesión a los integrantes, el plan a la sesión que
lo aprobó, la vinculación con el OSI a la sesión en que se acordó, cada modificación del plan a la
sesión que la aprobó y a lo que cambia, los reportes de avance a las actividades del plan, la
evaluación a los compromisos, las mediciones de indicadores (en reportes y evaluación) a las metas,
la Agenda 2030 a sesiones, compromisos, metas, actividades y acuerdos, y la respuesta a cada
propuesta de la consulta (cocreacion.yaml) al compromiso en que se convirtió y a la propuesta con
la que se fusionó. Una referencia rota suele ser un error de escritura.

Los ids de los acuerdos se repiten entre sesiones (cada minuta numera a1, a2…): un acuerdo se cita
como SESION/ACUERDO («2025-10-20-ordinaria/a1»). Su id solo vale sin la sesión mientras una
sola sesión tenga un acuerdo con ese id; si hay varias, la referencia es ambigua.

Si de la lista que define los ids se quitó un elemento ilegible (sin `id` legible, o que no es un
mapeo: GA005/GA006 lo señalan), las referencias a esa clase no se juzgan: podrían ser a él.

Incorrecto (no hay ninguna actividad `c1-a9` en plan.yaml):

    fecha_corte: 2026-03-31
    actividades:
      - id: c1-a9
        estado: en_proceso
        avance: 40

Correcto:

    fecha_corte: 2026-03-31
    actividades:
      - id: c1-a2
        estado: en_proceso
        avance: 40
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from caja_ga.indices import SEPARADOR_DE_ACUERDO, ids_por_clase, sesiones_por_acuerdo
from caja_ga.modelos.seguimiento import MedicionIndicador
from caja_ga.problemas import Documento, Hallazgo, Ruta, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA009", "referencia-rota", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    carpeta, vista = ctx.carpeta, ctx.vista
    ids = ids_por_clase(vista)
    _sin_juzgar_incompletas(ctx, ids)
    espacio = ids["integrante del Espacio de Diálogo Tripartita"]
    nucleo = ids["integrante del Núcleo"]
    # También las sesiones ilegibles: citarlas no es una referencia rota.
    sesiones = {doc.ruta.stem for doc in carpeta.sesiones}
    compromisos = ids["compromiso"]
    actividades = ids["actividad"]
    if carpeta.espacio and carpeta.nucleo:
        doc = carpeta.documentos["espacio"]
        for i, integrante in enumerate(carpeta.espacio.integrantes):
            yield from _revisar(
                doc,
                ("integrantes", i, "nucleo"),
                [integrante.nucleo],
                nucleo,
                "ningún integrante del Núcleo (nucleo.yaml)",
            )
    if carpeta.nucleo and carpeta.nucleo.representante:
        yield from _revisar(
            carpeta.documentos["nucleo"],
            ("representante", "integrante"),
            [carpeta.nucleo.representante.integrante],
            nucleo,
            "ningún integrante del Núcleo",
        )
    if carpeta.espacio and carpeta.espacio.vinculacion_osi:
        yield from _revisar(
            carpeta.documentos["espacio"],
            ("vinculacion_osi", "sesion"),
            [carpeta.espacio.vinculacion_osi.sesion],
            sesiones,
            "ninguna sesión de la carpeta sesiones/",
            lista=False,
        )
    for leida in vista.sesiones:
        doc, sesion = leida.documento, leida.sesion
        if sesion.organo == "nucleo" and carpeta.nucleo:
            yield from _revisar(
                doc,
                ("asistentes",),
                sesion.asistentes,
                nucleo,
                "ningún integrante del Núcleo (nucleo.yaml)",
            )
        elif sesion.organo != "nucleo" and carpeta.espacio:
            yield from _revisar(
                doc,
                ("asistentes",),
                sesion.asistentes,
                espacio,
                "ningún integrante del Espacio (espacio.yaml)",
            )
    if carpeta.plan:
        yield from _revisar(
            carpeta.documentos["plan"],
            ("aprobado_en",),
            [carpeta.plan.aprobado_en],
            sesiones,
            "ninguna sesión de la carpeta sesiones/",
            lista=False,
        )
        yield from _modificaciones(ctx, sesiones, compromisos | actividades | ids["meta"])
    yield from _seguimiento(ctx, sesiones, actividades, ids["meta"])
    yield from _cocreacion(ctx, compromisos, ids["propuesta"])
    if carpeta.evaluacion and carpeta.plan:
        doc = carpeta.documentos["evaluacion"]
        yield from _mediciones(doc, carpeta.evaluacion.indicadores, ids["meta"])
        for i, evaluado in enumerate(carpeta.evaluacion.compromisos):
            yield from _revisar(
                doc,
                ("compromisos", i, "id"),
                [evaluado.id],
                compromisos,
                "ningún compromiso de plan.yaml",
                lista=False,
            )
    if carpeta.agenda2030 and carpeta.plan:
        # Además de sesiones y compromisos (formato §2), una evidencia puede ser una meta, una
        # actividad o un acuerdo de sesión.
        yield from _agenda(ctx, sesiones | compromisos | actividades | ids["meta"], sesiones)


def _agenda(ctx: Contexto, citables: set[str], sesiones: set[str]) -> Iterator[Hallazgo]:
    doc, agenda = ctx.carpeta.documentos["agenda2030"], ctx.carpeta.agenda2030
    acuerdos = sesiones_por_acuerdo(ctx.vista)
    leidas = {leida.id for leida in ctx.vista.sesiones}
    que = "ninguna sesión, compromiso, meta, actividad ni acuerdo"
    validos = citables | set(acuerdos)
    for i, recomendacion in enumerate(agenda.recomendaciones if agenda else []):
        for j, referencia in enumerate(recomendacion.referencias):
            ruta = ("recomendaciones", i, "referencias", j)
            if SEPARADOR_DE_ACUERDO in referencia:
                if mensaje := _acuerdo_citado(referencia, acuerdos, sesiones, leidas):
                    yield Hallazgo(mensaje, doc, ruta)
            elif referencia not in citables and len(acuerdos.get(referencia, [])) > 1:
                yield Hallazgo(_acuerdo_ambiguo(referencia, acuerdos[referencia]), doc, ruta)
            else:
                yield from _revisar(doc, ruta, [referencia], validos, que, lista=False)


def _acuerdo_citado(
    referencia: str, acuerdos: dict[str, list[str]], sesiones: set[str], leidas: set[str]
) -> str | None:
    """El problema de una cita SESION/ACUERDO, o None si el acuerdo existe (o si sus acuerdos
    no se conocen: la sesión no se pudo leer o es posterior a la fecha de corte)."""
    sesion, acuerdo = referencia.split(SEPARADOR_DE_ACUERDO, 1)
    if sesion not in sesiones:
        return (
            f"«{referencia}» cita la sesión «{sesion}», que no está en la carpeta sesiones/"
            f"{_pista(sesion, sesiones)}"
        )
    if sesion not in leidas or sesion in acuerdos.get(acuerdo, []):
        return None
    propios = sorted(a for a, donde in acuerdos.items() if sesion in donde)
    return f"La sesión «{sesion}» no tiene un acuerdo «{acuerdo}»" + (
        f"; sus acuerdos son: {', '.join(propios)}." if propios else "; no registra acuerdos."
    )


def _acuerdo_ambiguo(acuerdo: str, sesiones: list[str]) -> str:
    return (
        f"«{acuerdo}» es el id de un acuerdo en varias sesiones ({', '.join(sesiones)}); "
        f"escribe la sesión y el acuerdo, por ejemplo «{sesiones[0]}{SEPARADOR_DE_ACUERDO}"
        f"{acuerdo}», para decir cuál."
    )


def _cocreacion(ctx: Contexto, compromisos: set[str], propuestas: set[str]) -> Iterator[Hallazgo]:
    cocreacion = ctx.carpeta.cocreacion
    if cocreacion is None:
        return
    doc = ctx.carpeta.documentos["cocreacion"]
    for i, propuesta in enumerate(cocreacion.propuestas):
        respuesta = propuesta.respuesta
        if respuesta is None:
            continue
        ruta = ("propuestas", i, "respuesta")
        if ctx.carpeta.plan:
            yield from _revisar(
                doc,
                (*ruta, "compromiso"),
                [respuesta.compromiso],
                compromisos,
                "ningún compromiso de plan.yaml",
                lista=False,
            )
        yield from _revisar(
            doc,
            (*ruta, "fusionada_con"),
            [respuesta.fusionada_con],
            propuestas,
            "ninguna propuesta de cocreacion.yaml",
            lista=False,
        )


class _Cualquiera(set[str]):
    """Los ids de una clase de la que se quitó algún elemento ilegible (GA004/GA006 lo señalan):
    cualquier id podría ser el suyo, así que ninguna referencia a la clase se da por rota. Unirla
    con otros ids da ella misma."""

    def __contains__(self, _: object) -> bool:
        return True

    def __or__(self, _: object) -> _Cualquiera:  # type: ignore[override]
        return self

    __ror__ = __or__


# Clase de id → (archivo que la define, campos de la lista, sin índices).
_DEFINIDAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "integrante del Espacio de Diálogo Tripartita": ("espacio", ("integrantes",)),
    "integrante del Núcleo": ("nucleo", ("integrantes",)),
    "compromiso": ("plan", ("compromisos",)),
    "meta": ("plan", ("compromisos", "metas")),
    "actividad": ("plan", ("compromisos", "actividades")),
}


def _sin_juzgar_incompletas(ctx: Contexto, ids: dict[str, set[str]]) -> None:
    """Cambia por `_Cualquiera` los ids de las clases a cuya lista le falta un elemento ilegible
    (o que se leyó sin él): una referencia a esa clase podría ser a lo que no se pudo leer."""
    for clase, (archivo, lista) in _DEFINIDAS.items():
        if _incompleta(ctx.carpeta.documentos.get(archivo), lista):
            ids[clase] = _Cualquiera()
    if any(_incompleta(doc, ("acuerdos",)) for doc in ctx.carpeta.sesiones):
        ids["acuerdo"] = _Cualquiera()


def _incompleta(doc: Documento | None, lista: tuple[str, ...]) -> bool:
    """Si se descartó la lista, uno de sus elementos o algo que la contiene (un compromiso
    entero para sus actividades): lo descartado que solo tiene claves de `lista` como prefijo."""
    if doc is None:
        return False
    for roto in doc.rotos:
        campos = tuple(paso for paso in doc.en_modelo(roto) if isinstance(paso, str))
        if campos == lista[: len(campos)]:
            return True
    return False


def _modificaciones(ctx: Contexto, sesiones: set[str], objetivos: set[str]) -> Iterator[Hallazgo]:
    plan, doc = ctx.carpeta.plan, ctx.carpeta.documentos["plan"]
    for i, modificacion in enumerate(plan.modificaciones if plan else []):
        ruta = ("modificaciones", i)
        yield from _revisar(
            doc,
            (*ruta, "aprobado_en"),
            [modificacion.aprobado_en],
            sesiones,
            "ninguna sesión de la carpeta sesiones/",
            lista=False,
        )
        yield from _revisar(
            doc,
            (*ruta, "objetivo"),
            [modificacion.objetivo],
            objetivos,
            "ningún compromiso, actividad ni meta de plan.yaml",
            lista=False,
        )


def _seguimiento(
    ctx: Contexto, sesiones: set[str], actividades: set[str], metas: set[str]
) -> Iterator[Hallazgo]:
    for leido in ctx.vista.seguimientos:
        doc, reporte = leido.documento, leido.seguimiento
        yield from _revisar(
            doc,
            ("revisado_en",),
            [reporte.revisado_en],
            sesiones,
            "ninguna sesión de la carpeta sesiones/",
            lista=False,
        )
        if ctx.carpeta.plan:
            for i, actividad in enumerate(reporte.actividades):
                yield from _revisar(
                    doc,
                    ("actividades", i, "id"),
                    [actividad.id],
                    actividades,
                    "ninguna actividad de plan.yaml",
                    lista=False,
                )
            yield from _mediciones(doc, reporte.indicadores, metas)


def _mediciones(
    doc: Documento, indicadores: list[MedicionIndicador], metas: set[str]
) -> Iterator[Hallazgo]:
    for i, medicion in enumerate(indicadores):
        yield from _revisar(
            doc,
            ("indicadores", i, "meta"),
            [medicion.meta],
            metas,
            "ninguna meta de plan.yaml",
            lista=False,
        )


def _revisar(
    doc: Documento,
    ruta: Ruta,
    valores: Iterable[str | None],
    validos: set[str],
    que: str,
    lista: bool = True,
) -> Iterator[Hallazgo]:
    for indice, valor in enumerate(valores):
        if valor is None or valor in validos:
            continue
        yield Hallazgo(
            f"«{valor}» no corresponde a {que}{_pista(valor, validos)}",
            doc,
            (*ruta, indice) if lista else ruta,
        )


def _pista(valor: str, validos: set[str]) -> str:
    parecido = difflib.get_close_matches(valor, sorted(validos), n=1, cutoff=0.6)
    if parecido:
        return f"; ¿quisiste decir «{parecido[0]}»?"
    if 0 < len(validos) <= 12:
        return f"; los válidos son: {', '.join(sorted(validos))}."
    return "."
