"""Shared test setup: Qt renders offscreen, and every test gets fresh per-user folders (settings, logs,
caches) so no test sees another's state or the developer's own kiosk settings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kiosk import preflight

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHIPPED_CONTENT = Path(__file__).resolve().parents[1] / "assets" / "content"
PHOTO_SUFFIXES = (".jpg", ".png", ".webp")

_missing = preflight.missing_packages("offscreen")
if _missing:  # without these even offscreen Qt cannot load: say what to install instead of 40 import errors
    pytest.exit(
        "Qt cannot load on this machine; install its system libraries first:\n    "
        + preflight.install_line(_missing),
        returncode=3,
    )


@pytest.fixture(autouse=True)
def fresh_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("user")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("LOCALAPPDATA", "local"),
        ("APPDATA", "roaming"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    return home


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private, editable copy of the shipped content folder (photos linked, not copied: they are large)."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, target, ignore=shutil.ignore_patterns(*(f"*{s}" for s in PHOTO_SUFFIXES)))
    for photo in (SHIPPED_CONTENT / "photos").iterdir():
        if photo.suffix.lower() in PHOTO_SUFFIXES:
            (target / "photos" / photo.name).symlink_to(photo)
    return target
