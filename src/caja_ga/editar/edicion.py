"""Un archivo entero editado en el formulario, escrito sin perder comentarios, comillas ni sangrías.

Se lee con ruamel.yaml en modo de ida y vuelta y se cambian solo los valores que cambiaron (lo que
quedó igual conserva su forma escrita: `2026-05-31` sin comillas, `"14120"` con ellas). Guardar
es cosa de `caja_ga.escritura.guardar_si_no_cambio`: atómico y solo si nadie cambió el archivo.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from caja_ga.carga import cargar_texto
from caja_ga.errores import ErrorDeUso
from caja_ga.nuevo import ANCHO_SIN_LIMITE, sangrias, volcar

_BOM = "\ufeff"


class NoEditable(ErrorDeUso):
    """El archivo no se puede editar así: no es YAML legible o no tiene «clave: valor» arriba."""


@dataclass(frozen=True)
class DeLista:
    """Un elemento de una lista editada y su posición en la lista original (None si es nuevo):
    así un elemento quitado a media lista no arrastra los comentarios de los demás."""

    origen: int | None
    valor: Any


@dataclass
class Editable:
    """Un YAML leído en modo de ida y vuelta, listo para cambiarle valores y volcarlo."""

    yaml: Any
    datos: Any
    original: str

    def con_cambios(self, nuevo: dict[str, Any]) -> str:
        """El texto del archivo con `nuevo` escrito encima (ver `fusionar`); se llama una vez.

        ruamel.yaml reescribe algunas formas al volcar (`null` explícito queda vacío): por eso
        sus renglones se toman solo donde su volcado difiere del volcado sin cambios, y el resto
        es el texto original, tal cual. Si ruamel movió renglones, o si el empalme no se lee
        igual que el volcado, se usa el volcado completo, que conserva los comentarios."""
        antes = volcar(self.yaml, self.datos)
        self.datos = fusionar(self.datos, nuevo)
        despues = volcar(self.yaml, self.datos)
        sin_bom = self.original.removeprefix(_BOM)
        texto = _empalmar(sin_bom, antes, despues)
        if texto != despues and _leido(texto) != _leido(despues):
            texto = despues
        if "\r\n" in sin_bom:
            texto = texto.replace("\r\n", "\n").replace("\n", "\r\n")
        return _BOM + texto if self.original.startswith(_BOM) else texto


def _leido(texto: str) -> Any:
    """Los datos de un texto como los lee `caja-ga validar` (libyaml: rápido)."""
    return cargar_texto(texto, Path(), "", "").datos


def _empalmar(original: str, antes: str, despues: str) -> str:
    lineas = original.splitlines(keepends=True)
    viejas, nuevas = antes.splitlines(keepends=True), despues.splitlines(keepends=True)
    if len(viejas) != len(lineas):
        return despues
    partes: list[str] = []
    comparador = difflib.SequenceMatcher(None, viejas, nuevas, autojunk=False)
    for operacion, i1, i2, j1, j2 in comparador.get_opcodes():
        partes += lineas[i1:i2] if operacion == "equal" else nuevas[j1:j2]
    return "".join(partes)


def abrir(texto: str, visible: str) -> Editable:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = ANCHO_SIN_LIMITE
    try:
        datos = yaml.load(texto.removeprefix(_BOM))
    except YAMLError:
        raise NoEditable(
            f"«{visible}» no se puede leer como YAML; «caja-ga validar» dice dónde está el "
            "problema. Corrígelo en un editor de texto y vuelve a abrirlo aquí."
        ) from None
    if not isinstance(datos, CommentedMap):
        raise NoEditable(
            f"«{visible}» debe tener campos «clave: valor» en el primer nivel para editarlo aquí."
        )
    mapeo, secuencia, desplazamiento = sangrias(datos)
    yaml.indent(mapping=mapeo, sequence=secuencia, offset=desplazamiento)
    yaml.explicit_start = texto.removeprefix(_BOM).lstrip().startswith("---")
    return Editable(yaml, datos, texto)


def fusionar(viejo: Any, nuevo: Any) -> Any:
    """`nuevo` escrito sobre `viejo`: lo que no cambió se queda como estaba (con sus comentarios
    y su forma); las claves que `nuevo` no menciona se conservan; un vacío nuevo donde no había
    nada no agrega la clave."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(nuevo, dict):
        if _vacio(nuevo) and not isinstance(viejo, CommentedMap):
            return viejo  # `vinculacion_osi: null`, u otra forma que el formulario no muestra
        mapeo = viejo if isinstance(viejo, CommentedMap) else CommentedMap()
        for clave, valor in nuevo.items():
            if clave in mapeo:
                mapeo[clave] = fusionar(mapeo[clave], valor)
            elif not _vacio(valor):
                mapeo[clave] = fusionar(None, valor)
        return mapeo
    if isinstance(nuevo, list):
        if not nuevo and viejo is None:
            return viejo  # `elaborado_por: null` que el formulario muestra como lista vacía
        if isinstance(viejo, str) and len(nuevo) == 1 and _igual(viejo, nuevo[0]):
            return viejo  # un solo texto donde va una lista (`Lista` lo acepta): se queda así
        # Una lista vacía entre corchetes (`integrantes: []` del andamio) que recibe elementos
        # con campos se vuelve una lista con guiones, una línea por campo.
        en_linea = isinstance(viejo, CommentedSeq) and not viejo and viejo.fa.flow_style()
        con_campos = any(isinstance(e.valor if isinstance(e, DeLista) else e, dict) for e in nuevo)
        nueva = en_linea and con_campos
        lista = viejo if isinstance(viejo, CommentedSeq) and not nueva else CommentedSeq()
        _fusionar_lista(lista, nuevo)
        return lista
    if _igual(viejo, nuevo):
        return viejo
    return _escalar(nuevo)


def _fusionar_lista(destino: Any, nuevos: list[Any]) -> None:
    """Quita los elementos originales que ya no están, actualiza los que siguen y agrega los
    nuevos al final; los elementos que no son `DeLista` se toman por posición."""
    if any(isinstance(e, DeLista) for e in nuevos):
        siguen = {e.origen for e in nuevos if isinstance(e, DeLista) and e.origen is not None}
        for indice in sorted(range(len(destino)), reverse=True):
            if indice not in siguen:
                del destino[indice]
    valores = [e.valor if isinstance(e, DeLista) else e for e in nuevos]
    for indice, valor in enumerate(valores):
        if indice < len(destino):
            destino[indice] = fusionar(destino[indice], valor)
        else:
            destino.append(fusionar(None, valor))
    del destino[len(valores) :]


def _vacio(valor: Any) -> bool:
    if isinstance(valor, dict):
        return all(_vacio(v) for v in valor.values())
    return valor is None or valor == "" or (isinstance(valor, list) and not valor)


def _igual(viejo: Any, nuevo: Any) -> bool:
    if viejo is None or nuevo is None:
        return viejo is nuevo or (_vacio(viejo) and _vacio(nuevo))
    if isinstance(viejo, bool) or isinstance(nuevo, bool):
        return viejo is nuevo
    if isinstance(viejo, int | float) and isinstance(nuevo, int | float):
        return float(viejo) == float(nuevo)
    if isinstance(viejo, date) or isinstance(nuevo, date):
        return str(viejo) == str(nuevo)
    return bool(viejo == nuevo) or str(viejo) == nuevo


def _escalar(valor: Any) -> Any:
    """Un texto de varias líneas se escribe como bloque «|», legible y sin escapes."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(valor, str) and "\n" in valor:
        return LiteralScalarString(valor.rstrip("\n") + "\n")
    return valor
