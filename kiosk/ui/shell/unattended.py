"""The Qt side of unattended operation: feeds the `ModeMachine` its clock and its input, and carries out what it
decides on the real window (still there?, the reset, the slideshow, the closed screen, the burn-in shift).

The machine holds every rule; this driver only translates. Its clock is an attribute (`driver.clock`), so a test
sets a made-up time and calls `tick()` instead of waiting 90 seconds. The timer ticks once a second (every five
outside opening hours), a coarse timer that costs nothing measurable on an idle kiosk. Settings changes arrive
through the settings store's notifications and apply at once.

The reset between visitors is also when the kiosk tidies its memory, while nobody is looking: the photo
service drops its memory cache (what the home screen shows stays with it); Qt's pixmap cache is emptied (Qt
keeps there every picture a label or icon was drawn from and the map's cached items, up to 10 MB that would
otherwise fill over a day of visitors and stay full); then a full garbage collection and glibc's `malloc_trim`
hand the freed pages back (`kiosk.malloc.release_free_memory`). So resident memory returns to the same level
after every visitor, however much the last one zoomed and browsed. When a touch ends the slideshow, its photos
(decoded at the slideshow's own size, of no use to the screens) leave the cache too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication

from kiosk.content.schema import Exhibition
from kiosk.malloc import release_free_memory
from kiosk.modes import Action, Mode, ModeConfig, ModeMachine, OpeningHours
from kiosk.modes.motion import pixel_shift
from kiosk.modes.playlist import AttractOptions
from kiosk.staff.settings import Settings
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.attract_screen import AttractScreen
from kiosk.ui.shell.input_watch import InputWatcher
from kiosk.ui.shell.main_window import MainWindow
from kiosk.ui.widgets.closed_overlay import ClosedOverlay
from kiosk.ui.widgets.still_there_overlay import StillThereOverlay

log = logging.getLogger(__name__)

TICK_MS = 1000
CLOSED_TICK_MS = 5000
BURN_IN_AMPLITUDE = 3  # pixels at the reference size, each way
_ATTRACT_SETTINGS = frozenset({"attract_photos", "attract_sections", "attract_figures", "attract_order",
                               "attract_transition", "attract_interval_s", "signage_mode"})

Clock = Callable[[], datetime]


class UnattendedDriver(QObject):
    mode_changed = Signal(str)  # a `Mode` value
    visit_started = Signal()
    visit_ended = Signal()

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        exhibition: Exhibition,
        photo_path: Callable[[str], Path],
        images: ImageProvider,
        clock: Clock = datetime.now,
        force_signage: bool = False,
    ):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.images = images
        self.clock = clock
        self.force_signage = force_signage  # `--slideshow`: signage for this run, whatever the settings say
        self.machine = ModeMachine(self._config())
        self.still_there = StillThereOverlay(window.theme, window)
        self.still_there.touched.connect(self._question_touched)
        self.attract = AttractScreen(window.theme, exhibition, photo_path, images, window)
        self.closed = ClosedOverlay(window.theme, lambda: self.clock(), window)
        self._configure_attract()
        self.watcher = InputWatcher(window, self._on_input)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.watcher)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.tick)
        self._shift = (0, 0)
        self._started = False
        self._paused = False  # the staff panel is in use: no resets, slideshows or swallowed touches
        self._last_mode: Mode | None = None
        listener = self._settings_changed
        settings.subscribe(listener)
        self.destroyed.connect(lambda *_: settings.unsubscribe(listener))

    # life -------------------------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self.machine.mode

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._apply(self.machine.start(self.clock()))
        self._timer.start(self._interval())

    def stop(self) -> None:
        self._timer.stop()

    def pause(self, paused: bool) -> None:
        """While staff work in their panel (keypad included) the machine is held: no question, reset, slide or
        closing, settings changes wait, and touch always reaches the panel, even in signage mode. Resuming
        starts the idle clock afresh and applies the settings changed meanwhile (`ModeMachine.release`)."""
        if paused == self._paused:
            return
        self._paused = paused
        now = self.clock()
        self._apply(self.machine.hold(now) if paused else self.machine.release(now))

    @Slot()
    def tick(self) -> None:
        if self._paused:
            return
        now = self.clock()
        self._apply(self.machine.tick(now))
        if self.still_there.isVisible():
            self.still_there.set_remaining(self.machine.countdown_left(now))
        self._burn_in(now)

    @Slot(bool)
    def set_accessible(self, on: bool) -> None:
        """Accessible mode on or off: the idle timeout and the question's countdown double (`ModeMachine`)."""
        self.machine.set_accessible(on)

    def recover(self) -> None:
        """After an unhandled error: home, with the visit (if any) going on."""
        self._apply(self.machine.recover(self.clock()))

    def set_exhibition(self, exhibition: Exhibition) -> None:
        """New content: the slideshow shows it from the next slide on."""
        self.attract.set_exhibition(exhibition)

    # input ------------------------------------------------------------------------------------------

    def _on_input(self) -> bool:
        if self._paused:
            return False
        reaction = self.machine.input(self.clock())
        if reaction.actions:
            self._apply(reaction.actions)
        return reaction.swallow

    @Slot()
    def _question_touched(self) -> None:
        """A touch reached the question itself, which happens only when the input watcher let it through: it
        answers the question all the same, so no touch is ever lost on a question nobody can dismiss."""
        if not self._paused:
            self._apply(self.machine.input(self.clock()).actions)
        if self.still_there.isVisible():
            self.still_there.dismiss()

    # settings ---------------------------------------------------------------------------------------

    def _config(self) -> ModeConfig:
        s = self.settings
        hours = None
        if s.opening_hours_enabled:
            try:
                hours = OpeningHours.parse(s.opening_hours)
            except ValueError as exc:  # the store validates; this only guards against a future format
                log.error("opening hours unusable (%s): staying open", exc)
        return ModeConfig(
            idle_timeout=float(s.idle_timeout_s),
            still_there=float(s.still_there_s),
            attract=bool(s.attract_enabled),
            slide_interval=float(s.attract_interval_s),
            signage=bool(s.signage_mode or self.force_signage),
            hours=hours,
            wake=float(s.wake_minutes) * 60,
        )

    def _configure_attract(self) -> None:
        s = self.settings
        options = AttractOptions(photos=s.attract_photos, sections=tuple(s.attract_sections),
                                 figures=bool(s.attract_figures), order=s.attract_order)
        self.attract.configure(options, s.attract_transition, float(s.attract_interval_s),
                               signage=bool(s.signage_mode or self.force_signage))

    def _settings_changed(self, changed: frozenset[str]) -> None:
        if changed & _ATTRACT_SETTINGS:
            self._configure_attract()
        if "burn_in_shift" in changed and not self.settings.burn_in_shift:
            self._shift = (0, 0)
            self.window.set_content_offset(0, 0, 0)
        self._apply(self.machine.configure(self._config(), self.clock()))

    # actions ----------------------------------------------------------------------------------------

    def _apply(self, actions: list[Action] | tuple[Action, ...]) -> None:
        before = self._last_mode
        for action in actions:
            try:
                self._do(action)
            except Exception:
                log.exception("unattended action %s failed", action.value)
        self._pause_screens(self.attract.isVisible() or self.closed.isVisible())
        mode = self.machine.mode
        if self.still_there.isVisible() and mode is not Mode.STILL_THERE:
            # The question is the machine's countdown made visible; shown without it, nothing would ever
            # reset or dismiss it and it would hold the screen at 0. Never let the two disagree.
            log.error("the still-there question was showing in mode %s: withdrawn", mode.value)
            self.still_there.dismiss()
        if mode != before:
            self._last_mode = mode
            log.info("mode: %s", mode.value)
            if self._timer.isActive():
                self._timer.setInterval(self._interval())
            self.mode_changed.emit(mode.value)

    def _do(self, action: Action) -> None:
        window = self.window
        if action is Action.ASK_STILL_THERE:
            self.still_there.ask(window.picture(), self.machine.countdown_left(self.clock()), window.lang,
                                 band=window.reach_band())
            self.attract.prefetch()
        elif action is Action.DISMISS_STILL_THERE:
            self.still_there.dismiss()
        elif action is Action.RESET:
            window.reset_for_new_visitor(self.settings.default_language)
            self.release_memory()
        elif action is Action.START_ATTRACT:
            self.attract.start(window.picture())
        elif action is Action.STOP_ATTRACT:
            self.attract.stop()
            self.images.release_memory()  # the slideshow's photos (sized for it alone) leave with it
        elif action is Action.NEXT_SLIDE:
            self.attract.next_slide()
        elif action is Action.SLEEP:
            self.attract.stop()
            self.still_there.dismiss()
            self.closed.sleep(self.settings.closed_display, self.machine.config.hours)
        elif action is Action.WAKE:
            self.closed.wake()
        elif action is Action.VISIT_STARTED:
            self.visit_started.emit()
        elif action is Action.VISIT_ENDED:
            self.visit_ended.emit()

    def release_memory(self) -> None:
        """Between visitors: drop the photo memory cache and Qt's pixmap cache, collect garbage, return free heap
        pages to the system."""
        began = time.perf_counter()
        held = self.images.release_memory()
        QPixmapCache.clear()
        trimmed = release_free_memory()
        log.debug("between visitors: released %.1f MB of cached photos, heap trimmed: %s (%.0f ms)",
                  held / 2**20, trimmed, (time.perf_counter() - began) * 1000)

    def _pause_screens(self, covered: bool) -> None:
        """Under the opaque slideshow or closed screen nobody sees the screens: their own motion (the home
        photo's drift) stops repainting, which takes the closed screen from ~2.5 % to ~0.3 % of a core."""
        stack = self.window.stack
        if stack.updatesEnabled() == covered:
            stack.setUpdatesEnabled(not covered)

    def _interval(self) -> int:
        return CLOSED_TICK_MS if self.machine.mode is Mode.CLOSED else TICK_MS

    def _burn_in(self, now: datetime) -> None:
        if not (self.window.kiosk_mode and self.settings.burn_in_shift):
            return
        amplitude = self.window.theme.px(BURN_IN_AMPLITUDE)
        shift = pixel_shift(now.timestamp(), amplitude)
        if shift != self._shift:
            self._shift = shift
            self.window.set_content_offset(shift[0], shift[1], amplitude)
