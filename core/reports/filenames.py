"""File names for per-district report pages: legal on Windows, macOS and Linux, unique, readable.

District names are Chinese text and usually safe; names typed by hand can still hold characters
that no file system accepts (``/`` ``\\`` ``:`` ``*`` ``?`` ``"`` ``<`` ``>`` ``|``, control
characters), end in a dot or a space (Windows drops them), be a reserved device name (``CON``,
``NUL``, ``COM1`` …) or be empty. Such characters become ``_``; the Chinese text is kept.
"""

import re
import unicodedata

ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
RESERVED = {'CON', 'PRN', 'AUX', 'NUL', *(f'COM{i}' for i in range(1, 10)),
            *(f'LPT{i}' for i in range(1, 10))}
# bytes, not characters: ext4 and most file systems limit a name to 255 bytes (UTF-8 Chinese
# takes 3 bytes a character); leave room for a suffix such as "_12.pdf".
MAX_BYTES = 200


def safe_name(text, fallback='district'):
    """A file-name stem for ``text`` (no extension): illegal characters replaced by ``_``."""
    text = '' if text is None else unicodedata.normalize('NFC', str(text))
    stem = ILLEGAL.sub('_', text).strip().rstrip('. ')
    stem = re.sub(r'\s+', ' ', stem)
    if stem.replace('_', '').strip() == '':
        stem = ''
    if stem.split('.')[0].upper() in RESERVED:
        stem = '_' + stem
    while len(stem.encode('utf-8')) > MAX_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip('. ')
    return stem or fallback


def unique_names(texts, extension, fallback='district'):
    """One safe, distinct file name per text (case-insensitively distinct, as on Windows/macOS).

    Empty or unusable texts get ``fallback_<n>`` (n = position from 1); duplicates get ``_2``,
    ``_3`` … in order of appearance. ``extension`` is added (``'pdf'`` -> ``name.pdf``).
    """
    names, taken = [], set()
    for position, text in enumerate(texts, start=1):
        stem = safe_name(text, fallback=f'{fallback}_{position}')
        candidate, n = stem, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f'{stem}_{n}'
        taken.add(candidate.casefold())
        names.append(f'{candidate}.{extension}' if extension else candidate)
    return names
