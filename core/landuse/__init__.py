"""Land use: classification tables, overlay, conformance, control lines, change, areas.

``tables`` is the entry point other themes use (classes, names, colours, construction flags).
"""
