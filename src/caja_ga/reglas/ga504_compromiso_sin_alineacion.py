"""Un compromiso no está alineado a ningún ODS o no se vincula con el Plan Municipal de Desarrollo.

La recomendación O9 pide medir los compromisos con referencias a la Agenda 2030 y a los objetivos
del Plan Municipal de Desarrollo (PMD). Para eso cada compromiso necesita sus metas ODS (`ods`,
con códigos como "16.6") y su vínculo con el PMD (`pmd`: eje, objetivo o línea de acción).

Incorrecto:

    - id: c1
      titulo: Obra pública abierta
      ods: []

Correcto:

    - id: c1
      titulo: Obra pública abierta
      ods: ["16.6", "11.3"]
      pmd:
        - eje: Gobierno abierto
          objetivo: Transparentar el gasto
          linea_accion: "1.2.3"
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._compromisos import compromisos
from caja_ga.senales_agenda2030 import faltantes_alineacion

_QUE_FALTA = {
    "ods": (
        "no está alineado a ningún ODS",
        'agrega en «ods» las metas que atiende, entre comillas (por ejemplo "16.6")',
    ),
    "pmd": (
        "no se vincula con el Plan Municipal de Desarrollo",
        "agrega en «pmd» el eje, el objetivo o la línea de acción que atiende",
    ),
}


@regla("GA504", "compromiso-sin-alineacion", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso in compromisos(ctx):
        for campo in faltantes_alineacion(compromiso):
            problema, arreglo = _QUE_FALTA[campo]
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» {problema}; {arreglo} "
                "(recomendación O9 de la Agenda 2030).",
                doc,
                (*ruta, campo),
                en_clave=True,
            )
