"""Register the bundled Chinese font with Qt; the only module that does.

The kiosk machines may have no CJK font installed at all, and Qt's fallback to "whatever the system has"
would then draw every hanzi as an empty box. So the app ships a Noto Sans SC subset (Regular + Bold, built
by tools/build_font.py) and registers it here before the first widget is created. The family name is read
back from Qt rather than copied from the build script, so renaming the font never silently breaks the UI.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from kiosk.paths import fonts_dir

log = logging.getLogger(__name__)

# Regular first: its family is the one returned. Bold joins the same family as its bold style.
FONT_FILES = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")


def register_fonts() -> str:
    """Add the bundled fonts to the application and return their family name.

    Needs a QGuiApplication. A file that is missing or unreadable is logged as an error and skipped; if
    none loads, the platform's default UI family is returned so the kiosk still starts (Qt then falls back
    to any CJK font the system may have).
    """
    folder = fonts_dir()
    families: list[str] = []
    for name in FONT_FILES:
        path = folder / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            log.error("could not load font %s", path)
            continue
        loaded = QFontDatabase.applicationFontFamilies(font_id)
        if not loaded:
            log.error("font %s loaded but reports no family", path)
            continue
        log.debug("loaded font %s: %s", path, ", ".join(loaded))
        families.append(loaded[0])

    if not families:
        fallback = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
        log.error("no bundled font loaded from %s; falling back to %r", folder, fallback)
        return fallback
    if len(set(families)) > 1:
        log.warning("bundled fonts disagree on their family: %s; using %r", ", ".join(families), families[0])
    return families[0]
