"""Genera un corpus nacional determinista: un proceso por municipio del catálogo INEGI (2,478).

Uso:

    python benchmarks/corpus.py DESTINO [--municipios N] [--semilla 2026]

Con más procesos que municipios (`--municipios 25000`), el catálogo se recorre de nuevo y cada
vuelta es otro ciclo del mismo municipio (`…/2024-2027-2/`, `…/2024-2027-3/`…): así se mide un
repositorio de unos 25,000 procesos.

Cada proceso está en `DESTINO/<entidad>/<municipio>-<clave>/2024-2027/`, en una fase repartida
entre las seis, con tamaños realistas (de 6 a 10 compromisos de 5 actividades, de 6 a 10 sesiones,
de 2 a 4 reportes de avance; unos 80 MB en total). Alrededor del 3 % de los procesos lleva errores
realistas (una actividad sin responsables, una fecha imposible, un código ODS sin comillas, un id
repetido, una referencia rota), para medir también el camino de los errores. La misma semilla da
los mismos bytes.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from caja_ga.catalogos import municipios, ods
from caja_ga.modelos.base import FASES

INICIO = date(2024, 10, 1)
FIN = date(2027, 9, 30)
CORTE = date(2026, 11, 15)
TEMAS = [
    "obra pública",
    "agua potable",
    "presupuesto participativo",
    "contrataciones",
    "movilidad",
    "seguridad",
    "salud",
    "residuos",
    "alumbrado",
    "mercados",
    "licencias",
    "protección civil",
]
AREAS = [
    "Dirección de Obras Públicas",
    "Tesorería Municipal",
    "Contraloría Municipal",
    "Dirección de Participación Ciudadana",
    "Unidad de Transparencia",
    "Dirección de Innovación Gubernamental",
    "Dirección de Servicios Públicos",
]
GRUPOS = ["mujeres", "jovenes", "indigenas", "discapacidad", "personas_mayores", "afromexicanas"]
TEXTO = (
    "La ciudadanía no cuenta con información oportuna, completa y en formatos abiertos "
    "sobre este tema, lo que dificulta la vigilancia social y la rendición de cuentas. "
)


def _slug(texto: str) -> str:
    plano = unicodedata.normalize("NFKD", texto.lower())
    plano = "".join(c for c in plano if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plano).strip("-")


def _dia(azar: random.Random, desde: date, hasta: date) -> date:
    return desde + timedelta(days=azar.randrange(max(1, (hasta - desde).days)))


class _Proceso:
    """Los archivos de un proceso, como diccionarios listos para volcar a YAML."""

    def __init__(
        self, azar: random.Random, cvegeo: str, nombre: str, entidad: str, fase: str
    ) -> None:
        self.azar, self.cvegeo, self.nombre, self.entidad, self.fase = (
            azar,
            cvegeo,
            nombre,
            entidad,
            fase,
        )
        self.metas_ods = [c for c, e in ods().items() if e.tipo == "meta"]
        self.sesiones: dict[str, dict[str, Any]] = {}
        self.plan_inicio = date(2025, 5, 1)
        self.plan_fin = date(2027, 4, 30)

    def archivos(self) -> dict[str, Any]:
        archivos: dict[str, Any] = {
            "proceso.yaml": self._proceso(),
            "diagnostico.yaml": self._diagnostico(),
            "nucleo.yaml": self._nucleo(),
            "espacio.yaml": self._espacio(),
        }
        self._crear_sesiones()
        archivos.update({f"sesiones/{i}.yaml": s for i, s in self.sesiones.items()})
        plan = self._plan()
        archivos["plan.yaml"] = plan
        # Algunos planes aún en escritura no documentan su consulta (GA316 avisa).
        if self.fase != "plan" or self.azar.random() < 0.5:
            archivos["cocreacion.yaml"] = self._cocreacion(plan)
        archivos["agenda2030.yaml"] = self._agenda()
        if FASES.index(self.fase) >= FASES.index("implementacion"):
            archivos.update(self._seguimientos(plan))
        if self.fase == "evaluacion":
            archivos["evaluacion.yaml"] = self._evaluacion(plan)
        return archivos

    def _proceso(self) -> dict[str, Any]:
        return {
            "version": 1,
            "municipio": {"cvegeo": self.cvegeo, "nombre": self.nombre, "entidad": self.entidad},
            "periodo_gobierno": {"inicio": INICIO, "fin": FIN},
            "fase": self.fase,
            "enlace": {
                "nombre": "Persona Enlace de Transparencia",
                "cargo": "Titular",
                "area": "Unidad de Transparencia",
                "correo": f"transparencia@m{self.cvegeo}.gob.mx",
                "contacto_publico": True,
            },
        }

    def _diagnostico(self) -> dict[str, Any]:
        dimensiones = [
            "transparencia",
            "participacion",
            "rendicion_cuentas",
            "marco_normativo",
            "innovacion",
        ]
        return {
            "version": 1,
            "fecha": date(2025, 1, 20),
            "elaborado_por": "Unidad de Transparencia",
            "dimensiones": [
                {
                    "id": d,
                    "items": [
                        {
                            "id": f"{d[:3]}-{n}",
                            "pregunta": f"¿Existe la práctica {n} de {d}?",
                            "valor": self.azar.choice([0, 0.5, 1]),
                            "evidencia": "Revisión documental del portal y de la gaceta municipal.",
                            "fuente": "https://ejemplo.gob.mx/diagnostico",
                        }
                        for n in range(1, 4)
                    ],
                }
                for d in dimensiones
            ],
            "capacidades": {
                "personal_asignado": 3,
                "horas_semana": 20,
                "presupuesto_mxn": 100000,
                "area_responsable": "Transparencia",
            },
            "actores": {
                "autoridad_garante": {"presente": True, "nota": "Aceptó participar."},
                "sociedad_civil": {"presente": True, "nota": "Hay organizaciones."},
                "osi": {"presente": True, "nota": "Consejo estatal."},
            },
            "hallazgos": ["La participación no tiene presupuesto."],
            "recomendaciones": ["Instalar el Espacio de Diálogo Tripartita."],
            "decision_continuar": True,
        }

    def _nucleo(self) -> dict[str, Any]:
        integrantes = [
            {
                "id": f"osc-{n}",
                "tipo": self.azar.choice(["osc", "colectivo", "academia"]),
                "nombre": f"Organización ciudadana {n} de {self.nombre}",
                "temas": self.azar.sample(TEMAS, 2),
                "territorio": self.nombre,
                "grupos": self.azar.sample(GRUPOS, 2),
            }
            for n in range(1, 6)
        ]
        return {
            "version": 1,
            "convocatoria": {
                "fecha_publicacion": date(2025, 2, 1),
                "fecha_cierre": date(2025, 2, 28),
                "medios": ["portal"],
                "url": "https://ejemplo.gob.mx/convocatoria",
            },
            "integrantes": integrantes,
            "representante": {
                "integrante": "osc-1",
                "metodo": "consenso",
                "fecha": date(2025, 3, 5),
                "periodo_meses": 36,
            },
        }

    def _espacio(self) -> dict[str, Any]:
        def integrante(id_: str, sector: str, nombre: str, **extra: Any) -> dict[str, Any]:
            return {
                "id": id_,
                "sector": sector,
                "nombre": nombre,
                "cargo": "Titular",
                "institucion": "Institución",
                "desde": date(2025, 3, 15),
                **extra,
            }

        return {
            "version": 1,
            "instalacion": {
                "fecha": date(2025, 3, 15),
                "acta_url": "https://ejemplo.gob.mx/acta.pdf",
                "lineamientos_url": "https://ejemplo.gob.mx/lineamientos.pdf",
            },
            "integrantes": [
                integrante("gob-1", "gobierno_municipal", "Persona de gobierno"),
                integrante("ag-1", "autoridad_garante", "Persona comisionada"),
                integrante("sc-1", "sociedad_civil", "Persona representante", nucleo="osc-1"),
            ],
            "reglas": {
                "periodicidad_dias": 90,
                "quorum": "tres sectores",
                "decisiones": "consenso",
                "publicacion_minutas": True,
            },
            "vinculacion_osi": {
                "institucion": "Consejo estatal de la Agenda 2030",
                "fecha": date(2025, 4, 10),
                "descripcion": "Convenio.",
                "url": "https://ejemplo.gob.mx/convenio-agenda-2030.pdf",
            },
        }

    def _crear_sesiones(self) -> None:
        cantidad = self.azar.randint(6, 10)
        paso = (CORTE - timedelta(days=30) - date(2025, 3, 15)).days // (cantidad - 1)
        for n in range(cantidad):
            fecha = date(2025, 3, 15) + timedelta(days=n * paso)
            self.sesiones[f"{fecha.isoformat()}-s{n + 1}"] = {
                "version": 1,
                "organo": "edt",
                "tipo": "instalacion" if n == 0 else "ordinaria",
                "fecha": fecha,
                "modalidad": "presencial",
                "asistentes": ["gob-1", "ag-1", "sc-1"],
                "orden_del_dia": ["Seguimiento del plan de acción"],
                "acuerdos": [
                    {
                        "id": f"s{n + 1}-a{k}",
                        "texto": "Publicar la minuta en el portal.",
                        "responsable": "gob-1",
                        "fecha_limite": fecha + timedelta(days=10),
                        "estado": "cumplido",
                    }
                    for k in range(1, 2)
                ],
                "minuta": {
                    "url": "https://ejemplo.gob.mx/minuta.pdf",
                    "fecha_publicacion": fecha + timedelta(days=7),
                },
            }

    def _plan(self) -> dict[str, Any]:
        aprobacion = next(i for i, s in self.sesiones.items() if s["fecha"] <= self.plan_inicio)
        return {
            "version": 1,
            "periodo": {"inicio": self.plan_inicio, "fin": self.plan_fin},
            "aprobado_en": aprobacion,
            "objetivo_general": f"Abrir la información pública de {self.nombre}.",
            "compromisos": [self._compromiso(n) for n in range(1, self.azar.randint(6, 10) + 1)],
            "seguimiento": {"periodicidad_dias": 365, "responsable": "Transparencia"},
        }

    def _cocreacion(self, plan: dict[str, Any]) -> dict[str, Any]:
        """La consulta del plan: una propuesta por compromiso, más una que no se incorporó."""
        compromisos = [c["id"] for c in plan["compromisos"]]
        propuestas = [
            {
                "id": f"p{n}",
                "resumen": f"Propuesta ciudadana {n}.",
                "propuesta_por": "ciudadanía",
                "fecha": date(2025, 2, 10),
                "canal": "mesas",
                "respuesta": {"resultado": "incorporada", "compromiso": compromiso},
            }
            for n, compromiso in enumerate(compromisos, start=1)
        ]
        propuestas.append(
            {
                "id": f"p{len(compromisos) + 1}",
                "resumen": "Transmitir las sesiones del cabildo.",
                "propuesta_por": "ciudadanía",
                "fecha": date(2025, 2, 12),
                "respuesta": {"resultado": "no_incorporada", "motivo": "Ya se transmiten."},
            }
        )
        return {
            "version": 1,
            "consulta": {
                "inicio": date(2025, 2, 1),
                "fin": date(2025, 3, 1),
                "canales": ["mesas", "formulario en línea"],
                "participantes": self.azar.randint(20, 200),
            },
            "propuestas": propuestas,
        }

    def _compromiso(self, n: int) -> dict[str, Any]:
        tema = self.azar.choice(TEMAS)
        return {
            "id": f"c{n}",
            "titulo": f"Información abierta de {tema}",
            "problema_publico": {
                "descripcion": TEXTO,
                "causas": ["Información dispersa"],
                "linea_base": "0 conjuntos de datos publicados",
                "poblacion_afectada": "Toda la población",
                "grupos": ["mujeres"],
            },
            "objetivo": f"Publicar datos abiertos de {tema}.",
            "solucion": "Un portal con datos abiertos y un tablero de seguimiento.",
            "resultados_esperados": "Datos publicados y usados por la ciudadanía.",
            "metas": [
                {
                    "id": f"c{n}-m1",
                    "descripcion": "Conjuntos publicados",
                    "indicador": {
                        "nombre": "Conjuntos de datos publicados",
                        "unidad": "conjuntos",
                        "linea_base": 0,
                        "valor_meta": 10,
                        "fecha_meta": date(2027, 3, 31),
                    },
                    "medio_verificacion": "Portal de datos abiertos",
                }
            ],
            "actividades": [self._actividad(n, k) for k in range(1, 6)],
            "responsables": {
                "lider": {"area": self.azar.choice(AREAS), "enlace": "Enlace"},
                "corresponsables": [
                    {"nombre": "Organización ciudadana 1", "sector": "sociedad_civil"}
                ],
            },
            "valores": ["transparencia", "participacion"],
            "ods": [*sorted(self.azar.sample(self.metas_ods, 2)), "16.6"],
            "pmd": [
                {"eje": "Gobierno abierto", "objetivo": "Transparencia", "linea_accion": f"1.{n}"}
            ],
            "presupuesto_mxn": 100000 * n,
            "potencial": "modesto",
            "evaluacion": {
                "metodo": "Revisión del portal",
                "fecha": date(2027, 4, 15),
                "responsable": "EDT",
            },
        }

    def _actividad(self, n: int, k: int) -> dict[str, Any]:
        inicio = _dia(self.azar, self.plan_inicio, date(2026, 6, 1))
        return {
            "id": f"c{n}-a{k}",
            "descripcion": f"Actividad {k} del compromiso {n}.",
            "entregable": "Documento publicado",
            "inicio": inicio,
            "fin": _dia(self.azar, max(inicio, CORTE), self.plan_fin),
            "responsables": [self.azar.choice(AREAS)],
            "medio_verificacion": "Publicación en el portal",
        }

    def _agenda(self) -> dict[str, Any]:
        return {
            "version": 1,
            "recomendaciones": [
                {"id": f"O{n}", "cumple": "parcial", "evidencia": "Avance documentado en sesiones."}
                for n in range(1, 10)
            ],
        }

    def _seguimientos(self, plan: dict[str, Any]) -> dict[str, Any]:
        actividades = [a["id"] for c in plan["compromisos"] for a in c["actividades"]]
        reportes: dict[str, Any] = {}
        cantidad = self.azar.randint(2, 4)
        # Cada actividad tiene su meta de avance al último reporte y llega a ella por partes:
        # el avance nunca baja entre reportes (si bajara, GA407 lo señalaría).
        finales = {id_: self.azar.randrange(0, 101, 10) for id_ in actividades}
        for r in range(cantidad):
            corte = CORTE - timedelta(days=60 * (cantidad - 1 - r) + 15)
            entradas = []
            for id_ in actividades:
                avance = min(100, finales[id_] * (r + 1) // cantidad)
                entrada: dict[str, Any] = {
                    "id": id_,
                    "avance": avance,
                    "estado": (
                        "completada" if avance == 100 else "en_proceso" if avance else "no_iniciada"
                    ),
                }
                if avance == 100:
                    entrada["evidencias"] = [{"url": "https://ejemplo.gob.mx/evidencia"}]
                entradas.append(entrada)
            reportes[f"seguimiento/{corte.isoformat()}.yaml"] = {
                "version": 1,
                "fecha_corte": corte,
                "actividades": entradas,
            }
        return reportes

    def _evaluacion(self, plan: dict[str, Any]) -> dict[str, Any]:
        return {
            "version": 1,
            "fecha": CORTE - timedelta(days=5),
            "evaluador": {"tipo": "externo", "nombre": "Universidad estatal"},
            "compromisos": [
                {
                    "id": c["id"],
                    "cumplimiento": "limitado",
                    "abrio_gobierno": "marginal",
                    "justificacion": "Avance parcial.",
                }
                for c in plan["compromisos"]
            ],
        }


_FRACCION_CON_ERRORES = 0.03
_ERRORES = [  # (archivo, patrón, reemplazo): el primer caso de cada patrón se estropea
    ("plan.yaml", r"    responsables:\n    - [^\n]+\n", ""),  # actividad sin responsables
    ("espacio.yaml", r"fecha: 2025-03-15", "fecha: 2025-02-30"),  # fecha imposible
    ("plan.yaml", r"- '16.6'", "- 16.60"),  # ODS sin comillas
    ("plan.yaml", r"id: c1-a2\n", "id: c1-a1\n"),  # id repetido
    ("nucleo.yaml", r"integrante: osc-1", "integrante: osc-9"),  # referencia rota
]


class _Volcador(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Pone entre comillas los textos que parecen números («05018», «16.10»), como pide el
    formato: PyYAML solo lo hace con los que YAML 1.1 leería como números."""


def _texto(volcador: yaml.SafeDumper, texto: str) -> yaml.ScalarNode:
    estilo = "'" if texto[:1].isdigit() else None
    return volcador.represent_scalar("tag:yaml.org,2002:str", texto, style=estilo)


_Volcador.add_representer(str, _texto)


def _volcar(datos: Any) -> str:
    return "# Proceso generado para mediciones de caja-ga.\n" + yaml.dump(
        datos, Dumper=_Volcador, allow_unicode=True, sort_keys=False, width=100
    )


def generar(destino: Path, cantidad: int | None = None, semilla: int = 2026) -> int:
    """Escribe el corpus y devuelve cuántos bytes escribió."""
    azar = random.Random(semilla)
    catalogo = sorted(municipios().values(), key=lambda m: m.cvegeo)
    cantidad = len(catalogo) if cantidad is None else cantidad
    total = 0
    for indice in range(cantidad):
        vuelta, posicion = divmod(indice, len(catalogo))
        municipio = catalogo[posicion]
        fase = FASES[indice % len(FASES)]
        carpeta = (
            destino
            / _slug(municipio.entidad)  # la clave evita choques de nombres
            / f"{_slug(municipio.nombre)}-{municipio.cvegeo[2:]}"
            / ("2024-2027" if not vuelta else f"2024-2027-{vuelta + 1}")
        )
        archivos = {
            nombre: _volcar(datos)
            for nombre, datos in _Proceso(
                azar, municipio.cvegeo, municipio.nombre, municipio.entidad, fase
            )
            .archivos()
            .items()
        }
        if azar.random() < _FRACCION_CON_ERRORES:
            nombre, antes, despues = azar.choice(_ERRORES)
            if nombre in archivos:
                archivos[nombre] = re.sub(antes, despues, archivos[nombre], count=1)
        for nombre, texto in archivos.items():
            ruta = carpeta / nombre
            ruta.parent.mkdir(parents=True, exist_ok=True)
            ruta.write_text(texto, encoding="utf-8")
            total += len(texto.encode("utf-8"))
    return total


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("destino", type=Path)
    argumentos.add_argument("--municipios", type=int, default=None)
    argumentos.add_argument("--semilla", type=int, default=2026)
    opciones = argumentos.parse_args()
    total = generar(opciones.destino, opciones.municipios, opciones.semilla)
    print(f"{total / 1e6:.1f} MB escritos en {opciones.destino}")


if __name__ == "__main__":
    main()
