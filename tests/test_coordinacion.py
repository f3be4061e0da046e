"""La vista de coordinación por el comando instalado: sus cifras, contadas aquí por otro camino
(leyendo los YAML del corpus y el CSV del catálogo), coinciden exactamente."""

from __future__ import annotations

import csv
import io
import re
import shutil
import unicodedata
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, RAIZ, CajaGa
from tests.test_escala import _corpus
from tests.test_navegador import CHROMIUM, _abrir, _servidores_citados
from tests.test_reporte import estructura, revisar_estructura

CATALOGO = RAIZ / "src" / "caja_ga" / "datos" / "municipios_inegi_2025-10.csv"
CORTE = date.fromisoformat(FECHA_EJEMPLOS)
FASES = ["diagnostico", "instalacion", "dialogo", "plan", "implementacion", "evaluacion"]
ETIQUETAS = [
    "Diagnóstico",
    "Instalación",
    "Diálogo",
    "Plan de acción",
    "Implementación",
    "Evaluación",
]


class _Tablas(HTMLParser):
    """Las celdas de texto de cada tabla, por el id de su leyenda."""

    def __init__(self) -> None:
        super().__init__()
        self.tablas: dict[str, list[list[str]]] = {}
        self.leyendas: list[str] = []
        self._leyenda: list[str] | None = None
        self._actual: list[list[str]] | None = None
        self._celda: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._actual = []
        elif tag == "caption" and self._actual is not None:
            self.tablas[dict(attrs)["id"] or ""] = self._actual
            self._leyenda = []
        elif tag == "tr" and self._actual is not None:
            self._actual.append([])
        elif tag in ("td", "th") and self._actual is not None:
            self._celda = []
        elif tag == "li" and self._celda is not None:
            self._celda.append("|")

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._leyenda is not None:
            self.leyendas.append("".join(self._leyenda))
            self._leyenda = None
        elif tag in ("td", "th") and self._celda is not None and self._actual is not None:
            texto = " ".join(self._celda).replace(" | ", "|")
            self._actual[-1].append(texto.strip("| "))
            self._celda = None
        elif tag == "table":
            self._actual = None

    def handle_data(self, data: str) -> None:
        if self._leyenda is not None:
            self._leyenda.append(data)
        if self._celda is not None and data.strip():
            self._celda.append(" ".join(data.split()))


def _tablas(pagina: Path) -> dict[str, list[list[str]]]:
    lector = _Tablas()
    lector.feed(pagina.read_text(encoding="utf-8"))
    return lector.tablas


def _fecha(valor: Any) -> date | None:
    return valor if isinstance(valor, date) else None


def _leer(proceso: Path) -> dict[str, Any]:
    """Lo que la prueba sabe del proceso, leyendo sus YAML sin caja-ga."""
    datos = yaml.safe_load((proceso / "proceso.yaml").read_text(encoding="utf-8"))
    sesiones = [
        yaml.safe_load(s.read_text(encoding="utf-8"))
        for s in sorted((proceso / "sesiones").glob("*.yaml"))
    ]
    reportes = [
        _fecha(yaml.safe_load(s.read_text(encoding="utf-8"))["fecha_corte"])
        for s in sorted((proceso / "seguimiento").glob("*.yaml"))
    ]
    evaluacion = proceso / "evaluacion.yaml"
    evaluada = (
        _fecha(yaml.safe_load(evaluacion.read_text(encoding="utf-8")).get("fecha"))
        if evaluacion.exists()
        else None
    )
    sesiones_al_corte = [s for s in sesiones if _fecha(s.get("fecha")) and s["fecha"] <= CORTE]
    reportes_al_corte = [r for r in reportes if r and r <= CORTE]
    edt = [s["fecha"] for s in sesiones_al_corte if s.get("organo") == "edt"]
    evaluada = evaluada if evaluada and evaluada <= CORTE else None
    fechas = [s["fecha"] for s in sesiones_al_corte] + reportes_al_corte
    cocreacion = proceso / "cocreacion.yaml"
    consulta = yaml.safe_load(cocreacion.read_text(encoding="utf-8")) if cocreacion.exists() else {}
    abierta = _fecha((consulta.get("consulta") or {}).get("inicio"))
    recibidas = [p for p in consulta.get("propuestas") or [] if p["fecha"] <= CORTE]
    return {
        "cvegeo": datos["municipio"]["cvegeo"],
        "fase": datos["fase"],
        "inicio": datos["periodo_gobierno"]["inicio"],
        "ultima": max([*fechas, *([evaluada] if evaluada else [])], default=None),
        "dias_edt": (CORTE - max(edt)).days if edt else None,
        "dias_reporte": (CORTE - max(reportes_al_corte)).days if reportes_al_corte else None,
        "evaluada": evaluada is not None,
        "consultada": bool(abierta and abierta <= CORTE)
        and all((p.get("respuesta") or {}).get("resultado") for p in recibidas),
    }


def _sin_acentos(texto: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", texto.casefold()) if not unicodedata.combining(c)
    )


def _texto(valor: object) -> str:
    if valor is None:
        return ""
    return valor.isoformat() if isinstance(valor, date) else str(valor)


def _publicar(caja_ga: CajaGa, procesos: Path, carpeta: Path) -> Path:
    """Publica con --forzar (el corpus trae errores realistas) en `carpeta`/sitio."""
    resultado = caja_ga(
        "reporte",
        str(procesos),
        "--salida",
        "sitio",
        "--fecha-corte",
        FECHA_EJEMPLOS,
        "--forzar",
        cwd=carpeta,
    )
    assert resultado.returncode == 0, resultado.stderr
    # La terminal nombra hasta diez reportes y cuenta el resto; nunca una línea por archivo.
    escritos = [linea for linea in resultado.stdout.splitlines() if "escrito" in linea]
    reportes = sum(1 for _ in procesos.rglob("proceso.yaml"))
    assert len(escritos) == min(reportes, 10) + 3
    listados = "\n".join(resultado.stdout.splitlines()[1:])
    assert (f"… y {reportes - 10} reportes más" in listados) == (reportes > 10)
    return carpeta / "sitio"


@pytest.fixture
def sitio(tmp_path: Path, caja_ga: CajaGa) -> tuple[Path, Path]:
    """40 municipios del corpus (cinco entidades, la última incompleta) y un segundo proceso de
    un municipio, de un periodo anterior y en otra fase: cuenta el más reciente."""
    pais = tmp_path / "pais"
    _corpus().generar(pais, 40)
    primero = sorted(pais.rglob("proceso.yaml"))[0].parent
    anterior = primero.with_name("2021-2024")
    shutil.copytree(primero, anterior)
    texto = (anterior / "proceso.yaml").read_text(encoding="utf-8")
    texto = texto.replace("inicio: 2024-10-01", "inicio: 2021-10-01")
    texto = texto.replace("fin: 2027-09-30", "fin: 2024-09-30")
    fase_original = yaml.safe_load(texto)["fase"]
    otra = "evaluacion" if fase_original != "evaluacion" else "plan"
    (anterior / "proceso.yaml").write_text(
        texto.replace(f"fase: {fase_original}", f"fase: {otra}"), encoding="utf-8"
    )
    # Y uno con una clave que no está en el catálogo: se lista aparte, fuera de los conteos.
    fuera = pais / "fuera" / "sin-clave" / "2024-2027"
    shutil.copytree(primero, fuera)
    texto = (fuera / "proceso.yaml").read_text(encoding="utf-8")
    (fuera / "proceso.yaml").write_text(
        re.sub(r"cvegeo: '\d{5}'", "cvegeo: '14999'", texto), encoding="utf-8"
    )
    return pais, _publicar(caja_ga, pais, tmp_path)


def test_la_coordinacion_cuenta_lo_mismo_que_el_corpus(sitio: tuple[Path, Path]) -> None:
    pais, salida = sitio
    with CATALOGO.open(encoding="utf-8") as archivo:
        catalogo = {f["cvegeo"]: f for f in csv.DictReader(archivo)}
    procesos = {
        p.parent.relative_to(pais).as_posix(): _leer(p.parent) for p in pais.rglob("proceso.yaml")
    }
    assert len(procesos) == 42
    por_municipio: dict[str, list[str]] = {}
    for carpeta, datos in procesos.items():
        por_municipio.setdefault(datos["cvegeo"], []).append(carpeta)
    vigente = {
        cvegeo: max(carpetas, key=lambda c: (procesos[c]["inicio"], c))
        for cvegeo, carpetas in por_municipio.items()
    }

    # cobertura.csv: todo el catálogo, fila por fila.
    esperadas = []
    for cvegeo in sorted(catalogo):
        carpeta = vigente.get(cvegeo)
        datos = procesos[carpeta] if carpeta else {}
        esperadas.append(
            {
                "cvegeo": cvegeo,
                "municipio": catalogo[cvegeo]["nom_mun"],
                "entidad": catalogo[cvegeo]["nom_ent"],
                "procesos": str(len(por_municipio.get(cvegeo, []))),
                "carpeta": carpeta or "",
                "fase": datos.get("fase", ""),
                "ultima_actualizacion": _texto(datos.get("ultima")),
                "dias_desde_sesion_edt": _texto(datos.get("dias_edt")),
                "dias_desde_reporte": _texto(datos.get("dias_reporte")),
            }
        )
    cobertura = (salida / "datos" / "cobertura.csv").read_text(encoding="utf-8")
    assert list(csv.DictReader(io.StringIO(cobertura))) == esperadas

    # La página nacional: una fila por entidad y el total.
    entidades: dict[str, dict[str, Any]] = {}
    for cvegeo, fila in sorted(catalogo.items()):
        entidad = entidades.setdefault(
            fila["cve_ent"], {"nombre": fila["nom_ent"], "municipios": 0, "fases": []}
        )
        entidad["municipios"] += 1
        if cvegeo in vigente:
            entidad["fases"].append(procesos[vigente[cvegeo]]["fase"])

    def fila_esperada(nombre: str, municipios: int, fases: list[str]) -> list[str]:
        con = len(fases)
        cobertura = f"{100 * con / municipios:.1f}".removesuffix(".0") + " %"
        return [nombre, str(municipios), str(con), str(municipios - con), cobertura] + [
            str(fases.count(f)) for f in FASES
        ]

    nacional = _tablas(salida / "coordinacion" / "index.html")["tabla-cobertura"]
    todas = [f for e in entidades.values() for f in e["fases"]]
    assert nacional == [
        ["Entidad", "Municipios", "Con proceso", "Sin proceso", "Cobertura", *ETIQUETAS],
        *(fila_esperada(e["nombre"], e["municipios"], e["fases"]) for e in entidades.values()),
        fila_esperada("Total nacional", len(catalogo), todas),
    ]

    # Estándares mínimos: la evaluación y la consulta, juzgadas aquí por su cuenta (el proceso
    # con una clave fuera del catálogo no cuenta en los totales).
    nacional_html = salida / "coordinacion" / "index.html"
    minimos = _tablas(nacional_html)["tabla-minimos"]
    por_nombre = {fila[0]: fila[2:] for fila in minimos[1:]}
    contados = [d for d in procesos.values() if d["cvegeo"] in catalogo]
    assert len(contados) == 41
    evaluadas = sum(1 for d in contados if d["evaluada"])
    en_evaluacion = sum(1 for d in contados if d["fase"] == "evaluacion")
    assert por_nombre["Evaluación hecha"] == [
        str(evaluadas),
        str(en_evaluacion - evaluadas),
        str(len(contados) - en_evaluacion),
    ]
    desde_plan = sum(1 for d in contados if FASES.index(d["fase"]) >= FASES.index("plan"))
    consultadas = sum(
        1 for d in contados if FASES.index(d["fase"]) >= FASES.index("plan") and d["consultada"]
    )
    assert por_nombre["Consulta documentada"] == [
        str(consultadas),
        str(desde_plan - consultadas),
        str(len(contados) - desde_plan),
    ]
    assert re.findall(
        r'<li><a href="\.\./([^"]+)">[^<]+</a> \((\d+)\)</li>',
        nacional_html.read_text(encoding="utf-8"),
    ) == [("fuera/sin-clave/2024-2027/index.html", "14999")]
    filas_minimos = (salida / "datos" / "minimos.csv").read_text(encoding="utf-8").splitlines()
    assert len(filas_minimos) == 1 + 7 * len(procesos)

    # Una entidad completa: sus municipios por fase, con sus nombres.
    ags = _tablas(salida / "coordinacion" / "01-aguascalientes.html")["tabla-fases"]
    nombres: dict[str, list[str]] = {f: [] for f in [*FASES, "sin"]}
    for cvegeo, fila in sorted(catalogo.items(), key=lambda c: _sin_acentos(c[1]["nom_mun"])):
        if fila["cve_ent"] == "01":
            fase = procesos[vigente[cvegeo]]["fase"] if cvegeo in vigente else "sin"
            nombres[fase].append(fila["nom_mun"])
    assert ags == [
        ["Fase", "Municipios", "Cuáles"],
        *(
            [etiqueta, str(len(nombres[f])), "|".join(nombres[f]) or "Ninguno"]
            for etiqueta, f in zip([*ETIQUETAS, "Sin proceso"], [*FASES, "sin"], strict=True)
        ),
    ]


def test_las_paginas_de_coordinacion_son_accesibles(sitio: tuple[Path, Path]) -> None:
    _, salida = sitio
    paginas = sorted((salida / "coordinacion").glob("*.html"))
    assert len(paginas) == 33  # la nacional y una por entidad
    for pagina in (
        salida / "coordinacion" / "index.html",
        salida / "coordinacion" / "01-aguascalientes.html",
    ):
        revisar_estructura(pagina.read_text(encoding="utf-8"))
    matriz = _tablas(salida / "coordinacion" / "01-aguascalientes.html")["tabla-matriz"]
    assert matriz[0] == [
        "Municipio",
        "EDT instalado",
        "Convocatoria del Núcleo",
        "Minutas a tiempo",
        "Plan aprobado",
        "Consulta documentada",
        "Reportes a tiempo",
        "Evaluación hecha",
    ]
    for fila in matriz[1:]:
        for celda in fila[1:]:
            assert celda.startswith(("✓ Cumple ", "✗ No cumple ", "— No aplica aún ")), celda
    # El motivo de cada celda enlaza a la sección de la página del proceso que lo muestra.
    html = (salida / "coordinacion" / "01-aguascalientes.html").read_text(encoding="utf-8")
    destinos = re.findall(r'<a class="pequeno razon" href="\.\./([^"#]+)#([a-z-]+)">', html)
    assert len(destinos) == 7 * (len(matriz) - 1)
    for pagina, seccion in destinos:
        assert (salida / pagina).is_file()
        if seccion != "evaluacion":  # solo existe si el proceso ya tiene evaluación
            assert f'id="{seccion}"' in (salida / pagina).read_text(encoding="utf-8")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium no está instalado")
def test_las_paginas_de_coordinacion_en_chromium(tmp_path: Path, caja_ga: CajaGa) -> None:
    """Sin red, sin errores de consola, con sus títulos y sus tablas con leyenda."""
    _publicar(caja_ga, EJEMPLOS, tmp_path)
    esperados = {
        "index.html": (
            "Coordinación: cobertura del catálogo y estándares mínimos",
            [
                "Municipios con y sin proceso, y en qué fase, por entidad federativa",
                "Estándares mínimos en el país: cuántos procesos los cumplen a la fecha de corte",
            ],
        ),
        "19-nuevo-leon.html": (
            "Coordinación en Nuevo León: cobertura y estándares mínimos",
            [
                "Municipios de Nuevo León por fase de su proceso",
                "Procesos de Nuevo León: dato más reciente y días sin sesión ni reporte, a la "
                "fecha de corte",
                "Estándares mínimos en Nuevo León: cuántos procesos los cumplen a la fecha de "
                "corte",
                "Estándares mínimos de cada proceso de Nuevo León, con su motivo",
            ],
        ),
    }
    for archivo, (titulo, leyendas) in esperados.items():
        pagina = tmp_path / "sitio" / "coordinacion" / archivo
        dom, consola, pedidos = _abrir(pagina, tmp_path)
        assert consola == []
        # Chromium consulta sus propios servidores (google.com) al arrancar; la página, ninguno.
        propios = {p for p in pedidos if p != "google.com" and not p.endswith(".google.com")}
        assert propios <= {""}, propios
        # Solo el espacio de nombres del SVG (un identificador, no un pedido).
        assert _servidores_citados(pagina.read_text(encoding="utf-8")) <= {"www.w3.org"}
        leido = estructura(dom)
        assert (2, titulo) in leido.titulos
        assert all(tabla["caption"] == 1 and tabla["th"] > 0 for tabla in leido.tablas)
        assert _leyendas(dom) == leyendas
    assert "Diagnósticos de capacidades comparados" in [t for _, t in estructura(dom).titulos]
    assert len(estructura(dom).svgs) == 5  # una gráfica por dimensión del diagnóstico


def _leyendas(html: str) -> list[str]:
    lector = _Tablas()
    lector.feed(html)
    return [" ".join(c.split()) for c in lector.leyendas]


def test_los_minimos_de_los_ejemplos(tmp_path: Path, caja_ga: CajaGa) -> None:
    """Cada mínimo de cada ejemplo, con su motivo: Monterrey, Puebla y Zapopan cumplen lo que su
    fase exige salvo la consulta (ningún ejemplo trae cocreacion.yaml); el ejemplo con errores
    falla en todo salvo la evaluación."""
    salida = _publicar(caja_ga, EJEMPLOS, tmp_path)
    texto = (salida / "datos" / "minimos.csv").read_text(encoding="utf-8")
    filas = list(csv.reader(io.StringIO(texto)))
    assert filas[0] == ["cvegeo", "carpeta", "minimo", "resultado", "razon"]
    assert [tuple(fila) for fila in filas[1:]] == MINIMOS_EJEMPLOS


MINIMOS_EJEMPLOS = [
    (
        "20067",
        "con-errores",
        "edt_instalado",
        "no",
        "No hay acta de instalación con fecha hasta el corte.",
    ),
    (
        "20067",
        "con-errores",
        "convocatoria_nucleo",
        "no",
        "Convocatoria del 2025-03-01 sin dirección web pública («url»).",
    ),
    (
        "20067",
        "con-errores",
        "minutas_a_tiempo",
        "no",
        "3 de 3 sesiones sin minuta publicada en 15 días.",
    ),
    (
        "20067",
        "con-errores",
        "plan_aprobado",
        "no",
        "Se aprobó el 2025-04-20 fuera de una sesión del EDT.",
    ),
    (
        "20067",
        "con-errores",
        "consulta_documentada",
        "no",
        "Sin consulta documentada al corte (cocreacion.yaml, «consulta»).",
    ),
    (
        "20067",
        "con-errores",
        "reportes_a_tiempo",
        "no",
        "El último reporte es de hace 229 días; se esperaba uno cada 90.",
    ),
    ("20067", "con-errores", "evaluacion_hecha", "si", "Evaluación final hecha el 2026-11-01."),
    (
        "19039",
        "monterrey-2024-2027",
        "edt_instalado",
        "si",
        "Instalado el 2025-05-12; el acta y los lineamientos en línea.",
    ),
    (
        "19039",
        "monterrey-2024-2027",
        "convocatoria_nucleo",
        "si",
        "Convocatoria abierta publicada el 2025-03-03, cerró el 2025-03-28.",
    ),
    (
        "19039",
        "monterrey-2024-2027",
        "minutas_a_tiempo",
        "si",
        "Las 4 sesiones tienen minuta publicada en 15 días o menos.",
    ),
    (
        "19039",
        "monterrey-2024-2027",
        "plan_aprobado",
        "si",
        "Aprobado en la sesión del EDT del 2025-08-25, con quórum y la sociedad civil presente.",
    ),
    (
        "19039",
        "monterrey-2024-2027",
        "consulta_documentada",
        "si",
        "Consulta documentada; las 6 propuestas recibidas tienen respuesta razonada.",
    ),
    (
        "19039",
        "monterrey-2024-2027",
        "reportes_a_tiempo",
        "si",
        "Último reporte hace 15 días (se espera uno cada 180).",
    ),
    (
        "19039",
        "monterrey-2024-2027",
        "evaluacion_hecha",
        "no_aplica",
        "Aún no corresponde: el plan no ha terminado.",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "edt_instalado",
        "si",
        "Instalado el 2025-03-03; el acta y los lineamientos en línea.",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "convocatoria_nucleo",
        "si",
        "Convocatoria abierta publicada el 2025-01-13, cerró el 2025-02-10.",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "minutas_a_tiempo",
        "si",
        "Las 5 sesiones tienen minuta publicada en 15 días o menos.",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "plan_aprobado",
        "si",
        "Aprobado en la sesión del EDT del 2025-04-28, con quórum y la sociedad civil presente.",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "consulta_documentada",
        "si",
        "Consulta documentada; las 4 propuestas recibidas tienen respuesta razonada.",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "reportes_a_tiempo",
        "si",
        "Último reporte hace 46 días (se espera uno cada 180).",
    ),
    (
        "21114",
        "puebla-2024-2027",
        "evaluacion_hecha",
        "si",
        "Evaluación final hecha el 2026-10-30.",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "edt_instalado",
        "si",
        "Instalado el 2025-11-10; el acta y los lineamientos en línea.",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "convocatoria_nucleo",
        "si",
        "Convocatoria abierta publicada el 2025-09-15, cerró el 2025-10-10.",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "minutas_a_tiempo",
        "si",
        "Las 3 sesiones tienen minuta publicada en 15 días o menos.",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "plan_aprobado",
        "si",
        "Aprobado en la sesión del EDT del 2026-09-28, con quórum y la sociedad civil presente.",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "consulta_documentada",
        "si",
        "Consulta documentada; las 5 propuestas recibidas tienen respuesta razonada.",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "reportes_a_tiempo",
        "no_aplica",
        "Aún no corresponde: se exige desde la fase «implementacion».",
    ),
    (
        "14120",
        "zapopan-2024-2027",
        "evaluacion_hecha",
        "no_aplica",
        "Aún no corresponde: el plan no ha terminado.",
    ),
]


def test_lo_posterior_al_corte_no_cambia_la_coordinacion(tmp_path: Path, caja_ga: CajaGa) -> None:
    """Una sesión del EDT y un reporte de avance fechados después del corte no mueven ninguna
    cifra: ni la última actualización, ni los días, ni los mínimos, ni la cobertura."""
    (tmp_path / "antes").mkdir()
    (tmp_path / "despues").mkdir()
    antes = _publicar(caja_ga, EJEMPLOS, tmp_path / "antes")
    procesos = tmp_path / "ejemplos"
    shutil.copytree(EJEMPLOS, procesos)
    monterrey = procesos / "monterrey-2024-2027"
    sesion = monterrey / "sesiones" / "2026-11-09-seguimiento.yaml"
    (monterrey / "sesiones" / "2026-12-01-posterior.yaml").write_text(
        sesion.read_text(encoding="utf-8").replace("fecha: 2026-11-09", "fecha: 2026-12-01"),
        encoding="utf-8",
    )
    reporte = monterrey / "seguimiento" / "2026-10-31.yaml"
    (monterrey / "seguimiento" / "2026-11-30.yaml").write_text(
        reporte.read_text(encoding="utf-8").replace(
            "fecha_corte: 2026-10-31", "fecha_corte: 2026-11-30"
        ),
        encoding="utf-8",
    )
    despues = _publicar(caja_ga, procesos, tmp_path / "despues")

    def publicado(sitio: Path) -> dict[str, bytes]:
        archivos = [*sorted((sitio / "coordinacion").glob("*.html"))]
        archivos += [sitio / "datos" / nombre for nombre in ("cobertura.csv", "minimos.csv")]
        return {str(a.relative_to(sitio)): a.read_bytes() for a in archivos}

    assert len(publicado(antes)) == 35
    assert publicado(despues) == publicado(antes)


def test_la_coordinacion_escapa_nombres_y_enlaza_solo_paginas_propias(
    tmp_path: Path, caja_ga: CajaGa
) -> None:
    """Un nombre de municipio con HTML se muestra como texto y una carpeta con forma de
    dirección web se enlaza como página del propio sitio."""
    procesos = tmp_path / "procesos"
    proceso = procesos / "javascript:alert(1)"
    shutil.copytree(EJEMPLOS / "monterrey-2024-2027", proceso)
    archivo = proceso / "proceso.yaml"
    archivo.write_text(
        archivo.read_text(encoding="utf-8").replace(
            "  nombre: Monterrey\n", '  nombre: "Monterrey <script>alert(1)</script>"\n'
        ),
        encoding="utf-8",
    )
    salida = _publicar(caja_ga, procesos, tmp_path)
    pagina = (salida / "coordinacion" / "19-nuevo-leon.html").read_text(encoding="utf-8")
    assert "<script" not in pagina
    assert pagina.count("Monterrey &lt;script&gt;alert(1)&lt;/script&gt;") == 7
    destinos = sorted(set(re.findall(r'href="([^"]*)"', pagina)))
    assert [d for d in destinos if "alert" in d] == [
        "../javascript%3Aalert%281%29/index.html",
        *(
            f"../javascript%3Aalert%281%29/index.html#{seccion}"
            for seccion in ("evaluacion", "participantes", "plan", "sesiones")
        ),
    ]
