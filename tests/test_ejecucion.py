"""El descubrimiento y el ejecutor que comparten `validar` y `reporte`, y lo que pasa cuando
caja-ga mismo falla."""

from __future__ import annotations

import gc
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caja_ga import validacion
from caja_ga.cli import app
from caja_ga.config import Config
from caja_ga.ejecucion import ArchivoSuelto, Descubrimiento, Opciones, Tarea, descubrir
from caja_ga.reporte import publicar
from tests.conftest import BASE, EJEMPLOS, FECHA_EJEMPLOS

CORTE = date.fromisoformat(FECHA_EJEMPLOS)
runner = CliRunner()


def _archivos(carpeta: Path) -> dict[str, bytes]:
    return {
        ruta.relative_to(carpeta).as_posix(): ruta.read_bytes()
        for ruta in sorted(carpeta.rglob("*"))
        if ruta.is_file()
    }


def test_validar_con_dos_procesos_da_lo_mismo_que_en_serie() -> None:
    serie = validacion.validar([EJEMPLOS], validacion.Opciones(CORTE, jobs=1, cache=False))
    paralelo = validacion.validar([EJEMPLOS], validacion.Opciones(CORTE, jobs=2, cache=False))
    assert len(serie.procesos) > 2
    assert serie.problemas
    assert paralelo == serie


@pytest.mark.parametrize("jobs", [1, 2])
def test_validar_deja_el_recolector_como_estaba(jobs: int) -> None:
    """Validar espacia las pasadas del recolector de ciclos y congela lo importado; al terminar
    (también en paralelo), quien llama a `validar` lo recupera tal cual."""
    antes = gc.get_threshold()
    resultado = validacion.validar([EJEMPLOS], validacion.Opciones(CORTE, jobs=jobs, cache=False))
    assert len(resultado.procesos) > 2
    assert gc.get_threshold() == antes
    assert gc.get_freeze_count() == 0


def test_reporte_con_dos_procesos_da_lo_mismo_que_en_serie(tmp_path: Path) -> None:
    hechos = {}
    for jobs in (1, 2):
        opciones = publicar.Opciones(CORTE, jobs=jobs, forzar=True)
        publicacion = publicar.publicar([EJEMPLOS], tmp_path / str(jobs), opciones)
        problemas = [(p.relativa, p.visible, p.problemas) for p in publicacion.procesos]
        hechos[jobs] = (problemas, _archivos(tmp_path / str(jobs)))
    assert len(hechos[1][0]) > 2
    assert hechos[2] == hechos[1]


def test_descubrir_devuelve_procesos_y_archivos_sueltos_sin_tocar_nada(
    proceso: Path, tmp_path: Path
) -> None:
    suelto = tmp_path / "suelto.yaml"
    suelto.write_text("version: 1\n", encoding="utf-8")
    antes = _archivos(tmp_path)
    rutas = [Path("zapopan"), Path("suelto.yaml")]

    descubierto = descubrir(rutas, Opciones(CORTE))

    config = Config(raiz=tmp_path)
    assert descubierto == Descubrimiento(
        tareas=[Tarea(Path("zapopan"), Path("zapopan"), config, CORTE)],
        sueltos=[ArchivoSuelto(Path("suelto.yaml"), config)],
    )
    assert descubrir(rutas, Opciones(CORTE)) == descubierto
    assert _archivos(tmp_path) == antes


def test_descubrir_junta_los_archivos_de_un_mismo_proceso(proceso: Path) -> None:
    plan, espacio = Path("zapopan/plan.yaml"), Path("zapopan/espacio.yaml")
    descubierto = descubrir([plan, espacio], Opciones(CORTE))
    assert descubierto == Descubrimiento(
        tareas=[
            Tarea(
                proceso.resolve(),
                plan,
                Config(raiz=proceso.parent),
                CORTE,
                frozenset({plan.resolve(), espacio.resolve()}),
            )
        ],
        sueltos=[],
    )
    # La carpeta entera, pedida junto con uno de sus archivos, se valida completa.
    (completa,) = descubrir([plan, Path("zapopan")], Opciones(CORTE)).tareas
    assert completa.solo is None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_un_fallo_interno_sale_con_3_y_deja_la_traza_en_un_archivo(
    proceso: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    # Con tres procesos, --jobs 2 usa el grupo (el primero se valida antes de repartir).
    for otro in ("otro", "otro-mas"):
        shutil.copytree(BASE, tmp_path / otro)
    temporal = tmp_path / "temporal"
    temporal.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporal))
    antes = _archivos(proceso)

    def fallar(*_: object) -> None:
        raise RuntimeError("prueba de fallo")

    monkeypatch.setattr(validacion, "validar_carpeta", fallar)
    resultado = runner.invoke(app, ["validar", ".", "--sin-cache", "--jobs", jobs])

    assert resultado.exit_code == 3
    encontrado = re.fullmatch(
        r"Error interno de caja-ga \(RuntimeError: prueba de fallo\)\. Es un fallo de caja-ga, "
        r"no de tus archivos, que no se modificaron\. Los detalles quedaron en (\S+); por favor "
        r"repórtalo con el comando que usaste y ese archivo\.\n",
        resultado.output,
    )
    assert encontrado is not None, resultado.output
    assert "Traceback" not in resultado.output
    traza = Path(encontrado[1])
    assert traza.parent == temporal
    assert re.fullmatch(r"caja-ga-error-\d{8}-\d{6}-\d+-\w+\.txt", traza.name)
    contenido = traza.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in contenido
    assert "in fallar" in contenido
    assert contenido.rstrip().endswith("RuntimeError: prueba de fallo")
    assert _archivos(proceso) == antes
