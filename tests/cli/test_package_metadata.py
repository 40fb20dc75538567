"""The release zip passes the QGIS plugin repository's checks (plugins.qgis.org validator rules:
required metadata, URLs, icon, LICENSE, no caches) and ships what the plugin needs at run time:
the compiled, current Chinese translation, the resources, every algorithm's help; the version is
set in metadata.txt only, and CHANGELOG.md and the metadata changelog start with it."""

import configparser
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from urllib.parse import urlparse

import pytest

from conftest import ROOT

NAME = 'spatial_planning_monitor'
REQUIRED = ('name', 'description', 'version', 'qgisMinimumVersion', 'author', 'email', 'about',
            'tracker', 'repository')
RECOMMENDED = ('tags', 'homepage', 'changelog', 'icon', 'experimental', 'hasProcessingProvider')


def _metadata(text):
    """Parsed as QGIS does (configparser with interpolation: a stray % would break it)."""
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read_string(text)
    return dict(parser.items('general'))


@pytest.fixture(scope='module')
def package():
    built = subprocess.run(['make', '-s', 'package'], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    version = _metadata((ROOT / 'metadata.txt').read_text(encoding='utf-8'))['version']
    path = ROOT / 'dist' / f'{NAME}-{version}.zip'
    assert path.exists(), built.stdout
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        yield path, archive, archive.namelist()


def test_layout_passes_the_repository_checks(package):
    path, archive, names = package
    assert path.stat().st_size < 25_000_000
    assert {n.split('/')[0] for n in names} == {NAME}
    assert re.match(r'^[A-Za-z][A-Za-z0-9-_]+$', NAME)
    for required in ('__init__.py', 'metadata.txt', 'LICENSE', 'CHANGELOG.md'):
        assert f'{NAME}/{required}' in names, required
    for name in names:
        parts = name.split('/')
        assert '..' not in name and not name.startswith('/'), name
        assert not name.endswith(('.pyc', '.pyo')), name
        assert not {'__pycache__', '.git', '__MACOSX', '.pytest_cache', '.hypothesis'} & set(parts), name
        assert parts[1] not in ('tests', 'benchmarks', 'sample', 'scripts', 'demo', 'docs', 'build',
                                'dist', '.venv', '.github', '.ci'), name
        assert parts[1] not in ('Makefile', 'pytest.ini', 'requirements-dev.txt', '.gitignore'), name


def test_metadata_is_complete(package):
    _, archive, names = package
    meta = _metadata(archive.read(f'{NAME}/metadata.txt').decode('utf-8'))
    for key in REQUIRED + RECOMMENDED:
        assert meta.get(key, '').strip(), f'metadata.txt: {key} is missing or empty'
    assert '\n' not in meta['description'].strip()
    assert re.fullmatch(r'\d+\.\d+\.\d+', meta['version'])
    assert re.fullmatch(r'3\.\d+', meta['qgisMinimumVersion'])
    assert '/' not in meta['author'] and '@' in meta['email']
    for key in ('homepage', 'tracker', 'repository'):
        url = urlparse(meta[key])
        assert url.scheme == 'https' and url.netloc, (key, meta[key])
    for key in ('experimental', 'deprecated', 'server'):
        assert meta.get(key, 'False') in ('True', 'False'), key
    assert meta['hasProcessingProvider'] == 'yes'
    assert f"{NAME}/{meta['icon']}" in names, meta['icon']
    tags = [t.strip() for t in meta['tags'].split(',')]
    assert len(tags) >= 8 and all(tags) and '国土空间规划' in tags
    assert re.search(r'[\u3400-\u9fff]', meta['about'])     # the about text is bilingual


def test_version_is_set_in_one_place():
    meta = _metadata((ROOT / 'metadata.txt').read_text(encoding='utf-8'))
    version = meta['version']
    assert meta['changelog'].split()[0] == version
    headings = re.findall(r'^## (\S+)', (ROOT / 'CHANGELOG.md').read_text(encoding='utf-8'), re.M)
    assert headings and headings[0] == version, headings[:3]
    makefile = (ROOT / 'Makefile').read_text(encoding='utf-8')
    assert re.search(r'^VERSION := \$\(shell sed .*metadata\.txt\)', makefile, re.M)
    for path in ('__init__.py', 'plugin.py', 'provider/provider.py'):
        assert version not in (ROOT / path).read_text(encoding='utf-8'), path


def test_the_zip_ships_what_runs(package, qgis_app):
    _, archive, names = package
    tracked = subprocess.run(['git', 'ls-files', '*.py', '*.ui', '*.csv', '*.qml', '*.qpt', '*.html',
                              '*.json', '*.svg'], cwd=ROOT, capture_output=True, text=True).stdout.split()
    shipped = [p for p in tracked if not p.startswith(('tests/', 'benchmarks/', 'sample/', 'scripts/',
                                                      'demo/', 'docs/', '.ci/'))]
    missing = [p for p in shipped if (ROOT / p).exists() and f'{NAME}/{p}' not in names]
    assert not missing, missing[:10]
    assert f'{NAME}/resources_rc.py' not in names          # icons load by path (Qt6 has no pyrcc)
    assert f'{NAME}/icons/spm.svg' in names
    for language in ('en', 'zh_CN'):
        helps = [n for n in names if n.startswith(f'{NAME}/provider/help/{language}/')]
        assert len(helps) >= 15, language

    # the compiled translation is in the zip, current with the .ts, and loads
    from qgis.PyQt.QtCore import QTranslator
    data = archive.read(f'{NAME}/i18n/{NAME}_zh_CN.qm')
    translator = QTranslator()
    assert translator.loadFromData(data)

    def translate(context, source):
        return translator.translate(context.encode('utf-8'), source.encode('utf-8'))
    assert translate('SpmProvider', 'Spatial Planning Monitor') == '国土空间规划实施监测'
    assert translate('SpatialPlanningMonitor', '&Spatial Planning Monitor') == '国土空间规划实施监测(&S)'
    messages = [(context.findtext('name'), message.findtext('source'), message.findtext('translation'))
                for context in ET.parse(ROOT / 'i18n' / f'{NAME}_zh_CN.ts').getroot().iter('context')
                for message in context.iter('message')]
    assert len(messages) > 500
    stale = [(context, source) for context, source, translation in messages
             if translate(context, source) != translation]
    assert not stale, f'the packaged .qm is older than the .ts: {stale[:5]}'
