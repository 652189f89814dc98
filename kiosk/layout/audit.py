"""The layout audit's rules: what a designer checks on every screen, as plain functions over plain records.

A collector (`kiosk.ui.layout_probe`) walks the visible window and describes each thing a visitor sees or
touches as a `Record`: its box in window pixels, the text it shows and the whole text it stands for, the size
that text needs, whether it is tapped, whether it floats over other content (the map's zoom buttons) and
whether it must stay in sight (a visible text, the selected map feature). `audit` returns the `Finding`s:

- `clipped`: a text needs more room than its box gives it (glyphs cut at the bottom or the side);
- `elided`: a text is shortened with "…" although it carries meaning (a title, a label);
- `cut`: a thing is partly outside the area that shows it (a map label past the map's edge), when that area is
  not one that scrolls;
- `overlap`: two tappable things share pixels, so a finger cannot tell which it means;
- `covered`: a floating control lies over something that must stay in sight;
- `small`: a tappable thing is smaller than a fingertip on the screen it is shown on.

No Qt here, so the rules are tested with hand-made records in tests/unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Rect = tuple[float, float, float, float]  # left, top, width, height

# The smallest edge of anything tapped: a fingertip is about 9 mm. On the 55-inch 1920×1080 panel the layout is
# drawn for, one pixel is 0.634 mm (1218 mm across 1920 pixels), so 9 mm is 14 pixels there; every other size
# scales it with the layout (`min_touch_px`).
MIN_TOUCH_MM = 9.0
REFERENCE_MM_PER_PX = 1217.6 / 1920
TOLERANCE_PX = 2.0  # anti-aliasing and rounding: overlaps and overflows within this are not findings
ELLIPSES = ("…", "...")


def min_touch_px(layout_scale: float) -> float:
    """The minimum tappable edge, in pixels, at a layout scaled by `layout_scale` from the 1920×1080 one."""
    return MIN_TOUCH_MM / REFERENCE_MM_PER_PX * layout_scale


@dataclass(frozen=True)
class Record:
    name: str  # a path that says where it is: "map/zoom_in", "home/tile:section/party"
    kind: str = "widget"  # text, button, surface (pans or scrolls as a whole), feature, label …
    rect: Rect = (0.0, 0.0, 0.0, 0.0)
    text: str = ""  # what is shown
    full_text: str = ""  # what it stands for, when the widget shortens it; "" means the same as `text`
    required: tuple[float, float] | None = None  # the size the text needs (its wrap width applied)
    contents: Rect | None = None  # the box the text is drawn in; default `rect`
    interactive: bool = False
    floating: bool = False  # drawn over other content, not laid out beside it
    important: bool = False  # must not be covered by a floating control
    bounds: Rect | None = None  # the area that shows it, when it must lie wholly inside (a map label)
    scrolls: bool = False  # inside an area that scrolls: being partly outside it is normal
    path: tuple[str, ...] = ()  # its ancestors' names, outermost first: a thing never overlaps its own parts
    visible: Rect | None = None  # the part not scrolled or clipped away; default `rect`
    ink: Rect | None = None  # where a one-line text's glyphs are drawn: judged against `rect` for height

    @property
    def seen(self) -> Rect:
        return self.visible or self.rect


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    detail: str
    other: str = ""

    @property
    def key(self) -> str:
        """What a test names when it expects this finding: `rule:name` (and `:other` for pairs)."""
        return f"{self.rule}:{self.name}" + (f":{self.other}" if self.other else "")


@dataclass
class Limits:
    min_touch: float = field(default_factory=lambda: min_touch_px(1.0))
    tolerance: float = TOLERANCE_PX


def intersection(a: Rect, b: Rect) -> Rect | None:
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if right <= left or bottom <= top:
        return None
    return (left, top, right - left, bottom - top)


def _related(a: Record, b: Record) -> bool:
    return a.name in b.path or b.name in a.path or a.name == b.name


def _clipped(r: Record, tol: float) -> Finding | None:
    if r.required is None or not r.text:
        return None
    box = r.contents or r.rect
    need_w, need_h = r.required
    over_w, over_h = need_w - box[2], need_h - box[3]
    if r.ink is not None:  # one line: what counts is whether its glyphs stay inside the widget, not its leading
        top, bottom = r.ink[1], r.ink[1] + r.ink[3]
        over_h = max(r.rect[1] - top, bottom - (r.rect[1] + r.rect[3]))
    if over_w <= tol and over_h <= tol:
        return None
    parts = []
    if over_w > tol:
        parts.append(f"{over_w:.0f} px too narrow")
    if over_h > tol:
        parts.append(f"{over_h:.0f} px too short")
    return Finding("clipped", r.name, f"{' and '.join(parts)} for {r.text[:40]!r}")


def _elided(r: Record) -> Finding | None:
    shown = r.text.rstrip()
    if not shown.endswith(ELLIPSES) or not r.full_text:
        return None
    if r.full_text.rstrip() == shown:
        return None  # the text itself ends with an ellipsis
    return Finding("elided", r.name, f"shows {shown[-24:]!r} of {r.full_text[:60]!r}")


def _cut(r: Record, tol: float) -> Finding | None:
    if r.bounds is None or r.scrolls:
        return None
    inside = intersection(r.rect, r.bounds)
    shown = (inside[2] * inside[3]) if inside else 0.0
    if shown <= 0:
        return None  # wholly outside: not shown at all, which is not a cut
    x, y, w, h = r.rect
    bx, by, bw, bh = r.bounds
    out = max(bx - x, by - y, (x + w) - (bx + bw), (y + h) - (by + bh))
    if out <= tol:
        return None
    return Finding("cut", r.name, f"{out:.0f} px outside the area that shows it ({r.text[:40]!r})")


def _small(r: Record, limit: float) -> Finding | None:
    if not r.interactive or r.kind == "surface":
        return None
    edge = min(r.rect[2], r.rect[3])
    if edge + 0.5 >= limit:
        return None
    return Finding("small", r.name, f"{edge:.0f} px edge, below the {limit:.0f} px a fingertip needs")


def audit(records: Iterable[Record], limits: Limits | None = None) -> list[Finding]:
    """Every finding on one screen, in a stable order (by rule, then name)."""
    limits = limits or Limits()
    tol = limits.tolerance
    items = list(records)
    found: list[Finding] = []
    for r in items:
        for check in (_clipped(r, tol), _elided(r), _cut(r, tol), _small(r, limits.min_touch)):
            if check is not None:
                found.append(check)
    taps = [r for r in items if r.interactive and r.kind != "surface"]
    for i, a in enumerate(taps):
        for b in taps[i + 1:]:
            if _related(a, b):
                continue
            shared = intersection(a.seen, b.seen)
            if shared and shared[2] > tol and shared[3] > tol:
                first, second = sorted((a.name, b.name))
                found.append(Finding("overlap", first, f"{shared[2]:.0f}×{shared[3]:.0f} px shared", second))
    floats = [r for r in items if r.floating]
    for f in floats:
        for r in items:
            if not r.important or r.floating or _related(f, r):
                continue
            shared = intersection(f.seen, r.seen)
            if shared and shared[2] > tol and shared[3] > tol:
                found.append(Finding("covered", r.name, f"under {f.name} ({r.text[:40]!r})", f.name))
    return sorted(set(found), key=lambda x: (x.rule, x.name, x.other))


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    return dict(sorted(counts.items()))


def report(findings: Iterable[Finding]) -> str:
    """One line per finding, for a person reading the audit's output."""
    return "\n".join(f"{f.rule:8} {f.name}: {f.detail}" for f in findings)
