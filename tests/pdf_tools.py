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


def unify(text):
    """Text as written: Qt's PDF ToUnicode maps ideographs whose glyph Noto Sans CJK shares with a
    Kangxi radical to the radical (⼟ U+2F1F for 土); map those back (NFKC on the Kangxi radicals
    block only, so ² and full-width punctuation stay as they are). Radicals of the supplement block
    (⻚ U+2EDA for 页) have no decomposition and stay."""
    return ''.join(unicodedata.normalize('NFKC', ch) if '\u2f00' <= ch <= '\u2fdf' else ch
                   for ch in text)


def page_text(path, page, raw=True):
    """The text of one page (1-based), in content order when ``raw``."""
    return unify(_run('pdftotext', '-f', page, '-l', page, *(['-raw'] if raw else []), path, '-'))


def fonts(path):
    """pdffonts rows split on whitespace: [name, type…, encoding, emb, sub, uni, object, id]."""
    return [line.split() for line in _run('pdffonts', path).splitlines()[2:] if line.strip()]


def numbers(text):
    """Numbers printed with two decimals (thousands separators allowed), in order."""
    return [float(n.replace(',', '')) for n in re.findall(r'-?\d[\d,]*\.\d\d(?!\d)', text)]


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
