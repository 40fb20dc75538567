"""Publishing a finished output file: the one step shared by Processing (provider/destinations.py)
and the batch engine (batch/engine.py), so both keep an existing GeoPackage's other layers."""

from .errors import InputError
from .i18n import translate


def replace_layer(path, staged, layer):
    """Replace (or add) one layer of an existing GeoPackage; its other layers stay as they are.

    The new layer is copied in under a temporary name first; the old one is then dropped and the
    new one renamed in one transaction, so the file never lacks the layer.
    """
    from osgeo import ogr
    source = ogr.Open(staged)
    target = ogr.Open(path, 1)
    if source is None or target is None:
        raise InputError(translate('spm', 'GeoPackage “{path}” cannot be opened for writing.').format(path=path))
    incoming = f'{layer}__spm_new'
    try:
        if target.GetLayerByName(incoming) is not None:
            target.DeleteLayer(incoming)
        if target.CopyLayer(source.GetLayerByName(layer) or source.GetLayer(0), incoming) is None:
            raise InputError(translate('spm', 'Layer “{layer}” could not be written into “{path}”.').format(
                layer=layer, path=path))
        if target.StartTransaction() != 0:
            raise InputError(translate('spm', 'GeoPackage “{path}” is locked by another program.').format(
                path=path))
        names = [target.GetLayer(k).GetName() for k in range(target.GetLayerCount())]
        ok = (layer not in names or target.DeleteLayer(names.index(layer)) == 0) and \
            target.GetLayerByName(incoming).Rename(layer) == 0
        if not ok or target.CommitTransaction() != 0:
            target.RollbackTransaction()
            target.DeleteLayer(incoming)
            raise InputError(translate('spm', 'Layer “{layer}” could not be replaced in “{path}”.').format(
                layer=layer, path=path))
    finally:
        source = target = None   # noqa: F841 (closes the datasets)
