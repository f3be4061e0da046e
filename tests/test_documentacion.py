"""La documentación sale del código: el README y `caja-ga reglas` no pueden desactualizarse."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from caja_ga.documentacion import actualizar_readme
from caja_ga.reglas import todas
from tests.conftest import RAIZ


def test_tabla_de_reglas_del_readme_al_dia(tmp_path: Path) -> None:
    copia = tmp_path / "README.md"
    shutil.copyfile(RAIZ / "README.md", copia)
    cambio = actualizar_readme(copia)
    assert not cambio, "La tabla de reglas del README está desactualizada: ejecuta " \
        "«python -m caja_ga.documentacion README.md»."


def test_cada_regla_documentada_con_ejemplos() -> None:
    for regla in todas().values():
        assert regla.resumen.endswith((".", ")")), regla.codigo
        assert "Incorrecto" in regla.documentacion, regla.codigo
        assert "Correcto" in regla.documentacion, regla.codigo


def test_codigos_y_nombres_estables() -> None:
    reglas = todas()
    assert all(re.fullmatch(r"GA[0-5]\d\d", codigo) for codigo in reglas)
    nombres = [r.nombre for r in reglas.values()]
    assert len(nombres) == len(set(nombres))
    catalogo_minimo = {"GA001", "GA002", "GA003", "GA004", "GA005", "GA006", "GA007", "GA008",
                       "GA009", "GA010", "GA011", "GA101", "GA102", "GA103", "GA110", "GA111",
                       "GA201", "GA202", "GA203", "GA204", "GA205", "GA206", "GA207", "GA208",
                       "GA301", "GA302", "GA303", "GA304", "GA305", "GA306", "GA307", "GA308",
                       "GA309", "GA310", "GA401", "GA402", "GA403", "GA404", "GA405", "GA501",
                       "GA502", "GA503", "GA504"}
    assert catalogo_minimo <= set(reglas)
