"""Before Qt loads: make sure this machine can show a window, and say exactly what to install if not.

On a bare Debian/Ubuntu, PySide6's QtGui cannot load without a handful of system libraries, and Qt's xcb
platform plugin needs more; Qt's own message ("could not load the Qt platform plugin") names none of them.
This module probes for each library by its soname and names the Debian packages that provide the missing
ones, so the kiosk can stop with one `apt-get install` line instead.
"""

from __future__ import annotations

import ctypes
import os
import sys

# soname -> Debian/Ubuntu package, for QtGui itself (needed even offscreen)
QTGUI_LIBS: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}

# ... and for a real window through the xcb platform plugin
XCB_LIBS: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def qt_platform(env: dict[str, str] | None = None) -> str:
    """The platform plugin Qt will pick: QT_QPA_PLATFORM if set, else xcb/wayland from the session."""
    env = dict(os.environ) if env is None else env
    explicit = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if explicit:
        return explicit
    if sys.platform != "linux":
        return "native"
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return "wayland"
    return "xcb" if env.get("DISPLAY") else "none"


def missing_packages(platform: str) -> list[str]:
    """Debian packages whose libraries cannot be loaded for `platform` (empty off Linux)."""
    if sys.platform != "linux":
        return []
    wanted = dict(QTGUI_LIBS)
    if platform == "xcb":
        wanted.update(XCB_LIBS)
    missing = []
    for soname, package in wanted.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return sorted(set(missing))


def install_line(packages: list[str]) -> str:
    prefix = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return f"{prefix}apt-get install -y {' '.join(packages)}"


def problem(env: dict[str, str] | None = None) -> str | None:
    """A plain-words reason this machine cannot start the kiosk's window, or None when it can."""
    platform = qt_platform(env)
    if platform == "none":
        return (
            "No display found (DISPLAY and WAYLAND_DISPLAY are not set). Start the kiosk from the desktop "
            "session, or set QT_QPA_PLATFORM=offscreen for a check without a screen."
        )
    packages = missing_packages(platform)
    if packages:
        return (
            "This machine lacks system libraries that Qt needs"
            + (" to open a window" if platform == "xcb" else "")
            + ". Install them with:\n\n    "
            + install_line(packages)
            + "\n"
        )
    return None


def main(argv: list[str] | None = None) -> int:
    """`python3 -m kiosk.preflight [offscreen|xcb]`: print the missing Debian packages (for the setup scripts)."""
    args = sys.argv[1:] if argv is None else argv
    platform = args[0] if args else qt_platform()
    print(" ".join(missing_packages(platform)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
