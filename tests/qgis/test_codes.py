"""落图+赋码 on the sample city, through the Processing registry.

Building codes: every building inside a township gets a unique code naming the township that
holds its centroid (checked here with QGIS geometry, independently of core), the registry opens
in QGIS as a layer, and re-running on an edited layer (10 % deleted, new buildings drawn, feature
ids renumbered) keeps every surviving code — buildings are followed by their 标识码 (BSM), which
the algorithm never sees. BeiDou codes decode to cells touching their buildings; the project list
sample/projects.csv is placed with its known code errors and conflicts.
"""

import hashlib
import os
import sqlite3

import pytest

from spatial_planning_monitor.core.codes import beidou, schemes

SCHEME = schemes.get_scheme()
PROJECTS_CSV = os.path.join(os.path.dirname(__file__), '..', '..', 'sample', 'projects.csv')
# rows of sample/projects.csv with something to show
MONTH_13, WRONG_REGION = '2413-350303-30-03-118276', '2408-350305-63-02-440915'
MALFORMED, LETTER = '2406-350305-52-018820', '2407-35032A-12-03-551207'
LEGACY, CITY_LEVEL = '2019-350302-12-01-036154', '2405-350300-89-01-702395'
SWAPPED, NO_COORDINATES = '2409-350302-07-03-338610', '2403-350303-12-03-662045'


def layer_of(path, name=None):
    from qgis.core import QgsVectorLayer
    uri = f'{path}|layername={name}' if name else str(path)
    layer = QgsVectorLayer(uri, name or 'output', 'ogr')
    assert layer.isValid(), uri
    return layer


def rows(layer, *fields):
    return [tuple(f[n] for n in fields) for f in layer.getFeatures()]


def digest(path):
    with open(path, 'rb') as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def registry_counts(path):
    connection = sqlite3.connect(path)
    try:
        status = dict(connection.execute('SELECT status, COUNT(*) FROM building_codes GROUP BY status'))
        runs = connection.execute('SELECT run, issued, kept, retired, active_after, total_after '
                                  'FROM spm_runs ORDER BY run').fetchall()
        codes = {code: state for code, state in connection.execute('SELECT code, status FROM building_codes')}
    finally:
        connection.close()
    return status, runs, codes


class Townships:
    """The sample's townships with a spatial index, answering in QGIS geometry (not core)."""

    def __init__(self, layer):
        from qgis.core import QgsGeometry, QgsSpatialIndex
        self.features = {f.id(): f for f in layer.getFeatures()}
        self.index = QgsSpatialIndex(layer.getFeatures())
        self.boundaries = {i: QgsGeometry(f.geometry().constGet().boundary()) for i, f in self.features.items()}

    def touching(self, geometry):
        ids = self.index.intersects(geometry.boundingBox())
        return [self.features[i]['code'] for i in ids if self.features[i].geometry().intersects(geometry)]

    def of_centroid(self, geometry, tolerance=1e-5):
        """The township holding the centroid; a centroid on a boundary (within ``tolerance``
        metres: buildings drawn symmetrically across a line) goes to the lowest code it touches,
        as docs/codes.md says."""
        centroid = geometry.centroid()
        touching = []
        for i in self.index.intersects(centroid.boundingBox().buffered(1.0)):
            feature, edge = self.features[i], self.boundaries[i].distance(centroid)
            if feature.geometry().contains(centroid) and edge > tolerance:
                return feature['code']
            if edge <= tolerance:
                touching.append(feature['code'])
        return min(touching) if touching else None


def assign(run_alg, buildings, sample_gpkg, registry, output, **extra):
    params = {'BUILDINGS': buildings, 'ADMIN': f'{sample_gpkg}|layername=townships', 'ADMIN_CODE_FIELD': 'code',
              'YEAR_FIELD': 'year', 'REGISTRY': str(registry), 'BEIDOU_LEVEL': 8, 'OUTPUT': str(output)}
    params.update(extra)
    return run_alg('spm:assign_building_codes', params)


@pytest.fixture(scope='module')
def first_run(tmp_path_factory, sample_gpkg, qgis_app, qgis_processing):
    """The sample city coded once for the module: (registry path, output path)."""
    import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject
    from conftest import register_provider
    from spatial_planning_monitor.provider.provider import SpmProvider
    if QgsApplication.processingRegistry().providerById('spm') is None:   # spm_provider is per test
        register_provider(SpmProvider())
    folder = tmp_path_factory.mktemp('codes')
    registry, output = folder / 'registry.gpkg', folder / 'coded.gpkg'
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run('spm:assign_building_codes', {
        'BUILDINGS': f'{sample_gpkg}|layername=buildings', 'ADMIN': f'{sample_gpkg}|layername=townships',
        'ADMIN_CODE_FIELD': 'code', 'YEAR_FIELD': 'year', 'REGISTRY': str(registry), 'BEIDOU_LEVEL': 8,
        'OUTPUT': str(output)}, context=context, feedback=QgsProcessingFeedback())
    return registry, output


def test_every_building_gets_a_unique_valid_code_of_its_centroids_township(first_run, sample_gpkg):
    registry, output = first_run
    coded = layer_of(output)
    buildings = layer_of(sample_gpkg, 'buildings')
    townships = Townships(layer_of(sample_gpkg, 'townships'))
    assert coded.featureCount() == buildings.featureCount()
    codes = [f['BUILDING_CODE'] for f in coded.getFeatures() if f['CODE_STATUS'] == 'new']
    outside = [f for f in coded.getFeatures() if f['CODE_STATUS'] == 'outside']
    assert len(codes) + len(outside) == buildings.featureCount()
    assert len(set(codes)) == len(codes)
    assert all(SCHEME.validate(c).valid for c in codes)
    # the township part of the code is the township holding the centroid: all straddling
    # buildings (~1 % of the sample) and every 25th other one, checked with QGIS geometry
    straddling = 0
    for feature in coded.getFeatures():
        geometry = feature.geometry()
        touched = townships.touching(geometry)
        if len(touched) < 2 and feature.id() % 25:
            continue
        straddling += len(touched) > 1
        expected = townships.of_centroid(geometry)
        if expected is not None:
            assert feature['BUILDING_CODE'][:9] == expected == feature['ADMIN_CODE'], feature.id()
    assert straddling >= 0.005 * buildings.featureCount()
    # year and sequence: the building's year; sequences 1..k in every township and year
    years = {f['BSM']: f['year'] for f in buildings.getFeatures()}
    by_group = {}
    for f in coded.getFeatures():
        if f['BUILDING_CODE']:
            assert int(f['BUILDING_CODE'][9:13]) == years[f['BSM']]
            by_group.setdefault(f['BUILDING_CODE'][:13], []).append(int(f['BUILDING_CODE'][13:17]))
    assert all(sorted(s) == list(range(1, len(s) + 1)) for s in by_group.values())


def test_the_registry_opens_in_qgis_as_a_layer(first_run):
    from spatial_planning_monitor.compat import WkbType
    registry, output = first_run
    layer = layer_of(registry, 'building_codes')
    coded = layer_of(output)
    issued = sum(1 for f in coded.getFeatures() if f['BUILDING_CODE'])
    assert layer.featureCount() == issued
    assert layer.wkbType() == WkbType.MultiPolygon and layer.crs().authid() == 'EPSG:4528'
    assert {f['status'] for f in layer.getFeatures()} == {'active'}
    first = next(layer.getFeatures())
    assert first.geometry().area() > 0 and SCHEME.validate(first['code']).valid
    assert layer.extent().contains(coded.extent()) or layer.extent() == coded.extent()


def test_registry_stability_after_editing_the_city(run_alg, first_run, sample_gpkg, tmp_path):
    """Delete 10 %, draw new buildings, renumber features, re-run: no active code changes, none is
    reused, none duplicated, and the registry's row counts tell the story."""
    import shutil
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer
    registry0, output0 = first_run
    registry = tmp_path / 'registry.gpkg'
    shutil.copy(registry0, registry)
    first = {f['BSM']: f['BUILDING_CODE'] for f in layer_of(output0).getFeatures() if f['BUILDING_CODE']}
    status0, _, codes0 = registry_counts(str(registry))

    source = layer_of(sample_gpkg, 'buildings')
    edited = QgsVectorLayer(f'MultiPolygon?crs={source.crs().authid()}', 'edited', 'memory')
    edited.dataProvider().addAttributes(source.fields().toList())
    edited.updateFields()
    kept, deleted = [], []
    features = sorted(source.getFeatures(), key=lambda f: f['BSM'])
    for k, feature in enumerate(features):
        (deleted if k % 10 == 3 else kept).append(feature)
    # new buildings: 12 m squares at the centre of deleted footprints' neighbours' townships —
    # drawn where a deleted building stood, shifted 40 m, so they overlap nothing coded
    added = []
    for k, old in enumerate(deleted[:60]):
        centre = old.geometry().centroid().asPoint()
        square = QgsGeometry.fromRect(QgsRectangle(centre.x() + 40, centre.y() + 40, centre.x() + 52, centre.y() + 52))
        new = QgsFeature(edited.fields())
        new.setAttributes([None] * edited.fields().count())
        new['BSM'], new['year'], new['floors'] = f'NEW{k:04d}', 2025, 2
        new.setGeometry(square)
        added.append(new)
    copies = []
    for feature in reversed(kept):                      # new order, new feature ids
        copy = QgsFeature(edited.fields())
        copy.setAttributes(feature.attributes())
        copy.setGeometry(feature.geometry())
        copies.append(copy)
    edited.dataProvider().addFeatures(copies + added)

    result = assign(run_alg, edited, sample_gpkg, registry, tmp_path / 'second.gpkg')
    second = layer_of(result['OUTPUT'])
    after = {f['BSM']: (f['BUILDING_CODE'], f['CODE_STATUS']) for f in second.getFeatures()}

    survivors = [f['BSM'] for f in kept if f['BSM'] in first]
    assert all(after[b] == (first[b], 'kept') for b in survivors), 'an existing building changed its code'
    fresh = [after[f'NEW{k:04d}'] for k in range(len(added))]
    fresh_codes = [code for code, status in fresh if status == 'new']
    assert not set(fresh_codes) & set(codes0), 'a retired or existing code was reused'
    all_codes = [code for code, _ in after.values() if code]
    assert len(all_codes) == len(set(all_codes)), 'a code was issued twice'

    status, runs, codes = registry_counts(str(registry))
    n_deleted = sum(1 for f in deleted if f['BSM'] in first)
    assert status['retired'] == n_deleted
    assert status['active'] == status0['active'] - n_deleted + len(fresh_codes)
    assert sum(status.values()) == sum(status0.values()) + len(fresh_codes)
    assert {code for code, state in codes.items() if state == 'retired'} == {first[f['BSM']] for f in deleted
                                                                           if f['BSM'] in first}
    assert runs[-1][1:] == (len(fresh_codes), len(survivors), n_deleted, status['active'], sum(status.values()))


class CancelAfter:
    """A feedback that cancels after ``n`` progress reports (mid-run)."""

    def __new__(cls, n):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.reports = 0
                self.progressChanged.connect(self._count)

            def _count(self, _):
                self.reports += 1
                if self.reports >= n:
                    self.cancel()
        return Feedback()


def test_a_canceled_or_refused_run_leaves_registry_and_output_untouched(run_alg, first_run, sample_gpkg, tmp_path):
    import shutil
    from qgis.core import QgsProcessingException
    registry = tmp_path / 'registry.gpkg'
    shutil.copy(first_run[0], registry)
    before = digest(registry)
    output = tmp_path / 'never.gpkg'
    with pytest.raises(QgsProcessingException, match='Canceled'):
        run_alg('spm:assign_building_codes', {
            'BUILDINGS': f'{sample_gpkg}|layername=buildings', 'ADMIN': f'{sample_gpkg}|layername=townships',
            'ADMIN_CODE_FIELD': 'code', 'REGISTRY': str(registry), 'OUTPUT': str(output)},
            feedback=CancelAfter(5))                   # canceled after matching, before the write
    assert digest(registry) == before and not output.exists()
    # locked by an editing session: refused, named, unchanged
    holder = sqlite3.connect(registry, isolation_level=None)
    holder.execute('BEGIN IMMEDIATE')
    try:
        with pytest.raises(QgsProcessingException, match='locked'):
            assign(run_alg, f'{sample_gpkg}|layername=buildings', sample_gpkg, registry, output)
    finally:
        holder.execute('ROLLBACK')
        holder.close()
    assert digest(registry) == before and not output.exists()
    # another scheme: refused, unchanged
    with pytest.raises(QgsProcessingException, match='scheme'):
        assign(run_alg, f'{sample_gpkg}|layername=buildings', sample_gpkg, registry, output, SCHEME='city_county17')
    assert digest(registry) == before and not output.exists()


def test_bad_township_codes_are_named_before_anything_is_written(run_alg, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match='6-digit'):
        run_alg('spm:assign_building_codes', {
            'BUILDINGS': f'{sample_gpkg}|layername=buildings', 'ADMIN': f'{sample_gpkg}|layername=townships',
            'ADMIN_CODE_FIELD': 'code', 'REGISTRY': str(tmp_path / 'r.gpkg'), 'SCHEME': 'city_county17',
            'OUTPUT': str(tmp_path / 'o.gpkg')})
    assert not (tmp_path / 'r.gpkg').exists() and not (tmp_path / 'o.gpkg').exists()


# --- BeiDou codes and cells --------------------------------------------------------------------

def test_beidou_codes_of_buildings_2d_and_3d(run_alg, sample_gpkg, tmp_path):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject,
                           QgsRectangle)
    result = run_alg('spm:beidou_grid_code', {'INPUT': f'{sample_gpkg}|layername=buildings', 'LEVEL': 8,
                                              'HEIGHT_FIELD': 'height', 'FIELD': 'BD3', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    layer = result['OUTPUT']
    to_cgcs = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem('EPSG:4490'), QgsProject.instance())
    count = 0
    for feature in layer.getFeatures():
        code = feature['BD3']
        assert len(code) == beidou.CODE_LENGTH_3D[8]
        cell = beidou.decode_code(code, three_d=True)
        assert cell['bottom'] <= feature['height'] < cell['top']
        footprint = QgsGeometry(feature.geometry())
        footprint.transform(to_cgcs)
        box = QgsGeometry.fromRect(QgsRectangle(cell['west'], cell['south'], cell['east'], cell['north']))
        assert footprint.intersects(box), feature.id()
        count += 1
    assert count == layer_of(sample_gpkg, 'buildings').featureCount()


def test_beidou_3d_heights_above_ground_need_the_grounds_ellipsoidal_height(run_alg, sample_gpkg):
    """GB/T 39409 heights are 大地高 above CGCS2000: a building's height above ground is accepted only
    with the ground's ellipsoidal height added (a field or a constant)."""
    from qgis.core import QgsProcessingException
    base = {'INPUT': f'{sample_gpkg}|layername=buildings', 'LEVEL': 8, 'HEIGHT_FIELD': 'height',
            'HEIGHT_REFERENCE': 1, 'FIELD': 'BD3', 'OUTPUT': 'TEMPORARY_OUTPUT'}
    with pytest.raises(QgsProcessingException, match='GROUND_FIELD or GROUND_HEIGHT'):
        run_alg('spm:beidou_grid_code', base)
    layer = run_alg('spm:beidou_grid_code', dict(base, GROUND_HEIGHT=12.5))['OUTPUT']
    for feature in layer.getFeatures():
        cell = beidou.decode_code(feature['BD3'], three_d=True)
        assert cell['bottom'] <= feature['height'] + 12.5 < cell['top']
        assert feature['BD3'] == beidou.encode_3d(*_lnglat(feature), feature['height'] + 12.5, 8)[0]
        break
    ellipsoidal = run_alg('spm:beidou_grid_code', dict(base, HEIGHT_REFERENCE=0))['OUTPUT']
    first = next(ellipsoidal.getFeatures())
    assert beidou.decode_code(first['BD3'], three_d=True)['bottom'] <= first['height']


def _lnglat(feature):
    from spatial_planning_monitor.core.codes.footprints import anchor_points
    from spatial_planning_monitor.core.codes.assign import geographic
    import geopandas as gpd
    from shapely import wkt
    frame = gpd.GeoSeries([wkt.loads(feature.geometry().asWkt())], crs='EPSG:4528')
    x, y, _, _ = anchor_points(frame)
    lng, lat = geographic(x, y, frame.crs)
    return lng, lat


def test_cells_of_codes_are_the_decoded_rectangles(run_alg, first_run):
    result = run_alg('spm:beidou_grid_cells', {'CODES': str(first_run[1]), 'CODE_FIELD': 'BEIDOU_CODE',
                                               'OUTPUT': 'TEMPORARY_OUTPUT'})
    cells = result['OUTPUT']
    assert cells.crs().authid() == 'EPSG:4490'
    coded = layer_of(first_run[1])
    assert cells.featureCount() == coded.featureCount()
    for feature in list(cells.getFeatures())[:500]:
        cell = beidou.decode_code(feature['BEIDOU_CODE'])
        box = feature.geometry().boundingBox()
        assert feature['LEVEL'] == 8 and feature['CODE_DIM'] == '2D'
        assert box.xMinimum() == pytest.approx(cell['west'], abs=1e-12)
        assert box.yMaximum() == pytest.approx(cell['north'], abs=1e-12)


# --- validation ----------------------------------------------------------------------------

def test_validate_building_codes_reports_each_kind_of_error(run_alg, first_run, sample_gpkg):
    from qgis.core import QgsVectorLayer
    coded = layer_of(first_run[1])
    memory = QgsVectorLayer(f'MultiPolygon?crs={coded.crs().authid()}', 'tampered', 'memory')
    memory.dataProvider().addAttributes(coded.fields().toList())
    memory.updateFields()
    features = [f for f in coded.getFeatures() if f['BUILDING_CODE']][:40]
    codes = [f['BUILDING_CODE'] for f in features]
    other_township = next(t['code'] for t in layer_of(sample_gpkg, 'townships').getFeatures()
                          if t['code'] != codes[1][:9])
    body = other_township + codes[1][9:22]
    tampered = {0: codes[0][:-1] + ('0' if codes[0][-1] != '0' else '1'),        # bad check character
                1: body + SCHEME.compose([body[:9]], [int(body[9:13])], [int(body[13:17])])[0][-1],
                2: codes[3],                                                       # duplicate of row 3
                4: codes[4][:20]}                                                  # too short
    for k, feature in enumerate(features):
        if k in tampered:
            feature['BUILDING_CODE'] = tampered[k]
    memory.dataProvider().addFeatures(features)
    result = run_alg('spm:validate_codes', {'INPUT': memory, 'CODE_FIELD': 'BUILDING_CODE', 'CODE_TYPE': 0,
                                            'ADMIN': f'{sample_gpkg}|layername=townships',
                                            'ADMIN_CODE_FIELD': 'code', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    out = {f['BUILDING_CODE'] + str(k): (f['VALID'], f['REASON']) for k, f in enumerate(result['OUTPUT'].getFeatures())}
    verdicts = list(out.values())
    assert verdicts[0][0] == 0 and 'check character' in verdicts[0][1]
    assert verdicts[1][0] == 0 and 'names area' in verdicts[1][1]                  # wrong township
    assert verdicts[2][0] == 0 and 'duplicate' in verdicts[2][1]
    assert verdicts[3][0] == 0 and 'duplicate' in verdicts[3][1]
    assert verdicts[4][0] == 0 and '23 characters' in verdicts[4][1]
    assert all(v[0] == 1 for v in verdicts[5:])


def test_validate_credit_codes_in_the_project_table(run_alg):
    result = run_alg('spm:validate_codes', {'INPUT': PROJECTS_CSV, 'CODE_FIELD': 'owner_credit_code',
                                            'CODE_TYPE': 4, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    verdicts = {f['project_code']: (f['VALID'], f['REASON']) for f in result['OUTPUT'].getFeatures()}
    invalid = {code for code, (valid, _) in verdicts.items() if not valid}
    assert invalid == {WRONG_REGION} and 'check character' in verdicts[WRONG_REGION][1]


# --- projects --------------------------------------------------------------------------------

def plan_code_at(plan, geometry):
    for feature in plan.getFeatures():
        if feature.geometry().intersects(geometry.centroid() if geometry.type() != 0 else geometry):
            return feature['YDYHFLDM']
    return None


def test_place_projects_from_coordinates(run_alg, sample_gpkg):
    from spatial_planning_monitor.core.landuse import tables
    result = run_alg('spm:place_projects', {
        'TABLE': PROJECTS_CSV, 'CODE_FIELD': 'project_code', 'X_FIELD': 'lon', 'Y_FIELD': 'lat',
        'SOURCE_CRS': 'EPSG:4490', 'ADMIN': f'{sample_gpkg}|layername=townships', 'ADMIN_CODE_FIELD': 'code',
        'PLAN': f'{sample_gpkg}|layername=landuse_plan', 'PLAN_FIELD': 'YDYHFLDM', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    out = result['OUTPUT']
    assert out.crs().authid() == 'EPSG:4528' and out.featureCount() == 22
    projects = {f['project_code']: f for f in out.getFeatures()}
    invalid = {code for code, f in projects.items() if not f['CODE_VALID']}
    assert invalid == {MONTH_13, WRONG_REGION, MALFORMED, LETTER}
    assert 'month “13”' in projects[MONTH_13]['CODE_REASON']
    assert 'names area 350305' in projects[WRONG_REGION]['CODE_REASON']        # code says 秀屿区, lies in 荔城区
    assert 'YYMM-AAAAAA' in projects[MALFORMED]['CODE_REASON']
    assert 'only digits' in projects[LETTER]['CODE_REASON']
    assert 'before the 2020 rules' in projects[LEGACY]['CODE_REASON'] and projects[LEGACY]['CODE_VALID']
    assert projects[CITY_LEVEL]['CODE_VALID']                                  # 350300 holds 350302…
    assert not projects[SWAPPED].hasGeometry() and 'swapped' in projects[SWAPPED]['PLACE_NOTE']
    assert not projects[NO_COORDINATES].hasGeometry() and 'coordinates' in projects[NO_COORDINATES]['PLACE_NOTE']
    # township and planned use at each placed point, and the conflict rule, checked independently
    townships, plan = layer_of(sample_gpkg, 'townships'), layer_of(sample_gpkg, 'landuse_plan')
    classes = tables.load_plan_classes()
    for code, feature in projects.items():
        if not feature.hasGeometry():
            continue
        point = feature.geometry()
        assert feature['ADMIN_CODE'] == next(t['code'] for t in townships.getFeatures()
                                             if t.geometry().contains(point)), code
        planned = plan_code_at(plan, point)
        assert feature['PLAN_USE'] == planned, code
        assert feature['CONFLICT'] == int(not classes.is_construction([planned])[0]), code
    # the river, farmland and forest projects sit on non-construction land in the plan
    assert {code for code, f in projects.items() if f['CONFLICT'] == 1} == {CITY_LEVEL, LEGACY, LETTER}


def test_place_projects_on_parcels_with_their_own_land_use(run_alg, sample_gpkg):
    from qgis.core import QgsGeometry
    from spatial_planning_monitor.core.landuse import tables
    result = run_alg('spm:place_projects', {
        'TABLE': PROJECTS_CSV, 'CODE_FIELD': 'project_code', 'PARCEL_FIELD': 'parcels',
        'PARCELS': f'{sample_gpkg}|layername=landuse_current', 'PARCELS_KEY': 'BSM', 'USE_FIELD': 'land_use',
        'PLAN': f'{sample_gpkg}|layername=landuse_plan', 'PLAN_FIELD': 'YDYHFLDM', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    out = result['OUTPUT']
    parcels = layer_of(sample_gpkg, 'landuse_current')
    by_bsm = {f['BSM']: f.geometry() for f in parcels.getFeatures()}
    classes = tables.load_plan_classes()
    for feature in out.getFeatures():
        ids = [p for p in (feature['parcels'] or '').split(';') if p]
        if not ids:
            assert not feature.hasGeometry() and 'no parcel id' in feature['PLACE_NOTE']
            continue
        union = QgsGeometry.unaryUnion([by_bsm[i] for i in ids])
        assert feature.geometry().area() == pytest.approx(union.area(), rel=1e-9)
        assert 0 < feature['PLAN_SHARE'] <= 1
        planned, wanted = feature['PLAN_USE'], feature['land_use']
        assert feature['CONFLICT'] == int(classes.ancestor(planned, 1) != classes.ancestor(wanted, 1))
    multi = next(f for f in out.getFeatures() if ';' in (f['parcels'] or ''))
    assert multi.geometry().isMultipart() or multi.geometry().area() > by_bsm[multi['parcels'].split(';')[0]].area()
