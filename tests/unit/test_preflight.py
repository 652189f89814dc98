import sys

import pytest

from kiosk import preflight


def test_platform_follows_the_environment():
    assert preflight.qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    if sys.platform == "linux":
        assert preflight.qt_platform({"DISPLAY": ":0"}) == "xcb"
        assert preflight.qt_platform({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
        assert preflight.qt_platform({}) == "none"


@pytest.mark.skipif(sys.platform != "linux", reason="Debian package names")
def test_missing_libraries_are_named_as_one_apt_line(monkeypatch):
    real = preflight.ctypes.CDLL

    def fake(name, *a, **k):
        if name in ("libxcb-cursor.so.0", "libGL.so.1"):
            raise OSError(name)
        return real("libc.so.6")

    monkeypatch.setattr(preflight.ctypes, "CDLL", fake)
    assert preflight.missing_packages("xcb") == ["libgl1", "libxcb-cursor0"]
    assert preflight.missing_packages("offscreen") == ["libgl1"]
    message = preflight.problem({"DISPLAY": ":0"})
    assert "apt-get install -y libgl1 libxcb-cursor0" in message


def test_no_display_is_explained():
    if sys.platform == "linux":
        assert "No display" in preflight.problem({})
