"""`validar` ante árboles hostiles, cachés viejas o fabricadas y configuraciones fuera de lugar.

Todo por el comando instalado: nunca «Error interno», nunca un cuelgue, y con caché el mismo
código de salida que con `--sin-cache`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import marshal
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import BASE, CajaGa

CORTE = ("--fecha-corte", "2026-06-30")
CACHE = ".caja-ga-cache"


@pytest.fixture(autouse=True)
def clave_aparte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Cada prueba con su propia clave de caché (la hereda el comando instalado)."""
    carpeta = tmp_path / "cache-del-usuario"
    monkeypatch.setenv("XDG_CACHE_HOME", str(carpeta))
    return carpeta


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Un repositorio (con `.git`) con el proceso base en `zapopan/`."""
    raiz = tmp_path / "repo"
    shutil.copytree(BASE, raiz / "zapopan")
    (raiz / ".git").mkdir()
    return raiz


def _json(caja_ga: CajaGa, raiz: Path, *args: str) -> tuple[int, dict[str, object]]:
    resultado = caja_ga("validar", *args, "--formato", "json", *CORTE, cwd=raiz)
    assert resultado.returncode in (0, 1), resultado.stdout + resultado.stderr
    return resultado.returncode, json.loads(resultado.stdout)


def _codigos(datos: dict[str, object]) -> list[tuple[str, str]]:
    problemas = datos["problemas"]
    assert isinstance(problemas, list)
    return [(p["archivo"], p["codigo"]) for p in problemas]


def _igual_con_y_sin_cache(caja_ga: CajaGa, raiz: Path, *args: str) -> dict[str, object]:
    """Valida tres veces (sin caché, llenándola, usándola) y exige el mismo resultado."""
    sin = _json(caja_ga, raiz, *args, "--sin-cache")
    assert _json(caja_ga, raiz, *args) == sin
    assert _json(caja_ga, raiz, *args) == sin
    return sin[1]


def _romper(plan: Path) -> None:
    """Quita los responsables de una actividad: un error GA302 del mismo tamaño en bytes."""
    texto = plan.read_text(encoding="utf-8")
    original = "responsables: [Dirección de Innovación]"
    vacio = "responsables: []"
    roto = texto.replace(original, vacio.ljust(len(original.encode())))
    assert roto != texto and len(roto.encode()) == len(texto.encode())
    plan.write_text(roto, encoding="utf-8")


# ------------------------------------------------------------- lo que se lee (carga y caché)


def test_un_fifo_con_nombre_de_archivo_del_proceso_no_cuelga(caja_ga: CajaGa, repo: Path) -> None:
    (repo / "zapopan" / "plan.yaml").unlink()
    os.mkfifo(repo / "zapopan" / "plan.yaml")
    os.mkfifo(repo / "zapopan" / "sesiones" / "2026-05-01.yaml")
    os.mkfifo(repo / "zapopan" / "notas.txt")  # no se lee: tampoco la caché
    datos = _igual_con_y_sin_cache(caja_ga, repo, "zapopan")
    assert ("zapopan/plan.yaml", "GA003") in _codigos(datos)
    assert ("zapopan/sesiones/2026-05-01.yaml", "GA003") in _codigos(datos)


def test_enlaces_a_dispositivos_bucles_y_fuera_del_proceso(
    caja_ga: CajaGa, repo: Path, tmp_path: Path
) -> None:
    proceso = repo / "zapopan"
    afuera = tmp_path / "afuera"
    afuera.mkdir()
    shutil.copy(proceso / "plan.yaml", afuera / "plan.yaml")
    (proceso / "plan.yaml").unlink()
    (proceso / "plan.yaml").symlink_to(afuera / "plan.yaml")
    (proceso / "agenda2030.yaml").unlink()
    (proceso / "agenda2030.yaml").symlink_to("/dev/zero")
    (proceso / "evaluacion.yaml").symlink_to(proceso / "evaluacion.yaml")
    (proceso / "usr").symlink_to("/usr")  # la caché no lo recorre
    datos = _igual_con_y_sin_cache(caja_ga, repo, "zapopan")
    codigos = _codigos(datos)
    for archivo in ("plan.yaml", "agenda2030.yaml", "evaluacion.yaml"):
        assert (f"zapopan/{archivo}", "GA003") in codigos, codigos
    mensajes = {p["archivo"]: p["mensaje"] for p in datos["problemas"]}  # type: ignore[attr-defined]
    assert "fuera de la carpeta del proceso" in mensajes["zapopan/plan.yaml"]
    assert "fuera de la carpeta del proceso" in mensajes["zapopan/agenda2030.yaml"]
    assert "bucle" in mensajes["zapopan/evaluacion.yaml"]


def test_un_archivo_suelto_que_es_un_dispositivo(caja_ga: CajaGa, repo: Path) -> None:
    (repo / "cero.yaml").symlink_to("/dev/zero")
    codigo, datos = _json(caja_ga, repo, "cero.yaml")
    assert codigo == 1
    assert _codigos(datos) == [("cero.yaml", "GA003")]
    assert "dispositivo" in str(datos["problemas"])


def test_un_enlace_dentro_del_proceso_se_lee(caja_ga: CajaGa, repo: Path) -> None:
    proceso = repo / "zapopan"
    (proceso / "copias").mkdir()
    (proceso / "plan.yaml").rename(proceso / "copias" / "plan.yaml")
    (proceso / "plan.yaml").symlink_to(Path("copias") / "plan.yaml")
    assert _igual_con_y_sin_cache(caja_ga, repo, "zapopan")["problemas"] == []


def test_enlaces_bajo_sesiones_que_salen_del_proceso(
    caja_ga: CajaGa, repo: Path, tmp_path: Path
) -> None:
    """Un enlace dentro de `sesiones/`, o `seguimiento/` entera enlazada afuera, no se siguen."""
    proceso = repo / "zapopan"
    afuera = tmp_path / "afuera"
    shutil.copytree(proceso / "sesiones", afuera / "sesiones")
    sesion = sorted((proceso / "sesiones").iterdir())[0]
    sesion.unlink()
    sesion.symlink_to(afuera / "sesiones" / sesion.name)
    shutil.move(proceso / "seguimiento", afuera / "seguimiento")
    (proceso / "seguimiento").symlink_to(afuera / "seguimiento")
    datos = _igual_con_y_sin_cache(caja_ga, repo, "zapopan")
    fuera = {
        (p["archivo"], p["codigo"])
        for p in datos["problemas"]  # type: ignore[attr-defined]
        if "fuera de la carpeta del proceso" in p["mensaje"]
    }
    assert fuera == {
        (f"zapopan/sesiones/{sesion.name}", "GA003"),
        ("zapopan/seguimiento", "GA003"),
    }


def test_desde_dentro_del_proceso_un_enlace_que_sale_tampoco_se_lee(
    caja_ga: CajaGa, repo: Path, tmp_path: Path
) -> None:
    """Con «.» como ruta (la carpeta actual es el proceso) rige la misma frontera."""
    proceso = repo / "zapopan"
    (tmp_path / "afuera.yaml").write_bytes((proceso / "nucleo.yaml").read_bytes())
    (proceso / "sesiones" / "2026-01-10-ordinaria.yaml").symlink_to(tmp_path / "afuera.yaml")
    resultado = caja_ga("validar", ".", "--formato", "json", "--sin-cache", *CORTE, cwd=proceso)
    datos = json.loads(resultado.stdout)
    assert resultado.returncode == 1
    assert [(p["archivo"], p["codigo"]) for p in datos["problemas"]] == [
        ("sesiones/2026-01-10-ordinaria.yaml", "GA003")
    ]
    assert datos["problemas"][0]["mensaje"] == (
        "Es un enlace simbólico que apunta fuera de la carpeta del proceso; caja-ga no lo sigue: "
        "copia ahí el archivo en lugar del enlace."
    )


def test_una_carpeta_de_proceso_enlazada_se_valida_igual(
    caja_ga: CajaGa, repo: Path, tmp_path: Path
) -> None:
    """El proceso puede ser un enlace a su carpeta: sus archivos quedan dentro de ella."""
    (tmp_path / "otro").mkdir()
    (tmp_path / "otro" / ".git").mkdir()
    (tmp_path / "otro" / "zapopan").symlink_to(repo / "zapopan")
    directo = _igual_con_y_sin_cache(caja_ga, repo, "zapopan")
    assert _igual_con_y_sin_cache(caja_ga, tmp_path / "otro", "zapopan") == directo


@pytest.mark.skipif(os.geteuid() == 0, reason="root lee cualquier archivo")
def test_un_archivo_ilegible_es_ga003(caja_ga: CajaGa, repo: Path) -> None:
    (repo / "zapopan" / "nucleo.yaml").chmod(0)
    datos = _igual_con_y_sin_cache(caja_ga, repo, "zapopan")
    assert ("zapopan/nucleo.yaml", "GA003") in _codigos(datos)


# ------------------------------------------------------------- caché vieja, dañada o fabricada


def test_una_edicion_con_el_mismo_tamano_y_fecha_se_nota(caja_ga: CajaGa, repo: Path) -> None:
    plan = repo / "zapopan" / "plan.yaml"
    assert _json(caja_ga, repo, "zapopan")[0] == 0
    antes = plan.stat()
    _romper(plan)
    os.utime(plan, ns=(antes.st_atime_ns, antes.st_mtime_ns))  # como `cp -p` o `touch -d`
    assert _json(caja_ga, repo, "zapopan")[0] == 1


def test_una_configuracion_dentro_del_proceso_cuenta_en_la_cache(
    caja_ga: CajaGa, repo: Path
) -> None:
    _romper(repo / "zapopan" / "plan.yaml")
    assert _json(caja_ga, repo, ".")[0] == 1
    (repo / "zapopan" / ".caja-ga.yaml").write_text(
        "version: 1\nreglas:\n  GA302: desactivada\n  GA503: desactivada\n", encoding="utf-8"
    )
    assert _json(caja_ga, repo, ".") == _json(caja_ga, repo, ".", "--sin-cache")
    assert _json(caja_ga, repo, ".")[0] == 0


def test_una_cache_danada_se_ignora_y_se_rehace(caja_ga: CajaGa, repo: Path) -> None:
    _romper(repo / "zapopan" / "plan.yaml")
    esperado = _json(caja_ga, repo, "zapopan")
    archivo = repo / CACHE / "validar.marshal"
    datos = archivo.read_bytes()
    for danado in (datos[:-7], datos[:40] + b"\xff" * 30 + datos[70:], b""):
        archivo.write_bytes(danado)
        assert _json(caja_ga, repo, "zapopan") == esperado
    assert archivo.read_bytes()[32:] == datos[32:]  # se reescribió, con la misma firma


def test_una_entrada_danada_con_firma_valida_se_descarta(
    caja_ga: CajaGa, repo: Path, clave_aparte: Path
) -> None:
    """Aunque el sello sea bueno (un fallo, no un ataque), una entrada que no se entiende se
    valida de nuevo y se reescribe."""
    _romper(repo / "zapopan" / "plan.yaml")
    esperado = _json(caja_ga, repo, "zapopan")
    archivo = repo / CACHE / "validar.marshal"
    guardado = marshal.loads(archivo.read_bytes()[32:])
    for entrada in guardado["procesos"].values():
        entrada["problemas"] = [{"archivo": 3, "severidad": "grave"}]
    cuerpo = marshal.dumps(guardado)
    clave = (clave_aparte / "caja-ga" / "clave").read_bytes()
    archivo.write_bytes(hmac.new(clave, cuerpo, hashlib.sha256).digest() + cuerpo)
    assert _json(caja_ga, repo, "zapopan") == esperado
    assert _json(caja_ga, repo, "zapopan") == esperado


def test_una_cache_fabricada_no_cambia_el_codigo_de_salida(caja_ga: CajaGa, repo: Path) -> None:
    plan = repo / "zapopan" / "plan.yaml"
    _romper(plan)
    codigo, datos = _json(caja_ga, repo, "zapopan")
    assert codigo == 1
    archivo = repo / CACHE / "validar.marshal"
    guardado = marshal.loads(archivo.read_bytes()[32:])
    for entrada in guardado["procesos"].values():
        entrada["problemas"] = []  # lo que un atacante quisiera: cero errores
    cuerpo = marshal.dumps(guardado)
    ajena = hmac.new(b"otra clave" * 4, cuerpo, hashlib.sha256).digest()
    for fabricada in (ajena + cuerpo, cuerpo):
        archivo.write_bytes(fabricada)
        assert _json(caja_ga, repo, "zapopan") == (1, datos)


def test_la_cache_no_escribe_a_traves_de_enlaces(
    caja_ga: CajaGa, repo: Path, tmp_path: Path
) -> None:
    del tmp_path
    usuario = repo / "mis-notas.txt"
    usuario.write_text("no me borres\n", encoding="utf-8")
    (repo / CACHE).mkdir()
    (repo / CACHE / ".gitignore").symlink_to(usuario)
    assert _json(caja_ga, repo, "zapopan")[0] == 0
    assert usuario.read_text(encoding="utf-8") == "no me borres\n"
    assert (repo / CACHE / "validar.marshal").is_file()

    shutil.rmtree(repo / CACHE)
    destino = repo / "destino"
    destino.mkdir()
    (repo / CACHE).symlink_to(destino)
    assert _json(caja_ga, repo, "zapopan")[0] == 0
    assert list(destino.iterdir()) == []


# ------------------------------------------------------------- configuración


def test_una_configuracion_por_encima_del_repositorio_no_se_aplica(
    caja_ga: CajaGa, repo: Path
) -> None:
    _romper(repo / "zapopan" / "plan.yaml")
    (repo.parent / ".caja-ga.yaml").write_text(
        "version: 1\nreglas:\n  GA302: desactivada\n  GA503: desactivada\n", encoding="utf-8"
    )
    codigo, datos = _json(caja_ga, repo, "zapopan")
    assert codigo == 1
    assert datos["config"] is None
    texto = caja_ga("validar", "zapopan", *CORTE, cwd=repo).stdout
    assert texto.splitlines()[0] == (
        "Configuración: ninguna (.caja-ga.yaml no encontrada; valores por omisión)"
    )


def test_la_configuracion_no_depende_de_como_se_llama(caja_ga: CajaGa, repo: Path) -> None:
    _romper(repo / "zapopan" / "plan.yaml")
    (repo / "zapopan" / ".caja-ga.yaml").write_text(
        "version: 1\nreglas:\n  GA302: aviso\n", encoding="utf-8"
    )
    resultados = [
        _json(caja_ga, repo, ruta, "--sin-cache") for ruta in (".", "zapopan", "zapopan/plan.yaml")
    ]
    assert {codigo for codigo, _ in resultados} == {0}
    for _, datos in resultados:
        assert datos["config"] == "zapopan/.caja-ga.yaml"
        assert ("zapopan/plan.yaml", "GA302") in _codigos(datos)
    texto = caja_ga("validar", ".", *CORTE, cwd=repo).stdout
    assert texto.splitlines()[0] == "Configuración: zapopan/.caja-ga.yaml"


def test_excluirlo_todo_culpa_a_la_configuracion(caja_ga: CajaGa, repo: Path) -> None:
    (repo / ".caja-ga.yaml").write_text("version: 1\nexcluir: ['*']\n", encoding="utf-8")
    resultado = caja_ga("validar", ".", *CORTE, cwd=repo)
    assert resultado.returncode == 2
    assert "quedan excluidos por «excluir» en la configuración «.caja-ga.yaml»" in (
        resultado.stderr + resultado.stdout
    )


@pytest.mark.parametrize(
    ("umbrales", "salida"), [("max_meses_plan: 100000", 0), ("max_compromisos: true", 2)]
)
def test_umbrales_absurdos(caja_ga: CajaGa, repo: Path, umbrales: str, salida: int) -> None:
    (repo / ".caja-ga.yaml").write_text(f"version: 1\numbrales:\n  {umbrales}\n", encoding="utf-8")
    resultado = caja_ga("validar", "zapopan", *CORTE, cwd=repo)
    assert resultado.returncode == salida, resultado.stdout + resultado.stderr


# ------------------------------------------------------------- el motor


def test_por_archivo_un_yaml_roto_en_una_subcarpeta_se_lee(caja_ga: CajaGa, repo: Path) -> None:
    roto = repo / "zapopan" / "anexos" / "tabla.yaml"
    roto.parent.mkdir()
    roto.write_text("clave: [sin cerrar\n", encoding="utf-8")
    codigo, datos = _json(caja_ga, repo, "zapopan/anexos/tabla.yaml")
    assert codigo == 1
    assert _codigos(datos) == [("zapopan/anexos/tabla.yaml", "GA001")]


def test_una_sesion_con_extension_en_mayusculas_es_ga012(caja_ga: CajaGa, repo: Path) -> None:
    sesiones = repo / "zapopan" / "sesiones"
    (sesiones / "2025-10-20-ordinaria.yaml").rename(sesiones / "2025-10-20-ordinaria.YAML")
    _, datos = _json(caja_ga, repo, "zapopan")
    assert ("zapopan/sesiones/2025-10-20-ordinaria.YAML", "GA012") in _codigos(datos)
    _, por_archivo = _json(caja_ga, repo, "zapopan/sesiones/2025-10-20-ordinaria.YAML")
    assert _codigos(por_archivo) == [("zapopan/sesiones/2025-10-20-ordinaria.YAML", "GA012")]


def test_ignorar_no_quita_el_plan(caja_ga: CajaGa, repo: Path) -> None:
    plan = repo / "zapopan" / "plan.yaml"
    texto = plan.read_text(encoding="utf-8")
    inicio, resto = texto.split("compromisos:\n")
    seguimiento = resto[resto.index("seguimiento:") :]
    plan.write_text(
        f'{inicio}# caja-ga: ignorar GA006\ncompromisos: "x"\n{seguimiento}', encoding="utf-8"
    )
    resultado = caja_ga("validar", "zapopan", "--estricto", *CORTE, cwd=repo)
    assert resultado.returncode == 1
    assert "GA006" in resultado.stdout
    assert "un «ignorar» no silencia un error que deja sin leer lo que señala" in resultado.stdout


def test_rutas_superpuestas_cuentan_una_vez(caja_ga: CajaGa, repo: Path) -> None:
    _romper(repo / "zapopan" / "plan.yaml")
    _, una = _json(caja_ga, repo, "zapopan")
    _, dos = _json(caja_ga, repo, "zapopan", "zapopan/../zapopan", "zapopan/plan.yaml")
    assert dos == una


def test_una_regla_que_falla_da_un_error_en_su_proceso(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """El fallo queda en el proceso donde ocurrió, ubicado en su proceso.yaml; el otro proceso y
    las demás reglas del mismo se revisan completos."""
    from dataclasses import replace
    from datetime import date

    from caja_ga import reglas
    from caja_ga.problemas import Problema, Severidad
    from caja_ga.validacion import Opciones, validar

    for nombre in ("a", "b"):
        shutil.copytree(BASE, tmp_path / nombre)
    _romper(tmp_path / "a" / "plan.yaml")
    monkeypatch.chdir(tmp_path)
    registro = reglas.todas()

    def falla(ctx: reglas.Contexto) -> object:
        if ctx.vista.carpeta.nombre == "b":
            raise OverflowError("date value out of range")
        return iter(())

    monkeypatch.setitem(registro, "GA309", replace(registro["GA309"], revisar=falla))
    resultado = validar([tmp_path], Opciones(date(2026, 6, 30), cache=False))
    assert [
        (r.carpeta, [(p.archivo, p.codigo) for p in r.problemas]) for r in resultado.procesos
    ] == [
        ("a", [("a/agenda2030.yaml", "GA503"), ("a/plan.yaml", "GA302")]),
        ("b", [("b/proceso.yaml", "GA309")]),
    ]
    assert resultado.procesos[1].problemas[0] == Problema(
        "b/proceso.yaml",
        1,
        1,
        "GA309",
        Severidad.ERROR,
        "caja-ga no pudo aplicar la regla GA309 a este proceso (OverflowError: date value out "
        "of range); es un fallo de caja-ga, no de tus archivos: repórtalo. Las demás reglas sí "
        "se aplicaron.",
    )
