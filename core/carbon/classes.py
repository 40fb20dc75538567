"""用地用海 level-1 class of a land-use code, for the land-use carbon account.

Input codes are 三调 / GB/T 21010-2017 codes with the survey's working codes (``scheme='current'``,
mapped through the shared 三调 → 用地用海 table of :mod:`core.landuse.tables`), or 用地用海 2023
codes of any level (``'plan'``: the first two digits are the level-1 class), or ``'auto'``.
"""

import numpy as np

from ..landuse import tables as landuse_tables


def level1_classes(codes, scheme='current'):
    """(object array of level-1 codes, None where unknown; the scheme used)."""
    normalised = landuse_tables.normalize_codes(codes)
    if scheme == 'auto':
        scheme = landuse_tables.detect_scheme(normalised)
    if scheme == 'current':
        full = landuse_tables.to_plan_codes(normalised)
    else:
        plan = landuse_tables.load_plan_classes()
        full = np.array([c if c in plan else landuse_tables.UNKNOWN for c in normalised], dtype=object)
    level1 = np.array([None if (not c or c == landuse_tables.UNKNOWN) else c[:2] for c in full],
                      dtype=object)
    return level1, scheme
