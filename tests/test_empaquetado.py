"""`pip install .` (no editable) lleva todo el código: cada paquete de src/ está en pyproject."""

from __future__ import annotations

import glob
import tomllib
from pathlib import Path

from tests.conftest import RAIZ


def test_cada_paquete_esta_declarado() -> None:
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))
    declarados = set(proyecto["tool"]["setuptools"]["packages"])
    fuentes = RAIZ / "src"
    reales = {".".join(p.parent.relative_to(fuentes).parts) for p in fuentes.rglob("__init__.py")}
    assert reales - declarados == set()


def test_las_plantillas_viajan_en_el_paquete() -> None:
    """Los patrones de package-data (que setuptools expande como glob recursivo, sin archivos
    ocultos en «*») cubren cada plantilla, también las de `caja-ga nuevo`."""
    setuptools = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    carpeta = RAIZ / setuptools["package-dir"]["caja_ga.plantillas"]
    incluidos = {
        Path(ruta).as_posix()
        for patron in setuptools["package-data"]["caja_ga.plantillas"]
        # glob.glob, como setuptools: Path.glob también toma los ocultos con «*».
        for ruta in glob.glob(patron, root_dir=carpeta, recursive=True)  # noqa: PTH207
        if (carpeta / ruta).is_file()
    }
    reales = {
        ruta.relative_to(carpeta).as_posix()
        for ruta in carpeta.rglob("*")
        if ruta.is_file() and "__pycache__" not in ruta.parts
    }
    assert reales - incluidos == set()
    assert {ruta for ruta in incluidos if ruta.startswith("nuevo/")} == {
        "nuevo/compromiso.yaml.jinja",
        "nuevo/modificacion.yaml.jinja",
        "nuevo/seguimiento.yaml.jinja",
        "nuevo/sesion.yaml.jinja",
    }
