"""SpmAlgorithm: what every algorithm of the `spm` provider shares.

Subclasses set ``NAME`` (the id after ``spm:``), ``GROUP`` (a key of :func:`groups`) and
``REQUIRES`` (Python modules they need), define ``displayName``, ``initAlgorithm`` and
``process(parameters, context, feedback)``. This class gives them translation, help text from
``provider/help/<lang>/<NAME>.html``, input readers that fail with a message naming the layer and
field, writers that leave nothing half-written, styled loading of outputs and cancellation checks.
"""

import os

from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsWkbTypes,
)

from ..core.errors import Canceled, SpmError
from ..core.i18n import translate
from . import resources

HELP_DIR = os.path.join(os.path.dirname(__file__), 'help')


def groups():
    """Group ids and their display names, the one place where groups are named."""
    return {
        'monitoring': translate('spm', 'Plan implementation monitoring'),
        'indicators': translate('spm', 'City indicators'),
        'codes': translate('spm', 'Mapping and coding'),
        'carbon': translate('spm', 'Carbon emissions'),
        'sensors': translate('spm', 'Sensor planning'),
        'reports': translate('spm', 'Reports'),
    }


def help_text(name):
    """The algorithm's help in the interface language, English when no translation exists."""
    for language in (resources.language(), 'en'):
        path = os.path.join(HELP_DIR, language, name + '.html')
        if os.path.exists(path):
            with open(path, encoding='utf-8') as handle:
                return handle.read()
    return ''


class _StyleOutput(QgsProcessingLayerPostProcessorInterface):
    """On the main thread, once the output loads: the shipped style, the aliases, then ``then``."""

    # Post-processors must outlive the algorithm run; QGIS does not own them.
    _alive = []

    def __init__(self, style, then=None):
        super().__init__()
        self.style, self.then = style, then
        _StyleOutput._alive = _StyleOutput._alive[-50:] + [self]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        from ..layers import styling
        styling.apply(layer, self.style)
        if self.then is not None:
            self.then(layer)


def progress_to(feedback, start, end):
    """A ``progress(percent)`` for core that maps its 0–100 onto start–end of the whole run."""
    return lambda percent: feedback.setProgress(start + (end - start) * percent / 100.0)


def style_on_load(context, dest_id, style, layer_name=None, then=None):
    """Name an output and, when it loads in QGIS, give it a shipped style (or None), the field
    aliases, and whatever ``then(layer)`` adds (classes fitted to the data, per-run aliases)."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    details = context.layerToLoadOnCompletionDetails(dest_id)
    if layer_name:
        details.name = layer_name
    details.setPostProcessor(_StyleOutput(style, then))


class SpmAlgorithm(QgsProcessingAlgorithm):
    """Base class of the provider's algorithms (see the module docstring)."""

    NAME = None
    GROUP = None
    REQUIRES = ('geopandas',)

    # --- identity, translation, help -----------------------------------------------------

    def tr(self, text):
        """Translate ``text`` in the context of this class, or of a base class that has it."""
        for context in [cls.__name__ for cls in type(self).__mro__]:
            translated = QCoreApplication.translate(context, text)
            if translated != text:
                return translated
        return translate('spm', text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.NAME

    def groupId(self):
        return self.GROUP

    def group(self):
        return groups().get(self.GROUP, self.GROUP)

    def shortHelpString(self):
        return help_text(self.NAME)

    def icon(self):
        return resources.icon()

    # --- running ---------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.process(parameters, context, feedback)
        except Canceled:
            raise QgsProcessingException(self.tr('Canceled: no output was written.'))
        except SpmError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def process(self, parameters, context, feedback):
        """The algorithm's work (named so as not to shadow QgsProcessingAlgorithm.run)."""
        raise NotImplementedError

    def error(self, message):
        """An exception to raise for bad input; ``message`` is already translated."""
        return QgsProcessingException(message)

    @staticmethod
    def check_canceled(feedback):
        """Stop the run (before anything is written) when the user canceled it."""
        if feedback is not None and feedback.isCanceled():
            raise Canceled('canceled')

    # --- inputs ----------------------------------------------------------------------------

    def source(self, parameters, name, context, required=True):
        """The feature source of parameter ``name``; None when optional and not given."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None and (required or parameters.get(name) not in (None, '')):
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        if source is not None:
            value = str(parameters.get(name, ''))
            if 'layername=' in value:   # a GeoPackage path: QGIS names the layer after the file
                self.__dict__.setdefault('_labels', {})[id(source)] = (
                    value.split('layername=', 1)[1].split('|', 1)[0])
        return source

    def label(self, source):
        """The name of an input layer as the user knows it, for messages."""
        return self.__dict__.get('_labels', {}).get(id(source)) or source.sourceName()

    def require_field(self, source, field, label, numeric=False):
        """Stop with a message naming the layer and field when ``field`` is absent or not numeric."""
        if not field:
            raise self.error(self.tr('Layer “{layer}”: no field was chosen for {label}.').format(
                layer=self.label(source), label=label))
        index = source.fields().indexOf(field)
        if index < 0:
            raise self.error(self.tr(
                'Layer “{layer}” has no field “{field}” ({label}). Fields: {fields}.').format(
                    layer=self.label(source), field=field, label=label,
                    fields=', '.join(source.fields().names())))
        if numeric and not source.fields().field(index).isNumeric():
            raise self.error(self.tr(
                'Layer “{layer}”: field “{field}” ({label}) must be numeric, it is {kind}.').format(
                    layer=self.label(source), field=field, label=label,
                    kind=source.fields().field(index).typeName()))
        return field

    def frame(self, source, fields=None, feedback=None, crs=None, context=None):
        """The source as a GeoDataFrame (index = feature ids), reprojected to ``crs`` if given.

        One warning names the features whose geometry was repaired or skipped (bridge.frames)."""
        from ..bridge import frames
        if crs is not None and crs.isValid() and source.sourceCrs() != crs:
            from qgis.core import QgsFeatureRequest, QgsProject
            request = QgsFeatureRequest()
            transform_context = (context.transformContext() if context is not None
                                 else QgsProject.instance().transformContext())
            request.setDestinationCrs(crs, transform_context)
            if feedback is not None:
                feedback.pushInfo(self.tr('Layer “{layer}” is reprojected from {src} to {dst}.').format(
                    layer=self.label(source), src=source.sourceCrs().authid(), dst=crs.authid()))
            frame = frames.source_to_frame(source, fields, request=request, feedback=None)
            frame = frame.set_crs(frames.crs_to_frame(crs), allow_override=True)
        else:
            frame = frames.source_to_frame(source, fields, feedback=None)
        notes = frames.describe_notes(frame.attrs.get(frames.NOTES), self.label(source))
        if notes and feedback is not None:
            feedback.pushWarning(notes)
        return frame

    # --- outputs ---------------------------------------------------------------------------

    def write_frame(self, frame, parameters, name, context, feedback, crs=None, wkb_type=None):
        """Write a (Geo)DataFrame to the sink parameter ``name``; return its destination id.

        Call it only when every result is computed. If the run is canceled or fails while
        writing, the half-written file is removed.
        """
        from ..bridge import frames
        fields = frames.fields_for_frame(frame)
        if wkb_type is None:
            wkb_type = frames.wkb_type_for_frame(frame)
            if wkb_type == QgsWkbTypes.Unknown and crs is not None:
                wkb_type = QgsWkbTypes.GeometryCollection
        if crs is None:
            crs = (frames.crs_from_frame(frame.crs) if wkb_type != QgsWkbTypes.NoGeometry
                   else QgsCoordinateReferenceSystem())
        features = frames.frame_to_features(frame, fields, wkb_type, feedback)
        target = self.parameterAsOutputLayer(parameters, name, context)
        existed = bool(target) and os.path.exists(str(target).split('|')[0])
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        try:
            frames.write_features(sink, features, feedback)
        except BaseException:
            del sink
            if not existed:
                _remove_output(dest_id)
            raise
        return dest_id

    def write_outputs(self, outputs, parameters, context, feedback):
        """Write several outputs, all or none: a failure or a cancel removes those already written.

        ``outputs``: (parameter name, frame[, QgsWkbTypes type]); a plain DataFrame is a table,
        a GeoDataFrame without a type gets the type of its geometries. Returns {name: dest id}.
        """
        import geopandas as gpd
        written = {}
        try:
            for name, frame, *kind in outputs:
                self.check_canceled(feedback)
                wkb_type = kind[0] if kind else None
                if not isinstance(frame, gpd.GeoDataFrame):
                    wkb_type = QgsWkbTypes.NoGeometry
                written[name] = self.write_frame(frame, parameters, name, context, feedback,
                                                 wkb_type=wkb_type)
        except BaseException:
            for dest_id in written.values():
                _remove_output(dest_id)
            raise
        return written

    def load_styled(self, context, dest_id, style, layer_name=None, then=None):
        """Give the output a name and, once it loads in QGIS, the shipped style and aliases."""
        style_on_load(context, dest_id, style, layer_name, then)


def _remove_output(dest_id):
    """Remove a file output this run created (and its shapefile siblings)."""
    path = str(dest_id).split('|')[0]
    if not path or not os.path.isfile(path):
        return
    stem, extension = os.path.splitext(path)
    siblings = ['.shp', '.shx', '.dbf', '.prj', '.cpg', '.qix'] if extension.lower() == '.shp' else [extension]
    for suffix in siblings:
        if os.path.exists(stem + suffix):
            try:
                os.remove(stem + suffix)
            except OSError:
                pass
