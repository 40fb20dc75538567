"""spm:export_atlas from qgis_process on the sample city, as a nightly job would print it."""

import csv
import sqlite3

import pdf_tools

NAMES = ('城厢区', '涵江区', '荔城区', '秀屿区', '仙游县')


def test_atlas_from_qgis_process(qgis_process, sample_gpkg, tmp_path):
    layer = sample_gpkg + '|layername='
    table = tmp_path / 'indicator_table.csv'
    done = qgis_process(
        'run', 'spm:indicators', '--', f'DISTRICTS={layer}districts', 'DISTRICT_FIELD=adcode',
        'POPULATION_FIELD=population', f'LANDUSE={layer}landuse_current', 'LANDUSE_FIELD=DLBM',
        f'ECO_REDLINE={layer}eco_redline', f'FARMLAND={layer}farmland',
        f'DEV_BOUNDARY={layer}dev_boundary', 'OUTPUT=TEMPORARY_OUTPUT', f'TABLE={table}')
    assert done.returncode == 0, done.stderr + done.stdout
    violations = tmp_path / 'violations.gpkg'
    done = qgis_process(
        'run', 'spm:control_lines', '--', f'LANDUSE={layer}landuse_current', 'LANDUSE_FIELD=DLBM',
        f'ECO_REDLINE={layer}eco_redline', f'FARMLAND={layer}farmland',
        f'DEV_BOUNDARY={layer}dev_boundary', f'DISTRICTS={layer}districts', 'DISTRICT_FIELD=name',
        f'OUTPUT={violations}', 'SUMMARY=TEMPORARY_OUTPUT')
    assert done.returncode == 0, done.stderr + done.stdout
    pdf = tmp_path / '莆田市区县监测报告.pdf'
    done = qgis_process(
        'run', 'spm:export_atlas', '--json', '--', f'DISTRICTS={layer}districts',
        'DISTRICT_FIELD=name', f'LANDUSE={layer}landuse_plan', f'VIOLATIONS={violations}',
        f'INDICATORS={table}', f'SENSORS={layer}sensors_existing', 'TEMPLATE=district_report_a3',
        'FORMAT=0', 'DPI=100', 'YEAR=2024', f'OUTPUT={pdf}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert 'Exporting 5 pages' in done.stdout + done.stderr
    assert 'Exporting 0 pages' not in done.stdout + done.stderr
    assert done.json['results']['OUTPUT'] == str(pdf)
    assert done.json['results']['PAGES'] == 5
    assert pdf_tools.pages(pdf) == 5
    with open(table, encoding='utf-8') as handle:
        rows = list(csv.DictReader(handle))
    texts = [pdf_tools.page_text(pdf, page) for page in range(1, 6)]
    assert sorted(n for n in NAMES if any(f'{n}国土空间规划实施监测报告（2024年度）' in t for t in texts)) \
        == sorted(NAMES)
    # the CSV table (text columns) prints the same numbers as its values; a whole count (个)
    # without decimals
    first = next(t for t in texts if '城厢区国土空间规划' in t)
    with sqlite3.connect(sample_gpkg) as db:
        code = str(db.execute("select adcode from districts where name = '城厢区'").fetchone()[0])
    expected = []
    for row in (r for r in rows if r['DISTRICT'] == code):
        expected += [pdf_tools.printed(float(row[c]), row['UNIT']) for c in ('VALUE', 'TARGET')
                     if row[c] != '']
    assert expected and pdf_tools.printed_numbers(pdf_tools.table_region(first)) == expected
    assert all(row[-5] == 'yes' for row in pdf_tools.fonts(pdf))          # every font embedded
    assert all(pdf_tools.cjk_families(pdf, page) == {'NotoSansCJKsc'} for page in range(1, 6))
    assert pdf_tools.radicals(pdf_tools.text(pdf)) == []
    assert '国土空间规划' in pdf_tools.text(pdf)

    # PNGs: no GDAL error per page ("The PNG driver does not support update access")
    folder = tmp_path / 'png'
    done = qgis_process(
        'run', 'spm:export_atlas', '--', f'DISTRICTS={layer}districts', 'DISTRICT_FIELD=name',
        f'LANDUSE={layer}landuse_plan', f'VIOLATIONS={violations}', f'INDICATORS={table}',
        'TEMPLATE=summary_a4', 'FORMAT=2', 'DPI=50', 'YEAR=2024', f'OUTPUT={folder}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert sorted(p.name for p in folder.iterdir()) == sorted(f'{n}.png' for n in NAMES)
    assert 'ERROR' not in done.stderr and 'update access' not in done.stdout + done.stderr
