"""The content folder, watched while the kiosk runs: live preview for an editor, and content that arrives by a
synced folder (Syncthing, an SMB share, rsync) on an exhibition kiosk.

A timer asks the Qt-free rule (`kiosk.content.watch.ContentWatch`) every `POLL_S` (less often when the folder is
slow to list: `ContentWatch.pause_s`), on a worker thread: listing the folder takes well under a millisecond for an
exhibition's folder on a local disk, but a share that hangs must never hang the window.
When the rule says the folder is quiet and changed, the same worker checks it with
`kiosk check`'s own code (tens to a couple of hundred milliseconds), and the outcome comes back to the window's
thread:
- valid: it goes through the same path as staff's *Reload content* (`ContentGuard.trial` and `swap_in`): every
  screen is built offscreen first — one per turn of the event loop, so the window goes on painting — then
  swapped in; the screen on show and its scroll position stay where they still exist;
- invalid: the last good content stays. In a windowed preview the problems are shown over the kiosk, worded
  exactly as `kiosk check` prints them, until the content is valid again; an exhibition kiosk shows nothing to
  visitors and notes it on the staff panel's Content page (time, number of problems, the first ones).
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.app_content import ContentBuildError
from kiosk.content.watch import POLL_S, ContentWatch, Decision, WatchNote
from kiosk.staff.reload import ReloadResult, validate_content

if TYPE_CHECKING:
    from kiosk.app import Kiosk
    from kiosk.ui.staff.problems_overlay import ProblemsOverlay

log = logging.getLogger(__name__)


class ContentWatcher(QObject):
    checked = Signal(object)  # ReloadResult: a change was checked, and shown when good (tests, the Content page)
    polled = Signal(object)  # Decision: the rule was asked (tests)
    _reported = Signal(object, object)  # ((Decision, folder), ReloadResult or None) from the worker thread

    def __init__(self, kiosk: Kiosk, folder: Path, preview: bool, clock: Callable[[], float] = time.monotonic,
                 interval_ms: int = round(POLL_S * 1000)):
        super().__init__(kiosk.window)
        from kiosk.media.check import install as check_photo_files

        check_photo_files()  # registered here, on the window's thread, not first from the worker
        self.kiosk = kiosk
        self.preview = preview
        self.watch = ContentWatch(folder, clock)  # asked on the worker thread only, after this first look
        self._folder = Path(folder)
        self.note: WatchNote | None = None  # the latest change found, for the staff panel
        self.overlay: ProblemsOverlay | None = None
        self.on_note: Callable[[bool], None] = lambda shown: None  # the staff panel hears of it (shown or not)
        self._busy = False
        self._changing_since: datetime.datetime | None = None  # the last check was made while the folder changed
        self._proof: tuple[Iterator[str], ReloadResult, float, float] | None = None  # steps, result, start, longest
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix="content-check")
        self._reported.connect(self._finish)
        self._interval_ms = self._pause_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        kiosk.app.aboutToQuit.connect(self.stop)
        log.info("watching the content folder %s (%s)", folder, "live preview" if preview else "exhibition")

    @property
    def folder(self) -> Path:
        return self._folder

    def start(self) -> None:
        self.timer.start()
        guard = self.kiosk.content
        if self.preview and guard is not None and guard.notice is not None and self._pool is not None:
            # Started on content that is not on show (another is, instead): the editor sees why at once, not after
            # the next save; the check runs on the worker like any other.
            self._busy = True
            folder = self._folder
            self._pool.submit(lambda: (Decision.CHECK, folder, validate_content(folder))).add_done_callback(
                self._hand_back)

    @Slot()
    def stop(self) -> None:
        self.timer.stop()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def follow(self, folder: Path) -> None:
        """Watch `folder` from now on, as it is now (after a staff reload or an import has shown it)."""
        self._folder = Path(folder)
        if self._pool is not None:
            self._pool.submit(self.watch.follow, self._folder)  # after any poll under way, on the same thread
        self.note = None  # said of the content before: the reload or import has its own outcome
        if self.overlay is not None:
            self.overlay.content_valid()

    @Slot()
    def poll(self) -> None:
        """Ask the rule, on the worker thread: listing a folder on a share that hangs must not hang the window."""
        if self._busy or self._pool is None:
            return
        self._busy = True
        self._pool.submit(self._poll_and_check).add_done_callback(self._hand_back)

    def _poll_and_check(self) -> tuple[Decision, Path, ReloadResult | None]:
        """On the worker thread: the rule's decision, and when it says so `kiosk check`'s own check."""
        decision = self.watch.poll()
        self._pause_ms = round(self.watch.pause_s() * 1000)  # read on the window's thread when this is handed back
        folder = self.watch.folder
        if decision is not Decision.CHECK:
            return decision, folder, None
        since = self.watch.changing_since
        self._changing_since = None if since is None else (
            datetime.datetime.now() - datetime.timedelta(seconds=max(0.0, self.watch.clock() - since)))
        if since is not None:
            log.warning("content folder %s has not stopped changing since %s: checking it as it is", folder,
                        self._changing_since)
        log.info("content folder %s changed: checking it", folder)
        started = time.perf_counter()
        result = validate_content(folder)
        log.info("checked %s in %.0f ms on a worker thread", folder, (time.perf_counter() - started) * 1000)
        return decision, folder, result

    def _hand_back(self, future: Future[tuple[Decision, Path, ReloadResult | None]]) -> None:
        """On the worker thread: to the window's thread (a queued signal)."""
        if future.cancelled():
            return
        try:
            decision, folder, result = future.result()
        except Exception as exc:  # the check explains content; this is the kiosk's own failure
            log.exception("watching %s failed", self._folder)
            decision, folder = Decision.CHECK, self._folder
            result = ReloadResult(folder, None, [f"{folder}: the check itself failed ({type(exc).__name__}: {exc})"],
                                  f"{folder}: the check itself failed; see the log")
        try:
            self._reported.emit((decision, folder), result)
        except RuntimeError:  # the window is gone (the kiosk is closing)
            pass

    @Slot(object, object)
    def _finish(self, polled: tuple[Decision, Path], result: ReloadResult | None) -> None:
        self._busy = False
        pause = max(self._interval_ms, self._pause_ms)  # a folder slow to list is asked less often
        if self.timer.interval() != pause:
            self.timer.setInterval(pause)
        decision, folder = polled
        self.polled.emit(decision)
        if result is None:
            return
        if folder != self._folder:
            return  # another folder is watched now (an import): this outcome is stale
        guard = self.kiosk.content
        if result.exhibition is not None and guard is not None:
            self._busy = True
            self._proof = (guard.trial(result.exhibition, result.folder), result, time.perf_counter(), 0.0)
            QTimer.singleShot(0, self, self._prove_next)
            return
        self._conclude(result)

    @Slot()
    def _prove_next(self) -> None:
        """One screen of the new content built offscreen per turn of the event loop, so the window goes on
        painting (the whole proof takes about half a second); then swapped in, keeping screen and scroll."""
        if self._proof is None:
            return
        steps, result, started, longest = self._proof
        guard = self.kiosk.content
        assert guard is not None and result.exhibition is not None
        if result.folder != self._folder:  # another folder is watched now: drop this one
            self._proof, self._busy = None, False
            return
        step_started = time.perf_counter()
        try:
            if next(steps, None) is not None:
                self._proof = (steps, result, started, max(longest, time.perf_counter() - step_started))
                QTimer.singleShot(0, self, self._prove_next)
                return
            guard.swap_in(result.exhibition, result.folder)
        except ContentBuildError as exc:
            log.error("the changed content in %s passed the checks but is not shown: %s", result.folder, exc)
            result = result.not_shown(str(exc))
        else:
            guard.notice = None
            log.info("the changed content's screens were built in %.0f ms (at most %.0f ms at a time) and swapped in",
                     (time.perf_counter() - started) * 1000, longest * 1000)
        self._proof, self._busy = None, False
        self._conclude(result)

    def _conclude(self, result: ReloadResult) -> None:
        folder = result.folder
        if result.ok:
            log.info("the changed content in %s is showing: %s", folder, result.summary)
            self.note = WatchNote.accepted(folder, changing_since=self._changing_since)
            if self.overlay is not None:
                self.overlay.content_valid()
        else:
            log.error("the changed content in %s is not shown (%d lines of problems); the last good content stays",
                      folder, len(result.lines))
            self.note = WatchNote.refused(folder, result.lines, changing_since=self._changing_since)
            if self.preview:
                self._show_problems(result)
        self.on_note(result.ok)
        self.checked.emit(result)

    @Slot(str)
    def _language_changed(self, lang: str) -> None:
        if self.overlay is not None:
            self.overlay.set_language("en" if lang == "en" else "zh")

    def _show_problems(self, result: ReloadResult) -> None:
        window = self.kiosk.window
        if self.overlay is None:
            import dataclasses

            from kiosk.ui.staff.problems_overlay import ProblemsOverlay

            self.overlay = ProblemsOverlay(dataclasses.replace(window.theme, text_scale=1.0), window)
            window.language_changed.connect(self._language_changed)
        self.overlay.show_problems(str(result.folder), result.lines, result.summary, window.lang)
