"""Domain logic of the Spatial Planning Monitor, free of QGIS and Qt.

Everything under ``core`` runs in a plain Python with numpy, pandas, geopandas, shapely, rasterio
and scipy, so it is testable in milliseconds and reusable from a notebook. A test imports every
module here with ``qgis`` and ``PyQt5`` blocked.
"""
