"""Generator of the sample city (莆田市, Putian): real district boundaries, synthetic layers.

Pure Python on numpy, scipy, shapely and geopandas (no QGIS).
Entry point: ``sample/make_sample.py``.
Every random draw comes from one seeded ``numpy.random.Generator`` per topic (see ``rng.py``), so a
run reproduces the same data.
"""
