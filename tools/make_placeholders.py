#!/usr/bin/env python3
"""Generate the kiosk's placeholder photos into assets/content/photos/.

Until the real exhibition photos arrive, every photo the content names is a calm, flat illustration at
camera resolution (6000x4000, sRGB baseline JPEG, no EXIF) with a translucent band that says plainly that
it is a placeholder, what it stands for, and which file to replace.

    python tools/make_placeholders.py                  # write missing/outdated placeholders
    python tools/make_placeholders.py --preview /tmp/previews   # also save 1200x800 PNG previews
    python tools/make_placeholders.py --force          # overwrite even files that are real photos

Output is deterministic (fixed seeds), so re-running rewrites nothing that is already current. A file that
is not one of these placeholders (it lacks the JPEG comment MARKER) is a real photo dropped in by staff and
is left alone unless --force is given.

Scenes are drawn at DESIGN size x SUPERSAMPLE, reduced to DESIGN size (smooth edges) and enlarged to FULL
size with LANCZOS; the text is drawn at full size so it stays crisp.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
PHOTOS_DIR = ROOT / "assets" / "content" / "photos"
FONTS_DIR = ROOT / "assets" / "fonts"
SYSTEM_FONTS_DIR = Path("/usr/share/fonts/opentype/noto")

FULL = (6000, 4000)
DESIGN = (1500, 1000)  # the coordinate space the scenes are written in
K = 2  # supersampling: pixels per design unit while drawing
MAX_BYTES = 1_500_000
QUALITIES = (90, 88, 86, 84, 82, 80, 78, 76, 74, 72, 70, 65, 60)
MARKER = b"lukou-kiosk generated placeholder photo"
BAND_CENTRE = 0.70  # vertical centre of the placeholder band, as a fraction of the height

Color = str | tuple[int, ...]
Point = tuple[float, float]


# --------------------------------------------------------------------------------------------- colours


def rgb(c: Color) -> tuple[int, int, int]:
    if isinstance(c, str):
        h = c.lstrip("#")
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    return c[0], c[1], c[2]


def rgba(c: Color, a: int = 255) -> tuple[int, int, int, int]:
    return (*rgb(c), max(0, min(255, int(a))))


def mix(c1: Color, c2: Color, t: float) -> tuple[int, int, int]:
    a, b = rgb(c1), rgb(c2)
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def ramp(stops: Sequence[tuple[float, Color]], t: float) -> tuple[int, int, int]:
    t = max(0.0, min(1.0, t))
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if t <= t1:
            u = 0.0 if t1 == t0 else (t - t0) / (t1 - t0)
            u = u * u * (3 - 2 * u)  # smoothstep: no visible kinks between stops
            return mix(c0, c1, u)
    return rgb(stops[-1][1])


def vgradient(size: tuple[int, int], stops: Sequence[tuple[float, Color]], y0: float, y1: float) -> Image.Image:
    """An RGB image whose colour runs through `stops` from pixel row y0 to y1 (clamped outside)."""
    w, h = size
    column = Image.new("RGB", (1, h))
    span = max(1.0, y1 - y0)
    column.putdata([ramp(stops, (y - y0) / span) for y in range(h)])
    return column.resize((w, h), Image.Resampling.NEAREST)


@lru_cache(maxsize=1)
def _falloff() -> Image.Image:
    """256x256 soft round light: 255 in the middle, fading smoothly to 0 at the rim."""
    n = 256
    data = []
    for y in range(n):
        for x in range(n):
            d = math.hypot(x - 127.5, y - 127.5) / 128
            v = max(0.0, 1 - d)
            data.append(round(255 * v * v * (3 - 2 * v) * v))
    im = Image.new("L", (n, n))
    im.putdata(data)
    return im


# --------------------------------------------------------------------------------------------- drawing


class Pen:
    """ImageDraw in design units (scaled by K)."""

    def __init__(self, im: Image.Image):
        self.im = im
        self.d = ImageDraw.Draw(im)

    @staticmethod
    def _pts(pts: Sequence[Point]) -> list[Point]:
        return [(x * K, y * K) for x, y in pts]

    def poly(self, pts: Sequence[Point], fill: Color, a: int = 255) -> None:
        self.d.polygon(self._pts(pts), fill=rgba(fill, a))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Color, a: int = 255, r: float = 0) -> None:
        box = [x0 * K, y0 * K, x1 * K, y1 * K]
        if r:
            self.d.rounded_rectangle(box, radius=r * K, fill=rgba(fill, a))
        else:
            self.d.rectangle(box, fill=rgba(fill, a))

    def ellipse(self, cx: float, cy: float, rx: float, ry: float | None, fill: Color, a: int = 255) -> None:
        ry = rx if ry is None else ry
        self.d.ellipse([(cx - rx) * K, (cy - ry) * K, (cx + rx) * K, (cy + ry) * K], fill=rgba(fill, a))

    def line(self, pts: Sequence[Point], fill: Color, w: float, a: int = 255) -> None:
        self.d.line(self._pts(pts), fill=rgba(fill, a), width=max(1, round(w * K)), joint="curve")

    def star(self, cx: float, cy: float, r: float, fill: Color, a: int = 255, rot: float = 0) -> None:
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.382
            ang = math.radians(-90 + rot + i * 36)
            pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
        self.poly(pts, fill, a)


class Scene:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.size = (DESIGN[0] * K, DESIGN[1] * K)
        self.im = Image.new("RGBA", self.size, (128, 128, 128, 255))
        self.pen = Pen(self.im)

    @contextmanager
    def layer(self, blur: float = 0, opacity: float = 1.0) -> Iterator[Pen]:
        """A transparent layer composited on exit: for translucent shapes, glows, soft edges."""
        lay = Image.new("RGBA", self.size, (0, 0, 0, 0))
        yield Pen(lay)
        if blur:  # premultiplied, so edges fade to their own colour rather than to black
            lay = lay.convert("RGBa").filter(ImageFilter.GaussianBlur(blur * K)).convert("RGBA")
        if opacity < 1:
            alpha = lay.getchannel("A").point(lambda v: round(v * opacity))
            lay.putalpha(alpha)
        self.im.alpha_composite(lay)

    def gradient(self, stops: Sequence[tuple[float, Color]], y0: float = 0, y1: float = DESIGN[1]) -> None:
        self.im.paste(vgradient(self.size, stops, y0 * K, y1 * K))

    def fill_gradient(self, pts: Sequence[Point], stops: Sequence[tuple[float, Color]], y0: float, y1: float) -> None:
        mask = Image.new("L", self.size, 0)
        ImageDraw.Draw(mask).polygon(Pen._pts(pts), fill=255)
        self.im.paste(vgradient(self.size, stops, y0 * K, y1 * K), mask=mask)

    def glow(self, cx: float, cy: float, r: float, color: Color, a: int = 255, squash: float = 1.0) -> None:
        w, h = max(2, round(2 * r * K)), max(2, round(2 * r * squash * K))
        spot = _falloff().resize((w, h), Image.Resampling.BILINEAR)
        if a < 255:
            spot = spot.point(lambda v: v * a // 255)
        mask = Image.new("L", self.size, 0)
        mask.paste(spot, (round(cx * K - w / 2), round(cy * K - h / 2)))
        lay = Image.new("RGBA", self.size, rgba(color, 0))
        lay.putalpha(mask)
        self.im.alpha_composite(lay)

    def result(self) -> Image.Image:
        return self.im.convert("RGB").resize(DESIGN, Image.Resampling.LANCZOS)


class Ridge:
    """A hill line: a few seeded sine waves around `base`."""

    def __init__(self, rng: random.Random, base: float, amp: float, waves: int = 3, scale: float = 1.0):
        self.base = base
        self.parts = []
        for i in range(waves):
            freq = scale * (1.2 + i * 1.9 + rng.uniform(0, 0.8))
            self.parts.append((freq, rng.uniform(0, math.tau), amp / (1 + i * 1.6)))

    def __call__(self, x: float) -> float:
        return self.base + sum(a * math.sin(math.tau * f * x / DESIGN[0] + p) for f, p, a in self.parts)

    def polygon(self, bottom: float = DESIGN[1] + 5, step: float = 6) -> list[Point]:
        pts = [(x, self(x)) for x in frange(-10, DESIGN[0] + 10, step)]
        return pts + [(DESIGN[0] + 10, bottom), (-10, bottom)]


def frange(a: float, b: float, step: float) -> list[float]:
    n = int(math.ceil((b - a) / step))
    return [a + i * step for i in range(n + 1)]


def curve(p0: Point, p1: Point, p2: Point, n: int = 24) -> list[Point]:
    """Quadratic Bezier from p0 to p2 pulled towards p1."""
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append(
            (u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0], u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1])
        )
    return out


def tree(
    pen: Pen, rng: random.Random, x: float, ground: float, size: float, colors: Sequence[Color], trunk: Color
) -> None:
    pen.rect(x - size * 0.06, ground - size * 0.7, x + size * 0.06, ground, trunk)
    for _ in range(7):
        pen.ellipse(
            x + rng.uniform(-0.35, 0.35) * size,
            ground - size * rng.uniform(0.75, 1.15),
            size * rng.uniform(0.28, 0.42),
            None,
            rng.choice(colors),
        )


def sign_text(pen: Pen, text: str, cx: float, cy: float, size: float, color: Color, a: int = 255) -> None:
    """Lettering on a banner or sign in the scene (it repeats words of the caption)."""
    path, index = font_face("Bold", text)
    font = ImageFont.truetype(path, round(size * K), index=index)
    pen.d.text((cx * K, cy * K), text, font=font, fill=rgba(color, a), anchor="mm")


# --------------------------------------------------------------------------------------------- scenes


def scene_lukou_city() -> Image.Image:
    s = Scene(11)
    rng, pen = s.rng, s.pen
    horizon = 565
    s.gradient(
        [(0, "#1c2146"), (0.32, "#3f3a6e"), (0.52, "#8e5a80"), (0.66, "#d9866f"), (0.74, "#f2b27a"), (0.80, "#f7cf95")],
        0,
        horizon + 40,
    )
    with s.layer() as ly:  # a few early stars
        for _ in range(70):
            ly.ellipse(
                rng.uniform(0, 1500), rng.uniform(0, 260), rng.uniform(0.6, 1.3), None, "#fff3d6", rng.randint(40, 150)
            )
    s.glow(1040, horizon - 55, 520, "#ffc684", 150)
    s.glow(1040, horizon - 43, 150, "#ffe6b8", 200)
    s.pen.ellipse(1040, horizon - 40, 34, None, "#ffe9c2")

    far = Ridge(rng, horizon - 70, 28)
    with s.layer(blur=2) as ly:
        ly.poly(far.polygon(horizon + 5), "#8c6689", 235)
    mid = Ridge(rng, horizon - 37, 16, scale=1.4)
    pen.poly(mid.polygon(horizon + 5), "#65497a")

    def skyline(base: float, hmin: float, hmax: float, color: Color, lit: float) -> list[tuple[float, float, float]]:
        x, out = -10.0, []
        while x < 1510:
            w = rng.uniform(18, 52)
            h = rng.uniform(hmin, hmax) * (1.7 if rng.random() < 0.1 else 1)
            pen.rect(x, base - h, x + w, base + 3, color)
            roll = rng.random()
            if roll < 0.15:
                pen.rect(x + w * 0.3, base - h - h * 0.12, x + w * 0.7, base - h, color)
                pen.line([(x + w / 2, base - h - h * 0.12), (x + w / 2, base - h - h * 0.24)], color, 1.2)
            elif roll < 0.25:
                pen.poly([(x - 2, base - h), (x + w / 2, base - h - w * 0.35), (x + w + 2, base - h)], color)
            out.append((x, w, h))
            x += w + rng.uniform(-6, 4)
        if lit:
            with s.layer() as ly:
                for bx, bw, bh in out:
                    for wy in frange(base - bh + 7, base - 8, 8):
                        for wx in frange(bx + 4, bx + bw - 6, 6.5):
                            if rng.random() < lit:
                                c = rng.choice(["#ffd27f", "#ffbf66", "#ffe3a8", "#f7a85a"])
                                ly.rect(wx, wy, wx + 2.6, wy + 3.4, c, rng.randint(120, 235))
        return out

    skyline(horizon - 6, 40, 150, "#4a3961", 0.10)
    near = skyline(horizon + 2, 25, 210, "#2a2142", 0.22)

    # the river, catching the sky
    s.fill_gradient(
        [(-10, horizon), (1510, horizon), (1510, 1005), (-10, 1005)],
        [(0, "#6b4f77"), (0.35, "#3b3159"), (1, "#171a33")],
        horizon,
        1000,
    )
    s.glow(1040, horizon + 60, 430, "#f0a070", 120, squash=0.28)
    with s.layer(blur=1.2) as ly:
        for bx, bw, bh in near:
            if rng.random() < 0.6:
                for _ in range(rng.randint(2, 6)):
                    y = horizon + rng.uniform(8, 200)
                    fade = 1 - (y - horizon) / 230
                    L = rng.uniform(6, 30) * (1 + fade)
                    cx = bx + bw / 2 + rng.uniform(-6, 6)
                    ly.line(
                        [(cx - L / 2, y), (cx + L / 2, y)],
                        rng.choice(["#ffc46e", "#ffd9a0", "#f7a85a"]),
                        1.6,
                        int(150 * fade),
                    )
        for _ in range(40):  # sunset path on the water
            y = horizon + rng.uniform(6, 260)
            L = rng.uniform(20, 90) * (1.4 - (y - horizon) / 300)
            cx = 1040 + rng.gauss(0, 25 + (y - horizon) * 0.25)
            ly.line([(cx - L / 2, y), (cx + L / 2, y)], "#ffd9a0", 1.8, rng.randint(60, 140))

    # a low bridge on the left, lights along the deck
    deck = horizon + 18
    pen.rect(-10, deck, 640, deck + 5, "#231c38")
    for px in frange(20, 620, 62):
        pen.rect(px, deck + 5, px + 7, horizon + 48, "#231c38")
    with s.layer(blur=0.8) as ly:
        for px in frange(0, 640, 16):
            ly.ellipse(px, deck - 1, 1.6, None, "#ffdca0", 220)
    with s.layer(blur=6) as ly:
        for px in frange(0, 640, 16):
            ly.ellipse(px, deck + 20, 2, 10, "#ffcc88", 70)

    # near bank with trees
    bank = Ridge(rng, 965, 12, scale=2)
    pen.poly(bank.polygon(), "#12122a")
    for x in frange(-20, 1520, 38):
        if rng.random() < 0.55:
            tree(
                pen,
                rng,
                x + rng.uniform(-10, 10),
                bank(x) + 6,
                rng.uniform(40, 80),
                ["#15142d", "#1a1833", "#13122a"],
                "#13122a",
            )
    return s.result()


def scene_district_inauguration() -> Image.Image:
    s = Scene(22)
    rng, pen = s.rng, s.pen
    s.gradient([(0, "#4a070c"), (0.45, "#9a151b"), (0.8, "#7a0f15"), (1, "#4f080d")])
    with s.layer(opacity=0.10) as ly:  # light rays behind the stage
        for i in range(18):
            a0 = math.radians(-180 + i * 10)
            a1 = a0 + math.radians(4.5)
            ly.poly(
                [
                    (750, 380),
                    (750 + 1600 * math.cos(a0), 380 + 1600 * math.sin(a0)),
                    (750 + 1600 * math.cos(a1), 380 + 1600 * math.sin(a1)),
                ],
                "#ffd27a",
            )
    s.glow(750, 360, 620, "#f2b24a", 110)

    # banner across the top
    pen.rect(110, 80, 1390, 190, "#b0181f")
    with s.layer() as ly:
        ly.rect(110, 80, 1390, 190, "#7a0c11", 0)
        ly.line([(110, 92), (1390, 92)], "#e8bf5e", 3)
        ly.line([(110, 178), (1390, 178)], "#e8bf5e", 3)
        sign_text(ly, "撤县设区揭牌仪式", 750, 135, 58, "#f4d48a", 240)

    # lanterns
    for lx in (190, 1310):
        pen.line([(lx, 0), (lx, 215)], "#3a0508", 2)
        pen.rect(lx - 26, 215, lx + 26, 226, "#d9a441")
        pen.ellipse(lx, 278, 62, 56, "#d8262c")
        with s.layer() as ly:
            for dx in (-34, 0, 34):
                ly.ellipse(lx + dx * 0.9, 278, abs(dx) * 0.4 + 6 if dx else 4, 54, "#9e141a", 120)
        pen.rect(lx - 22, 332, lx + 22, 342, "#d9a441")
        for dx in frange(-10, 10, 4):
            pen.line([(lx + dx, 342), (lx + dx * 1.3, 398)], "#e8bf5e", 1.4)
        s.glow(lx, 278, 130, "#ff8a5a", 70)

    # stage floor and red carpet
    s.fill_gradient([(-10, 800), (1510, 800), (1510, 1005), (-10, 1005)], [(0, "#5e0a0f"), (1, "#2e0407")], 800, 1000)
    pen.rect(-10, 796, 1510, 804, "#d9a441")
    pen.poly([(640, 804), (860, 804), (1080, 1005), (420, 1005)], "#a8161c")
    with s.layer() as ly:
        ly.line([(640, 804), (420, 1005)], "#e8bf5e", 2.5)
        ly.line([(860, 804), (1080, 1005)], "#e8bf5e", 2.5)

    # the plaque, still veiled in red silk
    px0, px1, py0, py1 = 650, 850, 300, 792
    pen.rect(px0 - 12, py1 - 6, px1 + 12, py1 + 6, "#3a0508")
    cloth = [(px0 - 10, py0)] + [(px1 + 10, py0)]
    hem = [(x, py1 - 14 + 8 * math.sin(x / 14)) for x in frange(px1 + 22, px0 - 22, -5)]
    pen.poly(cloth + hem, "#c91f26")
    with s.layer() as ly:  # folds
        for i, fx in enumerate(frange(px0 - 4, px1 + 4, 17)):
            shade = "#8f1118" if i % 2 else "#e84a4a"
            ly.poly(
                [(fx, py0 + 30), (fx + 5, py0 + 30), (fx + 9, py1 - 14), (fx - 2, py1 - 14)], shade, 70 if i % 2 else 45
            )
    # ribbons to either side, then the silk flower on top
    for side in (-1, 1):
        path = curve((750, 318), (750 + side * 170, 470), (750 + side * 330, 392))
        pen.line(path, "#e8bf5e", 16)
        pen.line(path, "#d8262c", 11)
        tail = curve((750 + side * 330, 392), (750 + side * 360, 470), (750 + side * 340, 560), 12)
        pen.line(tail, "#e8bf5e", 12)
        pen.line(tail, "#c91f26", 8)
    for i in range(12):
        a = math.radians(i * 30)
        pen.ellipse(750 + 44 * math.cos(a), 300 + 34 * math.sin(a), 34, 26, "#d8262c" if i % 2 else "#b5171d")
    pen.ellipse(750, 300, 30, None, "#e8323a")
    pen.ellipse(750, 300, 12, None, "#f0c766")

    # podium on the left
    pen.poly([(250, 560), (420, 560), (400, 800), (270, 800)], "#7e1016")
    pen.rect(240, 548, 430, 566, "#5e0a0f")
    pen.ellipse(335, 660, 34, None, "#d9a441")
    pen.ellipse(335, 660, 25, None, "#8a1218")
    pen.star(335, 660, 16, "#e8bf5e")
    pen.line([(335, 548), (350, 500), (372, 488)], "#2a0306", 3)

    # flowers along the front of the stage
    with s.layer() as ly:
        for x in frange(-10, 1510, 22):
            if 560 < x < 940:
                continue
            for _ in range(3):
                ly.ellipse(
                    x + rng.uniform(-8, 8),
                    790 + rng.uniform(-14, 6),
                    rng.uniform(7, 12),
                    None,
                    rng.choice(["#2f5a2a", "#3d6b33"]),
                )
            for _ in range(3):
                ly.ellipse(
                    x + rng.uniform(-9, 9),
                    778 + rng.uniform(-14, 8),
                    rng.uniform(5, 8),
                    None,
                    rng.choice(["#e23a3f", "#f2c14e", "#f08a3c", "#d8262c"]),
                )

    # spotlights and gold confetti
    with s.layer(blur=18, opacity=0.22) as ly:
        ly.poly([(60, -10), (140, -10), (800, 800), (560, 800)], "#ffe1a0")
        ly.poly([(1360, -10), (1440, -10), (940, 800), (700, 800)], "#ffe1a0")
    with s.layer() as ly:
        for _ in range(160):
            cx, cy = rng.uniform(0, 1500), rng.uniform(200, 780)
            sz = rng.uniform(2.5, 6)
            ang = rng.uniform(0, math.pi)
            dx, dy = math.cos(ang) * sz, math.sin(ang) * sz
            ex, ey = -math.sin(ang) * sz * 0.45, math.cos(ang) * sz * 0.45
            ly.poly(
                [
                    (cx - dx - ex, cy - dy - ey),
                    (cx + dx - ex, cy + dy - ey),
                    (cx + dx + ex, cy + dy + ey),
                    (cx - dx + ex, cy - dy + ey),
                ],
                rng.choice(["#f4d48a", "#e8bf5e", "#ffe6a8", "#e23a3f"]),
                rng.randint(120, 220),
            )
    return s.result()


def turbine(pen: Pen, x: float, ground: float, h: float, color: Color, a: int, angle: float) -> None:
    hub = (x, ground - h)
    pen.poly(
        [(x - h * 0.03, ground + 2), (x + h * 0.03, ground + 2), (x + h * 0.014, hub[1]), (x - h * 0.014, hub[1])],
        color,
        a,
    )
    pen.rect(x - h * 0.03, hub[1] - h * 0.022, x + h * 0.06, hub[1] + h * 0.02, color, a, r=h * 0.012)
    length = h * 0.46
    for i in range(3):
        ang = math.radians(angle + i * 120)
        dx, dy = math.cos(ang), math.sin(ang)
        px, py = -dy, dx
        root, chord = h * 0.02, h * 0.026
        pen.poly(
            [
                (hub[0] + px * root, hub[1] + py * root),
                (hub[0] + dx * length * 0.22 + px * chord, hub[1] + dy * length * 0.22 + py * chord),
                (hub[0] + dx * length, hub[1] + dy * length),
                (hub[0] - px * root * 0.6, hub[1] - py * root * 0.6),
            ],
            color,
            a,
        )
    pen.ellipse(hub[0], hub[1], h * 0.026, None, color, a)


def scene_wind_power() -> Image.Image:
    s = Scene(33)
    rng, pen = s.rng, s.pen
    s.gradient([(0, "#a9c2bd"), (0.45, "#d9ddbe"), (0.75, "#f1e2b0"), (1, "#f4d99a")], 0, 620)
    s.glow(1180, 250, 560, "#fff0c2", 170)
    s.glow(1180, 250, 120, "#fff6dc", 200)
    with s.layer(blur=10, opacity=0.55) as ly:  # thin clouds
        for cx, cy, w in ((300, 170, 260), (640, 110, 200), (980, 330, 300), (220, 380, 180)):
            ly.ellipse(cx, cy, w, 14, "#fbf3dc")
            ly.ellipse(cx + w * 0.3, cy - 8, w * 0.5, 12, "#fbf3dc")

    layers = [
        (Ridge(rng, 560, 34, scale=0.9), [(0, "#c3be8e"), (1, "#b0ad80")], 520, 700),
        (Ridge(rng, 640, 44), [(0, "#a2a862"), (1, "#87924c")], 590, 760),
        (Ridge(rng, 730, 38, scale=1.2), [(0, "#c4ac52"), (1, "#A08A2C")], 690, 840),
        (Ridge(rng, 830, 50, scale=0.8), [(0, "#72843c"), (1, "#56682d")], 770, 940),
        (Ridge(rng, 945, 26, scale=1.3), [(0, "#46582a"), (1, "#36441f")], 910, 1000),
    ]
    turbines = {
        0: [(x, 70 + rng.uniform(-8, 10)) for x in (90, 190, 300, 420, 560, 700, 860)],
        1: [(x, 150 + rng.uniform(-15, 15)) for x in (240, 470, 980, 1380)],
        3: [(1150, 470), (300, 330)],
    }
    tones = {0: ("#8e8c62", 170), 1: ("#5d6138", 225), 3: ("#3d4524", 255)}
    for i, (ridge, stops, y0, y1) in enumerate(layers):
        if i in turbines:
            color, a = tones[i]
            with s.layer() as ly:
                for x, h in turbines[i]:
                    turbine(ly, x, ridge(x) + 4, h, color, a, rng.uniform(0, 120))
        s.fill_gradient(ridge.polygon(), stops, y0, y1)
        if i == 2:  # furrows in the golden field
            with s.layer(opacity=0.35) as ly:
                for k in range(1, 9):
                    pts = [(x, ridge(x) + k * 11 + 3 * math.sin(x / 90 + k)) for x in frange(-10, 1510, 10)]
                    ly.line(pts, "#7d6a1e", 1.6)
        if i == 3:
            for x in frange(-20, 1520, 55):
                if rng.random() < 0.35:
                    tree(pen, rng, x, ridge(x) + 10, rng.uniform(22, 34), ["#4f6229", "#5a6e2f", "#465726"], "#3b4a22")
    s.glow(1180, 250, 900, "#f6d58a", 40)
    return s.result()


def tower_crane(
    pen: Pen,
    x: float,
    ground: float,
    top: float,
    jib: float,
    counter: float,
    color: Color,
    a: int = 255,
    w: float = 1.0,
) -> None:
    mw = 9 * w
    pen.line([(x - mw, ground), (x - mw, top)], color, 2 * w, a)
    pen.line([(x + mw, ground), (x + mw, top)], color, 2 * w, a)
    zig = []
    for i, y in enumerate(frange(top, ground, 2 * mw)):
        zig.append((x - mw if i % 2 else x + mw, y))
    pen.line(zig, color, 1.2 * w, a)
    jy, jh = top, 10 * w
    jx1 = x + jib
    pen.line([(x - counter, jy), (jx1, jy)], color, 2.2 * w, a)
    pen.line([(x, jy - jh), (jx1, jy - jh * 0.3)], color, 1.4 * w, a)
    zig = [(xx, jy if i % 2 else jy - jh * (1 - 0.7 * (xx - x) / jib)) for i, xx in enumerate(frange(x, jx1, 11 * w))]
    pen.line(zig, color, 1 * w, a)
    apex = (x, top - 38 * w)
    pen.poly([(x - mw, top), apex, (x + mw, top)], color, a)
    pen.line([apex, (x + jib * 0.7, jy - jh * 0.5)], color, 1 * w, a)
    pen.line([apex, (x - counter, jy)], color, 1 * w, a)
    pen.rect(x - counter, jy, x - counter + 26 * w, jy + 16 * w, color, a)
    pen.rect(x + mw, jy + 2, x + mw + 12 * w, jy + 14 * w, color, a)


def scene_industrial_park() -> Image.Image:
    s = Scene(44)
    rng, pen = s.rng, s.pen
    s.gradient([(0, "#c3d0c0"), (0.55, "#e6e2c4"), (1, "#f2e2b4")], 0, 700)
    s.glow(330, 470, 520, "#fff1c8", 160)
    far = Ridge(rng, 610, 20, scale=0.8)
    with s.layer(blur=2) as ly:
        ly.poly(far.polygon(), "#bdb893")

    # distant halls, silos and a crane in the haze
    tower_crane(pen, 1240, 650, 300, 220, 70, "#a9a47a", 255, 0.8)
    for x0, x1, top in ((40, 420, 560), (440, 700, 585), (760, 1120, 570), (1150, 1490, 590)):
        pen.rect(x0, top, x1, 680, "#aaa57c")
        for tx in frange(x0, x1 - 24, 26):
            pen.poly([(tx, top), (tx + 18, top - 14), (tx + 26, top)], "#aaa57c")
    for x in (560, 600):
        pen.rect(x - 16, 470, x + 16, 600, "#9e9a70")
        pen.ellipse(x, 470, 16, 5, "#b5b088")
    pen.rect(860, 420, 874, 580, "#9e9a70")

    # ground
    s.fill_gradient([(-10, 670), (1510, 670), (1510, 1005), (-10, 1005)], [(0, "#b4aa78"), (1, "#857c52")], 670, 1000)

    # steel frame of a hall under construction, with its crane
    fx0, fx1, ftop, fbase = 930, 1390, 470, 770
    pen.rect(fx0, 700, fx1, fbase, "#8f8a63")
    with s.layer() as ly:
        for x in frange(fx0, fx1, 46):
            ly.line([(x, fbase), (x, ftop)], "#5f5a3a", 4)
        for y in frange(ftop, fbase, 50):
            ly.line([(fx0, y), (fx1, y)], "#5f5a3a", 3)
        for i, x in enumerate(frange(fx0, fx1 - 46, 46)):
            ly.line([(x, ftop), (x + 46, ftop + 50)] if i % 2 else [(x, ftop + 50), (x + 46, ftop)], "#6f6a46", 1.6)
    tower_crane(pen, 1180, 770, 190, 300, 110, "#b8972c", 255, 1.25)
    pen.line([(1420, 200), (1420, 380)], "#4c4a30", 1.2)
    pen.rect(1380, 380, 1460, 390, "#6f6a46")

    # finished halls with sawtooth roofs and window strips
    pen.rect(120, 600, 860, 780, "#d8cea5")
    for tx in frange(120, 830, 37):
        pen.poly([(tx, 600), (tx + 26, 568), (tx + 37, 600)], "#76724b")
    pen.rect(120, 596, 860, 606, "#76724b")
    pen.rect(140, 640, 840, 664, "#A08A2C")
    for x in frange(150, 830, 20):
        pen.rect(x, 643, x + 14, 661, "#bfa64a")
    for x in (260, 520, 720):
        pen.rect(x, 700, x + 70, 780, "#8b8558")
    pen.rect(120, 770, 860, 784, "#a39b6f")
    tower_crane(pen, 480, 784, 330, -260, -90, "#c2a136", 255, 1.0)

    # road and planting
    pen.poly([(-10, 860), (1510, 820), (1510, 880), (-10, 930)], "#6d6648")
    with s.layer() as ly:
        for x in frange(0, 1500, 70):
            y = 895 - x * (50 / 1510)
            ly.line([(x, y), (x + 34, y - 1.1)], "#e3d59a", 2.2, 200)
    for x in frange(-20, 1520, 46):
        if rng.random() < 0.7:
            tree(
                pen,
                rng,
                x,
                1000 + rng.uniform(0, 20),
                rng.uniform(60, 95),
                ["#5b6b30", "#67783a", "#4f5f2a"],
                "#3f4a22",
            )
    return s.result()


def scene_village_service_platform() -> Image.Image:
    s = Scene(55)
    rng, pen = s.rng, s.pen
    s.gradient([(0, "#b9cdd6"), (0.6, "#e3dccb"), (1, "#f0dcc2")], 0, 700)
    with s.layer(blur=12, opacity=0.6) as ly:
        for cx, cy, w in ((260, 130, 200), (720, 90, 260), (1200, 160, 220)):
            ly.ellipse(cx, cy, w, 24, "#f8efe2")
            ly.ellipse(cx - w * 0.25, cy - 14, w * 0.45, 22, "#f8efe2")
    hills = Ridge(rng, 560, 40, scale=0.8)
    s.fill_gradient(hills.polygon(), [(0, "#9fb08f"), (1, "#82956f")], 500, 760)
    for x in frange(0, 1500, 34):  # grove behind the building
        tree(pen, rng, x, 720, rng.uniform(50, 80), ["#6d8a5a", "#5f7c4e", "#7a9663"], "#4e5e3c")

    # plaza
    s.fill_gradient([(-10, 760), (1510, 760), (1510, 1005), (-10, 1005)], [(0, "#d8c8ae"), (1, "#bda987")], 760, 1000)
    with s.layer(opacity=0.25) as ly:
        for x in frange(-1500, 3000, 90):
            ly.line([(750 + (x - 750) * 0.25, 760), (x, 1000)], "#8d7b5d", 1.2)
        for y in (790, 830, 885, 960):
            ly.line([(-10, y), (1510, y)], "#8d7b5d", 1.2)

    # the service centre: two storeys, hip roof, red sign band
    bx0, bx1, top, ground = 400, 1100, 380, 760
    s.fill_gradient(
        [(bx0, top), (bx1, top), (bx1, ground), (bx0, ground)], [(0, "#ede2d2"), (1, "#dccfbb")], top, ground
    )
    pen.rect(bx0, ground - 22, bx1, ground, "#a99a85")
    pen.poly([(bx0 - 40, top + 4), (bx0 + 60, 300), (bx1 - 60, 300), (bx1 + 40, top + 4)], "#5d5757")
    pen.rect(bx0 - 44, top, bx1 + 44, top + 10, "#6f6868")
    pen.line([(bx0 + 60, 300), (bx1 - 60, 300)], "#4a4444", 4)
    pen.rect(bx0 + 10, 526, bx1 - 10, 572, "#C0282D")
    with s.layer() as ly:
        sign_text(ly, "村级综合服务平台", 750, 549, 30, "#f4d48a", 240)
    for x in frange(bx0 + 30, bx1 - 80, 83):  # upper windows
        pen.rect(x, 410, x + 56, 500, "#c9bba8")
        s.fill_gradient(
            [(x + 4, 414), (x + 52, 414), (x + 52, 496), (x + 4, 496)], [(0, "#9fb4c0"), (1, "#6e8796")], 414, 496
        )
        pen.line([(x + 28, 414), (x + 28, 496)], "#c9bba8", 2)
    for x in list(frange(bx0 + 30, 620, 83)) + list(frange(900, bx1 - 80, 83)):  # lower windows
        pen.rect(x, 600, x + 56, 700, "#c9bba8")
        s.fill_gradient(
            [(x + 4, 604), (x + 52, 604), (x + 52, 696), (x + 4, 696)], [(0, "#9fb4c0"), (1, "#6e8796")], 604, 696
        )
    pen.rect(680, 598, 820, 606, "#b8aea2")  # canopy
    pen.rect(692, 606, 808, ground - 22, "#C0282D")
    s.fill_gradient(
        [(700, 612), (800, 612), (800, ground - 22), (700, ground - 22)], [(0, "#a9bcc6"), (1, "#7d93a0")], 612, ground
    )
    pen.line([(750, 612), (750, ground - 22)], "#C0282D", 3)
    pen.rect(670, ground - 22, 830, ground - 8, "#cdbfa9")
    pen.rect(655, ground - 8, 845, ground + 4, "#c2b39b")
    for lx in (680, 820):  # lanterns at the door
        pen.line([(lx, 606), (lx, 622)], "#5a2a20", 1.5)
        pen.ellipse(lx, 636, 13, 15, "#d2262c")
        pen.rect(lx - 5, 620, lx + 5, 623, "#d9a441")
        pen.line([(lx, 651), (lx, 664)], "#d9a441", 1.5)

    # bushes along the facade
    for x in frange(bx0 - 20, bx1 + 20, 18):
        if not 640 < x < 860:
            pen.ellipse(
                x, ground - 4, rng.uniform(14, 20), rng.uniform(10, 14), rng.choice(["#6f9158", "#7e9d64", "#5f8150"])
            )

    # flagpole with the national flag
    fx, ftop, fbase = 250, 250, 900
    pen.rect(fx - 40, fbase - 10, fx + 40, fbase + 6, "#b5a68e")
    pen.rect(fx - 28, fbase - 22, fx + 28, fbase - 10, "#c4b59c")
    pen.rect(fx - 3, ftop, fx + 3, fbase - 22, "#8f9096")
    pen.ellipse(fx, ftop - 5, 7, None, "#d9a441")
    fw, fh = 200, 134
    topedge = [(fx + 3 + t * fw, ftop + 6 + 7 * math.sin(t * 5.5)) for t in frange(0, 1, 0.05)]
    botedge = [(x, y + fh) for x, y in reversed(topedge)]
    pen.poly(topedge + botedge, "#d3232a")
    with s.layer(opacity=0.25) as ly:  # folds catching the light
        for t in (0.28, 0.85):
            ly.line([(fx + 3 + t * fw, ftop + 12), (fx + 3 + t * fw, ftop + fh)], "#ff8a7a", 12)
    unit = fh / 20
    x0, y0 = fx + 3, ftop + 6
    pen.star(x0 + 5 * unit, y0 + 5 * unit, 3 * unit, "#ffde3c")
    for sx, sy in ((10, 2), (12, 4), (12, 7), (10, 9)):
        ang = math.degrees(math.atan2(5 - sy, 5 - sx)) + 90 - 36 + 18
        pen.star(x0 + sx * unit, y0 + sy * unit, unit, "#ffde3c", rot=ang)

    # trees at the plaza edges
    for x, sz in ((70, 150), (1400, 170), (1290, 120)):
        tree(pen, rng, x, 930, sz, ["#5f7f4c", "#6d8c57", "#537245"], "#5b4a3a")
    return s.result()


def scene_huachong_village_review() -> Image.Image:
    s = Scene(66)
    rng, pen = s.rng, s.pen
    s.gradient([(0, "#e6d8c2"), (1, "#d9c8ad")])
    bl, br, top, bottom = 260, 1240, 80, 560
    vp = (750, 420)

    def to_edge(px: float, py: float, edge_x: float) -> Point:
        t = (edge_x - vp[0]) / (px - vp[0])
        return edge_x, vp[1] + (py - vp[1]) * t

    lb, rb = to_edge(bl, bottom, 0), to_edge(br, bottom, 1500)
    pen.poly([(-10, -10), (1510, -10), (br, top), (bl, top)], "#d3c3aa")  # ceiling
    pen.poly([(-10, -10), (bl, top), (bl, bottom), (lb[0] - 10, lb[1])], "#e2d2b9")  # left wall
    pen.poly([(1510, -10), (br, top), (br, bottom), (rb[0] + 10, rb[1])], "#dccab0")  # right wall
    s.fill_gradient(
        [(lb[0] - 10, lb[1]), (bl, bottom), (br, bottom), (rb[0] + 10, rb[1]), (1510, 1005), (-10, 1005)],
        [(0, "#b89c7c"), (1, "#9c7f61")],
        bottom,
        1000,
    )
    s.fill_gradient([(bl, top), (br, top), (br, bottom), (bl, bottom)], [(0, "#f1e6d3"), (1, "#e8dac3")], top, bottom)
    pen.rect(bl, bottom - 14, br, bottom, "#b49a7c")
    for cx in (480, 750, 1020):  # ceiling lights
        pen.rect(cx - 70, 28, cx + 70, 42, "#fbf1dc")
        s.glow(cx, 40, 160, "#fff3d8", 120, squash=0.45)

    # windows on the side walls, and the light they throw on the floor
    for side in (-1, 1):
        for i, (t0, t1) in enumerate(((0.18, 0.42), (0.55, 0.78))):
            wx0 = 750 + side * (490 + (750 - 490) * t0)
            wx1 = 750 + side * (490 + (750 - 490) * t1)

            def wy(wx: float, y: float) -> float:
                return vp[1] + (y - vp[1]) * (wx - vp[0]) / (side * 490)

            quad = [(wx0, wy(wx0, 170)), (wx1, wy(wx1, 170)), (wx1, wy(wx1, 430)), (wx0, wy(wx0, 430))]
            pen.poly(quad, "#c7b497")
            inner = [
                (quad[0][0] + side * 5, quad[0][1] + 8),
                (quad[1][0] - side * 5, quad[1][1] + 8),
                (quad[2][0] - side * 5, quad[2][1] - 8),
                (quad[3][0] + side * 5, quad[3][1] - 8),
            ]
            pen.poly(inner, "#f3ead6")
            with s.layer(blur=14, opacity=0.35) as ly:
                fx0, fx1 = wx0 + side * 40, wx1 + side * 120
                ly.poly(
                    [
                        (fx0, wy(fx0, 560) + 20),
                        (fx1, wy(fx1, 560) + 20),
                        (fx1 - side * 160, 1000),
                        (fx0 - side * 60, 1000),
                    ],
                    "#fff2d6",
                )

    # back wall: banner, star-rating board, notice board
    pen.rect(330, 108, 1170, 176, "#C0282D")
    with s.layer() as ly:
        sign_text(ly, "脱贫立志、星级创建", 750, 142, 42, "#f4d48a", 240)
    pen.rect(960, 220, 1180, 380, "#a81f24")
    pen.rect(968, 228, 1172, 372, "#C0282D")
    for i in range(5):
        pen.star(1000 + i * 36, 270, 14, "#f2c94c" if i < 4 else "#e9a9a9")
    with s.layer() as ly:
        for y in (312, 334, 356):
            ly.rect(986, y, 1154, y + 8, "#f4d48a", 150, r=3)
    pen.rect(320, 220, 540, 380, "#8b6a4e")
    for r_ in range(3):
        for c in range(4):
            x, y = 332 + c * 52, 232 + r_ * 48
            pen.rect(x, y, x + 44, y + 40, "#f5ecdc")
            pen.rect(x + 5, y + 6, x + 30, y + 10, "#c9b9a3")

    # the head table
    for i, x in enumerate(frange(470, 1030, 112)):
        pen.ellipse(x, 420, 17, 20, "#2c2622")
        pen.ellipse(x, 470, 40, 30, ["#3e4a5a", "#4d3f33", "#2f3d34", "#5a4a40", "#3d3a4a", "#4a4e58"][i % 6])
    pen.rect(400, 470, 1100, 480, "#d9c4a4")
    pen.rect(404, 480, 1096, 548, "#b3252a")
    with s.layer(opacity=0.25) as ly:
        for x in frange(420, 1090, 24):
            ly.line([(x, 482), (x + 4, 548)], "#7c1116", 3)
    for x in frange(470, 1030, 112):
        pen.rect(x - 20, 456, x + 20, 470, "#f3e9d6")

    # rows of seats, seen from behind, some occupied
    rows = [(640, 0.62), (720, 0.8), (820, 1.02), (950, 1.32)]
    shirts = ["#3e4a5a", "#4d3f33", "#2f3d34", "#5a4a40", "#3d3a4a", "#6b5a48", "#4a4e58", "#7a3a33"]
    for y, k in rows:
        pitch, aisle = 82 * k, 70 * k
        xs = [750 - aisle - pitch * (i + 0.5) for i in range(12)] + [750 + aisle + pitch * (i + 0.5) for i in range(12)]
        for x in xs:
            if x < -80 or x > 1580:
                continue
            back_top = y - 52 * k
            if rng.random() < 0.6:
                pen.ellipse(x, back_top - 4 * k, 34 * k, 24 * k, rng.choice(shirts))
                pen.ellipse(
                    x, back_top - 34 * k, 15 * k, 18 * k, rng.choice(["#2a2422", "#3a322c", "#4a4440", "#242020"])
                )
            pen.rect(x - 31 * k, back_top, x + 31 * k, y, "#7e2a28", r=9 * k)
            pen.rect(x - 26 * k, back_top + 5 * k, x + 26 * k, y - 6 * k, "#973532", r=7 * k)
    return s.result()


def scene_grid_management_centre() -> Image.Image:
    s = Scene(77)
    rng, pen = s.rng, s.pen
    s.gradient([(0, "#07122a"), (0.5, "#0d2244"), (1, "#061023")])
    wx0, wx1, wy0, wy1 = 140, 1360, 90, 560
    s.glow(750, 330, 800, "#2F6DB5", 90, squash=0.7)
    pen.rect(wx0 - 12, wy0 - 12, wx1 + 12, wy1 + 12, "#050b17")
    cols, rows = 8, 4
    cw, ch = (wx1 - wx0) / cols, (wy1 - wy0) / rows
    gap = 3

    def screen(c0: int, r0: int, c1: int, r1: int) -> tuple[float, float, float, float]:
        return wx0 + c0 * cw + gap, wy0 + r0 * ch + gap, wx0 + c1 * cw - gap, wy0 + r1 * ch - gap

    # centre: the grid map of the district, where the Lu River meets the Xiang
    mx0, my0, mx1, my1 = screen(2, 0, 6, 4)
    s.fill_gradient([(mx0, my0), (mx1, my0), (mx1, my1), (mx0, my1)], [(0, "#123a6e"), (1, "#0c2a55")], my0, my1)
    cell = 22
    with s.layer() as ly:
        for gx in frange(mx0, mx1 - cell, cell):
            for gy in frange(my0, my1 - cell, cell):
                if rng.random() < 0.35:
                    ly.rect(
                        gx + 1,
                        gy + 1,
                        gx + cell - 1,
                        gy + cell - 1,
                        rng.choice(["#2F6DB5", "#3d7fc9", "#5b95d9", "#24579a"]),
                        rng.randint(60, 150),
                    )
        for gx in frange(mx0, mx1, cell):
            ly.line([(gx, my0), (gx, my1)], "#5b95d9", 1, 70)
        for gy in frange(my0, my1, cell):
            ly.line([(mx0, gy), (mx1, gy)], "#5b95d9", 1, 70)
        xiang = curve((mx0 + 40, my1), (mx0 + 330, my0 + 300), (mx1 - 60, my0))
        lu = curve((mx1, my1 - 60), (mx0 + 420, my1 - 120), (mx0 + 250, my0 + 270))
        ly.line(xiang, "#8ccaf5", 9, 220)
        ly.line(lu, "#8ccaf5", 5, 210)
        outline = [
            (mx0 + 90, my0 + 60),
            (mx0 + 330, my0 + 30),
            (mx0 + 520, my0 + 110),
            (mx0 + 560, my0 + 330),
            (mx0 + 420, my1 - 40),
            (mx0 + 150, my1 - 70),
            (mx0 + 60, my0 + 260),
            (mx0 + 90, my0 + 60),
        ]
        ly.line(outline, "#7fe0ff", 3, 230)
    for _ in range(9):
        px, py = rng.uniform(mx0 + 100, mx0 + 500), rng.uniform(my0 + 70, my1 - 80)
        c = rng.choice(["#f2b84b", "#f2b84b", "#e0574f", "#7fe0ff"])
        s.glow(px, py, 26, c, 180)
        pen.ellipse(px, py, 4.5, None, c)

    # side screens: charts and tables
    for c in (0, 1, 6, 7):
        for r_ in range(rows):
            x0, y0, x1, y1 = screen(c, r_, c + 1, r_ + 1)
            s.fill_gradient([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], [(0, "#10305c"), (1, "#0b2246")], y0, y1)
            kind = rng.choice(["bars", "line", "ring", "table"])
            with s.layer() as ly:
                ly.rect(x0 + 8, y0 + 8, x0 + 60, y0 + 14, "#5b95d9", 200, r=2)
                if kind == "bars":
                    n = 7
                    bw = (x1 - x0 - 24) / n
                    for i in range(n):
                        hgt = rng.uniform(0.2, 0.85) * (y1 - y0 - 34)
                        ly.rect(
                            x0 + 12 + i * bw + 2,
                            y1 - 10 - hgt,
                            x0 + 12 + (i + 1) * bw - 3,
                            y1 - 10,
                            "#2F6DB5" if i != 4 else "#f2b84b",
                            230,
                        )
                elif kind == "line":
                    pts = [
                        (x, y1 - 14 - rng.uniform(0.15, 0.8) * (y1 - y0 - 36))
                        for x in frange(x0 + 10, x1 - 10, (x1 - x0 - 20) / 8)
                    ]
                    ly.poly(pts + [(x1 - 10, y1 - 10), (x0 + 10, y1 - 10)], "#2F6DB5", 90)
                    ly.line(pts, "#7fc4ff", 2, 240)
                elif kind == "ring":
                    cx, cy, rr = (x0 + x1) / 2 - 25, (y0 + y1) / 2 + 6, (y1 - y0) * 0.32
                    ly.ellipse(cx, cy, rr, None, "#2F6DB5", 230)
                    frac = rng.uniform(0.25, 0.8)
                    ly.d.pieslice(
                        [(cx - rr) * K, (cy - rr) * K, (cx + rr) * K, (cy + rr) * K],
                        -90,
                        -90 + 360 * frac,
                        fill=rgba("#7fc4ff", 240),
                    )
                    ly.ellipse(cx, cy, rr * 0.62, None, "#0d2750", 255)
                    for i in range(3):
                        ly.rect(
                            cx + rr + 12,
                            cy - 20 + i * 16,
                            cx + rr + 12 + rng.uniform(20, 50),
                            cy - 14 + i * 16,
                            "#5b95d9",
                            200,
                            r=2,
                        )
                else:
                    for i, y in enumerate(frange(y0 + 24, y1 - 16, 13)):
                        ly.rect(x0 + 10, y, x1 - 10, y + 9, "#1c4680" if i % 2 else "#163a6c", 230)
                        ly.rect(x0 + 14, y + 3, x0 + 14 + rng.uniform(30, 70), y + 6, "#7fc4ff", 170)
                        ly.rect(x1 - 40, y + 3, x1 - 14, y + 6, "#f2b84b" if rng.random() < 0.2 else "#5b95d9", 170)

    # reflection of the wall on the floor
    floor_top = 640
    pen.rect(-10, floor_top, 1510, 1005, "#071329")
    wall = s.im.crop((0, wy0 * K, s.size[0], (wy1 + 12) * K)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    wall = wall.resize((wall.width, round(wall.height * 0.55))).filter(ImageFilter.GaussianBlur(6 * K))
    wall.putalpha(wall.getchannel("A").point(lambda v: v * 45 // 255))
    s.im.alpha_composite(wall, (0, floor_top * K))
    pen.rect(-10, 600, 1510, floor_top, "#0a1930")
    pen.line([(-10, floor_top), (1510, floor_top)], "#1b3b6a", 2)

    # consoles with operators, then the nearer console
    def console(y: float, k: float, seats: Sequence[float]) -> None:
        for x in seats:
            s.glow(x, y - 40 * k, 70 * k, "#3d7fc9", 90)
            pen.ellipse(x, y - 30 * k, 42 * k, 34 * k, "#0a1424")
            pen.ellipse(x, y - 78 * k, 17 * k, 21 * k, "#0a1424")
            with s.layer(blur=1) as ly:
                ly.line(
                    curve((x - 14 * k, y - 96 * k), (x, y - 104 * k), (x + 14 * k, y - 96 * k), 8),
                    "#5b95d9",
                    2 * k,
                    160,
                )
        pts = curve((-20, y + 40 * k), (750, y - 30 * k), (1520, y + 40 * k))
        pen.poly(pts + [(1520, 1005), (-20, 1005)], "#081226")
        pen.line(pts, "#2F6DB5", 2.5 * k, 230)
        for x in seats:
            for dx in (-48, 48):
                mx = x + dx * k
                my = curve((-20, y + 40 * k), (750, y - 30 * k), (1520, y + 40 * k), 60)[
                    max(0, min(60, round((mx + 20) / 1540 * 60)))
                ][1]
                s.glow(mx, my - 26 * k, 50 * k, "#2F6DB5", 110)
                pen.rect(mx - 30 * k, my - 50 * k, mx + 30 * k, my - 8 * k, "#0c1a33", r=3 * k)
                pen.rect(mx - 4 * k, my - 8 * k, mx + 4 * k, my, "#0c1a33")

    console(760, 0.8, [330, 600, 900, 1170])
    console(930, 1.15, [180, 560, 960, 1340])
    return s.result()


# --------------------------------------------------------------------------------------------- marking


@dataclass(frozen=True)
class Placeholder:
    file: str
    caption: str
    accent: str
    draw: Callable[[], Image.Image]


PLACEHOLDERS = [
    Placeholder("lukou-city.jpg", "渌口城区风景 · Lukou townscape", "#E8B04A", scene_lukou_city),
    Placeholder(
        "district-inauguration.jpg",
        "撤县设区揭牌仪式 · District inauguration ceremony",
        "#E8B04A",
        scene_district_inauguration,
    ),
    Placeholder("wind-power.jpg", "风电 · Wind power", "#A08A2C", scene_wind_power),
    Placeholder(
        "industrial-park.jpg", "园区建设（渌口工业园）· Industrial park construction", "#A08A2C", scene_industrial_park
    ),
    Placeholder(
        "village-service-platform.jpg",
        "规范化村级综合服务平台 · Standardised village service centre",
        "#C0282D",
        scene_village_service_platform,
    ),
    Placeholder(
        "huachong-village-review.jpg",
        "龙门镇花冲村“脱贫立志、星级创建”村组评议会 · Huachong Village review meeting",
        "#C0282D",
        scene_huachong_village_review,
    ),
    Placeholder(
        "grid-management-centre.jpg",
        "网格化管理服务中心 · Grid management service centre",
        "#2F6DB5",
        scene_grid_management_centre,
    ),
]

TITLE = "示意占位图 · PLACEHOLDER"
REPLACE = "请替换为真实照片：assets/content/photos/{file} · Replace with the real photo"


def _notdef_mask(font: ImageFont.FreeTypeFont) -> bytes:
    return bytes(font.getmask("\U0010fffd"))


def _covers(path: Path, index: int, text: str) -> bool:
    """True if the font face has a real glyph (not the .notdef box) for every character of `text`."""
    font = ImageFont.truetype(str(path), 64, index=index)
    notdef = _notdef_mask(font)
    return all(ch.isspace() or bytes(font.getmask(ch)) != notdef for ch in set(text))


def _sc_index(path: Path) -> int:
    for index in range(10):
        try:
            family, _style = ImageFont.truetype(str(path), 20, index=index).getname()
        except OSError:
            break
        if family and family.endswith(" SC") and "Mono" not in family:
            return index
    raise SystemExit(f"no Simplified Chinese face in {path}")


@lru_cache(maxsize=None)
def font_face(weight: str, text: str) -> tuple[str, int]:
    """The bundled Noto Sans SC if it has every glyph of `text`, else the system Noto Sans CJK SC face."""
    bundled = FONTS_DIR / f"NotoSansSC-{weight}.otf"
    if bundled.is_file() and _covers(bundled, 0, text):
        return str(bundled), 0
    system = SYSTEM_FONTS_DIR / f"NotoSansCJK-{weight}.ttc"
    if system.is_file():
        return str(system), _sc_index(system)
    raise SystemExit(f"no CJK font: neither {bundled} nor {system}")


def fitted_font(weight: str, text: str, size: int, max_width: float, all_text: str) -> ImageFont.FreeTypeFont:
    """`size`, or smaller until `text` fits `max_width`; one face for all of `all_text` (the whole band)."""
    path, index = font_face(weight, all_text)
    while True:
        font = ImageFont.truetype(path, size, index=index)
        if font.getlength(text) <= max_width or size <= 12:
            return font
        size = int(size * 0.95)


def mark(img: Image.Image, spec: Placeholder) -> Image.Image:
    """Draw the placeholder band (title, caption, file to replace) across the middle at full size."""
    w, h = img.size
    max_w = w * 0.88
    replace = REPLACE.format(file=spec.file)
    all_text = TITLE + spec.caption + replace
    lines = [
        (TITLE, fitted_font("Bold", TITLE, round(w * 0.048), max_w, all_text), "#FBF6EC", 255),
        (spec.caption, fitted_font("Bold", spec.caption, round(w * 0.028), max_w, all_text), "#FFFFFF", 255),
        (replace, fitted_font("Regular", replace, round(w * 0.017), max_w, all_text), "#E6E0D6", 235),
    ]
    gaps = [round(w * 0.009), round(w * 0.007)]
    heights = [round(font.size * 1.2) for _t, font, _c, _a in lines]
    pad = round(w * 0.02)
    band_h = sum(heights) + sum(gaps) + 2 * pad
    top = round(h * BAND_CENTRE - band_h / 2)

    region = img.crop((0, top, w, top + band_h)).convert("RGBA")
    over = Image.new("RGBA", region.size, (10, 10, 14, 138))
    d = ImageDraw.Draw(over)
    rule = max(4, round(h * 0.0025))
    d.rectangle([0, 0, w, rule], fill=rgba(spec.accent, 235))
    d.rectangle([0, band_h - rule, w, band_h], fill=rgba(spec.accent, 235))
    region.alpha_composite(over)

    text_layer = Image.new("RGBA", region.size, (0, 0, 0, 0))
    shadow = Image.new("RGBA", region.size, (0, 0, 0, 0))
    td, sd = ImageDraw.Draw(text_layer), ImageDraw.Draw(shadow)
    y = pad
    offset = max(2, round(w * 0.0012))
    for (text, font, color, alpha), lh, gap in zip(lines, heights, gaps + [0]):
        td.text((w / 2, y + lh / 2), text, font=font, fill=rgba(color, alpha), anchor="mm")
        sd.text((w / 2 + offset, y + lh / 2 + offset), text, font=font, fill=(0, 0, 0, 120), anchor="mm")
        y += lh + gap
    region.alpha_composite(shadow.filter(ImageFilter.GaussianBlur(offset * 2)))
    region.alpha_composite(text_layer)

    out = img.copy()
    out.paste(region.convert("RGB"), (0, top))
    return out


# --------------------------------------------------------------------------------------------- output


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The built-in sRGB ICC profile with a fixed creation date, so the output is reproducible byte for byte."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
    return bytes(data)


def encode(img: Image.Image) -> tuple[bytes, int]:
    """Baseline sRGB JPEG, no EXIF, at the highest quality in QUALITIES that fits MAX_BYTES."""
    data, quality = b"", QUALITIES[-1]
    for quality in QUALITIES:
        buf = io.BytesIO()
        img.save(
            buf,
            "JPEG",
            quality=quality,
            optimize=True,
            progressive=False,
            subsampling="4:2:0",
            icc_profile=srgb_profile(),
            comment=MARKER,
        )
        data = buf.getvalue()
        if len(data) <= MAX_BYTES:
            break
    return data, quality


def is_placeholder(path: Path) -> bool:
    try:
        with Image.open(path) as im:
            return im.format == "JPEG" and im.info.get("comment") == MARKER
    except (OSError, ValueError):
        return False


def render(spec: Placeholder) -> Image.Image:
    art = spec.draw()
    if art.size != DESIGN:
        raise AssertionError(f"{spec.file}: scene is {art.size}, expected {DESIGN}")
    return mark(art.resize(FULL, Image.Resampling.LANCZOS), spec)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite files even if they are real photos")
    parser.add_argument("--preview", type=Path, help="also save 1200x800 PNG previews into this folder")
    parser.add_argument("--only", nargs="*", help="file names to generate (default: all)")
    args = parser.parse_args(argv)

    PHOTOS_DIR.mkdir(parents=True, exist_ok=True)
    if args.preview:
        args.preview.mkdir(parents=True, exist_ok=True)
    print(f"{'file':30} {'pixels':>11} {'bytes':>10}  q   status")
    for spec in PLACEHOLDERS:
        if args.only and spec.file not in args.only:
            continue
        path = PHOTOS_DIR / spec.file
        if path.exists() and not is_placeholder(path) and not args.force:
            print(f"{spec.file:30} {'':>11} {path.stat().st_size:>10,}  --  kept: real photo (use --force to replace)")
            continue
        img = render(spec)
        data, quality = encode(img)
        if path.exists() and path.read_bytes() == data:
            status = "unchanged"
        else:
            path.write_bytes(data)
            status = "written"
        if len(data) > MAX_BYTES:
            status += f" (over {MAX_BYTES:,} bytes)"
        print(f"{spec.file:30} {img.width:>5}x{img.height:<5} {len(data):>10,}  {quality}  {status}")
        if args.preview:
            img.resize((1200, 800), Image.Resampling.LANCZOS).save(args.preview / (Path(spec.file).stem + ".png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
