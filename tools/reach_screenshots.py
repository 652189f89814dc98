"""Screenshots of every top-level screen, in accessible mode with the reach band drawn over them:
    python tools/reach_screenshots.py --reach --draw-band [--size 1080x1920] [--lang en] [--out DIR]

Runs the real app (offscreen unless a display is set) and grabs each screen after its transition and
count-up have finished, for reviewing layouts at kiosk sizes without a touchscreen.

`--reach` takes them in accessible mode, for a screen of `--diagonal` inches (55) mounted with its bottom edge
`--bottom-cm` (90) above the floor; `--draw-band` outlines the computed reach band (0.4–1.2 m) over each.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from screenshot import counting  # tools/screenshot.py: a headline figure still counting up

from kiosk.app import build
from kiosk.navigation import Route
from kiosk.staff.settings import Settings
from kiosk.ui.layout_tour import wait_until


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def draw_band(shot: QPixmap, band) -> None:
    """Outline the reach band in magenta, with its heights above the floor."""
    ratio = shot.devicePixelRatio() or 1.0
    k = max(1.0, min(band.width, band.screen_height) / 1080)  # the outline and its label grow with the screen
    p = QPainter(shot)
    pen = QPen(QColor(255, 0, 200), max(2, round(3 * k / ratio)), Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.drawRect(QRect(1, band.top + 1, band.width - 3, band.height - 3))
    font = QFont()
    font.setPixelSize(round(22 * k))
    font.setBold(True)
    p.setFont(font)
    label = f"reach band {band.low_mm / 1000:.2f}–{band.high_mm / 1000:.2f} m · rows {band.top}–{band.bottom}"
    box = QRect(round(12 * k), max(0, band.top - round(34 * k)), round(640 * k), round(30 * k))
    p.fillRect(box, QColor(255, 0, 200))
    p.setPen(QColor(0, 0, 0))
    p.drawText(box.adjusted(round(10 * k), 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter), label)
    p.end()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--routes", nargs="*", default=None, help="e.g. home section/party")
    parser.add_argument("--reach", action="store_true", help="accessible mode")
    parser.add_argument("--draw-band", action="store_true", help="outline the reach band")
    parser.add_argument("--diagonal", type=int, default=55)
    parser.add_argument("--bottom-cm", type=int, default=90)
    parser.add_argument("--high-contrast", action="store_true")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    settings = Settings({"screen_diagonal_in": args.diagonal, "screen_bottom_cm": args.bottom_cm,
                         "high_contrast": args.high_contrast})
    kiosk = build(size=(w, h), lang=args.lang, settings=settings)
    window = kiosk.window
    window.show()
    wait(600)
    suffix = ""
    if args.reach and kiosk.reach is not None:
        kiosk.reach.set_active(True)
        suffix = "-reach"
        wait(300)
    args.out.mkdir(parents=True, exist_ok=True)
    routes = [Route(*r.split("/", 1)) for r in args.routes] if args.routes else kiosk.top_level_routes()
    for route in routes:
        if route.screen == "home":
            window.go_home()
        else:
            window.navigate(route)
        wait(1500)
        wait_until(lambda: not counting(kiosk), 4000)  # a figure caught mid count-up would show a false number
        kiosk.images.wait_idle(5000)
        wait(300)
        name = f"{route.key.replace('/', '-')}-{args.lang}-{w}x{h}{suffix}.png"
        shot = window.grab()
        if args.draw_band and kiosk.reach is not None:
            draw_band(shot, kiosk.reach.band())
        shot.save(str(args.out / name))
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
