"""Los datos del proceso contradicen una recomendación O1–O9 declarada como cumplida (`si`).

La lista O1–O9 se publica; una declaración que los propios archivos desmienten le resta
credibilidad. Seis recomendaciones se pueden comprobar con los datos (criterios en
`senales_agenda2030.py`, los mismos que muestra el reporte): O2 (grupos en situación de
vulnerabilidad con nombre en el Núcleo o en el público de las sesiones; `otros` solo no basta), O5
(un compromiso con ODS de más de una dimensión, según la agrupación publicada que elige
`.caja-ga.yaml` en `agenda2030.agrupacion`), O6 (todos los compromisos con un corresponsable de la
sociedad civil y alguno con `innovacion`), O7 (toda actividad con responsables y fechas), O8 (una
vinculación con el OSI con evidencia: la sesión del Espacio en que se acordó o el documento
publicado) y O9 (metas con indicador, compromisos con ODS y PMD). El mensaje dice por qué los
datos no la respaldan.

Incorrecto (algún compromiso no tiene corresponsables de la sociedad civil):

    recomendaciones:
      - id: O6
        cumple: si
        evidencia: Los compromisos se cocrearon.

Correcto (o agregar en plan.yaml los corresponsables de la sociedad civil):

    recomendaciones:
      - id: O6
        cumple: parcial
        evidencia: Se cocrearon en mesas abiertas, pero ninguna organización es corresponsable.
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA503", "agenda2030-contradicha", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    agenda = ctx.carpeta.agenda2030
    if agenda is None:
        return
    doc = ctx.carpeta.documentos["agenda2030"]
    senales = ctx.vista.senales
    for i, recomendacion in enumerate(agenda.recomendaciones):
        senal = senales.get(recomendacion.id)
        if recomendacion.cumple == "si" and senal is not None and not senal.respaldada:
            yield Hallazgo(
                f"La recomendación «{recomendacion.id}» dice «si», pero "
                f"{senal.razon}; completa esos datos o cambia «cumple» a «parcial» "
                "o «no» y explícalo en «evidencia».",
                doc,
                ("recomendaciones", i, "cumple"),
            )
