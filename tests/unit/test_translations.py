"""The Chinese interface is complete: every tr()/translate() string of the plugin's code is in
i18n/spatial_planning_monitor_zh_CN.ts with a finished Chinese translation that keeps the
placeholders and accelerators, and lrelease compiles it without an unfinished message.

When this fails: ``make translations`` (refreshes the .ts from the code), then translate what
``/usr/bin/python3 scripts/ts_fill.py todo`` lists (``scripts/ts_fill.py fill todo.tsv``).
"""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT

TS = ROOT / 'i18n' / 'spatial_planning_monitor_zh_CN.ts'
# the same files as `make translations` (Makefile): the plugin's tracked code and forms
EXCLUDED = ('tests/', 'benchmarks/', 'sample/', 'scripts/')
PLACEHOLDER = re.compile(r'\{[^{}]*\}')        # {name}, {n:,.1f}
CJK = re.compile(r'[\u3400-\u9fff\uff00-\uffef]')
ACCELERATOR = re.compile(r'&(?!&|amp;)(\w)')


def _messages(path):
    """{(context, source): (translation, finished)} of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            translation = message.find('translation')
            text = (translation.text or '') if translation is not None else ''
            finished = (translation is not None and bool(text.strip())
                        and translation.get('type') not in ('unfinished', 'obsolete', 'vanished'))
            found[(name, message.findtext('source'))] = (text, finished)
    return found


def _code_files():
    listed = subprocess.run(['git', 'ls-files', '*.py', '*.ui'], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    return [path for path in listed if not path.startswith(EXCLUDED) and (ROOT / path).exists()]


@pytest.fixture(scope='module')
def in_code(tmp_path_factory):
    """The messages pylupdate5 finds in the code now (as `make translations` would)."""
    assert shutil.which('pylupdate5'), 'pylupdate5 is missing: apt install pyqt5-dev-tools'
    fresh = tmp_path_factory.mktemp('ts') / 'fresh.ts'
    done = subprocess.run(['pylupdate5', '-noobsolete', *_code_files(), '-ts', str(fresh)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return _messages(fresh)


@pytest.fixture(scope='module')
def shipped():
    return _messages(TS)


def test_the_code_has_the_plugins_strings(in_code):
    contexts = {context for context, _ in in_code}
    # algorithms, docks (.py and .ui forms), the plugin, the provider and core all contribute
    assert {'SpatialPlanningMonitor', 'SpmProvider', 'SpmAlgorithm', 'spm', 'PlanConformanceAlgorithm',
            'IndicatorDock', 'IndicatorDockBase', 'SensorDock', 'CodeLookupDock'} <= contexts
    assert len(in_code) > 500


def test_every_string_in_the_code_is_in_the_ts(in_code, shipped):
    missing = sorted(key for key in in_code if key not in shipped)
    assert not missing, (f'{len(missing)} strings of the code are missing from {TS.name} '
                         f'(run make translations, then translate them): {missing[:10]}')


def test_every_string_in_the_code_has_a_finished_translation(in_code, shipped):
    untranslated = sorted(key for key in in_code if key in shipped and not shipped[key][1])
    assert not untranslated, f'{len(untranslated)} strings untranslated: {untranslated[:10]}'


def test_translations_are_chinese(shipped):
    """A source with English words gets Chinese, not a copy of the English."""
    copied = []
    for (context, source), (translation, finished) in shipped.items():
        words = re.findall(r'[A-Za-z]{3,}', PLACEHOLDER.sub('', source))
        english = [w for w in words if not w.isupper() and w.lower() not in ('gib', 'qgis')]
        if finished and english and not CJK.search(translation):
            copied.append((context, source, translation))
    assert not copied, copied[:10]


def test_placeholders_survive_translation(shipped):
    broken = [(context, source, translation)
              for (context, source), (translation, finished) in shipped.items()
              if finished and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation))]
    assert not broken, broken[:10]
    # a translated message formats with the arguments its source takes
    source = 'Layer “{layer}” has no field “{field}” ({label}). Fields: {fields}.'
    translation = shipped[('SpmAlgorithm', source)][0]
    text = translation.format(layer='地块', field='DLBM', label='地类编码', fields='A, B')
    assert '地块' in text and 'DLBM' in text and '{' not in text


def test_accelerators_survive_translation(shipped):
    for (context, source), (translation, finished) in shipped.items():
        keys = ACCELERATOR.findall(source)
        if finished and keys:
            assert [k.upper() for k in ACCELERATOR.findall(translation)] == [k.upper() for k in keys], \
                (context, source, translation)
    assert shipped[('SpatialPlanningMonitor', '&Spatial Planning Monitor')][0] == '国土空间规划实施监测(&S)'


def test_domain_terms(shipped):
    """The planning vocabulary of the Chinese standards, not loose renderings."""
    def zh(source, context='spm'):
        return shipped[(context, source)][0]
    assert zh('Ecological protection red line (生态保护红线)', 'ControlLinesAlgorithm') == '生态保护红线'
    assert zh('Permanent basic farmland', 'IndicatorsAlgorithm') == '永久基本农田'
    assert zh('Urban development boundary', 'IndicatorsAlgorithm') == '城镇开发边界'
    assert '北斗网格位置码' in zh('BeiDou grid location code (GB/T 39409-2020)')
    assert '城市体检' in zh('City indicators (城市体检)')
    assert '感知终端' in zh('Sensor planning (感知终端布设)')
    assert '图集' in zh('District report layout (atlas)…')
    assert zh('Plan implementation monitoring') == '规划实施监测'


def test_lrelease_compiles_every_message(tmp_path):
    lrelease = shutil.which('lrelease')
    assert lrelease, 'lrelease is missing: apt install qttools5-dev-tools'
    qm = tmp_path / 'zh_CN.qm'
    done = subprocess.run([lrelease, str(TS), '-qm', str(qm)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert qm.stat().st_size > 10000
    assert re.search(r'\(\d+ finished and 0 unfinished\)', done.stdout), done.stdout
