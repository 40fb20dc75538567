"""Errors that core raises for bad input; the Processing layer shows their message as is."""


class SpmError(Exception):
    """Bad input or an impossible request, with a message already fit for the user."""


class InputError(SpmError):
    """An input layer, field, table or value is unusable; the message names it."""


class Canceled(SpmError):
    """The user canceled the run."""
