"""`kiosk monkey`: a tireless random visitor. It sends the planned events (`kiosk.bench.plan`) to the real
window through Qt's event system — touch sequences, mouse clicks, keys — plus idle timeouts, and watches for
unhandled exceptions, Qt errors and memory growth. Exit status 1 on any exception or error; a crash ends the
process with a signal, which is non-zero too.

Memory is compared at comparable moments: at the start, after the warm-up (`--warm-up`, default
`WARM_UP_EVENTS`) and at the end, each time as the next visitor finds the kiosk — nobody touched it for the
idle timeout ("still there?", the reset between visitors with the memory tidy-up the kiosk does then, the
slideshow), a touch wakes it, home, photo decodes finished, garbage collected. A sample taken mid-visit would
measure whichever photos the last random taps happened to open (±15 MB at 1920×1080), not growth. The highest
resident memory seen while in use after the warm-up is reported too (`peak`), so that the checkpoints hide
nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest

from kiosk.bench.driver import Finger, spin, wait_signal
from kiosk.bench.plan import Planned, plan
from kiosk.bench.stats import rounded, rss_mb
from kiosk.bench.unattended import TimeMachine, unattended_driver

log = logging.getLogger(__name__)

WARM_UP_EVENTS = 1000  # memory after this many events is the baseline growth is measured from
PEAK_EVERY = 25  # events between two looks at resident memory for the peak
# Qt warnings that mean something is wrong (the rest, e.g. platform-plugin notes, are only logged).
ERROR_WARNINGS = (
    "already deleted",
    "QPainter::begin",
    "QPainter::end",
    "Recursive repaint",
    "Cannot create children for a parent that is in a different thread",
    "QObject::startTimer",
    "QObject::killTimer",
    "QThread: Destroyed",
    "not safe to use pixmaps outside the GUI thread",
    "Could not parse stylesheet",
    "QBackingStore",
    "QLayout: Attempting to add",
    "QWidget::setLayout: Attempting",
)

_KEYS = {
    "escape": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    "tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    "space": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "return": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "left": (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    "right": (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    "up": (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
    "down": (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
    "backspace": (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    "alt+f4": (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    "ctrl+w": (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    "ctrl+q": (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
}


@dataclass
class Watch:
    """Everything that went wrong while the monkey ran."""

    exceptions: list[str] = field(default_factory=list)
    qt_errors: list[str] = field(default_factory=list)
    previous_hook: object = None  # the app's own handler (its crash guard): still runs, so the kiosk recovers
    in_hook: bool = False

    def excepthook(self, kind, value, tb) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, value, tb))
        self.exceptions.append(text)
        print(f"monkey: unhandled exception\n{text}", file=sys.stderr, flush=True)
        if callable(self.previous_hook) and self.previous_hook is not sys.__excepthook__:
            self.in_hook = True
            try:
                self.previous_hook(kind, value, tb)
            except Exception:
                pass
            finally:
                self.in_hook = False

    def qt_message(self, kind: QtMsgType, context, message: str) -> None:
        serious = kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) or (
            kind == QtMsgType.QtWarningMsg and any(pattern in message for pattern in ERROR_WARNINGS)
        )
        if serious:
            self.qt_errors.append(message)
            print(f"monkey: Qt error: {message}", file=sys.stderr, flush=True)
        else:
            logging.getLogger("qt").debug("%s", message)


class _ErrorLog(logging.Handler):
    """Log records at ERROR with a traceback are exceptions something caught and logged: count them too."""

    def __init__(self, watch: Watch):
        super().__init__(logging.ERROR)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and not self.watch.in_hook:
            self.watch.exceptions.append(f"{record.name}: {record.getMessage()}\n{self.format(record)}")
            print(f"monkey: logged exception: {record.name}: {record.getMessage()}", file=sys.stderr, flush=True)


class Monkey:
    def __init__(self, kiosk, seed: int, events: int) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.finger = Finger(kiosk.window)
        self.seed = seed
        self.count = events
        self.sent: dict[str, int] = {}
        self.seconds: dict[str, float] = {}  # time spent per kind of event
        driver = unattended_driver(kiosk)
        self.time_machine = TimeMachine(driver) if driver is not None else None  # idle timeouts jump its clock

    # sending ----------------------------------------------------------------------------------------

    def _px(self, x: float, y: float) -> QPoint:
        w, h = self.window.width(), self.window.height()
        return QPoint(min(w - 1, max(0, round(x * w))), min(h - 1, max(0, round(y * h))))

    def send(self, event: Planned) -> None:
        began = time.perf_counter()
        try:
            self._send(event)
        finally:
            self.sent[event.kind] = self.sent.get(event.kind, 0) + 1
            self.seconds[event.kind] = self.seconds.get(event.kind, 0.0) + time.perf_counter() - began

    def _send(self, event: Planned) -> None:
        w = self.window.width()
        at = self._px(event.x, event.y)
        kind = event.kind
        if kind == "tap":
            self.finger.tap(at)
        elif kind == "double_tap":
            self.finger.tap(at)
            spin(60)
            self.finger.tap(at)
        elif kind in ("swipe", "scroll"):
            end = self._px(event.x + event.dx, event.y + event.dy)
            self.finger.drag(at, end, steps=6, step_ms=4)
        elif kind == "pinch":
            start, end = round(event.dx * w), round(event.dy * w)
            self.finger.pinch(at, max(40, start), max(40, end), steps=6, step_ms=4)
        elif kind == "long_press":
            self.finger.hold(at, event.ms)
        elif kind == "language":
            bar = self.window.bar
            button = bar.zh_button if event.choice == "zh" else bar.en_button
            self.finger.tap(self.finger.point_of(button))
        elif kind == "back_home":
            bar = self.window.bar
            button = bar.back_button if event.choice == "back" else bar.home_button
            self.finger.tap(self.finger.point_of(button))
        elif kind == "key":
            key, modifiers = _KEYS[event.choice]
            target = self.kiosk.app.focusWidget() or self.window
            QTest.keyClick(target, key, modifiers)
        elif kind == "pause":
            spin(event.ms)
        elif kind == "idle_timeout":
            self.idle_timeout()
        spin(0)

    def idle_timeout(self) -> None:
        """Nobody touches the kiosk long enough for "still there?", the reset and the slideshow."""
        if self.time_machine is None:
            spin(400)
            return
        self.time_machine.idle_timeout()
        spin(200)

    # running ----------------------------------------------------------------------------------------

    def run(self, report_every: int = 0, warm_up: int | None = None) -> dict[str, object]:
        memory: dict[str, float | None] = {"start": self.checkpoint(), "warm_up": None, "end": None, "peak": None}
        started = time.perf_counter()
        aspect = self.window.width() / max(1, self.window.height())
        warm_at = self.warm_up_events(warm_up)
        peak = 0.0
        for index, event in enumerate(plan(self.seed, self.count, aspect), start=1):
            self.send(event)
            if index == warm_at:
                memory["warm_up"] = self.checkpoint()
            elif index > warm_at and index % PEAK_EVERY == 0:
                peak = max(peak, rss_mb() or 0.0)
            if report_every and index % report_every == 0:
                print(
                    f"monkey: {index} events, {time.perf_counter() - started:.0f} s, rss {rss_mb():.1f} MB, "
                    f"screen {self.kiosk.navigator.current.key}",
                    file=sys.stderr,
                    flush=True,
                )
        memory["end"] = self.checkpoint()
        memory["peak"] = peak or None
        return {
            "events": sum(self.sent.values()),
            "by_kind": dict(sorted(self.sent.items())),
            "seconds_by_kind": {k: round(v, 1) for k, v in sorted(self.seconds.items())},
            "seconds": round(time.perf_counter() - started, 1),
            "warm_up_events": warm_at if warm_at <= self.count else None,
            "memory_mb": {k: rounded(v) for k, v in memory.items()},
        }

    def warm_up_events(self, warm_up: int | None = None) -> int:
        """After how many events the baseline is taken: as asked, else `WARM_UP_EVENTS` (a fifth of a short run)."""
        return warm_up if warm_up else min(WARM_UP_EVENTS, max(1, self.count // 5))

    def checkpoint(self) -> float | None:
        """Resident memory as the next visitor finds the kiosk (see the module docstring): the idle timeout, the
        reset between visitors, a waking touch, home, decodes finished, garbage collected. Not counted as events."""
        if self.time_machine is not None:
            self.time_machine.idle_timeout()
            if self.time_machine.mode() == "attract":
                self.finger.tap(QPoint(self.window.width() // 2, self.window.height() // 2))  # wakes, swallowed
                spin(300)
        if self.kiosk.navigator.current.screen != "home":
            wait_signal(self.window.screen_entered, 3000, self.window.go_home)
        wait_idle = getattr(self.kiosk.images, "wait_idle", None)
        if callable(wait_idle):
            wait_idle(5000)
        spin(300)
        gc.collect()
        return rss_mb()


def run_monkey(args: argparse.Namespace) -> int:
    from kiosk.app import build

    logging.basicConfig(level=logging.WARNING, format="monkey: %(levelname)s %(name)s: %(message)s")
    watch = Watch()
    qInstallMessageHandler(watch.qt_message)
    logging.getLogger().addHandler(_ErrorLog(watch))
    kiosk = build(args.content, windowed=False, size=tuple(args.size), lang="zh")  # exhibition mode: locked down
    window = kiosk.window
    window.resize(*args.size)
    watch.previous_hook = sys.excepthook
    sys.excepthook = watch.excepthook  # after build: nothing the app installs may swallow what we count
    if not wait_signal(window.first_frame, 15_000, window.show):
        print("monkey: the window never painted its first frame", file=sys.stderr)
        return 1
    spin(500)
    monkey = Monkey(kiosk, args.seed, args.events)
    summary = monkey.run(args.report_every, getattr(args, "warm_up", None))
    summary.update(
        {
            "seed": args.seed,
            "size": f"{window.width()}x{window.height()}",
            "exceptions": len(watch.exceptions),
            "qt_errors": len(watch.qt_errors),
            "window_open": window.isVisible(),
        }
    )
    memory = summary["memory_mb"]
    growth = None
    if memory["warm_up"] is not None and memory["end"] is not None:  # type: ignore[index]  # memory_mb is a dict of numbers
        growth = round(memory["end"] - memory["warm_up"], 1)  # type: ignore[index]  # memory_mb is a dict of numbers
    summary["growth_after_warm_up_mb"] = growth
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"monkey: seed {args.seed}, {summary['events']} events in {summary['seconds']} s at {summary['size']}")
        print("  sent: " + ", ".join(f"{k} {v}" for k, v in summary["by_kind"].items()))
        print(f"  unhandled exceptions: {summary['exceptions']}, Qt errors: {summary['qt_errors']}")
        print(
            f"  memory: start {memory['start']} MB, after warm-up ({summary['warm_up_events']} events)"  # type: ignore[index]  # memory_mb is a dict of numbers
            f" {memory['warm_up']} MB, end {memory['end']} MB (growth after warm-up {growth} MB)"  # type: ignore[index]  # memory_mb is a dict of numbers
        )
        print("    each measured as the next visitor finds the kiosk: idle reset, woken, home, decodes done, gc")
        print(f"  peak while in use after warm-up: {memory['peak']} MB")  # type: ignore[index]  # memory_mb is a dict of numbers
    failed = watch.exceptions or watch.qt_errors or not window.isVisible()
    if not window.isVisible():
        print("monkey: the window was closed", file=sys.stderr)
    return 1 if failed else 0
