"""A single thing wrong with a content folder, phrased for a content editor."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
        where = f"{self.path}: " if self.path else ""
        tag = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.file}: {tag}{where}{self.message}"
