"""El diagnóstico no registra personal asignado o presupuesto para el ejercicio.

La revisión previa incluye las capacidades del municipio: quién llevará el ejercicio de gobierno
abierto, cuántas horas y con qué recursos. Sin personal ni presupuesto asignados los compromisos
dependen de la buena voluntad y suelen quedarse sin cumplir; anotarlo deja a la vista qué falta
gestionar. Se avisa por cada dato que falta o vale cero (todo el apartado `capacidades`, si no
está).

Incorrecto:

    capacidades:
      personal_asignado: 0
      area_responsable: Dirección de Transparencia

Correcto:

    capacidades:
      personal_asignado: 3
      horas_semana: 20
      presupuesto_mxn: 150000
      area_responsable: Dirección de Transparencia
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla


@regla("GA111", "sin-personal-ni-presupuesto", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    diagnostico = ctx.carpeta.diagnostico
    if diagnostico is None:
        return
    doc = ctx.carpeta.documentos["diagnostico"]
    capacidades = diagnostico.capacidades
    if capacidades is None:
        yield Hallazgo(
            "El diagnóstico no registra las capacidades del municipio; agrega «capacidades» con "
            "«personal_asignado», «horas_semana», «presupuesto_mxn» y «area_responsable».",
            doc,
            ("capacidades",),
        )
        return
    if not capacidades.personal_asignado:
        yield Hallazgo(
            "El diagnóstico no registra personal asignado al ejercicio; anota en "
            "«personal_asignado» cuántas personas lo atenderán.",
            doc,
            ("capacidades", "personal_asignado"),
        )
    if not capacidades.presupuesto_mxn:
        yield Hallazgo(
            "El diagnóstico no registra presupuesto para el ejercicio; anota en "
            "«presupuesto_mxn» los pesos asignados.",
            doc,
            ("capacidades", "presupuesto_mxn"),
        )
