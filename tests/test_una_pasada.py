"""Una pasada: un valor mal escrito se señala y el resto del archivo se sigue revisando; lo que le
falta a un objeto se dice en un solo problema."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CajaGa

CORTE = ("--fecha-corte", "2026-06-30")
REALISTA = Path(__file__).parent / "datos" / "plan-realista"


def _cambiar(archivo: Path, *cambios: tuple[str, str]) -> None:
    texto = archivo.read_text(encoding="utf-8")
    for viejo, nuevo in cambios:
        assert viejo in texto, viejo
        texto = texto.replace(viejo, nuevo)
    archivo.write_text(texto, encoding="utf-8")


def test_tipo_referencia_y_fecha_en_una_sola_corrida(proceso: Path, caja_ga: CajaGa) -> None:
    _cambiar(
        proceso / "plan.yaml",
        ("presupuesto_mxn: 500000", "presupuesto_mxn: mucho dinero"),
        ("aprobado_en: 2025-04-30-plan", "aprobado_en: 2025-04-30-plam"),
        (
            "fin: 2027-03-31\n        responsables: [Dirección de Innovación]",
            "fin: 2027-12-31\n        responsables: [Dirección de Innovación]",
        ),
    )
    resultado = caja_ga("validar", "zapopan", *CORTE, cwd=proceso.parent)
    assert resultado.returncode == 1
    assert resultado.stdout == (
        "Configuración: ninguna (.caja-ga.yaml no encontrada; valores por omisión)\n"
        "\n"
        "Proceso zapopan (fase actual: implementacion)\n"
        "  plan.yaml (3 errores)\n"
        "     5:14  error  GA009  «2025-04-30-plam» no corresponde a ninguna sesión de la "
        "carpeta sesiones/; ¿quisiste decir «2025-04-30-plan»?\n"
        "    41:14  error  GA303  La actividad «c1-a2» termina el «2027-12-31», después del "
        "fin del plan («2027-04-30»); corrige la fecha o el «periodo» del plan.\n"
        "    57:22  error  GA006  En «presupuesto_mxn», «mucho dinero» no es una cantidad: escribe "
        "un número, como 40, 40%, $350,000 o 350000 pesos.\n"
        "\n"
        "Reglas (ejemplos y cómo corregir: caja-ga reglas CÓDIGO, o docs/reglas.md)\n"
        "  GA006  tipo-o-valor           GA009  referencia-rota        "
        "GA303  fecha-fuera-del-plan\n"
        "\n"
        "1 proceso, 12 archivos: 3 errores, 0 avisos.\n"
    )


def _problemas(caja_ga: CajaGa, carpeta: Path, *opciones: str) -> list[str]:
    resultado = caja_ga(
        "validar", carpeta.name, "--formato", "json", "--sin-cache", *opciones, cwd=carpeta.parent
    )
    return [
        f"{p['archivo'].split('/', 1)[1]}:{p['linea']}:{p['columna']} {p['codigo']} {p['mensaje']}"
        for p in json.loads(resultado.stdout)["problemas"]
    ]


def test_lo_mal_escrito_no_falta_ni_rompe_referencias(proceso: Path, caja_ga: CajaGa) -> None:
    """Una fecha ilegible no «falta» (GA302 calla); una clave mal escrita se lee como la que quiso
    decir, así que sus actividades existen para los reportes de avance (sin GA009); un elemento
    sin id legible se quita, y los demás se siguen ubicando en su línea."""
    _cambiar(
        proceso / "plan.yaml",
        ("        inicio: 2025-09-01\n", "        inicio: el lunes\n"),
        ("    actividades:\n", "    actividdes:\n"),
        (
            "    metas:\n      - id: c1-m1\n",
            "    metas:\n      - solo un texto\n      - id: c1-m1\n",
        ),
        ("fecha_meta: 2027-03-31", "fecha_meta: 2028-03-31"),
    )
    assert _problemas(caja_ga, proceso, *CORTE) == [
        "plan.yaml:20:9 GA006 «metas» debe contener campos de la forma «clave: valor», no "
        "«solo un texto».",
        "plan.yaml:28:23 GA303 La meta «c1-m1» debe cumplirse el «2028-03-31», después del fin "
        "del plan («2027-04-30»); corrige la fecha o el «periodo» del plan.",
        "plan.yaml:30:5 GA004 La clave «actividdes» no existe en «compromisos»; ¿quisiste decir "
        "«actividades»?",
        "plan.yaml:41:17 GA006 En «inicio», «el lunes» no es una fecha válida: escríbela como "
        "AAAA-MM-DD, por ejemplo 2025-03-14.",
    ]


def test_un_problema_por_objeto_incompleto(caja_ga: CajaGa) -> None:
    """Tres actividades vacías son tres problemas; un compromiso sin responsables, uno (GA301),
    sin el GA308 de la misma falta."""
    esperado = (REALISTA.parent / "plan-realista.esperado.txt").read_text(encoding="utf-8")
    assert _problemas(caja_ga, REALISTA, "--fecha-corte", "2025-12-01") == esperado.splitlines()


def test_texto_de_un_plan_con_huecos(caja_ga: CajaGa) -> None:
    """La salida de texto entera: cada archivo una vez, con sus cuentas, y la nota de fase una sola
    vez por archivo para las reglas a las que se aplica."""
    resultado = caja_ga(
        "validar", REALISTA.name, "--sin-cache", "--fecha-corte", "2025-12-01", cwd=REALISTA.parent
    )
    esperado = (REALISTA.parent / "plan-realista.texto.txt").read_text(encoding="utf-8")
    assert resultado.returncode == 0
    assert resultado.stdout == esperado
