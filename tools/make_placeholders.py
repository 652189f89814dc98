#!/usr/bin/env python3
"""Draw a calm stand-in illustration for every photo of the exhibition that is still marked `placeholder = true`.

Everything comes from the content (loaded with kiosk.content.loader): the file name of each photo, its caption
and the accent colour of its section (photos of no section take the exhibition's gold). Each image is an
abstract landscape of the kind Lukou has, a small district seat where the Lu joins the Xiang: hills, a river,
low buildings, fields, a bridge. The English caption picks the motif in the middle ground (turbines for wind
power, sheds and a crane for the industrial park, houses and fields for a village, a plain civic building for a
ceremony or a centre, a low town by a bridge otherwise); the file name seeds the shapes, so every image differs and a
re-run is identical.

No text is drawn on the images: the kiosk itself labels a placeholder under its caption ("示意图，非实拍").
A real photo is never overwritten: a photo marked `placeholder = false` is skipped, and so is any existing
file that does not carry this tool's JPEG comment (MARKER), whatever the content says.

    python tools/make_placeholders.py                      # the shipped content, 6000x4000 JPEGs
    python tools/make_placeholders.py --only wind-power.jpg
    python tools/make_placeholders.py --content DIR --out DIR --size 600x400
"""

from __future__ import annotations

import argparse
import colorsys
import hashlib
import io
import math
import os
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content.loader import ContentError, load_exhibition  # noqa: E402 - after sys.path is set above
from kiosk.content.schema import Exhibition  # noqa: E402 - after sys.path is set above
from kiosk.ui.theme import ACCENT_DEFAULT  # noqa: E402 - after sys.path is set above

CONTENT = ROOT / "assets" / "content"
SIZE = (6000, 4000)  # a 24-megapixel camera's frame: the size real photos will have
QUALITY = 85
MARKER = b"lukou-kiosk generated placeholder photo"  # JPEG comment: "this file is ours, safe to rewrite"

Point = tuple[float, float]
RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Job:
    """One photo to draw: where it goes, what it stands for, and in which colour."""

    file: str
    caption_en: str
    accent: str
    placeholder: bool


def jobs(exhibition: Exhibition) -> list[Job]:
    """Every photo of the content with the accent colour of its section."""
    found = [Job(p.file, p.caption.en, ACCENT_DEFAULT, p.placeholder) for p in exhibition.photos]
    for section in exhibition.sections:
        found += [Job(p.file, p.caption.en, section.accent, p.placeholder) for p in section.photos]
    return found


def motif(caption_en: str) -> str:
    """What stands in the middle ground, from a word of the English caption."""
    words = caption_en.lower()
    motifs = (
        ("turbines", ("wind",)),
        ("industry", ("industrial",)),
        ("village", ("village",)),
        ("hall", ("ceremony", "centre")),
    )
    for name, keys in motifs:
        if any(k in words for k in keys):
            return name
    return "town"


class Palette:
    """Tones of one hue (the accent's), calm and a little desaturated; `tone(0)` is the sky, `tone(1)` the shadows."""

    def __init__(self, accent: str):
        r, g, b = (int(accent.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
        self.hue, _, self.sat = colorsys.rgb_to_hls(r, g, b)

    def tone(self, depth: float, sat: float = 1.0) -> RGB:
        light = 0.82 - 0.62 * depth
        s = min(1.0, self.sat * (0.30 + 0.35 * depth) * sat)
        r, g, b = colorsys.hls_to_rgb(self.hue, light, s)
        return round(r * 255), round(g * 255), round(b * 255)


class Canvas:
    """Shapes in frame units (x and y from 0 to 1) on an image of any size."""

    def __init__(self, size: tuple[int, int], rng: random.Random, palette: Palette):
        self.w, self.h = size
        self.rng, self.pal = rng, palette
        self.img = Image.new("RGB", size)
        self.draw = ImageDraw.Draw(self.img)

    def _px(self, pts: Sequence[Point]) -> list[Point]:
        return [(x * self.w, y * self.h) for x, y in pts]

    def poly(self, pts: Sequence[Point], colour: RGB) -> None:
        self.draw.polygon(self._px(pts), fill=colour)

    def rect(self, x0: float, y0: float, x1: float, y1: float, colour: RGB) -> None:
        self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], colour)

    def disc(self, cx: float, cy: float, r: float, colour: RGB) -> None:
        r *= self.h  # round on screen: the radius is in heights
        self.draw.ellipse([cx * self.w - r, cy * self.h - r, cx * self.w + r, cy * self.h + r], fill=colour)

    def line(self, pts: Sequence[Point], colour: RGB, width: float) -> None:
        self.draw.line(self._px(pts), fill=colour, width=max(1, round(width * self.h)))

    def sky(self, top: RGB, horizon: RGB, at: float) -> None:
        column = Image.new("RGB", (1, self.h))
        column.putdata([mix(top, horizon, min(1.0, y / (at * self.h)) ** 1.5) for y in range(self.h)])
        self.img.paste(column.resize((self.w, self.h)))

    def ridge(self, base: float, amp: float, colour: RGB, waves: int = 3) -> list[float]:
        """A soft line of hills filled to the bottom; returns its height at 201 points across the frame."""
        phases = [self.rng.uniform(0, 2 * math.pi) for _ in range(waves)]
        ys = [
            base
            - amp * sum(math.sin(2 * math.pi * (k + 1) * i / 200 * 0.8 + ph) / (k + 1) for k, ph in enumerate(phases))
            for i in range(201)
        ]
        self.poly([(i / 200, y) for i, y in enumerate(ys)] + [(1, 1), (0, 1)], colour)
        return ys


def mix(a: RGB, b: RGB, t: float) -> RGB:
    r, g, b = (round(a[i] + (b[i] - a[i]) * t) for i in range(3))
    return r, g, b


def at(ys: list[float], x: float) -> float:
    return ys[max(0, min(200, round(x * 200)))]


def building(c: Canvas, x: float, ground: float, w: float, h: float, depth: float, pitched: bool) -> None:
    """A plain block (or a house, `pitched`) with its shaded side; `depth` is its tone."""
    front, side = c.pal.tone(depth), c.pal.tone(depth + 0.1)
    c.rect(x, ground - h, x + w, ground, front)
    c.rect(x + w, ground - h, x + w * 1.15, ground, side)
    if pitched:
        c.poly([(x - w * 0.05, ground - h), (x + w * 0.55, ground - h - w * 0.35), (x + w * 1.2, ground - h)], side)


def turbine(c: Canvas, x: float, ground: float, h: float, colour: RGB) -> None:
    top = ground - h
    c.poly([(x - 0.0022, ground), (x + 0.0022, ground), (x + 0.0009, top), (x - 0.0009, top)], colour)
    angle = c.rng.uniform(0, 2 * math.pi / 3)
    blade, aspect = h * 0.55, c.h / c.w
    for k in range(3):
        a = angle + k * 2 * math.pi / 3
        tip = (x + math.cos(a) * blade * aspect, top + math.sin(a) * blade)
        side = (math.cos(a + math.pi / 2) * 0.006 * aspect, math.sin(a + math.pi / 2) * 0.006)
        c.poly([(x + side[0], top + side[1]), tip, (x - side[0], top - side[1])], colour)
    c.disc(x, top, 0.006, colour)


def tree(c: Canvas, x: float, ground: float, r: float, colour: RGB) -> None:
    c.rect(x - r * 0.08, ground - r, x + r * 0.08, ground, colour)
    c.disc(x, ground - r * 1.5, r * 1.0, colour)


def middle_ground(c: Canvas, kind: str, ground: float) -> None:
    """The motif, standing on the far bank of the river at height `ground`."""
    rng, tone = c.rng, c.pal.tone
    if kind == "turbines":
        hills = c.ridge(ground - 0.06, 0.05, tone(0.45), waves=2)
        for x in sorted(rng.uniform(0.05, 0.95) for _ in range(7)):
            turbine(c, x, at(hills, x) + 0.01, rng.uniform(0.16, 0.30), tone(0.62))
        return
    if kind == "industry":
        x = rng.uniform(0.08, 0.2)
        crane = rng.uniform(0.55, 0.8)
        c.line([(crane, ground), (crane, ground - 0.32)], tone(0.7), 0.004)
        c.line([(crane - 0.06, ground - 0.31), (crane + 0.2, ground - 0.31)], tone(0.7), 0.004)
        c.line([(crane + 0.15, ground - 0.31), (crane + 0.15, ground - 0.2)], tone(0.7), 0.0015)
        while x < 0.92:  # long low sheds with sawtooth roofs
            w, h = rng.uniform(0.12, 0.22), rng.uniform(0.06, 0.1)
            c.rect(x, ground - h, x + w, ground, tone(0.55))
            teeth = max(3, round(w / 0.03))
            for k in range(teeth):
                x0 = x + w * k / teeth
                x1 = x0 + w / teeth
                c.poly([(x0, ground - h), (x1, ground - h - 0.025), (x1, ground - h)], tone(0.66))
            x += w + rng.uniform(0.03, 0.07)
        return
    if kind == "village":
        for _ in range(7):
            x, w = rng.uniform(0.03, 0.9), rng.uniform(0.05, 0.08)
            building(c, x, ground, w, w * rng.uniform(0.6, 0.8), rng.uniform(0.4, 0.55), pitched=True)
        for _ in range(12):
            tree(c, rng.uniform(0, 1), ground, rng.uniform(0.012, 0.022), tone(0.58))
        return
    if kind == "hall":  # a plain three-storey civic building on a forecourt, among trees
        left, w, h = rng.uniform(0.28, 0.4), 0.34, 0.1
        c.rect(left - 0.03, ground - 0.008, left + w + 0.03, ground, tone(0.3))
        c.rect(left, ground - h, left + w, ground - 0.008, tone(0.45))
        for k in range(3):  # window bands, one per storey
            y = ground - h + 0.018 + k * 0.027
            c.rect(left + 0.012, y, left + w - 0.012, y + 0.01, tone(0.62))
        mid = left + w / 2
        c.rect(mid - 0.035, ground - h - 0.02, mid + 0.035, ground - 0.008, tone(0.52))
        c.rect(mid - 0.012, ground - 0.035, mid + 0.012, ground - 0.008, tone(0.7))
        trees = [rng.uniform(0.02, left - 0.05) for _ in range(4)]
        trees += [rng.uniform(left + w + 0.05, 0.98) for _ in range(4)]
        for x in trees:
            tree(c, x, ground, rng.uniform(0.015, 0.028), tone(0.6))
        return
    x = rng.uniform(-0.02, 0.04)
    while x < 1.0:  # a low town: three to six storeys at most, a few pitched roofs among flat ones
        w = rng.uniform(0.035, 0.075)
        h = rng.uniform(0.05, 0.13)
        building(c, x, ground, w, h, rng.uniform(0.42, 0.58), pitched=rng.random() < 0.3)
        x += w * 1.18 + rng.uniform(0.0, 0.02)


def bridge(c: Canvas, top: float, water: RGB) -> None:
    """A long arched bridge over the river, seen from downstream: a deck on low arches and a thin railing."""
    deck, foot, colour = top + 0.035, top + 0.075, c.pal.tone(0.62)
    c.rect(0, deck - 0.012, 1, foot, colour)
    c.line([(0, deck - 0.022), (1, deck - 0.022)], colour, 0.002)
    spans = 8
    for k in range(spans):
        x0, x1 = k / spans + 0.012, (k + 1) / spans - 0.012
        c.draw.chord([x0 * c.w, (deck + 0.006) * c.h, x1 * c.w, (2 * foot - deck - 0.006) * c.h], 180, 360, fill=water)


def render(job: Job, size: tuple[int, int]) -> Image.Image:
    """The illustration for one photo; drawn at `size`, softened through half size for smooth edges."""
    rng = random.Random(hashlib.sha256(job.file.encode()).digest())
    c = Canvas(size, rng, Palette(job.accent))
    tone, kind = c.pal.tone, motif(job.caption_en)
    horizon = rng.uniform(0.5, 0.56)
    c.sky(tone(0.4, sat=0.7), tone(0.02, sat=0.6), horizon)
    c.disc(rng.uniform(0.6, 0.85), rng.uniform(0.16, 0.28), rng.uniform(0.045, 0.065), tone(-0.06, sat=1.2))
    c.ridge(horizon - 0.08, 0.05, tone(0.18))
    c.ridge(horizon - 0.02, 0.035, tone(0.27))
    river_top = horizon + 0.12
    middle_ground(c, kind, river_top)
    river_bottom = river_top + rng.uniform(0.11, 0.14)
    water = tone(0.08)
    c.rect(0, river_top, 1, 1, water)  # the near bank covers its lower part
    for _ in range(14):  # light on the water
        x, y = rng.uniform(0.02, 0.9), rng.uniform(river_top + 0.015, river_bottom - 0.015)
        c.line([(x, y), (x + rng.uniform(0.03, 0.09), y)], tone(0.0, sat=0.3), 0.002)
    if kind == "town":
        bridge(c, river_top, water)
    bank = c.ridge(river_bottom + 0.03, 0.02, tone(0.5), waves=2)
    for k in range(1, 4):  # fields on the near bank, in bands
        c.ridge(river_bottom + 0.05 + k * 0.08, 0.015, tone(0.5 + k * 0.08), waves=2)
    for _ in range(rng.randint(3, 6)):
        x = rng.uniform(0, 1)
        tree(c, x, at(bank, x) + 0.01, rng.uniform(0.02, 0.035), tone(0.78))
    half = (max(1, size[0] // 2), max(1, size[1] // 2))
    return c.img.resize(half, Image.Resampling.LANCZOS).resize(size, Image.Resampling.LANCZOS)


def is_ours(path: Path) -> bool:
    """True if `path` is a placeholder this tool wrote (and so may be rewritten)."""
    try:
        with Image.open(path) as im:
            return im.format == "JPEG" and im.info.get("comment") == MARKER
    except (OSError, ValueError):
        return False


def encode(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=QUALITY, optimize=True, subsampling="4:2:0", comment=MARKER)
    return buf.getvalue()


def write(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename: never half a file, and a symbolic link is replaced, not followed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def size_arg(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    if not (w.isdigit() and h.isdigit() and int(w) >= 2 and int(h) >= 2):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 6000x4000, not {text!r}")
    return int(w), int(h)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT, help="content folder (default: the shipped one)")
    parser.add_argument("--out", type=Path, help="where to write (default: the content folder's photos/)")
    parser.add_argument("--size", type=size_arg, default=SIZE, help="WIDTHxHEIGHT (default: 6000x4000)")
    parser.add_argument("--only", nargs="*", help="file names to draw (default: all)")
    args = parser.parse_args(argv)
    try:
        exhibition, _warnings = load_exhibition(args.content)  # a missing photo file is only a warning
    except ContentError as exc:
        print(f"cannot read the content: {exc}", file=sys.stderr)
        return 1
    out = args.out or args.content / "photos"
    out.mkdir(parents=True, exist_ok=True)
    for job in jobs(exhibition):
        if args.only and job.file not in args.only:
            continue
        path = out / job.file
        if not job.placeholder:
            print(f"{job.file:32} kept: marked as a real photo (placeholder = false)")
            continue
        if path.exists() and not is_ours(path):
            print(f"{job.file:32} kept: a real photo, not one of ours (set placeholder = false for it)")
            continue
        data = encode(render(job, args.size))
        unchanged = path.exists() and not path.is_symlink() and path.read_bytes() == data
        if not unchanged:
            write(path, data)
        outcome = "unchanged" if unchanged else "written"
        print(f"{job.file:32} {motif(job.caption_en):9} {len(data):>10,} bytes  {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
