"""Al Espacio de Diálogo Tripartita le falta un sector, o sus sectores tienen distinto peso.

El EDT es tripartito: el gobierno municipal, la autoridad garante local y la sociedad civil (la
persona que representa al Núcleo) participan como pares, y ningún sector puede imponerse a los
otros. Sin uno de los tres sectores deja de ser tripartito; con más titulares en un sector que en
otro, ese sector pesa más. Cuántas personas titulares tiene cada sector lo decide cada municipio
(la Caja de Herramientas recomienda una): un Espacio de dos por sector está equilibrado. Se miran
quienes están en funciones a la fecha de corte (`desde` y `hasta`); un Espacio sin integrantes
todavía no se revisa.

Incorrecto (no hay nadie de la autoridad garante):

    integrantes:
      - id: gob-1
        sector: gobierno_municipal
        nombre: Laura Méndez Ríos
      - id: sc-1
        sector: sociedad_civil
        nombre: Ana Torres Gil

Incorrecto (el gobierno municipal tiene dos titulares y los otros sectores uno):

    integrantes:
      - {id: gob-1, sector: gobierno_municipal, nombre: Laura Méndez Ríos}
      - {id: gob-2, sector: gobierno_municipal, nombre: Jorge Ruiz Paz}
      - {id: ag-1, sector: autoridad_garante, nombre: Pedro Salas Núñez}
      - {id: sc-1, sector: sociedad_civil, nombre: Ana Torres Gil}

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

from caja_ga.modelos.espacio import IntegranteEspacio
from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.redaccion import cantidad, enumerar
from caja_ga.reglas import Contexto, regla
from caja_ga.reglas._espacio import SECTORES, activos


@regla("GA201", "espacio-sin-tres-sectores", Severidad.AVISO)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    espacio = ctx.carpeta.espacio
    if espacio is None or not espacio.integrantes:  # vacío: lo pide GA005 según la fase
        return
    doc = ctx.carpeta.documentos["espacio"]
    por_sector: dict[str, list[tuple[int, IntegranteEspacio]]] = {s: [] for s in SECTORES}
    for indice, integrante in activos(ctx):
        if integrante.sector is not None:
            por_sector[integrante.sector].append((indice, integrante))
    faltan = [sector for sector, titulares in por_sector.items() if not titulares]
    for sector in faltan:
        yield Hallazgo(
            f"El Espacio no tiene ninguna persona titular en funciones del sector «{sector}» "
            f"al {ctx.fecha_corte}; agrega en «integrantes» a quien lo representa.",
            doc,
            ("integrantes",),
        )
    if faltan:  # con un sector vacío, igualar los demás no resuelve nada
        return
    menos = min(len(titulares) for titulares in por_sector.values())
    menor = next(s for s, titulares in por_sector.items() if len(titulares) == menos)
    for sector, titulares in por_sector.items():
        if len(titulares) > menos:
            indice = titulares[menos][0]
            quienes = enumerar(f"«{integrante.id}»" for _, integrante in titulares)
            yield Hallazgo(
                f"El sector «{sector}» tiene "
                f"{cantidad(len(titulares), 'titular', 'titulares')} en funciones al "
                f"{ctx.fecha_corte} ({quienes}) y «{menor}» solo {menos}: pesa más que los "
                "otros; iguala el número de titulares por sector (quien sobra puede ir como "
                "«suplente») o anota en «hasta» cuándo terminó su encargo.",
                doc,
                ("integrantes", indice, "sector"),
            )
