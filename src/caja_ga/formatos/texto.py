"""`--formato texto`: problemas agrupados por proceso y archivo (cada archivo con cuántos errores y
avisos tiene), y una línea de resumen."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby

from caja_ga.documentacion import enlace_de_regla
from caja_ga.problemas import Problema, Resultado, ResultadoProceso, Severidad
from caja_ga.redaccion import cantidad
from caja_ga.reglas import todas

_COLORES = {
    "error": "\033[31m",
    "aviso": "\033[33m",
    "tenue": "\033[2m",
    "negrita": "\033[1m",
    "ok": "\033[32m",
}
_FIN = "\033[0m"

# Controles C0, DEL y C1, y los de dirección del texto: en una terminal o un registro de CI pueden
# borrar la pantalla, mover el cursor o fingir líneas; se muestran como secuencias visibles.
_CONTROLES = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escapar(caracter: re.Match[str]) -> str:
    codigo = ord(caracter.group())
    return f"\\x{codigo:02x}" if codigo <= 0xFF else f"\\u{codigo:04x}"


def sin_controles(texto: str) -> str:
    """El texto con cada carácter de control escrito como `\\xNN` o `\\uNNNN`."""
    return _CONTROLES.sub(_escapar, texto)


def visible(problema: Problema) -> Problema:
    """El problema con sus textos (que citan valores del usuario) sin caracteres de control."""
    return replace(
        problema,
        archivo=sin_controles(problema.archivo),
        mensaje=sin_controles(problema.mensaje),
        nota=sin_controles(problema.nota) if problema.nota else None,
    )


def _pintar(texto: str, estilo: str, color: bool) -> str:
    return f"{_COLORES[estilo]}{texto}{_FIN}" if color else texto


def resumen(resultado: Resultado) -> str:
    errores = resultado.contar(Severidad.ERROR)
    avisos = resultado.contar(Severidad.AVISO)
    alcance = (
        f"{cantidad(len(resultado.procesos), 'proceso', 'procesos')}, "
        f"{cantidad(resultado.archivos, 'archivo', 'archivos')}"
    )
    if not errores and not avisos:
        return f"{alcance}: sin problemas."
    errores_texto = cantidad(errores, "error", "errores")
    return f"{alcance}: {errores_texto}, {cantidad(avisos, 'aviso', 'avisos')}."


def _problema(problema: Problema, color: bool, dichas: frozenset[str] = frozenset()) -> list[str]:
    """El problema en una línea y, debajo, su nota si no se dijo ya en el archivo (`dichas`)."""
    problema = visible(problema)
    posicion = f"{problema.linea}:{problema.columna}" if problema.linea is not None else "-"
    severidad = problema.severidad.value
    lineas = [
        f"  {posicion:>7}  {_pintar(f'{severidad:<5}', severidad, color)}  "
        f"{problema.codigo}  {problema.mensaje}"
    ]
    if problema.nota and problema.nota not in dichas:
        lineas.append(_pintar(f"{'':>9}   ({problema.nota})", "tenue", color))
    return lineas


def _archivos(problemas: list[Problema], color: bool, carpeta: str = "") -> list[str]:
    """Los problemas bajo el nombre de su archivo; dentro de un proceso, relativo a su carpeta
    (que ya dice el encabezado del proceso)."""
    lineas: list[str] = []
    prefijo = f"{carpeta}/" if carpeta and carpeta != "." else ""
    for archivo, grupo in groupby(problemas, key=lambda p: p.archivo):
        del_archivo = list(grupo)
        nombre = archivo.removeprefix(prefijo) if prefijo else archivo
        lineas.append(
            _pintar(
                f"  {sin_controles(nombre)}" if prefijo else sin_controles(nombre), "negrita", color
            )
            + f" ({_cuenta(del_archivo)})"
        )
        comunes = _notas_comunes(del_archivo)
        for nota, codigos in comunes.items():
            texto = sin_controles(f"({', '.join(codigos)}: {nota})")
            lineas.append(_pintar(f"    {texto}", "tenue", color))
        for problema in del_archivo:
            lineas.extend(_problema(problema, color, frozenset(map(sin_controles, comunes))))
    return lineas


def _notas_comunes(problemas: list[Problema]) -> dict[str, list[str]]:
    """Nota → las reglas cuyos problemas en el archivo la llevan todos, si la llevan varios: se
    dice una vez bajo el nombre del archivo («se exigirá al pasar a…») y no bajo cada uno."""
    notas: dict[str, set[str | None]] = {}
    for problema in problemas:
        notas.setdefault(problema.codigo, set()).add(problema.nota)
    comunes: dict[str, list[str]] = {}
    for codigo, de_la_regla in sorted(notas.items()):
        nota = next(iter(de_la_regla))
        if len(de_la_regla) == 1 and nota is not None:
            comunes.setdefault(nota, []).append(codigo)
    return {
        nota: codigos
        for nota, codigos in comunes.items()
        if sum(1 for problema in problemas if problema.nota == nota) > 1
    }


def _cuenta(problemas: list[Problema]) -> str:
    """«2 errores, 1 aviso», sin lo que no hay: cuánto pide cada archivo de un vistazo."""
    errores = sum(1 for p in problemas if p.severidad is Severidad.ERROR)
    avisos = len(problemas) - errores
    partes = [
        cantidad(numero, singular, plural)
        for numero, singular, plural in (
            (errores, "error", "errores"),
            (avisos, "aviso", "avisos"),
        )
        if numero
    ]
    return ", ".join(partes)


def _reglas_citadas(problemas: list[Problema], color: bool) -> list[str]:
    """Las reglas que aparecieron, en columnas, con dónde leer cómo se corrige cada una: el
    nombre no alarga cada problema y se da una sola vez."""
    codigos = sorted({p.codigo for p in problemas})
    if not codigos:
        return []
    reglas = todas()
    celdas = [f"{codigo}  {reglas[codigo].nombre}" for codigo in codigos]
    ancho = max(len(celda) for celda in celdas) + 3
    columnas = max(1, (_ANCHO_LEYENDA - 2) // ancho)
    altas = -(-len(celdas) // columnas)  # por columnas, como se lee una lista
    filas = [
        "  " + "".join(f"{celda:<{ancho}}" for celda in celdas[fila::altas]).rstrip()
        for fila in range(altas)
    ]
    titulo = (
        "Reglas (ejemplos y cómo corregir: caja-ga reglas CÓDIGO, o "
        f"{enlace_de_regla(codigos[0]).split('#')[0]})"
    )
    return [_pintar(titulo, "negrita", color), *filas, ""]


_ANCHO_LEYENDA = 100


_MAX_PROCESOS_LIMPIOS = 10  # en un repositorio grande solo se listan los procesos con problemas


def _proceso(proceso: ResultadoProceso, color: bool, listar_limpios: bool) -> list[str]:
    fase = f"fase actual: {sin_controles(proceso.fase)}" if proceso.fase else "fase desconocida"
    proceso = replace(proceso, carpeta=sin_controles(proceso.carpeta))
    if not proceso.problemas:
        if not listar_limpios:
            return []
        return [_pintar(f"✔ {proceso.carpeta} ({fase}): sin problemas", "ok", color)]
    ordenados = sorted(proceso.problemas, key=Problema.clave_orden)
    return [
        _pintar(f"Proceso {proceso.carpeta} ({fase})", "negrita", color),
        *_archivos(ordenados, color, proceso.carpeta),
        "",
    ]


def cabecera(resultado: Resultado) -> str:
    """Qué configuración juzgó el resultado: la primera duda cuando algo no se señala."""
    usadas = [sin_controles(ruta) for ruta in resultado.configuraciones]
    if not usadas:
        return "Configuración: ninguna (.caja-ga.yaml no encontrada; valores por omisión)"
    return f"Configuración: {', '.join(usadas)}"


def formatear(resultado: Resultado, color: bool = False) -> str:
    lineas: list[str] = [_pintar(cabecera(resultado), "tenue", color), ""]
    listar_limpios = len(resultado.procesos) <= _MAX_PROCESOS_LIMPIOS
    for proceso in sorted(resultado.procesos, key=lambda r: r.carpeta):
        lineas.extend(_proceso(proceso, color, listar_limpios))
    if resultado.sueltos:
        lineas.extend([*_archivos(sorted(resultado.sueltos, key=Problema.clave_orden), color), ""])
    lineas.extend(_reglas_citadas(resultado.problemas, color))
    estilo = (
        "error"
        if resultado.contar(Severidad.ERROR)
        else ("aviso" if resultado.contar(Severidad.AVISO) else "ok")
    )
    lineas.append(_pintar(resumen(resultado), estilo, color))
    return "\n".join(lineas) + "\n"
