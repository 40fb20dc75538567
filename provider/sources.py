"""Input layers whose files do not say how their text is encoded: read them as the bytes say.

A shapefile without .cpg and a CSV file given as a layer are read by QGIS as UTF-8; saved by a
Chinese Windows program they are GBK, and their Chinese field names and values come out garbled.
:func:`reencoded_layer` (called by every ``SpmAlgorithm.source``) looks at the bytes (``core.landuse.encoding`` for shapefiles,
``core.textfile`` for CSV) and reads such a file again as GBK, saying so in the log.
"""

import os

from ..core import textfile
from ..core.errors import SpmError
from ..core.i18n import translate
from ..core.landuse.encoding import undeclared_dbf_encoding

TEXT_TABLES = ('.csv', '.txt', '.tsv')


def _undeclared_encoding(layer, path, param):
    """'GBK' (or 'GB18030') when ``path`` holds GBK text QGIS would read as UTF-8, else None."""
    extension = os.path.splitext(path)[1].lower()
    if extension == '.shp':
        if layer.dataProvider().encoding() not in ('UTF-8', 'System', ''):
            return None
        return undeclared_dbf_encoding(path)
    if extension in TEXT_TABLES:
        encoding = textfile.sniff_encoding(textfile.TableFile(path, param))
        return 'GB18030' if encoding == textfile.GBK else None
    return None


def reencoded_layer(alg, layer, name, feedback, warn_only=False):
    """``layer`` (of parameter ``name``) read again as GBK when it is a shapefile that declares no
    encoding, or a CSV file, and its text is GBK; None when it is read right as it is (or when
    ``warn_only``: then a warning says how to fix it). The layer itself is left as it is."""
    from qgis.core import QgsVectorLayer
    if layer is None or layer.providerType() != 'ogr':
        return None
    path = layer.source().split('|')[0]
    try:
        encoding = _undeclared_encoding(layer, path, name)
    except SpmError as exc:
        raise alg.error(str(exc)) from exc
    if encoding is None:
        return None
    if warn_only:
        feedback.pushWarning(translate(
            'spm', 'Layer “{layer}” declares no encoding and looks like {encoding}: set its encoding in '
            'the layer properties (Source) for the Chinese text to read correctly.').format(
                layer=layer.name(), encoding=encoding))
        return None
    reread = QgsVectorLayer(layer.source(), layer.name(), 'ogr')
    reread.setProviderEncoding(encoding)
    if not reread.isValid():
        return None
    if path.lower().endswith(TEXT_TABLES):
        feedback.pushInfo(translate('spm', 'Layer “{layer}” ({param}): the file is not UTF-8; its text is '
                                           'read as GBK.').format(layer=layer.name(), param=name))
    else:
        feedback.pushInfo(translate('spm', 'Layer “{layer}” declares no encoding (no .cpg); its text is '
                                           'read as {encoding}.').format(layer=layer.name(),
                                                                         encoding=encoding))
    return reread


def table_file(alg, parameters, name, context, feedback):
    """The CSV/JSON file of parameter ``name`` as a :class:`core.textfile.TableFile` (messages
    name the parameter; the encoding it is read in goes to the log); None when not given."""
    path = alg.parameterAsFile(parameters, name, context)
    return textfile.TableFile(path, name, log=feedback.pushInfo) if path else None
