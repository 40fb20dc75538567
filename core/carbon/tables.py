"""Carbon coefficient tables: load the shipped CSVs in layers/tables/ or a user's own table.

Every loader accepts a path, a DataFrame (e.g. a QGIS table layer read through the bridge) or
None for the shipped default, checks the columns and values, and fails with a message that names
the table, the column and the offending row. Units are fixed by the column names:

- land use (``carbon_landuse_*.csv``): ``code`` (用地用海 level-1, two digits) and
  ``net_t_co2_per_ha_a`` (t CO₂ hm⁻² a⁻¹, positive = net emission, negative = sink);
  a table in carbon instead may give ``net_t_c_per_ha_a`` (converted × 44/12).
- fuels (``carbon_fuels.csv``): ``fuel``, ``unit``, ``method`` (``ipcc`` or ``grid``),
  ``sce_t_per_unit`` (t standard coal per unit) and ``carbon_t_c_per_tce`` (t C / t ce).
- buildings (``carbon_building_eui.csv``): ``use`` and ``eui_kwh_per_m2_a`` (kWh m⁻² a⁻¹).
- grid factors (``carbon_grid_factors.csv``): ``t_co2_per_mwh``; the row with ``default = yes``
  is the default of the algorithms' ``GRID_FACTOR`` parameter.
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

    ``co2_t_per_unit`` = standard coal × carbon × 44/12 for ``ipcc`` fuels, NaN for ``grid`` fuels
    (electricity, whose factor is the grid emission factor given at run time).
    """
    frame, label = read_table(table, FUELS_DEFAULT)
    _require(frame, label, ['fuel', 'unit'])
    frame['fuel'] = _unique_keys(frame, label, 'fuel')
    if 'method' not in frame.columns:
        frame['method'] = 'ipcc'
    frame['method'] = frame['method'].astype(str).str.strip().str.lower().replace('', 'ipcc')
    bad = ~frame['method'].isin(['ipcc', 'grid'])
    if bad.any():
        row = bad.to_numpy().nonzero()[0][0]
        raise InputError(translate(
            'spm', '{table}, row {row}: method must be “ipcc” or “grid”, found “{value}”.'
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
    frame['co2_t_per_unit'] = frame['sce_t_per_unit'] * frame['carbon_t_c_per_tce'] * CO2_PER_C
    frame.loc[~ipcc, 'co2_t_per_unit'] = float('nan')
    return frame.set_index('fuel')[['unit', 'method', 'sce_t_per_unit', 'carbon_t_c_per_tce',
                                    'co2_t_per_unit']]


def building_intensities(table=None):
    """{building use: energy-use intensity, kWh m⁻² a⁻¹} from a table."""
    frame, label = read_table(table, BUILDINGS_DEFAULT)
    _require(frame, label, ['use', 'eui_kwh_per_m2_a'])
    keys = _unique_keys(frame, label, 'use')
    values = _numbers(frame, label, 'eui_kwh_per_m2_a', non_negative=True)
    return dict(zip(keys, values))


def default_grid_factor():
    """The default grid emission factor (t CO₂/MWh) and its description (region, year)."""
    frame, label = read_table(None, GRID_FACTORS)
    values = _numbers(frame, label, 't_co2_per_mwh')
    chosen = frame['default'].astype(str).str.strip().str.lower() == 'yes'
    row = chosen.to_numpy().nonzero()[0][0] if chosen.any() else 0
    return float(values.iloc[row]), '{} {}'.format(frame['region'].iloc[row], frame['year'].iloc[row])
