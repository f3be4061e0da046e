"""Un compromiso no impulsa transparencia, participación ni rendición de cuentas.

Un compromiso de gobierno abierto debe avanzar al menos uno de sus tres valores: transparencia,
participación o rendición de cuentas. La innovación y la inclusión son bienvenidas, pero solo
cuentan junto con alguno de esos tres (regla de relevancia de la Alianza para el Gobierno
Abierto, OGP): un compromiso solo de innovación o de inclusión no es de gobierno abierto. Es
error cuando la fase `plan` ya se cumplió, aviso mientras el plan se escribe y no se revisa en
fases anteriores.

Incorrecto:

    compromisos:
      - id: c1
        titulo: Trámites en línea
        valores: [innovacion]

Correcto:

    compromisos:
      - id: c1
        titulo: Trámites en línea
        valores: [innovacion, transparencia]
"""

from collections.abc import Iterator
from typing import Final

from caja_ga.problemas import Hallazgo, Severidad
from caja_ga.reglas import Contexto, Exigencia, regla
from caja_ga.reglas._compromisos import compromisos

VALORES_CENTRALES: Final = frozenset({"transparencia", "participacion", "rendicion_cuentas"})
_COMO = "transparencia, participacion o rendicion_cuentas"


@regla("GA304", "valores-de-gobierno-abierto", Severidad.ERROR, Exigencia.POR_FASE)
def revisar(ctx: Contexto) -> Iterator[Hallazgo]:
    for doc, ruta, compromiso in compromisos(ctx):
        if not compromiso.valores:
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» no indica qué valores de gobierno "
                f"abierto impulsa; agrega en «valores» al menos uno de {_COMO}.",
                doc,
                (*ruta, "valores"),
                en_clave=True,
            )
        elif VALORES_CENTRALES.isdisjoint(compromiso.valores):
            # Aquí solo puede haber «innovacion» e «inclusion»: ante «i», la «y» se vuelve «e».
            declarados = " e ".join(f"«{valor}»" for valor in dict.fromkeys(compromiso.valores))
            yield Hallazgo(
                f"El compromiso «{compromiso.id}» solo declara {declarados}, que "
                f"cuentan únicamente junto con {_COMO}; agrega en «valores» el que "
                "impulsa.",
                doc,
                (*ruta, "valores"),
                en_clave=True,
            )
