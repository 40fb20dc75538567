"""District statistics and energy use (non-spatial tables), 2020-2023.

The figures are synthetic but of the right magnitude: the city's resident population is about
3.2 million (2020 census order of magnitude), urbanisation about 61 %, GDP about 2,600-3,200 亿元
(the city's published 2019 GDP was 2,595 亿元). The district split, the yearly growth and the energy
mix (a coal power plant and an LNG power plant on the 秀屿 coast, the rest spread by population
and industry) are invented. Units follow the energy tables of the carbon feature: t for solid and
liquid fuels, 万m³ for natural gas, MWh for electricity.
"""

from .rng import stream

YEARS = (2020, 2021, 2022, 2023)
# adcode -> (name, population 2020, urbanisation 2020, GDP share, secondary share of GDP)
DISTRICT_BASE = {
    '350302': ('城厢区', 560000, 0.80, 0.20, 0.45),
    '350303': ('涵江区', 480000, 0.66, 0.21, 0.55),
    '350304': ('荔城区', 620000, 0.84, 0.22, 0.42),
    '350305': ('秀屿区', 600000, 0.42, 0.15, 0.62),
    '350322': ('仙游县', 950000, 0.44, 0.22, 0.52),
}
CITY_GDP = {2020: 2644.0, 2021: 2883.0, 2022: 3116.0, 2023: 3262.0}   # 亿元, synthetic
PRIMARY_SHARE = {'350302': 0.03, '350303': 0.05, '350304': 0.03, '350305': 0.07,
                 '350322': 0.08}
FUELS = (('原煤', 't'), ('焦炭', 't'), ('汽油', 't'), ('柴油', 't'), ('燃料油', 't'),
         ('天然气', '万m³'), ('电力', 'MWh'))
# Per-capita or per-GDP drivers of 2020 consumption, and the yearly trend.
ENERGY_2020 = {
    '原煤': {'per_secondary': 260.0, 'plant': {'350305': 4.1e6}, 'trend': -0.03},   # t per 亿元
    '焦炭': {'per_secondary': 45.0, 'plant': {}, 'trend': -0.02},
    '汽油': {'per_capita': 0.17, 'plant': {}, 'trend': 0.02},                     # t per person
    '柴油': {'per_secondary': 120.0, 'per_capita': 0.05, 'plant': {}, 'trend': 0.0},
    '燃料油': {'per_secondary': 12.0, 'plant': {'350305': 9.0e4}, 'trend': -0.01},
    '天然气': {'per_capita': 0.0055, 'per_secondary': 3.0, 'plant': {'350305': 1.1e5},
               'trend': 0.06},                                                   # 万m³
    '电力': {'per_capita': 1.7, 'per_secondary': 6200.0, 'plant': {}, 'trend': 0.05},  # MWh
}


def district_stats():
    """Rows (adcode, name, year, population, urban_population, gdp, gdp_primary,
    gdp_secondary, gdp_tertiary)."""
    rng = stream('stats')
    rows = []
    for adcode, (name, pop, urb, share, sec) in DISTRICT_BASE.items():
        for t, year in enumerate(YEARS):
            growth = 1.0 + (0.004 if urb > 0.6 else 0.002) * t + rng.normal(0, 0.001)
            population = int(round(pop * growth, -2))
            urban_population = int(round(population * min(urb + 0.008 * t, 0.95), -2))
            gdp = round(CITY_GDP[year] * share * (1 + rng.normal(0, 0.01)), 2)
            primary = round(gdp * PRIMARY_SHARE[adcode], 2)
            secondary = round(gdp * (sec - 0.005 * t), 2)
            rows.append((adcode, name, year, population, urban_population, gdp, primary,
                         secondary, round(gdp - primary - secondary, 2)))
    return rows


def energy_use(stats_rows):
    """Long-format rows (adcode, district, year, fuel, amount, unit)."""
    rng = stream('energy')
    rows = []
    for adcode, name, year, population, _, gdp, _, secondary, _ in stats_rows:
        t = year - YEARS[0]
        for fuel, unit in FUELS:
            spec = ENERGY_2020[fuel]
            amount = spec.get('per_capita', 0.0) * population + \
                spec.get('per_secondary', 0.0) * secondary / (1 + 0.07 * t) + \
                spec['plant'].get(adcode, 0.0)
            amount *= (1 + spec['trend']) ** t * (1 + rng.normal(0, 0.02))
            rows.append((adcode, name, year, fuel, round(float(amount), 1), unit))
    return rows


def check_magnitudes(stats_rows, energy_rows):
    """City totals for the report: population 2020, GDP 2023, electricity 2023 (MWh)."""
    pop = sum(r[3] for r in stats_rows if r[2] == 2020)
    gdp = sum(r[5] for r in stats_rows if r[2] == 2023)
    power = sum(r[4] for r in energy_rows if r[2] == 2023 and r[3] == '电力')
    return {'population_2020': pop, 'gdp_2023': round(gdp, 1), 'electricity_2023_MWh': power,
            'coal_2023_t': sum(r[4] for r in energy_rows if r[2] == 2023 and r[3] == '原煤'),
            'per_capita_MWh': round(power / max(pop, 1), 2)}
