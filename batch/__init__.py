"""The batch engine: the monitoring and carbon jobs on a Dask cluster, without QGIS.

``python3 -m spatial_planning_monitor.batch <job> NAME=VALUE …`` (see docs/batch.md). Like
provider/, it is a caller of core/: the jobs read tiles with GDAL and run the algorithms' core
functions on them.
"""
