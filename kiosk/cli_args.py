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
