"""Export a report layout's atlas: one PDF, a PDF per district or a PNG per district.

Nothing half-written: pages go to temporary files beside the destination (same file system) and
are moved into place only when every page is done; on an error or a cancel the temporary files are
removed and an existing report of the same name is left as it was. The output folder is checked
(created when missing, then probed with a real temporary file) before anything is exported.
Published files get the permissions of the user's umask (a temporary file is made 0600).

Each PDF is finished before it is moved into place (core/reports/pdf_text.py, with pikepdf): its
ToUnicode maps read radical look-alikes as the ideographs they are (国土, not 国⼟), and its Title
(the report title) and Author (the project's author, else the user's name) are set. PNGs are
drawn with QgsLayoutExporter.renderPageToImage and saved by Qt: exportToImage would ask GDAL to
georeference every page, and GDAL cannot update a PNG (an error line per page).
"""

import os
import shutil
import tempfile

from qgis.PyQt.QtCore import QSize
from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsRenderContext,
)

from ..core.errors import Canceled, InputError
from ..core.i18n import translate
from ..core.reports import pdf_text
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


def pdf_settings(dpi, layout=None):
    settings = QgsLayoutExporter.PdfExportSettings()
    if layout is not None:   # the export replaces the layout's scales by these for its duration
        settings.predefinedMapScales = list(layout.renderContext().predefinedScales())
    settings.dpi = dpi
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = True
    settings.exportMetadata = True
    return settings


def _fail(result, error, path):
    if result == QgsLayoutExporter.ExportResult.Canceled:
        raise Canceled('canceled')
    if result != QgsLayoutExporter.ExportResult.Success:
        raise InputError(translate('spm', 'Exporting “{path}” failed: {error}').format(
            path=path, error=error or _RESULTS.get(result, str(result))))


_RESULTS = {
    QgsLayoutExporter.ExportResult.FileError: 'file error',
    QgsLayoutExporter.ExportResult.PrintError: 'print error',
    QgsLayoutExporter.ExportResult.SvgLayerError: 'SVG layer error',
    QgsLayoutExporter.ExportResult.IteratorError: 'atlas error',
    QgsLayoutExporter.ExportResult.MemoryError: 'out of memory (lower the DPI)',
}


# layout variables that tell a page it is alone in its file (the templates' page number reads them)
PAGE_VARIABLES = {'spm_page_number': 1, 'spm_page_count': 1}


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
    if feedback is not None:
        feedback.pushInfo(translate('spm', 'Exporting {n} pages…').format(n=len(names)))
        if fmt != PNGS and not pdf_text.AVAILABLE:
            feedback.pushWarning(translate(
                'spm', 'pikepdf is not installed: the PDF text keeps radical look-alikes (⼟ for 土) '
                       'and has no title. Install it (Debian/Ubuntu: apt install python3-pikepdf).'))
    if fmt == PDF:
        return _export_single(layout, dpi, single, len(names), feedback)
    return _export_each(layout, fmt, dpi, folder, names, feedback)


def author(layout):
    """The report's author: the project's (Project › Properties › Metadata), else the user's name."""
    project = layout.project()
    return (project.metadata().author() if project is not None else '') or QgsApplication.userFullName()


def document_title(layout):
    """The title of a file holding every district: the ``title`` item's text without a district
    name (国土空间规划实施监测报告（2024年度）), else the layout's name."""
    label = layout.itemById('title')
    if isinstance(label, QgsLayoutItemLabel):
        context = layout.createExpressionContext()
        scope = QgsExpressionContextScope()
        scope.setVariable('atlas_pagename', '')
        context.appendScope(scope)
        text = QgsExpression.replaceExpressionText(label.text(), context).strip()
        if text:
            return text
    return layout.name()


def page_title(layout, name):
    """The title of the current atlas page: its ``title`` item's text, else the page name."""
    label = layout.itemById('title')
    text = label.currentText().strip() if isinstance(label, QgsLayoutItemLabel) else ''
    return text or name


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _finish_pdf(path, title, writer):
    """Searchable text and metadata (when pikepdf is there) for the temporary PDF ``path``."""
    if pdf_text.AVAILABLE:
        try:
            pdf_text.fix_pdf(path, title=title, author=writer)
        except Exception as exc:   # pikepdf errors have no common base class
            raise InputError(translate('spm', 'Finishing “{path}” failed: {error}').format(
                path=path, error=exc)) from exc


def _publish(temporary, target):
    """Move a finished temporary file into place with the permissions of the user's umask."""
    os.chmod(temporary, 0o666 & ~_umask())
    os.replace(temporary, target)


def _export_single(layout, dpi, path, pages, feedback):
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix='.spm_atlas_',
                                         suffix='.pdf')
    os.close(handle)
    try:
        result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), temporary,
                                                      pdf_settings(dpi, layout), feedback)
        if feedback is not None and feedback.isCanceled():
            raise Canceled('canceled')
        _fail(result, error, path)
        _finish_pdf(temporary, document_title(layout), author(layout))
        _publish(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return {'OUTPUT': path, 'PAGES': pages, 'FILES': [path]}


def _export_page(exporter, fmt, dpi, path):
    """Export the current atlas page to ``path`` (PDF or PNG)."""
    if fmt == PDFS:
        _fail(exporter.exportToPdf(path, pdf_settings(dpi, exporter.layout())), '', path)
        return
    image = exporter.renderPageToImage(0, QSize(), dpi)
    if image.isNull():
        _fail(QgsLayoutExporter.ExportResult.MemoryError, '', path)
    if not image.save(path, 'PNG'):
        _fail(QgsLayoutExporter.ExportResult.FileError, '', path)


def _export_each(layout, fmt, dpi, folder, names, feedback):
    extension = 'pdf' if fmt == PDFS else 'png'
    files = unique_names(names, extension)
    staging = tempfile.mkdtemp(dir=folder, prefix='.spm_atlas_')
    exporter = QgsLayoutExporter(layout)
    atlas = layout.atlas()
    variables = _own_variables(layout)
    writer = author(layout)
    try:
        for key, value in PAGE_VARIABLES.items():
            QgsExpressionContextUtils.setLayoutVariable(layout, key, value)
        if not atlas.beginRender():
            raise InputError(translate('spm', 'The atlas cannot start (no coverage layer?).'))
        for page, name in enumerate(files):
            if feedback is not None:
                if feedback.isCanceled():
                    raise Canceled('canceled')
                feedback.setProgress(100.0 * page / len(files))
            atlas.seekTo(page)
            path = os.path.join(staging, name)
            _export_page(exporter, fmt, dpi, path)
            if fmt == PDFS:
                _finish_pdf(path, page_title(layout, names[page]), writer)
        if feedback is not None:
            feedback.setProgress(100.0)
        final = []
        for name in files:
            target = os.path.join(folder, name)
            _publish(os.path.join(staging, name), target)
            final.append(target)
    finally:
        atlas.endRender()
        QgsExpressionContextUtils.setLayoutVariables(layout, variables)
        shutil.rmtree(staging, ignore_errors=True)
    return {'OUTPUT': folder, 'PAGES': len(files), 'FILES': final}


def _own_variables(layout):
    """The layout's own variables (Layout Properties › Variables), as a dict."""
    names = layout.customProperty('variableNames') or []
    values = layout.customProperty('variableValues') or []
    if isinstance(names, str):   # a single variable is stored as a string, not a list
        names, values = [names], [values]
    return dict(zip(names, values))
