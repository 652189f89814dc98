"""Why the kiosk last (re)started, for the diagnostics page: each run writes a small record when it starts and
says how it ended when it ends cleanly. A record with no end means the last run died: a crash, a power cut or
a supervisor that restarted a frozen app. The heartbeat file's time (if any) says when it was last alive."""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk import paths

log = logging.getLogger(__name__)

SESSION_FILE = "last-session.json"

CLEAN_REASONS = {
    "exit": ("工作人员退出到桌面", "staff exit to desktop"),
    "restart": ("工作人员重启", "staff restart"),
    "quit": ("正常关闭", "normal shutdown"),
}


def default_path() -> Path:
    return paths.user_data_dir() / SESSION_FILE


class SessionRecord:
    def __init__(self, path: Path | None = None, now: datetime | None = None):
        self.path = Path(path) if path else default_path()
        self.previous = self._read()
        started = (now or datetime.now()).isoformat(timespec="seconds")
        self._current: dict[str, object] = {"pid": os.getpid(), "started": started, "ended": None, "reason": None}

    @property
    def ended(self) -> str | None:
        """How this run ended (None while it runs)."""
        reason = self._current["reason"]
        return reason if isinstance(reason, str) else None

    def begin(self) -> None:
        self._write(self._current)

    def end(self, reason: str) -> None:
        self._current |= {"ended": datetime.now().isoformat(timespec="seconds"), "reason": reason}
        self._write(self._current)

    def last_restart_reason(self, lang: str = "en") -> str:
        """Why the previous run ended, in words (first start: says so)."""
        prev = self.previous
        if not prev:
            return "首次启动" if lang == "zh" else "first start"
        reason = prev.get("reason")
        if reason in CLEAN_REASONS:
            words = CLEAN_REASONS[reason][0 if lang == "zh" else 1]
            ended = _when(prev.get("ended"), lang)
            return f"{words}（{ended}）" if lang == "zh" else f"{words} ({ended})"
        started = _when(prev.get("started"), lang)
        return (f"上次运行意外结束（崩溃、断电或被看护程序重启），开始于 {started}" if lang == "zh"
                else f"previous run ended unexpectedly (crash, power cut or watchdog restart); it started {started}")

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write(self, data: dict[str, object]) -> None:
        try:
            paths.private_dir(self.path.parent)
            temp = self.path.with_suffix(".tmp")
            temp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("session record %s not written: %s", self.path, exc)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _when(stamp: object, lang: str) -> str:
    """A recorded time as staff read it: `2026年12月5日 11:11`, `5 Dec 2026 11:11` (`?` if unreadable)."""
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return "?"
    if lang == "zh":
        return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}"
