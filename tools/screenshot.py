"""Save screenshots of every top-level screen: python tools/screenshot.py [--size 1080x1920] [--lang en] [--out DIR]

Runs the real app (offscreen unless a display is set) and grabs each screen after its transition and
count-up have finished, for reviewing layouts at kiosk sizes without a touchscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.app import build
from kiosk.navigation import Route


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--routes", nargs="*", default=None, help="e.g. home section/party")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    kiosk = build(size=(w, h), lang=args.lang)
    window = kiosk.window
    window.show()
    wait(600)
    args.out.mkdir(parents=True, exist_ok=True)
    routes = [Route(*r.split("/", 1)) for r in args.routes] if args.routes else kiosk.top_level_routes()
    for route in routes:
        if route.screen == "home":
            window.go_home()
        else:
            window.navigate(route)
        wait(1500)
        kiosk.images.wait_idle(5000)
        wait(300)
        name = f"{route.key.replace('/', '-')}-{args.lang}-{w}x{h}.png"
        window.grab().save(str(args.out / name))
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
