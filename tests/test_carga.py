"""La carga de un archivo (`carga.cargar`) ante entradas malas: sintaxis, codificación, bombas.

Cada prueba escribe el archivo en una carpeta temporal y mira los hallazgos que deja la carga:
su código, su línea (la que verá el usuario) y, cuando importa, los datos que sí se leyeron.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from yaml.nodes import MappingNode

from caja_ga.carga import (
    LIMITE_ALIAS,
    LIMITE_BYTES,
    LIMITE_ELEMENTOS,
    LIMITE_NODOS,
    PROFUNDIDAD_MAXIMA,
    cargar,
    leer_bytes,
)
from caja_ga.posiciones import texto_original, ubicar
from caja_ga.problemas import Documento

BASE = Path(__file__).parent / "casos" / "base"


def _cargar(tmp_path: Path, contenido: str | bytes, nombre: str = "plan.yaml") -> Documento:
    ruta = tmp_path / nombre
    ruta.write_bytes(contenido.encode("utf-8") if isinstance(contenido, str) else contenido)
    return cargar(ruta, nombre, nombre.removesuffix(".yaml"))


def _codigos(doc: Documento) -> list[str | None]:
    return [h.codigo for h in doc.hallazgos]


def _linea(doc: Documento, indice: int = 0) -> int | None:
    """La línea que verá el usuario para un hallazgo de la carga."""
    hallazgo = doc.hallazgos[indice]
    if hallazgo.posicion is not None:
        return hallazgo.posicion[0]
    return ubicar(doc.nodo, hallazgo.ruta)[0] if doc.nodo is not None else None


def _unico(doc: Documento, codigo: str) -> str:
    """Comprueba que la carga dejó un solo hallazgo, con ese código, y devuelve su mensaje."""
    assert _codigos(doc) == [codigo], [h.mensaje for h in doc.hallazgos]
    return doc.hallazgos[0].mensaje


def test_un_archivo_correcto_se_lee_sin_hallazgos(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, (BASE / "plan.yaml").read_bytes())
    assert doc.hallazgos == []
    assert isinstance(doc.nodo, MappingNode)
    assert doc.datos["compromisos"][0]["actividades"][1]["id"] == "c1-a2"


# ------------------------------------------------------------------------- GA001: sintaxis


@pytest.mark.parametrize(
    ("contenido", "linea", "pista"),
    [
        pytest.param(
            "version: 1\nobjetivo_general: Abrir: la obra pública\n",
            2,
            "«: »",
            id="dos-puntos-en-texto",
        ),
        pytest.param(
            "version: 1\nperiodo:\n\tinicio: 2025-05-01\n",
            3,
            "tabulador",
            id="tabulador-en-sangria",
        ),
        pytest.param(
            "version: 1\nperiodo:\n  inicio: 2025-05-01\n \tfin: 2027-04-30\n",
            4,
            "tabulador",
            id="espacio-y-tabulador",
        ),
        pytest.param(
            "version: 1\ncompromisos:\n  - id: c1\n    titulo: Obra\n   objetivo: x\n",
            5,
            "sangría",
            id="sangria-de-menos",
        ),
        pytest.param(
            "version: 1\ncompromisos:\n  - id: c1\n  -id: c2\n",
            4,
            "sangría",
            id="guion-sin-espacio",
        ),
        pytest.param(
            'version: 1\nobjetivo_general: "Abrir la obra',
            2,
            "¿Falta cerrar la comilla",
            id="comillas-sin-cerrar-al-final",
        ),
        pytest.param(
            "version: 1\nfase: plan\n---\nversion: 1\nfase: dialogo\n",
            3,
            "«---»",
            id="dos-documentos",
        ),
        pytest.param("version: 1\naprobado_en: *sesion\n", 2, "alias", id="alias-sin-definir"),
        pytest.param("version: 1\nresponsables: @obras\n", 2, "comillas", id="arroba-al-inicio"),
    ],
)
def test_yaml_mal_formado_es_ga001_en_su_linea(
    tmp_path: Path, contenido: str, linea: int, pista: str
) -> None:
    doc = _cargar(tmp_path, contenido)
    mensaje = _unico(doc, "GA001")
    assert _linea(doc) == linea
    assert pista in mensaje
    assert mensaje.endswith("."), mensaje
    assert doc.nodo is None
    assert doc.datos is None


def test_corchete_sin_cerrar_es_ga001(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, 'version: 1\nods: ["16.6", "11.3"\nfase: plan\n')
    assert "¿Falta cerrar el «[» que abre en la línea 2" in _unico(doc, "GA001")
    assert _linea(doc) == 2


def test_comillas_sin_cerrar_se_senalan_donde_se_abren(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nobjetivo_general: 'Abrir la obra\nfase: plan\n")
    _unico(doc, "GA001")
    assert _linea(doc) == 2


def test_caracter_de_control_da_mensaje_en_espanol_con_linea(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nfase: pl\x07an\n")
    mensaje = _unico(doc, "GA001")
    assert "control characters" not in mensaje
    assert _linea(doc) == 2


def test_un_solo_documento_con_marcas_explicitas_se_acepta(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "---\nversion: 1\nfase: plan\n...\n")
    assert doc.hallazgos == []
    assert doc.datos == {"version": 1, "fase": "plan"}


# ------------------------------------------------------------------------- GA002: claves


def test_clave_repetida_senala_la_segunda_y_conserva_la_primera(tmp_path: Path) -> None:
    doc = _cargar(
        tmp_path, "version: 1\nfase: plan\nmunicipio:\n  cvegeo: '14120'\nfase: dialogo\n"
    )
    mensaje = _unico(doc, "GA002")
    assert _linea(doc) == 5
    assert "«fase»" in mensaje
    assert "línea 2" in mensaje
    assert doc.datos["fase"] == "plan"


def test_clave_repetida_anidada_y_entre_comillas(tmp_path: Path) -> None:
    doc = _cargar(
        tmp_path,
        'version: 1\ncompromisos:\n  - id: c1\n    titulo: A\n    objetivo: B\n    "titulo": C\n',
    )
    _unico(doc, "GA002")
    assert doc.hallazgos[0].posicion == (6, 5)
    assert doc.datos["compromisos"][0]["titulo"] == "A"


def test_clave_repetida_en_un_mapeo_entre_llaves(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nperiodo: {inicio: 2025-05-01, inicio: 2025-06-01}\n")
    _unico(doc, "GA002")
    assert doc.hallazgos[0].posicion == (2, 31)


def test_misma_clave_en_mapeos_distintos_no_es_repetida(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nmunicipio: {nombre: Zapopan}\nenlace: {nombre: Laura}\n")
    assert doc.hallazgos == []


def test_clave_que_no_es_texto_es_ga006(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\n? [a, b]\n: 1\n")
    _unico(doc, "GA006")
    assert _linea(doc) == 2


# ------------------------------------------------------------------------- GA003: codificación


def test_latin1_es_ga003_con_el_byte_y_la_linea(tmp_path: Path) -> None:
    doc = _cargar(
        tmp_path, "version: 1\nobjetivo_general: Abrir la información\n".encode("latin-1")
    )
    mensaje = _unico(doc, "GA003")
    assert "0xF3" in mensaje
    assert "línea 2" in mensaje
    assert "UTF-8" in mensaje
    assert doc.datos is None


def test_binario_con_bytes_nulos_es_ga003(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\n")
    mensaje = _unico(doc, "GA003")
    assert "binario" in mensaje
    assert "línea 3" in mensaje


def test_utf16_no_se_lee(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nfase: plan\n".encode("utf-16"))
    _unico(doc, "GA003")


def test_bom_y_finales_de_linea_de_windows_se_aceptan(tmp_path: Path) -> None:
    unix = (BASE / "plan.yaml").read_bytes()
    windows = b"\xef\xbb\xbf" + unix.replace(b"\n", b"\r\n")
    doc = _cargar(tmp_path, windows)
    assert doc.hallazgos == []
    assert doc.datos == _cargar(tmp_path, unix, "otro.yaml").datos
    assert doc.nodo is not None
    assert texto_original(doc.nodo, ("objetivo_general",)) == (
        "Abrir la información de la obra pública municipal."
    )


def test_con_bom_y_crlf_las_lineas_no_se_corren(tmp_path: Path) -> None:
    texto = "version: 1\r\nfase: plan  # caja-ga: ignorar GA305\r\nfase: dialogo\r\n"
    doc = _cargar(tmp_path, b"\xef\xbb\xbf" + texto.encode("utf-8"))
    _unico(doc, "GA002")
    assert doc.hallazgos[0].posicion == (3, 1)
    assert doc.ignorados == {2: frozenset({"GA305"})}


@pytest.mark.parametrize(
    "contenido",
    [b"", b"\n  \n\t\n", b"\xef\xbb\xbf", b"# Pendiente: llenar el plan.\n"],
    ids=["vacio", "solo-espacios", "solo-bom", "solo-comentarios"],
)
def test_archivo_vacio_es_ga003(tmp_path: Path, contenido: bytes) -> None:
    doc = _cargar(tmp_path, contenido)
    assert "version: 1" in _unico(doc, "GA003")
    assert doc.nodo is None


def test_una_carpeta_en_lugar_de_archivo_es_ga003(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").mkdir()
    doc = cargar(tmp_path / "plan.yaml", "plan.yaml", "plan")
    assert "No se pudo leer" in _unico(doc, "GA003")


def test_un_fallo_del_disco_al_leer_se_explica_en_espanol(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plan.yaml").write_text("version: 1\n", encoding="utf-8")

    def fallar(descriptor: int, cuantos: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("caja_ga.carga.os.read", fallar)
    doc = cargar(tmp_path / "plan.yaml", "plan.yaml", "plan")
    assert _unico(doc, "GA003") == (
        "No se pudo leer el archivo: el disco o la unidad de red falló al leerlo; vuelve a "
        "intentarlo."
    )


# ------------------------------------------------------------------------- GA006: forma


@pytest.mark.parametrize(
    "contenido",
    ["- version: 1\n- fase: plan\n", "solo un texto\n", "42\n"],
    ids=["lista", "texto", "numero"],
)
def test_primer_nivel_que_no_es_mapeo_es_ga006(tmp_path: Path, contenido: str) -> None:
    doc = _cargar(tmp_path, contenido)
    assert "clave: valor" in _unico(doc, "GA006")
    assert doc.nodo is None
    assert doc.datos is None


# ------------------------------------------------------------------------- GA008: excesos


def _bomba(niveles: int) -> str:
    lineas = ["version: 1", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for nivel in range(1, niveles + 1):
        alias = ", ".join([f"*a{nivel - 1}"] * 9)
        lineas.append(f"a{nivel}: &a{nivel} [{alias}]")
    return "\n".join(lineas) + "\n"


def test_bomba_de_alias_es_ga008(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, _bomba(9))  # 9**9 elementos si se expandiera
    assert "alias" in _unico(doc, "GA008")
    assert doc.datos is None
    assert doc.nodo is None


@pytest.mark.parametrize(("usos", "codigos"), [(LIMITE_ALIAS, []), (LIMITE_ALIAS + 1, ["GA008"])])
def test_limite_de_alias(tmp_path: Path, usos: int, codigos: list[str]) -> None:
    doc = _cargar(tmp_path, "version: 1\na: &a [x]\nb: [" + ", ".join(["*a"] * usos) + "]\n")
    assert _codigos(doc) == codigos


@pytest.mark.parametrize(
    ("niveles", "codigos"),
    [(PROFUNDIDAD_MAXIMA, []), (PROFUNDIDAD_MAXIMA + 1, ["GA008"]), (70, ["GA008"])],
)
def test_limite_de_anidacion(tmp_path: Path, niveles: int, codigos: list[str]) -> None:
    doc = _cargar(tmp_path, "version: 1\nx: " + "[" * niveles + "]" * niveles + "\n")
    assert _codigos(doc) == codigos


@pytest.mark.parametrize(
    "contenido",
    [
        "version: 1\nx: " + "[" * 50_000 + "]" * 50_000 + "\n",
        "version: 1\nx: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
        "version: 1\nx:\n" + "".join(" " * (2 * n + 2) + "-\n" for n in range(1_500)),
    ],
    ids=["listas", "mapeos", "bloques"],
)
def test_anidacion_enorme_se_rechaza_sin_agotar_la_pila(tmp_path: Path, contenido: str) -> None:
    doc = _cargar(tmp_path, contenido)
    assert "anida" in _unico(doc, "GA008")
    assert doc.datos is None


def test_archivo_de_20_mb_es_ga008_sin_leerlo(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.yaml"
    with ruta.open("wb") as flujo:
        flujo.write(b"version: 1\nnotas:\n")
        renglon = b"  - Una nota larga para llenar el archivo de prueba.\n"
        for _ in range(20 * 1024 * 1024 // len(renglon) + 1):
            flujo.write(renglon)
    assert ruta.stat().st_size > 20 * 1024 * 1024
    doc = cargar(ruta, "plan.yaml", "plan")
    assert "5 MB" in _unico(doc, "GA008")
    assert doc.nodo is None


def test_archivo_de_justo_5_mb_se_lee(tmp_path: Path) -> None:
    cabecera = b"version: 1\nnotas: "
    doc = _cargar(tmp_path, cabecera + b"a" * (LIMITE_BYTES - len(cabecera) - 1) + b"\n")
    assert doc.hallazgos == []
    assert len(doc.datos["notas"]) == LIMITE_BYTES - len(cabecera) - 1


# ------------------------------------------------------------------------- YAML 1.2


def test_semantica_yaml_1_2(tmp_path: Path) -> None:
    doc = _cargar(
        tmp_path,
        "version: 1\ncumple: no\notro: yes\nencendido: on\nsi: true\n"
        "fecha: 2025-03-15\nnada: ~\nvacio:\nentero: 007\nods: [16.10, '16.6']\n"
        "cvegeo: 01001\n",
        "agenda2030.yaml",
    )
    assert doc.hallazgos == []
    assert doc.datos["cumple"] == "no"
    assert doc.datos["otro"] == "yes"
    assert doc.datos["encendido"] == "on"
    assert doc.datos["si"] is True
    assert doc.datos["fecha"] == "2025-03-15"
    assert doc.datos["nada"] is None
    assert doc.datos["vacio"] is None
    assert doc.datos["entero"] == 7
    assert doc.datos["ods"] == [16.1, "16.6"]
    assert doc.nodo is not None
    assert texto_original(doc.nodo, ("ods", 0)) == "16.10"
    assert texto_original(doc.nodo, ("cvegeo",)) == "01001"


def test_texto_entre_comillas_nunca_se_convierte(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, 'version: 1\ncvegeo: "14120"\ncumple: \'true\'\nods: ["16.10"]\n')
    assert doc.datos == {"version": 1, "cvegeo": "14120", "cumple": "true", "ods": ["16.10"]}


# ------------------------------------------------------------------------- ignorar en línea


def test_comentarios_para_ignorar_reglas(tmp_path: Path) -> None:
    doc = _cargar(
        tmp_path,
        "version: 1\n"
        "fase: plan  # caja-ga: ignorar GA305\n"
        "# caja-ga: ignorar ga010, GA004 porque es un ejemplo\n"
        "x: 1\n"
        "# caja-ga ignorar GA999\n"
        "#CAJA-GA:IGNORAR GA101 GA102\n",
    )
    assert doc.ignorados == {
        2: frozenset({"GA305"}),
        3: frozenset({"GA010", "GA004"}),
        6: frozenset({"GA101", "GA102"}),
    }


def test_sin_comentarios_para_ignorar_no_hay_ignorados(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nfase: plan  # ignorar GA305\n")
    assert doc.ignorados == {}


def test_lista_con_demasiados_elementos_es_ga008_en_su_linea(tmp_path: Path) -> None:
    elementos = ", ".join(["x"] * (LIMITE_ELEMENTOS + 1))
    doc = _cargar(tmp_path, f"version: 1\nnotas: [{elementos}]\n")
    assert _codigos(doc) == ["GA008"]
    assert "10,001 elementos" in doc.hallazgos[0].mensaje
    assert doc.hallazgos[0].posicion == (2, 8)


def test_mapeo_con_demasiadas_claves_es_ga008(tmp_path: Path) -> None:
    claves = "".join(f"k{i}: {i}\n" for i in range(LIMITE_ELEMENTOS))
    doc = _cargar(tmp_path, "version: 1\n" + claves)  # version + 10,000 claves
    assert _codigos(doc) == ["GA008"]
    assert "claves" in doc.hallazgos[0].mensaje


def test_limite_de_elementos_justo_se_lee(tmp_path: Path) -> None:
    elementos = ", ".join(["x"] * LIMITE_ELEMENTOS)
    doc = _cargar(tmp_path, f"version: 1\nnotas: [{elementos}]\n")
    assert _codigos(doc) == []
    assert len(doc.datos["notas"]) == LIMITE_ELEMENTOS


def test_pocos_alias_que_expanden_demasiado_es_ga008(tmp_path: Path) -> None:
    """Menos de LIMITE_ALIAS alias, pero cada uno repite una lista grande: cuenta lo expandido."""
    lista = "[" + ", ".join(["x"] * 5_000) + "]"
    usos = "[" + ", ".join(["*a"] * 100) + "]"  # 100 alias × 5,000 = 500,000 valores
    doc = _cargar(tmp_path, f"version: 1\na: &a {lista}\nb: {usos}\n")
    assert _codigos(doc) == ["GA008"]
    assert f"{LIMITE_NODOS:,}" in doc.hallazgos[0].mensaje
    assert doc.datos is None


def test_claves_repetidas_muchas_veces_citan_la_primera(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\n" + "a: 1\n" * 3)
    assert _codigos(doc) == ["GA002", "GA002"]
    assert all("línea 2" in h.mensaje for h in doc.hallazgos)
    assert [h.posicion for h in doc.hallazgos] == [(3, 1), (4, 1)]


@pytest.mark.parametrize(
    ("escrito", "leido"),
    [("9" * 5_000, "9" * 5_000), ("1e400", "1e400"), ("-1e400", "-1e400"), ("1e3", 1000.0)],
    ids=["entero-de-5000-cifras", "desborde", "desborde-negativo", "exponente-normal"],
)
def test_numeros_imposibles_quedan_como_texto(tmp_path: Path, escrito: str, leido: object) -> None:
    doc = _cargar(tmp_path, f"version: 1\nx: {escrito}\n")
    assert _codigos(doc) == []
    assert doc.datos["x"] == leido


def test_claves_distintas_repetidas_citan_cada_una_su_primera_linea(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\na: 1\n[x]: 2\nb: 3\nb: 4\na: 5\nb: 6\n")
    assert _codigos(doc) == ["GA006", "GA002", "GA002", "GA002"]
    assert [h.posicion for h in doc.hallazgos] == [(3, 1), (5, 1), (6, 1), (7, 1)]
    assert [h.mensaje.split("(")[1].split(")")[0] for h in doc.hallazgos[1:]] == [
        "ya aparece en la línea 4",
        "ya aparece en la línea 2",
        "ya aparece en la línea 4",
    ]
    assert doc.datos == {"version": 1, "a": 1, "b": 3}


@pytest.mark.parametrize(
    ("escrito", "leido"),
    [
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("", None),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("yes", "yes"),
        ("no", "no"),
        ("nulo", "nulo"),
        ("12", 12),
        ("-7", -7),
        ("+3", 3),
        ("007", 7),
        ("16.10", 16.1),
        ("-.5", -0.5),
        ("1.", 1.0),
        ("+1e3", 1000.0),
        (".inf", float("inf")),
        ("-.inf", float("-inf")),
        ("2025-03-15", "2025-03-15"),
        ("0x1A", "0x1A"),
        ("1_000", "1_000"),
        ("12:30", "12:30"),
        ('"12"', "12"),
        ("'null'", "null"),
        ("!!str 12", "12"),
        ("|\n  12", "12\n"),
    ],
)
def test_escalares_segun_yaml_1_2(tmp_path: Path, escrito: str, leido: object) -> None:
    doc = _cargar(tmp_path, f"version: 1\nx: {escrito}\n" if escrito else "version: 1\nx:\n")
    assert _codigos(doc) == []
    assert doc.datos == {"version": 1, "x": leido}
    assert type(doc.datos["x"]) is type(leido)


def test_nan_se_lee_como_numero(tmp_path: Path) -> None:
    doc = _cargar(tmp_path, "version: 1\nx: .nan\ny: [.NaN, .NAN]\n")
    valores = [doc.datos["x"], *doc.datos["y"]]
    assert all(isinstance(v, float) and v != v for v in valores)


def test_archivo_de_5_mb_y_un_byte_no_se_lee(tmp_path: Path) -> None:
    cabecera = b"version: 1\nnotas: "
    doc = _cargar(tmp_path, cabecera + b"a" * (LIMITE_BYTES - len(cabecera)) + b"\n")
    assert _unico(doc, "GA008") == (
        "El archivo pesa más de 5 MB; es demasiado grande para un archivo del proceso y no se leyó."
    )
    assert doc.datos is None


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="sin /proc")
def test_un_archivo_que_dice_pesar_cero_se_lee_entero() -> None:
    """Algunos archivos regulares dicen pesar 0 bytes y sí tienen contenido: no basta el tamaño."""
    ruta = Path("/proc/self/status")
    assert ruta.stat().st_size == 0
    datos = leer_bytes(ruta)
    assert datos.startswith(b"Name:")
    assert b"\nPid:" in datos
