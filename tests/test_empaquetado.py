"""`pip install .` (no editable) lleva todo el código: cada paquete de src/ está en pyproject."""

from __future__ import annotations

import tomllib

from tests.conftest import RAIZ


def test_cada_paquete_esta_declarado() -> None:
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))
    declarados = set(proyecto["tool"]["setuptools"]["packages"])
    fuentes = RAIZ / "src"
    reales = {".".join(p.parent.relative_to(fuentes).parts) for p in fuentes.rglob("__init__.py")}
    assert reales - declarados == set()
