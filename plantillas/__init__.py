"""Plantillas Jinja de caja-ga: `init/` (el andamio de un proceso) y las del repositorio."""
