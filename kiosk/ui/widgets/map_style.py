"""How the infrastructure map looks: the palette, the pen of each kind of line in each status, the symbol of
each kind of place, and the words for kinds and layers.

Status reads by colour *and* pattern, so it survives colour blindness: built is solid in the kind's own colour,
under construction is dashed orange, in preparation (planned) is dotted grey-blue — the same statuses and
colours as the timeline. Blue is kept for water. Widths are screen pixels (cosmetic pens): lines keep their
weight at every zoom. The map items, the legend and the card all ask this module, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from kiosk.content.schema import Lang
from kiosk.geo.features import Layer
from kiosk.ui import theme as t
from kiosk.ui.strings import tr

LAND = "#1D242C"  # the neighbours' ground
NEIGHBOUR_EDGE = "#3C4753"
NEIGHBOUR_TEXT = "#8E98A3"
DISTRICT_FILL = "#283340"
DISTRICT_EDGE = t.ACCENT_DEFAULT
WATER = t.WATER
ZONE = "#B48EDB"
CASING = "#10141A"
HIGHLIGHT = t.ACCENT_DEFAULT
BADGE = t.SURFACE_RAISED

UNDER_CONSTRUCTION = "#E58A3A"
PLANNED = "#A9B8C9"
STATUS_COLOURS = {"built": t.TEXT, "under_construction": UNDER_CONSTRUCTION, "planned": PLANNED}

# Built colour of each kind of line (its status colour replaces it while under construction or planned)
KIND_COLOURS = {
    "expressway": "#E0B050",
    "railway": "#C9CED4",
    "trunk_road": "#F1ECE2",
    "road": "#B9C0C8",
    "bridge": "#F1ECE2",
    "river": WATER,
}


@dataclass(frozen=True)
class LineStyle:
    width: float  # reference pixels (theme.px applies)
    casing: float  # extra width of the dark casing under it; 0 = none
    z: float  # drawing order


LINE_STYLES = {
    "river": LineStyle(6.0, 0.0, 2.6),
    "road": LineStyle(3.5, 2.5, 3.0),
    "trunk_road": LineStyle(5.0, 3.0, 4.0),
    "railway": LineStyle(5.0, 3.0, 5.0),
    "expressway": LineStyle(7.0, 3.5, 6.0),
    "bridge": LineStyle(8.0, 4.0, 7.0),
}

# Default symbol of each kind of place (a feature may name its own `icon`)
KIND_ICONS = {
    "expressway": "mdi6.highway",
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


def line_colour(kind: str, status: str) -> QColor:
    if kind == "river" or status == "built":
        return QColor(KIND_COLOURS.get(kind, t.TEXT))
    return QColor(STATUS_COLOURS[status])


def status_colour(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, t.TEXT))


def dash(pen: QPen, status: str) -> QPen:
    """Dashed while under construction, dotted while planned; dash lengths are in units of the pen width."""
    if status == "under_construction":
        pen.setDashPattern([2.4, 1.4])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    elif status == "planned":
        pen.setDashPattern([0.05, 1.8])
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def cosmetic(colour: QColor | str, width: float, status: str = "built") -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return dash(pen, status)


def line_pens(kind: str, status: str, px) -> list[QPen]:
    """The pens drawn one over another for a line of this kind and status (casing first)."""
    style = LINE_STYLES.get(kind, LINE_STYLES["road"])
    pens: list[QPen] = []
    if style.casing:
        pens.append(cosmetic(CASING, px(style.width + style.casing)))
    pens.append(cosmetic(line_colour(kind, status), px(style.width), status))
    if kind == "railway" and status == "built":  # the classic railway: light line with dark ties
        ties = cosmetic(CASING, px(style.width - 2))
        ties.setCapStyle(Qt.PenCapStyle.FlatCap)
        ties.setDashPattern([3.0, 3.0])
        pens.append(ties)
    return pens


def icon_name(kind: str, own: str | None) -> str:
    return own or KIND_ICONS.get(kind, "mdi6.map-marker")
