"""SpmAlgorithm: what every algorithm of the `spm` provider shares.

Subclasses set ``NAME`` (the id after ``spm:``), ``GROUP`` (a key of :func:`groups`) and
``REQUIRES`` (Python modules they need), define ``displayName``, ``initAlgorithm`` and
``process(parameters, context, feedback)``. This class gives them translation, help text from
``provider/help/<lang>/<NAME>.html``, input readers that fail with a message naming the layer and
field, writers that leave nothing half-written, styled loading of outputs and cancellation checks.
"""

import os
import traceback

from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsMessageLog,
    QgsProcessingLayerPostProcessorInterface,
    QgsWkbTypes,
)

from ..core.errors import Canceled, SpmError
from ..core.i18n import translate
from . import destinations, resources
from ..compat import GeometryType, ParameterFlag, SourceType, WkbType

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
        'vitals': translate('spm', 'City vital signs'),
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


def advanced(parameter):
    """Mark a parameter as advanced (shown under “Advanced parameters” in the dialog)."""
    parameter.setFlags(parameter.flags() | ParameterFlag.Advanced)
    return parameter


def secondary_sink(name, description, kind=SourceType.Vector):
    """An output that is made by default in the dialog but may be left out (``qgis_process`` on
    3.22 refuses a run that does not name every mandatory output)."""
    return QgsProcessingParameterFeatureSink(name, description, kind, None, True, True)


def progress_to(feedback, start, end):
    """A ``progress(percent)`` for core that maps its 0–100 onto start–end of the whole run."""
    return lambda percent: feedback.setProgress(start + (end - start) * percent / 100.0)


def style_on_load(context, dest_id, style, layer_name=None, then=None):
    """Name an output and, when it loads in QGIS, give it a shipped style (or None), the field
    aliases, and whatever ``then(layer)`` adds (classes fitted to the data, per-run aliases)."""
    if dest_id is None or not context.willLoadLayerOnCompletion(dest_id):
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
    MEASURES = 'areas'   # how geographic input is measured, for the help: areas, working_crs, lonlat, as_is

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

    def shortHelpString(self):  # noqa: N802
        return help_text(self.NAME) + self.safety_help()

    def safety_help(self):
        """What every algorithm does with awkward input and with its outputs (one text for all, so
        that the promise reads the same everywhere), after the algorithm's own help."""
        measures = {
            'areas': self.tr('Geographic layers (EPSG:4490, 4326 …) are accepted: areas are measured on '
                             'the ellipsoid, never in square degrees.'),
            'working_crs': self.tr('Geographic layers (EPSG:4490, 4326 …) are accepted: distances and '
                                   'areas are measured in a projected working CRS, the CGCS2000 3-degree '
                                   'Gauss–Krüger zone of the data’s centre inside China (UTM elsewhere) '
                                   'unless WORKING_CRS names one; the log says which. Outputs are in the '
                                   'input’s CRS.'),
            'lonlat': self.tr('Any CRS is accepted: coordinates are converted to CGCS2000 longitude and '
                              'latitude (EPSG:4490).'),
            'as_is': self.tr('Any CRS is accepted: the project points are read in SOURCE_CRS and compared with '
                             'the layers in their own CRS.'),
        }
        parts = ['<h4>{}</h4>'.format(self.tr('Awkward input, and your files'))]
        if self.MEASURES:
            parts.append('<p>{} {}</p>'.format(measures[self.MEASURES], self.tr(
                'A layer without a coordinate reference system (or with a GeoPackage’s “Undefined SRS”) '
                'is refused, and so is a layer of the wrong geometry type. Curved geometries are '
                'converted to straight segments, invalid polygons are repaired and features left '
                'without geometry are skipped; one warning per layer lists them by feature id. An '
                'empty layer gives a warning and an empty result.')))
        parts.append('<p>{}</p>'.format(self.tr(
            'Outputs never overwrite an input or each other. They are written beside their '
            'destination and moved into place only when the whole run succeeded: a cancel or a '
            'failure leaves every file that existed before the run as it was. A GeoPackage that '
            'already holds other layers keeps them; only the named layer is replaced. Secondary '
            'outputs may be left out in qgis_process runs.')))
        return ''.join(parts)

    def icon(self):
        return resources.group_icon(self.GROUP)

    # --- running ---------------------------------------------------------------------------

    def checkParameterValues(self, parameters, context):  # noqa: N802
        return super().checkParameterValues(self.enum_names(parameters), context)

    def enum_names(self, parameters):
        """``parameters`` with a static-string enum given by its index (``DISTANCE=0``, as QGIS's
        own help allows) replaced by the option's name."""
        parameters = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.type() != 'enum' or not definition.usesStaticStrings():
                continue
            value = parameters.get(definition.name())
            options = definition.options()
            if isinstance(value, (int, str)) and str(value).strip().isdigit() \
                    and str(value).strip() not in options and int(value) < len(options):
                parameters[definition.name()] = options[int(value)]
        return parameters

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._feedback = feedback
        self._staging = destinations.Staging()
        try:
            parameters = self.enum_names(parameters)
            self._destinations = {d.name: d for d in destinations.check(self, parameters, context)}
            self._published = False
            results = self.process(parameters, context, feedback)
            if not self._published:
                self.check_canceled(feedback)
                self._staging.publish()
            return {name: value for name, value in results.items() if value is not None}
        except Canceled:
            raise QgsProcessingException(self.tr('Canceled: no output was written.'))
        except SpmError as exc:
            raise QgsProcessingException(str(exc)) from exc
        except OSError as exc:
            raise QgsProcessingException(self.tr('{error}: “{path}”. No output was written.').format(
                error=exc.strerror or exc, path=exc.filename or '')) from exc
        except (QgsProcessingException, KeyboardInterrupt):
            raise
        except Exception as exc:   # a bug: the user gets a message, the log the traceback
            QgsMessageLog.logMessage(traceback.format_exc(), 'Spatial Planning Monitor', Qgis.MessageLevel.Critical)
            feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(self.tr(
                'Unexpected error ({kind}: {error}); no output was written. The details are in the '
                'message log (Spatial Planning Monitor); please report them.').format(
                    kind=type(exc).__name__, error=exc)) from exc
        finally:
            self._staging.discard()

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
            self._check_source(source, self.parameterDefinition(name))
            self._step(40)
            reread = self._reencoded(parameters, name, context)
            if reread is not None:
                return reread
            self.__dict__.setdefault('_origins', {})[id(source)] = (parameters, name, context)
        return source

    def _reencoded(self, parameters, name, context):
        """The layer of parameter ``name`` read again as GBK when it is a CSV file or a shapefile
        without .cpg whose text is GBK (``sources.reencoded_layer``); None when it reads right."""
        from .sources import reencoded_layer
        feedback = getattr(self, '_feedback', None) or QgsProcessingFeedback()
        value = parameters.get(name)
        selected = isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly
        return reencoded_layer(self, self.parameterAsVectorLayer(parameters, name, context), name, feedback,
                               warn_only=selected)

    def _step(self, ceiling):
        """Move the progress bar a little (never back, never past ``ceiling`` %), so that every
        algorithm shows progress and can be canceled between its steps."""
        feedback = getattr(self, '_feedback', None)
        if feedback is not None:
            self.check_canceled(feedback)
            if feedback.progress() < ceiling:
                feedback.setProgress(min(ceiling, feedback.progress() + 5))

    def _check_source(self, source, definition):
        """Stop on a layer of the wrong geometry type or without a CRS; warn when it is empty."""
        kind = QgsWkbTypes.geometryType(source.wkbType())
        wanted = set(definition.dataTypes()) if hasattr(definition, 'dataTypes') else set()
        names = {SourceType.VectorPoint: self.tr('points'),
                 SourceType.VectorLine: self.tr('lines'),
                 SourceType.VectorPolygon: self.tr('polygons')}
        has_geometry = source.wkbType() != WkbType.NoGeometry and kind != GeometryType.Null
        if wanted and SourceType.Vector not in wanted:
            specific = wanted & set(names)
            if not has_geometry:
                raise self.error(self.tr('Layer “{layer}” ({param}) is a table without geometry; {kind} are '
                                         'needed.').format(layer=self.label(source), param=definition.name(),
                                                           kind=' / '.join(names[t] for t in sorted(specific))
                                                           or self.tr('geometries')))
            if specific and kind in (GeometryType.Point, GeometryType.Line,
                                     GeometryType.Polygon) and int(kind) not in specific:
                raise self.error(self.tr('Layer “{layer}” ({param}) has {got}; {kind} are needed.').format(
                    layer=self.label(source), param=definition.name(), got=names[int(kind)],
                    kind=' / '.join(names[t] for t in sorted(specific))))
        if has_geometry and _undefined(source.sourceCrs()):
            raise self.error(self.tr(
                'Layer “{layer}” ({param}) has no coordinate reference system, so its areas and distances '
                'are unknown. Set its CRS (Layer Properties ▸ Source, or “Assign projection”) and run '
                'again.').format(layer=self.label(source), param=definition.name()))
        feedback = getattr(self, '_feedback', None)
        if feedback is not None and source.featureCount() == 0:
            feedback.pushWarning(self.tr('Layer “{layer}” ({param}) is empty: the results hold nothing from '
                                         'it.').format(layer=self.label(source), param=definition.name()))

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
        origin = self._file_origin(source)
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
            frame = frames.source_to_frame(source, fields, feedback=None, origin=origin)
        notes = frames.describe_notes(frame.attrs.get(frames.NOTES), self.label(source))
        if notes and feedback is not None:
            feedback.pushWarning(notes)
        return frame

    def _file_origin(self, source):
        """Where GDAL may read ``source`` directly (bridge.frames.FileOrigin), or None."""
        from ..bridge import frames
        parameters, name, context = self.__dict__.get('_origins', {}).get(id(source), (None,) * 3)
        if context is None:
            return None
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return frames.parameter_origin(parameters.get(name), layer, context) if layer else None

    # --- outputs ---------------------------------------------------------------------------

    def destination(self, parameters, name, context):
        """The :class:`destinations.Destination` of output ``name`` (None when optional and not wanted)."""
        known = getattr(self, '_destinations', {})
        return known[name] if name in known else destinations.destination(self, parameters, name, context)

    def wants(self, parameters, name, context):
        """True when output ``name`` is requested (an optional output left empty is skipped)."""
        return self.destination(parameters, name, context) is not None

    def write_frame(self, frame, parameters, name, context, feedback, crs=None, wkb_type=None):
        """Write a (Geo)DataFrame to the sink parameter ``name``; return its output id.

        Call it only when every result is computed. A file output goes to a temporary file that
        processAlgorithm moves into place when the whole run succeeded (see provider/destinations.py);
        an optional output the user left empty is not written (returns None).
        """
        from ..bridge import frames
        dest = self.destination(parameters, name, context)
        if dest is None:
            return None
        frame = self._without_reserved_columns(frame, dest)
        fields = frames.fields_for_frame(frame)
        if wkb_type is None:
            wkb_type = frames.wkb_type_for_frame(frame)
            if wkb_type == WkbType.Unknown and crs is not None:
                wkb_type = WkbType.GeometryCollection
        if crs is None:
            crs = (frames.crs_from_frame(frame.crs) if wkb_type != WkbType.NoGeometry
                   else QgsCoordinateReferenceSystem())
        if dest.path is not None and frames.gdal_writes(frame, dest.path, fields, wkb_type):
            frames.write_file(frame, self._staging.path(dest), dest.layer_name, fields, wkb_type, crs, feedback)
            destinations.register_load(context, dest)   # GeoPackage/FlatGeobuf written by GDAL
            return dest.output_id
        features = frames.frame_to_features(frame, fields, wkb_type, feedback)
        if dest.path is None:          # a temporary layer or a database: QGIS's own sink
            sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        else:
            staged = dict(parameters, **{name: self._staging.sink_value(dest)})
            sink, _ = self.parameterAsSink(staged, name, context, fields, wkb_type, crs)
            dest_id = dest.output_id
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        try:
            frames.write_features(sink, features, feedback)
            sink.flushBuffer()
        finally:
            del sink                    # closes the file
        if dest.path is not None:
            destinations.register_load(context, dest)
        return dest_id

    def publish_outputs(self):
        """Move the staged outputs into place now, for an algorithm that must commit something
        else first (the code registry); processAlgorithm then publishes nothing more."""
        self._published = True
        self._staging.publish()

    def staged_file(self, parameters, name, context):
        """(path to write now, output id) for a raster or file destination, published like sinks."""
        dest = self.destination(parameters, name, context)
        if dest is None:
            return None, None
        if dest.path is None:
            path = self.parameterAsOutputLayer(parameters, name, context)
            return path, path
        destinations.register_load(context, dest)
        return self._staging.path(dest), dest.output_id

    def _without_reserved_columns(self, frame, dest):
        """``fid`` is a GeoPackage's own id: an attribute of that name that cannot be the id
        (text, or repeated) is renamed, with a warning."""
        clash = [c for c in frame.columns if str(c).lower() == 'fid' and not (
            frame[c].dtype.kind in 'iu' and frame[c].is_unique)]
        if not clash or not (dest.path is None or dest.is_geopackage):
            return frame
        new = next(f'{clash[0]}_{k}' for k in range(1, 100) if f'{clash[0]}_{k}' not in frame.columns)
        self._feedback.pushWarning(self.tr(
            '{output}: field “{field}” is renamed “{new}” (fid is the GeoPackage’s own id).').format(
                output=dest.label, field=clash[0], new=new))
        return frame.rename(columns={clash[0]: new})

    def write_outputs(self, outputs, parameters, context, feedback):
        """Write several outputs: (parameter name, frame[, QgsWkbTypes type]). A plain DataFrame
        is a table; a GeoDataFrame without a type gets the type of its geometries. All or none:
        nothing is published unless the whole run succeeds. Returns {name: output id or None}."""
        import geopandas as gpd
        written = {}
        for name, frame, *kind in outputs:
            self.check_canceled(feedback)
            wkb_type = kind[0] if kind else None
            if not isinstance(frame, gpd.GeoDataFrame):
                wkb_type = WkbType.NoGeometry
            written[name] = self.write_frame(frame, parameters, name, context, feedback, wkb_type=wkb_type)
        return written

    def load_styled(self, context, dest_id, style, layer_name=None, then=None):
        """Give the output a name and, once it loads in QGIS, the shipped style and aliases."""
        style_on_load(context, dest_id, style, layer_name, then)


def _undefined(crs):
    """True for a missing CRS and for the placeholders GeoPackages use when none was set
    (srs_id 0 “Undefined geographic SRS”, -1 “Undefined Cartesian SRS”), which QGIS reads as
    valid CRSs without an authority."""
    if not crs.isValid():
        return True
    return not crs.authid() and crs.description().lower().startswith(('undefined', 'unknown'))
