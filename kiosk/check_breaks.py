"""`kiosk check --breaks`: every line break between two Chinese characters in a title, caption or label, on every
screen, at every size, so an editor can judge them.

Builds the kiosk on the content folder (offscreen unless a display is set) at 1920×1080, 1080×1920, 1366×768 and
3840×2160, in Chinese and English, in normal and large-text mode; tours every screen and overlay
(`kiosk.ui.layout_tour`) and prints each break once (`kiosk.layout.breaks.report`):

    …示范 / 带…  in “创建全国乡村治理示范带” (title; section-party; zh 1366x768 large, zh 1920x1080)

A break that splits a word is mended by listing the word in `words.toml`; a break between two words is fine
(listing the word before or after it says so). Leads (a paragraph of at most 60 characters, such as a section's
opening sentence) are judged as titles are; body paragraphs break between any two characters, as Chinese
typesetting allows, and `--body` lists their breaks too.
Exit status: 0 no break found, 1 some found (or the content cannot be shown: see `kiosk check`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from kiosk.layout.breaks import Sighting, report

SIZES = ((1920, 1080), (1080, 1920), (1366, 768), (3840, 2160))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk check --breaks [--content DIR]", description=__doc__.split("\n\n")[0])
    p.add_argument("--lang", choices=("zh", "en", "both"), default="both", help="the languages toured (default: both)")
    p.add_argument("--size", default=",".join(f"{w}x{h}" for w, h in SIZES), help="WxH, comma-separated")
    p.add_argument("--body", action="store_true", help="list the breaks in body paragraphs too")
    p.add_argument("--no-large", action="store_true", help="skip large-text mode")
    return p


def find_breaks(content: Path | None, langs: list[str], sizes: list[tuple[int, int]], large: bool = True,
                progress=None) -> list[Sighting]:
    """Every break seen on a tour of `content` in each language, size and (with `large`) large-text mode."""
    from kiosk.tour import touring
    from kiosk.ui import theme as t
    from kiosk.ui.break_probe import breaks_here
    from kiosk.ui.layout_tour import pump, relayout, settle, states

    t.TRANSITION_MS = 40  # screen changes are not what is looked at
    found: list[Sighting] = []
    for lang in langs:
        for w, h in sizes:
            with touring(content, (w, h), lang) as kiosk:
                for mode in ("normal", "large") if large else ("normal",):
                    if mode == "large":
                        relayout(kiosk, w, h, large_text=True)
                    layout = f"{lang} {w}x{h}" + (" large" if mode == "large" else "")
                    if progress is not None:
                        progress(layout)
                    for state in states(kiosk):
                        state.enter()
                        # as a visitor sees it: photos decoded and the layout settled around them (a scroll bar
                        # that comes or goes changes the width every paragraph is set for)
                        kiosk.images.wait_idle(5000)
                        pump(150)
                        found += [Sighting(b, state.name, where, layout) for where, b in breaks_here(kiosk.window)]
                        state.leave()
                    if kiosk.staff is not None:
                        kiosk.staff.controller.close()
                    settle()
    return found


def main(argv: list[str], content: Path | None) -> int:
    args = parser().parse_args(argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    langs = ["zh", "en"] if args.lang == "both" else [args.lang]
    sizes = [(int(w), int(h)) for w, h in (s.split("x") for s in args.size.split(","))]
    with tempfile.TemporaryDirectory(prefix="kiosk-breaks-") as home:
        # the shipped settings, not this PC's (large text, a default language): a fresh settings folder
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(Path(home) / var.lower())
        from kiosk.tour import Refused

        try:
            sightings = find_breaks(content, langs, sizes, not args.no_large,
                                    progress=lambda layout: print(f"… {layout}", file=sys.stderr))
        except Refused as exc:
            print(exc, file=sys.stderr)
            return 1
    lines = report(sightings, body=args.body)
    for line in lines:
        print(line)
    print(f"{len(lines)} line break(s) between two Chinese characters"
          + ("" if args.body else " in titles, leads, captions and labels")
          + (": list each word split in two in words.toml" if lines else ""))
    return 1 if lines else 0
