"""District report atlas: pages per second on 100 synthetic districts (spm:export_atlas).

A synthetic city of N square districts (10 km, EPSG:4528), each with 25 planned land-use parcels
(用地用海 codes), 2 control-line violations and 8 indicators, is exported with the shipped A3
template as one PDF (300 dpi) through the Processing registry, the way qgis_process runs it.
There is no peer to compare with (QGIS's own atlas export is what runs inside); the figure is
pages per second, layout building (template, layers, charts) included. When the sample city is
there, its five-district report (spm:indicators TABLE and spm:control_lines patches made first,
not timed) is timed too.

Usage: /usr/bin/python3 benchmarks/bench_atlas.py [--districts 100] [--template district_report_a3]
       [--sample sample/putian.gpkg]
"""

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from _common import ROOT, import_plugin, peak_rss_gib, qgis_app, save

CODES = [('0101', '水田'), ('0301', '乔木林地'), ('070101', '一类城镇住宅用地'), ('0901', '商业用地'),
         ('1001', '工业用地'), ('1202', '公路用地'), ('1402', '防护绿地'), ('1701', '河流水面')]
INDICATORS = [('DEV_INTENS', '开发强度', '%', 30.0, 'lower'), ('FOREST', '森林覆盖率', '%', 40.0, 'higher'),
              ('PC_URBAN', '人均城镇建设用地面积', 'm²/人', 120.0, 'lower'),
              ('ROAD_DENS', '城区道路网密度', 'km/km²', 6.0, 'higher'),
              ('BLD_DENS', '城区建筑密度', '%', 40.0, 'lower'),
              ('REDLINE', '生态保护红线面积', 'km²', None, 'higher'),
              ('FARMLAND', '永久基本农田保护面积', '万亩', None, 'higher'),
              ('RL_CONST', '生态保护红线范围内城乡建设用地面积', 'hm²', 0.0, 'lower')]


def _square(x, y, size):
    return f'MULTIPOLYGON((({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y})))'


def make_city(path, n, seed=0):
    """Write districts, landuse_plan, violations and indicators (long table) to a GeoPackage."""
    from qgis.core import (QgsFeature, QgsField, QgsGeometry, QgsVectorFileWriter,
                           QgsVectorLayer, QgsCoordinateTransformContext)
    from spatial_planning_monitor.compat import FieldType
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    x0, y0, size = 40_430_000, 2_780_000, 10_000

    def layer(kind, name, fields):
        lyr = QgsVectorLayer(f'{kind}?crs=EPSG:4528' if kind != 'None' else 'None', name, 'memory')
        lyr.dataProvider().addAttributes([QgsField(f, t) for f, t in fields])
        lyr.updateFields()
        return lyr

    districts = layer('MultiPolygon', 'districts', [('adcode', FieldType.Int), ('name', FieldType.String)])
    landuse = layer('MultiPolygon', 'landuse_plan', [('YDYHFLDM', FieldType.String),
                                                     ('YDYHFLMC', FieldType.String)])
    violations = layer('MultiPolygon', 'violations', [('TYPE', FieldType.String),
                                                      ('AREA_M2', FieldType.Double)])
    table = layer('None', 'indicators', [('DISTRICT', FieldType.String), ('IND_ID', FieldType.String),
                                         ('IND_NAME', FieldType.String), ('VALUE', FieldType.Double),
                                         ('UNIT', FieldType.String), ('TARGET', FieldType.Double),
                                         ('STATUS', FieldType.String)])
    feats = {id(districts): [], id(landuse): [], id(violations): [], id(table): []}

    def add(lyr, attrs, wkt=None):
        f = QgsFeature(lyr.fields())
        f.setAttributes(attrs)
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats[id(lyr)].append(f)

    for i in range(n):
        x, y = x0 + (i % side) * size, y0 + (i // side) * size
        code = 350300 + i + 1
        add(districts, [code, f'第{i + 1}区'], _square(x, y, size))
        cell = size / 5
        for k in range(25):
            c = CODES[int(rng.integers(len(CODES)))]
            add(landuse, list(c), _square(x + (k % 5) * cell, y + (k // 5) * cell, cell))
        for k in range(2):
            vx, vy = x + rng.uniform(500, 8000), y + rng.uniform(500, 8000)
            add(violations, [('生态保护红线内建设', '永久基本农田内建设')[k], 250_000.0],
                _square(vx, vy, 500))
        for ind, name, unit, target, direction in INDICATORS:
            value = float(rng.uniform(0.2, 1.6) * (target or 50.0) + (0 if target else 1))
            if target is None:
                status = ''
            elif direction == 'lower':
                status = '超标' if value > target else ('预警' if value > 0.9 * target else '正常')
            else:
                status = '超标' if value < target else ('预警' if value < 1.1 * target else '正常')
            add(table, [str(code), ind, name, round(value, 4), unit, target, status])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    for k, lyr in enumerate((districts, landuse, violations, table)):
        lyr.dataProvider().addFeatures(feats[id(lyr)])
        options.layerName = lyr.name()
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if k == 0
                                        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            lyr, str(path), QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return str(path)


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith('Pages:')))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--districts', type=int, default=100)
    parser.add_argument('--template', default='district_report_a3')
    parser.add_argument('--dpi', type=int, default=300)
    parser.add_argument('--keep', action='store_true', help='keep the synthetic city and the PDF')
    parser.add_argument('--sample', default=str(ROOT / 'sample' / 'putian.gpkg'))
    args = parser.parse_args()
    import_plugin()
    app = qgis_app()  # noqa: F841 (keeps QGIS alive)
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject
    from spatial_planning_monitor.provider.provider import SpmProvider
    provider = SpmProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    work = Path(tempfile.mkdtemp(prefix='spm_bench_atlas_'))
    gpkg = make_city(work / f'atlas_city_{args.districts}.gpkg', args.districts)
    output = str(work / f'atlas_{args.districts}.pdf')
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = {'DISTRICTS': f'{gpkg}|layername=districts', 'DISTRICT_FIELD': 'name',
              'LANDUSE': f'{gpkg}|layername=landuse_plan',
              'VIOLATIONS': f'{gpkg}|layername=violations',
              'INDICATORS': f'{gpkg}|layername=indicators', 'TEMPLATE': args.template,
              'FORMAT': 0, 'DPI': args.dpi, 'YEAR': 2024, 'OUTPUT': output}
    start = time.perf_counter()
    result = run(params, context)
    seconds = time.perf_counter() - start
    pages = pdf_pages(output)
    assert pages == args.districts == result['PAGES'], (pages, result)
    size = os.path.getsize(output)
    results = {
        'districts': args.districts, 'template': args.template, 'dpi': args.dpi, 'pages': pages,
        'seconds': round(seconds, 2), 'pages_per_second': round(pages / seconds, 2),
        'pdf_mib': round(size / 2 ** 20, 2)}
    if os.path.exists(args.sample):
        results.update(sample_report(args.sample, work, args.dpi, context))
    if args.keep:
        print('kept', work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    results['peak_rss_gib'] = peak_rss_gib()
    save('atlas', results)


def run(params, context, alg_id='spm:export_atlas'):
    """Run an algorithm through the registry with QgsProcessingAlgorithm.run (what qgis_process
    calls: prepare, process, post-process)."""
    from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingFeedback
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    result, ok = QgsProcessingAlgorithm.run(algorithm, params, context, QgsProcessingFeedback())
    assert ok, alg_id
    return result


def sample_report(sample, work, dpi, context):
    """Seconds to print the sample city's five-district A3 report (inputs made first)."""
    layer = sample + '|layername='
    table = str(work / 'sample_indicator_table.gpkg')
    run({'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'adcode', 'POPULATION_FIELD': 'population',
         'LANDUSE': layer + 'landuse_current', 'LANDUSE_FIELD': 'DLBM',
         'ECO_REDLINE': layer + 'eco_redline', 'FARMLAND': layer + 'farmland',
         'DEV_BOUNDARY': layer + 'dev_boundary', 'OUTPUT': 'TEMPORARY_OUTPUT', 'TABLE': table},
        context, 'spm:indicators')
    violations = str(work / 'sample_violations.gpkg')
    run({'LANDUSE': layer + 'landuse_current', 'LANDUSE_FIELD': 'DLBM',
         'ECO_REDLINE': layer + 'eco_redline', 'FARMLAND': layer + 'farmland',
         'DEV_BOUNDARY': layer + 'dev_boundary', 'DISTRICTS': layer + 'districts',
         'DISTRICT_FIELD': 'name', 'OUTPUT': violations, 'SUMMARY': 'TEMPORARY_OUTPUT'},
        context, 'spm:control_lines')
    output = str(work / 'sample_atlas.pdf')
    start = time.perf_counter()
    result = run({'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'name',
                  'LANDUSE': layer + 'landuse_plan', 'VIOLATIONS': violations, 'INDICATORS': table,
                  'SENSORS': layer + 'sensors_existing', 'FORMAT': 0, 'DPI': dpi, 'YEAR': 2024,
                  'OUTPUT': output}, context)
    seconds = time.perf_counter() - start
    assert result['PAGES'] == pdf_pages(output) == 5
    return {'sample_pages': 5, 'sample_seconds': round(seconds, 2),
            'sample_pdf_mib': round(os.path.getsize(output) / 2 ** 20, 2)}


if __name__ == '__main__':
    main()
