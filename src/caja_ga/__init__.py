"""caja-ga: procesos municipales de gobierno abierto como archivos YAML."""

__version__ = "0.1.0"
