"""Content reload from the staff panel: validate a content folder first, and hand back either the new
exhibition or the problems, worded exactly as `kiosk check` prints them. The running content is never touched
here; the composition root (kiosk.app_content) builds the new screens first and swaps them in only when that
worked, and reports here when it did not (`not_shown`).

`ContentNotice` is what staff are told when the kiosk is not showing the content it was asked for: the folder,
why, and what it shows instead."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.check import CheckReport, check_folder
from kiosk.content import Exhibition
from kiosk.content.problems import MAX_LINE, shorten

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    folder: Path
    exhibition: Exhibition | None  # None: the folder is broken and the current content stays
    lines: list[str]  # problems (or warnings), one per line, as `kiosk check` prints them
    summary: str  # the last line of `kiosk check`
    cause: str | None = None  # the folder passed the checks, but its screens could not be built: why

    @property
    def ok(self) -> bool:
        return self.exhibition is not None

    def not_shown(self, cause: str) -> ReloadResult:
        """The same folder, refused after all: building its screens failed with `cause`."""
        cause = shorten(cause, MAX_LINE - 80)
        line = f"{self.folder}: the screens cannot be built from this content: {cause}"
        summary = f"{self.folder}: not shown. The current content stays; see the log for the full error."
        return replace(self, exhibition=None, lines=[*self.lines, shorten(line, MAX_LINE)], summary=summary,
                       cause=cause)


@dataclass(frozen=True)
class ContentNotice:
    """The kiosk is not showing `folder` (because of `cause`) but `shown` instead."""

    folder: Path
    cause: str
    shown: Path
    bundled: bool  # `shown` is the exhibition bundled with the kiosk


def validate_content(folder: Path) -> ReloadResult:
    report: CheckReport = check_folder(folder)
    if report.ok:
        log.info("content reload: checked %s", report.summary())
    else:
        for line in report.lines():
            log.error("content reload: %s", line)
    return ReloadResult(report.folder, report.exhibition, report.lines(), report.summary())
