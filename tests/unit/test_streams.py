"""`kiosk.streams`: whatever encoding the console, the locale or PYTHONIOENCODING give the output, the kiosk's
reports print: UTF-8 into files and pipes, `?` for what a terminal cannot show."""

from __future__ import annotations

import io
import sys

import pytest

from kiosk.streams import use_safe_streams

REPORT = "ok   section:develop   提质发展 绘就精彩渌口 — 12 photos"


class Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_a_file_or_pipe_gets_utf8_whatever_the_encoding(monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
    out, err = io.TextIOWrapper(io.BytesIO(), encoding=encoding), io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    use_safe_streams()
    print(REPORT)
    print(REPORT, file=sys.stderr)
    for stream in (out, err):
        stream.flush()
        assert stream.buffer.getvalue().decode("utf-8") == REPORT + "\n"  # type: ignore[attr-defined]


def test_a_terminal_keeps_its_encoding_and_shows_a_question_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", terminal)
    use_safe_streams()
    print(REPORT)
    terminal.flush()
    assert terminal.buffer.getvalue().decode("cp1252") == REPORT.translate(  # type: ignore[attr-defined]
        {ord(c): "?" for c in REPORT if ord(c) > 0x2000 and c != "—"}
    ) + "\n"


def test_no_stream_at_all_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed Windows program started without a console has no standard streams."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    use_safe_streams()
