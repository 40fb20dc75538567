"""Summary tables: area (m², ha) and count of pieces grouped by some columns."""

import pandas as pd


def area_summary(pieces, by, columns):
    """Group ``pieces`` (with ``AREA_M2``) by ``by``; return ``columns`` from ``by`` + COUNT,
    AREA_M2, AREA_HA. The totals equal the pieces' totals; an empty input gives an empty table
    with the same columns."""
    if not len(pieces):
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith('AREA') else
                                          ('int64' if c == 'COUNT' else object))
                             for c in columns})
    grouped = (pd.DataFrame(pieces[list(by) + ['AREA_M2']])
               .groupby(list(by), sort=True, dropna=False)
               .agg(COUNT=('AREA_M2', 'size'), AREA_M2=('AREA_M2', 'sum')).reset_index())
    grouped['AREA_HA'] = grouped['AREA_M2'] / 10000.0
    grouped['COUNT'] = grouped['COUNT'].astype('int64')
    return grouped[list(columns)]
