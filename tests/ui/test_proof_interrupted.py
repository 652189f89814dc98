"""A proof stopped half-way (Ctrl-C, or a page that fails) ends its PDF painter before the writer goes: a painter
left active made the process crash as it exited ("Cannot destroy paint device that is being painted")."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from kiosk import paths
from kiosk.check import check_folder
from kiosk.proof_render import render_proof


def test_an_interrupted_proof_ends_its_painter(qapp, tmp_path: Path) -> None:
    messages: list[str] = []

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        messages.append(message)

    def interrupt(done: int, total: int, what: str) -> None:
        if done >= 2:
            raise KeyboardInterrupt

    report = check_folder(paths.default_content_dir())
    previous = qInstallMessageHandler(handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            render_proof(tmp_path / "p.pdf", report, ["en"], (960, 540), progress=interrupt)
        gc.collect()
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "being painted" in m]
