"""Register the bundled fonts with Qt; the only module that does.

The kiosk machines may have no CJK font installed at all, and Qt's fallback to "whatever the system has"
would then draw every hanzi as an empty box. So the app ships two families (Regular + Bold each, built by
tools/build_font.py) and registers them here before the first widget is created:

    a Latin face, a Noto Sans subset: Latin letters (pinyin included), digits, Western punctuation;
    a Chinese face, a Noto Sans CJK SC subset: hanzi, CJK and full-width punctuation, and all the rest.

`register_fonts()` returns them in that priority order, for `QFont.setFamilies()` or a CSS font-family list:
Qt takes each character from the first family that maps it, so English gets proportional quotes and
apostrophes and Latin-styled letters, while hanzi and CJK punctuation (which the Latin face deliberately
never maps) fall back to the SC face. Chinese text set with the same list also takes “ ” ‘ ’ … · — from the
Latin face (narrow quotes, a baseline ellipsis); text in Chinese should put the SC family first instead:
it has Latin too, so Chinese then looks exactly as with the SC face alone.

Family names are read back from Qt rather than copied from the build script, so renaming a font never
silently breaks the UI.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from kiosk.health import ASSETS
from kiosk.paths import fonts_dir

log = logging.getLogger(__name__)

# One tuple per family, in priority order: Latin first, then the CJK face it falls back to. Within a tuple,
# Regular first: its family is the one returned. Bold joins the same family as its bold style.
FONT_FILES = (
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf"),
)


def _register(path: Path) -> str | None:
    """Add one bundled font file; its family as Qt reports it, or None (logged) when it cannot be used."""
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id == -1:
        log.error("could not load font %s", path)
        ASSETS.failed(f"font {path.name}", "missing" if not path.exists() else "not a usable font file")
        return None
    loaded = QFontDatabase.applicationFontFamilies(font_id)
    if not loaded:
        log.error("font %s loaded but reports no family", path)
        ASSETS.failed(f"font {path.name}", "no font family in it")
        return None
    log.debug("loaded font %s: %s", path, ", ".join(loaded))
    return loaded[0]


def register_fonts() -> list[str]:
    """Add the bundled fonts to the application and return their families in priority order.

    That is [Latin family, CJK family], less any family none of whose files loaded. Needs a
    QGuiApplication. A file that is missing or unreadable is logged as an error and skipped; if nothing
    loads at all, the platform's default UI family is returned alone so the kiosk still starts (Qt then
    falls back to any CJK font the system may have).
    """
    folder = fonts_dir()
    families: list[str] = []
    for files in FONT_FILES:
        loaded = [family for family in (_register(folder / name) for name in files) if family is not None]
        if not loaded:
            continue
        if len(set(loaded)) > 1:
            log.warning("bundled fonts %s disagree on their family: %s; using %r",
                        ", ".join(files), ", ".join(loaded), loaded[0])
        if loaded[0] not in families:
            families.append(loaded[0])

    if not families:
        fallback = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
        log.error("no bundled font loaded from %s; falling back to %r", folder, fallback)
        return [fallback]
    return families
