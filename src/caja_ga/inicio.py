"""`caja-ga init`: de las respuestas (municipio, periodo, enlace) a un proceso nuevo en disco.

Aquí se busca el municipio en el catálogo del INEGI, se interpreta el periodo de gobierno, se elige
la carpeta de destino y se arma el contexto de las plantillas; la escritura (y su política de no
sobrescribir) es de `andamio`. Nada aquí pregunta ni imprime: eso es de la línea de comandos.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from caja_ga import __version__
from caja_ga.andamio import Resultado, escribir, renderizar
from caja_ga.catalogos import (
    InicioDePeriodo,
    Municipio,
    inicios_de_periodo,
    municipios,
    recomendaciones_agenda2030,
    sin_acentos,
)
from caja_ga.errores import ErrorDeUso

# Sin estado conocido, el día más común: el 1 de octubre. Con el estado, el de
# datos/inicio_periodos_municipales.yaml; el periodo completo siempre puede darse a mano
# (--periodo 2024-09-01:2027-08-31).
MES_DIA_INICIO: tuple[int, int] = (10, 1)

_CLAVE = re.compile(r"^\d{5}$")
_ANIOS = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")
_FECHAS = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*:\s*(\d{4}-\d{2}-\d{2})$")
_FUENTE_SEGURA = re.compile(r"^[A-Za-z0-9._~:/@+%=#-]+$")
_CORREO = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class RespuestaInvalida(ErrorDeUso, ValueError):
    """Una respuesta (municipio, periodo, correo) que no sirve; el mensaje dice por qué."""


@dataclass(frozen=True)
class PeriodoGobierno:
    inicio: date
    fin: date
    # De dónde salió el día de inicio cuando solo se dieron los años; None si se dieron fechas.
    origen: str | None = field(default=None, compare=False)

    @property
    def etiqueta(self) -> str:
        """El nombre de carpeta del periodo: «2024-2027»."""
        return f"{self.inicio.year}-{self.fin.year}"


@dataclass(frozen=True)
class Enlace:
    nombre: str | None = None
    cargo: str | None = None
    area: str | None = None
    correo: str | None = None
    telefono: str | None = None
    contacto_publico: bool = False


@dataclass(frozen=True)
class Solicitud:
    """Todo lo que `init` necesita para escribir un proceso."""

    municipio: Municipio
    periodo: PeriodoGobierno
    enlace: Enlace = field(default_factory=Enlace)


def describir(municipio: Municipio) -> str:
    return f"{municipio.nombre}, {municipio.entidad} ({municipio.cvegeo})"


def buscar_municipios(texto: str) -> list[Municipio]:
    """Municipios que corresponden al texto, sin distinguir acentos ni mayúsculas: la clave exacta;
    si no, los de nombre exacto; si no, los que contienen el texto en el nombre."""
    texto = texto.strip()
    catalogo = municipios()
    if _CLAVE.match(texto):
        return [catalogo[texto]] if texto in catalogo else []
    buscado = sin_acentos(" ".join(texto.split()))
    if not buscado:
        return []
    exactos = [m for m in catalogo.values() if sin_acentos(m.nombre) == buscado]
    if exactos:
        return exactos
    return [m for m in catalogo.values() if buscado in sin_acentos(m.nombre)]


def municipio_unico(texto: str) -> Municipio:
    """El único municipio que corresponde al texto, o un error que dice qué hacer."""
    encontrados = buscar_municipios(texto)
    if len(encontrados) == 1:
        return encontrados[0]
    if not encontrados:
        if _CLAVE.match(texto.strip()):
            raise RespuestaInvalida(
                f"La clave «{texto.strip()}» no está en el catálogo de municipios del INEGI: "
                "revisa los 5 dígitos (2 del estado y 3 del municipio, por ejemplo 14120)."
            )
        raise RespuestaInvalida(
            f"No encontré ningún municipio llamado «{texto}».{sugerencia(texto)} Revisa el "
            "nombre o usa su clave INEGI de 5 dígitos (por ejemplo 14120)."
        )
    candidatos = "; ".join(describir(m) for m in encontrados[:15])
    mas = f" y {len(encontrados) - 15} más" if len(encontrados) > 15 else ""
    raise RespuestaInvalida(
        f"«{texto}» corresponde a {len(encontrados)} municipios: {candidatos}{mas}. "
        "Indica la clave INEGI, por ejemplo --municipio " + encontrados[0].cvegeo + "."
    )


def parecidos(texto: str, cuantos: int = 4) -> list[Municipio]:
    """Los municipios de nombre más parecido al texto (sin acentos ni mayúsculas), para un nombre
    mal escrito: «Tlaquepake» → San Pedro Tlaquepaque."""
    import difflib

    por_nombre: dict[str, list[Municipio]] = {}
    for municipio in municipios().values():
        por_nombre.setdefault(sin_acentos(municipio.nombre), []).append(municipio)
    # Se compara también con el final de cada nombre («tlaquepaque» de «san pedro tlaquepaque»);
    # el nombre completo va primero.
    colas: dict[str, list[str]] = {}
    for nombre in por_nombre:
        palabras = nombre.split()
        for inicio in range(len(palabras)):
            colas.setdefault(" ".join(palabras[inicio:]), []).append(nombre)
    buscado = sin_acentos(" ".join(texto.split()))
    cercanos = difflib.get_close_matches(buscado, list(colas), n=cuantos, cutoff=0.75)
    nombres = [n for cola in cercanos for n in sorted(colas[cola], key=lambda n: n != cola)]
    return [m for nombre in dict.fromkeys(nombres) for m in por_nombre[nombre]][:cuantos]


def sugerencia(texto: str) -> str:
    """« ¿Quisiste decir San Pedro Tlaquepaque (Jalisco, 14098)?», o nada si no hay parecidos."""
    candidatos = [f"{m.nombre} ({m.entidad}, {m.cvegeo})" for m in parecidos(texto)]
    return f" ¿Quisiste decir {' o '.join(candidatos)}?" if candidatos else ""


def leer_periodo(texto: str, cvegeo: str | None = None) -> PeriodoGobierno:
    """«2024-2027» o «2024-10-01:2027-09-30». Con solo los años, el periodo empieza el día en
    que toman posesión los ayuntamientos del estado de `cvegeo` (el 1 de octubre si no se sabe)
    y termina el día anterior del año final (el 31 de diciembre si empieza el 1 de enero)."""
    texto = texto.strip()
    origen = None  # con las fechas completas no hace falta decir de dónde salieron
    if anios := _ANIOS.match(texto):
        inicio_anio, fin_anio = int(anios[1]), int(anios[2])
        if not (1 <= inicio_anio <= date.max.year and 1 <= fin_anio <= date.max.year):
            raise RespuestaInvalida(
                f"«{texto}» no es un periodo de gobierno: los años van del 0001 al 9999, como "
                "2024-2027."
            )
        estado = inicios_de_periodo().get(cvegeo[:2]) if cvegeo else None
        mes, dia = (estado.mes, estado.dia) if estado else MES_DIA_INICIO
        inicio = _fecha_o_error(texto, inicio_anio, mes, dia)
        if (mes, dia) == (1, 1):  # «2025-2027» incluye todo 2027
            fin, anios_del_periodo = date(fin_anio, 12, 31), fin_anio - inicio_anio + 1
        else:
            fin = _fecha_o_error(texto, fin_anio, mes, dia) - timedelta(days=1)
            anios_del_periodo = fin_anio - inicio_anio
        origen = _origen(estado, anios_del_periodo)
    elif fechas := _FECHAS.match(texto):
        try:
            inicio, fin = date.fromisoformat(fechas[1]), date.fromisoformat(fechas[2])
        except ValueError:
            raise RespuestaInvalida(
                f"«{texto}» tiene una fecha que no existe; revisa el mes y el día."
            ) from None
    else:
        raise RespuestaInvalida(
            f"«{texto}» no es un periodo de gobierno: escribe los años, como 2024-2027, o las "
            "fechas, como 2024-10-01:2027-09-30."
        )
    if fin <= inicio:
        raise RespuestaInvalida(
            f"El periodo «{texto}» termina antes de empezar: el fin debe ser posterior al inicio."
        )
    return PeriodoGobierno(inicio, fin, origen)


def _fecha_o_error(texto: str, anio: int, mes: int, dia: int) -> date:
    try:
        return date(anio, mes, dia)
    except ValueError:  # el 29 de febrero de un año no bisiesto, si un estado lo usara
        raise RespuestaInvalida(
            f"«{texto}» daría una fecha que no existe; escribe las fechas completas, como "
            "2024-10-01:2027-09-30."
        ) from None


def _origen(estado: InicioDePeriodo | None, anios: int) -> str:
    """De dónde salió el día de inicio, con las salvedades del estado y un aviso si el periodo
    no dura lo habitual allí («2024-2027» dura cuatro años si empieza el 1 de enero)."""
    if estado is None:
        return (
            "El periodo empieza el 1 de octubre, el día más común; si tu estado usa otro, "
            "corrígelo en proceso.yaml."
        )
    verificar = "; dato por verificar" if estado.por_verificar else ""
    nota = f" {estado.nota}" if estado.nota else ""
    duracion = (
        f" Ese periodo dura {anios} años y en {estado.entidad} suelen durar {estado.anios}; "
        "revisa los años."
        if anios != estado.anios
        else ""
    )
    return (
        f"El periodo empieza el día en que toman posesión los ayuntamientos de {estado.entidad} "
        f"(fuente: {estado.fuente}{verificar}); si tu municipio usa otro, corrígelo en "
        f"proceso.yaml o da las fechas completas con --periodo.{nota}{duracion}"
    )


def revisar_correo(correo: str | None) -> str | None:
    if correo is None or not correo.strip():
        return None
    if not _CORREO.match(correo.strip()):
        raise RespuestaInvalida(
            f"«{correo}» no es un correo electrónico válido (por ejemplo "
            "gobiernoabierto@municipio.gob.mx)."
        )
    return correo.strip()


def nombre_de_carpeta(texto: str) -> str:
    """«Ciudad de México» → «ciudad-de-mexico»."""
    return re.sub(r"[^a-z0-9]+", "-", sin_acentos(texto)).strip("-")


def destino_por_omision(solicitud: Solicitud, *, repositorio: bool) -> Path:
    """En un repositorio, `<entidad>/<municipio>/<periodo>` (varios municipios conviven); si no,
    `<municipio>-<periodo>`, relativo a la carpeta actual."""
    municipio = nombre_de_carpeta(solicitud.municipio.nombre)
    if repositorio:
        return Path(
            nombre_de_carpeta(solicitud.municipio.entidad), municipio, solicitud.periodo.etiqueta
        )
    return Path(f"{municipio}-{solicitud.periodo.etiqueta}")


def municipio_existente(carpeta: Path) -> tuple[str, str] | None:
    """La clave y el nombre del municipio del `proceso.yaml` que ya está en `carpeta`, si lo hay
    y se puede leer (un archivo ilegible lo juzga después `caja-ga validar`)."""
    from caja_ga.carga import cargar
    from caja_ga.proceso import ARCHIVO_PROCESO

    ruta = carpeta / ARCHIVO_PROCESO
    if not ruta.is_file():
        return None
    datos = cargar(ruta, ARCHIVO_PROCESO, "proceso").datos
    municipio = datos.get("municipio") if isinstance(datos, dict) else None
    if not isinstance(municipio, dict) or municipio.get("cvegeo") is None:
        return None
    return str(municipio["cvegeo"]).strip().zfill(5), str(municipio.get("nombre") or "")


def revisar_destino(solicitud: Solicitud, carpeta: Path) -> None:
    """Un proceso no se mezcla con el de otro municipio: si la carpeta ya tiene uno con otra
    clave INEGI, `init` se niega antes de escribir nada (ni con --forzar)."""
    existente = municipio_existente(carpeta)
    if existente is None or existente[0] == solicitud.municipio.cvegeo:
        return
    clave, nombre = existente
    raise RespuestaInvalida(
        f"«{carpeta.as_posix()}» ya tiene el proceso de otro municipio ({nombre or 'sin nombre'}, "
        f"clave {clave}) en {carpeta.as_posix()}/proceso.yaml; no se escribió nada. Elige otra "
        f"carpeta para {describir(solicitud.municipio)}."
    )


def paquete_para_ci(fuente: str | None, repositorio: Path) -> str:
    """Lo que instalan los archivos de integración continua: esta misma versión de caja-ga, del
    índice público de paquetes, de una URL de git con etiqueta o de una rueda guardada en el
    repositorio (ruta relativa a su raíz)."""
    if fuente is None:
        return f"caja-ga=={__version__}"
    fuente = fuente.strip()
    if not _FUENTE_SEGURA.match(fuente):
        # Va dentro de un `run:` de la CI y de un YAML: comillas, espacios, «$» o saltos de
        # línea podrían inyectar órdenes en la integración continua de quien la use.
        raise RespuestaInvalida(
            f"--instalar-desde «{fuente}» tiene caracteres que no van en una dirección ni en una "
            "ruta (espacios, comillas, «$», «;», «&», «|» o saltos de línea); revísala."
        )
    if fuente.startswith("git+") and "@" in fuente.split("://", 1)[-1]:
        return fuente
    if fuente.endswith(".whl"):
        rueda = (repositorio / fuente).resolve()
        try:
            relativa = rueda.relative_to(repositorio.resolve()).as_posix()
        except ValueError:
            relativa = None
        if relativa is not None and rueda.is_file():
            return f"./{relativa}"
        raise RespuestaInvalida(
            f"La rueda «{fuente}» no está dentro del repositorio; guárdala en él (por ejemplo en "
            "ci/) para que la integración continua la encuentre, y da su ruta desde la raíz."
        )
    raise RespuestaInvalida(
        f"--instalar-desde «{fuente}» no es una fuente que pip pueda instalar siempre igual: da "
        "una URL de git con etiqueta (git+https://servidor/caja-ga.git@v0.2.0) o la ruta a una "
        "rueda (.whl) guardada en el repositorio."
    )


def contexto(
    solicitud: Solicitud, dentro: PurePosixPath, paquete: str | None = None
) -> dict[str, Any]:
    """Lo que usan las plantillas; `dentro` es la carpeta del proceso relativa a la raíz donde
    van los esquemas JSON (de ahí sale la ruta de la primera línea de cada archivo), y `paquete`
    lo que instala la integración continua."""
    from caja_ga.esquemas_json import lineas_de_esquema
    from caja_ga.reglas import umbrales_por_omision

    return {
        "municipio": solicitud.municipio,
        "periodo": solicitud.periodo,
        "enlace": solicitud.enlace,
        "recomendaciones": recomendaciones_agenda2030(),
        "umbrales": umbrales_por_omision(),
        "esquemas": lineas_de_esquema(dentro),
        "paquete": paquete or paquete_para_ci(None, Path()),
    }


def crear_proceso(
    solicitud: Solicitud,
    destino: Path,
    *,
    repositorio: Path | None = None,
    instalar_desde: str | None = None,
    forzar: bool = False,
    simular: bool = False,
) -> tuple[Path, Resultado]:
    """Escribe el proceso en `destino` y, con `repositorio`, también los archivos de la raíz del
    repositorio. Los esquemas JSON van a la raíz: la del repositorio o, sin él, la del proceso.
    Devuelve la carpeta a la que son relativas las rutas del resultado."""
    from caja_ga.esquemas_json import CARPETA_ESQUEMAS, esquemas_en

    revisar_destino(solicitud, destino)
    if repositorio is None:
        datos = contexto(solicitud, PurePosixPath())
        archivos = renderizar("init", datos) | esquemas_en(CARPETA_ESQUEMAS)
        return destino, escribir(destino, archivos, forzar=forzar, simular=simular)
    try:
        dentro = PurePosixPath(destino.resolve().relative_to(repositorio.resolve()).as_posix())
    except ValueError:
        raise RespuestaInvalida(
            f"La carpeta «{destino}» no está dentro del repositorio «{repositorio}»."
        ) from None
    datos = contexto(solicitud, dentro, paquete_para_ci(instalar_desde, repositorio))
    todos = {dentro / ruta: texto for ruta, texto in renderizar("init", datos).items()}
    todos |= renderizar("repositorio", datos) | esquemas_en(CARPETA_ESQUEMAS)
    return repositorio, escribir(repositorio, todos, forzar=forzar, simular=simular)
