"""The files the Windows installer runs by hand: Windows PowerShell 5.1 reads a script without a byte-order mark in
the PC's ANSI code page (936 on a Chinese PC), so the scripts stay ASCII; Task Scheduler reads a task file only
as UTF-16 LE with a byte-order mark, so the build writes the bundle's copy of the ASCII source that way."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
TASK = WINDOWS / "lukou-kiosk-task.xml"


@pytest.mark.parametrize("path", [WINDOWS / "supervise.ps1", ROOT / "packaging" / "build.ps1", TASK],
                         ids=lambda p: p.name)
def test_what_windows_powershell_reads_is_ascii(path: Path) -> None:
    text = path.read_bytes()
    assert text.isascii(), [line for line in text.decode("utf-8").splitlines() if not line.isascii()]


def test_the_task_file_becomes_utf16_with_a_byte_order_mark_in_every_build() -> None:
    assert TASK.read_text(encoding="ascii").startswith('<?xml version="1.0" encoding="UTF-16"?>')
    assert "Set-Content -Encoding Unicode dist\\kiosk\\lukou-kiosk-task.xml" in (
        ROOT / "packaging" / "build.ps1").read_text(encoding="ascii")
    assert "utf-16le" in (WINDOWS / "wine-check.sh").read_text(encoding="utf-8")
    as_built = b"\xff\xfe" + TASK.read_text(encoding="ascii").encode("utf-16-le")
    task = ET.fromstring(as_built)
    namespace = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"
    command = task.find(f"{namespace}Actions/{namespace}Exec/{namespace}Arguments")
    assert command is not None and "supervise.ps1" in (command.text or "")
