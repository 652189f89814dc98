"""PyInstaller runtime hook: tell qtpy (used by qtawesome) to use PySide6 straight away, instead of trying
PyQt5 and others first, which are not in the bundle."""

import os

os.environ.setdefault("QT_API", "pyside6")
