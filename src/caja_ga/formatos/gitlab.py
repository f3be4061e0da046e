"""`--formato gitlab`: el informe Code Quality de GitLab (`gl-code-quality-report.json`).

GitLab muestra estos problemas en la solicitud de fusión y compara la huella (`fingerprint`) de
cada uno con la de la rama destino para decir cuáles son nuevos y cuáles se resolvieron.
"""

from __future__ import annotations

import hashlib
import json

from caja_ga.formatos.texto import visible
from caja_ga.problemas import Problema, Resultado, Severidad

_GRAVEDAD = {Severidad.ERROR: "major", Severidad.AVISO: "minor"}


def huella(problema: Problema) -> str:
    """Estable entre corridas: solo depende de archivo, código, línea y mensaje (no de la nota,
    que cambia con la fase)."""
    partes = (problema.archivo, problema.codigo, str(problema.linea or ""), problema.mensaje)
    # surrogateescape: un nombre de archivo que no es UTF-8 válido aporta sus bytes tal cual.
    return hashlib.sha256("\0".join(partes).encode("utf-8", "surrogateescape")).hexdigest()


def _hallazgo(problema: Problema) -> dict[str, object]:
    return {
        "description": problema.mensaje_con_nota,
        "check_name": problema.codigo,
        "fingerprint": huella(problema),
        "severity": _GRAVEDAD[problema.severidad],
        # GitLab exige una línea: un archivo que falta se señala en la primera.
        "location": {"path": problema.archivo, "lines": {"begin": problema.linea or 1}},
    }


def formatear(resultado: Resultado, color: bool = False) -> str:
    del color
    informe = [_hallazgo(visible(p)) for p in resultado.problemas]
    return json.dumps(informe, ensure_ascii=False, indent=2) + "\n"
