"""Land-use carbon account: emission, sink and net t CO₂/a of each parcel, by district and class.

net = area (hm²) × coefficient (t CO₂ hm⁻² a⁻¹, positive = emission); emission = max(net, 0),
sink = max(−net, 0). Parcels get the district they overlap most (largest intersection area).
"""

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate
from ..landuse import area as landuse_area
from ..landuse.overlay import largest_overlap
from ..landuse import tables as landuse_tables
from . import classes, tables

TOTAL_CLASS = '合计'


def _unknown_message(layer, field, unknown, counts, what):
    listed = ', '.join('{} ({})'.format(code or translate('spm', 'empty'), counts[code])
                       for code in unknown[:20])
    more = '' if len(unknown) <= 20 else translate('spm', ' and {n} more').format(n=len(unknown) - 20)
    return translate(
        'spm', 'Layer “{layer}”, field {field}: {n} feature(s) have {what} that the table does not '
               'know: {codes}{more}. Add them to the table or choose a default.').format(
        layer=layer, field=field, n=sum(counts[c] for c in unknown), what=what, codes=listed,
        more=more)


def assign_districts(parcels, districts, district_field):
    """Series (index of ``parcels``) of the district value each parcel overlaps most; None outside.

    :func:`overlay.largest_overlap`: a parcel inside one district needs no intersection."""
    result = pd.Series([None] * len(parcels), index=parcels.index, dtype=object)
    if districts is None or len(parcels) == 0 or len(districts) == 0:
        return result
    best = largest_overlap(parcels.geometry.values, districts.geometry.values)
    found = best >= 0
    result.iloc[np.flatnonzero(found)] = districts[district_field].to_numpy()[best[found]]
    return result


def landuse_carbon(parcels, class_field, coefficients=None, scheme='current', default_class=None,
                   districts=None, district_field=None, layer_name='LANDUSE', area_method=None):
    """(parcels with the account fields, summary by district and class, report dict).

    ``parcels`` is a GeoDataFrame in a projected CRS (metres); ``coefficients`` a table (see
    :mod:`tables`). Codes the mapping or the table do not know raise :class:`InputError` listing
    them with their counts, unless ``default_class`` (a 用地用海 level-1 code in the table) is
    given, in which case they get that class and the report counts them.
    """
    coef = tables.landuse_coefficients(coefficients)
    names = tables.class_names(coefficients)
    if class_field not in parcels.columns:
        raise InputError(translate('spm', 'Layer “{layer}” has no field “{field}”.').format(
            layer=layer_name, field=class_field))
    if parcels.crs is not None and parcels.crs.is_geographic and area_method in (
            None, landuse_area.PLANAR):
        raise InputError(translate(
            'spm', 'Layer “{layer}” is in a geographic CRS ({crs}); areas need a projected CRS.'
        ).format(layer=layer_name, crs=parcels.crs.to_string()))
    codes, scheme = classes.level1_classes(parcels[class_field].to_numpy(), scheme)
    level1 = pd.Series(codes, index=parcels.index, dtype=object)
    raw = pd.Series(landuse_tables.normalize_codes(parcels[class_field].to_numpy()),
                    index=parcels.index, dtype=object)
    unknown_mask = level1.isna().to_numpy() | ~level1.isin(list(coef)).to_numpy()
    report = {'unknown_codes': {}, 'unknown_features': int(unknown_mask.sum()), 'default_class': None,
              'scheme': scheme}
    if unknown_mask.any():
        counts = raw[unknown_mask].value_counts().to_dict()
        unknown = sorted(counts)
        report['unknown_codes'] = counts
        if default_class is None:
            raise InputError(_unknown_message(layer_name, class_field, unknown, counts,
                                              translate('spm', 'a land-use code')))
        default_class = tables.normalise_class_code(default_class)
        if default_class not in coef:
            raise InputError(translate(
                'spm', 'The default class “{code}” is not in the coefficient table.').format(
                    code=default_class))
        level1 = level1.where(~unknown_mask, default_class)
        report['default_class'] = default_class

    out = parcels.copy()
    # area_method (core/landuse/area.py): None = planar; ELLIPSOIDAL; ATTRIBUTE = TBDLMJ …
    amounts = landuse_area.attribute_areas(parcels, layer_name)[0] \
        if area_method == landuse_area.ATTRIBUTE else None
    area_ha = landuse_area.feature_areas(out.geometry.values, parcels.crs, area_method,
                                         amounts) / 10000.0
    coefficient = level1.map(coef).to_numpy(dtype=float)
    net = area_ha * coefficient
    out['LU1'] = level1.to_numpy()
    out['LU1_NAME'] = level1.map(names).fillna('').to_numpy()
    out['AREA_HA'] = area_ha
    out['COEF'] = coefficient
    out['EMIS_T'] = np.maximum(net, 0.0)
    out['SINK_T'] = np.maximum(-net, 0.0)
    out['NET_T'] = net
    out['UNKNOWN'] = unknown_mask.astype(int)
    if districts is not None:
        out['DIST'] = assign_districts(parcels, districts, district_field).to_numpy()
    else:
        out['DIST'] = None
    return out, summarise(out), report


def summarise(parcels):
    """Totals by district and level-1 class, with a 合计 row per district (all when no district)."""
    frame = pd.DataFrame({
        'DIST': parcels['DIST'].fillna('').astype(str).to_numpy(),
        'LU1': parcels['LU1'].to_numpy(),
        'LU1_NAME': parcels['LU1_NAME'].to_numpy(),
        'AREA_HA': parcels['AREA_HA'].to_numpy(),
        'EMIS_T': parcels['EMIS_T'].to_numpy(),
        'SINK_T': parcels['SINK_T'].to_numpy(),
        'NET_T': parcels['NET_T'].to_numpy(),
    })
    sums = ['AREA_HA', 'EMIS_T', 'SINK_T', 'NET_T']
    by_class = frame.groupby(['DIST', 'LU1', 'LU1_NAME'], as_index=False)[sums].sum()
    totals = frame.groupby('DIST', as_index=False)[sums].sum()
    totals['LU1'] = TOTAL_CLASS
    totals['LU1_NAME'] = TOTAL_CLASS
    summary = pd.concat([by_class, totals[by_class.columns]], ignore_index=True)
    summary['_order'] = (summary['LU1'] == TOTAL_CLASS).astype(int)
    summary = summary.sort_values(['DIST', '_order', 'LU1']).drop(columns='_order')
    return summary.reset_index(drop=True)
