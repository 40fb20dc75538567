"""Energy carbon account (IPCC 2006 reference approach): t CO₂ by district and fuel, and totals.

CO₂ = amount (in the fuel's table unit) × standard-coal coefficient × carbon coefficient × 44/12
for fossil fuels; heat (method ``direct``) = GJ × its factor (t CO₂/GJ); electricity (method
``grid``) = MWh × grid emission factor (t CO₂/MWh): the one given, else each district's province
factor (from its administrative code, 35xxxx = 福建), else the national one.
Amounts may be stated in any unit of the same kind as the table's (t, kg, 万t; m³, 万m³, 亿m³;
kWh, MWh, 万kWh, GWh; MJ, GJ, TJ): they are converted to the table's unit first.

Fuel burnt in power plants and electricity consumed in the same district count the same CO₂
twice (IPCC 2006 Vol.2 §2.4: the emissions of electricity are the power plants'); with a sector
field naming power generation, :func:`double_counting` finds the districts that list both.
"""

import numpy as np
import pandas as pd

from ..errors import InputError
from ..finite import check_finite
from ..i18n import translate
from . import tables

# unit -> (kind, factor to the kind's base unit)
UNITS = {
    't': ('mass', 1.0), '吨': ('mass', 1.0), 'kg': ('mass', 1e-3), '千克': ('mass', 1e-3),
    '万t': ('mass', 1e4), '万吨': ('mass', 1e4),
    'm³': ('volume', 1.0), 'm3': ('volume', 1.0), '立方米': ('volume', 1.0),
    '万m³': ('volume', 1e4), '万m3': ('volume', 1e4), '万立方米': ('volume', 1e4),
    '亿m³': ('volume', 1e8), '亿m3': ('volume', 1e8), '亿立方米': ('volume', 1e8),
    'kWh': ('energy', 1.0), 'kwh': ('energy', 1.0), '千瓦时': ('energy', 1.0), '度': ('energy', 1.0),
    'MWh': ('energy', 1e3), 'mwh': ('energy', 1e3), '万kWh': ('energy', 1e4),
    '万千瓦时': ('energy', 1e4), 'GWh': ('energy', 1e6), 'gwh': ('energy', 1e6),
    '亿kWh': ('energy', 1e8), '亿千瓦时': ('energy', 1e8),
    'MJ': ('heat', 1e-3), '兆焦': ('heat', 1e-3), 'GJ': ('heat', 1.0), 'gj': ('heat', 1.0),
    '吉焦': ('heat', 1.0), '万GJ': ('heat', 1e4), '万吉焦': ('heat', 1e4), 'TJ': ('heat', 1e3),
}
# sector names of fuel burnt to generate electricity (电力、热力生产和供应业 …)
POWER_SECTOR_WORDS = ('发电', '电厂', '电力生产', '电力、热力', '电力热力', 'power')

TOTAL_FUEL = '合计'


def unit_factor(unit, table_unit):
    """Multiplier taking an amount in ``unit`` to ``table_unit``; None when not convertible."""
    source, target = UNITS.get(str(unit).strip()), UNITS.get(str(table_unit).strip())
    if source is None or target is None or source[0] != target[0]:
        return None
    return source[1] / target[1]


def _blank(value):
    return value is None or (isinstance(value, float) and np.isnan(value)) or \
        str(value).strip() in ('', 'None', 'nan', 'NULL')


def energy_carbon(table, district_field, fuel_field, amount_field, unit_field=None, year_field=None,
                  factors=None, grid_factor=None, names=None, table_name='TABLE', report=None):
    """(long table by district [and year] and fuel, totals by district [and year]).

    ``table`` is a DataFrame in long format; ``names`` an optional {district: name}. Raises
    :class:`InputError` naming the row for unknown fuels, unknown or mismatched units, and
    missing or negative amounts — before anything is computed. ``grid_factor`` None chooses each
    district's province factor; ``report`` (a dict) receives ``grid``: {district: (factor,
    description, 'given'/'province'/'national')}.
    """
    factor_table = tables.fuel_factors(factors)
    for field in [district_field, fuel_field, amount_field, unit_field, year_field]:
        if field and field not in table.columns:
            raise InputError(translate('spm', 'Table “{table}” has no field “{field}”.').format(
                table=table_name, field=field))
    if grid_factor is not None and grid_factor < 0:
        raise InputError(translate('spm', 'The grid emission factor must not be negative.'))

    frame = pd.DataFrame({
        'DIST': table[district_field].map(lambda v: '' if _blank(v) else str(v).strip()).to_numpy(),
        'FUEL': table[fuel_field].map(lambda v: '' if _blank(v) else str(v).strip()).to_numpy(),
    })
    frame['YEAR'] = table[year_field].to_numpy() if year_field else None
    amounts = table[amount_field].to_numpy(dtype=object)
    frame['UNIT'] = (table[unit_field].map(lambda v: '' if _blank(v) else str(v).strip()).to_numpy()
                     if unit_field else frame['FUEL'].map(factor_table['unit']).fillna('').to_numpy())

    problems = []
    numeric = np.full(len(frame), np.nan)
    for row, value in enumerate(amounts):
        label = '{} / {}'.format(frame['DIST'].iloc[row], frame['FUEL'].iloc[row])
        if _blank(value):
            problems.append(translate('spm', 'row {row} ({what}): amount is missing').format(
                row=row + 1, what=label))
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            problems.append(translate('spm', 'row {row} ({what}): amount “{value}” is not a number')
                            .format(row=row + 1, what=label, value=value))
            continue
        if np.isnan(number):
            problems.append(translate('spm', 'row {row} ({what}): amount is missing').format(
                row=row + 1, what=label))
        elif not np.isfinite(number):
            problems.append(translate('spm', 'row {row} ({what}): amount “{value}” is not a finite number')
                            .format(row=row + 1, what=label, value=value))
        elif number < 0:
            problems.append(translate('spm', 'row {row} ({what}): amount {value} is negative').format(
                row=row + 1, what=label, value=number))
        numeric[row] = number
    unknown = sorted(set(frame['FUEL']) - set(factor_table.index))
    if unknown:
        counts = frame['FUEL'].value_counts()
        problems.append(translate('spm', 'unknown fuel(s): {fuels} (the factor table has {known})')
                        .format(fuels=', '.join('{} ({})'.format(f or translate('spm', 'empty'),
                                                                 counts[f]) for f in unknown),
                                known=', '.join(factor_table.index)))
    conversion = np.full(len(frame), np.nan)
    for row, (fuel, unit) in enumerate(zip(frame['FUEL'], frame['UNIT'])):
        if fuel not in factor_table.index:
            continue
        factor = unit_factor(unit, factor_table.at[fuel, 'unit'])
        if factor is None:
            problems.append(translate(
                'spm', 'row {row} ({fuel}): unit “{unit}” cannot be converted to {target}').format(
                    row=row + 1, fuel=fuel, unit=unit, target=factor_table.at[fuel, 'unit']))
        conversion[row] = factor if factor is not None else np.nan
    if problems:
        shown = problems[:15]
        if len(problems) > 15:
            shown.append(translate('spm', '… and {n} more').format(n=len(problems) - 15))
        raise InputError(translate('spm', 'Table “{table}”: {n} problem(s): {list}.').format(
            table=table_name, n=len(problems), list='; '.join(shown)))

    frame['AMOUNT'] = numeric
    frame['TABLE_UNIT'] = frame['FUEL'].map(factor_table['unit'])
    frame['AMOUNT_STD'] = numeric * conversion
    method = frame['FUEL'].map(factor_table['method'])
    frame['SCE_T'] = frame['AMOUNT_STD'] * frame['FUEL'].map(factor_table['sce_t_per_unit'])
    grid = {d: tables.choose_grid_factor(grid_factor, d) for d in sorted(set(frame['DIST']))}
    if report is not None:
        report['grid'] = grid
    frame['GRID_F'] = frame['DIST'].map({d: g[0] for d, g in grid.items()})
    frame['CO2_T'] = np.where(method == 'grid', frame['AMOUNT_STD'] * frame['GRID_F'],
                              frame['AMOUNT_STD'] * frame['FUEL'].map(factor_table['co2_t_per_unit']))
    frame.loc[method == 'grid', 'SCE_T'] = np.nan
    frame['CARRIER'] = method.map({'ipcc': 'FOSSIL_T', 'grid': 'ELEC_T', 'direct': 'HEAT_T'}).to_numpy()
    _check_results(frame, table_name)

    keys = ['DIST', 'YEAR'] if year_field else ['DIST']
    by_fuel = frame.groupby(keys + ['FUEL', 'TABLE_UNIT'], as_index=False, sort=True).agg(
        AMOUNT=('AMOUNT_STD', 'sum'), SCE_T=('SCE_T', lambda s: s.sum(min_count=1)),
        CO2_T=('CO2_T', 'sum'))
    by_fuel = by_fuel.rename(columns={'TABLE_UNIT': 'UNIT'})
    totals = frame.groupby(keys)['CO2_T'].sum().to_frame()
    for carrier in ('FOSSIL_T', 'ELEC_T', 'HEAT_T'):
        part = frame[frame['CARRIER'] == carrier].groupby(keys)['CO2_T'].sum().rename(carrier)
        totals = totals.join(part)
    totals = totals.fillna(0.0)
    totals = totals.reset_index()
    totals['NAME'] = totals['DIST'].map(names or {}).fillna('')
    totals = totals[keys + ['NAME', 'FOSSIL_T', 'ELEC_T', 'HEAT_T', 'CO2_T']]
    if not year_field:
        by_fuel.insert(1, 'YEAR', None)
        totals.insert(1, 'YEAR', None)
    return by_fuel, totals


def is_power_sector(value):
    """True for a sector name of power generation (发电, 电厂, 电力、热力生产和供应业, power …)."""
    text = '' if _blank(value) else str(value).strip().lower()
    return any(word in text for word in POWER_SECTOR_WORDS)


def double_counting(table, district_field, fuel_field, sector_field, year_field=None, factors=None):
    """[(district, year or None, [power-plant fuels])] for each district [and year] whose table
    lists fuel burnt for power generation (``sector_field``) and electricity consumption too."""
    methods = tables.fuel_factors(factors)['method']
    frame = pd.DataFrame({
        'DIST': table[district_field].map(lambda v: '' if _blank(v) else str(v).strip()).to_numpy(),
        'FUEL': table[fuel_field].map(lambda v: '' if _blank(v) else str(v).strip()).to_numpy(),
        'POWER': table[sector_field].map(is_power_sector).to_numpy(dtype=bool),
        'YEAR': table[year_field].to_numpy() if year_field else None})
    frame['GRID'] = (frame['FUEL'].map(methods) == 'grid').to_numpy()
    found = []
    for (dist, year), group in frame.groupby(['DIST', frame['YEAR'].astype(str)], sort=True):
        plant = sorted(set(group.loc[group['POWER'] & ~group['GRID'], 'FUEL']))
        if plant and group['GRID'].any():
            found.append((dist, group['YEAR'].iloc[0] if year_field else None, plant))
    return found


def _check_results(frame, table_name):
    """Stop when an amount × factor or a total leaves the range of numbers (e.g. 1e308 t)."""
    too_large = ~np.isfinite(frame['CO2_T'].to_numpy(dtype=float))
    if too_large.any():
        row = int(np.flatnonzero(too_large)[0])
        raise InputError(translate(
            'spm', 'Table “{table}”, row {row} ({what}): amount {value} {unit} gives more CO₂ than a '
                   'number can hold; check the amount and its unit.').format(
            table=table_name, row=row + 1, what='{} / {}'.format(frame['DIST'].iloc[row], frame['FUEL'].iloc[row]),
            value=frame['AMOUNT'].iloc[row],
            unit=frame['UNIT'].iloc[row]))
    check_finite(frame, ['AMOUNT_STD', 'CO2_T'], translate('spm', 'Table “{table}”').format(
        table=table_name))
