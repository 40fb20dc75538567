"""Reading and writing vector files with GDAL alone (no QGIS): the fast path of bridge/frames.py
and the readers of the batch engine."""
