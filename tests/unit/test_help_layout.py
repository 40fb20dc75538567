"""The help files read well in the Processing dialog of QGIS.

QGIS wraps every line of ``shortHelpString()`` in its own ``<p>`` (QgsProcessingAlgorithmDialogBase::
formatHelp) and puts the algorithm's name above it as a title. So a paragraph is one line, the file has
no title of its own, and the example command is not a ``<pre>`` block (one long line that runs out of
the panel, or fragments when split): it is one ``<code>`` per argument, ended by a shell continuation.
"""

import re
from pathlib import Path

import pytest

HELP = Path(__file__).resolve().parents[2] / 'provider' / 'help'
FILES = sorted(HELP.glob('*/*.html'))
BLOCKS = re.compile(r'<(p|dd|dt|li|h4)>(.*?)</\1>', re.S)


def test_there_are_help_files_in_both_languages():
    assert {path.parent.name for path in FILES} == {'en', 'zh_CN'}
    assert len(FILES) >= 30


@pytest.mark.parametrize('path', FILES, ids=lambda p: f'{p.parent.name}/{p.name}')
def test_one_line_per_paragraph(path):
    text = path.read_text(encoding='utf-8')
    broken = [f'<{tag}>{body[:60]}…' for tag, body in BLOCKS.findall(text) if '\n' in body]
    assert not broken, f'{path}: line breaks inside a paragraph: {broken}'
    assert text.count('<p>') == text.count('</p>'), path
    assert text.count('<dd>') == text.count('</dd>'), path


@pytest.mark.parametrize('path', FILES, ids=lambda p: f'{p.parent.name}/{p.name}')
def test_no_title_and_a_wrapped_example(path):
    text = path.read_text(encoding='utf-8')
    assert not re.search(r'<h[123]>', text), f'{path}: QGIS already shows the name as the title'
    assert '<pre>' not in text, path
    example = [line for line in text.splitlines() if 'qgis_process run spm:' in line]
    assert len(example) == 1, path
    commands = re.findall(r'<code>(.*?)</code>', example[0])
    assert commands[0].startswith('qgis_process run spm:') and len(commands) > 2, path
    assert all(line.endswith(' \\') for line in commands[:-1]), path
    assert not commands[-1].endswith('\\'), path
    # a value with a | (layername=…) is quoted, or the shell would read a pipe
    for argument in commands[1:]:
        if '|' in argument:
            assert re.fullmatch(r"[A-Z_0-9]+='[^']+'( \\)?", argument), (path, argument)
