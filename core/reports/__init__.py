"""District monitoring reports (atlas): the pure logic behind the layout templates.

``filenames``: safe, unique file names for district pages; ``fonts``: the CJK font family and its
fallbacks; ``keys``: which district field the indicator table refers to; ``chart``: the per-district
indicator chart (SVG) shown by the templates' picture item; ``summary``: counts of 超标/预警/正常 per
district; ``colours``: status colours.
"""
