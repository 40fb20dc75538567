"""Round map scales for the report's main map (1:200,000, not 1:187,675)."""

import math

# the series printed maps use: 1, 1.5, 2, 2.5, 3, 4, 5, 7.5 × 10ⁿ (1:10,000, 1:25,000, 1:50,000 …)
STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 7.5)


def round_scale(scale):
    """The smallest round scale denominator that is at least ``scale`` (so that what fits at
    ``scale`` still fits); ``scale`` itself when it is not a positive finite number."""
    if not (isinstance(scale, (int, float)) and math.isfinite(scale) and scale > 0):
        return scale
    exponent = math.floor(math.log10(scale))
    for power in (exponent, exponent + 1):
        for step in STEPS:
            value = round(step * 10.0 ** power, 12)
            if value >= scale * (1 - 1e-12):
                return int(round(value)) if value >= 1 else value
    return scale
