"""Where the data shipped with the plugin lives (tables, styles, templates)."""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PLUGIN_DIR / 'layers'
TABLES_DIR = DATA_DIR / 'tables'
STYLES_DIR = DATA_DIR / 'styles'
TEMPLATES_DIR = DATA_DIR / 'templates'


def data_path(*parts):
    """Path of a file under ``layers/``, e.g. ``data_path('tables', 'ydyh_2023.csv')``."""
    return DATA_DIR.joinpath(*parts)
