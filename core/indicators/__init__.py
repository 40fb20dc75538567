"""City indicators (城市体检, TD/T 1063-2021): definitions as data, a safe formula language,
per-district measures from the layers, status against thresholds and trend against last year.

Modules: ``formula`` (the evaluator), ``definitions`` (the editable table), ``status`` (正常/预警/
超标 and trend), ``classes`` (which land-use codes count), ``measures`` (named inputs per district),
``engine`` (long and wide result tables).
"""

from .definitions import DEFAULT_PATH, Indicator, load_definitions
from .engine import LONG_COLUMNS, Result, evaluate, previous_values
from .formula import Formula, FormulaError
from .measures import MEASURES, Inputs, MeasureTable

__all__ = ['DEFAULT_PATH', 'Indicator', 'load_definitions', 'LONG_COLUMNS', 'Result', 'evaluate',
           'previous_values', 'Formula', 'FormulaError', 'MEASURES', 'Inputs', 'MeasureTable']
