"""The real kiosk, started as a process on folders of the broken-content corpus (tests/broken_content.py):
`kiosk --content DIR --smoke` exits 0 after visiting every screen of the bundled exhibition, never a
traceback; a folder the checks accept (a byte-order mark) is shown itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..broken_content import MUTATIONS, Mutation

ROOT = Path(__file__).resolve().parents[2]
SHOWN = {m.name: m for m in MUTATIONS}
COPY_TITLE = "提质发展（副本）"  # the copy's first section, to tell which exhibition the smoke run visited
BUNDLED_TITLE = "提质发展 绘就精彩渌口"


def retitle(folder: Path) -> None:
    path = folder / "sections" / "develop.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'title = {{ zh = "{BUNDLED_TITLE}"', f'title = {{ zh = "{COPY_TITLE}"', 1),
                    encoding="utf-8")


def smoke(folder: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kiosk", "--content", str(folder), "--smoke"], env=env,
                          capture_output=True, text=True, timeout=180, cwd=ROOT)


@pytest.mark.parametrize(
    "mutation",
    # One mutation of each kind a started kiosk meets differently: a number that only breaks one language's
    # screens, and a folder that cannot even be read. Every mutation goes through `kiosk check` in the unit tests.
    [SHOWN[name] for name in ("English value inf", "symlink loop")],
    ids=lambda m: m.name,
)
def test_the_kiosk_shows_the_bundled_exhibition_instead(mutation: Mutation, content_copy: Path) -> None:
    retitle(content_copy)
    mutation.mutate(content_copy)
    run = smoke(content_copy)
    assert "Traceback" not in run.stdout + run.stderr
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"section/develop            {BUNDLED_TITLE}" in run.stdout
    assert COPY_TITLE not in run.stdout


def test_a_folder_the_checks_accept_is_shown_itself(content_copy: Path) -> None:
    retitle(content_copy)
    SHOWN["byte-order mark"].mutate(content_copy)
    run = smoke(content_copy)
    assert run.returncode == 0, run.stdout + run.stderr
    assert COPY_TITLE in run.stdout
