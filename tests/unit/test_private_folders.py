"""Every folder the kiosk makes for itself is private (0700), whatever the umask it was started with."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk import logs, paths
from kiosk.content.cache import load_exhibition_cached
from kiosk.media.cache import DiskCache, Frame
from kiosk.staff.sessions import SessionRecord
from kiosk.staff.settings import Settings
from kiosk.staff.stats import VisitorStats

pytestmark = pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX")


@pytest.fixture
def open_umask():
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_app_folders_are_private_under_umask_000(open_umask, tmp_path):
    import logging

    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logs.setup_logging(to_stderr=False)
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    Settings(path=paths.user_config_dir() / "settings.json").set("large_text", True)
    VisitorStats().close()
    SessionRecord().begin()
    DiskCache(paths.user_cache_dir() / "photos").put("k", Frame(1, 1, 4, b"\0\0\0\xff"))
    shipped = Path(__file__).resolve().parents[2] / "assets" / "content"
    load_exhibition_cached(shipped, paths.user_cache_dir() / "content")
    made = [paths.user_config_dir(), paths.user_data_dir(), paths.user_cache_dir(), paths.user_log_dir(),
            paths.user_cache_dir() / "photos", paths.user_cache_dir() / "content"]
    for folder in made:
        assert folder.is_dir(), folder
        assert mode(folder) == 0o700, f"{folder} is {oct(mode(folder))}"


def test_an_open_folder_left_by_an_older_kiosk_is_tightened(open_umask, tmp_path):
    folder = tmp_path / paths.APP_NAME / "photos"
    folder.mkdir(parents=True, mode=0o777)
    paths.private_dir(folder)
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700


def test_folders_outside_the_kiosks_own_are_left_alone(open_umask, tmp_path):
    tmp_path.chmod(0o755)
    paths.private_dir(tmp_path / "a" / "b")
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700
    assert mode(tmp_path) == 0o755


@pytest.mark.parametrize("below", ["", "photos", "photos/deeper"])
def test_folders_above_the_kiosks_own_are_never_changed(open_umask, tmp_path, below):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True, mode=0o755)
    home.chmod(0o755)
    tmp_path.chmod(0o755)
    app = home / ".config" / paths.APP_NAME
    app.mkdir(mode=0o777)
    paths.private_dir(app / below if below else app)
    assert mode(app) == 0o700
    assert (mode(home / ".config"), mode(home), mode(tmp_path)) == (0o755, 0o755, 0o755)


def test_the_settings_folder_is_tightened_at_start_without_a_save(open_umask, tmp_path):
    folder = tmp_path / paths.APP_NAME
    folder.mkdir(mode=0o777)
    Settings.load(folder / "settings.json")
    assert mode(folder) == 0o700
