"""La primera hora de una persona enlace, con caja-ga instalado desde su rueda en un entorno limpio.

init → archivos con tropiezos típicos → validar (cada error de sintaxis en la línea que hay que
corregir) → corregir → nuevo → validar → reporte. Todo lo que imprime cada paso está en español.
Hace falta el índice de paquetes para las dependencias, como a cualquier usuario.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import correr_caja_ga
from tests.test_idioma import sin_ingles
from tests.test_sintaxis import CORPUS

TROPIEZOS = {
    # archivo del proceso: (texto que se reemplaza, con el tropiezo, línea que se corrige)
    "plan.yaml": ("periodo:", "periodo:\n\tinicio: 2025-01-01", None),
    "espacio.yaml": ("instalacion:", "instalacion:\n  fecha:2025-01-01", None),
    "diagnostico.yaml": ("elaborado_por:", 'elaborado_por: "Unidad de Transparencia', None),
}


@pytest.fixture(scope="module")
def caja_ga_de_rueda(rueda: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    entorno = tmp_path_factory.mktemp("entorno")
    subprocess.run([sys.executable, "-m", "venv", str(entorno)], check=True, timeout=300)
    subprocess.run(
        [str(entorno / "bin" / "pip"), "install", "--quiet", str(rueda)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return entorno / "bin" / "caja-ga"


def _correr(comando: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    resultado = correr_caja_ga(*args, cwd=cwd, comando=comando)
    sin_ingles(resultado.stdout + resultado.stderr)
    return resultado


def _meter_tropiezo(archivo: Path, antes: str, despues: str) -> int:
    """Reemplaza la primera línea que empieza con `antes`; devuelve su número (base 1)."""
    lineas = archivo.read_text(encoding="utf-8").split("\n")
    numero = next(i for i, linea in enumerate(lineas) if linea.startswith(antes))
    lineas[numero] = despues
    archivo.write_text("\n".join(lineas), encoding="utf-8")
    return numero + 1


def test_la_primera_hora(caja_ga_de_rueda: Path, tmp_path: Path) -> None:
    caja = caja_ga_de_rueda
    creado = _correr(
        caja, "init", "--municipio", "Zapopan", "--periodo", "2024-2027", "--sin-preguntas",
        cwd=tmp_path,
    )  # fmt: skip
    assert creado.returncode == 0, creado.stderr
    proceso = tmp_path / "zapopan-2024-2027"
    assert _correr(caja, "validar", proceso.name, cwd=tmp_path).returncode == 0

    originales = {n: (proceso / n).read_text(encoding="utf-8") for n in TROPIEZOS}
    esperadas: dict[str, int] = {}
    for nombre, (antes, despues, _) in TROPIEZOS.items():
        linea = _meter_tropiezo(proceso / nombre, antes, despues)
        # El tropiezo de plan.yaml (tabulador) está en la línea siguiente a «periodo:»; los
        # demás, en la línea misma.
        esperadas[f"{proceso.name}/{nombre}"] = linea + 1 if "\n" in despues else linea
    revisado = _correr(caja, "validar", proceso.name, "-f", "json", cwd=tmp_path)
    assert revisado.returncode == 1
    problemas = json.loads(revisado.stdout)["problemas"]
    sintaxis = {p["archivo"]: p["linea"] for p in problemas if p["codigo"] == "GA001"}
    assert sintaxis == esperadas
    texto = _correr(caja, "validar", proceso.name, cwd=tmp_path)
    assert "Falta un espacio después de «fecha:»" in texto.stdout
    assert "¿Falta cerrar la comilla" in texto.stdout

    for nombre, original in originales.items():
        (proceso / nombre).write_text(original, encoding="utf-8")
    sesion = _correr(caja, "nuevo", "sesion", proceso.name, "--fecha", "2025-03-10", cwd=tmp_path)
    assert sesion.returncode == 0, sesion.stderr
    assert _correr(caja, "validar", proceso.name, cwd=tmp_path).returncode == 0
    publicado = _correr(caja, "reporte", proceso.name, "--salida", "sitio", cwd=tmp_path)
    assert publicado.returncode == 0, publicado.stderr
    pagina = (tmp_path / "sitio" / proceso.name / "index.html").read_text(encoding="utf-8")
    assert "Gobierno abierto en Zapopan, Jalisco" in pagina


def test_el_corpus_de_tropiezos_es_el_de_la_sintaxis() -> None:
    """Los tropiezos de la primera hora son casos conocidos del corpus de sintaxis."""
    assert {
        "tabulador-en-la-sangria",
        "sin-espacio-tras-dos-puntos",
        "comilla-doble-sin-cerrar",
    } <= set(CORPUS)
