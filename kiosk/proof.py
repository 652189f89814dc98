"""`kiosk proof --out FILE.pdf [--lang zh|en|both] [--size WxH] [--content DIR]`: every screen a visitor can
reach, rendered by the real app offscreen into one PDF that the department owning the text can read and sign.

What goes in, for each language, in the order a visitor meets it: home; the foreword; each section page by page
as it scrolls (one page per viewport height); the timeline, then every event's card; the map, then every
feature's card; the gallery page by page; every photo in the viewer with its caption and credit; the slides of
one round of the slideshow (with the default settings, in the exhibition's order). Each page has a header: the
screen, the language, the content's fingerprint (the same short hash the staff panel and the metrics show) and
the date. The first page is a cover with the `kiosk check` verdict and room for the sign-off.

`kiosk check` without errors is the precondition: with errors the PDF holds the cover listing them, and nothing
else (exit 1); warnings are listed on the cover and the screens follow (exit 1, as `kiosk check` says). Progress
goes to the terminal, one line per page.

`plan` (which pages, in which order) is plain Python; the rest drives the real window like `kiosk --smoke`.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import paths
from kiosk.cli_args import window_size
from kiosk.navigation import Route

if TYPE_CHECKING:
    from kiosk.content import Exhibition

log = logging.getLogger(__name__)

LANGS = {"zh": ("zh",), "en": ("en",), "both": ("zh", "en")}
PDF_DPI = 150  # page coordinates; screens are embedded at the size they take on the page (~1650 px wide)
SCROLLING = ("home", "intro", "section", "gallery")  # screens shown page by page as they scroll


@dataclass(frozen=True)
class Page:
    """One page of the proof after the cover."""

    lang: str
    route: Route  # the screen shown (for cards: the timeline or the map; for photos: the viewer)
    kind: str  # "screen" (a scroll page), "event", "feature", "photo", "slide"
    item: str | None = None  # the event, feature, photo or slide shown
    page: int = 1  # for scroll pages: which viewport height, from 1
    pages: int = 1

    def label(self) -> str:
        """The page's place, e.g. `section/party · page 2/5`, `timeline · event dusty-roads`."""
        if self.kind == "screen":
            return self.route.key + (f" · page {self.page}/{self.pages}" if self.pages > 1 else "")
        return f"{self.route.key} · {self.kind} {self.item}" + (
            f" ({self.page}/{self.pages})" if self.kind == "slide" else "")


def scroll_routes(exhibition: Exhibition) -> list[Route]:
    routes = [Route("home"), Route("intro")]
    routes += [Route("section", s.id) for s in exhibition.sections]
    if exhibition.all_photos():
        routes.append(Route("gallery"))
    return routes


def plan(exhibition: Exhibition, langs: Sequence[str], scroll_pages: dict[tuple[str, str], int],
         slides: Sequence[str]) -> list[Page]:
    """Every page, in a visitor's order. `scroll_pages[(lang, route key)]` is how many viewport heights each
    scrolling screen takes (measured on the real window); `slides` are the slideshow's slide keys."""
    pages: list[Page] = []

    def scrolled(lang: str, route: Route) -> None:
        count = max(1, scroll_pages.get((lang, route.key), 1))
        pages.extend(Page(lang, route, "screen", page=n, pages=count) for n in range(1, count + 1))

    for lang in langs:
        scrolled(lang, Route("home"))
        scrolled(lang, Route("intro"))
        for section in exhibition.sections:
            scrolled(lang, Route("section", section.id))
        if exhibition.timeline is not None:
            pages.append(Page(lang, Route("timeline"), "screen"))
            pages += [Page(lang, Route("timeline"), "event", e.id) for e in exhibition.timeline.events]
        if exhibition.map is not None:
            pages.append(Page(lang, Route("map"), "screen"))
            pages += [Page(lang, Route("map"), "feature", f.id) for f in exhibition.map.features]
        photos = exhibition.all_photos()
        if photos:
            scrolled(lang, Route("gallery"))
            pages += [Page(lang, Route("photo", p.id), "photo", p.id) for p in photos]
        pages += [Page(lang, Route("attract"), "slide", key, page=n, pages=len(slides))
                  for n, key in enumerate(slides, 1)]
    return pages


def pages_for(scroll_max: int, viewport: int) -> int:
    """Viewport-height steps needed to see a scroll range: 1 + ceil(maximum / viewport)."""
    if scroll_max <= 0 or viewport <= 0:
        return 1
    return 1 + math.ceil(scroll_max / viewport)


# --- the command ---------------------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kiosk proof",
        description="Render every screen a visitor can reach into one PDF for sign-off (runs offscreen).",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--lang", choices=tuple(LANGS), default="both", help="language(s) of the screens (default: both)")
    p.add_argument("--size", type=window_size, default=(1920, 1080), metavar="WxH",
                   help="screen size to lay out for (default 1920x1080; 1080x1920 for a portrait stand)")
    p.add_argument("--content", type=Path, default=None, metavar="DIR",
                   help="content folder (default: as the kiosk finds it)")
    return p


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(list(argv))
    out = args.out if args.out.suffix.lower() == ".pdf" else args.out.with_suffix(".pdf")
    for path in dict.fromkeys((args.out, out)):
        if path.is_dir():  # said now, not after every page has been rendered
            print(f"kiosk proof: {path} is a folder; give a file name, e.g. {path / 'proof.pdf'}", file=sys.stderr)
            return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from kiosk import preflight

    reason = preflight.problem()
    if reason:
        print(f"kiosk proof: {reason}", file=sys.stderr)
        return 3
    from kiosk.check import check_folder

    folder = paths.content_source(args.content)[0]
    report = check_folder(folder)
    print(report.summary())
    started = time.monotonic()
    from kiosk.proof_render import render_proof

    # Written beside the target and renamed when complete: a proof that fails half-way leaves no half PDF.
    part = out.with_name(f".{out.name}.part")
    # Ctrl-C is noted and acted on between pages: raised inside a Qt callback (an event filter, a paint event) it
    # would be printed and swallowed by Qt. A second Ctrl-C stops at once.
    interrupted: list[int] = []

    def on_interrupt(signum: int, frame: object) -> None:
        interrupted.append(signum)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def progress(done: int, total: int, what: str) -> None:
        if interrupted:
            raise KeyboardInterrupt
        _progress(done, total, what)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        count = render_proof(part, report, LANGS[args.lang], args.size, progress=progress)
        if interrupted:
            raise KeyboardInterrupt
        os.replace(part, out)
    except KeyboardInterrupt:  # Ctrl-C: no half PDF either
        with contextlib.suppress(OSError):
            part.unlink()
        print("\nkiosk proof: interrupted; no PDF was written", file=sys.stderr)
        return 130
    except Exception as exc:  # one line, no traceback; the log has the details
        log.exception("kiosk proof failed")
        with contextlib.suppress(OSError):
            part.unlink()
        print(f"kiosk proof: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGINT, previous)
    size = out.stat().st_size
    print(f"proof: {out}  {count} pages, {size / 1e6:.1f} MB, {time.monotonic() - started:.0f} s")
    if not report.ok:
        print("kiosk proof: the content has errors: they are listed on the first page; fix them and run "
              "`kiosk check`", file=sys.stderr)
        return 1
    return 1 if report.problems else 0


def _progress(done: int, total: int, what: str) -> None:
    print(f"[{done}/{total}] {what}", flush=True)


def today() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")
