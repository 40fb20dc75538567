"""Apply the shipped QML styles and the Chinese/English field aliases to layers."""

import functools
import os

from ..core import textfile
from ..core.data import STYLES_DIR, data_path


@functools.lru_cache(maxsize=1)
def aliases():
    """{field name: (English alias, Chinese alias)} from layers/fields.csv."""
    table = textfile.read_csv(data_path('fields.csv'), ('field', 'en', 'zh'))
    return {row['field']: (row['en'], row['zh']) for row in table.to_dict('records')}


def style_path(style):
    """Path of a shipped style by name (``'violations'`` -> layers/styles/violations.qml)."""
    return os.path.join(STYLES_DIR, style + '.qml')


def apply_aliases(layer, language=None):
    """Set each known field's alias in the interface language (Chinese for zh, else English)."""
    if language is None:
        from ..provider.resources import language as interface_language
        language = interface_language()
    column = 1 if language == 'zh_CN' else 0
    table = aliases()
    for index, field in enumerate(layer.fields()):
        if field.name() in table:
            layer.setFieldAlias(index, table[field.name()][column])


def apply(layer, style=None):
    """Load the named shipped style (when it exists) and, for vector layers, the aliases."""
    if style:
        path = style_path(style)
        if os.path.exists(path):
            layer.loadNamedStyle(path)
    if hasattr(layer, 'fields'):  # rasters have no fields
        apply_aliases(layer)
    layer.triggerRepaint()
