"""`caja-ga reporte`: del proceso validado a Markdown, HTML accesible, índice y datos abiertos.

Flujo: modelos → contexto (avance, líneas de tiempo, señales O1–O9) → plantillas → archivos.
"""
