"""Do no harm: where an algorithm's outputs go, and writing them all or not at all.

Every spm algorithm gets these by construction (``SpmAlgorithm.processAlgorithm``):

1. Before anything is read, every destination (sinks, raster and file destinations, and input
   files the algorithm writes, such as a code registry) is resolved to a file (after symlinks and
   ``%``-escapes) and compared with every input and every other destination. The same file stops
   the run with a message naming both parameters; two destinations may share a GeoPackage only as
   different layers. The destination folders must exist and be writable.
2. File outputs are written to a temporary folder beside their destination and moved into place
   only when the whole run succeeded (:class:`Staging`). A GeoPackage that already exists is not
   replaced as a whole file: the one named layer is replaced inside it, in one SQLite transaction,
   so its other layers survive. On failure or cancel only the temporary folder is removed: a file
   that existed before the run is never deleted or changed.
"""

import os
import re
import shutil
import tempfile
import urllib.parse
from dataclasses import dataclass

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from ..core.errors import InputError
from ..core.i18n import translate
from ..core.publish import replace_layer as _replace_layer
from ..compat import ParameterFlag

_DESTINATION_TYPES = {'sink': QgsProcessingUtils.LayerHint.Vector,
                      'vectorDestination': QgsProcessingUtils.LayerHint.Vector,
                      'rasterDestination': QgsProcessingUtils.LayerHint.Raster,
                      'fileDestination': None, 'folderDestination': None}
_INPUT_TYPES = {'source', 'vector', 'raster', 'layer', 'multilayer', 'file', 'mesh', 'pointcloud'}
_OGR_URI = re.compile(r"""^ogr:dbname=(?P<q>['"]?)(?P<path>.+?)(?P=q)\s+table=(?P<t>['"]?)(?P<table>.+?)(?P=t)"""
                      r"""(\s*\(.*\))?\s*$""")
_SHAPEFILE_PARTS = ('.shp', '.shx', '.dbf', '.prj', '.cpg', '.qpj')


@dataclass
class Destination:
    """One requested output: where it goes and how QGIS should load it."""
    name: str                    # parameter name
    label: str                   # parameter description, for messages
    value: str                   # the destination as given (path, ogr: URI, TEMPORARY_OUTPUT …)
    path: str = None             # the file it names (absolute, symlinks resolved), None for memory …
    layer: str = None            # the layer inside a GeoPackage, when named
    project: object = None       # QgsProject to load it into, or None
    load_name: str = ''          # the name it loads under
    hint: object = None          # QgsProcessingUtils.LayerHint

    @property
    def is_geopackage(self):
        return bool(self.path) and self.path.lower().endswith('.gpkg')

    @property
    def layer_name(self):
        """The GeoPackage layer QGIS writes: the named one, else the file's stem."""
        return self.layer or os.path.splitext(os.path.basename(self.path))[0]

    @property
    def output_id(self):
        """The id the algorithm returns and QGIS loads."""
        if self.path is None:
            return self.value
        return f'{self.path}|layername={self.layer}' if self.layer else self.path


def _resolve(path):
    """An absolute path with every symlink resolved (``link/../x`` as the file system reads it)."""
    path = os.path.expanduser(str(path))
    if path.startswith('file://'):
        path = urllib.parse.unquote(urllib.parse.urlparse(path).path)
    return os.path.realpath(path)


def _spellings(path):
    """The files a path may name: as written, and with its ``%``-escapes decoded."""
    decoded = urllib.parse.unquote(path)
    return {path, os.path.realpath(decoded)} if decoded != path else {path}


def _static(value, context):
    """The plain value of a parameter (a property's static value, a definition's sink …)."""
    if isinstance(value, QgsProperty):
        if value.propertyType() == QgsProperty.Type.StaticProperty:
            return value.staticValue()
        return value.valueAsString(context.expressionContext())
    return value


def destination(alg, parameters, name, context):
    """The :class:`Destination` of parameter ``name``; None when an optional one is not wanted."""
    definition = alg.parameterDefinition(name)
    value = parameters.get(name)
    project, load_name = None, ''
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        project, load_name = value.destinationProject, value.destinationName
        value = _static(value.sink, context)
    value = _static(value, context)
    if value is None or str(value) == '':
        if definition.flags() & ParameterFlag.Optional and definition.defaultValue() in (None, ''):
            return None
        value = definition.defaultValue() or QgsProcessing.TEMPORARY_OUTPUT
    value = str(value)
    out = Destination(name, definition.description(), value, project=project,
                      load_name=load_name or definition.description(),
                      hint=_DESTINATION_TYPES.get(definition.type()))
    if value == QgsProcessing.TEMPORARY_OUTPUT or value.startswith('memory:'):
        return out
    match = _OGR_URI.match(value)
    if match:
        out.path, out.layer = _resolve(match['path']), match['table']
    elif re.match(r'^[a-z]{2,}:', value) and not value.startswith('file:'):
        return out                       # postgres:, spatialite: … : the provider's business
    else:
        out.path = _resolve(value.split('|', 1)[0])
    return out


def destinations(alg, parameters, context):
    """Every requested destination of the algorithm, plus the input files it writes (WRITES)."""
    found = []
    for definition in alg.destinationParameterDefinitions():
        dest = destination(alg, parameters, definition.name(), context)
        if dest is not None:
            found.append(dest)
    for name in getattr(alg, 'WRITES', ()):
        value = _static(parameters.get(name), context)
        if value not in (None, ''):
            found.append(Destination(name, alg.parameterDefinition(name).description(), str(value),
                                     path=_resolve(str(value))))
    return found


def _layer_path(value, context):
    """The file behind a layer parameter value (path, layer id, QgsMapLayer, source definition)."""
    value = _static(value, context)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = _static(value.source, context)
    if hasattr(value, 'source') and hasattr(value, 'providerType'):
        source, provider = value.source(), value.providerType()
    else:
        text = str(value)
        layer = context.project().mapLayer(text) if context.project() is not None else None
        if layer is None:
            layer = context.temporaryLayerStore().mapLayer(text)
        source, provider = (layer.source(), layer.providerType()) if layer is not None else (text, 'ogr')
    if provider not in ('ogr', 'gdal', 'delimitedtext', 'spatialite'):
        return None
    if provider == 'delimitedtext':
        source = urllib.parse.urlparse(source).path
    decoded = QgsProviderRegistry.instance().decodeUri(provider, source)
    path = decoded.get('path') or source.split('|', 1)[0]
    return _resolve(path) if path else None


def inputs(alg, parameters, context):
    """(parameter name, description, file) for every file an input parameter reads."""
    found = []
    written = set(getattr(alg, 'WRITES', ()))
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if definition.isDestination() or name in written or definition.type() not in _INPUT_TYPES:
            continue
        value = parameters.get(name)
        if value in (None, ''):
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            path = (_resolve(str(_static(item, context))) if definition.type() == 'file'
                    else _layer_path(item, context))
            if path:
                found.append((name, definition.description(), path))
    return found


def _same_file(a, b):
    for first in _spellings(a):
        for second in _spellings(b):
            if first == second:
                return True
            try:
                if os.path.samefile(first, second):
                    return True
            except OSError:
                pass
    return False


def check(alg, parameters, context):
    """Stop (InputError) when a destination is an input, another destination, or unwritable.

    Returns the requested destinations.
    """
    dests = destinations(alg, parameters, context)
    files = [d for d in dests if d.path]
    for dest in files:
        for name, label, path in inputs(alg, parameters, context):
            if _same_file(dest.path, path):
                raise InputError(translate(
                    'spm', '{output} ({dest_name}) would write into “{path}”, which is the input {input} '
                           '({input_name}). Choose another file: an input is never overwritten.').format(
                        output=dest.label, dest_name=dest.name, path=dest.path, input=label, input_name=name))
    for k, dest in enumerate(files):
        for other in files[k + 1:]:
            if _same_file(dest.path, other.path) and not (
                    dest.is_geopackage and other.is_geopackage and dest.layer_name != other.layer_name
                    and dest.name not in getattr(alg, 'WRITES', ())
                    and other.name not in getattr(alg, 'WRITES', ())):
                raise InputError(translate(
                    'spm', '{first} ({first_name}) and {second} ({second_name}) both write “{path}”. '
                           'Give each output its own file (or its own layer of a GeoPackage).').format(
                        first=dest.label, first_name=dest.name, second=other.label,
                        second_name=other.name, path=dest.path))
    for dest in files:
        if dest.name in getattr(alg, 'SELF_STAGED', ()):
            continue
        folder = os.path.dirname(dest.path)
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK | os.X_OK):
            raise InputError(translate(
                'spm', '“{folder}” (the folder of {output}, {name}) does not exist or is not writable.').format(
                    output=dest.label, name=dest.name, folder=folder))
        if os.path.exists(dest.path) and not os.access(dest.path, os.W_OK):
            raise InputError(translate('spm', '{output} ({name}): “{path}” exists and is read-only.')
                             .format(output=dest.label, name=dest.name, path=dest.path))
    return dests


class Staging:
    """The temporary files of one run's outputs, published together at the end of a good run."""

    def __init__(self):
        self._folders = {}          # destination folder -> temporary folder beside it
        self._staged = []           # (Destination, staged path)
        self.umask = _umask()

    def _folder_for(self, dest):
        folder = os.path.dirname(dest.path)
        if folder not in self._folders:
            self._folders[folder] = tempfile.mkdtemp(prefix='.spm-run-', dir=folder)
        return self._folders[folder]

    def path(self, dest):
        """Where to write ``dest`` now: a file of the same name in a temporary folder beside it."""
        staged = os.path.join(self._folder_for(dest), os.path.basename(dest.path))
        self._staged.append((dest, staged))
        return staged

    def sink_value(self, dest):
        """The sink definition that writes ``dest`` to its temporary file (not loaded by QGIS)."""
        staged = self.path(dest)
        if dest.is_geopackage:
            staged = f"ogr:dbname='{staged}' table=\"{dest.layer_name}\" (geom)"
        return QgsProcessingOutputLayerDefinition(staged)

    def publish(self):
        """Move every staged output into place, then remove the temporary folders."""
        try:
            for dest, staged in self._staged:
                if os.path.exists(staged):
                    _publish(dest, staged, self.umask)
        finally:
            self.discard()

    def discard(self):
        """Remove the temporary folders (and only them)."""
        for folder in self._folders.values():
            shutil.rmtree(folder, ignore_errors=True)
        self._folders, self._staged = {}, []


def _publish(dest, staged, umask):
    if dest.is_geopackage and os.path.exists(dest.path):
        _replace_layer(dest.path, staged, dest.layer_name)
        return
    if dest.path.lower().endswith('.shp'):
        stem = os.path.splitext(staged)[0]
        target = os.path.splitext(dest.path)[0]
        for suffix in _SHAPEFILE_PARTS:
            if os.path.exists(stem + suffix):
                os.chmod(stem + suffix, 0o666 & ~umask)
                os.replace(stem + suffix, target + suffix)
        return
    if os.path.isfile(staged):
        os.chmod(staged, 0o666 & ~umask)
    os.replace(staged, dest.path)


def _umask():
    """The process's umask, read without changing it (os.umask is not thread-safe)."""
    try:
        with open('/proc/self/status', encoding='ascii') as status:
            for line in status:
                if line.startswith('Umask:'):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


def register_load(context, dest):
    """Ask QGIS to load a staged output under its final id, as parameterAsSink would have."""
    if dest.project is None or dest.hint is None:
        return
    details = QgsProcessingContext.LayerDetails(dest.load_name, dest.project, dest.name, dest.hint)
    context.addLayerToLoadOnCompletion(dest.output_id, details)
