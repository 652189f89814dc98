"""Argument types shared by every `kiosk …` command line (the kiosk itself, `bench`, `monkey`). Qt-free."""

from __future__ import annotations

import argparse


def window_size(text: str) -> tuple[int, int]:
    """`WIDTHxHEIGHT` as a pair of pixels, e.g. `1080x1920` for a portrait stand."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected WIDTHxHEIGHT, e.g. 1080x1920") from None
    if w < 320 or h < 320:
        raise argparse.ArgumentTypeError("window is too small")
    if w > 16384 or h > 16384:
        raise argparse.ArgumentTypeError("window is larger than any screen (16384 px at most)")
    return (w, h)


def add_watch_arguments(parser: argparse.ArgumentParser) -> None:
    """`--watch` / `--no-watch`: whether the kiosk shows changes to its content folder as they are saved."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--watch", dest="watch", action="store_true", default=None,
        help="live preview: check each saved change to the content folder within 2 s and show it, or (in a window) "
             "its problems over the window; on by default with --windowed --content DIR, and in exhibition mode",
    )
    group.add_argument(
        "--no-watch", dest="watch", action="store_false",
        help="do not watch the content folder (changes are shown after staff's Reload content or a restart)",
    )


def watch_wanted(watch: bool | None, windowed: bool, content_given: bool) -> bool:
    """Watching is on unless `--no-watch`: always in exhibition mode (a synced folder's changes arrive by
    themselves), and in a window when a content folder was named (an editor's preview); a plain windowed run of
    the bundled exhibition (development) only with `--watch`."""
    if watch is not None:
        return watch
    return not windowed or content_given
