"""La geometría de las gráficas SVG, calculada aquí para que las plantillas solo dibujen.

Las coordenadas se redondean a un decimal: el mismo proceso da siempre los mismos bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from caja_ga.reporte.etiquetas import mes_corto

# Gantt: columna de etiquetas a la izquierda, área de tiempo a la derecha (unidades del viewBox).
ANCHO_GANTT = 900.0
_X_TIEMPO = 250.0
_LARGO_ROTULO = 34  # caracteres de la descripción que caben en la columna de rótulos
_ANCHO_TIEMPO = ANCHO_GANTT - _X_TIEMPO - 16.0
_ALTO_FILA = 26.0
_ALTO_GRUPO = 28.0
_Y_INICIAL = 34.0  # debajo de las etiquetas de los meses


@dataclass(frozen=True, slots=True, kw_only=True)
class BarraGantt:
    id: str  # de la actividad, en el <title> de la barra
    etiqueta: str  # su descripción, recortada con «…» para caber en la columna
    descripcion: str  # completa, en el <title>
    y: float
    x: float | None  # None: la actividad no tiene fechas
    ancho: float
    ancho_avance: float
    clase: str  # completada, en-curso, cancelada


@dataclass(frozen=True, slots=True, kw_only=True)
class GrupoGantt:
    titulo: str
    y: float
    barras: list[BarraGantt]


@dataclass(frozen=True, slots=True, kw_only=True)
class MarcaEje:
    x: float
    texto: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Gantt:
    ancho: float
    alto: float
    x_tiempo: float
    grupos: list[GrupoGantt]
    marcas: list[MarcaEje]
    x_corte: float  # la fecha de corte: el periodo dibujado siempre la incluye
    texto_corte: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ActividadEnGantt:
    id: str
    descripcion: str
    inicio: date | None
    fin: date | None
    avance: float
    cancelada: bool


def gantt(
    compromisos: list[tuple[str, list[ActividadEnGantt]]],
    desde: date,
    hasta: date,
    fecha_corte: date,
    texto_corte: str,
) -> Gantt:
    """Una fila por actividad, agrupadas por compromiso, entre `desde` y `hasta` (ampliados para
    que quepan todas las actividades y la fecha de corte)."""
    fechas = [
        f
        for _, actividades in compromisos
        for a in actividades
        for f in (a.inicio, a.fin)
        if f is not None
    ]
    # Se dibuja también la fecha de corte, aunque caiga antes o después del plan.
    desde, hasta = min([desde, fecha_corte, *fechas]), max([hasta, fecha_corte, *fechas])
    dias = max((hasta - desde).days, 1)

    def x_de(fecha: date) -> float:
        return round(_X_TIEMPO + _ANCHO_TIEMPO * (fecha - desde).days / dias, 1)

    grupos: list[GrupoGantt] = []
    y = _Y_INICIAL
    for titulo, actividades in compromisos:
        grupo_y, y = y, y + _ALTO_GRUPO
        barras = []
        for actividad in actividades:
            barras.append(_barra(actividad, y, x_de))
            y += _ALTO_FILA
        grupos.append(GrupoGantt(titulo=titulo, y=grupo_y, barras=barras))
    # Abajo queda lugar para la etiqueta de la fecha de corte.
    return Gantt(
        ancho=ANCHO_GANTT,
        alto=round(y + 26, 1),
        x_tiempo=_X_TIEMPO,
        grupos=grupos,
        marcas=_marcas(desde, hasta, x_de),
        x_corte=x_de(fecha_corte),
        texto_corte=texto_corte,
    )


def recortar(texto: str, largo: int) -> str:
    """El texto en a lo más `largo` caracteres, cortado en una palabra y con «…» si no cabía."""
    if len(texto) <= largo:
        return texto
    corte = (
        texto[: largo - 1].rsplit(" ", 1)[0] if " " in texto[: largo - 1] else texto[: largo - 1]
    )
    return corte.rstrip(" ,;:.") + "…"


def _barra(actividad: ActividadEnGantt, y: float, x_de: Callable[[date], float]) -> BarraGantt:
    clase = (
        "cancelada"
        if actividad.cancelada
        else "completada"
        if actividad.avance >= 100
        else "en-curso"
    )
    x: float | None = None
    ancho = avance = 0.0
    if actividad.inicio is not None and actividad.fin is not None:
        x = x_de(actividad.inicio)
        ancho = max(round(x_de(actividad.fin) - x, 1), 2.0)
        avance = 0.0 if actividad.cancelada else round(ancho * actividad.avance / 100, 1)
    return BarraGantt(
        id=actividad.id,
        etiqueta=recortar(actividad.descripcion, _LARGO_ROTULO) or actividad.id,
        descripcion=actividad.descripcion,
        y=y,
        x=x,
        ancho=ancho,
        ancho_avance=avance,
        clase=clase,
    )


def _marcas(desde: date, hasta: date, x_de: Callable[[date], float]) -> list[MarcaEje]:
    """Una marca al inicio de cada trimestre, semestre o año (según lo largo del periodo)."""
    meses = (hasta.year - desde.year) * 12 + hasta.month - desde.month
    # Un plan de décadas (o que termina en 9999) lleva una marca cada tantos años, no miles.
    paso = 3 if meses <= 30 else 6 if meses <= 60 else 12 * -(-meses // (12 * _MAXIMO_MARCAS))
    marcas = []
    mes = desde.year * 12 + ((desde.month - 1) // paso) * paso  # meses desde el año 0
    while mes // 12 <= date.max.year and (fecha := date(mes // 12, mes % 12 + 1, 1)) <= hasta:
        if fecha >= desde:
            marcas.append(MarcaEje(x=x_de(fecha), texto=mes_corto(fecha)))
        mes += paso
    return marcas


_MAXIMO_MARCAS = 10  # marcas anuales en el eje antes de espaciarlas más


# Barras horizontales del diagnóstico (puntaje de 0 a 1 por dimensión). La etiqueta va encima de
# su barra: la gráfica es angosta y se sigue leyendo en un teléfono.
ANCHO_BARRAS = 360.0
_X_BARRAS = 4.0
_ANCHO_UTIL = 284.0
_ALTO_BARRA = 46.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Barra:
    etiqueta: str
    valor: str  # el número como se lee junto a la barra
    y: float  # la línea base de la etiqueta; la barra va debajo
    ancho: float | None  # None: sin reactivos evaluados


@dataclass(frozen=True, slots=True, kw_only=True)
class GraficaBarras:
    ancho: float
    alto: float
    x_barras: float
    ancho_util: float
    barras: list[Barra]
    guias: list[MarcaEje]


def barras(filas: list[tuple[str, float | None, str]]) -> GraficaBarras:
    """(etiqueta, fracción de 0 a 1 o None, texto del valor) → barras horizontales."""
    dibujadas = [
        Barra(
            etiqueta=etiqueta,
            valor=texto,
            y=round(16 + i * _ALTO_BARRA, 1),
            ancho=None if fraccion is None else round(_ANCHO_UTIL * fraccion, 1),
        )
        for i, (etiqueta, fraccion, texto) in enumerate(filas)
    ]
    guias = [
        MarcaEje(x=round(_X_BARRAS + _ANCHO_UTIL * f, 1), texto=f"{f * 100:.0f} %")
        for f in (0, 0.25, 0.5, 0.75, 1)
    ]
    return GraficaBarras(
        ancho=ANCHO_BARRAS,
        alto=round(8 + len(filas) * _ALTO_BARRA + 18, 1),
        x_barras=_X_BARRAS,
        ancho_util=_ANCHO_UTIL,
        barras=dibujadas,
        guias=guias,
    )


# Serie de un indicador: sus valores medidos en el tiempo, con la línea base y la meta marcadas.
ANCHO_INDICADOR = 360.0
_ALTO_INDICADOR = 170.0
_X_INDICADOR = 8.0
_ANCHO_SERIE = ANCHO_INDICADOR - _X_INDICADOR - 64.0  # a la derecha, las etiquetas base/meta
_Y_ARRIBA = 12.0
_ALTO_SERIE = _ALTO_INDICADOR - _Y_ARRIBA - 28.0  # abajo, las fechas


@dataclass(frozen=True, slots=True, kw_only=True)
class ValorFechado:
    fecha: date
    valor: float
    texto: str  # el valor y su fecha como se leen, para el <title> del punto


@dataclass(frozen=True, slots=True, kw_only=True)
class PuntoSerie:
    x: float
    y: float
    texto: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Referencia:
    y: float
    texto: str  # «Base 40», «Meta 80»


@dataclass(frozen=True, slots=True, kw_only=True)
class GraficaIndicador:
    ancho: float
    alto: float
    x_inicio: float
    x_fin: float
    puntos: list[PuntoSerie]
    trazo: str  # el atributo `points` de la línea que une los puntos
    base: Referencia | None
    meta: Referencia | None
    marcas: list[MarcaEje]  # la primera y la última fecha del eje


def serie_indicador(
    *,
    valores: list[ValorFechado],
    linea_base: tuple[float, str] | None,
    valor_meta: tuple[float, str] | None,
    fecha_meta: date | None,
) -> GraficaIndicador:
    """Los valores en el tiempo (ya en orden de fecha), entre la primera medición y la última o
    la fecha meta; el eje vertical abarca también la línea base y la meta."""
    fechas = [v.fecha for v in valores] + ([fecha_meta] if fecha_meta else [])
    desde, hasta = min(fechas), max(fechas)
    dias = max((hasta - desde).days, 1)
    numeros = [v.valor for v in valores] + [r[0] for r in (linea_base, valor_meta) if r]
    bajo, alto = min(numeros), max(numeros)
    holgura = (alto - bajo) * 0.1 or 1.0
    bajo, alto = bajo - holgura, alto + holgura

    def x_de(fecha: date) -> float:
        # Una sola fecha va al centro.
        fraccion = 0.5 if desde == hasta else (fecha - desde).days / dias
        return round(_X_INDICADOR + _ANCHO_SERIE * fraccion, 1)

    def y_de(valor: float) -> float:
        return round(_Y_ARRIBA + _ALTO_SERIE * (alto - valor) / (alto - bajo), 1)

    def referencia(dato: tuple[float, str] | None) -> Referencia | None:
        return Referencia(y=y_de(dato[0]), texto=dato[1]) if dato else None

    puntos = [PuntoSerie(x=x_de(v.fecha), y=y_de(v.valor), texto=v.texto) for v in valores]
    marcas = [MarcaEje(x=x_de(f), texto=mes_corto(f)) for f in dict.fromkeys((desde, hasta))]
    return GraficaIndicador(
        ancho=ANCHO_INDICADOR,
        alto=_ALTO_INDICADOR,
        x_inicio=_X_INDICADOR,
        x_fin=_X_INDICADOR + _ANCHO_SERIE,
        puntos=puntos,
        trazo=" ".join(f"{p.x},{p.y}" for p in puntos),
        base=referencia(linea_base),
        meta=referencia(valor_meta),
        marcas=marcas,
    )
