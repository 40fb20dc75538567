"""spm:vital_signs — 城市运行体征: warning levels, events, rate alarms and offline sensors from readings."""

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayerTemporalProperties,
)

from ....core.errors import InputError
from ....core.vitals import evaluate, load_thresholds, prepare
from ....core.vitals.districts import district_table
from ....core.vitals.readings import TIME_FORMAT, parse_times
from ...base import SpmAlgorithm, secondary_sink
from ...sources import reencoded_layer, table_file
from .common import event_table, read_readings, sensor_table
from ....compat import NumberType, SourceType, WkbType


def replay_events(layer):
    """Let QGIS's temporal controller replay the events: each is shown from START to END."""
    properties = layer.temporalProperties()
    properties.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields)
    properties.setStartField('START')
    properties.setEndField('END')
    properties.setIsActive(True)


def _without_password(text):
    import re
    return re.sub(r"password='?[^' ]*'?", "password=…", text)


class VitalSignsAlgorithm(SpmAlgorithm):
    """Levels with hysteresis, events, rate-of-change alarms, offline sensors, district indicators."""

    NAME = 'vital_signs'
    GROUP = 'vitals'
    REQUIRES = ('geopandas',)

    READINGS = 'READINGS'
    SENSOR_ID_FIELD = 'SENSOR_ID_FIELD'
    TIME_FIELD = 'TIME_FIELD'
    METRIC_FIELD = 'METRIC_FIELD'
    VALUE_FIELD = 'VALUE_FIELD'
    SENSORS = 'SENSORS'
    SENSORS_ID_FIELD = 'SENSORS_ID_FIELD'
    SENSORS_KIND_FIELD = 'SENSORS_KIND_FIELD'
    SENSORS_NAME_FIELD = 'SENSORS_NAME_FIELD'
    THRESHOLDS = 'THRESHOLDS'
    TIME_FROM = 'TIME_FROM'
    TIME_TO = 'TIME_TO'
    UTC_OFFSET = 'UTC_OFFSET'
    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    OUTPUT = 'OUTPUT'
    EVENTS = 'EVENTS'
    DISTRICT_TABLE = 'DISTRICT_TABLE'

    def displayName(self):  # noqa: N802
        return self.tr('City vital signs (城市运行体征)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.READINGS, self.tr('Readings (table or layer: CSV, GeoPackage, PostgreSQL)'),
            [SourceType.Vector]))
        for name, label, default in ((self.SENSOR_ID_FIELD, self.tr('Readings: sensor id field'), 'sensor_id'),
                                     (self.TIME_FIELD, self.tr('Readings: time field'), 'time'),
                                     (self.METRIC_FIELD, self.tr('Readings: metric field'), 'metric'),
                                     (self.VALUE_FIELD, self.tr('Readings: value field'), 'value')):
            self.addParameter(QgsProcessingParameterField(name, label, defaultValue=default,
                                                          parentLayerParameterName=self.READINGS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SENSORS, self.tr('Sensors'), [SourceType.VectorPoint]))
        for name, label, default, optional in (
                (self.SENSORS_ID_FIELD, self.tr('Sensors: id field'), 'sensor_id', True),
                (self.SENSORS_KIND_FIELD, self.tr('Sensors: kind field'), 'kind', True),
                (self.SENSORS_NAME_FIELD, self.tr('Sensors: name field'), 'name', True)):
            self.addParameter(QgsProcessingParameterField(name, label, defaultValue=default,
                                                          parentLayerParameterName=self.SENSORS,
                                                          optional=optional))
        self.addParameter(QgsProcessingParameterFile(
            self.THRESHOLDS, self.tr('Thresholds (CSV; default: the shipped table)'), extension='csv',
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TIME_FROM, self.tr('From (local time, e.g. 2024-06-20 12:00:00; default: a day before TO)'),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TIME_TO, self.tr('To (local time; default: the latest reading)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.UTC_OFFSET, self.tr('Local time zone (hours from UTC; times without a zone are local)'),
            NumberType.Double, defaultValue=8.0, minValue=-12.0, maxValue=14.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr('Districts (optional)'), [SourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('Districts: key field (code or name)'),
            parentLayerParameterName=self.DISTRICTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Sensors with warning levels'), SourceType.VectorPoint))
        self.addParameter(secondary_sink(self.EVENTS, self.tr('Warning events'), SourceType.VectorPoint))
        self.addParameter(secondary_sink(self.DISTRICT_TABLE, self.tr('Vital signs by district'),
                                         SourceType.Vector))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, message = super().checkParameterValues(parameters, context)
        value = parameters.get(self.READINGS)
        if not ok and isinstance(value, str) and value and \
                self.parameterAsVectorLayer(parameters, self.READINGS, context) is None:
            return False, self.tr('READINGS: the table “{value}” cannot be opened (for a database, check that it '
                                  'is running and the connection details).').format(value=_without_password(value))
        return ok, message

    # ------------------------------------------------------------------------------------------
    def _time(self, parameters, name, context, offset):
        text = self.parameterAsString(parameters, name, context).strip()
        if not text:
            return None
        seconds, ok = parse_times(pd.Series([text], dtype=object), offset)
        if not ok[0]:
            raise self.error(self.tr('{param}: “{value}” is not a time; expected {format}.').format(
                param=name, value=text, format=TIME_FORMAT))
        return int(seconds[0])

    def _fields(self, parameters, layer, names, context):
        fields = []
        for name in names:
            field = self.parameterAsString(parameters, name, context) or \
                self.parameterDefinition(name).defaultValue()
            self.require_field(layer, field, name)
            fields.append(field)
        return fields

    def process(self, parameters, context, feedback):
        offset = self.parameterAsDouble(parameters, self.UTC_OFFSET, context)
        time_from = self._time(parameters, self.TIME_FROM, context, offset)
        time_to = self._time(parameters, self.TIME_TO, context, offset)
        if time_from is not None and time_to is not None and time_from >= time_to:
            raise self.error(self.tr('TIME_FROM must be before TIME_TO.'))
        layer = self.parameterAsVectorLayer(parameters, self.READINGS, context)
        if layer is None or not layer.isValid():
            raise self.error(self.tr('READINGS: the table “{value}” cannot be opened (for a database, check '
                                     'that it is running and the connection details).').format(
                value=_without_password(str(parameters.get(self.READINGS)))))
        layer = reencoded_layer(self, layer, self.READINGS, feedback) or layer
        fields = self._fields(parameters, layer, (self.SENSOR_ID_FIELD, self.TIME_FIELD, self.METRIC_FIELD,
                                                  self.VALUE_FIELD), context)
        sensors_src = self.source(parameters, self.SENSORS, context)
        id_field, kind_field = self._fields(parameters, sensors_src, (self.SENSORS_ID_FIELD,
                                                                      self.SENSORS_KIND_FIELD), context)
        name_field = self.parameterAsString(parameters, self.SENSORS_NAME_FIELD, context) or None
        if name_field:
            self.require_field(sensors_src, name_field, self.SENSORS_NAME_FIELD)
        thresholds = load_thresholds(table_file(self, parameters, self.THRESHOLDS, context, feedback))
        sensors = self.frame(sensors_src)
        unknown_kinds = sorted(set(sensors[kind_field].astype(str)) - thresholds.kinds())
        if unknown_kinds:
            feedback.pushWarning(self.tr('Sensors of kind {kinds} have no row in the thresholds table: they get '
                                         'no level and are not counted as offline.').format(
                kinds=', '.join(unknown_kinds)))
        district = self._districts(parameters, context, sensors, feedback)
        self.check_canceled(feedback)

        feedback.setProgressText(self.tr('Reading the readings'))
        try:
            raw = read_readings(self, layer, fields, feedback)
        except InputError as exc:
            raise self.error(self.tr('READINGS “{layer}”: {error}').format(layer=layer.name(), error=exc)) from exc
        feedback.setProgress(40)
        self.check_canceled(feedback)
        readings = prepare(raw, sensors.rename(columns={id_field: 'id', kind_field: 'kind'}), thresholds,
                           offset, source=layer.name())
        for note in readings.notes:
            feedback.pushWarning(note)
        if not len(readings):
            raise self.error(self.tr('READINGS “{layer}”: no reading belongs to a sensor of SENSORS with a '
                                     'threshold for its metric; nothing to evaluate.').format(layer=layer.name()))
        feedback.setProgressText(self.tr('Levels, events and offline sensors'))
        result = evaluate(readings, thresholds, sensors[kind_field].astype(str).to_numpy(), time_from, time_to)
        feedback.setProgress(80)
        self.check_canceled(feedback)

        table = sensor_table(result, sensors, id_field, kind_field, name_field, district[0])
        events = event_table(result, table, thresholds)
        # the sensors as they were, plus their state: a drop-in EXISTING layer for spm:plan_sensors
        # (with OFFLINE = 0) and SENSORS for spm:evaluate_sensor_coverage
        own = [c for c in sensors.columns if c != sensors.geometry.name]
        taken = {c.lower() for c in own}
        points = gpd.GeoDataFrame(
            pd.concat([sensors[own].reset_index(drop=True),
                       table[[c for c in table.columns if c.lower() not in taken]]], axis=1),
            geometry=sensors.geometry.to_numpy(), crs=sensors.crs)
        event_points = gpd.GeoDataFrame(events.drop(columns='sensor'),
                                        geometry=sensors.geometry.to_numpy()[events['sensor'].to_numpy(int)],
                                        crs=sensors.crs)
        summary = district_table(result, district[0], table['NAME'].to_numpy(), district[1])
        self._report(feedback, table, events, result)
        written = self.write_outputs([(self.OUTPUT, points, WkbType.Point),
                                      (self.EVENTS, event_points, WkbType.Point),
                                      (self.DISTRICT_TABLE, summary)], parameters, context, feedback)
        styles = {self.OUTPUT: ('vital_levels', self.tr('Sensor warning levels'), None),
                  self.EVENTS: ('vital_events', self.tr('Warning events'), replay_events),
                  self.DISTRICT_TABLE: (None, self.tr('Vital signs by district'), None)}
        for name, dest in written.items():
            self.load_styled(context, dest, *styles[name])
        return dict(written, N_EVENTS=int((events['TYPE'] == 'level').sum()),
                    N_OFFLINE=int(table['OFFLINE'].sum()), N_UNKNOWN_READINGS=readings.counts['unknown'])

    def _districts(self, parameters, context, sensors, feedback):
        """(district key of each sensor, every district key) — (None…, None) without DISTRICTS."""
        source = self.source(parameters, self.DISTRICTS, context, required=False)
        if source is None:
            return np.full(len(sensors), self.tr('all'), dtype=object), None
        key = self.parameterAsString(parameters, self.DISTRICT_FIELD, context)
        self.require_field(source, key, self.DISTRICT_FIELD)
        crs = self.parameterAsSource(parameters, self.SENSORS, context).sourceCrs()
        districts = self.frame(source, [key], crs=crs, context=context)
        districts = districts[districts.geometry.notna()]
        joined = gpd.sjoin(sensors[[sensors.geometry.name]].reset_index(drop=True),
                           districts[[key, districts.geometry.name]].reset_index(drop=True),
                           how='left', predicate='within')
        joined = joined[~joined.index.duplicated()]
        outside = int(joined[key].isna().sum())
        if outside:
            feedback.pushWarning(self.tr('{n} sensors lie outside every district: they are left out of the '
                                         'district table.').format(n=outside))
        keys = list(pd.unique(districts[key].astype(str)))
        return joined[key].astype(object).where(joined[key].notna(), None).map(
            lambda v: None if v is None else str(v)).to_numpy(), keys

    def _report(self, feedback, table, events, result):
        level = events[events['TYPE'] == 'level']
        feedback.pushInfo(self.tr('{n} sensors: {off} offline; {ev} warning events ({red} red), {al} rate alarms '
                                  'between {start} and {end}.').format(
            n=len(table), off=int(table['OFFLINE'].sum()), ev=len(level), red=int((level['LEVEL'] == 4).sum()),
            al=int((events['TYPE'] == 'rate').sum()),
            start=pd.to_datetime(result.time_from, unit='s'), end=pd.to_datetime(result.time_to, unit='s')))
