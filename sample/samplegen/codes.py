"""Code tables read from the plugin's shipped classification tables (layers/tables/), so that the
sample uses exactly the codes and names the plugin knows: 三调 (GB/T 21010-2017 + working codes)
for current use, 用地用海 2023 for the plan, and the project's 三调 -> 用地用海 mapping."""

import csv
from pathlib import Path

TABLES = Path(__file__).resolve().parents[2] / 'layers' / 'tables'


def _rows(name):
    with open(TABLES / name, encoding='utf-8-sig', newline='') as handle:
        return list(csv.DictReader(handle))


CURRENT_NAMES = {r['code']: r['name_zh'] for r in _rows('sandiao_2017.csv')}
PLAN_NAMES = {r['code']: r['name_zh'] for r in _rows('ydyh_2023.csv')}
MAPPING = {r['current_code']: r['plan_code'] for r in _rows('sandiao_to_ydyh.csv')}
CURRENT_CONSTRUCTION = {r['code'] for r in _rows('sandiao_2017.csv') if r['construction'] == '1'}
PLAN_CONSTRUCTION = {r['code'] for r in _rows('ydyh_2023.csv') if r['construction'] == '1'}


def current_name(code):
    return CURRENT_NAMES[code]


def plan_name(code):
    return PLAN_NAMES[code]
