"""`pip install .` as a new user does it: the wheel is built, installed (not editable) into a fresh virtual
environment, and the installed `kiosk` finds its content, fonts and map from a folder outside the checkout.

How the fresh venv gets the third-party packages without downloading them: it is made `--without-pip` and
without system site-packages, the wheel goes in with `--no-deps` (the test's own pip, `--python`), and one
`.pth` line appends the test's own site-packages *after* the fresh one. So PySide6, pydantic … come from the
test's environment, while `kiosk` and its distribution metadata come from the fresh venv first: the checkout's
editable install is not seen (its finder is a `.pth` hook of the other folder, which a path line does not run).
The test checks that the imported `kiosk` really is the installed one. ~10 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARE = "share/lukou-kiosk/"


def _load_bundle_files():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bundle_files", ROOT / "packaging" / "bundle_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (the build writes `build/` and `*.egg-info` beside them)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "kiosk", src / "kiosk", ignore=ignore)
    shutil.copytree(ROOT / "assets", src / "assets", ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--disable-pip-version-check",
         "-w", str(out), str(src)],
        check=True, cwd=src,
    )
    (found,) = out.glob("lukou_kiosk-*.whl")
    return found


def test_the_wheel_carries_every_asset(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
    carried = {PurePosixPath(n.split(SHARE, 1)[1]) for n in names if SHARE in n}
    on_disk = {PurePosixPath(p.as_posix()) for p in _load_bundle_files().asset_files(ROOT)}
    assert on_disk, "no assets found"
    assert on_disk - carried == set(), "pyproject.toml [tool.setuptools.data-files] misses these"


def test_installed_wheel_checks_and_smokes_from_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KIOSK_CONTENT", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--disable-pip-version-check", str(wheel)],
        check=True, env=env,
    )
    # After the install: pip would otherwise see the checkout's editable install there and install nothing.
    (Path(purelib) / "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    kiosk = venv / ("Scripts/kiosk.exe" if os.name == "nt" else "bin/kiosk")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)

    where = run(str(python), "-c", "import kiosk, kiosk.paths as p; print(kiosk.__file__); print(p.assets_dir())")
    assert where.returncode == 0, where.stderr
    module, assets = where.stdout.split()
    assert Path(module).is_relative_to(venv), f"kiosk imported from {module}, not from the installed wheel"
    assert Path(assets).is_relative_to(venv) and Path(assets).parts[-3:] == ("share", "lukou-kiosk", "assets")

    check = run(str(kiosk), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert ": OK" in check.stdout and str(venv) in check.stdout

    smoke = run(str(kiosk), "--smoke")
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: all" in smoke.stdout and "FAIL" not in smoke.stdout
