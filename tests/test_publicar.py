"""Publicar sin pisar, sin seguir enlaces, sin filtrar datos privados y sin abortar, por el
comando instalado."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from caja_ga.reporte.datos_abiertos import COMPROMISOS
from caja_ga.reporte.privacidad import OMITIDO, censor
from caja_ga.reporte.sitio import MANIFIESTO
from tests.conftest import EJEMPLOS, FECHA_EJEMPLOS, CajaGa

CORREO = "ana.torres@example.org"  # de una integrante del Espacio sin contacto_publico
TELEFONO = "33 1234 5678"


def _editar(ruta: Path, cambiar: Any) -> None:
    yaml = YAML()
    datos = yaml.load(ruta)
    cambiar(datos)
    yaml.dump(datos, ruta)


def _reporte(caja_ga: CajaGa, *args: str) -> Any:
    return caja_ga("reporte", *args, "--fecha-corte", FECHA_EJEMPLOS)


def _todo(carpeta: Path) -> dict[str, str]:
    return {
        ruta.relative_to(carpeta).as_posix(): ruta.read_text(encoding="utf-8")
        for ruta in sorted(carpeta.rglob("*"))
        if ruta.is_file()
    }


# --- datos privados -----------------------------------------------------------------------------


def _contacto_en_textos_libres(proceso: Path) -> None:
    def plan(datos: Any) -> None:
        actividades = datos["compromisos"][0]["actividades"]
        actividades[0]["descripcion"] = (
            f"Escribir a {CORREO.upper()}_urgente, a {CORREO}s o a mailto:{CORREO}; "
            "llamar al +52 (33) 1234-5678 o al 1234 5678 en 2026."
        )
        actividades[1]["entregable"] = "Informe al 33.1234.5678"

    def sesion(datos: Any) -> None:
        datos["acuerdos"][0]["texto"] = f"Enviar la minuta a {CORREO} y al 3312345678."
        datos["acuerdos"][0]["fecha_limite"] = CORREO  # GA006 cita el valor

    _editar(proceso / "plan.yaml", plan)
    _editar(proceso / "sesiones" / "2025-03-15-instalacion.yaml", sesion)


def test_ningun_archivo_publicado_lleva_un_contacto_privado(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    _contacto_en_textos_libres(proceso)
    validacion = caja_ga("validar", str(proceso), "--formato", "json")
    assert CORREO in validacion.stdout  # el mensaje de validación sí lo cita

    resultado = _reporte(caja_ga, str(proceso), "--salida", str(tmp_path / "sitio"), "--forzar")
    assert resultado.returncode == 0, resultado.stderr
    publicados = _todo(tmp_path / "sitio")
    assert {"zapopan/index.html", "zapopan/reporte.md", "datos/actividades.csv"} <= set(publicados)
    for nombre, texto in publicados.items():
        assert "ana.torres" not in texto.casefold(), nombre
        assert not re.search(r"1234\D{0,3}5678", texto), nombre
    actividades = publicados["datos/actividades.csv"]
    assert f"Escribir a {OMITIDO}_urgente, a {OMITIDO}s o a mailto:{OMITIDO}" in actividades
    assert f"llamar al +52 ({OMITIDO} o al {OMITIDO} en 2026." in actividades
    assert "transparencia@zapopan.gob.mx" in publicados["zapopan/index.html"]  # es público


def test_el_censor_tarda_en_linea_recta() -> None:
    privado = censor([CORREO], [TELEFONO])
    for texto in (
        "a" * 100_000,
        "a" * 100_000 + "@",
        "1 " * 50_000,
        "(" * 100_000 + "1",
        "1(" * 50_000,
        "ana.torres@example.or" * 5_000,
        "3312345" * 15_000,
    ):
        inicio = time.perf_counter()
        privado.censurar(texto)
        assert time.perf_counter() - inicio < 1, texto[:20]


def test_el_censor_encuentra_las_formas_del_telefono() -> None:
    privado = censor([CORREO], ["+52 33 1234 5678"])
    assert privado.censurar("tel. 33-1234-5678, ext. 12") == f"tel. {OMITIDO}, ext. 12"
    assert privado.censurar("local 1234 5678") == f"local {OMITIDO}"
    assert privado.censurar("521 33 12345678") == f"521 {OMITIDO}"
    assert privado.censurar("ANA\\.TORRES@example.org") == OMITIDO  # escapado por Markdown
    assert privado.censurar("folio 2026-0001") == "folio 2026-0001"


# --- fórmulas en el CSV ---------------------------------------------------------------------------


def test_el_csv_neutraliza_formulas(proceso: Path, tmp_path: Path, caja_ga: CajaGa) -> None:
    formulas = ['=HYPERLINK("http://x.test","clic")', "+1+1", "-2", "@SUMA(A1)", "\tx"]

    def plan(datos: Any) -> None:
        for compromiso, formula in zip(datos["compromisos"], formulas, strict=False):
            compromiso["titulo"] = formula

    _editar(proceso / "plan.yaml", plan)
    assert (
        _reporte(caja_ga, str(proceso), "--salida", str(tmp_path / "s"), "--forzar").returncode == 0
    )
    texto = (tmp_path / "s" / "datos" / COMPROMISOS.archivo).read_text(encoding="utf-8")
    filas = list(csv.DictReader(io.StringIO(texto)))
    titulos = [fila["titulo"] for fila in filas]
    assert titulos == [f"'{f}" for f in formulas[: len(titulos)]]
    assert all(re.fullmatch(r"[0-9.]*", fila["avance"]) for fila in filas)  # los números, tal cual


# --- publicar sin pisar ---------------------------------------------------------------------------


def test_no_reemplaza_lo_que_no_escribio(proceso: Path, tmp_path: Path, caja_ga: CajaGa) -> None:
    salida = tmp_path / "sitio"
    (salida / "zapopan").mkdir(parents=True)
    (salida / "index.html").write_text("mi portada", encoding="utf-8")
    (salida / "zapopan" / "reporte.md").write_text("mis notas", encoding="utf-8")
    (salida / "CNAME").write_text("ga.example.org", encoding="utf-8")

    resultado = _reporte(caja_ga, str(proceso), "--salida", str(salida))
    assert resultado.returncode == 2
    assert "«sitio/index.html», «sitio/zapopan/reporte.md» ya existen" in resultado.stderr
    assert _todo(salida) == {
        "CNAME": "ga.example.org",
        "index.html": "mi portada",
        "zapopan/reporte.md": "mis notas",
    }

    assert _reporte(caja_ga, str(proceso), "--salida", str(salida), "--forzar").returncode == 0
    publicados = _todo(salida)
    assert publicados["CNAME"] == "ga.example.org"  # lo ajeno que no estorba sigue ahí
    assert "mi portada" not in publicados["index.html"]
    manifiesto = json.loads(publicados[MANIFIESTO])
    assert "zapopan/index.html" in manifiesto["archivos"]
    assert "CNAME" not in manifiesto["archivos"]
    # Lo que escribió caja-ga se reemplaza sin --forzar la próxima vez.
    assert _reporte(caja_ga, str(proceso), "--salida", str(salida)).returncode == 0
    assert _todo(salida) == publicados


def test_nunca_escribe_a_traves_de_un_enlace(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    fuera = tmp_path / "fuera"
    fuera.mkdir()
    (fuera / "index.html").write_text("ajeno", encoding="utf-8")
    salida = tmp_path / "sitio"
    salida.mkdir()
    (salida / "zapopan").symlink_to(fuera)

    resultado = _reporte(caja_ga, str(proceso), "--salida", str(salida))
    assert resultado.returncode == 2 and "sitio/zapopan" in resultado.stderr
    assert _reporte(caja_ga, str(proceso), "--salida", str(salida), "--forzar").returncode == 0
    assert _todo(fuera) == {"index.html": "ajeno"}
    assert not (salida / "zapopan").is_symlink()

    enlace = tmp_path / "enlace"
    enlace.symlink_to(tmp_path / "no-existe")
    resultado = _reporte(caja_ga, str(proceso), "--salida", str(enlace))
    assert resultado.returncode == 2 and "enlace simbólico" in resultado.stderr
    assert not (tmp_path / "no-existe").exists()


def test_salidas_que_no_se_aceptan(proceso: Path, tmp_path: Path, caja_ga: CajaGa) -> None:
    for salida, motivo in (
        ("", "la carpeta actual"),
        (".", "la carpeta actual"),
        ("..", "la carpeta actual"),
        (str(proceso), "contiene los procesos"),
        (str(tmp_path), "la carpeta actual"),
    ):
        resultado = _reporte(caja_ga, str(proceso), "--salida", salida)
        assert resultado.returncode == 2, salida
        assert motivo in resultado.stderr, resultado.stderr
    (tmp_path / "archivo").write_text("x", encoding="utf-8")
    resultado = _reporte(caja_ga, str(proceso), "--salida", "archivo/sitio")
    assert resultado.returncode == 2 and "No se pudo publicar" in resultado.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archivo", "zapopan"]


def test_limpia_los_restos_de_una_corrida_interrumpida(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    salida = tmp_path / "sitio"
    assert _reporte(caja_ga, str(proceso), "--salida", str(salida)).returncode == 0
    publicado = _todo(salida)
    # kill -9 entre los dos renombres: la salida quedó sin nombre y el sitio nuevo a medias.
    salida.rename(tmp_path / "sitio.caja-ga-viejo-0000")
    (tmp_path / "sitio.caja-ga-nuevo-1111" / "zapopan").mkdir(parents=True)
    _editar(proceso / "plan.yaml", lambda datos: datos["compromisos"][0].update(ods=["18.1"]))

    resultado = _reporte(caja_ga, str(proceso), "--salida", str(salida))
    assert resultado.returncode == 1  # rechazado: el sitio vuelve entero, como estaba
    assert _todo(salida) == publicado
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitio", "zapopan"]

    (salida / ".caja-ga-publicando-abc").mkdir()  # de versiones anteriores
    assert _reporte(caja_ga, str(proceso), "--salida", str(salida), "--forzar").returncode == 0
    assert not (salida / ".caja-ga-publicando-abc").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitio", "zapopan"]


def test_una_carpeta_de_proceso_llamada_como_el_indice(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    raiz = tmp_path / "procesos"
    shutil.copytree(proceso, raiz / "index.html")
    shutil.copytree(proceso, raiz / "datos")
    assert _reporte(caja_ga, str(raiz), "--salida", str(tmp_path / "s")).returncode == 0
    publicados = _todo(tmp_path / "s")
    assert {"index.html", "index.html-proceso/index.html", "datos-proceso/reporte.md"} <= set(
        publicados
    )
    assert 'href="index.html-proceso/index.html"' in publicados["index.html"]


# --- nada aborta la corrida -----------------------------------------------------------------------


def test_nombres_que_no_son_utf8(proceso: Path, tmp_path: Path, caja_ga: CajaGa) -> None:
    raiz = tmp_path / "procesos"
    shutil.copytree(proceso, raiz / "zapopan")
    shutil.copytree(proceso, raiz / os.fsdecode(b"Zap\xff"))
    for formato in ("sarif", "gitlab", "json", "texto"):
        resultado = caja_ga(
            "validar", str(raiz), "--formato", formato, "--fecha-corte", "2026-11-15"
        )
        assert resultado.returncode == 0, (formato, resultado.stderr)
    sarif = caja_ga("validar", str(raiz), "--formato", "sarif")
    assert "procesos/Zap%FF/" in sarif.stdout
    assert _reporte(caja_ga, str(raiz), "--salida", str(tmp_path / "s")).returncode == 0
    publicados = _todo(tmp_path / "s")
    assert {"zapopan/index.html", "Zap\ufffd/index.html"} <= set(publicados)
    assert "Zap\ufffd" in publicados["datos/procesos.json"]


def test_un_plan_hasta_9999(proceso: Path, tmp_path: Path, caja_ga: CajaGa) -> None:
    def plan(datos: Any) -> None:
        datos["compromisos"][0]["actividades"][1]["fin"] = "9999-12-31"

    _editar(proceso / "plan.yaml", plan)
    resultado = _reporte(caja_ga, str(proceso), "--salida", str(tmp_path / "s"), "--forzar")
    assert resultado.returncode == 0, resultado.stderr
    html = (tmp_path / "s" / "zapopan" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="marca"') <= 12  # un eje con marcas cada tantos años, no 8000


def test_una_salida_que_no_es_utf8(proceso: Path, tmp_path: Path, caja_ga: CajaGa) -> None:
    del caja_ga
    entorno = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    import subprocess

    from tests.conftest import COMANDO

    for argumentos in (
        ["validar", str(proceso), "--fecha-corte", FECHA_EJEMPLOS],
        ["reporte", str(proceso), "--salida", str(tmp_path / "s")],
        ["init", "--municipio", "14120", "--periodo", "2024-2027", "--sin-preguntas", "nuevo"],
    ):
        resultado = subprocess.run(
            [str(COMANDO), *argumentos], capture_output=True, env=entorno, check=False
        )
        assert resultado.returncode == 0, resultado.stderr
        assert b"Error interno" not in resultado.stderr


def test_init_con_opciones_que_no_son_utf8(tmp_path: Path, caja_ga: CajaGa) -> None:
    comun = ("init", "--municipio", "14120", "--sin-preguntas")
    resultado = caja_ga(*comun, "--periodo", "0000-0001", str(tmp_path / "a"))
    assert resultado.returncode == 2 and "del 0001 al 9999" in resultado.stderr
    nombre = os.fsdecode(b"Ana\xff")
    resultado = caja_ga(*comun, "--periodo", "2024-2027", "--enlace", nombre, str(tmp_path / "b"))
    assert resultado.returncode == 2
    assert "No se escribió nada: «Ana\ufffd» tiene bytes que no son texto UTF-8" in resultado.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


# --- generadores y enlaces ------------------------------------------------------------------------


def test_nuevo_compromiso_y_un_plan_que_es_enlace(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    (proceso / "versiones").mkdir()
    (proceso / "plan.yaml").rename(proceso / "versiones" / "plan.yaml")
    (proceso / "plan.yaml").symlink_to(Path("versiones") / "plan.yaml")
    resultado = caja_ga("nuevo", "compromiso", str(proceso), "--titulo", "Datos abiertos")
    assert resultado.returncode == 0, resultado.stderr
    assert (proceso / "plan.yaml").is_symlink()
    assert "Datos abiertos" in (proceso / "versiones" / "plan.yaml").read_text(encoding="utf-8")

    fuera = tmp_path / "plan-de-otro.yaml"
    (proceso / "versiones" / "plan.yaml").rename(fuera)
    antes = fuera.read_text(encoding="utf-8")
    (proceso / "plan.yaml").unlink()
    (proceso / "plan.yaml").symlink_to(fuera)
    resultado = caja_ga("nuevo", "compromiso", str(proceso), "--titulo", "Otro")
    assert resultado.returncode == 2 and "enlace simbólico" in resultado.stderr
    assert fuera.read_text(encoding="utf-8") == antes and (proceso / "plan.yaml").is_symlink()


def test_init_no_reemplaza_un_enlace_roto(tmp_path: Path, caja_ga: CajaGa) -> None:
    destino = tmp_path / "zapopan"
    destino.mkdir()
    (destino / "proceso.yaml").symlink_to(tmp_path / "no-existe.yaml")
    comun = ("init", "--municipio", "14120", "--periodo", "2024-2027", "--sin-preguntas")
    resultado = caja_ga(*comun, str(destino))
    assert resultado.returncode == 0
    assert "omitido (ya existe)" in resultado.stdout and "proceso.yaml" in resultado.stdout
    assert (destino / "proceso.yaml").is_symlink()
    resultado = caja_ga(*comun, "--forzar", str(destino))
    assert resultado.returncode == 2 and "enlace simbólico roto" in resultado.stderr
    assert not (tmp_path / "no-existe.yaml").exists()


# --- volver a publicar tras un cambio -------------------------------------------------------------


def _bytes(carpeta: Path) -> dict[str, bytes]:
    return {
        ruta.relative_to(carpeta).as_posix(): ruta.read_bytes()
        for ruta in sorted(carpeta.rglob("*"))
        if ruta.is_file()
    }


def test_volver_a_publicar_tras_un_cambio_es_publicar_de_cero(
    tmp_path: Path, caja_ga: CajaGa
) -> None:
    """Solo se vuelve a dibujar el proceso que cambió (las páginas de los demás son las mismas,
    enlazadas del sitio anterior) y el sitio es, byte por byte, el de una publicación completa."""
    raiz = tmp_path / "procesos"
    for ejemplo in ("zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027"):
        shutil.copytree(EJEMPLOS / ejemplo, raiz / ejemplo)
    sitio = tmp_path / "sitio"
    assert _reporte(caja_ga, str(raiz), "--salida", str(sitio)).returncode == 0  # A
    paginas = [sitio / p / "index.html" for p in ("zapopan-2024-2027", "puebla-2024-2027")]
    cambiada = sitio / "monterrey-2024-2027" / "index.html"
    antes = {p: p.stat().st_ino for p in [*paginas, cambiada]}

    def titulo(datos: Any) -> None:
        datos["compromisos"][0]["titulo"] = "Compromiso con título nuevo"

    _editar(raiz / "monterrey-2024-2027" / "plan.yaml", titulo)
    assert _reporte(caja_ga, str(raiz), "--salida", str(sitio)).returncode == 0  # B
    assert {p: p.stat().st_ino for p in paginas} == {p: antes[p] for p in paginas}
    assert cambiada.stat().st_ino != antes[cambiada]
    assert "Compromiso con título nuevo" in cambiada.read_text(encoding="utf-8")
    limpio = tmp_path / "limpio"
    assert _reporte(caja_ga, str(raiz), "--salida", str(limpio), "--sin-cache").returncode == 0
    assert _bytes(sitio) == _bytes(limpio)  # C


def test_una_pagina_tocada_a_mano_se_vuelve_a_escribir(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    sitio = tmp_path / "sitio"
    assert _reporte(caja_ga, str(proceso), "--salida", str(sitio)).returncode == 0
    pagina = sitio / "zapopan" / "index.html"
    original = pagina.read_bytes()
    pagina.write_bytes(original.replace(b"</main>", b"<p>agregado a mano</p></main>"))
    assert _reporte(caja_ga, str(proceso), "--salida", str(sitio)).returncode == 0
    assert pagina.read_bytes() == original


def test_una_cache_danada_o_ajena_no_cambia_el_sitio(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    sitio = tmp_path / "sitio"
    assert _reporte(caja_ga, str(proceso), "--salida", str(sitio)).returncode == 0
    publicado = _bytes(sitio)
    guardada = proceso / ".caja-ga-cache" / "reporte.marshal"
    for contenido in (b"\xfbno es marshal", bytes(32) + guardada.read_bytes()[32:]):
        guardada.write_bytes(contenido)  # dañada, o con un sello que no es de la clave local
        assert _reporte(caja_ga, str(proceso), "--salida", str(sitio)).returncode == 0
        assert _bytes(sitio) == publicado
        assert guardada.read_bytes() != contenido  # se dibujó de nuevo y se volvió a guardar


def test_volver_a_publicar_en_un_repositorio_con_jobs_y_un_rechazo(
    tmp_path: Path, caja_ga: CajaGa
) -> None:
    """En un repositorio git (la caché en su raíz) y con --jobs 2: un cambio con errores se
    rechaza sin tocar el sitio; corregido, el sitio es el de una publicación completa."""
    raiz = tmp_path / "estado"
    for ejemplo in ("zapopan-2024-2027", "monterrey-2024-2027", "puebla-2024-2027"):
        shutil.copytree(EJEMPLOS / ejemplo, raiz / ejemplo)
    (raiz / ".git").mkdir()  # basta para que la raíz sea la del repositorio
    sitio = tmp_path / "sitio"
    assert _reporte(caja_ga, str(raiz), "--salida", str(sitio), "--jobs", "2").returncode == 0
    assert (raiz / ".caja-ga-cache" / "reporte.marshal").is_file()
    assert not list(raiz.glob("*/.caja-ga-cache"))
    publicado = _bytes(sitio)
    plan = raiz / "puebla-2024-2027" / "plan.yaml"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original.replace("version: 1", "version: 7", 1), encoding="utf-8")
    rechazo = _reporte(caja_ga, str(raiz), "--salida", str(sitio), "--jobs", "2")
    assert rechazo.returncode == 1, rechazo.stderr
    assert _bytes(sitio) == publicado
    plan.write_text(original.replace("monitoreo ciudadano", "monitoreo vecinal"), encoding="utf-8")
    assert _reporte(caja_ga, str(raiz), "--salida", str(sitio), "--jobs", "2").returncode == 0
    limpio = tmp_path / "limpio"
    assert _reporte(caja_ga, str(raiz), "--salida", str(limpio), "--sin-cache").returncode == 0
    assert _bytes(sitio) == _bytes(limpio)
    assert _bytes(sitio) != publicado


def test_otra_fecha_de_corte_no_reusa_lo_publicado(
    proceso: Path, tmp_path: Path, caja_ga: CajaGa
) -> None:
    """Lo guardado para una fecha de corte no sirve para otra: volver a publicar con un corte
    anterior da los mismos bytes que publicar de cero con ese corte."""
    sitio, limpio = tmp_path / "sitio", tmp_path / "limpio"
    assert _reporte(caja_ga, str(proceso), "--salida", str(sitio)).returncode == 0
    publicado = _bytes(sitio)
    anterior = ("--fecha-corte", "2026-03-31")
    assert caja_ga("reporte", str(proceso), "--salida", str(sitio), *anterior).returncode == 0
    resultado = caja_ga("reporte", str(proceso), "--salida", str(limpio), "--sin-cache", *anterior)
    assert resultado.returncode == 0
    assert _bytes(sitio) == _bytes(limpio)
    assert _bytes(sitio) != publicado
