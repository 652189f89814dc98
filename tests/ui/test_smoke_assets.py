"""`kiosk --smoke` against a damaged copy of the bundled assets: a missing or broken font, missing, broken or
empty map outlines each make it exit 1 with one line naming what did not load (the kiosk itself still runs on
its fallbacks). An intact copy passes, so the copying is not what fails it. Icons are checked in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.health import ASSETS

ROOT = Path(__file__).resolve().parents[2]
ASSETS_DIR = ROOT / "assets"

SMOKE_WITH_ASSETS = textwrap.dedent("""
    import sys
    from pathlib import Path

    import kiosk.paths

    kiosk.paths.assets_dir = lambda: Path(sys.argv[1])  # the bundle's asset folder, as PyInstaller would unpack it
    from kiosk.__main__ import main

    sys.exit(main(["--smoke"]))
""")


def assets_copy(tmp_path: Path) -> Path:
    """Fonts and map copied (to be damaged), the content linked."""
    copy = tmp_path / "assets"
    copy.mkdir()
    (copy / "content").symlink_to(ASSETS_DIR / "content", target_is_directory=True)
    shutil.copytree(ASSETS_DIR / "fonts", copy / "fonts")
    shutil.copytree(ASSETS_DIR / "map", copy / "map")
    return copy


def smoke(assets: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", SMOKE_WITH_ASSETS, str(assets)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_an_intact_copy_passes(tmp_path):
    done = smoke(assets_copy(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "screens OK" in done.stdout


def _missing_font(assets: Path) -> None:
    (assets / "fonts" / "NotoSansSC-Bold.otf").unlink()


def _broken_font(assets: Path) -> None:
    (assets / "fonts" / "NotoSans-Regular.ttf").write_bytes(b"not a font at all")


def _missing_outlines(assets: Path) -> None:
    (assets / "map" / "outlines.geojson").unlink()


def _broken_outlines(assets: Path) -> None:
    (assets / "map" / "outlines.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")


def _empty_outlines(assets: Path) -> None:
    (assets / "map" / "outlines.geojson").write_text('{"type": "FeatureCollection", "features": []}',
                                                     encoding="utf-8")


@pytest.mark.parametrize(
    ("damages", "named"),
    [  # each run damages a font and the outlines in different ways: the one line names both
        ((_missing_font, _missing_outlines), ("font NotoSansSC-Bold.otf (missing)", "map outlines")),
        ((_broken_font, _broken_outlines), ("font NotoSans-Regular.ttf (not a usable font file)", "map outlines")),
        ((_empty_outlines,), ("map outlines",)),
    ],
    ids=["font and outlines missing", "font and outlines broken", "outlines empty"],
)
def test_smoke_fails_naming_the_asset_that_did_not_load(tmp_path, damages, named):
    assets = assets_copy(tmp_path)
    for damage in damages:
        damage(assets)
    done = smoke(assets)
    assert done.returncode == 1, done.stdout + done.stderr[-2000:]
    failures = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failures) == 1, done.stdout
    assert failures[0].startswith("FAIL bundled assets did not load: ")
    assert all(name in failures[0] for name in named), failures[0]
    assert "screens OK" not in done.stdout


def test_an_icon_that_cannot_be_made_is_reported(qtbot):
    from kiosk.ui.icons import icon

    ASSETS.clear()
    try:
        assert not icon("mdi6.no-such-icon-anywhere", "#ffffff").isNull()  # visitors get a neutral one…
        assert [f for f in ASSETS.failures() if f.startswith("icon mdi6.no-such-icon-anywhere")]  # …smoke fails
    finally:
        ASSETS.clear()
