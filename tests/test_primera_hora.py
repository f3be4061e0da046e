"""La primera hora con la línea de comandos, por el comando instalado: `nuevo` y `validar` dentro
de un proceso, `init` que no mezcla municipios y escribe solo en DESTINO, sugerencias ante un
nombre mal escrito y la caché junto a lo validado."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import BASE, CajaGa

CORTE = ("--fecha-corte", "2026-06-30")
ZAPOPAN = ("--municipio", "14120", "--periodo", "2024-2027", "--sin-preguntas")


@pytest.fixture(autouse=True)
def clave_aparte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """La clave de la caché, fuera de las carpetas que se revisan (la hereda el comando)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usuario"))


def _archivos(carpeta: Path) -> dict[str, bytes]:
    return {
        p.relative_to(carpeta).as_posix(): p.read_bytes()
        for p in sorted(carpeta.rglob("*"))
        if p.is_file() and "usuario" not in p.relative_to(carpeta).parts
    }


def _proceso(destino: Path) -> Path:
    shutil.copytree(BASE, destino)
    return destino


def _problemas(salida: str) -> list[tuple[str, str]]:
    return [(p["archivo"], p["codigo"]) for p in json.loads(salida)["problemas"]]


# --- nuevo y validar toman el proceso que contiene la carpeta actual -----------------------


def test_nuevo_sesion_sin_carpeta_dentro_de_sesiones(caja_ga: CajaGa, tmp_path: Path) -> None:
    proceso = _proceso(tmp_path / "mi-proceso")
    resultado = caja_ga("nuevo", "sesion", "--fecha", "2026-05-14", cwd=proceso / "sesiones")
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.splitlines()[0] == "Escrito: 2026-05-14-ordinaria.yaml"
    assert (proceso / "sesiones" / "2026-05-14-ordinaria.yaml").is_file()
    assert not (proceso / "sesiones" / "sesiones").exists()


def test_nuevo_compromiso_sin_carpeta_en_el_proceso(caja_ga: CajaGa, tmp_path: Path) -> None:
    proceso = _proceso(tmp_path / "mi-proceso")
    resultado = caja_ga("nuevo", "compromiso", "--titulo", "Compras abiertas", cwd=proceso)
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.splitlines()[0] == "Escrito: plan.yaml (compromiso «c2», línea 63)"
    assert "Compras abiertas" in (proceso / "plan.yaml").read_text(encoding="utf-8")


def test_nuevo_fuera_de_todo_proceso_es_error_de_uso(caja_ga: CajaGa, tmp_path: Path) -> None:
    antes = _archivos(tmp_path)
    resultado = caja_ga("nuevo", "seguimiento", *CORTE, cwd=tmp_path)
    assert resultado.returncode == 2
    assert "no es una carpeta de proceso ni está dentro de una" in resultado.stderr
    assert _archivos(tmp_path) == antes


def test_validar_sin_rutas_dentro_del_proceso(caja_ga: CajaGa, tmp_path: Path) -> None:
    proceso = _proceso(tmp_path / "mi-proceso")
    plan = proceso / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "otra: [\n", encoding="utf-8")
    desde_arriba = caja_ga("validar", "mi-proceso", "-f", "json", *CORTE, cwd=tmp_path)
    desde_dentro = caja_ga("validar", "-f", "json", *CORTE, cwd=proceso / "sesiones")
    assert desde_arriba.returncode == desde_dentro.returncode == 1
    arriba = _problemas(desde_arriba.stdout)
    assert ("mi-proceso/plan.yaml", "GA001") in arriba
    # Los mismos problemas, con rutas relativas a la carpeta actual.
    assert _problemas(desde_dentro.stdout) == [
        (archivo.replace("mi-proceso/", "../", 1), codigo) for archivo, codigo in arriba
    ]
    assert json.loads(desde_dentro.stdout)["resumen"]["procesos"] == 1


# --- init ----------------------------------------------------------------------------------


def test_init_se_niega_ante_el_proceso_de_otro_municipio(caja_ga: CajaGa, tmp_path: Path) -> None:
    assert caja_ga("init", "mio", *ZAPOPAN, cwd=tmp_path).returncode == 0
    antes = _archivos(tmp_path)
    for extra in ((), ("--forzar",)):
        otro = caja_ga(
            "init", "mio", "--municipio", "20067", "--periodo", "2024-2027", "--sin-preguntas",
            *extra, cwd=tmp_path,
        )  # fmt: skip
        assert otro.returncode == 2, otro.stdout
        assert otro.stderr.strip() == (
            "Error: «mio» ya tiene el proceso de otro municipio (Zapopan, clave 14120) en "
            "mio/proceso.yaml; no se escribió nada. Elige otra carpeta para Oaxaca de Juárez, "
            "Oaxaca (20067)."
        )
        assert otro.stdout == ""
        assert _archivos(tmp_path) == antes
    # El mismo municipio sí: completa lo que falte sin tocar lo demás.
    (tmp_path / "mio" / "plan.yaml").unlink()
    mismo = caja_ga("init", "mio", *ZAPOPAN, cwd=tmp_path)
    assert mismo.returncode == 0, mismo.stderr
    assert "  creado  mio/plan.yaml" in mismo.stdout
    assert _archivos(tmp_path) == antes


def test_init_repositorio_escribe_solo_en_destino(caja_ga: CajaGa, tmp_path: Path) -> None:
    actual, otra = tmp_path / "actual", tmp_path / "otra"
    actual.mkdir()
    otra.mkdir()
    en_actual = caja_ga("init", "--repositorio", *ZAPOPAN, cwd=actual)
    en_destino = caja_ga("init", "repo", "--repositorio", *ZAPOPAN, cwd=otra)
    assert en_actual.returncode == en_destino.returncode == 0, en_destino.stderr
    assert sorted(p.name for p in otra.iterdir()) == ["repo"]
    assert _archivos(otra / "repo") == _archivos(actual)
    assert {"README.md", ".gitignore", ".github/workflows/caja-ga.yml"} <= set(_archivos(actual))
    assert "jalisco/zapopan/2024-2027/proceso.yaml" in _archivos(actual)
    assert "en repo/jalisco/zapopan/2024-2027/\n" in en_destino.stdout
    assert "  creado  repo/README.md\n" in en_destino.stdout
    assert "Valida: caja-ga validar repo/jalisco/zapopan/2024-2027" in en_destino.stdout
    valido = caja_ga("validar", "repo", *CORTE, cwd=otra)
    assert valido.returncode == 0, valido.stdout


@pytest.mark.parametrize(
    ("escrito", "sugerido"),
    [
        ("Tlaquepake", "San Pedro Tlaquepaque (Jalisco, 14098)"),
        ("zapopam", "Zapopan (Jalisco, 14120)"),
        ("Oaxaca de Juares", "Oaxaca de Juárez (Oaxaca, 20067)"),
    ],
)
def test_municipio_mal_escrito_sugiere_el_cercano(
    caja_ga: CajaGa, tmp_path: Path, escrito: str, sugerido: str
) -> None:
    resultado = caja_ga(
        "init", "--municipio", escrito, "--periodo", "2024-2027", "--sin-preguntas", cwd=tmp_path
    )
    assert resultado.returncode == 2
    assert resultado.stderr.strip() == (
        f"Error: No encontré ningún municipio llamado «{escrito}». ¿Quisiste decir {sugerido}? "
        "Revisa el nombre o usa su clave INEGI de 5 dígitos (por ejemplo 14120)."
    )
    assert _archivos(tmp_path) == {}


def test_municipio_sin_parecido_no_sugiere(caja_ga: CajaGa, tmp_path: Path) -> None:
    resultado = caja_ga("init", "--municipio", "xyzzy", "--periodo", "2024-2027", cwd=tmp_path)
    assert resultado.returncode == 2
    assert "Quisiste" not in resultado.stderr


# --- reglas --------------------------------------------------------------------------------


def test_reglas_acepta_codigo_numero_o_nombre(caja_ga: CajaGa) -> None:
    esperado = caja_ga("reglas", "GA401")
    assert esperado.returncode == 0
    assert esperado.stdout.startswith("GA401 · avance-incoherente · error\n")
    for texto in ("ga401", "401", " avance-incoherente "):
        resultado = caja_ga("reglas", texto)
        assert (resultado.returncode, resultado.stdout) == (0, esperado.stdout), texto
    assert caja_ga("reglas", "6").stdout == caja_ga("reglas", "GA006").stdout


def test_reglas_nombre_desconocido_sugiere_el_cercano(caja_ga: CajaGa) -> None:
    resultado = caja_ga("reglas", "avance-incoherent")
    assert resultado.returncode == 2
    assert resultado.stderr.strip() == (
        "Error: No existe la regla «avance-incoherent». ¿Quisiste decir GA401 "
        "(avance-incoherente) o GA407 (avance-disminuye)? La lista completa sale con «caja-ga "
        "reglas»."
    )
    codigo = caja_ga("reglas", "GA999")
    assert codigo.returncode == 2
    assert codigo.stderr.strip() == (
        "Error: No existe la regla «GA999». La lista completa sale con «caja-ga reglas»."
    )


# --- la caché ------------------------------------------------------------------------------


def test_la_cache_vive_en_la_raiz_git(caja_ga: CajaGa, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _proceso(repo / "jalisco" / "zapopan")
    (repo / ".git").mkdir()
    fuera = tmp_path / "fuera"
    fuera.mkdir()
    sin = caja_ga("validar", "../repo/jalisco", "-f", "json", *CORTE, "--sin-cache", cwd=fuera)
    con = caja_ga("validar", "../repo/jalisco", "-f", "json", *CORTE, cwd=fuera)
    otra_vez = caja_ga("validar", "../repo/jalisco", "-f", "json", *CORTE, cwd=fuera)
    assert sin.stdout == con.stdout == otra_vez.stdout
    assert list(fuera.iterdir()) == []
    assert sorted(p.name for p in (repo / ".caja-ga-cache").iterdir()) == [
        ".gitignore",
        "validar.marshal",
    ]
    assert (repo / ".caja-ga-cache" / ".gitignore").read_bytes() == b"*\n"
    assert not (repo / "jalisco" / ".caja-ga-cache").exists()


def test_fuera_de_git_la_cache_vive_en_el_proceso(caja_ga: CajaGa, tmp_path: Path) -> None:
    proceso = _proceso(tmp_path / "procesos" / "zapopan")
    resultado = caja_ga("validar", "procesos", *CORTE, cwd=tmp_path)
    assert resultado.returncode == 0, resultado.stdout
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob(".caja-ga-cache")) == [
        Path("procesos/zapopan/.caja-ga-cache")
    ]
    assert (proceso / ".caja-ga-cache" / "validar.marshal").is_file()
