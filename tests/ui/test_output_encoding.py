"""The kiosk's commands, started as processes whose output is a pipe in a locale without Chinese (as on an English
Windows PC: code page 1252, the output going to a log file, CI or a scheduled task): they succeed and print their
reports in UTF-8 with the Chinese intact."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    # The C locale (file names still decode as UTF-8: Python's UTF-8 mode) and an output encoding without Chinese.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONIOENCODING=encoding,
               LC_ALL="C", LANG="C")
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "kiosk", *args], env=env, capture_output=True, timeout=300,
                          cwd=ROOT)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_check_prints_in_utf8(encoding: str, content_copy: Path) -> None:
    folder = content_copy.rename(content_copy.with_name("渌口展览"))  # a folder name in Chinese, as on a Chinese PC
    done = run("check", "--content", str(folder), encoding=encoding)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 0, (out + err)[-600:]
    assert "渌口展览: OK — " in out


def test_smoke_prints_the_chinese_titles_in_utf8() -> None:
    done = run("--smoke", encoding="cp1252")
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 0, (out + err)[-800:]
    assert "提质发展" in out and "smoke: all" in out
    assert "window: 1920×1080+" in out  # the geometry line
