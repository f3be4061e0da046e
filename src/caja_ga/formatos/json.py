"""`--formato json`: exactamente un objeto JSON, con la forma del formato v1 (§4)."""

from __future__ import annotations

import json

from caja_ga.problemas import Resultado, Severidad


def formatear(resultado: Resultado, color: bool = False) -> str:
    del color  # JSON nunca lleva color
    configuraciones = resultado.configuraciones
    objeto = {
        "version": 1,
        # La .caja-ga.yaml usada, o null; una lista si distintos procesos usaron distintas.
        "config": configuraciones[0] if len(configuraciones) == 1 else (configuraciones or None),
        "resumen": {
            "procesos": len(resultado.procesos),
            "archivos": resultado.archivos,
            "errores": resultado.contar(Severidad.ERROR),
            "avisos": resultado.contar(Severidad.AVISO),
        },
        "problemas": [
            {
                "archivo": p.archivo,
                "linea": p.linea,
                "columna": p.columna,
                "codigo": p.codigo,
                "severidad": p.severidad.value,
                "mensaje": p.mensaje,
            }
            for p in resultado.problemas
        ],
    }
    return json.dumps(objeto, ensure_ascii=False, indent=2) + "\n"
