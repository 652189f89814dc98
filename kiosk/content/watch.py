"""When a content folder that changes under a running kiosk is ready to be checked again.

Content reaches a kiosk while it runs: an editor saves a TOML file (live preview), a sync tool (Syncthing, an
SMB share, rsync) delivers an editor's work file by file. Neither writes a file in one step:
- editors save to a temporary name and rename it over the file (gedit's `.goutputstream-*`, JetBrains'
  `*___jb_tmp___`), or probe the folder first (vim's `4913`) and keep swap, backup and lock files beside the
  file (`.x.swp`, `x~`, `.#x`, `~$x`);
- sync tools write `.syncthing.x.tmp` / `~syncthing~x.tmp`, `.x.AbC123` (rsync), `x.part`, then rename;
- a change of many files arrives over seconds, and a half-written TOML file is briefly invalid.

So the rule is: take a snapshot of the files the content uses (relative path, size, modification time), and
only once the folder has been quiet (`quiet_s` without a change, and no transfer under way) and differs from
what was last checked, say `CHECK`. A folder that never stops changing (a script or a sync loop rewriting a file
every fraction of a second) would never be checked, and nobody would notice: after `max_settling_s` of
continuous change it is checked anyway, and again every `max_settling_s` while it goes on; `changing_since`
says since when, for the staff panel to show. Editor droppings are ignored; files that are transfers in progress are
activity: while one grows the folder is not quiet, and one left unchanged for `stalled_s` is abandoned and
no longer holds the check back.

Qt-free and driven by an injected clock: `ContentWatch.poll(now)` is called about every half second by a thin
timer in the composition root (polling, not file-system notifications, which SMB shares and sync tools miss).
"""

from __future__ import annotations

import datetime
import fnmatch
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

QUIET_S = 1.0  # the folder is still for this long: an editor's save or a sync tool's batch has landed
STALLED_S = 10.0  # a transfer file unchanged this long was abandoned (a crashed editor, a stopped sync)
# The longest a change is held back waiting for the folder to be quiet: a sync tool's batch takes seconds, a
# folder changing for longer is changing for ever (a loop) and is checked as it is.
MAX_SETTLING_S = 30.0
POLL_S = 0.4  # how often the timer asks: a change is checked within POLL_S + QUIET_S + POLL_S (< 2 s)
PAUSE_FACTOR = 10  # the pause after a look is at least this many times the look: listing never takes over a core
MAX_PAUSE_S = 30.0  # however slow the folder is to list (a share that hangs), it is asked twice a minute
MAX_FILES = 20_000  # a content folder has dozens; a folder with a runaway tree is not read past this
MAX_DEPTH = 6

# Never content, never activity: editors' swap, backup and lock files, which stay while the editor is open,
# and what operating systems and sync tools keep in a folder.
IGNORED_NAMES = (
    "*.swp", "*.swo", "*.swx", "*.swn", "*~", ".#*", "~$*", ".~lock.*#", "4913", "*.bak", "*.orig",
    ".DS_Store", "._*", "Thumbs.db", "desktop.ini", ".stignore", ".stfolder", ".directory",
)
IGNORED_DIRS = frozenset({
    ".stfolder", ".stversions", ".git", ".svn", ".hg", "__pycache__", ".Trash", ".Trashes", "$RECYCLE.BIN",
    "System Volume Information", ".cache",
})
# Files being written under another name, to be renamed when complete.
TRANSFER_NAMES = (
    ".syncthing.*.tmp", "~syncthing~*.tmp", "*.tmp", "*.part", "*.partial", "*.crdownload", "*.download",
    ".goutputstream-*", "*___jb_tmp___", "*___jb_old___", ".~tmp~*",
)
CONTENT_SUFFIXES = (".toml",)
PHOTOS_DIR = "photos"

Entry = tuple[str, int, int]  # relative path with "/", size in bytes, modification time in nanoseconds


class Kind(Enum):
    CONTENT = "content"
    TRANSFER = "transfer"
    IGNORED = "ignored"


def kind_of(relative: str) -> Kind:
    """What a file at `relative` (a path inside the content folder, "/"-separated) is to the watch."""
    parts = relative.split("/")
    name = parts[-1]
    if any(part in IGNORED_DIRS for part in parts[:-1]):
        return Kind.IGNORED
    if _matches(name, IGNORED_NAMES):
        return Kind.IGNORED
    if _matches(name, TRANSFER_NAMES):
        return Kind.TRANSFER
    if name.startswith("."):  # rsync's `.name.Xy12Ab`, and any other hidden file written before a rename
        return Kind.TRANSFER
    if parts[0] == PHOTOS_DIR and len(parts) > 1:
        return Kind.CONTENT
    if name.lower().endswith(CONTENT_SUFFIXES):
        return Kind.CONTENT
    return Kind.IGNORED  # notes, a README, an editor's project file: not read by the kiosk


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in patterns)


@dataclass(frozen=True)
class Snapshot:
    """The state of a content folder as far as the kiosk cares."""

    files: frozenset[Entry] = frozenset()
    transfers: frozenset[Entry] = frozenset()
    trouble: str = ""  # the folder cannot be read (unplugged, unmounted share): said once, checked like a change

    @property
    def content(self) -> tuple[frozenset[Entry], str]:
        return self.files, self.trouble


def snapshot(folder: Path) -> Snapshot:
    """Read `folder`'s tree (at most `MAX_FILES` files, `MAX_DEPTH` deep, each real folder once however many
    symbolic links lead to it); never raises."""
    files: set[Entry] = set()
    transfers: set[Entry] = set()
    root = os.fspath(folder)
    try:
        if not os.path.isdir(root):
            return Snapshot(trouble="content folder not found")
        pending: list[tuple[str, str, int]] = [(root, "", 0)]
        top = os.stat(root)
        folders = {(top.st_dev, top.st_ino)}  # each real folder read once: a link back up is not a loop to follow
        seen = 0
        while pending:
            path, prefix, depth = pending.pop()
            try:
                listing = os.scandir(path)
            except OSError:
                if depth == 0:
                    raise
                continue  # a subfolder the kiosk may not read (an ext4 drive's lost+found): not content it can use
            with listing as entries:
                for entry in entries:
                    relative = f"{prefix}{entry.name}"
                    try:
                        if entry.is_dir():
                            if entry.name not in IGNORED_DIRS and depth < MAX_DEPTH:
                                inside = os.stat(entry.path)  # not entry.stat(): 0 as inode on Windows
                                if (inside.st_dev, inside.st_ino) not in folders:
                                    folders.add((inside.st_dev, inside.st_ino))
                                    pending.append((entry.path, relative + "/", depth + 1))
                            continue
                        kind = kind_of(relative)
                        if kind is Kind.IGNORED:
                            continue
                        stat = entry.stat()
                    except OSError:  # gone between listing and reading: the next poll sees the result
                        continue
                    item = (relative, stat.st_size, stat.st_mtime_ns)
                    (files if kind is Kind.CONTENT else transfers).add(item)
                    seen += 1
                    if seen >= MAX_FILES:
                        return Snapshot(frozenset(files), frozenset(transfers))
            if depth == 0:  # photos/ last: past MAX_FILES the texts must still have been read
                pending.sort(key=lambda item: item[1] != f"{PHOTOS_DIR}/")
    except OSError as exc:
        return Snapshot(trouble=f"cannot read the content folder: {exc.strerror or exc}")
    return Snapshot(frozenset(files), frozenset(transfers))


class Decision(Enum):
    IDLE = "idle"  # nothing new since the last check
    SETTLING = "settling"  # changes are arriving: wait until the folder is quiet
    CHECK = "check"  # quiet and different from what was checked last: check it now (and show it if good)


@dataclass
class ContentWatch:
    """The debouncer for one folder. The snapshot at creation counts as checked: it is what is on show."""

    folder: Path
    clock: Callable[[], float] = time.monotonic
    quiet_s: float = QUIET_S
    stalled_s: float = STALLED_S
    max_settling_s: float = MAX_SETTLING_S
    read: Callable[[Path], Snapshot] = snapshot
    _checked: Snapshot = field(init=False)
    _seen: Snapshot = field(init=False)
    _changed_at: float = field(init=False)
    _transfer_changed_at: float = field(init=False)
    _read_s: float = field(init=False, default=0.0)
    _run_started: float | None = field(init=False, default=None)  # the first change of the latest run of changes
    _forced_at: float | None = field(init=False, default=None)  # the last check made while the folder changed
    changing_since: float | None = field(init=False, default=None)  # the latest CHECK's run began then (clock), if
    # the folder never stopped changing for it; None when the folder was quiet

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        self.follow(self.folder)

    def follow(self, folder: Path) -> None:
        """Watch `folder` from now on, taking what it holds now as checked (after a reload or an import)."""
        self.folder = Path(folder)
        now = self.clock()
        self._checked = self._seen = self.read(self.folder)
        self._read_s = max(0.0, self.clock() - now)
        self._changed_at = now
        self._transfer_changed_at = float("-inf")  # transfer files found now are old until they change
        self._run_started = self._forced_at = self.changing_since = None

    def poll(self, now: float | None = None) -> Decision:
        now = self.clock() if now is None else now
        started = self.clock()
        current = self.read(self.folder)
        self._read_s = max(0.0, self.clock() - started)
        if current != self._seen:
            if self._run_started is None or now - max(self._changed_at, self._transfer_changed_at) >= self.quiet_s:
                self._run_started = now  # a run of changes begins: it ends when the folder is quiet
            if current.content != self._seen.content:
                self._changed_at = now
            if current.transfers != self._seen.transfers:
                self._transfer_changed_at = now
            self._seen = current
        if current.content == self._checked.content:
            return Decision.IDLE
        settling = now - self._changed_at < self.quiet_s or (
            bool(current.transfers) and now - self._transfer_changed_at < self.stalled_s  # a file on its way
        )
        if settling:
            started = self._run_started if self._run_started is not None else now
            since = max(started, self._forced_at) if self._forced_at is not None else started
            if now - since < self.max_settling_s:
                return Decision.SETTLING
            # changing for `max_settling_s` without a pause: checked as it is now (and again after as long)
            self.changing_since, self._forced_at = started, now
        else:
            self.changing_since = self._forced_at = None
        self._checked = current
        return Decision.CHECK

    def pause_s(self) -> float:
        """How long to wait before the next `poll`: `POLL_S`, longer when the folder is slow to list (ten thousand
        photos, a slow share), so that the watch never keeps a core busy."""
        return max(POLL_S, min(MAX_PAUSE_S, self._read_s * PAUSE_FACTOR))

    @property
    def snapshot(self) -> Snapshot:
        """What the last `CHECK` (or `follow`) was about."""
        return self._checked


@dataclass(frozen=True)
class WatchNote:
    """What the staff panel's Content page says about the latest change the watch found: shown, or refused
    (the last good content stays) with how many problems and the first of them, as `kiosk check` words them."""

    when: datetime.datetime
    folder: Path
    shown: bool
    problems: int = 0
    first: tuple[str, ...] = ()
    changing_since: datetime.datetime | None = None  # checked while the folder went on changing, since then

    FIRST = 5  # problems quoted on the Content page; the full list is `kiosk check`'s

    @classmethod
    def refused(cls, folder: Path, lines: list[str], when: datetime.datetime | None = None,
                changing_since: datetime.datetime | None = None) -> WatchNote:
        errors = [line for line in lines if ": warning: " not in line]
        return cls(when or datetime.datetime.now(), Path(folder), False, len(errors), tuple(errors[: cls.FIRST]),
                   changing_since)

    @classmethod
    def accepted(cls, folder: Path, when: datetime.datetime | None = None,
                 changing_since: datetime.datetime | None = None) -> WatchNote:
        return cls(when or datetime.datetime.now(), Path(folder), True, changing_since=changing_since)
