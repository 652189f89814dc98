"""One door to every file the kiosk reads or writes.

Assets resolve the same way from a source checkout and from a PyInstaller bundle; per-machine folders
(settings, logs, caches, statistics) come from platformdirs so nothing is written next to the program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "lukou-kiosk"


def bundle_root() -> Path:
    """The folder holding `assets/`: the checkout, or the unpacked PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


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


def content_source(explicit: Path | None = None, env: dict[str, str] | None = None) -> tuple[Path, str]:
    """The content folder to show and why, first match wins:

    1. `--content DIR` on the command line;
    2. the `KIOSK_CONTENT` environment variable;
    3. a `content/` folder next to the packaged program (so installers update content without a rebuild);
    4. the exhibition bundled in `assets/content/`.
    """
    env = os.environ if env is None else env
    if explicit:
        return Path(explicit), "--content"
    named = env.get(CONTENT_ENV, "").strip()
    if named:
        return Path(named).expanduser(), CONTENT_ENV
    beside = program_dir()
    if beside is not None and (beside / CONTENT_BESIDE).is_dir():
        return beside / CONTENT_BESIDE, f"{CONTENT_BESIDE}/ next to the program"
    return default_content_dir(), "bundled"


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
