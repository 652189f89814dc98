"""`kiosk check`: validate a content folder and print each problem with its file and field path.

`check_folder` is the one place the report is worded: the command line prints it, and the staff panel's
content reload shows the very same lines. Whatever the folder holds, the report is one line per problem and never
a traceback: should the check itself fail, that is one line too (and exit status 2).
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kiosk import paths
from kiosk.content import ContentError, Exhibition, Problem, load_exhibition
from kiosk.content.problems import MAX_LINE, shorten

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckReport:
    """The outcome of checking one folder: the exhibition when it can be shown, and the printed lines."""

    folder: Path
    exhibition: Exhibition | None
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False  # the check itself failed (a bug in the kiosk, not only in the content)

    @property
    def ok(self) -> bool:
        return self.exhibition is not None

    def lines(self) -> list[str]:
        """One line per problem, exactly as `kiosk check` prints them."""
        return [str(p) for p in self.problems]

    def summary(self) -> str:
        folder = shorten(str(self.folder), 120, keep_end=True)
        if self.exhibition is None:
            errors = sum(1 for p in self.problems if p.severity == "error")
            return (
                f"{folder}: {errors} error(s). Fix them and run `kiosk check` again; a running kiosk keeps its"
                " last good content meanwhile."
            )
        photos = len(self.exhibition.all_photos())
        words = self.exhibition.words
        kept = f", {len(words.words)} words kept whole (words.toml)" if words is not None and words.words else ""
        return f"{folder}: OK — {len(self.exhibition.sections)} sections, {photos} photos{kept}" + (
            f", {len(self.problems)} warning(s)" if self.problems else ""
        )


def check_folder(folder: Path | None) -> CheckReport:
    from kiosk.layout.bar_title import install as check_bar_titles
    from kiosk.media.check import install as check_photo_files

    check_photo_files()  # also open each photo's header: empty, truncated, not an image, over the pixel limit
    check_bar_titles()  # and warn of a title too long for the portrait bar
    folder = Path(folder) if folder else paths.default_content_dir()
    try:
        exhibition, warnings = load_exhibition(folder)
    except ContentError as exc:
        return CheckReport(folder, None, list(exc.problems))
    except Exception as exc:  # the loader should explain everything; if it cannot, say so in a line
        log.exception("checking %s failed", folder)
        problem = Problem(str(folder), "", f"the check itself failed ({type(exc).__name__}: {exc}); "
                                           "see the log, and please report it")
        return CheckReport(folder, None, [problem], failed=True)
    return CheckReport(folder, exhibition, list(warnings))


def run_check(folder: Path | None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show "…" or Chinese must not end the report
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        report = check_folder(folder)
    except Exception as exc:  # e.g. the photo checks cannot load: still one line, no traceback
        log.exception("kiosk check failed")
        print(shorten(f"{folder or 'content'}: the check itself failed ({type(exc).__name__}: {exc}); see the log",
                      MAX_LINE))
        return 2
    try:
        for line in report.lines():
            print(line)
        if not report.ok:
            print(f"\n{report.summary()}", file=sys.stderr)
            return 2 if report.failed else 1
        print(report.summary())
    except BrokenPipeError:  # `kiosk check | head`: the reader has seen enough; the verdict is still the exit status
        sys.stdout = open(os.devnull, "w")  # kept open: Python flushes stdout at exit, and a closed pipe would raise
    return 2 if report.failed else 1 if report.problems else 0  # warnings too (a photo shown as a placeholder)
