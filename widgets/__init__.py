"""Interactive elements of the Social Commerce course.

Each widget is an anywidget whose JavaScript holds all interactive logic, so one implementation runs in
the static book (no kernel), in a live kernel (JupyterLab, Binder, Voila) and in the tests.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
