"""Which content folder the kiosk shows: --content, then KIOSK_CONTENT, then content/ next to the packaged
program, then the bundled exhibition (so installers update content without rebuilding the bundle)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk import paths


@pytest.fixture
def packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the packaged program `tmp_path/kiosk/kiosk`."""
    program = tmp_path / "kiosk" / "kiosk"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    return program.parent


def test_bundled_exhibition_by_default() -> None:
    assert paths.content_source(None, env={}) == (paths.default_content_dir(), "bundled")


def test_command_line_wins_over_everything(packaged: Path, tmp_path: Path) -> None:
    (packaged / "content").mkdir()
    folder, why = paths.content_source(tmp_path / "mine", env={"KIOSK_CONTENT": str(tmp_path / "env")})
    assert (folder, why) == (tmp_path / "mine", "--content")


def test_environment_wins_over_the_folder_next_to_the_program(packaged: Path, tmp_path: Path) -> None:
    (packaged / "content").mkdir()
    folder, why = paths.content_source(None, env={"KIOSK_CONTENT": f" {tmp_path / 'env'} "})
    assert (folder, why) == (tmp_path / "env", "KIOSK_CONTENT")


def test_folder_next_to_the_packaged_program(packaged: Path) -> None:
    assert paths.content_source(None, env={})[0] == paths.default_content_dir()  # none there yet
    (packaged / "content").mkdir()
    folder, why = paths.content_source(None, env={"KIOSK_CONTENT": ""})
    assert folder == packaged / "content" and "next to the program" in why


def test_from_source_a_content_folder_in_the_checkout_is_not_picked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.program_dir() is None
    assert paths.content_source(None, env={})[1] == "bundled"


def test_kiosk_check_validates_the_configured_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from kiosk.__main__ import main

    monkeypatch.setenv("KIOSK_CONTENT", str(tmp_path / "nowhere"))
    assert main(["check"]) != 0
    out = capsys.readouterr()
    assert "nowhere" in out.out + out.err
