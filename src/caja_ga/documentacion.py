"""La documentación de las reglas, generada del registro: `caja-ga reglas` y la tabla del README.

`python -m caja_ga.documentacion README.md` rehace la tabla del README entre sus marcas.
"""

from __future__ import annotations

import sys
from pathlib import Path

from caja_ga.reglas import Regla, todas

INICIO_TABLA = "<!-- reglas:inicio (generado por python -m caja_ga.documentacion) -->"
FIN_TABLA = "<!-- reglas:fin -->"


def tabla_de_reglas(markdown: bool) -> str:
    reglas = todas().values()
    if markdown:
        filas = [f"| {r.codigo} | {r.severidad.value} | {r.nombre} | {r.resumen} |"
                 for r in reglas]
        return "\n".join(["| código | severidad | nombre | qué revisa |",
                          "|---|---|---|---|", *filas]) + "\n"
    ancho = max(len(r.nombre) for r in reglas)
    filas = [f"{r.codigo}  {r.severidad.value:<5}  {r.nombre:<{ancho}}  {r.resumen}"
             for r in reglas]
    pie = ("\nLas reglas marcadas «por fase» son error en archivos de fases cumplidas y aviso en "
           "la fase actual.\nDetalle y ejemplos: caja-ga reglas GA301\n")
    return "\n".join(filas) + "\n" + pie


def documentacion_de_regla(regla: Regla) -> str:
    por_fase = " (según la fase)" if regla.por_fase else ""
    encabezado = f"{regla.codigo} · {regla.nombre} · {regla.severidad.value}{por_fase}"
    cuerpo = "\n".join(linea.rstrip() for linea in regla.documentacion.strip().splitlines())
    return f"{encabezado}\n{'=' * len(encabezado)}\n\n{cuerpo}\n"


def actualizar_readme(readme: Path) -> bool:
    """Reescribe la tabla entre las marcas; devuelve si cambió algo."""
    texto = readme.read_text(encoding="utf-8")
    antes, resto = texto.split(INICIO_TABLA, 1)
    _, despues = resto.split(FIN_TABLA, 1)
    nuevo = f"{antes}{INICIO_TABLA}\n{tabla_de_reglas(markdown=True)}{FIN_TABLA}{despues}"
    if nuevo != texto:
        readme.write_text(nuevo, encoding="utf-8")
    return nuevo != texto


if __name__ == "__main__":
    actualizar_readme(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
