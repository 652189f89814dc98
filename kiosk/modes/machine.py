"""The kiosk's unattended life as one state machine: a visitor uses it, walks away, is asked "still there?",
the app resets and (if staff want it) a slideshow invites the next visitor; outside opening hours it rests
dark until a touch wakes it for a few minutes.

It owns no timers and reads no clock: the Qt driver calls `tick(now)` every second or so and `input(now)` on
every touch, click or key, and carries out the `Action`s they return. Tests drive it with made-up times.

    RESTING ──input──▶ ACTIVE ──idle timeout──▶ STILL_THERE ──countdown──▶ reset ─▶ ATTRACT (or RESTING)
       │                 ▲                          │                                  │
       └─idle timeout─▶ ATTRACT ──waking input──────┴──────────input──────────────────┘
    SIGNAGE: a permanent slideshow that ignores input.      CLOSED: outside opening hours; input wakes it.

A visitor who chose accessible mode (`set_accessible`) gets twice the time: twice the idle timeout before the
question, twice the countdown (WCAG 2.2.1). The mode belongs to the visit: the reset that ends it ends the mode.

While staff hold it (`hold` … `release`: their keypad or panel is on screen) nothing unattended happens: no
question, reset, slide or closing, and new settings wait. Releasing counts as a touch: the idle clock starts
again, and the settings changed meanwhile apply then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from kiosk.modes.schedule import OpeningHours

ACCESSIBLE_TIME_FACTOR = 2  # accessible mode doubles every time limit


class Mode(str, Enum):
    RESTING = "resting"  # home, fresh, nobody there yet
    ACTIVE = "active"  # a visitor is using the kiosk
    STILL_THERE = "still_there"  # the "still there?" countdown is showing
    ATTRACT = "attract"  # the slideshow invites the next visitor; a touch ends it
    SIGNAGE = "signage"  # a permanent slideshow; touch does nothing
    CLOSED = "closed"  # outside opening hours: dark (or a dim clock) until a touch wakes it


class Action(str, Enum):
    ASK_STILL_THERE = "ask_still_there"
    DISMISS_STILL_THERE = "dismiss_still_there"
    RESET = "reset"  # home, every screen reset, language back to the default
    START_ATTRACT = "start_attract"
    STOP_ATTRACT = "stop_attract"
    NEXT_SLIDE = "next_slide"
    SLEEP = "sleep"  # show the closed screen
    WAKE = "wake"  # leave the closed screen
    VISIT_STARTED = "visit_started"  # the first touch after attract, a reset or the closed screen
    VISIT_ENDED = "visit_ended"  # the reset after a visit


@dataclass(frozen=True)
class ModeConfig:
    idle_timeout: float = 90.0  # seconds without input before "still there?"
    still_there: float = 20.0  # seconds the question counts down before the reset (WCAG 2.2.1: at least 20)
    attract: bool = True  # slideshow after the reset
    slide_interval: float = 8.0
    signage: bool = False
    hours: OpeningHours | None = None  # None: always open
    wake: float = 300.0  # seconds a touch outside opening hours keeps the kiosk awake


@dataclass(frozen=True)
class Reaction:
    """What an input caused. `swallow`: the input only woke or dismissed something and must not reach the
    widgets beneath (the driver keeps swallowing until the finger lifts)."""

    actions: tuple[Action, ...] = ()
    swallow: bool = False


class ModeMachine:
    def __init__(self, config: ModeConfig | None = None):
        self._config = config or ModeConfig()
        self._mode = Mode.RESTING
        self._last_input: datetime | None = None
        self._countdown_until: datetime | None = None
        self._next_slide: datetime | None = None
        self._wake_until: datetime | None = None
        self._held_since: ModeConfig | None = None  # the config when staff took hold; None: not held
        self._accessible = False  # the visitor chose accessible mode: time limits doubled until the visit ends

    # state ------------------------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def config(self) -> ModeConfig:
        return self._config

    @property
    def accessible(self) -> bool:
        return self._accessible

    def set_accessible(self, on: bool) -> None:
        """The visitor turned accessible mode on or off: from now on the idle timeout (and a question asked
        later) runs twice as long. A countdown already running keeps its end."""
        self._accessible = bool(on)

    @property
    def idle_timeout(self) -> float:
        """The idle timeout in force: the configured one, doubled in accessible mode."""
        return self._config.idle_timeout * (ACCESSIBLE_TIME_FACTOR if self._accessible else 1)

    @property
    def still_there(self) -> float:
        """The question's countdown in force: the configured one, doubled in accessible mode."""
        return self._config.still_there * (ACCESSIBLE_TIME_FACTOR if self._accessible else 1)

    @property
    def held(self) -> bool:
        return self._held_since is not None

    def idle_seconds(self, now: datetime) -> float:
        if self._last_input is None:
            return 0.0
        return max(0.0, (now - self._last_input).total_seconds())

    def countdown_left(self, now: datetime) -> float:
        """Seconds until the reset while "still there?" shows; 0 otherwise."""
        if self._mode is not Mode.STILL_THERE or self._countdown_until is None:
            return 0.0
        return max(0.0, (self._countdown_until - now).total_seconds())

    def in_hours(self, now: datetime) -> bool:
        hours = self._config.hours
        return hours is None or hours.is_open(now)

    def awake(self, now: datetime) -> bool:
        """Within opening hours, or woken by a touch outside them."""
        return self.in_hours(now) or (self._wake_until is not None and now < self._wake_until)

    # events -----------------------------------------------------------------------------------------

    def start(self, now: datetime) -> list[Action]:
        """At launch: the slideshow in signage mode, the closed screen outside hours, otherwise home."""
        self._last_input = now
        if not self.in_hours(now):
            self._mode = Mode.CLOSED
            return [Action.SLEEP]
        if self._config.signage:
            return self._show(Mode.SIGNAGE, now)
        self._mode = Mode.RESTING
        return []

    def tick(self, now: datetime) -> list[Action]:
        if self.held:
            return []
        mode = self._mode
        if mode is Mode.CLOSED:
            if self.in_hours(now):
                self._wake_until = None
                return [Action.WAKE, *self._after_reset(now)]
            return []
        if mode in (Mode.RESTING, Mode.ATTRACT, Mode.SIGNAGE) and not self.awake(now):
            return self._sleep()
        if mode is Mode.ACTIVE and self.idle_seconds(now) >= self.idle_timeout:
            self._mode = Mode.STILL_THERE
            self._countdown_until = now + timedelta(seconds=self.still_there)
            return [Action.ASK_STILL_THERE]
        if mode is Mode.STILL_THERE and self._countdown_until is not None and now >= self._countdown_until:
            self._countdown_until = None
            self._accessible = False
            actions = [Action.DISMISS_STILL_THERE, Action.RESET, Action.VISIT_ENDED]
            if not self.awake(now):
                return actions + self._sleep()
            return actions + self._after_reset(now)
        if mode is Mode.RESTING and self._config.attract and self.idle_seconds(now) >= self.idle_timeout:
            return self._show(Mode.ATTRACT, now)
        if mode in (Mode.ATTRACT, Mode.SIGNAGE) and self._next_slide is not None and now >= self._next_slide:
            self._next_slide = now + timedelta(seconds=self._config.slide_interval)
            return [Action.NEXT_SLIDE]
        return []

    def input(self, now: datetime) -> Reaction:
        """A touch, click, wheel or key press."""
        if self.held:  # staff at work: their touches are theirs (`release` restarts the idle clock)
            return Reaction()
        self._last_input = now
        mode = self._mode
        if mode is Mode.CLOSED:
            self._wake_until = now + timedelta(seconds=self._config.wake)
            if self._config.signage:
                return Reaction((Action.WAKE, *self._show(Mode.SIGNAGE, now)), swallow=True)
            self._mode = Mode.ACTIVE
            return Reaction((Action.WAKE, Action.VISIT_STARTED), swallow=True)
        if mode is Mode.SIGNAGE:
            return Reaction(swallow=True)
        if not self.in_hours(now):  # a visitor outside hours keeps it awake while they use it
            self._wake_until = max(self._wake_until or now, now + timedelta(seconds=self._config.wake))
        if mode is Mode.ATTRACT:
            self._mode = Mode.ACTIVE
            self._next_slide = None
            return Reaction((Action.STOP_ATTRACT, Action.VISIT_STARTED), swallow=True)
        if mode is Mode.STILL_THERE:
            self._mode = Mode.ACTIVE
            self._countdown_until = None
            return Reaction((Action.DISMISS_STILL_THERE,), swallow=True)
        if mode is Mode.RESTING:
            self._mode = Mode.ACTIVE
            return Reaction((Action.VISIT_STARTED,))
        return Reaction()

    def configure(self, config: ModeConfig, now: datetime) -> list[Action]:
        """New settings, applied at once (a change of opening hours takes effect on this very call); while staff
        hold the machine they are kept and applied by `release`."""
        old, self._config = self._config, config
        if self.held:
            return []
        mode = self._mode
        actions: list[Action] = []
        if config.signage and not old.signage and mode is not Mode.CLOSED:
            if mode is Mode.STILL_THERE:
                actions.append(Action.DISMISS_STILL_THERE)
            if mode in (Mode.ACTIVE, Mode.STILL_THERE):
                self._accessible = False
                actions += [Action.RESET, Action.VISIT_ENDED]
            if mode is Mode.ATTRACT:  # the show is already running: it simply stops reacting to touch
                self._mode = Mode.SIGNAGE
            else:
                actions += self._show(Mode.SIGNAGE, now)
        elif (mode is Mode.SIGNAGE and not config.signage) or (mode is Mode.ATTRACT and not config.attract):
            actions.append(Action.STOP_ATTRACT)
            self._mode = Mode.RESTING
            self._next_slide = None
            self._last_input = now
        elif mode in (Mode.ATTRACT, Mode.SIGNAGE) and config.slide_interval != old.slide_interval:
            self._next_slide = now + timedelta(seconds=config.slide_interval)
        return actions + self.tick(now)

    def hold(self, now: datetime) -> list[Action]:
        """Staff took over (their keypad or panel is on screen). A question already showing is withdrawn: it
        must never stand over their panel."""
        if self.held:
            return []
        self._held_since = self._config
        if self._mode is Mode.STILL_THERE:
            self._mode = Mode.ACTIVE
            self._countdown_until = None
            return [Action.DISMISS_STILL_THERE]
        return []

    def release(self, now: datetime) -> list[Action]:
        """Staff are done: the idle clock starts afresh from now (outside opening hours that buys the usual wake
        time), then the settings they changed take effect as one change from those in force when they began."""
        if self._held_since is None:
            return []
        before, self._held_since = self._held_since, None
        self._last_input = now
        if not self.in_hours(now) and self._mode is not Mode.CLOSED:
            self._wake_until = max(self._wake_until or now, now + timedelta(seconds=self._config.wake))
        changed, self._config = self._config, before
        return self.configure(changed, now)

    def recover(self, now: datetime) -> list[Action]:
        """After an unhandled error: home again, the visit (if any) goes on with a fresh idle timer."""
        actions: list[Action] = []
        if self._mode is Mode.STILL_THERE:
            actions.append(Action.DISMISS_STILL_THERE)
            self._mode = Mode.ACTIVE
            self._countdown_until = None
        self._last_input = now
        return [*actions, Action.RESET]

    # internals --------------------------------------------------------------------------------------

    def _show(self, mode: Mode, now: datetime) -> list[Action]:
        self._mode = mode
        self._next_slide = now + timedelta(seconds=self._config.slide_interval)
        return [Action.START_ATTRACT]

    def _after_reset(self, now: datetime) -> list[Action]:
        """Nobody is there: signage or the slideshow if configured, otherwise home at rest."""
        self._last_input = now
        if self._config.signage:
            return self._show(Mode.SIGNAGE, now)
        if self._config.attract:
            return self._show(Mode.ATTRACT, now)
        self._mode = Mode.RESTING
        return []

    def _sleep(self) -> list[Action]:
        actions = [Action.STOP_ATTRACT] if self._mode in (Mode.ATTRACT, Mode.SIGNAGE) else []
        self._mode = Mode.CLOSED
        self._next_slide = None
        self._wake_until = None
        return [*actions, Action.SLEEP]
