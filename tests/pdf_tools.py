"""Reading exported reports back as a user would: poppler's pdfinfo, pdftotext and pdffonts."""

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET


def _run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def pages(path):
    """Number of pages."""
    return int(re.search(r'^Pages:\s+(\d+)', _run('pdfinfo', path), re.M).group(1))


def page_size_mm(path):
    """(width, height) of the first page in millimetres, rounded."""
    width, height = re.search(r'^Page size:\s+([\d.]+) x ([\d.]+) pts', _run('pdfinfo', path), re.M).groups()
    return round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)


def page_text(path, page, raw=True):
    """The text of one page (1-based), in content order when ``raw``: exactly what pdftotext
    extracts (no normalisation: a search in a PDF viewer sees the same)."""
    return _run('pdftotext', '-f', page, '-l', page, *(['-raw'] if raw else []), path, '-')


def text(path):
    """The text of the whole document."""
    return _run('pdftotext', path, '-')


def info(path):
    """pdfinfo's fields: {'Title': …, 'Author': …, 'Pages': …}."""
    return dict(line.split(':', 1) and (line.split(':', 1)[0], line.split(':', 1)[1].strip())
                for line in _run('pdfinfo', path).splitlines() if ':' in line)


def radicals(text):
    """Kangxi radicals and CJK radical supplement characters in ``text`` (look-alikes that a
    search for the ideograph does not find)."""
    return [ch for ch in text if '\u2e80' <= ch <= '\u2fdf']


def printed(value, unit):
    """How the report prints a value: 1,234.57 (two decimals), a whole count as 3 (3 个)."""
    return f'{value:,.0f}' if unit == '个' and value == int(value) else f'{value:,.2f}'


def printed_numbers(text):
    """Every number of ``text`` as printed, in order; the minutes in indicator names (步行5分钟,
    15分钟社区生活圈) are words, not numbers."""
    return re.findall(r'-?\d[\d,]*(?:\.\d+)?', re.sub(r'\d+分钟', '分钟', text))


def fonts(path):
    """pdffonts rows split on whitespace: [name, type…, encoding, emb, sub, uni, object, id]."""
    return [line.split() for line in _run('pdffonts', path).splitlines()[2:] if line.strip()]


def table_region(text):
    """The indicator table of a report page: from its heading to the chart's heading."""
    return text[text.index('主要监测指标'):text.index('指标对比')]


def text_fonts(path, page):
    """[(font family, text), ...] of the text runs of one page (pdftohtml's XML)."""
    root = ET.fromstring(_run('pdftohtml', '-xml', '-i', '-stdout', '-f', page, '-l', page, path))
    families = {spec.get('id'): spec.get('family') for spec in root.iter('fontspec')}
    return [(families[t.get('font')], ''.join(t.itertext())) for t in root.iter('text')]


def is_cjk(ch):
    """A CJK ideograph, radical, symbol or full-width form."""
    return unicodedata.east_asian_width(ch) in 'WF'


def cjk_families(path, page):
    """Font families of the text runs of one page that hold Chinese text."""
    return {family for family, text in text_fonts(path, page) if any(map(is_cjk, text))}
