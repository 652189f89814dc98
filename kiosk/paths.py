"""One door to every file the kiosk reads or writes.

Assets resolve the same way from a source checkout, from an installed wheel (`pip install .`: the assets are
installed as data files under `<prefix>/share/lukou-kiosk/assets`) and from a PyInstaller bundle; per-machine folders
(settings, logs, caches, statistics) come from platformdirs so nothing is written next to the program, and
are made private (0700) by `private_dir` whatever the umask: the content cache and the PIN live there, and a
folder another account can write is a folder another account can plant files in.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import sysconfig
import time
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "lukou-kiosk"
PRIVATE_MODE = 0o700


SHARE_DIR = f"share/{APP_NAME}"  # where a wheel installs `assets/` (pyproject.toml: [tool.setuptools.data-files])


def bundle_root() -> Path:
    """The folder holding `assets/`: the unpacked PyInstaller bundle, the checkout (also behind an editable
    install), or the installed wheel's data folder."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    checkout = Path(__file__).resolve().parent.parent
    if _holds_assets(checkout):
        return checkout
    for root in installed_roots():
        if _holds_assets(root):
            return root
    return checkout  # nothing found: the messages then name the checkout's missing folder


def _holds_assets(root: Path) -> bool:
    # `content` and `fonts` both: a stray top-level `assets/` folder from another package is not ours.
    return (root / "assets" / "content").is_dir() and (root / "assets" / "fonts").is_dir()


def installed_roots() -> list[Path]:
    """Where an installed wheel may have put `share/lukou-kiosk/`: the data folder of this Python's install
    scheme (a venv's or the system's prefix), the per-user scheme (`pip install --user`), and, for any other
    layout, the place the installed distribution's own file list names."""
    roots: list[Path] = [Path(sys.prefix) / SHARE_DIR]
    for scheme in (None, f"{os.name}_user"):
        with contextlib.suppress(KeyError):
            data = sysconfig.get_path("data", scheme) if scheme else sysconfig.get_path("data")
            roots.append(Path(data) / SHARE_DIR)
    with contextlib.suppress(Exception):  # metadata of a broken install: the other places still count
        from importlib import metadata

        for file in metadata.distribution(APP_NAME).files or ():
            if f"{SHARE_DIR}/assets/" in file.as_posix():
                located = Path(str(file.locate())).resolve()
                roots += [p.parent for p in located.parents if p.name == "assets" and p.parent.name == APP_NAME]
                break
    unique: list[Path] = []
    for root in roots:
        if root not in unique:
            unique.append(root)
    return unique


def assets_dir() -> Path:
    return bundle_root() / "assets"


def default_content_dir() -> Path:
    return assets_dir() / "content"


CONTENT_ENV = "KIOSK_CONTENT"
CONTENT_BESIDE = "content"


def program_dir() -> Path | None:
    """The folder of the packaged program (`kiosk`, `kiosk.exe`); None when running from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def content_source(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> tuple[Path, str]:
    """The content folder to show and why, first match wins:

    1. `--content DIR` on the command line;
    2. the `KIOSK_CONTENT` environment variable;
    3. content staff imported from a USB stick (`imported_content`; see kiosk.staff.content_import);
    4. a `content/` folder next to the packaged program (so installers update content without a rebuild);
    5. the exhibition bundled in `assets/content/`.
    """
    if env is None:
        env = os.environ
    if explicit:
        return Path(explicit), "--content"
    named = env.get(CONTENT_ENV, "").strip()
    if named:
        return Path(named).expanduser(), CONTENT_ENV
    imported = imported_content()
    if imported is not None:
        return imported, "imported from a USB drive"
    beside = program_dir()
    if beside is not None and (beside / CONTENT_BESIDE).is_dir():
        return beside / CONTENT_BESIDE, f"{CONTENT_BESIDE}/ next to the program"
    return default_content_dir(), "bundled"


IMPORT_POINTER = "current.json"
# The only names an imported content folder has (the import's time, a -N on a second import in one second):
# a pointer file naming anything else (`..`, `C:evil`, an absolute path) names no content.
_IMPORT_NAME = re.compile(r"\d{8}-\d{6}(-\d{1,4})?")


def is_import_name(name: object) -> bool:
    return isinstance(name, str) and _IMPORT_NAME.fullmatch(name) is not None


def imported_content_root() -> Path:
    """Where content imported from USB sticks is kept, each in a folder of its own, with the pointer file."""
    return user_data_dir() / "content"


def imported_content() -> Path | None:
    """The imported content folder the pointer file names, if any (and it is there)."""
    import json

    try:
        name = json.loads((imported_content_root() / IMPORT_POINTER).read_text(encoding="utf-8")).get("current")
    except (OSError, ValueError, AttributeError):
        return None
    if not is_import_name(name):
        return None
    folder = imported_content_root() / name
    return folder if folder.is_dir() else None


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def private_dir(folder: Path) -> Path:
    """Create `folder` (and missing parents) and make sure the kiosk's own folder is 0700, whatever the umask.

    Missing parents are created 0700 too. Existing folders from `folder` up to the kiosk's own (`lukou-kiosk`)
    that others may read or write (made by an older kiosk under umask 000) are tightened; a folder of another
    account is left as it is. Raises OSError like `mkdir` when the folder cannot be made. On Windows modes mean
    little and the per-user folders are private already: only the creation happens there."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another thread or process made it first
            part.mkdir(mode=PRIVATE_MODE)
    if not folder.is_dir():
        folder.mkdir()  # raises the usual error (a file in the way)
    for part in missing:
        _tighten(part)
    _tighten(folder)
    if APP_NAME in folder.parts:  # the kiosk's own folder and everything between it and `folder`, never above
        for part in (folder, *folder.parents):
            if part.name == APP_NAME:
                _tighten(part)
                break
            _tighten(part)
    return folder


def _tighten(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        st = os.stat(folder, follow_symlinks=False)
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) != PRIVATE_MODE:
            os.chmod(folder, PRIVATE_MODE)


TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 3600  # a temporary file this old has no writer left, whatever its name says


def temp_prefix(name: str) -> str:
    """The start of a temporary file's name for `name`: `.name.<pid>-`, so a later start can tell a file
    whose writer died (kill -9, power cut) from one that a running kiosk is writing right now."""
    return f".{name}.{os.getpid()}-"


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (POSIX; elsewhere always True, so only age decides there)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, under another account
        return True
    return True


def stale_temp(entry: os.DirEntry[str] | Path, pid_text: str) -> bool:
    """A temporary file nobody will finish: its writer's process (`pid_text`) is gone, or it has no pid in
    its name (an older kiosk's), or it is older than an hour."""
    try:
        if time.time() - os.stat(entry, follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
            return True
    except OSError:
        return False
    if not pid_text.isdigit():
        return True
    return not process_alive(int(pid_text))


def remove_stale_temp_files(folder: Path, name: str) -> int:
    """Remove `.name.*.tmp` files in `folder` left by a kiosk that died mid-write; returns how many."""
    removed = 0
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        middle = entry.name[len(prefix):-len(TEMP_SUFFIX)]
        if stale_temp(entry, middle.partition("-")[0] if "-" in middle else ""):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed
