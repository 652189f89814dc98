"""The look, in one place: the palette, the style of every widget, the type scale, spacing and touch targets.

Sizes are written for the 1920×1080 reference canvas and scaled by the screen's *short* side, so a portrait
1080×1920 stand gets the same physical type as a landscape one, a 1366×768 screen scales down and a 4K screen
up. Widgets ask the theme for sizes (`theme.px(28)`) and never hard-code pixels.

Palette: every colour the interface uses is defined once, below, by the role it plays — surfaces
(`BACKGROUND`, `SURFACE`, `SURFACE_RAISED`, `SURFACE_PRESSED`, `LINE`), text (`TEXT`, `TEXT_MUTED`), the
exhibition's gold (`ACCENT_DEFAULT`), the status colours the timeline and the map share (`STATUS_*`), what
the map alone draws (`MAP_*`: ground, edges, zones, the colour of each kind of line), the staff panel's
outcomes (`GOOD`, `WARNING`, `DANGER`), the shades laid over photos and screens (`SCRIM`, `SHADE`, `DIM`,
`VEIL`, `PRESSED_SHADOW`; painters make them see-through with `translucent`), the closed-hours screen
(`CLOSED_*`) and the touch test's finger traces. A section's own accent is content (its TOML), not palette: it
reaches the theme as an argument. Other modules import these names; none writes a colour literal
(tests/unit/test_styling_in_theme.py checks).

How a widget gets its style — it never writes CSS itself:
- A fixed style is a rule of the one application style sheet, `Theme.stylesheet()`; the widget opts in with
  `setProperty("role", …)` (`muted`, `accent`, `warning`, `round_close`, …) or its object name (`#NavBar`,
  `#PinCard`, `#StaffPanel` …). A widget whose look changes while shown calls `set_role` (or
  `set_status`), which flips the property and re-polishes it.
- A style built from a content colour (a section's accent on a chip, a figure card or a heading) or from a
  size only known at run time is asked of the theme by name: `theme.apply(widget, "chip", accent=…)` sets
  the sheet `theme.style("chip", accent=…)` returns. These are the only widget style sheets in the kiosk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from kiosk.layout.contrast import TextPair, lifted

REFERENCE_SHORT_SIDE = 1080

# Palette: light text on a deep, slightly warm charcoal. No pure white or black (glare, burn-in).
BACKGROUND = "#12161B"
SURFACE = "#1B2129"
SURFACE_RAISED = "#252D37"
SURFACE_PRESSED = "#34404D"
TEXT = "#F1ECE2"
TEXT_MUTED = "#AEB5BD"
LINE = "#3A4450"
DISABLED_TEXT = "#949CA4"  # a button that cannot be pressed now: dimmer than muted text, still readable (4.5:1)
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

# Translucent background: the charcoal over a photo (caption chips, the viewer's buttons), as CSS; painters
# take `translucent(BACKGROUND, alpha)`
SCRIM = "rgba(18,22,27,{alpha})"
SHADE = "#0A0C0F"  # darker than the background: gradients under text on a photo
DIM = "rgba(10,12,15,235)"  # SHADE behind the staff keypad
VEIL = "#080A0D"  # the still-there prompt's veil over the frozen screen
# The gradients painted over a photo under text, as (position 0…1 down the area, opacity 0…255) stops: the
# home's hero photo (title, date and figures in its lower part, from `HERO_TEXT_FROM` down) and the
# slideshow's caption band. Text over them is checked against their opacity where it begins (`text_pairs`):
# the hero's date and title begin 8–13 % down the photo (tests/ui/test_accessibility.py measures it), so the
# shade is already 55 % there; over the photo the date is in the text colour (gold on a light photo is not).
HERO_SHADE = ((0.0, 110), (0.06, 140), (0.5, 195), (1.0, 245))
HERO_TEXT_FROM = 0.06
CAPTION_SHADE = ((0.0, 0), (0.45, 200), (1.0, 240))
PRESSED_SHADOW = "#000000"  # laid translucent over a pressed tile or photo
CLOSED_GROUND = "#000000"  # closed hours: the panel all but dark (the one pure black, see CLOSED_CLOCK)

# The staff panel's outcomes: a finished export or reload, a failure or a warning, a destructive button
GOOD = "#7FB77E"
WARNING = "#E07A5F"
DANGER = "#6B2F2A"

# The map's own ground and shapes (its status colours are the STATUS_* above)
MAP_LAND = "#1D242C"  # the neighbours' ground
MAP_NEIGHBOUR_EDGE = "#3C4753"
MAP_NEIGHBOUR_TEXT = "#8E98A3"
MAP_DISTRICT_FILL = "#283340"
MAP_ZONE = "#B48EDB"
MAP_CASING = "#10141A"  # the dark edge under a line, and a railway's ties
MAP_RIVER_LABEL = "#8CC8F0"
MAP_BOUNDARY = "#5FC9BF"  # the district boundary: a hue no road, river or status uses
# Colour of each kind of line that has no status; a road, railway or bridge takes its status's colour and
# shows its kind by width and pattern (kiosk.ui.widgets.map_style)
MAP_KIND_COLOURS = {
    "river": WATER,
}

# Closed hours: dim grey on black, readable across a dark hall at a fraction of the panel's light (and still
# 4.5:1, the contrast body text needs)
CLOSED_CLOCK = "#7A8189"
CLOSED_NOTE = "#737A82"

# The touch test draws each finger in its own colour, so two fingers' traces are told apart
TOUCH_TRACES = (ACCENT_DEFAULT, TRANSPORT, GOOD, WARNING, "#B28DD6", "#4FC1B8", "#E5C15A", "#D66F9E", "#9AA7B5",
                TEXT)

# High-contrast theme (a staff setting): light text on black, brighter accents, and nothing see-through over a
# photo (scrims and shades become opaque). The map and the timeline keep their own drawing colours.
_CONSTANT_NAMES = ("BACKGROUND", "SURFACE", "SURFACE_RAISED", "SURFACE_PRESSED", "TEXT", "TEXT_MUTED", "LINE",
                   "DISABLED_TEXT",
                   "ACCENT_DEFAULT", "TRANSPORT", "WATER", "STATUS_BUILT", "STATUS_BEGUN", "STATUS_UNDER_CONSTRUCTION",
                   "STATUS_PLANNED", "STATUS_APPROVED", "STATUS_EXISTING", "STATUS_MILESTONE", "SCRIM", "SHADE",
                   "DIM", "VEIL", "GOOD", "WARNING", "DANGER")
STANDARD_PALETTE: dict[str, str] = {name: globals()[name] for name in _CONSTANT_NAMES}
HIGH_CONTRAST_PALETTE: dict[str, str] = {
    **STANDARD_PALETTE,
    "BACKGROUND": "#000000",
    "SURFACE": "#0E0E0E",
    "SURFACE_RAISED": "#1C1C1C",
    "SURFACE_PRESSED": "#3A3A3A",
    "TEXT": "#FFFFFF",
    "TEXT_MUTED": "#E2E2E2",
    "LINE": "#A0A0A0",
    "DISABLED_TEXT": "#B0B0B0",
    "ACCENT_DEFAULT": "#FFD23F",
    "TRANSPORT": "#7CC4FF",
    "WATER": "#7CC4FF",
    "STATUS_BUILT": "#7CC4FF",
    "STATUS_BEGUN": "#8CF0A0",
    "STATUS_UNDER_CONSTRUCTION": "#FFAA66",
    "STATUS_PLANNED": "#DCE4EE",
    "STATUS_APPROVED": "#FFA6D6",
    "STATUS_EXISTING": "#C8CED6",
    "STATUS_MILESTONE": "#FFD23F",
    "SCRIM": "rgba(0,0,0,255)",  # keeps its {alpha} placeholder out: opaque whatever alpha is asked
    "SHADE": "#000000",
    "DIM": "rgba(0,0,0,255)",
    "VEIL": "#000000",
    "GOOD": "#A6E6A5",
    "WARNING": "#FFA488",
    "DANGER": "#7A1F1A",
}
_OPAQUE_OVER_PHOTOS = ("BACKGROUND", "SHADE", "VEIL", "SURFACE")  # see `translucent`
OPAQUE_FROM = 90
high_contrast = False


def use_palette(high: bool) -> None:
    """Switch every palette name of this module to the standard or the high-contrast theme. Who calls it then
    sets `Theme.stylesheet()` again and rebuilds the screens (widgets read the names when they are built)."""
    global high_contrast
    high_contrast = high
    globals().update(HIGH_CONTRAST_PALETTE if high else STANDARD_PALETTE)


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
REACH_TEXT_SCALE = 1.2  # accessible (reach) mode: every font this much bigger again, for the length of a visit

TRANSITION_MS = 280
COUNT_UP_MS = 900


@dataclass
class Theme:
    scale: float
    families: tuple[str, ...]  # bundled faces in priority order for the current language
    portrait: bool
    text_scale: float = 1.0  # large-text mode (a staff setting) scales every font; screens are rebuilt with it
    reach_scale: float = 1.0  # accessible mode (a visitor's choice) scales every font on top; screens rebuilt too

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
        self.families = families_for(self.families, lang)

    def in_language(self, font: QFont, lang: str) -> QFont:
        """`font` with the face of `lang` first, whatever the interface's language: a line of Chinese in English
        mode keeps its full-width quotes, "·" and "？" from the CJK face."""
        font = QFont(font)
        font.setFamilies(list(families_for(tuple(font.families()), lang)))
        return font

    @property
    def font_scale(self) -> float:
        """How much larger than the type scale every font is drawn: large-text mode times accessible mode. Layouts
        that size a box for its text (or cache what they drew) read this, not `text_scale` alone."""
        return self.text_scale * self.reach_scale

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(list(self.families))
        font.setPixelSize(self.px(size * self.font_scale))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    @staticmethod
    def colour(value: str) -> QColor:
        return QColor(value)

    def stylesheet(self) -> str:
        """The one application style sheet: what every screen shares, then each fixed role a widget opts into
        with `setProperty("role", …)` or its object name. No font-family here: a style sheet font would override
        the per-language family order that `set_language` applies."""
        p = self.px
        scrim = SCRIM.format
        return f"""
        QWidget {{ background: transparent; color: {TEXT}; }}
        #Root, #Screen {{ background: {BACKGROUND}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QScrollBar:vertical {{ width: {p(8)}px; background: transparent; margin: 0; }}
        QScrollBar::handle:vertical {{ background: {LINE}; border-radius: {p(4)}px; min-height: {p(60)}px; }}
        QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
            height: 0; background: none; }}
        QToolTip {{ color: transparent; background: transparent; border: none; }}
        QStackedWidget[role="reach_stage"] QScrollBar:vertical {{ width: 0; }}
        QScrollBar[role="reach_scroll"]:vertical {{ width: {p(40)}px; background: {SURFACE}; margin: 0;
            border-left: {p(2)}px solid {LINE}; }}
        QScrollBar[role="reach_scroll"]::handle:vertical {{ background: {SURFACE_PRESSED}; border-radius: {p(14)}px;
            min-height: {p(TOUCH_TARGET)}px; margin: {p(6)}px; }}

        QLabel[role="text"] {{ color: {TEXT}; }}
        QLabel[role="muted"] {{ color: {TEXT_MUTED}; }}
        QLabel[role="accent"] {{ color: {ACCENT_DEFAULT}; }}
        QLabel[role="on_accent"] {{ color: {BACKGROUND}; }}
        QLabel[role="warning"] {{ color: {WARNING}; }}
        QLabel[role="good"] {{ color: {GOOD}; }}
        QLabel[status="built"] {{ color: {STATUS_BUILT}; }}
        QLabel[status="begun"] {{ color: {STATUS_BEGUN}; }}
        QLabel[status="under_construction"] {{ color: {STATUS_UNDER_CONSTRUCTION}; }}
        QLabel[status="planned"] {{ color: {STATUS_PLANNED}; }}
        QLabel[status="milestone"] {{ color: {STATUS_MILESTONE}; }}

        #NavBar {{ background: {SURFACE}; border-top: {p(2)}px solid {LINE}; }}
        #NavBar QPushButton {{ background: {SURFACE_RAISED}; color: {TEXT}; border: none;
            border-radius: {p(16)}px; padding: 0 {p(28)}px; }}
        #NavBar QPushButton:pressed {{ background: {SURFACE_PRESSED}; }}
        #NavBar QPushButton:checked {{ background: {ACCENT_DEFAULT}; color: {BACKGROUND}; }}
        #NavBar QPushButton:disabled {{ color: {DISABLED_TEXT}; }}

        HeroView QLabel[role="accent"] {{ color: {TEXT}; }}
        QLabel[role="hero_caption"] {{ color: {TEXT}; background: {scrim(alpha=160)}; border-radius: {p(8)}px;
            padding: {p(4)}px {p(12)}px; }}
        QPushButton[role="intro"] {{ background: {scrim(alpha=150)}; color: {TEXT};
            border: {p(2)}px solid {ACCENT_DEFAULT}; border-radius: {p(32)}px; padding: {p(8)}px {p(28)}px; }}
        QPushButton[role="intro"]:pressed {{ background: {ACCENT_DEFAULT}; color: {BACKGROUND}; }}

        #CaptionBand {{ background: {SURFACE}; border-top: {p(1)}px solid {LINE}; }}

        QLabel[role="map_badge"] {{ background: {ACCENT_DEFAULT}; color: {BACKGROUND}; border-radius: {p(8)}px;
            padding: {p(2)}px {p(12)}px; }}
        QLabel[role="map_banner"] {{ color: {ACCENT_DEFAULT}; background: {SURFACE};
            border-left: {p(6)}px solid {ACCENT_DEFAULT}; padding: {p(8)}px {p(14)}px; }}
        QPushButton[role="map_round"] {{ background: {SURFACE_RAISED}; border: {p(2)}px solid {LINE};
            border-radius: {p(TOUCH_TARGET // 2)}px; }}
        QPushButton[role="map_round"]:pressed {{ background: {SURFACE_PRESSED}; border-color: {ACCENT_DEFAULT}; }}
        QGraphicsView[role="map"], QGraphicsView[role="map"] QWidget {{ background: transparent; border: none; }}
        #MapCard {{ background: {SURFACE}; border-left: {p(6)}px solid {ACCENT_DEFAULT}; }}
        QPushButton[role="round_close"] {{ background: {SURFACE_RAISED}; border: none;
            border-radius: {p(TOUCH_TARGET // 2)}px; }}
        QPushButton[role="round_close"]:pressed {{ background: {SURFACE_PRESSED}; }}
        QPushButton[role="timeline_map"] {{ background: {TRANSPORT}; color: {BACKGROUND}; border: none;
            border-radius: {p(36)}px; padding: {p(8)}px {p(30)}px; }}
        QPushButton[role="timeline_map"]:pressed {{ background: {SURFACE_PRESSED}; color: {TEXT}; }}

        #PinPad {{ background: {DIM}; }}
        #StaffPanel, #CleaningOverlay, #TouchTestOverlay {{ background: {BACKGROUND}; }}
        #ProblemsOverlay {{ background: {DIM}; }}
        #ProblemsCard {{ background: {SURFACE}; border: {p(2)}px solid {WARNING}; border-radius: {p(RADIUS)}px; }}
        #ProblemsCard QLabel[role="problems"] {{ background: {BACKGROUND}; }}
        QPushButton#ProblemsHide {{ background: {SURFACE_RAISED}; color: {TEXT}; border: none;
            border-radius: {p(14)}px; padding: 0 {p(28)}px; }}
        QPushButton#ProblemsHide:pressed {{ background: {SURFACE_PRESSED}; }}
        #PinCard {{ background: {SURFACE}; border-radius: {p(RADIUS * 1.5)}px; }}
        #PinCard QPushButton {{ background: {SURFACE_RAISED}; color: {TEXT}; border: none;
            border-radius: {p(RADIUS)}px; }}
        #PinCard QPushButton:pressed {{ background: {SURFACE_PRESSED}; }}
        #PinCard QPushButton:disabled {{ color: {DISABLED_TEXT}; }}
        #PinCard QPushButton#PinOk {{ background: {ACCENT_DEFAULT}; color: {BACKGROUND}; }}
        #PinCard QPushButton#PinOk:disabled {{ background: {SURFACE_RAISED}; color: {DISABLED_TEXT}; }}

        #StaffPanel QPushButton {{ background: {SURFACE_RAISED}; color: {TEXT}; border: none;
            border-radius: {p(14)}px; padding: 0 {p(24)}px; min-height: {p(TOUCH_TARGET * 0.8)}px;
            min-width: {p(TOUCH_TARGET * 0.8)}px; }}
        #StaffPanel QPushButton:pressed {{ background: {SURFACE_PRESSED}; }}
        #StaffPanel QPushButton:checked {{ background: {ACCENT_DEFAULT}; color: {BACKGROUND}; }}
        #StaffPanel QPushButton:disabled {{ color: {DISABLED_TEXT}; }}
        #StaffPanel QPushButton[role="primary"] {{ background: {ACCENT_DEFAULT}; color: {BACKGROUND}; }}
        #StaffPanel QPushButton[role="primary"]:pressed {{ background: {SURFACE_PRESSED}; color: {TEXT}; }}
        #StaffPanel QPushButton[role="primary"]:disabled {{ background: {SURFACE_RAISED}; color: {DISABLED_TEXT}; }}
        #StaffPanel QPushButton[role="danger"] {{ background: {DANGER}; color: {TEXT}; }}
        QPushButton[role="place"] {{ text-align: left; }}
        QLabel[role="nag"] {{ color: {BACKGROUND}; background: {WARNING}; border-radius: {p(12)}px;
            padding: {p(10)}px {p(18)}px; }}
        #SettingRow, #ContentCard {{ background: {SURFACE}; border-radius: {p(16)}px; }}
        QLabel[role="problems"] {{ color: {TEXT}; background: {SURFACE}; padding: {p(16)}px;
            border-radius: {p(12)}px; }}
        QLabel[role="log"] {{ color: {TEXT_MUTED}; background: {SURFACE}; padding: {p(12)}px; }}
        """

    def style(self, name: str, **params: object) -> str:
        """The style sheet of one widget whose look depends on content or on a size known only at run time
        (see the module's docstring); `name` is one of `WIDGET_STYLES`."""
        return WIDGET_STYLES[name](self.px, **params)

    def apply(self, widget: QWidget, name: str, **params: object) -> None:
        """Give `widget` the style `style(name, **params)`: the one place a widget's own sheet is set."""
        widget.setStyleSheet(self.style(name, **params))


def set_role(widget: QWidget, role: str) -> None:
    """Switch a shown widget to another role of the application style sheet (re-polished, so it takes effect)."""
    _set_property(widget, "role", role)


def set_status(widget: QWidget, status: str) -> None:
    """Colour a label by a timeline status (`built`, `begun`, …) from the palette."""
    _set_property(widget, "status", status)


def _set_property(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


ACCENT_TEXT_LEAST = 3.1  # accent text is only ever large (headings, figures): 3:1, with a little to spare


def accent_text_colour(accent: str) -> str:
    """The colour of text written in a section's accent (content): the accent, lightened just enough to read as
    large text on the lightest surface it is written on (a deep red is 2.8:1 on a card), or in the high-contrast
    theme the text colour (a content accent need not reach 7:1 on black; it stays on borders and rules)."""
    return TEXT if high_contrast else lifted(accent, SURFACE_RAISED, ACCENT_TEXT_LEAST)


def on_accent_fill(accent: str) -> str:
    """What a chosen or pressed chip fills with, under dark text: its accent, or in high contrast the text colour."""
    return TEXT if high_contrast else accent


def _chip(
    p, accent: str, padding: tuple[float, float] = (10, 30), radius: float = 36, radius_px: int | None = None
) -> str:
    """A touch chip drawn in its section's accent: outlined, filled while pressed or chosen. `radius_px`: the
    corner radius in screen pixels (half the chip's height makes round ends; more draws square corners)."""
    corner = radius_px if radius_px is not None else p(radius)
    fill = on_accent_fill(accent)
    return f"""
        QPushButton {{ background: {SURFACE_RAISED}; color: {TEXT}; border: {p(2)}px solid {accent};
            border-radius: {corner}px; padding: {p(padding[0])}px {p(padding[1])}px; }}
        QPushButton:pressed {{ background: {fill}; color: {BACKGROUND}; }}
        QPushButton:checked {{ background: {fill}; color: {BACKGROUND}; }}
        QPushButton:focus {{ border-color: {TEXT}; }}
        """


def _figure_card(p, accent: str, surface: str | None = None) -> str:
    """A headline figure's card: its accent along the top, on the surface it sits on (a scrim over the hero)."""
    surface = surface or SURFACE
    return (
        f"#FigureCard {{ background: {surface}; border-radius: {p(RADIUS)}px;"
        f" border-top: {p(6)}px solid {accent}; }}"
    )


def _accent_text(p, accent: str, padding_top: float = 0) -> str:
    """Text in a content accent (a section's kicker and headings, the timeline's goal)."""
    return f"color: {accent_text_colour(accent)};" + (f" padding-top: {p(padding_top)}px;" if padding_top else "")


def _gallery_heading(p, accent: str) -> str:
    return f"color: {accent_text_colour(accent)}; padding: {p(20)}px 0 0 0; margin: 0;"


def _viewer_button(p, size: int, text: bool) -> str:
    """The photo viewer's round buttons over the photo; `size` is the button's edge in screen pixels."""
    pad = f"padding: 0 {p(30)}px 0 {p(22)}px;" if text else "padding: 0;"
    return (
        f"QPushButton {{ background: {SCRIM.format(alpha=200)}; color: {TEXT}; border: {p(2)}px solid {LINE};"
        f" border-radius: {size // 2}px; {pad} }}"
        f"QPushButton:pressed {{ background: {SURFACE_PRESSED}; }}"
        # Disabled (no photo before the first): the same circle, only the symbol dims, so "‹" and "›" match
        f"QPushButton:disabled {{ color: {LINE}; }}"
    )


WIDGET_STYLES: dict[str, Callable[..., str]] = {
    "chip": _chip,
    "figure_card": _figure_card,
    "accent_text": _accent_text,
    "gallery_heading": _gallery_heading,
    "viewer_button": _viewer_button,
}


# Contrast, checked (tests/unit/test_accessibility_rules.py) -----------------------------------------------------
# Every text colour the interface draws, on every background it draws it on, at the smallest size it is drawn
# (reference px). Text over a photo is declared with the scrim or shade under it and both extreme photos behind.
PHOTO = ("#000000", "#FFFFFF")  # a photo may be any colour: its darkest and lightest pixel

def _stop_at(stops: tuple[tuple[float, int], ...], position: float) -> int:
    """The opacity of a gradient at `position` (linear between its stops, as Qt paints it)."""
    for (p0, a0), (p1, a1) in zip(stops, stops[1:], strict=False):
        if p0 <= position <= p1:
            return round(a0 + (a1 - a0) * (position - p0) / (p1 - p0))
    return stops[-1][1]


def _on_scrim(alpha: int) -> str:
    return SCRIM.format(alpha=alpha) if "{alpha}" in SCRIM else SCRIM


def _shade(colour: str, alpha: int) -> str:
    """A painter's shade (`translucent(colour, alpha)`) as the contrast rules read it."""
    c = translucent(colour, alpha)
    return f"rgba({c.red()},{c.green()},{c.blue()},{c.alpha()})"


def families_for(families: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The theme's faces in the order for `lang`: the CJK face first for Chinese, the Latin face for English."""
    cjk = [f for f in families if "SC" in f or "CJK" in f]
    latin = [f for f in families if f not in cjk]
    return tuple(cjk + latin if lang == "zh" else latin + cjk)


def text_pairs(accents: tuple[str, ...] = ()) -> list[TextPair]:
    """The text/background pairs of the current palette; `accents`: the sections' own colours (content), which
    colour headings (large) and fill a chosen chip under dark text."""
    hero = _shade(BACKGROUND, _stop_at(HERO_SHADE, HERO_TEXT_FROM))
    caption_band = _shade(SHADE, _stop_at(CAPTION_SHADE, 0.45))
    pairs = [
        TextPair("text", TEXT, BACKGROUND, CAPTION - 4),
        TextPair("text on surface", TEXT, SURFACE, CAPTION - 4),
        TextPair("text on a button", TEXT, SURFACE_RAISED, CAPTION - 4),
        TextPair("text on a pressed button", TEXT, SURFACE_PRESSED, CAPTION),
        TextPair("muted", TEXT_MUTED, BACKGROUND, CAPTION - 4),
        TextPair("muted on surface (bar title, captions)", TEXT_MUTED, SURFACE, CAPTION - 4),
        TextPair("muted on a button", TEXT_MUTED, SURFACE_RAISED, CAPTION),
        # a disabled button's text (the bar's Back and Home, the staff panel's): WCAG exempts inactive controls
        # from 1.4.3, but a visitor should still read what the button is, so it is held to the body-text rule
        TextPair("disabled button", DISABLED_TEXT, SURFACE_RAISED, CAPTION - 4),
        TextPair("accent", ACCENT_DEFAULT, BACKGROUND, CAPTION),
        TextPair("accent on surface (map banner, still-there hint)", ACCENT_DEFAULT, SURFACE, CAPTION),
        TextPair("on accent (chosen button, badge)", BACKGROUND, ACCENT_DEFAULT, CAPTION - 4),
        TextPair("show on map", BACKGROUND, TRANSPORT, CAPTION, bold=True),
        TextPair("staff nag", BACKGROUND, WARNING, CAPTION - 2),
        TextPair("warning", WARNING, SURFACE, CAPTION - 2),
        TextPair("warning on background", WARNING, BACKGROUND, CAPTION - 2),
        TextPair("good", GOOD, SURFACE, CAPTION - 2),
        TextPair("danger button", TEXT, DANGER, CAPTION, bold=True),
        *(TextPair(f"status {name}", colour, BACKGROUND, CAPTION) for name, colour in (
            ("built", STATUS_BUILT), ("begun", STATUS_BEGUN), ("under construction", STATUS_UNDER_CONSTRUCTION),
            ("planned", STATUS_PLANNED), ("approved", STATUS_APPROVED), ("existing", STATUS_EXISTING),
            ("milestone", STATUS_MILESTONE))),
        *(TextPair(f"status {name} on a card", colour, SURFACE, CAPTION) for name, colour in (
            ("built", STATUS_BUILT), ("begun", STATUS_BEGUN), ("under construction", STATUS_UNDER_CONSTRUCTION),
            ("planned", STATUS_PLANNED))),
        # over photos
        TextPair("hero caption", TEXT, _on_scrim(170), CAPTION - 4, backdrop=PHOTO),
        TextPair("read the foreword", TEXT, _on_scrim(150), CAPTION + 2, bold=True, backdrop=PHOTO),
        TextPair("headline figure label on the hero", TEXT, _on_scrim(190), CAPTION - 4, backdrop=PHOTO),
        TextPair("headline figure on the hero", ACCENT_DEFAULT, _on_scrim(190), FIGURE * 0.62, bold=True,
                 backdrop=PHOTO),
        TextPair("viewer buttons", TEXT, _on_scrim(200), CAPTION + 2, bold=True, backdrop=PHOTO),
        TextPair("hero title", TEXT, hero, TITLE * 0.7, backdrop=PHOTO),
        TextPair("hero date", TEXT, hero, LEAD, bold=True, backdrop=PHOTO),
        TextPair("slideshow invitation", TEXT, _shade(BACKGROUND, 215), HEADING, bold=True, backdrop=PHOTO),
        TextPair("slideshow invitation, English", TEXT_MUTED, _shade(BACKGROUND, 215), LEAD, backdrop=PHOTO),
        TextPair("slideshow caption", TEXT_MUTED, caption_band, CAPTION, backdrop=PHOTO),
        # the still-there question, the closed screen, the map
        TextPair("still there?", TEXT, SURFACE, TITLE * 0.9, bold=True),
        TextPair("still there? in the other language", TEXT_MUTED, SURFACE, LEAD),
        TextPair("closed: clock and date", CLOSED_CLOCK, CLOSED_GROUND, CAPTION),
        TextPair("closed: opening note", CLOSED_NOTE, CLOSED_GROUND, CAPTION),
        TextPair("map: neighbours' names", MAP_NEIGHBOUR_TEXT, MAP_LAND, CAPTION - 4),
        TextPair("map: river names", MAP_RIVER_LABEL, MAP_DISTRICT_FILL, CAPTION - 4),
        TextPair("map: names in the district", TEXT, MAP_DISTRICT_FILL, CAPTION - 4),
    ]
    for accent in accents:
        pairs.append(TextPair(f"section heading {accent}", accent_text_colour(accent), BACKGROUND, HEADING, bold=True))
        pairs.append(TextPair(f"chosen chip {accent}", BACKGROUND, on_accent_fill(accent), CAPTION, bold=True))
        # a section's figures: the number in its accent on a card, down to the smallest it shrinks to (FigureCard)
        pairs.append(TextPair(f"section figure {accent}", accent_text_colour(accent), SURFACE,
                              FIGURE * 0.8 * 0.55, bold=True))
    return pairs


def translucent(colour: str, alpha: int) -> QColor:
    """A palette colour with this opacity (0..255), for painters. In the high-contrast theme the shades laid
    under text over a photo (any of those at least `OPAQUE_FROM` opaque) become opaque; the faint press shadow
    stays."""
    result = QColor(colour)
    if high_contrast and alpha >= OPAQUE_FROM and colour in {HIGH_CONTRAST_PALETTE[n] for n in _OPAQUE_OVER_PHOTOS}:
        alpha = 255
    result.setAlpha(alpha)
    return result


def mix(a: str, b: str, t: float) -> str:
    """Colour `t` of the way from `a` to `b` (0..1), as #rrggbb."""
    ca, cb = QColor(a), QColor(b)
    r = round(ca.red() + (cb.red() - ca.red()) * t)
    g = round(ca.green() + (cb.green() - ca.green()) * t)
    bl = round(ca.blue() + (cb.blue() - ca.blue()) * t)
    return f"#{r:02x}{g:02x}{bl:02x}"
