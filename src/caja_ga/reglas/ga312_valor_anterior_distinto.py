"""El `valor_anterior` de una modificación no es el que tenía el plan.

Cada modificación dice qué valor cambia: debe ser el del plan aprobado o, si el mismo campo ya se
había modificado, el `valor_nuevo` de la modificación anterior (en orden de `fecha`). Así el
registro de cambios se puede seguir de punta a punta y nadie reescribe la línea base sin que se
note. Es error también no escribirlo (salvo en un retiro, que no cambia un campo).

Incorrecto (en el plan aprobado, `c1-a2` termina el 2026-03-31):

    modificaciones:
      - fecha: 2026-03-20
        aprobado_en: 2026-03-20-ordinaria
        tipo: reprogramacion
        objetivo: c1-a2
        campo: fin
        valor_anterior: 2026-04-30
        valor_nuevo: 2026-06-30
        motivo: La plataforma de datos se licitó tarde.

Correcto:

    modificaciones:
      - fecha: 2026-03-20
        aprobado_en: 2026-03-20-ordinaria
        tipo: reprogramacion
        objetivo: c1-a2
        campo: fin
        valor_anterior: 2026-03-31
        valor_nuevo: 2026-06-30
        motivo: La plataforma de datos se licitó tarde.
"""

from collections.abc import Iterator

from caja_ga.modificaciones import Valor, convertir, en_orden, nombre, recorrer
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA312", "valor-anterior-distinto", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    plan = ctx.carpeta.plan
    if plan is None or not plan.modificaciones:
        return
    doc = ctx.carpeta.documentos["plan"]
    # Todas las modificaciones, también las que surten efecto después del corte.
    for posicion, modificacion, anterior in recorrer(plan.model_copy(deep=True), en_orden(plan)):
        if modificacion.tipo == "retiro" or modificacion.campo is None:
            continue
        if _coincide(modificacion.campo, modificacion.valor_anterior, anterior):
            continue
        escrito = modificacion.valor_anterior
        dice = "no dice «valor_anterior»" if escrito is None else f"dice que valía «{escrito}»"
        yield Hallazgo(
            f"La modificación {nombre(posicion, modificacion)} del plan {dice}, pero "
            f"«{modificacion.campo}» de «{modificacion.objetivo}» valía "
            f"«{_texto(anterior)}» (en el plan aprobado o en la modificación anterior); "
            "escribe ese valor en «valor_anterior».",
            doc,
            ("modificaciones", posicion, "valor_anterior"),
            en_clave=escrito is None,
        )


def _coincide(campo: str, escrito: object, anterior: Valor | None) -> bool:
    if escrito is None or anterior is None:
        return escrito is None and anterior is None
    try:
        return convertir(campo, escrito) == anterior
    except ValueError:
        return False


def _texto(valor: Valor | None) -> str:
    if valor is None:
        return "vacío"
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor)
