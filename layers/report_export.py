"""Export a report layout's atlas: one PDF, a PDF per district or a PNG per district.

Nothing half-written: pages go to temporary files beside the destination (same file system) and
are moved into place only when every page is done; on an error or a cancel the temporary files are
removed and an existing report of the same name is left as it was. The output folder is checked
(created when missing, then probed with a real temporary file) before anything is exported.
"""

import os
import shutil
import tempfile

from qgis.core import QgsLayoutExporter, QgsRenderContext

from ..core.errors import Canceled, InputError
from ..core.i18n import translate
from ..core.reports.filenames import unique_names

PDF, PDFS, PNGS = 'pdf', 'pdfs', 'pngs'
FORMATS = (PDF, PDFS, PNGS)


def destination(output, fmt):
    """(folder, file or None): where ``fmt`` writes for the OUTPUT value ``output``.

    One PDF: ``output`` is the file (``.pdf`` added when missing). Per district: ``output`` is a
    folder; a ``.pdf``/``.png`` extension, as a file dialog would give, is dropped.
    """
    output = os.path.abspath(os.path.expanduser(str(output)))
    stem, extension = os.path.splitext(output)
    if fmt == PDF:
        if extension.lower() != '.pdf':
            output += '.pdf'
        return os.path.dirname(output), output
    if extension.lower() in ('.pdf', '.png'):
        output = stem
    return output, None


def check_folder(folder):
    """Create ``folder`` when missing and prove it writable; InputError naming it otherwise."""
    try:
        os.makedirs(folder, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix='.spm_probe_')
        os.close(handle)
        os.remove(probe)
    except OSError as exc:
        raise InputError(translate(
            'spm', 'Output folder “{folder}” is not writable: {error}').format(
                folder=folder, error=exc.strerror or exc)) from exc


def page_names(layout):
    """The atlas page names (district names), in page order."""
    atlas = layout.atlas()
    atlas.updateFeatures()
    return [atlas.nameForPage(i) for i in range(atlas.count())]


def pdf_settings(dpi):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = True
    settings.exportMetadata = True
    return settings


def image_settings(dpi):
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.generateWorldFile = False
    settings.exportMetadata = False   # GDAL cannot add it to PNG (and would say so on stderr)
    return settings


def _fail(result, error, path):
    if result == QgsLayoutExporter.Canceled:
        raise Canceled('canceled')
    if result != QgsLayoutExporter.Success:
        raise InputError(translate('spm', 'Exporting “{path}” failed: {error}').format(
            path=path, error=error or _RESULTS.get(result, str(result))))


_RESULTS = {
    QgsLayoutExporter.FileError: 'file error',
    QgsLayoutExporter.PrintError: 'print error',
    QgsLayoutExporter.SvgLayerError: 'SVG layer error',
    QgsLayoutExporter.IteratorError: 'atlas error',
    QgsLayoutExporter.MemoryError: 'out of memory (lower the DPI)',
}


def export(layout, fmt, dpi, output, feedback=None):
    """Export every atlas page of ``layout``; return {'OUTPUT': path, 'PAGES': n, 'FILES': [...]}."""
    if fmt not in FORMATS:
        raise InputError(translate('spm', 'Unknown report format “{fmt}”.').format(fmt=fmt))
    folder, single = destination(output, fmt)
    check_folder(folder)
    layout.renderContext().setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)
    names = page_names(layout)
    if not names:
        raise InputError(translate('spm', 'The atlas has no page: the district layer has no feature '
                                          '(or none passes its filter).'))
    if fmt == PDF:
        return _export_single(layout, dpi, single, len(names), feedback)
    return _export_each(layout, fmt, dpi, folder, names, feedback)


def _export_single(layout, dpi, path, pages, feedback):
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix='.spm_atlas_',
                                         suffix='.pdf')
    os.close(handle)
    try:
        result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), temporary, pdf_settings(dpi),
                                                      feedback)
        if feedback is not None and feedback.isCanceled():
            raise Canceled('canceled')
        _fail(result, error, path)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return {'OUTPUT': path, 'PAGES': pages, 'FILES': [path]}


def _export_each(layout, fmt, dpi, folder, names, feedback):
    extension = 'pdf' if fmt == PDFS else 'png'
    files = unique_names(names, extension)
    staging = tempfile.mkdtemp(dir=folder, prefix='.spm_atlas_')
    exporter = QgsLayoutExporter(layout)
    atlas = layout.atlas()
    try:
        if not atlas.beginRender():
            raise InputError(translate('spm', 'The atlas cannot start (no coverage layer?).'))
        for page, name in enumerate(files):
            if feedback is not None:
                if feedback.isCanceled():
                    raise Canceled('canceled')
                feedback.setProgress(100.0 * page / len(files))
            atlas.seekTo(page)
            path = os.path.join(staging, name)
            if fmt == PDFS:
                result = exporter.exportToPdf(path, pdf_settings(dpi))
            else:
                result = exporter.exportToImage(path, image_settings(dpi))
            _fail(result, '', path)
        final = []
        for name in files:
            target = os.path.join(folder, name)
            os.replace(os.path.join(staging, name), target)
            final.append(target)
    finally:
        atlas.endRender()
        shutil.rmtree(staging, ignore_errors=True)
    return {'OUTPUT': folder, 'PAGES': len(files), 'FILES': final}
