"""Make an exported report's text searchable: radical look-alikes back to ideographs, title, author.

Qt's PDF writer builds each font's ToUnicode map by asking, for every glyph, the *first* code
point the font maps to it. Noto Sans CJK (and most CJK fonts) draw an ideograph and its radical
with one glyph, and the radical blocks come first: 土 is written as ⼟ (U+2F1F KANGXI RADICAL
EARTH), 页 as ⻚ (U+2EDA). The page looks right; text search, copy and paste get the radical.
:func:`fix_pdf` rewrites every ToUnicode map so that these code points read as their ideograph —
Kangxi Radicals (U+2F00–U+2FD5) by Unicode's NFKC, CJK Radicals Supplement (U+2E80–U+2EF3) by
Unicode's EquivalentUnifiedIdeograph.txt (NFKC maps only two of them) — and sets the document's
Title and Author. It needs ``pikepdf`` (Debian ``python3-pikepdf``); :data:`AVAILABLE` says
whether it is installed. No QGIS here: :func:`rewrite_cmap` is plain text processing.
"""

import re
import unicodedata

try:
    import pikepdf
    AVAILABLE = True
except ImportError:   # the export still works; the caller warns that the text layer is not fixed
    pikepdf = None
    AVAILABLE = False

# Unicode 15 EquivalentUnifiedIdeograph.txt, the CJK Radicals Supplement block
SUPPLEMENT = {
    0x2E81: 0x5382, 0x2E82: 0x4E5B, 0x2E83: 0x4E5A, 0x2E84: 0x4E59, 0x2E85: 0x4EBB, 0x2E86: 0x5182,
    0x2E87: 0x20628, 0x2E88: 0x5200, 0x2E89: 0x5202, 0x2E8A: 0x535C, 0x2E8B: 0x353E, 0x2E8C: 0x5C0F,
    0x2E8D: 0x5C0F, 0x2E8E: 0x5140, 0x2E8F: 0x5C23, 0x2E90: 0x5C22, 0x2E91: 0x21BC2, 0x2E92: 0x5DF3,
    0x2E93: 0x5E7A, 0x2E94: 0x5F51, 0x2E95: 0x2B739, 0x2E96: 0x5FC4, 0x2E97: 0x5FC3, 0x2E98: 0x624C,
    0x2E99: 0x6535, 0x2E9B: 0x65E1, 0x2E9C: 0x65E5, 0x2E9D: 0x6708, 0x2E9E: 0x6B7A, 0x2E9F: 0x6BCD,
    0x2EA0: 0x6C11, 0x2EA1: 0x6C35, 0x2EA2: 0x6C3A, 0x2EA3: 0x706C, 0x2EA4: 0x722B, 0x2EA5: 0x722B,
    0x2EA6: 0x4E2C, 0x2EA7: 0x725B, 0x2EA8: 0x72AD, 0x2EA9: 0x738B, 0x2EAA: 0x24D14, 0x2EAB: 0x76EE,
    0x2EAC: 0x793A, 0x2EAD: 0x793B, 0x2EAE: 0x25AD7, 0x2EAF: 0x7CF9, 0x2EB0: 0x7E9F, 0x2EB1: 0x7F53,
    0x2EB2: 0x7F52, 0x2EB3: 0x34C1, 0x2EB4: 0x5197, 0x2EB5: 0x2626B, 0x2EB6: 0x7F8A, 0x2EB7: 0x2634C,
    0x2EB8: 0x2634B, 0x2EB9: 0x8002, 0x2EBA: 0x8080, 0x2EBB: 0x807F, 0x2EBC: 0x8089, 0x2EBD: 0x26951,
    0x2EBE: 0x8279, 0x2EBF: 0x8279, 0x2EC0: 0x8279, 0x2EC1: 0x864E, 0x2EC2: 0x8864, 0x2EC3: 0x8980,
    0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC7: 0x278B2, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D,
    0x2ECA: 0x27FB7, 0x2ECB: 0x8F66, 0x2ECC: 0x8FB6, 0x2ECD: 0x8FB6, 0x2ECE: 0x8FB6, 0x2ECF: 0x9091,
    0x2ED0: 0x9485, 0x2ED1: 0x9577, 0x2ED2: 0x9578, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED5: 0x28E0F,
    0x2ED6: 0x961D, 0x2ED7: 0x96E8, 0x2ED8: 0x9752, 0x2ED9: 0x97E6, 0x2EDA: 0x9875, 0x2EDB: 0x98CE,
    0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EDE: 0x2967F, 0x2EDF: 0x98E0, 0x2EE0: 0x9963, 0x2EE1: 0x29810,
    0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F, 0x2EE7: 0x5364,
    0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEB: 0x6589, 0x2EEC: 0x9F50, 0x2EED: 0x6B6F,
    0x2EEE: 0x9F7F, 0x2EEF: 0x7ADC, 0x2EF0: 0x9F99, 0x2EF1: 0x9F9C, 0x2EF2: 0x4E80, 0x2EF3: 0x9F9F,
}
RADICALS = range(0x2E80, 0x2FE0)   # CJK Radicals Supplement and Kangxi Radicals
_TOKEN = re.compile(rb'<([0-9A-Fa-f]*)>|\[|\]')
_SECTION = re.compile(rb'(\d+)\s+begin(bfchar|bfrange)(.*?)end\2', re.S)
BLOCK = 100   # entries per bfchar block (the CMap specification's limit)


def unified(ch):
    """The unified ideograph a radical code point stands for; other characters unchanged."""
    code = ord(ch)
    if code in SUPPLEMENT:
        return chr(SUPPLEMENT[code])
    if 0x2F00 <= code <= 0x2FDF:
        return unicodedata.normalize('NFKC', ch)
    return ch


def unify(text):
    """``text`` with every radical look-alike replaced by its ideograph."""
    return ''.join(unified(ch) for ch in text)


def _text(hex_digits):
    return bytes.fromhex(hex_digits.decode('ascii')).decode('utf-16-be', errors='surrogatepass')


def _hex(text):
    return text.encode('utf-16-be', errors='surrogatepass').hex().upper().encode('ascii')


def parse_cmap(data):
    """{source code (hex bytes as written): text} of a ToUnicode CMap's bfchar and bfrange
    sections, in order."""
    mapping = {}
    for _, kind, body in _SECTION.findall(data):
        tokens = [t.group(0) for t in _TOKEN.finditer(body)]
        if kind == b'bfchar':
            for source, target in zip(tokens[::2], tokens[1::2]):
                mapping[source[1:-1]] = _text(target[1:-1])
            continue
        i = 0
        while i < len(tokens):
            low, high = int(tokens[i][1:-1], 16), int(tokens[i + 1][1:-1], 16)
            width = len(tokens[i]) - 2
            i += 2
            if tokens[i] == b'[':
                targets = []
                i += 1
                while tokens[i] != b']':
                    targets.append(_text(tokens[i][1:-1]))
                    i += 1
                i += 1
            else:   # the last UTF-16 unit increases by one from code to code
                first = _text(tokens[i][1:-1])
                targets = [first[:-1] + chr(ord(first[-1]) + k) for k in range(high - low + 1)]
                i += 1
            for k, target in enumerate(targets[:high - low + 1]):
                mapping[b'%0*X' % (width, low + k)] = target
    return mapping


def rewrite_cmap(data):
    """(new CMap bytes, number of codes changed): ``data`` with every radical target unified.

    The sections are rewritten as bfchar blocks; the header (code space) and the trailer are kept.
    ``data`` comes back unchanged when no target is a radical.
    """
    mapping = parse_cmap(data)
    fixed = {code: unify(text) for code, text in mapping.items()}
    changed = sum(fixed[code] != mapping[code] for code in mapping)
    sections = list(_SECTION.finditer(data))
    if not changed or not sections:
        return data, 0
    lines = []
    codes = list(fixed)
    for start in range(0, len(codes), BLOCK):
        chunk = codes[start:start + BLOCK]
        lines.append(b'%d beginbfchar' % len(chunk))
        lines += [b'<%s> <%s>' % (code, _hex(fixed[code])) for code in chunk]
        lines.append(b'endbfchar')
    body = b'\n'.join(lines)
    return data[:sections[0].start()] + body + data[sections[-1].end():], changed


def fix_pdf(path, title=None, author=None):
    """Rewrite the ToUnicode maps of the PDF at ``path`` in place and set its Title and Author
    (document information and XMP metadata). Returns the number of glyph codes unified.
    Raises RuntimeError when pikepdf is not installed."""
    if not AVAILABLE:
        raise RuntimeError('pikepdf is not installed')
    changed = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        seen = set()
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get('/Type') != '/Font':
                continue
            cmap = obj.get('/ToUnicode')
            if not isinstance(cmap, pikepdf.Stream) or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data, n = rewrite_cmap(cmap.read_bytes())
            if n:
                cmap.write(data)
                changed += n
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            if title:
                meta['dc:title'] = title
            if author:
                meta['dc:creator'] = [author]
        pdf.save(path)
    return changed
