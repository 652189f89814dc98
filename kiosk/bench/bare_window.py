"""The floor every Qt Widgets app starts from on this machine: a bare window with one label, timed to its first
painted frame the same way the kiosk is (`bare_window_ms`), so the kiosk's start-up reads as a ratio measured in
the same run. Started as `python -m kiosk.bench.bare_window WxH`, or `kiosk --bare-window-probe WxH` from a
packaged kiosk (which has no `python -c`); either way it runs this fixed code and nothing it is handed."""

from __future__ import annotations

import sys
import time

MARKER = "startup-probe first-frame"


def run(size: tuple[int, int]) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("渌口 Lukou")
    label.resize(*size)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                label.removeEventFilter(self)
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            print(MARKER, f"{time.time():.6f}", flush=True)
            app.quit()

    first = FirstPaint()
    label.installEventFilter(first)
    label.show()
    return app.exec()


def main(argv: list[str]) -> int:
    import argparse

    from kiosk.cli_args import window_size

    try:
        size = window_size(argv[0]) if argv else (1920, 1080)
    except argparse.ArgumentTypeError as exc:
        print(f"kiosk --bare-window-probe: takes one window size WIDTHxHEIGHT: {exc}", file=sys.stderr)
        return 2
    return run(size)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
