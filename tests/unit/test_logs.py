"""A log disk that fills up costs one line on stderr, not a traceback per record."""

from __future__ import annotations

import errno
import io
import logging

from kiosk import logs


class FullDisk(io.StringIO):
    """A log stream on a disk with no space left: every write fails with ENOSPC."""

    full = True

    def write(self, text: str) -> int:
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_a_full_log_disk_is_reported_once_and_then_quietly(tmp_path, capsys):
    handler = logs.QuietRotatingFileHandler(tmp_path / "kiosk.log", maxBytes=1_000_000, backupCount=1)
    stream = FullDisk()
    handler.stream = stream
    logger = logging.getLogger("test.fulldisk")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for n in range(200):
            logger.warning("record %d", n)
        err = capsys.readouterr().err
        assert "Logging error" not in err and "Traceback" not in err
        assert err.count("\n") == 1 and "cannot be written" in err and "No space left" in err
        stream.full = False  # space again: one line says so, and records are written
        logger.warning("after")
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "written again" in err
        assert "after" in stream.getvalue()
    finally:
        logger.removeHandler(handler)
        handler.stream = None
        handler.close()


def test_setup_logging_uses_the_quiet_handlers(tmp_path):
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        assert logs.setup_logging(tmp_path, to_stderr=True) == tmp_path / logs.LOG_FILE
        added = [h for h in root.handlers if h not in before]
        assert {type(h) for h in added} == {logs.QuietRotatingFileHandler, logs.QuietStreamHandler}
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_a_file_name_that_is_not_utf8_is_logged_escaped(tmp_path, capsys):
    """A content folder named with bytes that are not UTF-8: every record naming it was dropped from the log."""
    import os

    target = logs.setup_logging(tmp_path, to_stderr=False)
    root = logging.getLogger()
    added = [h for h in root.handlers if getattr(h, "baseFilename", None) == str(target)]
    try:
        logging.getLogger("test.utf8").warning("watching %s", os.fsdecode(b"/media/ausstellung-\xe4"))
        for handler in added:
            handler.flush()
        assert "watching /media/ausstellung-\\udce4" in target.read_text(encoding="utf-8")
        assert "cannot be written" not in capsys.readouterr().err
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
