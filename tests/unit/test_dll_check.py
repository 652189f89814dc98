"""packaging/dll_check.py's rules on small made-up import tables: where Windows finds each DLL a bundled binary
imports, and which it names as missing (the real bundle is walked by the Windows check in CI)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("dll_check", ROOT / "packaging" / "dll_check.py")
assert spec is not None and spec.loader is not None
dll_check = importlib.util.module_from_spec(spec)
sys.modules.setdefault("dll_check", dll_check)  # its dataclass looks its module up
spec.loader.exec_module(dll_check)

RUNTIME = ["MSVCP140.dll", "VCRUNTIME140.dll", "VCRUNTIME140_1.dll"]
CRT = ["api-ms-win-crt-runtime-l1-1-0.dll", "KERNEL32.dll"]

# A PyInstaller one-folder bundle as the Windows build makes it, cut down to one of each kind of binary.
GOOD = {
    "kiosk.exe": ["KERNEL32.dll", "USER32.dll", "ADVAPI32.dll"],
    "_internal/python311.dll": ["VCRUNTIME140.dll", "VERSION.dll", *CRT],
    "_internal/python3.dll": ["python311.dll"],
    "_internal/VCRUNTIME140.dll": CRT,
    "_internal/_ctypes.pyd": ["python311.dll", "libffi-8.dll", "VCRUNTIME140.dll"],
    "_internal/libffi-8.dll": CRT,
    "_internal/PIL/_imaging.cp311-win_amd64.pyd": ["python311.dll", "VCRUNTIME140.dll", *CRT],
    "_internal/shiboken6/Shiboken.pyd": ["shiboken6.abi3.dll", "python3.dll", *RUNTIME[:2]],
    "_internal/shiboken6/shiboken6.abi3.dll": ["python3.dll", *RUNTIME, *CRT],
    "_internal/shiboken6/MSVCP140.dll": ["VCRUNTIME140.dll", *CRT],
    "_internal/shiboken6/VCRUNTIME140.dll": CRT,
    "_internal/shiboken6/VCRUNTIME140_1.dll": CRT,
    "_internal/PySide6/QtCore.pyd": ["Qt6Core.dll", "shiboken6.abi3.dll", "pyside6.abi3.dll", "python3.dll",
                                     *RUNTIME],
    "_internal/PySide6/pyside6.abi3.dll": ["Qt6Core.dll", "shiboken6.abi3.dll", *RUNTIME],
    "_internal/PySide6/Qt6Core.dll": ["icuuc.dll", "WS2_32.dll", "dwmapi.dll", *RUNTIME, *CRT],
    "_internal/PySide6/Qt6Gui.dll": ["Qt6Core.dll", "d3d11.dll", "dxgi.dll", *RUNTIME],
    "_internal/PySide6/MSVCP140.dll": ["VCRUNTIME140.dll", *CRT],
    "_internal/PySide6/VCRUNTIME140.dll": CRT,
    "_internal/PySide6/VCRUNTIME140_1.dll": CRT,
    "_internal/PySide6/plugins/platforms/qwindows.dll": ["Qt6Core.dll", "Qt6Gui.dll", "dwmapi.dll", *RUNTIME],
}


def missing(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(problem.binary, problem.dll) for problem in dll_check.unresolved(table)]


def test_a_complete_bundle_resolves_everything() -> None:
    assert missing(GOOD) == []


def test_the_runtime_only_beside_shiboken_is_named_for_each_qt_binary_that_needs_it() -> None:
    """The spec once kept one file of each name: PySide6\\MSVCP140.dll went, shiboken6\\'s stayed."""
    table = {path: names for path, names in GOOD.items() if path != "_internal/PySide6/MSVCP140.dll"}
    assert sorted(missing(table)) == [
        ("_internal\\PySide6\\Qt6Core.dll", "MSVCP140.dll"),
        ("_internal\\PySide6\\Qt6Gui.dll", "MSVCP140.dll"),
        ("_internal\\PySide6\\QtCore.pyd", "MSVCP140.dll"),
        ("_internal\\PySide6\\plugins\\platforms\\qwindows.dll", "MSVCP140.dll"),
        ("_internal\\PySide6\\pyside6.abi3.dll", "MSVCP140.dll"),
    ]


def test_the_interpreters_runtime_serves_every_extension_module_and_only_from_internal() -> None:
    assert missing(GOOD) == []  # PIL's and _ctypes' VCRUNTIME140.dll: loaded with python311.dll
    table = {path: names for path, names in GOOD.items() if path != "_internal/VCRUNTIME140.dll"}
    assert sorted(missing(table)) == [
        ("_internal\\PIL\\_imaging.cp311-win_amd64.pyd", "VCRUNTIME140.dll"),
        ("_internal\\_ctypes.pyd", "VCRUNTIME140.dll"),
        ("_internal\\python311.dll", "VCRUNTIME140.dll"),
    ]


def test_a_plugin_finds_qt_in_pyside6_but_not_a_dll_that_is_nowhere() -> None:
    table = dict(GOOD)
    table["_internal/PySide6/plugins/imageformats/qsvg.dll"] = ["Qt6Svg.dll", "Qt6Gui.dll"]
    [problem] = dll_check.unresolved(table)
    assert (problem.binary, problem.dll) == ("_internal\\PySide6\\plugins\\imageformats\\qsvg.dll", "Qt6Svg.dll")
    assert str(problem) == (
        "_internal\\PySide6\\plugins\\imageformats\\qsvg.dll: imports Qt6Svg.dll, found neither in"
        " _internal\\PySide6\\plugins\\imageformats\\, the program's folder, _internal\\PySide6\\ nor in"
        " Windows' system set"
    )


def test_shiboken_is_found_from_pyside6_only_for_its_own_library() -> None:
    table = dict(GOOD)
    table["_internal/PIL/_other.pyd"] = ["shiboken6.abi3.dll"]  # no package but PySide6 adds shiboken6\
    assert missing(table) == [("_internal\\PIL\\_other.pyd", "shiboken6.abi3.dll")]


@pytest.mark.parametrize("name", ["api-ms-win-core-synch-l1-2-0.dll", "EXT-MS-WIN-NTUSER-WINDOW-L1-1-0.DLL",
                                  "kernel32.DLL", "ucrtbase.dll", "WINSPOOL.DRV", "icuuc.dll"])
def test_windows_own_dlls_and_api_sets_are_the_system_set(name: str) -> None:
    assert dll_check.is_system(name)


@pytest.mark.parametrize("name", ["MSVCP140.dll", "VCRUNTIME140_1.dll", "concrt140.dll", "python311.dll",
                                  "Qt6Core.dll"])
def test_the_visual_cpp_runtime_and_the_bundles_own_are_not(name: str) -> None:
    assert not dll_check.is_system(name)


def test_names_match_whatever_their_case() -> None:
    table = dict(GOOD)
    table["_internal/PySide6/Qt6Widgets.dll"] = ["QT6CORE.DLL", "qt6gui.dll", "msvcp140.DLL"]
    assert missing(table) == []
