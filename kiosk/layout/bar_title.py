"""`kiosk check` warns of a place title too long for the portrait bar.

Along the bottom of every screen the bar names the place the visitor is at. On a portrait stand (1080×1920)
the bar's title has `PORTRAIT_ROOM` pixels beside the buttons: it takes one or two lines, steps down to a
caption's size and takes up to three; a longer title is cut there with "…" (it is still shown whole on the page
itself). The check sets each title the way the bar does (`kiosk.layout.typography`), measured with the bundled
fonts through Pillow, and warns the editor of any that need more than three lines, so it can be shortened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from PIL import ImageFont

from kiosk import paths
from kiosk.content.loader import ROOT_FILE, SECTIONS_DIR, register_check
from kiosk.content.problems import Problem, Severity
from kiosk.content.schema import Exhibition
from kiosk.layout import typography

log = logging.getLogger(__name__)

PORTRAIT_ROOM = 459  # px the portrait bar leaves its title at 1080×1920 (tests/ui keep it in step with the bar)
TYPE_SIZE = 24  # px: the caption size the bar steps down to, the smallest it sets a title in
MOST_LINES = 3
SLACK = 0.5  # as the bar's typesetter keeps free on every line

FONTS = {"latin": "NotoSans-Bold.ttf", "cjk": "NotoSansSC-Bold.otf"}


@cache
def _font(kind: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(paths.fonts_dir() / FONTS[kind]), TYPE_SIZE)


def _measure() -> Callable[[str], float]:
    latin, cjk = _font("latin"), _font("cjk")

    def measure(text: str) -> float:
        width = 0.0
        for ch in text:  # per character: the bar's font falls back to the Chinese face for hanzi
            font = cjk if ord(ch) >= 0x2E80 else latin
            width += font.getlength(ch)
        return width

    return measure


def bar_lines(title: str, measure: Callable[[str], float] | None = None, room: float = PORTRAIT_ROOM) -> int | None:
    """How many lines the portrait bar sets `title` in at its smallest size; None if a word is wider than it."""
    lines = typography.wrap_title(title, room - SLACK, measure or _measure())
    return len(lines) if lines.fits else None


def _titles(exhibition: Exhibition) -> Iterator[tuple[str, str, str]]:
    """(file, field, English or Chinese title) of every place the bar names from the content."""
    for lang in ("zh", "en"):
        yield ROOT_FILE, f"title.{lang}", exhibition.title.get(lang)
        for section in exhibition.sections:
            yield f"{SECTIONS_DIR}/{section.id}.toml", f"title.{lang}", section.title.get(lang)
        if exhibition.timeline is not None:
            yield "timeline.toml", f"title.{lang}", exhibition.timeline.title.get(lang)
        if exhibition.map is not None:
            yield "map.toml", f"title.{lang}", exhibition.map.title.get(lang)


def check_bar_titles(exhibition: Exhibition, _folder: Path) -> list[Problem]:
    try:
        measure = _measure()
    except OSError as exc:  # the fonts are part of the kiosk: without them there is nothing to measure with
        log.warning("bar title check skipped: %s", exc)
        return []
    problems = []
    for file, field, title in _titles(exhibition):
        lines = bar_lines(title, measure)
        if lines is None or lines > MOST_LINES:
            problems.append(Problem(
                file, field, f"too long for the bar on a portrait screen (more than {MOST_LINES} lines there): it "
                "is cut with \"…\" in the bar, shown whole on its page; a shorter title reads whole in both",
                Severity.WARNING,
            ))
    return problems


def install() -> None:
    """Make `load_exhibition` run this check too (for `kiosk check` and the staff panel's report)."""
    register_check(check_bar_titles)
