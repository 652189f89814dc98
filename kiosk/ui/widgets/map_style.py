"""How the infrastructure map looks: which palette colour each thing takes, the pen of each kind of line in each
status, the symbol of each kind of place, and the words for kinds and layers.

A line's colour is its status, and its kind shows by width and pattern, so what the legend says of a kind holds
in every status: an expressway is the widest line, split by a dark centre stripe (a dual carriageway); an express
road is a core line between two thin rails (the rails solid, the core in its status's pattern, so the kind still
reads where the status breaks the core into dots); a railway has dark ties, also while it is being rebuilt; a 公路
(trunk road) is a medium line and a local road a thin one. Across the line a visitor sees two bright bands for an
expressway, three for an express road, one for a 公路 or a road. Status reads by colour *and* pattern, so it
survives colour blindness: built is solid white, work began is dash-dot green, under construction is dashed
orange, approved is dash-dot-dot pink, in preparation (planned) is dotted grey-blue, and what stood before the
story began (existing) is a thin solid grey line — the same colours as the timeline. Rivers, towns and villages
have no status. Blue is kept for water. Widths are screen pixels (cosmetic pens): lines keep their weight at every
zoom. The map items, the legend and the card all ask this module, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from kiosk.content.schema import Lang
from kiosk.geo.features import Layer
from kiosk.ui import theme as t
from kiosk.ui.strings import tr

# The colours are the theme's palette (kiosk.ui.theme, MAP_*); these names say what each is drawn on here.
LAND = t.MAP_LAND  # the neighbours' ground
NEIGHBOUR_EDGE = t.MAP_NEIGHBOUR_EDGE
NEIGHBOUR_TEXT = t.MAP_NEIGHBOUR_TEXT
DISTRICT_FILL = t.MAP_DISTRICT_FILL
DISTRICT_EDGE = t.MAP_BOUNDARY  # not the gold of the expressways: a boundary is no road
DISTRICT_NAME = t.ACCENT_DEFAULT
WATER = t.WATER
RIVER_LABEL = t.MAP_RIVER_LABEL
ZONE = t.MAP_ZONE
CASING = t.MAP_CASING
HIGHLIGHT = t.ACCENT_DEFAULT
SELECTION_GLOW = t.TEXT  # the light band around a chosen line or zone: clear on the dark ground, never brown
BADGE = t.SURFACE_RAISED

UNDER_CONSTRUCTION = t.STATUS_UNDER_CONSTRUCTION
PLANNED = t.STATUS_PLANNED
STATUS_COLOURS = {
    "built": t.TEXT,
    "begun": t.STATUS_BEGUN,
    "under_construction": UNDER_CONSTRUCTION,
    "approved": t.STATUS_APPROVED,
    "planned": PLANNED,
    "existing": t.STATUS_EXISTING,
}
# Legend order: done, started, being built, approved, in preparation, then what already stood.
STATUS_ORDER = ("built", "begun", "under_construction", "approved", "planned", "existing")
EXISTING_WIDTH = 0.6  # an existing line is drawn this much narrower than a built one

# Colour of a line that has no status (a river); every other line takes its status's colour
KIND_COLOURS = t.MAP_KIND_COLOURS


@dataclass(frozen=True)
class LineStyle:
    width: float  # reference pixels (theme.px applies)
    casing: float  # extra width of the dark casing under it; 0 = none
    z: float  # drawing order


LINE_STYLES = {
    "river": LineStyle(6.0, 0.0, 2.6),
    "road": LineStyle(3.0, 2.5, 3.0),
    "trunk_road": LineStyle(4.5, 3.0, 4.0),
    "railway": LineStyle(5.0, 3.0, 5.0),
    "express_highway": LineStyle(8.6, 3.0, 5.8),  # its rails' outer width (see RAIL)
    "expressway": LineStyle(7.0, 3.5, 6.0),
    "bridge": LineStyle(8.0, 4.0, 7.0),
}

# An express road's rails: the width of each rail and of the dark gap between rail and core, in reference px
RAIL = 1.2
RAIL_GAP = 1.4

# A place's marker radius in reference px (a badge; a town or village a dot of DOT times it), for map and legend
MARKER_RADIUS = {"village": 16, "town": 20}
BADGE_RADIUS = 22
DOT = 0.55
DOT_RING = 3.0  # screen px of dark ring around a dot (the markers do not scale with the zoom)


def marker_radius(kind: str, px) -> float:
    return px(MARKER_RADIUS.get(kind, BADGE_RADIUS))


# Default symbol of each kind of place (a feature may name its own `icon`)
KIND_ICONS = {
    "expressway": "mdi6.highway",
    "express_highway": "mdi6.highway",
    "railway": "mdi6.train",
    "trunk_road": "mdi6.road-variant",
    "road": "mdi6.road-variant",
    "bridge": "mdi6.bridge",
    "lock": "mdi6.ferry",
    "port": "mdi6.anchor",
    "river": "mdi6.waves",
    "utility": "mdi6.lightning-bolt",
    "zone": "mdi6.factory",
    "public_building": "mdi6.office-building",
    "town": "mdi6.home-city-outline",
    "village": "mdi6.home-group",
}

LAYER_ICONS = {
    Layer.TRANSPORT: "mdi6.road-variant",
    Layer.WATER: "mdi6.waves",
    Layer.UTILITIES: "mdi6.transmission-tower",
    Layer.ZONES: "mdi6.factory",
    Layer.TOWNS: "mdi6.home-city-outline",
}
LAYER_ORDER = (Layer.TRANSPORT, Layer.WATER, Layer.UTILITIES, Layer.ZONES, Layer.TOWNS)

def kind_name(kind: str, lang: Lang) -> str:
    return tr(f"map_kind_{kind}", lang)


def layer_name(layer: Layer, lang: Lang) -> str:
    return tr(f"map_layer_{layer.value}", lang)


def status_name(status: str, lang: Lang) -> str:
    return tr(f"map_status_{status}", lang)


def feature_status_name(status: str | None, existing: bool, lang: Lang) -> str:
    """What a card says of a feature's status: 已建成, 原有, or 原有 · 开工 for an existing line whose work the
    source dates later; empty for rivers, towns and villages."""
    if status is None:
        return status_name("existing", lang) if existing else ""
    if existing:
        return tr("map_status_existing_then", lang, status=status_name(status, lang))
    return status_name(status, lang)


def line_colour(kind: str, status: str | None) -> QColor:
    if status is None:
        return QColor(KIND_COLOURS.get(kind, t.TEXT))
    return QColor(STATUS_COLOURS[status])


def zone_edge(status: str | None) -> QColor:
    """A zone's outline: its own purple when built, else its status's colour (the pattern comes with `dash`)."""
    colour = QColor(ZONE if status in (None, "built") else STATUS_COLOURS[status])
    colour.setAlpha(210)
    return colour


def status_colour(status: str | None) -> QColor:
    return QColor(STATUS_COLOURS.get(status or "built", t.TEXT))


def dash(pen: QPen, status: str | None) -> QPen:
    """Each status's pattern; dash lengths are in units of the pen width. Built and existing are solid (existing
    is narrower and grey, see `line_pens`)."""
    patterns = {
        "begun": ([3.0, 1.3, 0.05, 1.3], Qt.PenCapStyle.RoundCap),  # dash-dot
        "under_construction": ([2.4, 1.4], Qt.PenCapStyle.FlatCap),  # dashes
        "approved": ([3.0, 1.2, 0.05, 1.2, 0.05, 1.2], Qt.PenCapStyle.RoundCap),  # dash-dot-dot
        "planned": ([0.05, 1.8], Qt.PenCapStyle.RoundCap),  # dots
    }
    if status in patterns:
        pattern, cap = patterns[status]
        pen.setDashPattern(pattern)
        pen.setCapStyle(cap)
    return pen


def cosmetic(colour: QColor | str, width: float, status: str | None = "built") -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return dash(pen, status)


def line_pens(kind: str, status: str | None, px) -> list[QPen]:
    """The pens drawn one over another for a line of this kind and status (casing first)."""
    style = LINE_STYLES.get(kind, LINE_STYLES["road"])
    width = style.width * (EXISTING_WIDTH if status == "existing" else 1.0)
    pens: list[QPen] = []
    if style.casing:
        pens.append(cosmetic(CASING, px(width + style.casing)))
    if kind == "express_highway":  # two solid rails in the status colour, a dark gap, then the core
        scale = EXISTING_WIDTH if status == "existing" else 1.0
        rail, gap = RAIL * scale, RAIL_GAP * scale
        pens.append(cosmetic(line_colour(kind, status), px(width)))
        pens.append(cosmetic(CASING, px(width - 2 * rail)))
        width -= 2 * (rail + gap)
    pens.append(cosmetic(line_colour(kind, status), px(width), status))
    if kind == "expressway":  # a dual carriageway: a dark stripe down the middle, in every status
        stripe = cosmetic(CASING, px(max(1.0, width * 0.3)))
        stripe.setCapStyle(Qt.PenCapStyle.FlatCap)
        pens.append(stripe)
    if kind == "railway":  # the classic railway: dark ties across it, in every status (else it reads as a road)
        ties = cosmetic(CASING, px(max(1.0, width - 2)))
        ties.setCapStyle(Qt.PenCapStyle.FlatCap)
        ties.setDashPattern([3.0, 3.0])
        pens.append(ties)
    return pens


WORD_JOINER = "\u2060"  # no line break here


def keep_together(text: str) -> str:
    """Two-character Chinese words that must not be split at the end of a line (示意 leaving 意 alone)."""
    for word in ("示意",):
        text = text.replace(word, word[0] + WORD_JOINER + word[1:])
    return text


def boundary_pens(px) -> list[QPen]:
    """The district boundary: a soft band inside a dash-dot line in its own colour, unlike any road."""
    band = QColor(DISTRICT_EDGE)
    band.setAlpha(60)
    pens = [cosmetic(band, px(9)), cosmetic(DISTRICT_EDGE, px(2.5))]
    pens[1].setDashPattern([5.0, 2.0, 0.6, 2.0])
    pens[1].setCapStyle(Qt.PenCapStyle.FlatCap)
    return pens


def icon_name(kind: str, own: str | None) -> str:
    return own or KIND_ICONS.get(kind, "mdi6.map-marker")
