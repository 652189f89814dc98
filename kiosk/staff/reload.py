"""Content reload from the staff panel: validate a content folder first, and hand back either the new
exhibition or the problems, worded exactly as `kiosk check` prints them. The running content is never touched
here; the composition root swaps it in only when this says the folder is good."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.check import CheckReport, check_folder
from kiosk.content import Exhibition

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    folder: Path
    exhibition: Exhibition | None  # None: the folder is broken and the current content stays
    lines: list[str]  # problems (or warnings), one per line, as `kiosk check` prints them
    summary: str  # the last line of `kiosk check`

    @property
    def ok(self) -> bool:
        return self.exhibition is not None


def validate_content(folder: Path) -> ReloadResult:
    report: CheckReport = check_folder(folder)
    if report.ok:
        log.info("content reload: %s", report.summary())
    else:
        for line in report.lines():
            log.error("content reload: %s", line)
    return ReloadResult(report.folder, report.exhibition, report.lines(), report.summary())
