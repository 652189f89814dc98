"""Every setting staff can change, declared once, and the one file that keeps them across restarts.

`OPTIONS` is the registry: name, type, default, allowed range or choices and a one-line description in both
languages (the staff panel builds its controls from it, the README lists it). `Settings` holds the values:
`Settings.load(path)` reads the JSON file leniently (a missing, partial or corrupt file gives defaults and one
log line; unknown keys are ignored; a value out of range is clamped), `set()` / `update()` validate strictly,
save at once and tell subscribers which names changed, so the running kiosk applies a change immediately.

The file is replaced atomically (a temporary file in the same folder, flushed to disk, then renamed over the
old one), so a power cut leaves either the old settings or the new ones, never half a file; temporary files
left by a kiosk killed mid-save are removed at the next start. A change the disk refuses (full, read-only) is
not applied: `update()` raises `NotSaved`, the running values stay what the file says, and the staff panel
says the change was not saved.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import paths
from kiosk.modes.schedule import WEEKDAYS, format_day, parse_day

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
CORRUPT_SUFFIX = ".corrupt"
FORMAT_VERSION = 2  # 2: "still there?" gives at least 20 s (version 1 allowed 3 s and shipped 10 s)

Listener = Callable[[frozenset[str]], None]


@dataclass(frozen=True)
class Option:
    """One setting. `coerce` turns a stored value into a valid one: it returns the value and, when it had to
    change it (clamped, normalised), a note; it raises ValueError when the value is unusable."""

    name: str
    default: Any
    description: str
    zh: str  # the same description in Chinese, for the staff panel

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        return value, None

    def check(self, value: Any) -> Any:
        """Strict validation for a value a staff member chose: returns the value or raises ValueError."""
        coerced, note = self.coerce(value)
        if note:
            raise ValueError(f"{self.name}: {note}")
        return coerced


@dataclass(frozen=True)
class BoolOption(Option):
    def coerce(self, value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, not {value!r}")
        return value, None


@dataclass(frozen=True)
class IntOption(Option):
    minimum: int = 0
    maximum: int = 2**31
    unit: str = ""

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float)
                                                                              and not math.isfinite(value)):
            raise ValueError(f"expected a whole number, not {value!r}")  # JSON readers take NaN and Infinity
        number = round(value)
        clamped = min(self.maximum, max(self.minimum, number))
        if clamped != number:
            return clamped, f"{value!r} is outside {self.minimum}…{self.maximum}; using {clamped}"
        if number != value:
            return number, f"{value!r} is not a whole number; using {number}"
        return number, None


@dataclass(frozen=True)
class ChoiceOption(Option):
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        if value not in self.choices:
            raise ValueError(f"expected one of {', '.join(self.choices)}, not {value!r}")
        return value, None


@dataclass(frozen=True)
class TextOption(Option):
    max_length: int = 512

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, str) or len(value) > self.max_length:
            raise ValueError(f"expected text of at most {self.max_length} characters")
        return value, None


@dataclass(frozen=True)
class ScreenOption(TextOption):
    """The display the kiosk takes: empty for the primary screen, else a number from 1 or a screen's name (the
    staff panel offers the screens connected now; see `kiosk.screens`)."""

    max_length: int = 128


@dataclass(frozen=True)
class IdListOption(Option):
    """A list of content ids (e.g. section ids); duplicates dropped, order kept."""

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"expected a list of ids, not {value!r}")
        unique = list(dict.fromkeys(value))
        return unique, (None if unique == value else "repeated ids dropped")


@dataclass(frozen=True)
class HoursOption(Option):
    """Opening hours per weekday: `{"mon": "09:00-17:00", …, "sun": "closed"}`."""

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, dict):
            raise ValueError(f"expected hours per weekday ({', '.join(WEEKDAYS)}), not {value!r}")
        result, notes = {}, []
        for day in WEEKDAYS:
            text = value.get(day, self.default[day])
            try:
                if not isinstance(text, str):
                    raise ValueError(f"{text!r} is not text")
                result[day] = format_day(parse_day(text))
            except ValueError as exc:
                notes.append(f"{day}: {exc}; using {self.default[day]}")
                result[day] = self.default[day]
        extra = sorted(set(value) - set(WEEKDAYS))
        if extra:
            notes.append(f"unknown days {', '.join(map(str, extra))} ignored")
        return result, ("; ".join(notes) or None)


OPTIONS: tuple[Option, ...] = (
    IntOption("idle_timeout_s", 90, "Seconds without a touch before the kiosk asks “Still there?”",
              "无人操作多少秒后询问“还在参观吗？”", minimum=15, maximum=3600, unit="s"),
    # WCAG 2.2.1: a visitor gets at least 20 s to extend a time limit (accessible mode doubles both times)
    IntOption("still_there_s", 20, "Seconds the “Still there?” countdown runs before everything resets",
              "“还在参观吗？”倒计时秒数，结束后回到首页", minimum=20, maximum=120, unit="s"),
    BoolOption("attract_enabled", True, "Show the slideshow after the reset", "复位后播放轮播"),
    ChoiceOption("attract_photos", "all", "Photos in the slideshow: all, only the chosen sections, or none",
                 "轮播照片：全部、所选篇章或不播放照片", choices=("all", "sections", "none")),
    IdListOption("attract_sections", [], "Sections whose photos (and figures) the slideshow shows",
                 "轮播哪些篇章的照片（及关键数字）"),
    BoolOption("attract_figures", True, "Show key figures between the photos", "照片之间穿插关键数字"),
    IntOption("attract_interval_s", 8, "Seconds each slide stays on screen", "每张幻灯片停留秒数",
              minimum=3, maximum=120, unit="s"),
    ChoiceOption("attract_transition", "crossfade", "How one slide gives way to the next",
                 "切换效果：淡入淡出、滑动或无", choices=("crossfade", "slide", "none")),
    ChoiceOption("attract_order", "sequence", "Slides in the exhibition's order or shuffled every round",
                 "播放顺序：按展览顺序或随机", choices=("sequence", "shuffle")),
    BoolOption("signage_mode", False, "Permanent slideshow; touch does nothing", "纯展示模式：只轮播，触摸无反应"),
    ChoiceOption("default_language", "zh", "Language a new visitor finds (after every reset)",
                 "默认语言（每次复位后恢复）", choices=("zh", "en")),
    BoolOption("opening_hours_enabled", False, "Rest outside the opening hours below", "按开放时间休眠"),
    HoursOption("opening_hours", {day: "09:00-17:00" for day in WEEKDAYS},
                "Opening hours per weekday, e.g. 09:00-17:00, 09:00-12:00,13:00-17:00 or closed",
                "每日开放时间，如 09:00-17:00，或 closed 表示闭馆"),
    ChoiceOption("closed_display", "clock", "Outside opening hours: a dark screen or a dim moving clock",
                 "闭馆时：黑屏或暗色移动时钟", choices=("dark", "clock")),
    IntOption("wake_minutes", 5, "Minutes a touch outside opening hours wakes the kiosk for",
              "闭馆时触摸唤醒的分钟数", minimum=1, maximum=60, unit="min"),
    BoolOption("burn_in_shift", True, "Shift the picture by a few pixels over time against burn-in",
               "画面缓慢微移，防止屏幕烙印"),
    BoolOption("large_text", False, "Larger text everywhere for visitors", "大字模式"),
    ScreenOption("screen", "", "Display the kiosk fills on a PC with several (empty: the primary; "
                 "--screen on the command line wins)", "多屏电脑上展项使用的显示器（空：主显示器）"),
    # Accessibility: how the screen hangs (accessible mode brings everything into reach, 0.4–1.2 m above the
    # floor, computed from these) and the high-contrast theme. Kept together: the staff panel groups them.
    IntOption("screen_bottom_cm", 90, "Height of the screen's bottom edge above the floor",
              "屏幕下边缘离地高度", minimum=0, maximum=250, unit="cm"),
    IntOption("screen_diagonal_in", 0, "Screen diagonal; 0 = as the screen reports it",
              "屏幕对角线尺寸；0 = 采用屏幕自报尺寸", minimum=0, maximum=120, unit="in"),
    BoolOption("high_contrast", False, "High-contrast theme: light text on black, nothing see-through over photos",
               "高对比度：黑底浅色文字，照片上不用半透明底"),
)
ACCESSIBILITY_OPTIONS = ("screen_bottom_cm", "screen_diagonal_in", "high_contrast")
# The staff PIN is not a setting: its hash lives in its own file (kiosk.staff.pin), so a damaged settings
# file can never bring the shipped PIN back. Older kiosks kept it here; the PIN store moves it out once.
LEGACY_KEYS = frozenset({"pin_hash"})

REGISTRY: dict[str, Option] = {option.name: option for option in OPTIONS}


def default_path() -> Path:
    return paths.user_config_dir() / SETTINGS_FILE


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash or power cut leaves the old file or the new one, whole."""
    paths.private_dir(path.parent)
    fd, temp = tempfile.mkstemp(prefix=paths.temp_prefix(path.name), suffix=paths.TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable too
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _migrated(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """A file written by an older kiosk, brought to this format. Version 1 let the "still there?" countdown run
    3–60 s (10 s shipped); it now gives at least 20 s, so a shorter time becomes 20 s quietly (it was a default
    or a choice the new rule overrides, not a mistake to report to staff)."""
    version = data.get("version", 1)
    if not isinstance(version, int) or version >= FORMAT_VERSION:
        return data
    migrated = dict(data)
    still = migrated.get("still_there_s")
    floor = REGISTRY["still_there_s"].minimum  # type: ignore[attr-defined]  # an IntOption
    if isinstance(still, (int, float)) and not isinstance(still, bool) and still < floor:
        log.info("settings: still_there_s %s s from a version %s file raised to %s s", still, version, floor)
        migrated["still_there_s"] = floor
    return migrated


class NotSaved(Exception):
    """The disk refused a change (full, read-only, no permission): nothing changed, in memory or on disk."""


class Settings:
    def __init__(self, values: Mapping[str, Any] | None = None, path: Path | None = None):
        """Defaults overlaid with `values` (validated strictly); `path` is where changes are saved (None: nowhere)."""
        self._values: dict[str, Any] = {o.name: copy.deepcopy(o.default) for o in OPTIONS}
        for name, value in (values or {}).items():
            self._values[name] = self._option(name).check(value)
        self.path = path
        self.problems: list[str] = []  # what loading had to repair, for the staff panel
        self._listeners: list[Listener] = []

    # construction -----------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings file; anything missing or broken falls back to its default (and is logged)."""
        path = Path(path) if path is not None else default_path()
        settings = cls(path=path)
        with contextlib.suppress(OSError):  # private from the start, even before the first save
            paths.private_dir(path.parent)
        removed = paths.remove_stale_temp_files(path.parent, path.name)
        if removed:
            log.info("removed %d unfinished settings file(s) left by an interrupted save", removed)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            log.info("no settings file at %s yet: using the defaults", path)
            return settings
        except OSError as exc:
            log.error("settings file %s cannot be read (%s): using the defaults", path, exc)
            settings.problems.append(f"cannot read: {exc}")
            return settings
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the file does not hold an object of settings")
        except ValueError as exc:
            keep = path.with_name(path.name + CORRUPT_SUFFIX)
            with contextlib.suppress(OSError):
                keep.write_bytes(raw)
            log.warning("settings file %s is corrupt (%s): using the defaults; the broken file is kept as %s",
                        path, exc, keep.name)
            settings.problems.append(f"corrupt, kept as {keep.name}: {exc}")
            return settings
        settings._absorb(data)
        return settings

    def _absorb(self, data: Mapping[str, Any]) -> None:
        data = _migrated(data)
        for name, value in data.items():
            if name == "version" or name in LEGACY_KEYS:
                continue
            option = REGISTRY.get(name)
            if option is None:
                log.info("settings: unknown setting %r ignored", name)
                continue
            try:
                coerced, note = option.coerce(value)
            except ValueError as exc:
                log.warning("settings: %s: %s; using the default %r", name, exc, option.default)
                self.problems.append(f"{name}: {exc}")
                continue
            if note:
                log.warning("settings: %s: %s", name, note)
                self.problems.append(f"{name}: {note}")
            self._values[name] = coerced

    # reading ----------------------------------------------------------------------------------------

    @staticmethod
    def _option(name: str) -> Option:
        try:
            return REGISTRY[name]
        except KeyError:
            raise KeyError(f"no setting called {name!r}") from None

    def get(self, name: str) -> Any:
        self._option(name)
        return copy.deepcopy(self._values[name])

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in REGISTRY:
            raise AttributeError(name)
        return self.get(name)

    def as_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self._values)

    # changing ---------------------------------------------------------------------------------------

    def set(self, name: str, value: Any) -> bool:
        return bool(self.update({name: value}))

    def update(self, values: Mapping[str, Any]) -> frozenset[str]:
        """Validate every value first (ValueError names the bad one, nothing changes), then save once, apply
        and notify subscribers. Returns the names that really changed. Raises `NotSaved` when the disk refuses
        the save: then nothing changes, so the running kiosk never differs from what staff are told."""
        checked = {name: self._option(name).check(value) for name, value in values.items()}
        changed = frozenset(name for name, value in checked.items() if self._values[name] != value)
        if not changed:
            return changed
        before = {name: self._values[name] for name in changed}
        for name in changed:
            self._values[name] = checked[name]
        try:
            self._write()
        except OSError as exc:
            self._values.update(before)
            log.error("settings not saved to %s, %s unchanged: %s", self.path, ", ".join(sorted(changed)), exc)
            raise NotSaved(exc.strerror or str(exc)) from exc
        for listener in list(self._listeners):
            try:
                listener(changed)
            except Exception:
                log.exception("a settings listener failed for %s", ", ".join(sorted(changed)))
        return changed

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def save(self) -> bool:
        """Write the file (atomically); False (and logged) when there is no file or the disk refuses."""
        if self.path is None:
            return False
        try:
            self._write()
        except OSError as exc:
            log.error("settings cannot be saved to %s: %s", self.path, exc)
            return False
        return True

    def _write(self) -> None:
        """Raises OSError when the disk refuses; nothing to do for settings kept only in memory."""
        if self.path is None:
            return
        data = {"version": FORMAT_VERSION, **self._values}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def describe(options: Iterable[Option] = OPTIONS) -> list[str]:
    """One line per setting (name, default, allowed values, description), e.g. for documentation."""
    lines = []
    for option in options:
        allowed = ""
        if isinstance(option, IntOption):
            allowed = f" ({option.minimum}…{option.maximum}{' ' + option.unit if option.unit else ''})"
        elif isinstance(option, ChoiceOption):
            allowed = f" ({' | '.join(option.choices)})"
        lines.append(f"{option.name} = {json.dumps(option.default, ensure_ascii=False)}{allowed}: {option.description}")
    return lines
