"""Prepare a land-use or zone layer for the monitoring overlays: codes, scheme, valid polygons.

Every repaired or skipped feature is reported through ``log(message, warning=True)`` with the
layer and its fid; ``log`` is any callable taking a message and the keyword ``warning``.
"""

from dataclasses import dataclass

import numpy as np

from ..i18n import translate
from . import area, tables
from .geometry import repair


@dataclass
class Layer:
    """A polygon layer ready for :func:`overlay.cut`: repaired geometries and their fids."""
    label: str
    fids: np.ndarray
    geometry: list
    codes: np.ndarray = None           # normalised class codes (land-use layers only)
    scheme: str = None                 # 'current' (三调) or 'plan' (用地用海)
    table: object = None               # the ClassTable of ``scheme``
    amounts: np.ndarray = None         # attribute area of each feature (m², NaN = none): area.py
    formula: str = None                # how ``amounts`` were read ('TBDLMJ', 'TBMJ − KCMJ' …)
    whole: np.ndarray = None           # ellipsoidal area of each feature, once computed


def _report(label, report, log):
    if log is None:
        return
    for _, fid, message in report:
        log(translate('spm', 'Layer {layer}, feature {fid}: {message}').format(
            layer=label, fid=fid, message=message), warning=True)


def polygons(frame, label, log=None, canceled=None, checked=False):
    """The frame's polygons, repaired (see :func:`geometry.repair`; ``checked``: already
    validated as read), as a :class:`Layer`."""
    fids = np.asarray(frame.index, dtype=np.int64)
    geometry, report = repair(frame.geometry.values, labels=fids, canceled=canceled,
                              checked=checked)
    _report(label, report, log)
    return Layer(label, fids, geometry)


def with_amounts(layer, frame):
    """Give ``layer`` its attribute areas (TBDLMJ, or TBMJ − KCMJ) from ``frame``; see area.py."""
    layer.amounts, layer.formula = area.attribute_areas(frame, layer.label)
    return layer


def land_use(frame, field, label, log=None, canceled=None, scheme=None, describe=True,
             checked=False):
    """A land-use layer: repaired polygons plus codes read from ``field`` (and the attribute
    areas when ``frame`` has the 三调 area fields).

    ``scheme`` None: the table that knows more of the layer's codes (三调 on a tie); the log
    says which was used and how many features have codes absent from it (they count as 未知).
    ``checked``: see :func:`polygons`. ``describe`` False leaves that out of the log (the batch
    engine says it once for the whole layer with :func:`read_codes`, then reads tile by tile
    with the scheme it found).
    """
    layer = polygons(frame, label, log, canceled, checked)
    layer.codes, layer.scheme, layer.table = read_codes(
        frame[field].values, field, label, log if describe else None, scheme)
    with_amounts(layer, frame)
    return layer


def read_codes(values, field, label, log=None, scheme=None):
    """(normalised codes, scheme, ClassTable) of a code column; see :func:`land_use`."""
    codes = tables.normalize_codes(values)
    scheme = scheme or tables.detect_scheme(codes)
    table = tables.load_classes(scheme)
    if log is not None:
        log(translate('spm', 'Layer {layer}: codes of field {field} read as {edition}').format(
            layer=label, field=field, edition=table.edition))
        unknown = ~table.known(codes)
        if unknown.any():
            values = sorted(set(codes[unknown]))
            log(translate(
                'spm', 'Layer {layer}: {count} feature(s) have codes not in the table, counted as '
                '未知 (unknown): {codes}').format(
                    layer=label, count=int(unknown.sum()),
                    codes=', '.join(v or translate('spm', '(empty)') for v in values[:20])),
                warning=True)
    return codes, scheme, table
