"""Translation hook for code that must not import Qt.

``translate('spm', 'text')`` returns ``text`` until the plugin installs Qt's translator with
:func:`install`; pylupdate5 finds these calls like ``QCoreApplication.translate`` calls.
"""

_translator = None


def translate(context, text):
    """Return ``text`` translated in ``context`` (identity when no translator is installed)."""
    if _translator is None:
        return text
    return _translator(context, text)


def install(translator):
    """Route :func:`translate` through ``translator(context, text)``; ``None`` restores identity."""
    global _translator
    _translator = translator
