"""Check the third-party Python packages the algorithms need, without importing QGIS."""

import importlib

from .i18n import translate

# module -> (minimum version, Debian/Ubuntu package, OSGeo4W package)
REQUIREMENTS = {
    'numpy': ('1.21', 'python3-numpy', 'python3-numpy'),
    'pandas': ('1.3', 'python3-pandas', 'python3-pandas'),
    'shapely': ('1.8', 'python3-shapely', 'python3-shapely'),
    'geopandas': ('0.12', 'python3-geopandas', 'python3-geopandas'),
    'rtree': ('0.9', 'python3-rtree', 'python3-rtree'),
    'rasterio': ('1.2', 'python3-rasterio', 'python3-rasterio'),
    'scipy': ('1.9', 'python3-scipy', 'python3-scipy'),
}


def _version_tuple(text):
    parts = []
    for piece in str(text).split('.')[:3]:
        digits = ''.join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def check(modules=None):
    """Return ``{module: reason}`` for each module that is missing or older than required."""
    problems = {}
    for name in modules or REQUIREMENTS:
        minimum = REQUIREMENTS.get(name, ('0',))[0]
        try:
            module = importlib.import_module(name)
        except Exception:  # ImportError, or a broken binary wheel raising OSError
            problems[name] = translate('spm', 'not installed')
            continue
        version = getattr(module, '__version__', '0')
        if _version_tuple(version) < _version_tuple(minimum):
            problems[name] = translate('spm', 'version {found} is older than {minimum}').format(
                found=version, minimum=minimum)
    return problems


def install_hint(problems):
    """A sentence telling how to install the missing packages on Debian/Ubuntu and OSGeo4W."""
    debian = ' '.join(REQUIREMENTS[m][1] for m in problems if m in REQUIREMENTS)
    osgeo = ' '.join(REQUIREMENTS[m][2] for m in problems if m in REQUIREMENTS)
    return translate(
        'spm', 'Debian/Ubuntu: sudo apt install {debian}; Windows: install {osgeo} with the '
        'OSGeo4W installer (Advanced install).').format(debian=debian, osgeo=osgeo)
