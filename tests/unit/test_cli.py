"""The command line's shared argument types, and the bench's bare-window probe that runs fixed code only."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.cli_args import window_size


@pytest.mark.parametrize(("text", "size"), [("1920x1080", (1920, 1080)), ("1080X1920", (1080, 1920))])
def test_a_window_size_is_width_by_height(text: str, size: tuple[int, int]) -> None:
    assert window_size(text) == size


@pytest.mark.parametrize("text", ["1920", "axb", "100x100", "99999x1080", "1920x1080x3"])
def test_a_bad_window_size_is_refused_in_words(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        window_size(text)


def test_the_bare_window_probe_never_runs_code_it_is_handed(tmp_path: Path, capsys) -> None:
    planted = tmp_path / "ran"
    code = f"open({str(planted)!r}, 'w').write('code from the command line ran')"
    assert main(["--bare-window-probe", code]) == 2
    assert not planted.exists()
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


def test_the_bare_window_probe_paints_one_frame_and_reports_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--bare-window-probe", "640x480"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-400:]
    assert done.stdout.startswith("startup-probe first-frame ")


def test_a_check_report_cut_short_by_its_reader_ends_without_a_traceback(content_copy: Path) -> None:
    """`kiosk check | head -1`: the reader closes the pipe after one line."""
    party = content_copy / "sections" / "party.toml"
    party.write_text(party.read_text(encoding="utf-8") + "".join(f"\n[x{i}]\n" for i in range(2000)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "check", "--content", str(content_copy)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert first.startswith("sections/party.toml: ") and "Traceback" not in errors and "BrokenPipe" not in errors


@pytest.mark.parametrize(
    ("argv", "watched"),
    [
        ([], True),  # exhibition mode: a synced folder's changes arrive by themselves
        (["--no-watch"], False),
        (["--windowed"], False),  # a developer's window on the bundled exhibition
        (["--windowed", "--content", "x"], True),  # an editor's live preview
        (["--windowed", "--watch"], True),
        (["--windowed", "--content", "x", "--no-watch"], False),
    ],
)
def test_watching_the_content_folder_by_default_and_on_request(argv: list[str], watched: bool) -> None:
    from kiosk.__main__ import run_parser
    from kiosk.cli_args import watch_wanted

    args = run_parser().parse_args(argv)
    assert watch_wanted(args.watch, args.windowed, args.content is not None) is watched


def test_watch_and_no_watch_exclude_each_other(capsys) -> None:
    from kiosk.__main__ import run_parser

    with pytest.raises(SystemExit):
        run_parser().parse_args(["--watch", "--no-watch"])
    assert "not allowed with" in capsys.readouterr().err
