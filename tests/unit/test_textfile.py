"""core.textfile: the one reader of users' CSV and JSON files."""

import pytest

from spatial_planning_monitor.core import textfile
from spatial_planning_monitor.core.errors import InputError

ROWS = '代码,名称,系数\n01,耕地,0.1\n\n03,林地,-3.9\n'


@pytest.mark.parametrize('encoding,said', [('utf-8', 'UTF-8'), ('utf-8-sig', 'UTF-8 (BOM)'),
                                            ('gbk', 'GBK'), ('gb18030', 'GBK')])
def test_the_same_table_in_every_encoding_reads_the_same(tmp_path, encoding, said):
    path = tmp_path / 't.csv'
    path.write_text(ROWS, encoding=encoding)
    logged = []
    table = textfile.read_csv(textfile.TableFile(path, 'COEFFICIENTS', log=logged.append), ['代码'])
    assert list(table.columns) == ['代码', '名称', '系数']
    assert table.to_dict('records') == [{'代码': '01', '名称': '耕地', '系数': '0.1'},
                                        {'代码': '03', '名称': '林地', '系数': '-3.9'}]
    assert list(table.index) == [2, 4]                 # spreadsheet rows: the blank row 3 is skipped
    assert table.attrs['encoding'] == said
    assert logged == [f'File “{path}” (COEFFICIENTS) read as {said}.']


def test_a_table_file_logs_its_encoding_once(tmp_path):
    path = tmp_path / 't.csv'
    path.write_text(ROWS, encoding='gbk')
    logged = []
    source = textfile.TableFile(path, 'X', log=logged.append)
    textfile.read_csv(source)
    textfile.read_csv(source)
    assert len(logged) == 1


def test_short_and_long_rows_comments_and_duplicate_headers(tmp_path):
    path = tmp_path / 't.csv'
    path.write_text('fid,fid,cost\nR1, S1 ,3\n# note,x\nR2\nR3,S3,4,extra\n', encoding='utf-8')
    table = textfile.read_csv(path, skip_comments=True)
    assert list(table.columns) == ['fid', 'fid', 'cost']
    assert table.values.tolist() == [['R1', 'S1', '3'], ['R2', '', ''], ['R3', 'S3', '4']]
    assert list(table.index) == [2, 4, 5]


@pytest.mark.parametrize('content,reason', [
    (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'not a text file'),
    (b'a,b\n1,\x00\n', 'not a text file'),
    (b'', 'is empty'),
    (b' \n\t\n', 'is empty'),
    ('a,b\n1,2\n'.encode('utf-16'), 'UTF-16'),
    (b'\xef\xbb\xbfa,b\n\xff,1\n', 'starts as UTF-8'),
    ('a\ncafé ÿ\n'.encode('latin-1'), 'neither UTF-8 nor GBK'),
    (b'a,b\n', 'no data row'),
    (b'x,y\n1,2\n', 'column(s) a missing; it has x, y'),
])
def test_unusable_files_name_the_file_and_parameter(tmp_path, content, reason):
    path = tmp_path / 'bad.csv'
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        textfile.read_csv(textfile.TableFile(path, 'RULES'), ['a'])
    assert str(caught.value).startswith(f'File “{path}” (RULES): ')
    assert reason in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match='does not exist'):
        textfile.read_text(tmp_path / 'none.csv')
    with pytest.raises(InputError, match='is a folder'):
        textfile.read_text(tmp_path)


def test_header_only_is_allowed_when_asked(tmp_path):
    path = tmp_path / 't.csv'
    path.write_text('a,b\n', encoding='utf-8')
    table = textfile.read_csv(path, ['a'], allow_empty=True)
    assert list(table.columns) == ['a', 'b'] and len(table) == 0


def test_json_in_gbk_and_its_errors(tmp_path):
    path = tmp_path / 's.json'
    path.write_text('{"名称": "城市"}', encoding='gbk')
    assert textfile.read_json(path) == ({'名称': '城市'}, 'GBK')
    path.write_text('{\n  "a": [1, 2,]\n}', encoding='utf-8')
    with pytest.raises(InputError, match='not valid JSON: .* at line 2, column 14'):
        textfile.read_json(path)
    path.write_text('[' * 100000, encoding='utf-8')
    with pytest.raises(InputError, match='nested too deeply|not valid JSON'):
        textfile.read_json(path)


def test_sniff_encoding_cuts_a_large_file_at_a_line(tmp_path):
    path = tmp_path / 'big.csv'
    line = '地区,燃料\n'.encode('gbk')
    path.write_bytes(line * 1000)
    limit = len(line) * 10 + 3                   # the sample ends inside a GBK character
    assert textfile.sniff_encoding(path, limit=limit) == 'GBK'
    path.write_bytes('地区,燃料\n'.encode('utf-8') * 1000)
    assert textfile.sniff_encoding(path, limit=limit) == 'UTF-8'
