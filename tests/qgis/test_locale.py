"""The Processing side follows QGIS's locale: Chinese names, labels, help and messages with zh_CN,
English with en_US; every algorithm has help in both languages."""

import re
from pathlib import Path

import pytest

from interface_language import compile_translations, interface_locale

HELP = Path(__file__).resolve().parents[2] / 'provider' / 'help'
CJK = re.compile(r'[\u3400-\u9fff]')


@pytest.fixture(scope='module')
def qm_folder(tmp_path_factory):
    return compile_translations(tmp_path_factory.mktemp('qm'))


def _algorithms(provider):
    algorithms = sorted(provider.algorithms(), key=lambda a: a.name())
    assert len(algorithms) >= 15, [a.id() for a in algorithms]
    return algorithms


def _english_words(text):
    """Lower-case English words of a label (ids such as CO2_T or SPACING and units aside)."""
    text = re.sub(r'\{[^{}]*\}|\([^()]*\)', '', text)
    return [w for w in re.findall(r'[A-Za-z]{3,}', text) if not w.isupper()]


def _help(language, name):
    return (HELP / language / f'{name}.html').read_text(encoding='utf-8')


def test_zh_CN_gives_chinese_names_labels_and_help(spm_provider, qm_folder):
    from spatial_planning_monitor.provider import resources
    from spatial_planning_monitor.provider.base import groups
    with interface_locale('zh_CN', qm_folder, spm_provider):
        assert resources.language() == 'zh_CN'
        assert spm_provider.name() == '国土空间规划实施监测'
        assert groups()['monitoring'] == '规划实施监测'
        for alg in _algorithms(spm_provider):
            name = alg.displayName()
            assert CJK.match(name), (alg.id(), name)       # Chinese first, e.g. 碳排放冷热点分析（Getis–Ord Gi*）
            assert CJK.search(alg.group()), (alg.id(), alg.group())
            assert alg.shortHelpString().startswith(_help('zh_CN', alg.name())), alg.id()
            assert '<h4>' in alg.shortHelpString()[len(_help('zh_CN', alg.name())):]   # + the safety section
            for parameter in alg.parameterDefinitions():
                label = parameter.description()
                assert CJK.search(label) or not _english_words(label), (alg.id(), parameter.name(), label)
            for output in alg.outputDefinitions():
                label = output.description()
                assert CJK.search(label) or not _english_words(label), (alg.id(), output.name(), label)
        by_id = {alg.name(): alg for alg in spm_provider.algorithms()}
        conformance = by_id['plan_conformance']
        assert conformance.displayName() == '规划符合性分析'
        assert conformance.group() == '规划实施监测'
        assert conformance.parameterDefinition('CURRENT').description() == '土地利用现状（三调图斑）'
        assert '兼容规则表' in conformance.shortHelpString()
        assert by_id['control_lines'].displayName() == '三条控制线占用监测'
        assert by_id['beidou_grid_code'].displayName() == '北斗网格位置码'
        assert by_id['plan_sensors'].displayName() == '感知终端布设选址'
        # base class messages, and those of module-level helpers (alg.tr → context 'alg')
        assert conformance.tr('Canceled: no output was written.') == '已取消：未写出任何结果。'
        assert conformance.tr('weight') == '权重'
        # core (no Qt) translates through the installed translator too
        from spatial_planning_monitor.core.i18n import translate
        assert translate('spm', 'not installed') == '未安装'


def test_zh_CN_errors_reach_the_user_in_chinese(spm_provider, qm_folder, run_alg):
    """A refused run says why in Chinese, with the layer and field filled in."""
    from qgis.core import QgsProcessingException, QgsVectorLayer
    current = QgsVectorLayer('Polygon?crs=EPSG:4528&field=DLBM:string', '现状', 'memory')
    plan = QgsVectorLayer('Polygon?crs=EPSG:4528&field=YDYHFLDM:string', '规划', 'memory')
    with interface_locale('zh_CN', qm_folder, spm_provider):
        with pytest.raises(QgsProcessingException) as raised:
            run_alg('spm:plan_conformance', {
                'CURRENT': current, 'CURRENT_FIELD': 'NOPE', 'PLAN': plan, 'PLAN_FIELD': 'YDYHFLDM',
                'OUTPUT': 'memory:', 'SUMMARY': 'memory:'})
    message = str(raised.value)
    assert '图层“现状”没有字段“NOPE”（现状地类编码）' in message, message
    assert 'DLBM' in message and 'Traceback' not in message


def test_en_US_gives_english(spm_provider, qm_folder):
    from spatial_planning_monitor.core.i18n import translate
    from spatial_planning_monitor.provider import resources
    from spatial_planning_monitor.provider.base import groups
    with interface_locale('en_US', qm_folder, spm_provider):
        assert resources.language() == 'en'
        assert spm_provider.name() == 'Spatial Planning Monitor'
        assert groups()['monitoring'] == 'Plan implementation monitoring'
        for alg in _algorithms(spm_provider):
            # English first; some names add the Chinese term in brackets: 'Plan conformance (规划符合性分析)'
            assert re.match(r'[A-Z]', alg.displayName()), (alg.id(), alg.displayName())
            assert not CJK.search(alg.group()), alg.id()
            assert alg.shortHelpString().startswith(_help('en', alg.name())), alg.id()
            assert 'never overwrite an input' in alg.shortHelpString()   # + the safety section
            for parameter in alg.parameterDefinitions():
                label = parameter.description()
                assert not CJK.search(label) or re.search(r'[a-z]{3,}', label), (alg.id(), label)
        conformance = spm_provider.algorithm('plan_conformance')
        assert conformance.displayName() == 'Plan conformance (规划符合性分析)'
        assert conformance.tr('weight') == 'weight'
        assert translate('spm', 'not installed') == 'not installed'


def test_the_locale_is_restored_after_the_chinese_tests(spm_provider, qm_folder):
    from qgis.core import QgsSettings
    from spatial_planning_monitor.core.i18n import translate
    before = QgsSettings().value('locale/userLocale')
    with interface_locale('zh_CN', qm_folder, spm_provider):
        assert translate('spm', 'Reports') == '报告'
    assert translate('spm', 'Reports') == 'Reports'
    assert spm_provider.algorithm('plan_conformance').displayName().startswith('Plan conformance')
    assert QgsSettings().value('locale/userLocale') == before


def test_every_algorithm_has_help_in_both_languages():
    """What it does, each parameter by name, and a qgis_process example, in en and zh_CN."""
    from spatial_planning_monitor.provider.provider import algorithm_classes
    classes, problems = algorithm_classes()
    assert not problems, problems
    assert len(classes) >= 15
    undescribed = []
    for cls in classes:
        algorithm = cls()
        algorithm.initAlgorithm()
        parameters = [p.name() for p in algorithm.parameterDefinitions()]
        for language in ('en', 'zh_CN'):
            path = HELP / language / f'{cls.NAME}.html'
            assert path.exists(), f'{path} is missing'
            text = path.read_text(encoding='utf-8')
            assert len(text) > 500, path
            assert f'spm:{cls.NAME}' in text and 'qgis_process' in text, f'{path}: no example command'
            missing = [p for p in parameters if not re.search(rf'\b{p}\b', text)]
            if missing:
                undescribed.append(f'{language}/{cls.NAME}.html: {missing}')
            if language == 'zh_CN':
                assert len(CJK.findall(text)) > 100, f'{path} is not in Chinese'
    assert not undescribed, 'parameters missing from the help: ' + '; '.join(undescribed)
    # no help for an algorithm that does not exist
    names = {cls.NAME for cls in classes}
    for language in ('en', 'zh_CN'):
        stray = {p.stem for p in (HELP / language).glob('*.html')} - names
        assert not stray, (language, stray)


@pytest.mark.parametrize('locale', ['zh-Hans', 'zh_CN.UTF-8'])
def test_qgis_chinese_locale_codes_give_chinese(spm_provider, qm_folder, locale):
    """QGIS 3 names its Simplified Chinese interface 'zh-Hans' in the locale setting."""
    from spatial_planning_monitor.provider import resources
    with interface_locale(locale, qm_folder, spm_provider):
        assert resources.language() == 'zh_CN'
        assert spm_provider.algorithm('plan_conformance').displayName() == '规划符合性分析'
