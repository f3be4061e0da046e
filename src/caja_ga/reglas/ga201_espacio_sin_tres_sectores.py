"""Al Espacio de Diálogo Tripartita le falta un sector, o un sector tiene dos titulares.

El EDT es tripartito: el gobierno municipal, la autoridad garante local y la sociedad civil (la
persona que representa al Núcleo) participan como pares, con una persona titular por sector y, si
acaso, su suplente. Sin uno de los tres sectores deja de ser tripartito; con dos titulares de un
sector, ese sector pesa más que los otros. Se miran quienes están en funciones a la fecha de
corte (`desde` y `hasta`); un Espacio sin integrantes todavía no se revisa.

Incorrecto (no hay nadie de la autoridad garante):

    integrantes:
      - id: gob-1
        sector: gobierno_municipal
        nombre: Laura Méndez Ríos
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil

Correcto:

    integrantes:
      - id: gob-1
        sector: gobierno_municipal
        nombre: Laura Méndez Ríos
      - id: ag-1
        sector: autoridad_garante
        nombre: Pedro Salas Núñez
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._espacio import SECTORES, activos


@regla("GA201", "espacio-sin-tres-sectores", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    espacio = ctx.carpeta.espacio
    if espacio is None or not espacio.integrantes:  # vacío: lo pide GA005 según la fase
        return
    doc = ctx.carpeta.documentos["espacio"]
    titulares: dict[str, str] = {}
    for indice, integrante in activos(ctx):
        if integrante.sector is None:
            continue
        primero = titulares.setdefault(integrante.sector, integrante.id)
        if primero != integrante.id:
            yield Hallazgo(
                f"«{integrante.id}» y «{primero}» son titulares a la vez del sector "
                f"«{integrante.sector}»; deja una persona titular por sector (la otra puede ir "
                "como «suplente») o anota en «hasta» cuándo terminó su encargo.",
                doc,
                ("integrantes", indice, "sector"),
            )
    for sector in SECTORES:
        if sector not in titulares:
            yield Hallazgo(
                f"El Espacio no tiene ninguna persona titular en funciones del sector «{sector}» "
                f"al {ctx.fecha_corte}; agrega en «integrantes» a quien lo representa.",
                doc,
                ("integrantes",),
            )
