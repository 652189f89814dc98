"""A single thing wrong with a content folder, phrased for a content editor.

Every problem prints as one line of at most `MAX_LINE` characters, whatever the content holds: a 1 MB title or
an id that fills a file is echoed cut short with "…", so a report stays readable on a terminal and on the staff
panel, and names its file and field first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MAX_LINE = 300
_MAX_FILE = 100
_MAX_PATH = 80


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """`file` is relative to the content folder; `path` is the field, e.g. `sections[2].photos[0].file`."""

    file: str
    path: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        file = shorten(self.file, _MAX_FILE, keep_end=True)
        where = f"{shorten(self.path, _MAX_PATH)}: " if self.path else ""
        tag = "" if self.severity is Severity.ERROR else "warning: "
        head = f"{file}: {tag}{where}"
        return head + shorten(self.message, MAX_LINE - len(head))


def shorten(text: str, limit: int, keep_end: bool = False) -> str:
    """`text` on one line, at most `limit` characters: cut with "…" (at the start when the end matters more,
    as in a folder path)."""
    flat = " ".join(str(text).splitlines())
    if len(flat) <= limit:
        return flat
    limit = max(limit, 2)
    return "…" + flat[-(limit - 1):] if keep_end else flat[: limit - 1] + "…"


def echo(value: object, limit: int = 60) -> str:
    """A value from the content quoted in a message, cut short: `'wind-power.jpg'`, `inf`, `'aaaa…'`."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[: limit - 3]) + "…"
    return shorten(repr(value), limit)
