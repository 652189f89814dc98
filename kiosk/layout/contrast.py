"""The accessibility rules the interface is checked against, as plain arithmetic.

- Contrast (WCAG 2.x, success criteria 1.4.3 and 1.4.6): the contrast ratio of two colours from their relative
  luminance; text needs 4.5:1, large text 3:1 (7:1 and 4.5:1 in the high-contrast theme). "Large" is 18 pt
  bold or 24 pt regular, which on the 1920×1080 reference canvas the kiosk is drawn for we take as 24 px bold
  or 32 px regular (the kiosk's body text is 28 px). A colour with an alpha is first laid over what is behind
  it (`over`), so text on a scrim over a photo is checked against the scrim over the photo's darkest and
  lightest possible pixels.
- Touch targets: at least 9 mm square on the glass (`min_target_px` turns that into pixels for a screen).

Colours are `#rrggbb`, `#rrggbbaa`-free CSS hex, or `rgba(r,g,b,a)` with a in 0…255.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BODY_RATIO = 4.5  # WCAG AA, normal text
LARGE_RATIO = 3.0  # WCAG AA, large text
BODY_RATIO_HIGH = 7.0  # WCAG AAA, normal text: the high-contrast theme
LARGE_RATIO_HIGH = 4.5  # WCAG AAA, large text
LARGE_BOLD_PX = 24  # at the 1920×1080 reference
LARGE_REGULAR_PX = 32
MIN_TARGET_MM = 9.0

RGB = tuple[float, float, float]
_RGBA = re.compile(r"rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+(?:\.\d+)?)\s*\)")


def parse(colour: str) -> tuple[RGB, float]:
    """A colour as (r, g, b) in 0…255 and its opacity in 0…1."""
    text = colour.strip()
    match = _RGBA.fullmatch(text)
    if match:
        r, g, b, a = (float(v) for v in match.groups())
        return (r, g, b), (a / 255 if a > 1 else a)
    if text.startswith("#") and len(text) == 7:
        return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)), 1.0
    raise ValueError(f"not a colour: {colour!r}")


def over(colour: str, behind: RGB) -> RGB:
    """`colour` (possibly translucent) laid over the opaque colour `behind`."""
    rgb, alpha = parse(colour)
    return tuple(c * alpha + b * (1 - alpha) for c, b in zip(rgb, behind, strict=True))  # type: ignore[return-value]


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an sRGB colour (0 black … 1 white)."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio (1 … 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def lifted(colour: str, behind: str, least: float) -> str:
    """`colour` (#rrggbb) mixed towards white by as little as it takes to reach the contrast `least` over the
    darker colour `behind`: a content's accent stays recognisably itself when it is text on the dark theme."""
    rgb, _ = parse(colour)
    ground, _ = parse(behind)
    for step in range(101):
        t = step / 100
        mixed = tuple(round(c + (255 - c) * t) for c in rgb)
        if ratio(mixed, ground) >= least:  # type: ignore[arg-type]
            return "#{:02X}{:02X}{:02X}".format(*mixed)
    return "#FFFFFF"


def is_large(size_px: float, bold: bool) -> bool:
    """Large text in WCAG's sense, for a size at the 1920×1080 reference."""
    return size_px >= (LARGE_BOLD_PX if bold else LARGE_REGULAR_PX)


def required_ratio(size_px: float, bold: bool, high_contrast: bool = False) -> float:
    large = is_large(size_px, bold)
    if high_contrast:
        return LARGE_RATIO_HIGH if large else BODY_RATIO_HIGH
    return LARGE_RATIO if large else BODY_RATIO


@dataclass(frozen=True)
class TextPair:
    """A text colour the interface draws on a background, with the smallest size it is drawn at (reference px).
    `backdrop`: what lies behind a translucent background — a photo is any colour, so both black and white."""

    role: str
    text: str
    background: str
    size_px: float
    bold: bool = False
    backdrop: tuple[str, ...] = ()

    def ratios(self) -> list[float]:
        """The contrast on every backdrop (one value when the background is opaque)."""
        behinds = [parse(b)[0] for b in self.backdrop] or [(0.0, 0.0, 0.0)]
        results = []
        for behind in behinds:
            ground = over(self.background, behind)
            results.append(ratio(over(self.text, ground), ground))
        return results

    def worst(self) -> float:
        return min(self.ratios())

    def required(self, high_contrast: bool = False) -> float:
        return required_ratio(self.size_px, self.bold, high_contrast)

    def passes(self, high_contrast: bool = False) -> bool:
        return self.worst() >= self.required(high_contrast)


def min_target_px(width_px: int, height_px: int, width_mm: float, height_mm: float,
                  minimum_mm: float = MIN_TARGET_MM) -> float:
    """The smallest edge, in pixels, a touch target may have on this screen to be `minimum_mm` on the glass."""
    pitch = max(width_mm / width_px, height_mm / height_px)
    return minimum_mm / pitch
