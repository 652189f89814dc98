"""`kiosk check`: validate a content folder and print each problem with its file and field path."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk import paths
from kiosk.content import ContentError, load_exhibition


def run_check(folder: Path | None) -> int:
    folder = Path(folder) if folder else paths.default_content_dir()
    try:
        exhibition, warnings = load_exhibition(folder)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem)
        errors = sum(1 for p in exc.problems if p.severity == "error")
        print(f"\n{folder}: {errors} error(s). Fix them and run `kiosk check` again; a running kiosk keeps its last good content meanwhile.", file=sys.stderr)
        return 1
    for problem in warnings:
        print(problem)
    photos = len(exhibition.all_photos())
    print(
        f"{folder}: OK — {len(exhibition.sections)} sections, {photos} photos"
        + (f", {len(warnings)} warning(s)" if warnings else "")
    )
    return 0
