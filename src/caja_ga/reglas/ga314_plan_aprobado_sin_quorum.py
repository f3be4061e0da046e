"""La sesión que aprobó el plan no tuvo a la sociedad civil presente o no tuvo quórum.

El plan de acción es del Espacio de Diálogo Tripartita: lo aprueban los tres sectores como pares,
y sin la sociedad civil no hay cocreación. En la sesión de `aprobado_en`, `asistentes` debe
incluir a quien ocupa el asiento de la sociedad civil y reunir el quórum: el número de
`reglas.quorum` en espacio.yaml si es un número; si no (un texto como «los tres sectores»), la
mayoría de quienes integraban cada sector ese día (`desde` y `hasta`). Es error cuando la fase
`plan` ya se cumplió, aviso mientras el plan se escribe y no se revisa en fases anteriores.

Incorrecto (sesiones/2025-04-30-plan.yaml, citada en `aprobado_en`):

    organo: edt
    fecha: 2025-04-30
    asistentes: [gob-1, ag-1]

Correcto:

    organo: edt
    fecha: 2025-04-30
    asistentes: [gob-1, ag-1, sc-1]
"""

from collections.abc import Iterator

from caja_ga.problemas import Documento, Hallazgo, Severidad
from caja_ga.redaccion import enumerar
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.vista import Asistencia


@regla("GA314", "plan-aprobado-sin-quorum", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    leida = ctx.vista.sesion_aprobacion
    # Sin sesión (o del Núcleo) lo reporta GA310; sin Espacio no hay a quién contar.
    if leida is None or leida.sesion.organo == "nucleo" or ctx.carpeta.espacio is None:
        return
    doc, id_sesion = ctx.carpeta.documentos["plan"], leida.id
    if not leida.sesion.asistentes:
        yield Hallazgo(
            f"La sesión «{id_sesion}», que aprobó el plan, no registra «asistentes»; anota ahí "
            "los ids de los integrantes del Espacio que estuvieron, para mostrar que hubo quórum "
            "y que la sociedad civil participó.",
            doc,
            ("aprobado_en",),
        )
        return
    if _ilegible(ctx, leida.documento):
        return  # un sector o un asistente ilegible (ya señalado) haría falsa la cuenta
    asistencia = ctx.vista.asistencia(leida.sesion)
    if not asistencia.presentes["sociedad_civil"]:
        yield Hallazgo(
            f"En la sesión «{id_sesion}», que aprobó el plan, no estuvo nadie de la sociedad "
            "civil; el plan se aprueba con los tres sectores: si sí estuvo, agrega su id en "
            "«asistentes» de la sesión; si no, apruébalo en una sesión con la sociedad civil.",
            doc,
            ("aprobado_en",),
        )
    elif not asistencia.hay_quorum:
        yield Hallazgo(
            f"La sesión «{id_sesion}», que aprobó el plan, no tuvo quórum: {_faltan(asistencia)}; "
            "apruébalo en una sesión con quórum o corrige «asistentes» en la sesión.",
            doc,
            ("aprobado_en",),
        )


def _ilegible(ctx: Contexto, sesion: Documento) -> bool:
    espacio = ctx.carpeta.documentos.get("espacio")
    return sesion.roto(("asistentes",)) or (espacio is not None and espacio.roto(("integrantes",)))


def _faltan(asistencia: Asistencia) -> str:
    """Por qué no hubo quórum, con las cifras de la asistencia."""
    if asistencia.minimo is not None:
        return (
            f"asistieron {asistencia.total} integrantes y «reglas.quorum» pide {asistencia.minimo}"
        )
    cortos = [
        f"«{sector}» ({len(asistencia.presentes[sector])} de {len(asistencia.integrantes[sector])})"
        for sector in asistencia.sin_mayoria
    ]
    return f"no estuvo la mayoría de {enumerar(cortos)}"
