"""Content brought on a USB stick: checked on the stick, copied beside the current content, switched to in one
step, and the content shown before kept for a one-tap roll back (also after a restart).

Where on the stick: a folder named `lukou-content` at its top, else one named `content`, else the stick itself
when `exhibition.toml` is at its top — the first of these that holds an `exhibition.toml`.

Where on the kiosk: `<data>/content/<YYYYMMDD-HHMMSS>/` in the kiosk's per-user data folder, and a small pointer
file beside them, `<data>/content/current.json` (`{"current": name, "previous": name}`; an empty name is the
content chosen without an import: `content/` beside the program or the bundled exhibition). The kiosk reads the
pointer at start (`kiosk.paths.content_source`); `--content` and `KIOSK_CONTENT`, an installer's explicit
choice, still come first.

The steps, each of which leaves the current content untouched when it fails:
1. check the stick's folder with `kiosk check`'s own code: any error and nothing is copied;
2. copy the files the content uses (its TOML files and the photos it names; not editors' or sync tools'
   temporary files, nor photos no text names: a stick often carries a whole shoot, and the kiosk's disk keeps
   two imports) to a hidden temporary folder, each file flushed to disk; the outcome says how many files of
   `photos/` were left on the stick, and names the first of them;
3. check the copy again and compare it file by file with the stick (a stick pulled out half way, a bad sector);
4. rename the copy to its final name, and replace the pointer file atomically (temporary file, flush, rename).
A full disk, a stick that vanished, a folder the kiosk cannot write: the temporary copy is removed and the
outcome says why in a sentence. Only the current and the previous imports are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk import paths
from kiosk.check import CheckReport, check_folder
from kiosk.content.loader import PHOTOS_DIR, ROOT_FILE
from kiosk.content.watch import Kind, kind_of

log = logging.getLogger(__name__)

STICK_FOLDERS = ("lukou-content", "content")  # looked for at the top of a stick, in this order, then the top itself
TEMP_PREFIX = ".import-"
HEADROOM = 20 * 1024 * 1024  # left free on the kiosk's disk after a copy: logs and statistics still need room


def find_content(root: Path) -> Path | None:
    """The content folder on a stick (see the module's docstring), or None."""
    root = Path(root)
    for candidate in [root / name for name in STICK_FOLDERS] + [root]:
        try:
            if (candidate / ROOT_FILE).is_file():
                return candidate
        except OSError:
            continue
    return None


@dataclass(frozen=True)
class ImportOutcome:
    """`reason` is one of: ok, no_content, invalid, disk_full, stick_gone, cannot_write, copy_differs."""

    reason: str
    source: Path | None = None  # the content folder on the stick
    folder: Path | None = None  # the copy, when ok
    lines: list[str] = field(default_factory=list)  # problems as `kiosk check` prints them
    summary: str = ""  # `kiosk check`'s last line, or what went wrong in a sentence
    report: CheckReport | None = None  # the check of the copy, when ok: its exhibition is what to show
    left_out: tuple[str, ...] = ()  # files in photos/ that no text names, not copied (relative paths)

    @property
    def ok(self) -> bool:
        return self.reason == "ok"


class ContentLibrary:
    """The imported content folders of one kiosk and the pointer that says which one is showing."""

    def __init__(self, root: Path | None = None, clock: Callable[[], dt.datetime] = dt.datetime.now):
        self.root = Path(root) if root is not None else paths.imported_content_root()
        self.clock = clock

    # the pointer ------------------------------------------------------------------------------------

    @property
    def pointer(self) -> Path:
        return self.root / paths.IMPORT_POINTER

    def _state(self) -> dict[str, str]:
        try:
            data = json.loads(self.pointer.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"current": "", "previous": ""}
        if not isinstance(data, dict):
            return {"current": "", "previous": ""}
        return {key: data[key] if isinstance(data.get(key), str) else "" for key in ("current", "previous")}

    def _folder(self, name: str) -> Path | None:
        if not paths.is_import_name(name):
            return None
        folder = self.root / name
        return folder if folder.is_dir() else None

    def current(self) -> Path | None:
        """The imported folder the kiosk shows (None: no import, the content chosen without one)."""
        return self._folder(self._state()["current"])

    def can_roll_back(self) -> bool:
        state = self._state()
        if state["current"] == state["previous"]:
            return False
        return not state["previous"] or self._folder(state["previous"]) is not None

    def _write_state(self, current: str, previous: str) -> None:
        paths.private_dir(self.root)
        temp = self.root / f"{paths.temp_prefix(paths.IMPORT_POINTER)}{os.urandom(4).hex()}{paths.TEMP_SUFFIX}"
        try:
            with open(temp, "w", encoding="utf-8") as out:
                json.dump({"current": current, "previous": previous}, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.pointer)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _fsync_dir(self.root)

    # importing --------------------------------------------------------------------------------------

    def import_from(self, stick: Path, check: Callable[[Path], CheckReport] = check_folder) -> ImportOutcome:
        """Check, copy and verify the content on `stick`; the copy is not shown yet (see `switch_to`)."""
        source = find_content(stick)
        if source is None:
            return ImportOutcome("no_content", summary=f"{stick}: no {ROOT_FILE} in {', '.join(STICK_FOLDERS)} "
                                                        "or at the top of the drive")
        report = check(source)
        if not report.ok:
            return ImportOutcome("invalid", source, lines=report.lines(), summary=report.summary())
        named = _named_photos(report)
        try:
            files, left_out = _content_files(source, named)
            needed = sum(size for _, size in files)
            paths.private_dir(self.root)
            if shutil.disk_usage(self.root).free < needed + HEADROOM:
                return ImportOutcome("disk_full", source, summary=f"{needed / 1e6:.1f} MB needed on {self.root}")
        except OSError as exc:
            return self._failed(source, exc, None)
        self._remove_stale()
        name = self._new_name()
        temp = self.root / f"{TEMP_PREFIX}{name}"
        try:
            for relative, _ in files:
                _copy(source / relative, temp / relative)
            _fsync_tree(temp)
            copied = check(temp)
            differs = [r for r, size in files if not (temp / r).is_file() or (temp / r).stat().st_size != size]
            again = {r for r, _ in _content_files(source, named)[0]}
            if not copied.ok or differs or again != {r for r, _ in files}:
                shutil.rmtree(temp, ignore_errors=True)
                lines = copied.lines() if not copied.ok else [f"{r}: differs from the drive" for r in differs]
                return ImportOutcome("copy_differs", source, lines=lines or ["the drive changed during the copy"],
                                     summary=copied.summary() if not copied.ok else "")
            final = self.root / name
            os.replace(temp, final)
            _fsync_dir(self.root)
        except OSError as exc:
            shutil.rmtree(temp, ignore_errors=True)
            return self._failed(source, exc, stick)
        log.info("content imported from %s to %s (%d unnamed photo files left on the drive)", source, final,
                 len(left_out))
        return ImportOutcome("ok", source, final, summary=report.summary(),
                             report=CheckReport(final, copied.exhibition, copied.problems), left_out=tuple(left_out))

    def switch_to(self, folder: Path) -> None:
        """`folder` (an import) is the kiosk's content from now on, the current one kept for a roll back."""
        state = self._state()
        self._write_state(folder.name, state["current"])
        self._prune()

    def roll_back(self) -> Path | None:
        """Swap the current and the previous content; returns the folder now current (None: no import)."""
        state = self._state()
        self._write_state(state["previous"], state["current"])
        log.warning("content rolled back to %s", state["previous"] or "the content chosen without an import")
        return self._folder(state["previous"])

    def discard(self, folder: Path) -> None:
        if folder.parent == self.root and folder.name not in self._state().values():
            shutil.rmtree(folder, ignore_errors=True)

    # housekeeping -----------------------------------------------------------------------------------

    def _new_name(self) -> str:
        base = self.clock().strftime("%Y%m%d-%H%M%S")
        name, n = base, 1
        while (self.root / name).exists() or (self.root / f"{TEMP_PREFIX}{name}").exists():
            n += 1
            name = f"{base}-{n}"
        return name

    def _remove_stale(self) -> None:
        with contextlib.suppress(OSError):
            for entry in self.root.iterdir():
                if entry.name.startswith(TEMP_PREFIX) and entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)  # a copy a power cut or a crash interrupted

    def _prune(self) -> None:
        keep = set(self._state().values())
        with contextlib.suppress(OSError):
            for entry in self.root.iterdir():
                if entry.is_dir() and not entry.name.startswith(".") and entry.name not in keep:
                    shutil.rmtree(entry, ignore_errors=True)

    def _failed(self, source: Path, exc: OSError, stick: Path | None) -> ImportOutcome:
        log.error("content import from %s failed: %s", source, exc)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = "disk_full"
        elif stick is not None and not Path(stick).is_dir() or exc.errno in (errno.ENOENT, errno.EIO, errno.ENODEV,
                                                                             errno.ENXIO):
            reason = "stick_gone"
        else:
            reason = "cannot_write"
        return ImportOutcome(reason, source, summary=f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))


def _named_photos(report: CheckReport) -> set[str] | None:
    """The photo files the content names, as `photos/<name>` case-folded (a FAT stick ignores case, so the check
    on it found them whatever their case); None when the check gave no exhibition."""
    if report.exhibition is None:
        return None
    return {f"{PHOTOS_DIR}/{photo.file}".casefold() for photo in report.exhibition.all_photos()}


def _content_files(source: Path, named: set[str] | None = None) -> tuple[list[tuple[str, int]], list[str]]:
    """(relative path, size) of every file the content uses, as the watch sees them, and the files of `photos/`
    left out because the content does not name them (`named`: case-folded `photos/<name>`; None: keep all)."""
    found = []
    left_out: list[str] = []

    def _raise(exc: OSError) -> None:  # a stick pulled out: stop; a subfolder the kiosk may not read: not content
        if isinstance(exc, PermissionError) and exc.filename is not None and Path(exc.filename) != Path(source):
            log.info("content import: %s cannot be read; it is not copied", exc.filename)
            return
        raise exc

    for root, dirs, names in os.walk(source, onerror=_raise):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            relative = path.relative_to(source).as_posix()
            if kind_of(relative) is Kind.CONTENT:
                info = path.stat()
                if not stat.S_ISREG(info.st_mode):  # a named pipe would never end, a link to /dev/zero fill the disk
                    log.warning("content import: %s is not a file; it is not copied", path)
                    continue
                if named is not None and relative.startswith(f"{PHOTOS_DIR}/") and relative.casefold() not in named:
                    left_out.append(relative)
                    continue
                found.append((relative, info.st_size))
    return found, left_out


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as inp, open(target, "wb") as out:
        shutil.copyfileobj(inp, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())


def _fsync_tree(folder: Path) -> None:
    for root, _dirs, _files in os.walk(folder):
        _fsync_dir(Path(root))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
