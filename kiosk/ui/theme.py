"""The look, in one place: colours, the type scale, spacing and touch-target sizes.

Sizes are written for the 1920×1080 reference canvas and scaled by the screen's *short* side, so a portrait
1080×1920 stand gets the same physical type as a landscape one, a 1366×768 screen scales down and a 4K screen
up. Widgets ask the theme for sizes (`theme.px(28)`) and never hard-code pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

REFERENCE_SHORT_SIDE = 1080

# Palette: light text on a deep, slightly warm charcoal. No pure white or black (glare, burn-in).
BACKGROUND = "#12161B"
SURFACE = "#1B2129"
SURFACE_RAISED = "#252D37"
SURFACE_PRESSED = "#34404D"
TEXT = "#F1ECE2"
TEXT_MUTED = "#AEB5BD"
LINE = "#3A4450"
ACCENT_DEFAULT = "#D9A441"  # the exhibition's gold: home accents, focus
TRANSPORT = "#3D8BD9"
WATER = "#3A9BD5"
# Status colours of the timeline and the map; each status also has its own line style and marker shape, so it
# reads without colour vision (built solid ●, work began dash-dot ◉, under construction dashed ◐, in preparation
# dotted ○, milestone ◆; on the map also approved dash-dot-dot and existing thin solid grey).
STATUS_BUILT = TRANSPORT
STATUS_BEGUN = "#7BD389"
STATUS_UNDER_CONSTRUCTION = "#E58A3A"
STATUS_PLANNED = "#A9B8C9"
STATUS_APPROVED = "#E07BB5"
STATUS_EXISTING = "#8A96A3"
STATUS_MILESTONE = ACCENT_DEFAULT

# Type scale at the reference size, in pixels (never below ~24 px for text a visitor reads)
DISPLAY = 88
TITLE = 60
HEADING = 40
LEAD = 32
BODY = 28
CAPTION = 24
FIGURE = 84

MARGIN = 64
GAP = 24
RADIUS = 20
TOUCH_TARGET = 88  # minimum edge of anything tappable (≥ 60 px at 1080p, with room to spare)
BAR_HEIGHT = 112

LARGE_TEXT_SCALE = 1.2  # large-text mode: every font this much bigger, layouts stay on the same grid

TRANSITION_MS = 280
COUNT_UP_MS = 900


@dataclass
class Theme:
    scale: float
    families: tuple[str, ...]  # bundled faces in priority order for the current language
    portrait: bool
    text_scale: float = 1.0  # large-text mode (a staff setting) scales every font; screens are rebuilt with it

    @classmethod
    def for_size(cls, width: int, height: int, families: list[str] | tuple[str, ...] | str) -> Theme:
        if isinstance(families, str):
            families = (families,)
        return cls(
            scale=max(0.5, min(width, height) / REFERENCE_SHORT_SIDE), families=tuple(families), portrait=height > width
        )

    def set_language(self, lang: str) -> None:
        """Put the face of the language first: English takes quotes and dashes from the Latin face (narrow,
        proportional), Chinese from the CJK face (full-width, centred ellipsis). Fonts made afterwards follow."""
        cjk = [f for f in self.families if "SC" in f or "CJK" in f]
        latin = [f for f in self.families if f not in cjk]
        self.families = tuple(cjk + latin if lang == "zh" else latin + cjk)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(list(self.families))
        font.setPixelSize(self.px(size * self.text_scale))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    @staticmethod
    def colour(value: str) -> QColor:
        return QColor(value)

    def stylesheet(self) -> str:
        """Application-wide style: the few rules shared by every screen. No font-family here: a style sheet
        font would override the per-language family order that `set_language` applies."""
        p = self.px
        return f"""
        QWidget {{ background: transparent; color: {TEXT}; }}
        #Root, #Screen {{ background: {BACKGROUND}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QScrollBar:vertical {{ width: {p(8)}px; background: transparent; margin: 0; }}
        QScrollBar::handle:vertical {{ background: {LINE}; border-radius: {p(4)}px; min-height: {p(60)}px; }}
        QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
            height: 0; background: none; }}
        QToolTip {{ color: transparent; background: transparent; border: none; }}
        """


def mix(a: str, b: str, t: float) -> str:
    """Colour `t` of the way from `a` to `b` (0..1), as #rrggbb."""
    ca, cb = QColor(a), QColor(b)
    r = round(ca.red() + (cb.red() - ca.red()) * t)
    g = round(ca.green() + (cb.green() - ca.green()) * t)
    bl = round(ca.blue() + (cb.blue() - ca.blue()) * t)
    return f"#{r:02x}{g:02x}{bl:02x}"
