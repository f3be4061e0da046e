"""Falta un archivo que la fase actual del proceso exige.

Cada fase agrega archivos: `diagnostico.yaml` desde la fase `diagnostico`; `nucleo.yaml` y
`espacio.yaml` desde `instalacion`; las sesiones desde `dialogo`; `plan.yaml` y `agenda2030.yaml`
desde `plan`; los reportes de `seguimiento/` desde `implementacion`; `evaluacion.yaml` en
`evaluacion`. Las carpetas `sesiones/` y `seguimiento/` deben tener al menos un archivo cuando su
fase ya se cumplió. Un archivo que falta no tiene línea. `cocreacion.yaml` no se pide aquí: la
consulta con la que se cocreó el plan la pide GA316.

Incorrecto: `proceso.yaml` dice `fase: plan` y la carpeta no tiene `plan.yaml`.

Correcto: crear `plan.yaml` (por ejemplo con `caja-ga init`, que crea todos los archivos), o
corregir la fase:

    fase: dialogo
"""

from collections.abc import Iterator

from caja_ga.archivos import ruta_visible
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.proceso import ARCHIVOS, CARPETAS, FASE_DE_CLASE, OPCIONALES, indice_fase
from caja_ga.reglas import Contexto, Exigencia, regla


@regla("GA007", "archivo-faltante", Severidad.ERROR, Exigencia.SIEMPRE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    fase = ctx.carpeta.fase
    if fase is None:
        return
    actual = indice_fase(fase)
    for nombre, clase in ARCHIVOS.items():
        if nombre in OPCIONALES:
            continue
        if indice_fase(FASE_DE_CLASE[clase]) <= actual and clase not in ctx.carpeta.documentos:
            yield Hallazgo(
                f"Falta el archivo «{nombre}», que se necesita desde la fase "
                f"«{FASE_DE_CLASE[clase]}» (el proceso está en «{fase}»); créalo o corrige la "
                "fase en proceso.yaml.",
                archivo=ruta_visible(ctx.carpeta.carpeta / nombre),
            )
    for subcarpeta, clase in CARPETAS.items():
        documentos = ctx.carpeta.sesiones if clase == "sesion" else ctx.carpeta.seguimientos
        if indice_fase(FASE_DE_CLASE[clase]) < actual and not documentos:
            yield Hallazgo(
                f"La carpeta «{subcarpeta}/» no tiene ningún archivo y el proceso ya pasó la fase "
                f"«{FASE_DE_CLASE[clase]}»; agrega al menos uno (caja-ga nuevo).",
                archivo=ruta_visible(ctx.carpeta.carpeta / subcarpeta) + "/",
            )
