"""Una propuesta de la consulta no tiene respuesta razonada.

OGP Local pide responder cada propuesta recibida: decir si se incorporó al plan (y en qué
compromiso), si se fusionó con otra (con cuál) o, si no se incorporó, por qué. Sin esa respuesta
quien propuso no sabe qué pasó con su aporte. Solo cuentan las propuestas recibidas hasta la fecha
de corte. Es error cuando la fase `plan` ya se cumplió, aviso mientras el plan se escribe y no se
revisa en fases anteriores.

Incorrecto:

    propuestas:
      - id: p2
        resumen: Cámaras en todas las calles.
        respuesta:
          resultado: no_incorporada

Correcto:

    propuestas:
      - id: p2
        resumen: Cámaras en todas las calles.
        respuesta:
          resultado: no_incorporada
          motivo: No es un tema de gobierno abierto; se turnó a Seguridad Pública.
"""

from collections.abc import Iterator

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._cocreacion import propuestas
from caja_ga.vacio import vacio

# Resultado → (campo que lo razona, cómo completarlo).
_RAZON = {
    "incorporada": (
        "compromiso",
        "escribe en «compromiso» el id del compromiso en que se convirtió",
    ),
    "fusionada": ("fusionada_con", "escribe en «fusionada_con» el id de la otra propuesta"),
    "no_incorporada": ("motivo", "escribe en «motivo» por qué no se incorporó"),
}


@regla("GA315", "propuesta-sin-respuesta", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, propuesta in propuestas(ctx, solo_conocidas=True):
        respuesta = propuesta.respuesta
        if respuesta is None or respuesta.resultado is None:
            donde = (*ruta, "respuesta") if respuesta else (*ruta, "id")
            yield Hallazgo(
                f"La propuesta «{propuesta.id}» no tiene respuesta razonada; escribe en "
                "«respuesta.resultado» si se incorporó (incorporada), se fusionó con otra "
                "(fusionada) o no se incorporó (no_incorporada), y por qué.",
                doc,
                donde,
                en_clave=True,
            )
            continue
        campo, pista = _RAZON[respuesta.resultado]
        if vacio(getattr(respuesta, campo)):
            yield Hallazgo(
                f"La respuesta a la propuesta «{propuesta.id}» dice «{respuesta.resultado}» pero "
                f"no tiene «{campo}»; {pista}.",
                doc,
                (*ruta, "respuesta", "resultado"),
            )
