"""The figures `kiosk bench` reports, their budgets, and the table it prints. No Qt.

A figure is a number, a `{"p50": …, "p95": …}` pair (its budget applies to p95) or None when it could not be
measured on this build (the reason goes to `notes`). The budgets are the ones the kiosk is held to on the
reference machine; a figure over budget prints OVER, it never fails a test (shared machines are noisy).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Budget:
    limit: float | None  # None: reported, no fixed limit
    at_least: bool  # True: the figure must be >= limit (frame rates); False: <= limit
    unit: str
    what: str

    def describe(self) -> str:
        if self.limit is None:
            return "—"
        return f"{'≥' if self.at_least else '≤'} {self.limit:g} {self.unit}".strip()

    def holds(self, value: float) -> bool:
        if self.limit is None:
            return True
        return value >= self.limit if self.at_least else value <= self.limit


# In the order they are printed. Keys are the JSON keys of `kiosk bench --json`.
BUDGETS: dict[str, Budget] = {
    "startup_ms": Budget(600, False, "ms", "process start to the first painted home frame (median)"),
    "bare_window_ms": Budget(None, False, "ms", "the same for a bare Qt window with one label: this machine's floor"),
    "tap_to_frame_ms": Budget(50, False, "ms", "touch released to the first frame of the transition that moves"),
    "transition_fps": Budget(55, True, "fps", "frames painted per second during screen transitions"),
    "frame_ms": Budget(8, False, "ms", "time to paint one transition frame"),
    "photo_cold_ms": Budget(200, False, "ms", "a 24-megapixel JPEG full screen, first time"),
    "photo_warm_ms": Budget(30, False, "ms", "the same photo again, from the cache"),
    "photo_stall_ms": Budget(50, False, "ms", "longest event-loop stall flicking through 20 photos"),
    "photo_rss_mb": Budget(None, False, "MB", "peak memory after viewing 100 photos (must not grow with the count)"),
    "map_pinch_fps": Budget(55, True, "fps", "frames per second while pinch-zooming the full map"),
    "idle_cpu_pct": Budget(2, False, "%", "CPU on the home screen, left alone (one core = 100 %)"),
    "attract_cpu_pct": Budget(10, False, "%", "CPU during the attract slideshow"),
    "rss_mb": Budget(200, False, "MB", "resident memory after visiting every screen"),
}

# Added by `kiosk bench --scale`: the same app on a generated folder of 500 photos and 200 timeline events.
SCALE_BUDGETS: dict[str, Budget] = {
    "scale_startup_ms": Budget(None, False, "ms", "startup_ms with the generated content"),
    "scale_startup_ratio": Budget(1.2, False, "×", "generated / shipped content, start-up"),
    "scale_rss_mb": Budget(None, False, "MB", "rss_mb with the generated content"),
    "scale_rss_ratio": Budget(1.2, False, "×", "generated / shipped content, memory"),
}


# Start-up on a real display includes the display server's share (a bare window takes ~250 ms under Xvfb, ~140 ms
# offscreen). Where the bare window was measured in the same run, start-up also passes when the kiosk takes at most
# STARTUP_RATIO_LIMIT bare windows and no more than STARTUP_CEILING_FACTOR times the budget: a PC fails only when
# it is really too slow, not because its display server adds its own fixed cost.
STARTUP_RATIO_LIMIT = 4.0
STARTUP_CEILING_FACTOR = 2.0


def startup_holds(startup_ms: float, bare_ms: float | None, limit_ms: float | None = None) -> bool:
    """Whether a start-up time passes: within the budget, or within `STARTUP_RATIO_LIMIT` times a bare window
    measured in the same run (and never over `STARTUP_CEILING_FACTOR` times the budget)."""
    limit = BUDGETS["startup_ms"].limit if limit_ms is None else limit_ms
    assert limit is not None
    if startup_ms <= limit:
        return True
    if bare_ms is None or bare_ms <= 0:
        return False
    return startup_ms <= STARTUP_RATIO_LIMIT * bare_ms and startup_ms <= STARTUP_CEILING_FACTOR * limit


def describe_startup_budget(limit_ms: float | None = None) -> str:
    limit = BUDGETS["startup_ms"].limit if limit_ms is None else limit_ms
    assert limit is not None
    return (f"at most {limit / 1000:.2f} s, or {STARTUP_RATIO_LIMIT:g}× a bare window up to "
            f"{STARTUP_CEILING_FACTOR * limit / 1000:.2f} s")


REFERENCE_PIXELS = 1920 * 1080
UHD_PIXELS = 3840 * 2160
UHD_RSS_MB = 250.0  # at 3840×2160: the window's own frame is 33 MB, the photos a screen shows four times larger


def rss_limit_mb(size: tuple[int, int] | None) -> float:
    """The memory budget for a window of `size`: 200 MB up to 1920×1080, rising with the pixels to 250 MB at
    3840×2160 (and no further)."""
    base = BUDGETS["rss_mb"].limit
    assert base is not None
    if size is None:
        return base
    pixels = max(0, size[0]) * max(0, size[1])
    share = min(1.0, max(0.0, (pixels - REFERENCE_PIXELS) / (UHD_PIXELS - REFERENCE_PIXELS)))
    return round(base + share * (UHD_RSS_MB - base), 1)


def budget_for(name: str, size: tuple[int, int] | None = None) -> Budget | None:
    """The budget of figure `name`, for a window of `size` where that matters (memory)."""
    if name == "rss_mb" and size is not None:
        budget = BUDGETS[name]
        return Budget(rss_limit_mb(size), budget.at_least, budget.unit, budget.what)
    return BUDGETS.get(name) or SCALE_BUDGETS.get(name)


def judged_value(value: Any) -> float | None:
    """The number a budget is checked against: the value itself, or p95 of a percentile pair."""
    if isinstance(value, dict):
        value = value.get("p95")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def verdict(name: str, value: Any, results: dict[str, Any] | None = None, size: tuple[int, int] | None = None) -> str:
    """OK, OVER, or n/a (not measured / no budget). Start-up is judged with the bare window of the same run
    (`results`), when there is one (see `startup_holds`); memory against the budget for the window's `size`."""
    budget = budget_for(name, size)
    number = judged_value(value)
    if budget is None or number is None or budget.limit is None:
        return "n/a" if number is None else "—"
    if name == "startup_ms" and results is not None:
        return "OK" if startup_holds(number, judged_value(results.get("bare_window_ms")), budget.limit) else "OVER"
    return "OK" if budget.holds(number) else "OVER"


def over_budget(results: dict[str, Any], size: tuple[int, int] | None = None) -> list[str]:
    return [name for name, value in results.items() if verdict(name, value, results, size) == "OVER"]


def format_value(value: Any, unit: str = "") -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return " / ".join(f"{k} {_number(v)}" for k, v in value.items())
    return f"{_number(value)}"


def _number(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def format_table(
    results: dict[str, Any], notes: dict[str, str] | None = None, size: tuple[int, int] | None = None
) -> str:
    """One line per figure: name, value, unit, budget, verdict, and why a figure is null."""
    notes = notes or {}
    rows = [("figure", "value", "budget", "", "")]
    for name, value in results.items():
        budget = budget_for(name, size)
        unit = budget.unit if budget else ""
        shown = format_value(value)
        if value is not None and unit:
            shown += f" {unit}"
        rows.append((name, shown, budget.describe() if budget else "—", verdict(name, value, results, size),
                     notes.get(name, "")))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        line = "  ".join(cells)
        if row[4]:
            line += f"  ({row[4]})"
        lines.append(line.rstrip())
    return "\n".join(lines)


def to_json(results: dict[str, Any]) -> str:
    return json.dumps(results, ensure_ascii=False)
