"""The report's text layer (core/reports/pdf_text.py), round scales and how counts print."""

import pytest

from spatial_planning_monitor.core.reports import chart, pdf_text
from spatial_planning_monitor.core.reports.scales import round_scale

# a ToUnicode CMap as Qt writes it: one bfrange with an array of targets (土 as ⼟, 页 as ⻚)
QT_CMAP = b'''/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0004> [<56FD> <2F1F> <7A7A> <2EDA>]
endbfrange
1 beginbfchar
<0005> <2F64>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
'''


def test_radicals_read_as_their_ideographs():
    assert pdf_text.unify('国⼟空间 第 1 ⻚ ⽤地 ⻛险 ⺟') == '国土空间 第 1 页 用地 风险 母'
    assert pdf_text.unify('TD/T 1063-2021（EPSG:4490）km² ₂') == 'TD/T 1063-2021（EPSG:4490）km² ₂'
    # every Kangxi radical and every supplement radical with an equivalent becomes an ideograph
    for code in [*range(0x2F00, 0x2FD6), *pdf_text.SUPPLEMENT]:
        ideograph = pdf_text.unified(chr(code))
        assert ideograph != chr(code) and not 0x2E80 <= ord(ideograph) <= 0x2FDF, hex(code)


def test_cmap_rewritten_with_the_ideographs_and_nothing_else():
    data, changed = pdf_text.rewrite_cmap(QT_CMAP)
    assert changed == 3
    assert pdf_text.parse_cmap(data) == {b'0000': '\x00', b'0001': '国', b'0002': '土',
                                         b'0003': '空', b'0004': '页', b'0005': '用'}
    assert data.startswith(QT_CMAP[:QT_CMAP.index(b'2 beginbfrange')])
    assert data.endswith(b'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n')
    assert pdf_text.rewrite_cmap(data) == (data, 0)


def test_incrementing_ranges_and_long_maps():
    cmap = b'1 beginbfrange\n<0010> <0012> <2F1E>\nendbfrange\n'   # ⼞ ⼟ ⼠ → 囗 土 士
    data, changed = pdf_text.rewrite_cmap(cmap)
    assert changed == 3
    assert list(pdf_text.parse_cmap(data).values()) == ['囗', '土', '士']
    many = b'1 beginbfrange\n<0000> <00F9> <2F00>\nendbfrange\n'
    data, changed = pdf_text.rewrite_cmap(many)
    assert changed == 214 and data.count(b'beginbfchar') == 3   # at most 100 entries a block


@pytest.mark.parametrize('scale, expected', [
    (187_675, 200_000), (200_000, 200_000), (200_001, 250_000), (1_234_567, 1_500_000),
    (99_999, 100_000), (7_001, 7_500), (9.5, 10)])
def test_round_scales(scale, expected):
    assert round_scale(scale) == expected


def test_counts_print_without_decimals():
    assert chart.format_value(3.0, '个') == '3'
    assert chart.format_value(1234.0, '个') == '1,234'
    assert chart.format_value(2.5, '个') == '2.50'
    assert chart.format_value(3.0, 'km²') == '3.00'
