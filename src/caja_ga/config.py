"""La configuración `.caja-ga.yaml`: severidad por regla, umbrales, carpetas excluidas y la
agrupación de los ODS en dimensiones que usa la señal de O5 (`agenda2030: {agrupacion: …}`).

Cada proceso lo gobierna la `.caja-ga.yaml` más cercana desde su carpeta hacia arriba, sin salir
de su repositorio git (fuera de git, sin salir de la carpeta actual o de la ruta pedida): el
resultado de un proceso no depende de cómo se llamó a `validar`, y una configuración por encima
del repositorio nunca se aplica en silencio. Un error en ella es un error de uso (código de
salida 2), con su línea.
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BeforeValidator,
    Field,
    StrictInt,
    ValidationError,
    model_validator,
)

from caja_ga.archivos import ruta_visible
from caja_ga.carga import cargar
from caja_ga.catalogos import agrupaciones_ods
from caja_ga.errores import ErrorDeUso
from caja_ga.modelos.base import Modelo
from caja_ga.opciones import normalizar_opcion
from caja_ga.posiciones import ubicar
from caja_ga.problemas import Severidad
from caja_ga.reglas import todas, todos_los_umbrales, umbrales_por_omision

NOMBRE_CONFIG = ".caja-ga.yaml"
Nivel = Literal["error", "aviso", "desactivada"]


class ErrorDeConfig(ErrorDeUso):
    """La configuración no se puede usar; el mensaje ya está en español y ubicado."""


_SINONIMOS_NIVEL = {
    "desactivado": "desactivada",
    "apagada": "desactivada",
    "off": "desactivada",
    "advertencia": "aviso",
    "warning": "aviso",
}


def _nivel(valor: Any) -> Any:
    """«Aviso», «desactivado» o «advertencia» también valen; `false` apaga la regla."""
    if valor is False:
        return "desactivada"
    valor = normalizar_opcion(valor)
    return _SINONIMOS_NIVEL.get(valor, valor) if isinstance(valor, str) else valor


def _excluir(valor: Any) -> Any:
    return [valor] if isinstance(valor, str) else valor


class _Agenda2030(Modelo):
    agrupacion: Annotated[str, BeforeValidator(normalizar_opcion)] | None = None


class _ArchivoConfig(Modelo):
    version: Literal[1] = 1
    reglas: dict[str, Annotated[Nivel, BeforeValidator(_nivel)]] = Field(
        default={}, validation_alias=AliasChoices("reglas", "severidades")
    )
    umbrales: dict[str, StrictInt] = {}  # `true` no es un número aunque Python lo trate así
    excluir: Annotated[list[str], BeforeValidator(_excluir)] = []
    agenda2030: _Agenda2030 = _Agenda2030()

    @model_validator(mode="before")
    @classmethod
    def _umbrales_sueltos(cls, datos: Any) -> Any:
        """Un umbral escrito en el primer nivel (`max_compromisos: 7`) vale como en «umbrales»."""
        if not isinstance(datos, dict):
            return datos
        sueltos = {k: v for k, v in datos.items() if k in todos_los_umbrales()}
        if not sueltos:
            return datos
        resto = {k: v for k, v in datos.items() if k not in sueltos}
        return {**resto, "umbrales": {**sueltos, **(resto.get("umbrales") or {})}}


@dataclass(frozen=True)
class Config:
    raiz: Path
    ruta: Path | None = None
    severidades: dict[str, Severidad | None] = field(default_factory=dict)
    umbrales: dict[str, int] = field(default_factory=umbrales_por_omision)
    excluir: tuple[str, ...] = ()
    agrupacion_ods: str | None = None
    """La agrupación de los ODS en dimensiones (señal de O5); None: la de omisión."""

    @cached_property
    def huella(self) -> str:
        """Lo que cambia los problemas de un proceso (para la caché de resultados)."""
        return json.dumps(
            [
                sorted((c, s.value if s else None) for c, s in self.severidades.items()),
                sorted(self.umbrales.items()),
                self.agrupacion_ods,
            ]
        )

    def excluido(self, carpeta: Path) -> bool:
        if not self.excluir:
            return False
        try:
            relativa = carpeta.resolve().relative_to(self.raiz.resolve()).as_posix()
        except ValueError:
            return False
        return any(
            fnmatch(relativa, patron) or fnmatch(relativa, patron.rstrip("/*"))
            for patron in self.excluir
        )


@dataclass
class Configuraciones:
    """La configuración que gobierna cada carpeta; cada archivo se busca y se lee una sola vez.

    Con `explicita` (la opción --config), esa gobierna todo.
    """

    explicita: Path | None
    raiz_por_omision: Path
    _encontradas: dict[Path, Path | None] = field(default_factory=dict)
    _leidas: dict[Path | None, Config] = field(default_factory=dict)
    # Lo ya resuelto en esta corrida: al recorrer miles de carpetas, cada una se pregunta una vez.
    _de: dict[tuple[Path, Path], Config] = field(default_factory=dict)
    _raices_git: dict[Path, Path | None] = field(default_factory=dict)

    def de(self, carpeta: Path, pedida: Path) -> Config:
        """La configuración de `carpeta`, encontrada bajo la ruta `pedida` por el usuario."""
        if (carpeta, pedida) not in self._de:
            ruta = self.explicita or self._buscar(carpeta.resolve(), pedida)
            if ruta not in self._leidas:
                self._leidas[ruta] = leer_config(ruta, self.raiz_por_omision)
            self._de[carpeta, pedida] = self._leidas[ruta]
        return self._de[carpeta, pedida]

    def raiz_git(self, carpeta: Path) -> Path | None:
        """La carpeta con `.git` que contiene a `carpeta` (o ella misma), si hay una."""
        if carpeta not in self._raices_git:
            if os.path.lexists(carpeta / ".git"):
                self._raices_git[carpeta] = carpeta
            elif carpeta == carpeta.parent:
                self._raices_git[carpeta] = None
            else:
                self._raices_git[carpeta] = self.raiz_git(carpeta.parent)
        return self._raices_git[carpeta]

    @property
    def usadas(self) -> list[Path]:
        return sorted(ruta for ruta in self._leidas if ruta is not None)

    def _buscar(self, carpeta: Path, pedida: Path) -> Path | None:
        if carpeta not in self._encontradas:
            candidata = carpeta / NOMBRE_CONFIG
            if candidata.is_file():
                self._encontradas[carpeta] = candidata
            elif carpeta == carpeta.parent or carpeta == _limite(carpeta, pedida, self):
                self._encontradas[carpeta] = None
            else:
                self._encontradas[carpeta] = self._buscar(carpeta.parent, pedida)
        return self._encontradas[carpeta]


def _limite(carpeta: Path, pedida: Path, configuraciones: Configuraciones) -> Path:
    """Hasta dónde se busca: la raíz del repositorio git; fuera de git, la carpeta actual si
    `carpeta` está dentro de ella, y si no la ruta pedida."""
    if (raiz := configuraciones.raiz_git(carpeta)) is not None:
        return raiz
    actual = configuraciones.raiz_por_omision.resolve()
    if carpeta.is_relative_to(actual):
        return actual
    pedida = pedida.resolve()
    return pedida if pedida.is_dir() else pedida.parent


def leer_config(ruta: Path | None, raiz_por_omision: Path) -> Config:
    if ruta is None:
        return Config(raiz=raiz_por_omision)
    if not ruta.is_file():
        raise ErrorDeConfig(f"No existe el archivo de configuración «{ruta_visible(ruta)}».")
    doc = cargar(ruta, ruta_visible(ruta), "config")
    if doc.hallazgos:
        primero = doc.hallazgos[0]
        linea = primero.posicion[0] if primero.posicion else 1
        raise ErrorDeConfig(f"{doc.archivo}:{linea}: {primero.mensaje}")
    try:
        datos = _ArchivoConfig.model_validate(doc.datos)
    except ValidationError as error:
        detalle = error.errors(include_url=False)[0]
        linea, _ = ubicar(doc.nodo, tuple(detalle["loc"])) if doc.nodo else (1, 1)
        campo = ".".join(str(paso) for paso in detalle["loc"])
        raise ErrorDeConfig(
            f"{doc.archivo}:{linea}: el valor de «{campo}» no es válido; revisa "
            "la configuración (reglas: error|aviso|desactivada, umbrales: "
            "números enteros, excluir: lista de patrones, agenda2030: agrupacion)."
        ) from None
    _revisar_nombres(doc.archivo, datos)
    severidades: dict[str, Severidad | None] = {
        codigo.upper(): None if nivel == "desactivada" else Severidad(nivel)
        for codigo, nivel in datos.reglas.items()
    }
    return Config(
        ruta.parent,
        ruta,
        severidades,
        umbrales_por_omision() | datos.umbrales,
        tuple(datos.excluir),
        datos.agenda2030.agrupacion,
    )


def _revisar_nombres(archivo: str, datos: _ArchivoConfig) -> None:
    for codigo in datos.reglas:
        if normalizar_opcion(codigo).upper() not in todas():
            raise ErrorDeConfig(
                f"{archivo}: la regla «{codigo}» no existe; consulta la lista con «caja-ga reglas»."
            )
    declarados = todos_los_umbrales()
    for nombre, valor in datos.umbrales.items():
        if nombre not in declarados:
            parecido = difflib.get_close_matches(nombre, list(declarados), n=1)
            pista = f" ¿quisiste decir «{parecido[0]}»?" if parecido else ""
            raise ErrorDeConfig(
                f"{archivo}: el umbral «{nombre}» no existe.{pista} Los umbrales "
                f"son: {', '.join(declarados)}."
            )
        if valor < declarados[nombre].minimo:
            raise ErrorDeConfig(
                f"{archivo}: el umbral «{nombre}» vale {valor} y no puede ser menor que "
                f"{declarados[nombre].minimo}."
            )
    agrupacion = datos.agenda2030.agrupacion
    if agrupacion is not None and agrupacion not in agrupaciones_ods():
        validas = ", ".join(agrupaciones_ods())
        raise ErrorDeConfig(
            f"{archivo}: la agrupación de los ODS «{agrupacion}» (en «agenda2030.agrupacion») no "
            f"existe; las publicadas que caja-ga conoce son: {validas}."
        )
