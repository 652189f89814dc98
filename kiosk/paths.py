"""One door to every file the kiosk reads or writes.

Assets resolve the same way from a source checkout and from a PyInstaller bundle; per-machine folders
(settings, logs, caches, statistics) come from platformdirs so nothing is written next to the program.
"""

from __future__ import annotations

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
