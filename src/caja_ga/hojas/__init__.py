"""Hojas de cálculo de ida y vuelta: `caja-ga exportar` y `caja-ga importar`.

`definicion.py` dice qué hojas y columnas hay y de qué campo de los modelos sale cada una;
`libro.py` escribe y lee el libro (xlsx o un CSV por hoja) con sus límites de seguridad;
`exportar.py` llena las hojas desde el plan y la Vista; `importar.py` las lee con los mismos
modelos y escribe el reporte de avance nuevo y los cambios al plan (escritura.py).
"""
