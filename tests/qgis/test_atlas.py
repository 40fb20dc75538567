"""spm:export_atlas on the sample city: pages, names, indicator values, fonts, formats, bad input.

The PDFs are read back with poppler (pdfinfo, pdftotext, pdffonts), as a user would check them.
"""

import re
import shutil
from pathlib import Path

import pytest

import pdf_tools
from pdf_tools import page_text

NAMES = {'城厢区', '涵江区', '荔城区', '秀屿区', '仙游县'}
YEAR = 2024


# --- helpers ---------------------------------------------------------------------------------

class Recording:
    """A QgsProcessingFeedback that keeps the errors (made lazily: QGIS must be up)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Recording(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.errors = []

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.errors.append(error)
        return _Recording()


def run(alg_id, params, feedback=None):
    """Run through the registry with QgsProcessingAlgorithm.run (what qgis_process calls);
    a failure raises with the messages the user would read."""
    from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext,
                           QgsProcessingException, QgsProject)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or Recording()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    assert algorithm is not None, alg_id
    results, ok = QgsProcessingAlgorithm.run(algorithm, params, context, feedback)
    if not ok:
        raise QgsProcessingException(' | '.join(getattr(feedback, 'errors', [])))
    return results


# --- the sample city's inputs ----------------------------------------------------------------

_MADE = {}   # the expensive inputs and the A3 PDF, made once for the module


@pytest.fixture(autouse=True)
def author(qgis_app):
    """The user's project names its author: the PDFs carry it."""
    from qgis.core import QgsProject
    project = QgsProject.instance()
    before = project.metadata()
    metadata = project.metadata()
    metadata.setAuthor('Spatial planning bureau 自然资源和规划局')
    project.setMetadata(metadata)
    yield
    project.setMetadata(before)


@pytest.fixture
def inputs(spm_provider, sample_gpkg, tmp_path_factory):
    """Parameters of the report on the sample city, with spm:indicators' TABLE (run once)."""
    if 'inputs' not in _MADE:
        folder = tmp_path_factory.mktemp('atlas_inputs')
        layer = sample_gpkg + '|layername='
        table = str(folder / 'indicator_table.gpkg')
        run('spm:indicators', {
            'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'adcode',
            'POPULATION_FIELD': 'population', 'LANDUSE': layer + 'landuse_current',
            'LANDUSE_FIELD': 'DLBM', 'ECO_REDLINE': layer + 'eco_redline',
            'FARMLAND': layer + 'farmland', 'DEV_BOUNDARY': layer + 'dev_boundary',
            'OUTPUT': 'TEMPORARY_OUTPUT', 'TABLE': table})
        _MADE['inputs'] = {
            'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'name',
            'LANDUSE': layer + 'landuse_plan', 'VIOLATIONS': violations(layer, folder),
            'INDICATORS': table, 'YEAR': YEAR, 'DPI': 150}
    return dict(_MADE['inputs'])


def violations(layer, folder):
    """spm:control_lines' violation patches of the sample city."""
    out = str(folder / 'violations.gpkg')
    result = run('spm:control_lines', {
        'LANDUSE': layer + 'landuse_current', 'ECO_REDLINE': layer + 'eco_redline',
        'FARMLAND': layer + 'farmland', 'DEV_BOUNDARY': layer + 'dev_boundary',
        'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'name', 'OUTPUT': out,
        'SUMMARY': 'TEMPORARY_OUTPUT'})
    return result['OUTPUT']


def district_names(inputs):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(inputs['DISTRICTS'], 'districts', 'ogr')
    return [(f['name'], str(f['adcode'])) for f in layer.getFeatures()]


def _number(value):
    from qgis.core import NULL
    return None if value is None or value == NULL or value == '' else float(value)


def table_rows(inputs):
    """{district code: [(VALUE, TARGET, STATUS, UNIT), ...]} of the indicator table, in order."""
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(inputs['INDICATORS'], 'table', 'ogr')
    rows = {}
    for f in layer.getFeatures():
        rows.setdefault(str(f['DISTRICT']), []).append(
            (_number(f['VALUE']), _number(f['TARGET']), f['STATUS'] or '', f['UNIT'] or ''))
    return rows


# every word of the A3 template's own text (what a reader searches for), besides the district
STATIC_TEXT = (
    '国土空间规划实施监测报告（2024年度）', '监测年度：2024年', '区位图', '图例', '主要监测指标',
    '指标对比：本区与全市各区', '指标', '数值', '单位', '目标', '状态', '数据来源：',
    '分类标准：《国土空间调查、规划、用途管制用地用海分类指南》（2023年版）',
    '指标体系：TD/T 1063-2021《国土空间规划城市体检评估规程》',
    '坐标系：2000国家大地坐标系（CGCS2000 / 3-degree Gauss-Kruger zone 40，EPSG:4528）',
    '经纬网：2000国家大地坐标系地理坐标（EPSG:4490）', '制图日期：',
    '国土空间规划实施监测（Spatial Planning Monitor）', '比例尺 1:', '千米',
    '行政区界', '三线管控冲突图斑', '国土空间规划用地', '本区（县）', '其他区（县）',
)


@pytest.fixture
def atlas_pdf(inputs, tmp_path_factory):
    """The A3 report of the five districts as one PDF (made once)."""
    if 'atlas_pdf' not in _MADE:
        path = tmp_path_factory.mktemp('atlas') / 'putian_atlas.pdf'
        result = run('spm:export_atlas', dict(inputs, OUTPUT=str(path)))
        assert result['OUTPUT'] == str(path) and result['PAGES'] == 5
        _MADE['atlas_pdf'] = path
    return _MADE['atlas_pdf']


# --- the report ------------------------------------------------------------------------------

def test_one_page_per_district_titled_with_its_name(atlas_pdf, inputs):
    names = district_names(inputs)
    assert {n for n, _ in names} == NAMES
    assert pdf_tools.pages(atlas_pdf) == 5
    assert pdf_tools.page_size_mm(atlas_pdf) == (420, 297)
    for page, (name, _) in enumerate(names, start=1):
        text = page_text(atlas_pdf, page)
        assert f'{name}国土空间规划实施监测报告（{YEAR}年度）' in text
        assert f'第 {page} 页 / 共 5 页' in text
        others = NAMES - {name}
        assert not any(f'{other}国土空间规划' in text for other in others)


def test_indicator_table_equals_spm_indicators_output(atlas_pdf, inputs):
    rows = table_rows(inputs)
    names = district_names(inputs)
    assert set(rows) == {code for _, code in names}
    for page, (name, code) in enumerate(names, start=1):
        text = page_text(atlas_pdf, page)
        table = pdf_tools.table_region(text)
        expected = []
        for value, target, _, unit in rows[code]:
            expected += [pdf_tools.printed(v, unit) for v in (value, target) if v is not None]
        assert pdf_tools.printed_numbers(table) == expected, name
        assert '城市内涝积水点数量 个 3 未计算' in table      # a count's target: 3, not 3.00
        statuses = re.findall('(?:正常|预警|超标|未计算)(?![设数])', table)   # not 预警设备数, 积水超标数
        assert statuses == [s for _, _, s, _ in rows[code] if s], name
        assert len(rows[code]) >= 20  # every indicator of the shipped definitions is listed


def test_summary_line_counts_the_statuses(atlas_pdf, inputs):
    rows = table_rows(inputs)
    for page, (_, code) in enumerate(district_names(inputs), start=1):
        statuses = [s for _, _, s, _ in rows[code]]
        line = '本区指标：超标 {} 项，预警 {} 项，正常 {} 项'.format(
            statuses.count('超标'), statuses.count('预警'), statuses.count('正常'))
        assert line in page_text(atlas_pdf, page)


def test_chinese_text_uses_embedded_cjk_fonts(atlas_pdf):
    fonts = pdf_tools.fonts(atlas_pdf)
    assert any('NotoSansCJKsc' in row[0] for row in fonts), fonts
    for row in fonts:
        assert row[-5] == 'yes', row                    # embedded
        assert row[-3] == 'yes', row                    # with a ToUnicode map (text extractable)
        assert 'Type 3' not in ' '.join(row), row       # no bitmap fonts
    for page in range(1, 6):
        runs = pdf_tools.text_fonts(atlas_pdf, page)
        assert sum(any(map(pdf_tools.is_cjk, text)) for _, text in runs) > 50
        # every run with Chinese text is set in Noto Sans CJK SC; only symbols the CJK font lacks
        # (the ₂ of t CO₂) fall back to another embedded font
        assert pdf_tools.cjk_families(atlas_pdf, page) == {'NotoSansCJKsc'}
    text = page_text(atlas_pdf, 1)
    assert '\ufffd' not in text and '□' not in text
    assert '数据来源' in text and '图例' in text and '区位图' in text
    assert re.search(r'北纬\d+°\d\d′', text) and re.search(r'东经\d+°\d\d′', text)


def test_text_is_searchable_and_titled(atlas_pdf):
    """pdftotext finds every word as written: no radical look-alike (⼟ for 土, ⻚ for 页), no
    digit dropped from Latin text (TD/T 1063-2021, EPSG:4490); Title and Author are set."""
    text = pdf_tools.text(atlas_pdf)
    assert pdf_tools.radicals(text) == []
    assert text.count('国土空间') >= 5 * 3
    for page in range(1, 6):
        raw = page_text(atlas_pdf, page)
        missing = [words for words in STATIC_TEXT if words not in raw]
        assert missing == [], (page, missing)
    info = pdf_tools.info(atlas_pdf)
    assert info['Title'] == '国土空间规划实施监测报告（2024年度）'
    assert info['Author'] == 'Spatial planning bureau 自然资源和规划局'


def test_round_map_scales_and_data_set_titles(atlas_pdf):
    scales = [int(re.search(r'比例尺 1:([\d,]+)', page_text(atlas_pdf, p)).group(1).replace(',', ''))
              for p in range(1, 6)]
    assert scales == [200_000, 250_000, 200_000, 400_000, 400_000]
    sources = re.search(r'数据来源：(.*)', page_text(atlas_pdf, 1)).group(1)
    assert sources == ('国土空间规划用地用海布局、三线管控冲突图斑（spm:control_lines 计算）、'
                       '区县行政区划、城市体检指标表（spm:indicators 计算）')


def test_files_get_the_users_umask(inputs, tmp_path):
    import os
    old = os.umask(0o027)
    try:
        out = tmp_path / 'report.pdf'
        run('spm:export_atlas', dict(inputs, TEMPLATE='summary_a4', DPI=50, OUTPUT=str(out)))
        folder = tmp_path / 'png'
        run('spm:export_atlas', dict(inputs, FORMAT=2, DPI=50, OUTPUT=str(folder)))
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o640
    assert {p.stat().st_mode & 0o777 for p in folder.iterdir()} == {0o640}


def test_a4_summary_from_a_user_template_path(inputs, tmp_path):
    from spatial_planning_monitor.core.data import TEMPLATES_DIR
    template = tmp_path / '我的模板.qpt'
    shutil.copy(Path(TEMPLATES_DIR) / 'summary_a4.qpt', template)
    out = tmp_path / 'summary.pdf'
    result = run('spm:export_atlas', dict(inputs, TEMPLATE=str(template), OUTPUT=str(out)))
    assert result['PAGES'] == 5 and pdf_tools.pages(out) == 5
    assert pdf_tools.page_size_mm(out) == (210, 297)
    first, _ = district_names(inputs)[0]
    assert f'{first}国土空间规划实施监测报告' in page_text(out, 1)


def test_one_pdf_per_district_named_after_it(inputs, tmp_path):
    import os
    mask = os.umask(0)
    os.umask(mask)
    folder = tmp_path / 'reports'
    result = run('spm:export_atlas', dict(inputs, FORMAT=1, TEMPLATE='summary_a4', DPI=72,
                                          OUTPUT=str(folder)))
    assert result['OUTPUT'] == str(folder) and result['PAGES'] == 5
    assert sorted(p.name for p in folder.iterdir()) == sorted(f'{n}.pdf' for n in NAMES)
    for name in NAMES:
        path = folder / f'{name}.pdf'
        assert pdf_tools.pages(path) == 1
        text = page_text(path, 1)
        assert f'{name}国土空间规划实施监测报告（2024年度）' in text
        assert '第 1 页 / 共 1 页' in text and pdf_tools.radicals(text) == []
        assert pdf_tools.info(path)['Title'] == f'{name}国土空间规划实施监测报告（2024年度）'
        assert pdf_tools.info(path)['Author'] == 'Spatial planning bureau 自然资源和规划局'
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_one_png_per_district_with_the_chart_drawn(inputs, tmp_path):
    from qgis.PyQt.QtGui import QColor, QImage
    folder = tmp_path / 'png'
    run('spm:export_atlas', dict(inputs, FORMAT=2, DPI=50, OUTPUT=str(folder) + '.png'))
    assert sorted(p.name for p in folder.iterdir()) == sorted(f'{n}.png' for n in NAMES)
    status = [QColor(c) for c in ('#d7301f', '#fdae61', '#66bd63')]
    for name in NAMES:
        image = QImage(str(folder / f'{name}.png'))
        assert (image.width(), image.height()) == (826, 584)  # A3 at 50 dpi (rounded down)
        # the chart (322..410 mm × 177..250 mm) holds bars in status colours
        x0, x1, y0, y1 = (round(v / 25.4 * 50) for v in (322, 410, 177, 250))
        coloured = 0
        for x in range(x0, x1, 2):
            for y in range(y0, y1, 2):
                pixel = image.pixelColor(x, y)
                coloured += any(abs(pixel.red() - c.red()) + abs(pixel.green() - c.green())
                                + abs(pixel.blue() - c.blue()) < 40 for c in status)
        assert coloured > 30, name


# --- bad input -------------------------------------------------------------------------------

def _error(params, match):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match=match):
        run('spm:export_atlas', params)


def test_template_without_a_map_is_refused_and_the_old_report_kept(inputs, tmp_path):
    from qgis.core import QgsLayoutItemLabel, QgsPrintLayout, QgsProject, QgsReadWriteContext
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    label.setText('[% @atlas_pagename %]')
    layout.addLayoutItem(label)
    template = tmp_path / 'no_map.qpt'
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    out = tmp_path / 'report.pdf'
    out.write_bytes(b'last year')
    _error(dict(inputs, TEMPLATE=str(template), OUTPUT=str(out)), 'no map item')
    assert out.read_bytes() == b'last year'
    assert sorted(p.name for p in tmp_path.iterdir()) == ['no_map.qpt', 'report.pdf']
    _error(dict(inputs, TEMPLATE='no_such_template', OUTPUT=str(out)), 'no_such_template')
    not_xml = tmp_path / 'broken.qpt'
    not_xml.write_text('<Layout', encoding='utf-8')
    _error(dict(inputs, TEMPLATE=str(not_xml), OUTPUT=str(out)), 'not a QGIS print layout template')


def _memory_copy(path, names=None, keep=True):
    """A memory copy of the sample districts, optionally renamed or emptied."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer
    source = QgsVectorLayer(path, 'districts', 'ogr')
    request = QgsFeatureRequest() if keep else QgsFeatureRequest().setFilterExpression('FALSE')
    copy = source.materialize(request)
    copy.setName('districts_copy')
    if names is not None:
        index = copy.fields().indexOf('name')
        copy.startEditing()
        for feature, name in zip(copy.getFeatures(), names):
            copy.changeAttributeValue(feature.id(), index, name)
        assert copy.commitChanges()
    return copy


def test_coverage_without_features_is_refused(inputs, tmp_path):
    empty = _memory_copy(inputs['DISTRICTS'], keep=False)
    assert empty.featureCount() == 0
    out = tmp_path / 'report.pdf'
    _error(dict(inputs, DISTRICTS=empty, OUTPUT=str(out)), 'districts_copy.*no features')
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_cannot_be_written(inputs, tmp_path):
    blocker = tmp_path / 'a_file'
    blocker.write_text('x')
    _error(dict(inputs, OUTPUT=str(blocker / 'report.pdf')), 'a_file.*not writable')
    _error(dict(inputs, FORMAT=1, OUTPUT=str(blocker / 'pages')), 'not writable')
    _error(dict(inputs, OUTPUT='/proc/spm_atlas_report.pdf'), '/proc.*not writable')
    assert [p.name for p in tmp_path.iterdir()] == ['a_file']


def test_district_names_illegal_in_file_names(inputs, tmp_path):
    odd = ['城厢/区', '涵江:区*', 'CON', '', '城厢/区']
    districts = _memory_copy(inputs['DISTRICTS'], names=odd)
    folder = tmp_path / 'odd'
    result = run('spm:export_atlas', dict(inputs, DISTRICTS=districts, FORMAT=1, DPI=72,
                                          TEMPLATE='summary_a4', OUTPUT=str(folder)))
    assert result['PAGES'] == 5
    files = ['城厢_区.pdf', '涵江_区_.pdf', '_CON.pdf', 'district_4.pdf', '城厢_区_2.pdf']
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    assert '城厢/区国土空间规划' in page_text(folder / '城厢_区.pdf', 1)
    assert '涵江:区*国土空间规划' in page_text(folder / '涵江_区_.pdf', 1)


def test_indicator_table_without_its_fields_or_keys(inputs, tmp_path):
    from qgis.core import QgsFeature, QgsVectorLayer
    out = tmp_path / 'report.pdf'
    _error(dict(inputs, INDICATORS=inputs['LANDUSE'], OUTPUT=str(out)), 'no field “DISTRICT”')
    table = QgsVectorLayer('None?field=DISTRICT:string&field=IND_NAME:string&field=VALUE:double'
                           '&field=STATUS:string', 'foreign_table', 'memory')
    feature = QgsFeature(table.fields())
    feature.setAttributes(['110101', '开发强度', 12.0, '正常'])
    table.dataProvider().addFeatures([feature])
    _error(dict(inputs, INDICATORS=table, OUTPUT=str(out)), 'foreign_table.*110101.*districts')
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_no_report(inputs, tmp_path):
    feedback = Recording()
    feedback.progressChanged.connect(lambda progress: progress > 0 and feedback.cancel())
    folder = tmp_path / 'pages'
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException):
        run('spm:export_atlas', dict(inputs, FORMAT=1, DPI=72, OUTPUT=str(folder)), feedback)
    assert feedback.isCanceled()
    assert list(folder.iterdir()) == []  # no page, no staging folder


def test_inputs_are_not_modified(inputs, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer
    table = QgsVectorLayer(inputs['INDICATORS'], 'table', 'ogr')
    districts = QgsVectorLayer(inputs['DISTRICTS'], 'districts', 'ogr')
    renderer = districts.renderer().dump()
    layouts = len(QgsProject.instance().layoutManager().layouts())
    layers = len(QgsProject.instance().mapLayers())
    run('spm:export_atlas', dict(inputs, DISTRICTS=districts, INDICATORS=table, DPI=72,
                                 TEMPLATE='summary_a4', OUTPUT=str(tmp_path / 'r.pdf')))
    assert districts.renderer().dump() == renderer
    assert table.conditionalStyles().fieldStyles('STATUS') == []
    assert len(QgsProject.instance().layoutManager().layouts()) == layouts
    assert len(QgsProject.instance().mapLayers()) == layers


def test_carbon_raster_on_the_overview(inputs, tmp_path):
    """A carbon grid raster (as spm:downscale_emissions writes) takes its shipped style; the
    sources line names it."""
    import numpy as np
    from osgeo import gdal, osr
    from qgis.core import QgsVectorLayer
    extent = QgsVectorLayer(inputs['DISTRICTS'], 'districts', 'ogr').extent()
    size = 1000.0
    cols, rows = int(extent.width() // size) + 1, int(extent.height() // size) + 1
    path = str(tmp_path / 'carbon_grid.tif')   # digits after Latin letters do not extract (docs/atlas.md)
    raster = gdal.GetDriverByName('GTiff').Create(path, cols, rows, 1, gdal.GDT_Float32)
    raster.SetGeoTransform((extent.xMinimum(), size, 0, extent.yMaximum(), 0, -size))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4528)
    raster.SetProjection(srs.ExportToWkt())
    raster.GetRasterBand(1).WriteArray(np.arange(cols * rows, dtype='float32').reshape(rows, cols))
    raster = None
    out = tmp_path / 'with_carbon.pdf'
    result = run('spm:export_atlas', dict(inputs, CARBON=path, DPI=72, OUTPUT=str(out)))
    assert result['PAGES'] == 5 and pdf_tools.pages(out) == 5
    assert '碳排放网格（carbon_grid）' in page_text(out, 1)


# --- the balance table (耕地进出平衡, 新增建设用地) ------------------------------------------------

def balance_tables(inputs, folder):
    """spm:farmland_balance's SUMMARY and spm:landuse_change's NEW_CONSTRUCTION of the sample city."""
    layer = inputs['DISTRICTS'].rsplit('=', 1)[0] + '='
    common = {'BEFORE': layer + 'landuse_previous', 'BEFORE_FIELD': 'DLBM',
              'AFTER': layer + 'landuse_current', 'AFTER_FIELD': 'DLBM',
              'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'name'}
    farmland = str(folder / 'farmland_balance.csv')
    run('spm:farmland_balance', dict(common, OUTPUT='TEMPORARY_OUTPUT', SUMMARY=farmland))
    construction = str(folder / 'new_construction.csv')
    run('spm:landuse_change', dict(common, LEVEL=1, DEV_BOUNDARY=layer + 'dev_boundary',
                                   OUTPUT='TEMPORARY_OUTPUT', NEW_CONSTRUCTION=construction))
    return farmland, construction


def _csv_rows(path):
    import csv
    with open(path, encoding='utf-8-sig', newline='') as handle:
        return list(csv.DictReader(handle))


def test_balance_table_shows_each_districts_numbers(inputs, tmp_path):
    farmland, construction = balance_tables(inputs, tmp_path)
    totals = {r['DISTRICT']: r for r in _csv_rows(farmland) if r['ROW'] == 'TOTAL'}
    new = {r['DISTRICT']: r for r in _csv_rows(construction)}
    assert set(totals) == NAMES and NAMES <= set(new)
    out = tmp_path / 'balance.pdf'
    run('spm:export_atlas', dict(inputs, FARMLAND_BALANCE=farmland, NEW_CONSTRUCTION=construction,
                                 DPI=72, OUTPUT=str(out)))
    for page, (name, _) in enumerate(district_names(inputs), start=1):
        text = page_text(out, page)
        table = text[text.index('耕地进出平衡与新增建设用地'):]
        t, n = totals[name], new[name]
        for label, value in (('耕地流出', f"{float(t['OUT_HA']):.2f}"),
                             ('耕地流入', f"{float(t['IN_HA']):.2f}"),
                             ('耕地净增减', f"{float(t['NET_HA']):+.2f}"),
                             ('新增建设用地（城镇开发边界内）', f"{float(n['INSIDE_HA']):.2f}"),
                             ('新增建设用地（城镇开发边界外）', f"{float(n['OUTSIDE_HA']):.2f}")):
            assert re.search(re.escape(label) + r'\s+' + re.escape(value) + r'\b', table), \
                (name, label, value, table[:400])
        assert float(t['OUT_HA']) > 0 and float(n['INSIDE_HA']) > 0   # real numbers, not zeros


def test_balance_table_dashes_a_missing_table_and_hides_without_both(inputs, tmp_path):
    _, construction = balance_tables(inputs, tmp_path)
    out = tmp_path / 'construction_only.pdf'
    run('spm:export_atlas', dict(inputs, NEW_CONSTRUCTION=construction, DPI=72, OUTPUT=str(out)))
    text = page_text(out, 1)
    assert re.search(r'耕地流出\s+—', text) and re.search(r'耕地净增减\s+—', text)
    assert not re.search(r'新增建设用地（城镇开发边界内）\s+—', text)
    out = tmp_path / 'none.pdf'
    run('spm:export_atlas', dict(inputs, DPI=72, OUTPUT=str(out)))
    assert '耕地进出平衡与新增建设用地' not in pdf_tools.text(out)


def test_balance_table_with_wrong_columns_is_refused(inputs, tmp_path):
    out = tmp_path / 'bad.pdf'
    _error(dict(inputs, FARMLAND_BALANCE=inputs['INDICATORS'], OUTPUT=str(out)),
           'no column ROW, OUT_HA, IN_HA, NET_HA.*spm:farmland_balance')
    assert not out.exists()
