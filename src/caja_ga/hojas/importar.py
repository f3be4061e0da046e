"""`caja-ga importar`: del libro lleno al reporte de avance nuevo y a los cambios en plan.yaml.

Cada celda se lee con el tipo de su columna y cada fila con el mismo modelo de pydantic que lee
los archivos. Cualquier error se informa con hoja, fila y columna, y entonces no se escribe nada.
Si todo está bien: las celdas del plan que difieren de plan.yaml se escriben en su lugar
(escritura.py: el resto del archivo queda byte por byte) y, si el avance difiere de lo que el
libro traía escrito (lo último conocido, de la Vista), se escribe `seguimiento/FECHA.yaml`. Un
libro que vuelve sin cambios no cambia ningún archivo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Final

from pydantic import BaseModel, TypeAdapter, ValidationError

from caja_ga.andamio import escalar_yaml, escribir
from caja_ga.archivos import ruta_visible
from caja_ga.errores import ErrorDeUso
from caja_ga.escritura import Cambio, aplicar, guardar_leido, leer, numero_yaml, ruta_legible
from caja_ga.esquema import mensaje_de_tipo
from caja_ga.esquemas_json import con_linea_de_esquema
from caja_ga.hojas import libro
from caja_ga.hojas.definicion import (
    AVANCE,
    EVIDENCIAS,
    HOJAS,
    HOJAS_DEL_PLAN,
    INDICADORES,
    REPORTE,
    Columna,
)
from caja_ga.hojas.exportar import Previo, plan_legible, previos, valor_en, vista_previa
from caja_ga.modelos.base import Cantidad
from caja_ga.modelos.plan import Plan
from caja_ga.modelos.seguimiento import AvanceActividad, Evidencia, MedicionIndicador, Seguimiento
from caja_ga.nuevo import carpeta_de_proceso
from caja_ga.opciones import normalizar_opcion
from caja_ga.proceso import cargar_proceso

_NUMERO: Final = TypeAdapter(Annotated[float, Cantidad])
_SERIE_MAXIMA: Final = 2_958_465  # 9999-12-31 como número de serie
MAX_ERRORES: Final = 30


@dataclass(frozen=True, slots=True)
class ErrorDeCelda:
    hoja: str
    fila: int
    columna: str
    mensaje: str

    def __str__(self) -> str:
        return f"Hoja «{self.hoja}», fila {self.fila}, columna «{self.columna}»: {self.mensaje}"


class ErroresEnLibro(Exception):
    """Celdas con valores que no sirven (salida 1, como un archivo con errores); no se escribe."""

    def __init__(self, errores: list[ErrorDeCelda]) -> None:
        super().__init__(f"{len(errores)} errores")
        orden = {hoja.nombre: i for i, hoja in enumerate(HOJAS)}
        self.errores = sorted(errores, key=lambda e: (orden.get(e.hoja, 0), e.fila))


@dataclass
class Importado:
    """Lo que se escribió: el reporte nuevo (si el avance cambió) y los cambios al plan."""

    reporte: Path | None = None
    plan: Path | None = None
    cambios: list[str] = field(default_factory=list)  # «compromisos[1].titulo», …


@dataclass
class _Lectura:
    """Lo leído del libro, con los errores juntados para decirlos todos a la vez."""

    errores: list[ErrorDeCelda] = field(default_factory=list)

    def error(self, tabla: libro.Tabla, fila: int, columna: str, mensaje: str) -> None:
        self.errores.append(ErrorDeCelda(tabla.hoja.nombre, fila, columna, mensaje))

    def celda(self, tabla: libro.Tabla, numero: int, fila: list[Any], columna: Columna) -> Any:
        """El valor de la celda con el tipo de su columna (None si está vacía)."""
        valor = libro.celda(tabla, fila, columna.clave)
        try:
            return _convertir(valor, columna)
        except ValueError as error:
            self.error(tabla, numero, columna.clave, str(error))
            return None

    def modelo(
        self, tabla: libro.Tabla, numero: int, clase: type[BaseModel], datos: dict[str, Any]
    ) -> Any:
        """La fila leída con el modelo de los archivos; sus errores, en la columna de su campo."""
        try:
            return clase.model_validate(datos)
        except ValidationError as error:
            for detalle in error.errors(include_url=False):
                campos = [str(p) for p in detalle["loc"] if isinstance(p, str)]
                campo = campos[-1] if campos else "valor"
                clave = ".".join(campos) if campos else campo
                mensaje = mensaje_de_tipo(detalle["type"], campo, detalle.get("input"), detalle)
                self.error(tabla, numero, clave, mensaje)
            return None


def _convertir(valor: Any, columna: Columna) -> Any:
    if valor is None or (isinstance(valor, str) and not valor.strip()):
        return None
    if columna.tipo == "texto":
        return _texto(valor)
    if columna.tipo in ("numero", "porcentaje"):
        numero = _numero(valor)
        if columna.tipo == "porcentaje" and not 0 <= numero <= 100:
            raise ValueError(f"el avance es un porcentaje de 0 a 100, no «{_texto(valor)}».")
        return numero
    if columna.tipo == "fecha":
        return _fecha(valor)
    opcion = normalizar_opcion(_texto(valor).strip())
    if opcion not in columna.opciones:
        raise ValueError(
            f"«{_texto(valor)}» no es una opción válida: usa una de {', '.join(columna.opciones)}."
        )
    return opcion


def _texto(valor: Any) -> str:
    fecha = libro.a_fecha(valor)
    if fecha is not None:
        return fecha.isoformat()
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor).replace("\r\n", "\n")


def _numero(valor: Any) -> float:
    if isinstance(valor, bool) or libro.a_fecha(valor) is not None:
        raise ValueError(f"debe ser un número, no «{_texto(valor)}».")
    try:
        numero = float(
            valor if isinstance(valor, int | float) else _NUMERO.validate_python(str(valor).strip())
        )
    except ValidationError:
        numero = math.nan
    if not math.isfinite(numero):
        raise ValueError(f"debe ser un número, no «{_texto(valor)}».")
    return numero


def _fecha(valor: Any) -> date:
    fecha = libro.a_fecha(valor)
    if fecha is not None:
        return fecha
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        if 1 <= valor <= _SERIE_MAXIMA:  # una fecha guardada como número, sin formato de fecha
            return libro.fecha_de_serie(valor)
    else:
        try:
            return date.fromisoformat(str(valor).strip())
        except ValueError:
            pass
    raise ValueError(f"«{_texto(valor)}» no es una fecha: escríbela AAAA-MM-DD, p. ej. 2026-06-30.")


# --- el plan ---------------------------------------------------------------------------------


Elemento = tuple[tuple[str | int, ...], BaseModel]  # (ruta en plan.yaml, modelo)


def _indice(plan: Plan) -> dict[str, dict[str, list[Elemento]]]:
    """Por hoja, id → sus elementos en orden (más de uno si plan.yaml repite el id: la n-ésima
    fila con ese id es el n-ésimo elemento, como se exportó)."""
    indice: dict[str, dict[str, list[Elemento]]] = {c: {} for c in HOJAS_DEL_PLAN}
    for i, compromiso in enumerate(plan.compromisos):
        indice["compromisos"].setdefault(compromiso.id, []).append((("compromisos", i), compromiso))
        for j, meta in enumerate(compromiso.metas):
            indice["metas"].setdefault(meta.id, []).append((("compromisos", i, "metas", j), meta))
        for j, actividad in enumerate(compromiso.actividades):
            ruta = ("compromisos", i, "actividades", j)
            indice["actividades"].setdefault(actividad.id, []).append((ruta, actividad))
    return indice


def _cambios_al_plan(lectura: _Lectura, tablas: dict[str, libro.Tabla], plan: Plan) -> list[Cambio]:
    indice = _indice(plan)
    cambios: list[Cambio] = []
    for clave, hoja in HOJAS_DEL_PLAN.items():
        tabla = tablas[hoja.archivo]
        for numero, fila in tabla.filas:
            identificador = _texto(libro.celda(tabla, fila, "id") or "").strip()
            if identificador not in indice[clave]:
                lectura.error(
                    tabla,
                    numero,
                    "id",
                    f"«{identificador}» no es un id de {clave} de plan.yaml; aquí no se agregan "
                    f"{clave} (usa plan.yaml o «caja-ga nuevo compromiso»)."
                    if identificador
                    else "falta el id; cada fila dice a qué elemento de plan.yaml se refiere.",
                )
                continue
            if not indice[clave][identificador]:
                lectura.error(tabla, numero, "id", f"«{identificador}» está repetido en la hoja.")
                continue
            base, modelo = indice[clave][identificador].pop(0)
            propios = _cambios_de_fila(lectura, tabla, numero, fila, modelo)
            if propios and _fila_valida(lectura, tabla, numero, modelo, propios):
                cambios += [Cambio(base + ruta, valor) for ruta, valor in propios]
    return cambios


def _cambios_de_fila(
    lectura: _Lectura, tabla: libro.Tabla, numero: int, fila: list[Any], modelo: BaseModel
) -> list[tuple[tuple[str, ...], Any]]:
    propios: list[tuple[tuple[str, ...], Any]] = []
    for columna in tabla.hoja.columnas:
        if not columna.editable:
            continue
        nuevo = lectura.celda(tabla, numero, fila, columna)
        actual = valor_en(modelo, columna.ruta)
        if nuevo == actual or (nuevo is None and actual == ""):
            continue
        if isinstance(_crudo(modelo, columna.ruta), list):
            lectura.error(
                tabla,
                numero,
                columna.clave,
                "en plan.yaml es una lista (un renglón por elemento); cámbiala en el archivo.",
            )
            continue
        propios.append((columna.ruta, nuevo))
    return propios


def _crudo(modelo: Any, ruta: tuple[str, ...]) -> Any:
    for paso in ruta:
        modelo = getattr(modelo, paso, None) if modelo is not None else None
    return modelo


def _fila_valida(
    lectura: _Lectura,
    tabla: libro.Tabla,
    numero: int,
    modelo: BaseModel,
    propios: list[tuple[tuple[str, ...], Any]],
) -> bool:
    datos = modelo.model_dump(exclude_unset=True)
    for ruta, valor in propios:
        destino = datos
        for paso in ruta[:-1]:
            if not isinstance(destino.get(paso), dict):
                destino[paso] = {}
            destino = destino[paso]
        destino[ruta[-1]] = valor
    antes = len(lectura.errores)
    lectura.modelo(tabla, numero, type(modelo), datos)
    return len(lectura.errores) == antes


# --- el avance -------------------------------------------------------------------------------


def _reporte(lectura: _Lectura, tablas: dict[str, libro.Tabla]) -> tuple[date | None, str | None]:
    tabla = tablas[REPORTE.archivo]
    if not tabla.filas:
        lectura.error(tabla, 2, "fecha_corte", "falta la fecha de corte del reporte.")
        return None, None
    numero, fila = tabla.filas[0]
    fecha = lectura.celda(tabla, numero, fila, REPORTE.columna("fecha_corte"))
    if _convertir(libro.celda(tabla, fila, "fecha_corte"), REPORTE.columna("revisado_en")) is None:
        lectura.error(tabla, numero, "fecha_corte", "falta la fecha de corte del reporte.")
    revisado = lectura.celda(tabla, numero, fila, REPORTE.columna("revisado_en"))
    revisado = revisado.strip() if isinstance(revisado, str) else None
    if revisado and fecha is not None:  # el id de una sesión: como lo lee el modelo
        datos = {"version": 1, "fecha_corte": fecha, "revisado_en": revisado}
        if lectura.modelo(tabla, numero, Seguimiento, datos) is None:
            return None, None
    return fecha, revisado


def _avances(
    lectura: _Lectura, tablas: dict[str, libro.Tabla], actividades: set[str]
) -> list[AvanceActividad]:
    tabla = tablas[AVANCE.archivo]
    evidencias = _evidencias(lectura, tablas)
    leidas: list[AvanceActividad] = []
    vistos: set[str] = set()
    for numero, fila in tabla.filas:
        datos = {
            c.clave: lectura.celda(tabla, numero, fila, c) for c in AVANCE.columnas if c.editable
        }
        identificador = (datos["id"] or "").strip()
        if identificador not in actividades:
            lectura.error(
                tabla,
                numero,
                "id",
                f"«{identificador}» no es una actividad vigente de plan.yaml."
                if identificador
                else "falta el id de la actividad.",
            )
            continue
        if identificador in vistos:
            lectura.error(tabla, numero, "id", f"«{identificador}» está repetida en la hoja.")
            continue
        vistos.add(identificador)
        if _convertir(libro.celda(tabla, fila, "estado"), AVANCE.columna("id")) is None:
            opciones = ", ".join(AVANCE.columna("estado").opciones)
            lectura.error(tabla, numero, "estado", f"falta el estado: elige uno de {opciones}.")
        datos["id"] = identificador
        datos["evidencias"] = evidencias.pop(identificador, [])
        leida = lectura.modelo(tabla, numero, AvanceActividad, datos)
        if leida is not None:
            leidas.append(leida)
    tabla_evidencias = tablas[EVIDENCIAS.archivo]
    for identificador in evidencias:
        for numero, _ in filas_de(tabla_evidencias, identificador):
            lectura.error(
                tabla_evidencias,
                numero,
                "id",
                f"«{identificador}» no es una actividad de la hoja «{AVANCE.nombre}».",
            )
    return leidas


def filas_de(tabla: libro.Tabla, identificador: str) -> list[tuple[int, list[Any]]]:
    return [
        (n, f)
        for n, f in tabla.filas
        if _texto(libro.celda(tabla, f, tabla.hoja.llave) or "").strip() == identificador
    ]


def _evidencias(lectura: _Lectura, tablas: dict[str, libro.Tabla]) -> dict[str, list[Evidencia]]:
    tabla = tablas[EVIDENCIAS.archivo]
    por_actividad: dict[str, list[Evidencia]] = {}
    for numero, fila in tabla.filas:
        datos = {c.clave: lectura.celda(tabla, numero, fila, c) for c in EVIDENCIAS.columnas}
        identificador = (datos.pop("id") or "").strip()
        if not identificador:
            lectura.error(tabla, numero, "id", "falta el id de la actividad de la evidencia.")
            continue
        if datos["descripcion"] is None and datos["url"] is None:
            lectura.error(
                tabla, numero, "descripcion", "no dice qué es la evidencia ni dónde verla."
            )
            continue
        evidencia = lectura.modelo(tabla, numero, Evidencia, datos)
        if evidencia is not None:
            por_actividad.setdefault(identificador, []).append(evidencia)
    return por_actividad


def _indicadores(
    lectura: _Lectura, tablas: dict[str, libro.Tabla], metas: set[str]
) -> list[MedicionIndicador]:
    tabla = tablas[INDICADORES.archivo]
    medidas: list[MedicionIndicador] = []
    for numero, fila in tabla.filas:
        datos = {
            c.clave: lectura.celda(tabla, numero, fila, c)
            for c in INDICADORES.columnas
            if c.editable
        }
        if all(datos[c] is None for c in ("valor", "fecha", "fuente")):
            continue
        meta = (datos["meta"] or "").strip()
        if meta not in metas:
            lectura.error(tabla, numero, "meta", f"«{meta}» no es una meta de plan.yaml.")
            continue
        if datos["valor"] is None:
            lectura.error(tabla, numero, "valor", "falta el valor medido.")
            continue
        medida = lectura.modelo(tabla, numero, MedicionIndicador, datos | {"meta": meta})
        if medida is not None:
            medidas.append(medida)
    return medidas


def _sin_cambios(leidas: list[AvanceActividad], anteriores: list[Previo]) -> bool:
    """Si el avance es el que el libro traía escrito (lo último conocido, sin observaciones)."""
    antes = {p.actividad.id: (p.estado, p.avance, p.evidencias, None) for p in anteriores}
    ahora = {
        a.id: (a.estado, a.avance, [(e.descripcion, e.url) for e in a.evidencias], a.observaciones)
        for a in leidas
    }
    return antes == ahora


def texto_del_reporte(seguimiento: Seguimiento, origen: str) -> str:
    """El reporte como YAML, como lo escribiría una persona."""
    lineas = [
        "version: 1",
        f"# Reporte de avance con fecha de corte {seguimiento.fecha_corte.isoformat()}, "
        f"importado de {escalar_yaml(origen)} con «caja-ga importar».",
        f"fecha_corte: {seguimiento.fecha_corte.isoformat()}",
    ]
    if seguimiento.revisado_en:
        lineas.append(f"revisado_en: {escalar_yaml(seguimiento.revisado_en)}")
    lineas.append("actividades:")
    for avance in seguimiento.actividades:
        lineas += [f"  - id: {escalar_yaml(avance.id)}", f"    estado: {avance.estado}"]
        if avance.avance is not None:
            lineas.append(f"    avance: {numero_yaml(avance.avance)}")
        if avance.evidencias:
            lineas.append("    evidencias:")
            for evidencia in avance.evidencias:
                campos = [("descripcion", evidencia.descripcion), ("url", evidencia.url)]
                presentes = [(c, v) for c, v in campos if v is not None] or [("descripcion", "")]
                for k, (campo, valor) in enumerate(presentes):
                    lineas.append(f"      {'- ' if k == 0 else '  '}{campo}: {escalar_yaml(valor)}")
        if avance.observaciones is not None:
            lineas.append(f"    observaciones: {escalar_yaml(avance.observaciones)}")
    if seguimiento.indicadores:
        lineas.append("indicadores:")
        for medida in seguimiento.indicadores:
            assert medida.valor is not None
            lineas += [
                f"  - meta: {escalar_yaml(medida.meta)}",
                f"    valor: {numero_yaml(medida.valor)}",
            ]
            if medida.fecha is not None:
                lineas.append(f"    fecha: {medida.fecha.isoformat()}")
            if medida.fuente is not None:
                lineas.append(f"    fuente: {escalar_yaml(medida.fuente)}")
    return "\n".join(lineas) + "\n"


# --- todo junto ------------------------------------------------------------------------------


def importar(archivo: Path, carpeta: Path, *, forzar: bool = False) -> Importado:
    """Lee el libro, comprueba todo y, solo si no hay errores, escribe."""
    carpeta = carpeta_de_proceso(carpeta)
    proceso = cargar_proceso(carpeta)
    plan = plan_legible(proceso)
    tablas = libro.leer(archivo)
    lectura = _Lectura()
    for tabla in tablas.values():
        for numero, clave in tabla.formulas:
            lectura.error(tabla, numero, clave, "tiene una fórmula; escribe el valor, sin «=».")
    if lectura.errores:
        raise ErroresEnLibro(lectura.errores)
    ruta_plan = proceso.documentos["plan"].ruta
    leido = leer(ruta_plan)
    _misma_huella(tablas, leido.huella, ruta_plan)
    fecha_corte, revisado = _reporte(lectura, tablas)
    cambios = _cambios_al_plan(lectura, tablas, plan)
    anteriores = previos(vista_previa(proceso, fecha_corte)) if fecha_corte else []
    vigente = vista_previa(proceso, fecha_corte or date.max).plan
    assert vigente is not None
    actividades = {a.id for c in vigente.compromisos for a in c.actividades if not a.retirada}
    metas = {m.id for c in vigente.compromisos for m in c.metas}
    leidas = _avances(lectura, tablas, actividades)
    medidas = _indicadores(lectura, tablas, metas)
    if lectura.errores:
        raise ErroresEnLibro(lectura.errores)
    assert fecha_corte is not None
    texto_plan = aplicar(leido, cambios) if cambios else leido.texto
    resultado = Importado()
    reporte: tuple[Path, str] | None = None
    if medidas or not _sin_cambios(leidas, anteriores):
        seguimiento = Seguimiento.model_validate(
            {
                "version": 1,
                "fecha_corte": fecha_corte,
                "revisado_en": revisado or None,
                "actividades": leidas,
                "indicadores": medidas,
            }
        )
        ruta = carpeta / "seguimiento" / f"{fecha_corte.isoformat()}.yaml"
        if (ruta.exists() or ruta.is_symlink()) and not forzar:
            raise ErrorDeUso(
                f"{ruta_visible(ruta)} ya existe; no se escribió nada. Usa --forzar para "
                "reemplazarlo con el avance del libro, o cambia la fecha_corte de la hoja "
                f"«{REPORTE.nombre}»."
            )
        reporte = ruta, texto_del_reporte(seguimiento, archivo.name)
    if texto_plan != leido.texto:
        guardar_leido(leido, texto_plan)
        resultado.plan = ruta_plan
        resultado.cambios = [ruta_legible(c.ruta) for c in cambios]
    if reporte is not None:
        ruta, texto = reporte
        escribir(
            ruta.parent,
            {PurePosixPath(ruta.name): con_linea_de_esquema(ruta, texto)},
            forzar=True,
        )
        resultado.reporte = ruta
    return resultado


def _misma_huella(tablas: dict[str, libro.Tabla], actual: str, ruta: Path) -> None:
    tabla = tablas[REPORTE.archivo]
    exportada = libro.celda(tabla, tabla.filas[0][1], "huella_plan") if tabla.filas else None
    if isinstance(exportada, str) and exportada.strip() and exportada.strip() != actual:
        raise ErrorDeUso(
            f"{ruta_visible(ruta)} cambió desde que se exportó este libro: importarlo desharía "
            "esos cambios, así que no se escribió nada. Exporta un libro nuevo con «caja-ga "
            "exportar» y copia en él lo que llenaste."
        )
