"""Conversion between QGIS layers and the data frames that ``core`` works on."""
