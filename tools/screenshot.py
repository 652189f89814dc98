"""Screenshots of every screen and overlay, the layout audit, and the README's screenshot set.

    python tools/screenshot.py [--size 1920x1080,1080x1920] [--lang zh|en|both] [--out DIR] [--states home map-card]
    python tools/screenshot.py --audit [--size ...] [--lang both] [--large-text]   # print the audit's findings
    python tools/screenshot.py --audit --content DIR   # another content folder (tools/longer_content.py makes one)
    xvfb-run -s "-screen 0 3840x2160x24" python tools/screenshot.py --docs           # regenerate docs/screens/

Runs the real app (offscreen unless a display is set; under a real X server, such as xvfb-run, text is drawn as
on the exhibition PC) and tours the places of `kiosk.ui.layout_tour`: home, the foreword, each section, the
timeline with a card open, the map with a feature card open, the gallery, the photo viewer, the slideshow, the
"still there?" question, the closed screen, the staff keypad and each staff page. One kiosk is built per
language and laid out again for each size. `--routes home section/party` still grabs plain routes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen at all: draw offscreen

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kiosk.app import Kiosk
from kiosk.layout.audit import report, summary
from kiosk.navigation import Route
from kiosk.tour import Refused, touring
from kiosk.ui import theme as t
from kiosk.ui.layout_tour import audit_here, go, pump, relayout, settle, states, wait_until
from kiosk.ui.widgets.figure_card import FigureCard

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "screens"
DOCS_SIZES = ("1920x1080", "1080x1920", "1366x768")
DOCS_WIDTH = 960  # the committed screenshots are scaled to this width and reduced to 256 colours
# What a content editor needs to see, in the order of the README's table (the staff pages once, in Chinese)
DOCS_STATES = ("home", "intro", "section-develop", "section-party", "section-civility", "section-livelihood",
               "timeline-card", "map-card", "gallery", "photo", "slideshow", "still-there", "closed")
DOCS_STAFF = ("staff-keypad", "staff-settings", "staff-content", "staff-stats", "staff-diagnostics")
CAPTIONS = {
    "home": "Home", "intro": "Foreword", "section-develop": "Section 1", "section-party": "Section 2",
    "section-civility": "Section 3", "section-livelihood": "Section 4", "timeline-card": "Timeline, a card open",
    "map-card": "Map, a feature open", "gallery": "Gallery", "photo": "Photo viewer", "slideshow": "Slideshow",
    "still-there": "“Still there?”", "closed": "Closed hours", "staff-keypad": "Staff keypad",
    "staff-settings": "Staff: settings", "staff-content": "Staff: content", "staff-stats": "Staff: statistics",
    "staff-diagnostics": "Staff: diagnostics",
}


def sizes(text: str) -> list[tuple[int, int]]:
    return [(int(w), int(h)) for w, h in (s.split("x") for s in text.split(","))]


@contextmanager
def tour_kiosk(lang: str, size: tuple[int, int], content: Path | None = None) -> Iterator[Kiosk]:
    """A kiosk laid out for `size` (one per size: the window's bar is laid out once, for its screen), showing
    `content` (default: the bundled exhibition), closed after. A folder that cannot be shown is an error, not a
    tour of the bundled exhibition under its name."""
    t.TRANSITION_MS = 60  # screen changes are not what is looked at
    try:
        with touring(content, size, lang) as kiosk:
            yield kiosk
    except Refused as exc:
        raise SystemExit(str(exc)) from None


def grab(kiosk: Kiosk) -> QImage:
    attract = kiosk.unattended.attract if kiosk.unattended is not None else None
    if attract is not None and attract.isVisible():  # the first slide has faded in over the screen it covers
        wait_until(lambda: attract._from.isNull(), 4000)
    pump(250)  # slides have moved on
    wait_until(lambda: not counting(kiosk), 4000)  # a figure caught mid count-up would show a false number
    kiosk.images.wait_idle(5000)
    pump(150)
    return kiosk.window.grab().toImage()


def counting(kiosk: Kiosk) -> bool:
    """Whether a headline figure on the window is still counting up to its value."""
    return any(card.counting() for card in kiosk.window.findChildren(FigureCard) if card.isVisible())


def save_small(image: QImage, path: Path, width: int = DOCS_WIDTH) -> None:
    """Scaled to `width` and reduced to 256 colours: a screenshot a README can carry by the dozen."""
    from PIL import Image

    small = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    small = small.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(small.constBits())[: small.sizeInBytes()]
    picture = Image.frombuffer("RGB", (small.width(), small.height()), data, "raw", "RGB", small.bytesPerLine(), 1)
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def tour_states(kiosk: Kiosk, names: list[str] | None):
    for state in states(kiosk):
        if state.name == "staff-closed":
            state.enter()
            continue
        if names is not None and state.name not in names:
            continue
        state.enter()
        yield state
        state.leave()
    if kiosk.staff is not None:
        kiosk.staff.controller.close()
    settle()


def run_routes(kiosk: Kiosk, routes: list[str], out: Path, tag: str) -> None:
    for text in routes:
        route = Route(*text.split("/", 1))
        go(kiosk, route)
        path = out / f"{route.key.replace('/', '-')}-{tag}.png"
        grab(kiosk).save(str(path))
        print(path)


def run_audit(kiosk: Kiosk, names: list[str] | None, tag: str) -> int:
    total = 0
    for state in tour_states(kiosk, names):
        wait_until(lambda: not counting(kiosk), 4000)  # a figure is judged at its value, not mid count-up
        found = audit_here(kiosk)
        total += len(found)
        if found:
            print(f"--- {tag} {state.name}: {summary(found)}")
            print(report(found))
    print(f"=== {tag}: {total} findings")
    return total


def run_docs(langs: list[str]) -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for old in DOCS.glob("*.png"):
        old.unlink()
    made: dict[tuple[str, str, str], str] = {}
    for lang in langs:
        for w, h in sizes(",".join(DOCS_SIZES)):
            with tour_kiosk(lang, (w, h)) as kiosk:
                wanted = list(DOCS_STATES) + (list(DOCS_STAFF) if lang == "zh" else [])
                for state in tour_states(kiosk, wanted):
                    name = f"{state.name}-{lang}-{w}x{h}.png"
                    save_small(grab(kiosk), DOCS / name, DOCS_WIDTH if w >= h else DOCS_WIDTH // 2)
                    made[(state.name, lang, f"{w}x{h}")] = name
                    print(DOCS / name)
    write_index(made)


def write_index(made: dict[tuple[str, str, str], str]) -> None:
    lines = [
        "# What each screen looks like",
        "",
        "Every screen and overlay of the kiosk at the three common screen sizes, in Chinese and English, as a",
        "content editor or installer sees them. Regenerate after changing content or layout (one command, under a",
        "real X server so text is drawn as on the exhibition PC):",
        "",
        "    xvfb-run -s \"-screen 0 3840x2160x24\" python tools/screenshot.py --docs",
        "",
        "The same tour checks the layout: `python tools/screenshot.py --audit --lang both` prints every text that",
        "does not fit its box, every overlap of two buttons, anything covered by a floating control and every",
        "target smaller than a fingertip (the rules are in `kiosk/layout/audit.py`; the test suite runs them too).",
        "",
    ]
    for size in DOCS_SIZES:
        lines += [f"## {size.replace('x', ' × ')}", "", "| screen | 中文 | English |", "| --- | --- | --- |"]
        for state in (*DOCS_STATES, *DOCS_STAFF):
            zh = made.get((state, "zh", size))
            en = made.get((state, "en", size))
            if zh is None and en is None:
                continue
            cells = [f"![{state}]({name})" if name else "—" for name in (zh, en)]
            lines.append(f"| {CAPTIONS.get(state, state)} | {cells[0]} | {cells[1]} |")
        lines.append("")
    (DOCS / "README.md").write_text("\n".join(lines), encoding="utf-8")
    print(DOCS / "README.md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="1920x1080", help="one or more WxH, comma-separated")
    parser.add_argument("--lang", default="zh", choices=("zh", "en", "both"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--states", nargs="*", default=None, help="tour places, e.g. home map-card staff-stats")
    parser.add_argument("--routes", nargs="*", default=None, help="plain routes instead, e.g. home section/party")
    parser.add_argument("--large-text", action="store_true", help="in large-text mode (a staff setting)")
    parser.add_argument("--audit", action="store_true", help="print the layout audit's findings, no pictures")
    parser.add_argument("--content", type=Path, default=None, help="tour this content folder, not the bundled one")
    parser.add_argument("--docs", action="store_true", help="regenerate docs/screens/ (PNGs and README.md)")
    args = parser.parse_args()
    langs = ["zh", "en"] if args.lang == "both" else [args.lang]
    if args.docs:
        run_docs(["zh", "en"])
        return 0
    total = 0
    for lang in langs:
        for w, h in sizes(args.size):
            with tour_kiosk(lang, (w, h), args.content.resolve() if args.content else None) as kiosk:
                if args.large_text:
                    relayout(kiosk, w, h, large_text=True)
                tag = f"{lang}-{w}x{h}" + ("-large" if args.large_text else "")
                if args.audit:
                    total += run_audit(kiosk, args.states, tag)
                elif args.routes:
                    args.out.mkdir(parents=True, exist_ok=True)
                    run_routes(kiosk, args.routes, args.out, tag)
                else:
                    args.out.mkdir(parents=True, exist_ok=True)
                    for state in tour_states(kiosk, args.states):
                        path = args.out / f"{state.name}-{tag}.png"
                        grab(kiosk).save(str(path))
                        print(path)
    return 1 if args.audit and total else 0


if __name__ == "__main__":
    sys.exit(main())
