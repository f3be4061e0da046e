"""Las secciones de la página de un proceso: cada módulo calcula el contexto de una sección (o
`None` si no aplica), y la sección se dibuja con su par de plantillas,
`plantillas/reporte/secciones/<módulo>.html.jinja` y `.md.jinja`.
"""
