"""`kiosk bench` and `kiosk monkey` on the command line.

    kiosk bench [--json] [--size WxH] [--platform NAME] [--content DIR] [--quick] [--scale] [--runs N]
    kiosk monkey [--events N] [--seed S] [--size WxH] [--content DIR]

Both run the real app offscreen unless told otherwise: `kiosk bench --platform xcb` (or `wayland`, `windows`)
measures on the real display, the way `kiosk --selftest` does and a visitor sees it; QT_QPA_PLATFORM works too.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from kiosk.cli_args import window_size


def bench_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk bench",
        description="Measure start-up, response, frame rate, photos, map, CPU and memory against their budgets.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument(
        "--size", type=window_size, default=(1920, 1080), metavar="WxH", help="window size (default 1920x1080)"
    )
    parser.add_argument(
        "--platform", default=None, metavar="NAME",
        help="Qt platform: offscreen (the default), or the real display: xcb, wayland, windows, cocoa",
    )
    parser.add_argument("--content", type=Path, default=None, metavar="DIR", help="content folder (default: bundled)")
    parser.add_argument("--quick", action="store_true", help="short windows and few runs (a minute; for tests)")
    parser.add_argument(
        "--scale", action="store_true", help="also compare start-up and memory with 500 photos and 200 timeline events"
    )
    parser.add_argument(
        "--runs", type=int, default=None, metavar="N", help="start-up runs (median; default 7, quick 3)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure is over its budget")
    # For the scale check's child processes: measure only these figures.
    parser.add_argument("--only", default=None, help=argparse.SUPPRESS)
    return parser


def monkey_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk monkey",
        description="Random taps, swipes, pinches, long presses, language switches and idle pauses through Qt's "
        "real event system; counts exceptions and watches memory. Exit 1 on any exception.",
    )
    parser.add_argument("--events", type=int, default=2000, metavar="N", help="how many input events (default 2000)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed: same seed, same events")
    parser.add_argument(
        "--size", type=window_size, default=(1920, 1080), metavar="WxH", help="window size (default 1920x1080)"
    )
    parser.add_argument("--content", type=Path, default=None, metavar="DIR", help="content folder (default: bundled)")
    parser.add_argument(
        "--report-every", type=int, default=0, metavar="N", help="print progress and memory every N events"
    )
    parser.add_argument(
        "--warm-up", type=int, default=None, metavar="N",
        help="events before the memory baseline growth is measured from (default 1000, or a fifth of a short run)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    return parser


def choose_platform(platform: str | None, environ: dict[str, str] | os._Environ[str]) -> str:
    """Set the Qt platform in `environ` before Qt loads (the start-up probes and the scale check's children
    inherit it): the one asked for, else QT_QPA_PLATFORM as set, else offscreen. Returns it."""
    if platform:
        environ["QT_QPA_PLATFORM"] = platform
    return environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(command: str, argv: list[str]) -> int:
    args = (bench_parser() if command == "bench" else monkey_parser()).parse_args(argv)
    choose_platform(getattr(args, "platform", None), os.environ)
    from kiosk import preflight

    reason = preflight.problem()
    if reason:
        print(f"kiosk: {reason}", file=sys.stderr)
        return 3
    if command == "bench":
        from kiosk.bench.runner import run_bench

        code = run_bench(args)
    else:
        from kiosk.bench.monkey import run_monkey

        code = run_monkey(args)
    # Leave without tearing Qt's objects down one by one: PySide6 can crash while finalising them at
    # interpreter exit, which would turn a clean run into a failed one. Everything is printed; the OS frees the rest.
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)
