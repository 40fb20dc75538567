"""Carbon coefficient tables: load the shipped CSVs in layers/tables/ or a user's own table.

Every loader accepts a path, a DataFrame (e.g. a QGIS table layer read through the bridge) or
None for the shipped default, checks the columns and values, and fails with a message that names
the table, the column and the offending row. Units are fixed by the column names:

- land use (``carbon_landuse_*.csv``): ``code`` (用地用海 level-1, two digits) and
  ``net_t_co2_per_ha_a`` (t CO₂ hm⁻² a⁻¹, positive = net emission, negative = sink);
  a table in carbon instead may give ``net_t_c_per_ha_a`` (converted × 44/12).
- fuels (``carbon_fuels.csv``): ``fuel``, ``unit``, ``method`` (``ipcc``, ``direct`` or ``grid``),
  ``sce_t_per_unit`` (t standard coal per unit), ``carbon_t_c_per_tce`` (t C / t ce, ``ipcc``)
  and ``t_co2_per_unit`` (``direct``: a factor per unit, e.g. heat in t CO₂/GJ).
- buildings (``carbon_building_eui.csv``): ``use`` and ``eui_kwh_per_m2_a`` (kWh m⁻² a⁻¹), split
  by carrier in ``elec_kwh_per_m2_a``, ``gas_kwh_per_m2_a``, ``heat_kwh_per_m2_a`` (a table
  without them counts the whole intensity as electricity).
- grid factors (``carbon_grid_factors.csv``): ``t_co2_per_mwh``; rows with a ``province_code``
  (GB/T 2260, two digits) are provincial factors, chosen from a district's code; the row with
  ``default = yes`` is the national fallback.
"""

import pandas as pd

from .. import textfile
from ..data import data_path
from ..errors import InputError
from ..finite import check_finite
from ..i18n import translate

CO2_PER_C = 44.0 / 12.0

LANDUSE_DEFAULT = 'carbon_landuse_guangdong2023.csv'
LANDUSE_CLASSIC = 'carbon_landuse_classic_unverified.csv'
FUELS_DEFAULT = 'carbon_fuels.csv'
BUILDINGS_DEFAULT = 'carbon_building_eui.csv'
GRID_FACTORS = 'carbon_grid_factors.csv'


def table_path(name):
    """Path of a shipped coefficient table by file name."""
    return str(data_path('tables', name))


def read_table(table, default_name):
    """(DataFrame of text, label) for a path, a DataFrame or None (the shipped ``default_name``).

    Files are read by :func:`..textfile.read_csv` (UTF-8 or GBK); the index is the row number
    messages name: the spreadsheet row for a file (header = row 1), 1, 2, … for a DataFrame.
    """
    if table is None:
        table = table_path(default_name)
    if isinstance(table, pd.DataFrame):
        frame = table.copy()
        label = translate('spm', 'Table “{table}”').format(
            table=frame.attrs.get('name', translate('spm', 'coefficient table')))
        frame.index = pd.RangeIndex(1, len(frame) + 1)
    else:
        frame = textfile.read_csv(table)
        label = translate('spm', 'Table {file}').format(file=textfile.describe(table))
    if 'geometry' in frame.columns:
        frame = pd.DataFrame(frame.drop(columns='geometry'))
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, label


def _require(frame, label, columns):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(translate(
            'spm', '{table} lacks column(s) {missing}; it has {columns}.').format(
                table=label, missing=', '.join(missing), columns=', '.join(frame.columns)))


def _numbers(frame, label, column, allow_blank=False, non_negative=False):
    """The column as finite floats; an error names the first row that is not such a number."""
    check_finite(frame, [column], label, rows=frame.index)
    text = frame[column].astype(str).str.strip().replace({'None': '', 'nan': '', 'NULL': ''})
    values = pd.to_numeric(text, errors='coerce')
    bad = values.isna() & ~(allow_blank & (text == ''))
    if non_negative:
        bad |= values < 0
    if bad.any():
        row = bad.to_numpy().nonzero()[0][0]
        raise InputError(translate(
            'spm', '{table}, row {row}: column {column} must be a {kind}number, '
                   'found “{value}”.').format(
            table=label, row=frame.index[row], column=column,
            kind=translate('spm', 'non-negative ') if non_negative else '',
            value=frame[column].iloc[row]))
    return values.astype(float)


def _unique_keys(frame, label, column):
    keys = frame[column].astype(str).str.strip()
    duplicated = keys[keys.duplicated()]
    if len(duplicated):
        raise InputError(translate('spm', '{table}: {column} “{value}” appears twice.').format(
            table=label, column=column, value=duplicated.iloc[0]))
    return keys


def normalise_class_code(value):
    """A 用地用海 level-1 code as two digits ('1' -> '01', '3.0' -> '03'); None when blank."""
    if value is None:
        return None
    text = str(value).strip()
    if text in ('', 'None', 'nan', 'NULL'):
        return None
    if text.endswith('.0'):
        text = text[:-2]
    return text.zfill(2) if text.isdigit() and len(text) < 2 else text


def landuse_coefficients(table=None):
    """{用地用海 level-1 code: net t CO₂ hm⁻² a⁻¹ (positive = emission)} from a table."""
    frame, label = read_table(table, LANDUSE_DEFAULT)
    if 'net_t_co2_per_ha_a' in frame.columns:
        column, scale = 'net_t_co2_per_ha_a', 1.0
    elif 'net_t_c_per_ha_a' in frame.columns:
        column, scale = 'net_t_c_per_ha_a', CO2_PER_C
    else:
        _require(frame, label, ['code', 'net_t_co2_per_ha_a'])
    _require(frame, label, ['code'])
    frame['code'] = frame['code'].map(normalise_class_code)
    keys = _unique_keys(frame, label, 'code')
    values = _numbers(frame, label, column) * scale
    return dict(zip(keys, values))


def class_names(table=None):
    """{code: name} of the land-use table (empty names when the table has no ``name``)."""
    frame, _label = read_table(table, LANDUSE_DEFAULT)
    if 'code' not in frame.columns:
        return {}
    codes = frame['code'].map(normalise_class_code)
    names = frame['name'] if 'name' in frame.columns else [''] * len(frame)
    return dict(zip(codes, names))


def fuel_factors(table=None):
    """DataFrame indexed by fuel: unit, method, sce_t_per_unit, carbon_t_c_per_tce, co2_t_per_unit.

    ``co2_t_per_unit`` = standard coal × carbon × 44/12 for ``ipcc`` fuels, the table's
    ``t_co2_per_unit`` for ``direct`` ones (heat), NaN for ``grid`` fuels (electricity, whose
    factor is the grid emission factor chosen at run time).
    """
    frame, label = read_table(table, FUELS_DEFAULT)
    _require(frame, label, ['fuel', 'unit'])
    frame['fuel'] = _unique_keys(frame, label, 'fuel')
    if 'method' not in frame.columns:
        frame['method'] = 'ipcc'
    frame['method'] = frame['method'].astype(str).str.strip().str.lower().replace('', 'ipcc')
    bad = ~frame['method'].isin(['ipcc', 'direct', 'grid'])
    if bad.any():
        row = bad.to_numpy().nonzero()[0][0]
        raise InputError(translate(
            'spm', '{table}, row {row}: method must be “ipcc”, “direct” or “grid”, found “{value}”.'
        ).format(table=label, row=frame.index[row], value=frame['method'].iloc[row]))
    ipcc = frame['method'] == 'ipcc'
    _require(frame, label, ['sce_t_per_unit', 'carbon_t_c_per_tce'] if ipcc.any() else [])
    for column in ('sce_t_per_unit', 'carbon_t_c_per_tce'):
        if column in frame.columns:
            values = _numbers(frame[ipcc], label, column, non_negative=True)
            frame[column] = pd.to_numeric(frame[column], errors='coerce')
            frame.loc[ipcc, column] = values
        else:
            frame[column] = float('nan')
    frame['unit'] = frame['unit'].astype(str).str.strip()
    co2 = frame['sce_t_per_unit'] * frame['carbon_t_c_per_tce'] * CO2_PER_C
    direct = frame['method'] == 'direct'
    if direct.any():
        _require(frame, label, ['t_co2_per_unit'])
        co2[direct] = _numbers(frame[direct], label, 't_co2_per_unit', non_negative=True)
    frame['co2_t_per_unit'] = co2.where(ipcc | direct)
    return frame.set_index('fuel')[['unit', 'method', 'sce_t_per_unit', 'carbon_t_c_per_tce',
                                    'co2_t_per_unit']]


CARRIERS = ('elec', 'gas', 'heat')
# t CO₂ per MWh of final energy of the carriers other than electricity: natural gas = IPCC 2006
# Vol.2 Table 1.4 default 56 100 kg CO₂/TJ × 3.6 GJ/MWh; heat = the 热力 row of the fuel table
# (t CO₂/GJ × 3.6).
GAS_T_CO2_PER_MWH = 56.1e-3 * 3.6
GJ_PER_MWH = 3.6


def building_intensities(table=None):
    """{building use: {carrier: kWh m⁻² a⁻¹}} for the carriers ``elec``, ``gas``, ``heat``.

    A table with only ``eui_kwh_per_m2_a`` counts it all as electricity; with carrier columns,
    a blank carrier is 0 and ``eui_kwh_per_m2_a`` (when given) must equal their sum.
    """
    frame, label = read_table(table, BUILDINGS_DEFAULT)
    _require(frame, label, ['use'])
    keys = _unique_keys(frame, label, 'use')
    carrier_columns = ['{}_kwh_per_m2_a'.format(c) for c in CARRIERS]
    if not any(c in frame.columns for c in carrier_columns):
        _require(frame, label, ['use', 'eui_kwh_per_m2_a'])
        total = _numbers(frame, label, 'eui_kwh_per_m2_a', non_negative=True)
        return {k: {'elec': v, 'gas': 0.0, 'heat': 0.0} for k, v in zip(keys, total)}
    parts = {}
    for carrier, column in zip(CARRIERS, carrier_columns):
        if column in frame.columns:
            parts[carrier] = _numbers(frame, label, column, allow_blank=True, non_negative=True).fillna(0.0)
        else:
            parts[carrier] = pd.Series(0.0, index=frame.index)
    if 'eui_kwh_per_m2_a' in frame.columns:
        total = _numbers(frame, label, 'eui_kwh_per_m2_a', non_negative=True)
        differs = (total - sum(parts.values())).abs() > 1e-6 * total.abs().clip(lower=1.0)
        if differs.any():
            row = differs.to_numpy().nonzero()[0][0]
            raise InputError(translate(
                'spm', '{table}, row {row}: eui_kwh_per_m2_a {total} is not the sum of the carriers '
                       '(electricity {elec} + gas {gas} + heat {heat}).').format(
                table=label, row=frame.index[row], total=total.iloc[row],
                elec=parts['elec'].iloc[row], gas=parts['gas'].iloc[row], heat=parts['heat'].iloc[row]))
    return {k: {c: float(parts[c].iloc[i]) for c in CARRIERS} for i, k in enumerate(keys)}


def carrier_factors(grid_factor, fuels=None):
    """{carrier: t CO₂ per MWh of final energy}: electricity the grid factor, gas IPCC 2006's
    natural-gas default, heat the fuel table's 热力 factor (t CO₂/GJ × 3.6)."""
    factors = fuel_factors(fuels)
    heat = factors.at['热力', 'co2_t_per_unit'] if '热力' in factors.index and \
        str(factors.at['热力', 'unit']).upper() == 'GJ' else 0.11
    return {'elec': float(grid_factor), 'gas': GAS_T_CO2_PER_MWH, 'heat': float(heat) * GJ_PER_MWH}


def _grid_table():
    frame, label = read_table(None, GRID_FACTORS)
    frame['value'] = _numbers(frame, label, 't_co2_per_mwh')
    if 'province_code' not in frame.columns:
        frame['province_code'] = ''
    frame['province_code'] = frame['province_code'].astype(str).str.strip().replace(
        {'None': '', 'nan': ''}).str.split('.').str[0]
    return frame


def default_grid_factor():
    """The default grid emission factor (t CO₂/MWh) and its description (region, year)."""
    frame = _grid_table()
    chosen = frame['default'].astype(str).str.strip().str.lower() == 'yes'
    row = chosen.to_numpy().nonzero()[0][0] if chosen.any() else 0
    return float(frame['value'].iloc[row]), '{} {}'.format(frame['region'].iloc[row], frame['year'].iloc[row])


def province_grid_factor(code):
    """(t CO₂/MWh, description, 'province' or 'national') for an administrative code.

    The province is the code's first two digits (GB/T 2260: 35xxxx = 福建); a code of another
    form, or a province without a published factor (西藏, 港澳台), gets the national default.
    """
    text = str(code).strip() if code is not None else ''
    if text.endswith('.0'):
        text = text[:-2]
    frame = _grid_table()
    if len(text) >= 2 and text[:2].isdigit():
        rows = frame[frame['province_code'] == text[:2]]
        if len(rows):
            rows = rows.sort_values('year', ascending=False)
            return (float(rows['value'].iloc[0]), '{} {}'.format(rows['region'].iloc[0], rows['year'].iloc[0]),
                    'province')
    value, label = default_grid_factor()
    return value, label, 'national'


def choose_grid_factor(grid_factor=None, code=None):
    """(t CO₂/MWh, description, how): the given factor ('given'), else the province's of ``code``
    ('province'), else the national default ('national')."""
    if grid_factor is not None:
        if grid_factor < 0:
            raise InputError(translate('spm', 'The grid emission factor must not be negative.'))
        return float(grid_factor), translate('spm', 'given'), 'given'
    if code is None or str(code).strip() == '':
        value, label = default_grid_factor()
        return value, label, 'national'
    return province_grid_factor(code)
