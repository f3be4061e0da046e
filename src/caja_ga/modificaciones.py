"""Los cambios registrados al plan aprobado (`modificaciones` en plan.yaml) y cómo se aplican.

El plan aprobado es la línea base y no se sobrescribe: una reprogramación, un retiro o un cambio de
meta se registra con la fecha en que surte efecto y la sesión del EDT que lo aprobó. Aquí se decide
qué campo de qué cosa puede cambiar cada modificación y cómo queda el plan después de aplicarlas en
orden (por fecha y, en la misma fecha, en el orden del archivo). Cuáles cuentan a una fecha de
corte lo decide la Vista; GA311–GA313 revisan que cada una sea coherente.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Final

from caja_ga.modelos.plan import Actividad, Compromiso, Indicador, Meta, Modificacion, Plan

Objetivo = Compromiso | Actividad | Meta
Valor = date | float | str

# Por clase de objetivo, los campos que una modificación puede cambiar y el tipo de su valor.
CAMPOS: Final[dict[str, dict[str, type]]] = {
    "compromiso": {},
    "actividad": {
        "inicio": date,
        "fin": date,
        "descripcion": str,
        "entregable": str,
        "medio_verificacion": str,
    },
    "meta": {
        "descripcion": str,
        "medio_verificacion": str,
        "linea_base": float,
        "valor_meta": float,
        "fecha_meta": date,
    },
}
_DEL_INDICADOR: Final = frozenset({"linea_base", "valor_meta", "fecha_meta"})
_NOMBRE_TIPO: Final = {date: "una fecha AAAA-MM-DD", float: "un número", str: "un texto"}


def objetivos(plan: Plan) -> dict[str, tuple[str, Objetivo]]:
    """Id → (clase, objeto) de cada compromiso, actividad y meta del plan."""
    indice: dict[str, tuple[str, Objetivo]] = {}
    for compromiso in plan.compromisos:
        indice[compromiso.id] = ("compromiso", compromiso)
        indice.update((meta.id, ("meta", meta)) for meta in compromiso.metas)
        indice.update((a.id, ("actividad", a)) for a in compromiso.actividades)
    return indice


def en_orden(plan: Plan) -> list[tuple[int, Modificacion]]:
    """(posición en el archivo, modificación), en el orden en que se aplican; una sin fecha se
    aplica primero, como un registro que ya se conocía."""
    return sorted(
        enumerate(plan.modificaciones), key=lambda par: (par[1].fecha or date.min, par[0])
    )


def convertir(campo: str, valor: object) -> Valor:
    """El valor escrito, como el tipo del campo; ValueError si no lo es."""
    tipo = next((t[campo] for t in CAMPOS.values() if campo in t), str)
    try:
        if tipo is date and isinstance(valor, date):
            return valor
        if tipo is date and isinstance(valor, str):
            return date.fromisoformat(valor.strip())
        if tipo is float and isinstance(valor, int | float) and not isinstance(valor, bool):
            return float(valor)
        if tipo is float and isinstance(valor, str):
            return float(valor.strip())
        if tipo is str and isinstance(valor, str):
            return valor
    except ValueError:
        pass
    raise ValueError(f"«{valor}» no es {_NOMBRE_TIPO[tipo]}")


def incoherencia(clase: str, modificacion: Modificacion) -> str | None:
    """Por qué la modificación no se puede aplicar a un objetivo de esa clase (None si sí)."""
    tipo, campo = modificacion.tipo, modificacion.campo
    if tipo == "retiro":
        if clase == "meta":
            return "solo se retira un compromiso o una actividad"
        return "un retiro no lleva «campo»" if campo is not None else None
    if campo is None:
        return "no dice en «campo» qué cambia"
    validos = CAMPOS[clase]
    if campo not in validos:
        opciones = ", ".join(validos) or "ninguno: un compromiso solo se retira"
        return f"«{campo}» no es un campo que se pueda cambiar de un {clase} (se puede: {opciones})"
    if tipo == "reprogramacion" and validos[campo] is not date:
        return "una reprogramación cambia una fecha: inicio, fin o fecha_meta"
    if tipo == "cambio_meta" and clase != "meta":
        return "un cambio de meta se registra sobre una meta (su id, como «c1-m1»)"
    if modificacion.valor_nuevo is None:
        return "no dice el «valor_nuevo»"
    try:
        convertir(campo, modificacion.valor_nuevo)
    except ValueError as error:
        return f"el valor nuevo {error}"
    return None


def valor_de(objeto: Objetivo, campo: str) -> Valor | None:
    """El valor vigente de un campo (los de indicador, del indicador de la meta)."""
    destino = _destino(objeto, campo, crear=False)
    valor = getattr(destino, campo) if destino is not None else None
    return valor if isinstance(valor, date | float | str) else None


def _destino(objeto: Objetivo, campo: str, crear: bool) -> Objetivo | Indicador | None:
    if not (isinstance(objeto, Meta) and campo in _DEL_INDICADOR):
        return objeto
    if objeto.indicador is None and crear:
        objeto.indicador = Indicador()
    return objeto.indicador


def recorrer(
    plan: Plan, modificaciones: Iterable[tuple[int, Modificacion]]
) -> Iterator[tuple[int, Modificacion, Valor | None]]:
    """Aplica sobre `plan` (que cambia) cada modificación aplicable y da (posición, modificación,
    valor que tenía el campo justo antes); las incoherentes o sin objetivo se saltan (las
    señalan GA009, GA005 y GA313)."""
    indice = objetivos(plan)
    for posicion, modificacion in modificaciones:
        clase, objeto = indice.get(modificacion.objetivo or "", (None, None))
        if clase is None or objeto is None or modificacion.tipo is None:
            continue
        if incoherencia(clase, modificacion) is not None:
            continue
        if modificacion.tipo == "retiro":
            _retirar(objeto)
            yield posicion, modificacion, None
            continue
        campo = modificacion.campo
        assert campo is not None  # incoherencia() ya lo exige
        anterior = valor_de(objeto, campo)
        setattr(
            _destino(objeto, campo, crear=True), campo, convertir(campo, modificacion.valor_nuevo)
        )
        yield posicion, modificacion, anterior


def _retirar(objeto: Objetivo) -> None:
    # Un compromiso retirado se lleva sus actividades: ninguna cuenta ya en el avance.
    if isinstance(objeto, Compromiso):
        objeto.retirada = True
        for actividad in objeto.actividades:
            actividad.retirada = True
    elif isinstance(objeto, Actividad):
        objeto.retirada = True


def aplicar(plan: Plan, modificaciones: Iterable[Modificacion]) -> tuple[Plan, list[Modificacion]]:
    """Una copia del plan con las modificaciones aplicadas en orden, y las que se aplicaron; sin
    modificaciones, el plan mismo (copiarlo costaba una quinta parte de validar un proceso)."""
    modificaciones = list(modificaciones)
    if not modificaciones:
        return plan, []
    vigente = plan.model_copy(deep=True)
    aplicadas = [m for _, m, _ in recorrer(vigente, enumerate(modificaciones))]
    return vigente, aplicadas


def nombre(posicion: int, modificacion: Modificacion) -> str:
    """Cómo la nombran los mensajes: su id, o su número en la lista."""
    return f"«{modificacion.id}»" if modificacion.id else f"número {posicion + 1}"
