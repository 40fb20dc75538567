"""Fixtures of the GUI tests: what Processing's dialogs need of iface beyond pytest-qgis's mock."""

import pytest


@pytest.fixture
def dialog_iface(iface, qgis_processing, monkeypatch):
    """``iface`` with a browser model, so processing.createAlgorithmDialog can build its panels."""
    from qgis.gui import QgsBrowserGuiModel
    model = QgsBrowserGuiModel()
    monkeypatch.setattr(iface, 'browserModel', lambda: model, raising=False)
    yield iface
