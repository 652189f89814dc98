"""The infrastructure map as one QGraphicsScene in map kilometres: the neighbours' ground and borders, the
district, zones, rivers, roads by class and status, bridges, places, and their names.

The scene is built once and shared by every map screen (the plain map and "show this event on the map"); each
screen applies its own `MapState` (year, layers, highlighted features) when it is shown. Names are chosen per
zoom *step* (see `kiosk.geo.labels`) and the answer is cached, so a pinch never re-lays anything out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QLinearGradient,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
)

from kiosk.content.schema import Lang
from kiosk.geo.features import (
    DETAIL_SCALE,
    Era,
    Layer,
    PlacedFeature,
    When,
    along,
    length,
    stands_in,
    status_in,
)
from kiosk.geo.labels import LEFT, LabelBox, clear_spot, spots_inside, step_scale, visible_labels, zoom_step
from kiosk.geo.model import MapModel
from kiosk.geo.viewport import EDGE_FADE
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import map_style as style
from kiosk.ui.widgets.map_items import MapLabel, MapMarker

log = logging.getLogger(__name__)

ALL_LAYERS = frozenset(Layer)
NEIGHBOUR_PRIORITY = 20
DISTRICT_PRIORITY = 95
SEAT_PRIORITY = 100  # a town this important is the district seat (渌口镇): its name never yields
LABEL_Z = 20.0
LABEL_EVERY_KM = 7.0  # a long river or road offers a place for its name every few km …
GROUP_GAP = 520  # … and shows it again only this many reference pixels apart
SPOT_GRID = 60  # a neighbour's name may move to points of a grid this many steps across the map's frame …
NEAR_DISTRICT = 0.12  # … within this share of the district's size around it
DISTRICT_GRID = 30  # the district's name may move to points of a grid this many steps across the district


@dataclass(frozen=True)
class MapState:
    when: When = Era.TODAY
    layers: frozenset[Layer] = ALL_LAYERS
    highlight: frozenset[str] = field(default_factory=frozenset)


def _path(points, closed: bool = False) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    if closed:
        path.closeSubpath()
    return path


class MapScene(QGraphicsScene):
    def __init__(self, model: MapModel, theme: Theme, parent=None):
        super().__init__(parent)
        self.model = model
        self._theme = theme
        self._lang: Lang = "zh"
        self._state = MapState()
        self._features = {f.id: f for f in model.features}
        self._content = {f.id: f for f in model.content.features}
        self._geometry: dict[str, list[QGraphicsItem]] = {}
        # an existing line drawn in another status from a later year has one set of items per status
        self._by_status: dict[str, dict[str | None, list[QGraphicsItem]]] = {}
        self._names: dict[str, MapLabel | MapMarker] = {}
        self._more: dict[str, list[tuple[str, MapLabel, tuple[float, float]]]] = {}  # long lines: more names
        self._halos: dict[str, QGraphicsItem] = {}
        self._region_labels: dict[str, MapLabel] = {}
        self._region_spots: dict[str, list[tuple[float, float]]] = {}  # neighbours: candidate places for names
        self._district_spots: list[tuple[float, float]] = []  # … and for the district's own name
        self._region_at: dict[str, tuple[float, float]] = {}  # … and where each is now
        self._label_cache: dict[tuple, tuple[set[str], dict[str, tuple[float, float]]]] = {}
        self._fonts: list[tuple[MapLabel | MapMarker, float, bool, bool]] = []  # item, size, bold, italic
        self._step: int | None = None
        self._room: float | None = None  # the width a name may take on the map on show (None: any)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # static items: culling by bounds is enough
        self._build_ground()
        for feature in model.features:
            self._build_feature(feature)
        left, top, right, bottom = model.frame
        margin = max(right - left, bottom - top)
        self.setSceneRect(QRectF(left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin))
        self.set_language("zh")

    # building --------------------------------------------------------------------------------------

    def _build_ground(self) -> None:
        px = self._theme.px
        left, top, right, bottom = self.model.frame
        frame = QRectF(left, top, right - left, bottom - top)
        land = self.addRect(frame, QPen(Qt.PenStyle.NoPen), QColor(style.LAND))
        land.setZValue(0)
        fade = min(frame.width(), frame.height()) * EDGE_FADE
        out = fade  # reaches past the frame too, over the outline strokes that straddle its edge
        tall, wide = frame.height() + 2 * out, frame.width() + 2 * out
        for rect, start, end in (
            (QRectF(left - out, top - out, fade + out, tall), QPointF(left, 0), QPointF(left + fade, 0)),
            (QRectF(right - fade, top - out, fade + out, tall), QPointF(right, 0), QPointF(right - fade, 0)),
            (QRectF(left - out, top - out, wide, fade + out), QPointF(0, top), QPointF(0, top + fade)),
            (QRectF(left - out, bottom - fade, wide, fade + out), QPointF(0, bottom), QPointF(0, bottom - fade)),
        ):
            gradient = QLinearGradient(start, end)
            gradient.setColorAt(0.0, QColor(t.BACKGROUND))
            end_colour = QColor(t.BACKGROUND)
            end_colour.setAlpha(0)
            gradient.setColorAt(1.0, end_colour)
            edge = QGraphicsRectItem(rect)
            edge.setPen(QPen(Qt.PenStyle.NoPen))
            edge.setBrush(QBrush(gradient))
            edge.setZValue(12)  # over everything drawn on the ground, under the names
            self.addItem(edge)
        borders = QPainterPath()
        for region in self.model.neighbours:
            for polygon in region.polygons:
                for ring in polygon:
                    borders.addPath(_path(ring, closed=True))
            label = MapLabel(self._font(t.CAPTION + 2), style.NEIGHBOUR_TEXT)
            self._fonts.append((label, t.CAPTION + 2, False, False))
            label.setPos(*region.label_at)
            label.setZValue(LABEL_Z - 1)
            self.addItem(label)
            self._region_labels[region.code] = label
            # where else its name may go should a line cross it: on the drawn ground clear of the faded edge, and
            # near the district, where the whole-district view shows it
            inset = min(frame.width(), frame.height()) * EDGE_FADE
            d_left, d_top, d_right, d_bottom = self.model.district_box()
            near = max(d_right - d_left, d_bottom - d_top) * NEAR_DISTRICT
            ground = (max(left + inset, d_left - near), max(top + inset, d_top - near),
                      min(right - inset, d_right + near), min(bottom - inset, d_bottom + near))
            largest = max((polygon[0] for polygon in region.polygons), key=len)
            step = max(frame.width(), frame.height()) / SPOT_GRID
            self._region_spots[region.code] = spots_inside(list(largest), region.label_at, ground, step)
        # 1 px: Qt strokes cosmetic hairlines with its fast stroker; wider ones cost several times as much
        item = self.addPath(borders, style.cosmetic(style.NEIGHBOUR_EDGE, 1.0))
        item.setZValue(1)
        district = self.model.district
        if district is not None:
            shape = QPainterPath()
            for polygon in district.polygons:
                for ring in polygon:
                    shape.addPath(_path(ring, closed=True))
            shape.setFillRule(Qt.FillRule.OddEvenFill)
            fill = self.addPath(shape, QPen(Qt.PenStyle.NoPen), QColor(style.DISTRICT_FILL))
            fill.setZValue(2)
            for index, pen in enumerate(style.boundary_pens(px)):
                edge = self.addPath(shape, pen)
                edge.setZValue(2.4 + index * 0.01)
            label = MapLabel(self._font(t.HEADING, True), style.DISTRICT_NAME)
            self._fonts.append((label, t.HEADING, True, False))
            label.setPos(*district.label_at)
            label.setZValue(LABEL_Z - 1)
            self.addItem(label)
            self._region_labels[district.code] = label
            # where else its name may go, should it cover a town or the town's name: inside the district, the
            # nearest to its usual place first
            d_left, d_top, d_right, d_bottom = self.model.district_box()
            largest = max((polygon[0] for polygon in district.polygons), key=len)
            step = max(d_right - d_left, d_bottom - d_top) / DISTRICT_GRID
            self._district_spots = spots_inside(list(largest), district.label_at, self.model.district_box(), step)

    def _build_feature(self, feature: PlacedFeature) -> None:
        px = self._theme.px
        content = self._content[feature.id]
        items: list[QGraphicsItem] = []
        by_status: dict[str | None, list[QGraphicsItem]] = {}
        statuses = [status_in(feature, Era.TODAY)]
        if feature.existing and feature.status is not None:
            statuses.insert(0, status_in(feature, 0))  # drawn as existing before the year of its status
        if feature.shape == "area":
            zone = QColor(style.ZONE)
            fill = QColor(zone)
            fill.setAlpha(50)
            for status in statuses:
                edge = style.zone_edge(status)
                item = self.addPath(_path(feature.points, closed=True), style.cosmetic(edge, px(2), status), fill)
                item.setZValue(2.2)
                items.append(item)
                by_status[status] = [item]
            spec = (t.CAPTION, True, False)
            name: MapLabel | MapMarker = MapLabel(self._font(*spec), style.ZONE)
        elif feature.shape == "line":
            path = _path(feature.points)
            z = style.LINE_STYLES.get(feature.kind, style.LINE_STYLES["road"]).z
            for status in statuses:
                by_status[status] = []
                for index, pen in enumerate(style.line_pens(feature.kind, status, px)):
                    item = self.addPath(path, pen)
                    item.setZValue(z + index * 0.01)
                    items.append(item)
                    by_status[status].append(item)
            if feature.kind == "bridge":
                name, spec = self._marker(feature, content.icon)
            elif feature.kind == "river":
                spec = (t.CAPTION + 2, True, True)
                name = MapLabel(self._font(*spec), style.RIVER_LABEL)
            else:
                spec = (t.CAPTION - 2, False, False)
                colour = style.line_colour(feature.kind, statuses[-1]).name()
                name = MapLabel(self._font(*spec), t.TEXT, pill=True, edge=colour)
        else:
            name, spec = self._marker(feature, content.icon)
        self._fonts.append((name, *spec))
        anchors = [feature.anchor]
        if isinstance(name, MapLabel) and feature.shape == "line":
            # candidates along the line, the middle one first; pruning keeps those with room, a group gap apart
            count = max(1, min(9, round(length(feature.points) / LABEL_EVERY_KM)))
            fractions = sorted(((i + 0.5) / count for i in range(count)), key=lambda f: abs(f - 0.5))
            anchors = [along(feature.points, f) for f in fractions]
        name.setPos(*anchors[0])
        name.setZValue(LABEL_Z + (1 if isinstance(name, MapMarker) else 0) + feature.priority / 1000)
        self.addItem(name)
        self._names[feature.id] = name
        self._geometry[feature.id] = items
        self._by_status[feature.id] = by_status
        self._more[feature.id] = []
        for index, anchor in enumerate(anchors[1:], start=1):
            assert isinstance(name, MapLabel)
            extra = name.copy()
            extra.setPos(*anchor)
            extra.setZValue(name.zValue())
            self.addItem(extra)
            self._more[feature.id].append((f"{feature.id}#{index}", extra, anchor))
            self._fonts.append((extra, *spec))

    def _font(self, size: float, bold: bool = False, italic: bool = False) -> QFont:
        font = self._theme.font(size, bold=bold)
        font.setItalic(italic)
        return font

    def _marker(self, feature: PlacedFeature, own_icon: str | None) -> tuple[MapMarker, tuple[float, bool, bool]]:
        px = self._theme.px
        settlement = feature.kind in ("town", "village")
        status = status_in(feature, Era.TODAY)
        colour = style.status_colour(status).name()
        radius = style.marker_radius(feature.kind, px)
        pixmap = None
        if not settlement:
            pixmap = icon(style.icon_name(feature.kind, own_icon), colour).pixmap(radius * 2, radius * 2)
        if feature.kind == "town":
            spec = (t.CAPTION + 4 if feature.priority >= 100 else t.CAPTION + 2, True, False)
        else:
            spec = (t.CAPTION - 2 if feature.kind == "village" else t.CAPTION, False, False)
        return MapMarker(self._font(*spec), radius, status, pixmap, dot=settlement), spec

    def _halo(self, feature_id: str) -> QGraphicsItem | None:
        """The glow under a highlighted line or zone (markers ring themselves), made on first use."""
        if feature_id in self._halos:
            return self._halos[feature_id]
        feature = self._features[feature_id]
        if feature.shape == "point" or feature.kind == "bridge":
            return None
        colour = QColor(style.SELECTION_GLOW)
        colour.setAlpha(120)
        width = style.LINE_STYLES.get(feature.kind, style.LINE_STYLES["road"]).width + 14
        path = _path(feature.points, closed=feature.shape == "area")
        item = self.addPath(path, style.cosmetic(colour, self._theme.px(width)))
        item.setZValue(2.1 if feature.shape == "area" else 2.9)
        self._halos[feature_id] = item
        return item

    # state -----------------------------------------------------------------------------------------

    @property
    def state(self) -> MapState:
        return self._state

    def set_language(self, lang: Lang) -> None:
        """Names in `lang`, in the font order the theme now has for it (the window reorders it first)."""
        if lang == self._lang and self._names and next(iter(self._names.values())).text():
            return
        self._lang = lang
        for item, size, bold, italic in self._fonts:
            item.set_font(self._font(size, bold, italic))
        for feature_id, name in self._names.items():
            name.set_text(self._content[feature_id].name.get(lang))
            for _key, extra, _anchor in self._more[feature_id]:
                extra.set_text(name.text())
        for region in [*self.model.neighbours, *([self.model.district] if self.model.district else [])]:
            self._region_labels[region.code].set_text(region.name(lang))
        self._label_cache.clear()
        self._step = None

    def set_room(self, room: float | None) -> None:
        """The width of the map on show (the part its card leaves): a plain name wider breaks onto more lines
        (`MapLabel.set_room`), and the names are chosen again for their new boxes."""
        if room == self._room:
            return
        self._room = room
        for item in self.name_items():
            if isinstance(item, MapLabel):
                item.set_room(room if room is not None and item.usual_rect().width() > room else None)
        self._step = None

    def is_shown(self, feature_id: str) -> bool:
        feature = self._features[feature_id]
        s = self._state
        return feature.layer in s.layers and stands_in(feature, s.when)

    def drawn_status(self, feature_id: str) -> str | None:
        """The status the feature is drawn in now (None: a river, town or village)."""
        return status_in(self._features[feature_id], self._state.when)

    def shown_features(self) -> list[PlacedFeature]:
        return [f for f in self.model.features if self.is_shown(f.id)]

    def apply(self, state: MapState, scale: float) -> None:
        """Show the features of `state` and choose the names that fit at `scale` (pixels per km)."""
        if state != self._state:
            self._state = state
            self._step = None
            for halo in self._halos.values():
                halo.setVisible(False)
        for feature_id, by_status in self._by_status.items():
            shown = self.is_shown(feature_id)
            drawn = self.drawn_status(feature_id)
            for status, items in by_status.items():
                for item in items:
                    item.setVisible(shown and (status == drawn or len(by_status) == 1))
            name = self._names[feature_id]
            if isinstance(name, MapMarker):
                name.set_highlighted(feature_id in state.highlight)
            if feature_id in state.highlight:
                halo = self._halo(feature_id)
                if halo is not None:
                    halo.setVisible(shown)
        self.update_labels(scale, force=True)

    def update_labels(self, scale: float, force: bool = False) -> bool:
        """Re-choose names when the zoom step changes (cheap: cached per step, state and language); True when
        they were chosen afresh."""
        step = zoom_step(scale, 1.0)
        if step == self._step and not force:
            return False
        self._step = step
        key = (step, self._state, self._lang, self._room)
        cached = self._label_cache.get(key)
        if cached is None:
            self._region_at = self._clear_region_spots(step_scale(step, 1.0))
            if self.model.district is not None:
                self._region_at[self.model.district.code] = self._district_spot(step_scale(step, 1.0))
            boxes = self._label_boxes()
            # towns and the district's own name keep their names beside a highlighted feature (it yields to a
            # town it would cover), and the district seat's name is placed before everything
            towns = frozenset(f.id for f in self.shown_features() if f.kind == "town")
            seat = frozenset(f for f in towns if self._features[f].priority >= SEAT_PRIORITY)
            district = frozenset({f"region:{self.model.district.code}"} if self.model.district else ())
            shown = visible_labels(boxes, step_scale(step, 1.0), gap=self._theme.px(6),
                                   forced=self._state.highlight, group_gap=self._theme.px(GROUP_GAP),
                                   keep=towns | district, first=seat)
            shown |= self._symbols_with_room(boxes, shown, step_scale(step, 1.0))
            self._label_cache[key] = (shown, dict(self._region_at))
        else:
            shown, self._region_at = cached[0], dict(cached[1])
        for code, at in self._region_at.items():
            self._region_labels[code].setPos(*at)
        for feature_id, name in self._names.items():
            visible = self.is_shown(feature_id)
            if isinstance(name, MapMarker):
                # Every dot has its name: a town or village crowded out of its name waits for a closer zoom (an
                # unnamed dot only puzzles a visitor); a bridge, lock or plant keeps its small symbol, which says
                # what it is. A highlighted place always has its name (`forced` above).
                collapsed = feature_id not in shown
                side = "left" if LEFT + feature_id in shown else "right"
                if collapsed and feature_id in self._state.highlight:
                    collapsed, side = False, "none"  # a highlighted place that yielded its name keeps its ringed badge
                name.set_collapsed(collapsed)
                name.set_placed_side(side)
                name.setVisible(visible and (not collapsed or f"symbol:{feature_id}" in shown))
                # a collapsed symbol goes under the names, a full marker over them
                name.setZValue(LABEL_Z - 6 if collapsed else LABEL_Z + 1 + self._features[feature_id].priority / 1000)
            else:
                name.setVisible(visible and feature_id in shown)
            for key, extra, _anchor in self._more[feature_id]:
                extra.setVisible(visible and key in shown)
        for code, label in self._region_labels.items():
            label.setVisible(f"region:{code}" in shown)
        return True

    def _clear_region_spots(self, scale: float) -> dict[str, tuple[float, float]]:
        """Where each neighbour's name goes at `scale`: the first of its places that no road, railway or river
        drawn now crosses (at the size the name has on screen, with some air); a name without one goes."""
        segments = [
            (a, b)
            for feature in self.shown_features() if feature.shape == "line"
            for a, b in zip(feature.points, feature.points[1:], strict=False)
        ]
        air = self._theme.px(10)
        chosen: dict[str, tuple[float, float]] = {}
        for region in self.model.neighbours:
            rect = self._region_labels[region.code].boundingRect()
            size = ((rect.width() + 2 * air) / scale, (rect.height() + 2 * air) / scale)
            spot = clear_spot(self._region_spots.get(region.code, []), size, segments)
            if spot is not None:  # a name with no clear place is left off: a line through it reads as clutter
                chosen[region.code] = spot
        return chosen

    def _district_spot(self, scale: float) -> tuple[float, float]:
        """Where the district's name goes at `scale`: the first of its places where it covers no place's symbol
        and leaves each town and village room for its name on one side or the other (a visitor finds their way
        by them, and a dot without its name goes); its usual place when there is none."""
        district = self.model.district
        assert district is not None
        rect = self._region_labels[district.code].boundingRect()
        gap = self._theme.px(6)
        towns = []
        for feature in self.shown_features():
            name = self._names[feature.id]
            if not isinstance(name, MapMarker):
                continue
            x, y = name.pos().x() * scale, name.pos().y() * scale
            sides = ("right", "left") if name.is_dot() else ("none",)  # a badge says what it is without a name
            towns.append([name.box(side).translated(x, y).adjusted(-gap, -gap, gap, gap) for side in sides])
        for x, y in self._district_spots:
            box = rect.translated(x * scale, y * scale)
            if all(any(not box.intersects(side) for side in sides) for sides in towns):
                return (x, y)
        return district.label_at

    def _symbols_with_room(self, boxes: list[LabelBox], shown: set[str], scale: float) -> set[str]:
        """The places crowded out of their names that keep their small symbol: those whose symbol overlaps no
        name and no other symbol (by priority); a cluster of badges on top of each other says nothing."""
        placed = [b for b in boxes if b.id in shown]
        symbols: list[LabelBox] = []
        for feature in self.shown_features():
            name = self._names[feature.id]
            if not isinstance(name, MapMarker) or name.is_dot() or feature.id in shown:
                continue
            side = 2 * name.collapsed_radius() + 4
            symbols.append(LabelBox(f"symbol:{feature.id}", feature.priority, name.pos().x(), name.pos().y(),
                                    side, side, -side / 2, -side / 2))
        fit = visible_labels(placed + symbols, scale, gap=self._theme.px(3), forced=frozenset(b.id for b in placed))
        return {i for i in fit if i.startswith("symbol:")}

    def name_items(self) -> list[QGraphicsItem]:
        """Every name on the map (features', their repeats along long lines, the regions'), shown or not."""
        items: list[QGraphicsItem] = list(self._names.values())
        for extras in self._more.values():
            items.extend(extra for _key, extra, _anchor in extras)
        items.extend(self._region_labels.values())
        return items

    def same_name(self, item: QGraphicsItem) -> list[MapLabel]:
        """The other places along its line where a line's name (`item`) may show."""
        for feature_id, name in self._names.items():
            labels = [name, *(extra for _key, extra, _anchor in self._more[feature_id])]
            if any(label is item for label in labels):
                return [label for label in labels if label is not item and isinstance(label, MapLabel)]
        return []

    def _label_boxes(self) -> list[LabelBox]:
        boxes: list[LabelBox] = []
        for feature in self.shown_features():
            name = self._names[feature.id]
            rect = name.full_rect() if isinstance(name, MapMarker) else name.boundingRect()
            anchor = (name.pos().x(), name.pos().y())
            group = feature.id if self._more[feature.id] else ""
            detail = self._theme.scale * DETAIL_SCALE.get(feature.kind, 0.0)
            box = (rect.width(), rect.height(), rect.left(), rect.top(), group, detail)
            alt = name.box("left").left() if isinstance(name, MapMarker) and name.is_dot() else None
            boxes.append(LabelBox(feature.id, feature.priority, *anchor, *box, alt_dx=alt))
            for key, _extra, at in self._more[feature.id]:
                boxes.append(LabelBox(key, feature.priority - 1, *at, *box))
        regions = [*self.model.neighbours, *([self.model.district] if self.model.district else [])]
        for region in regions:
            if region is not self.model.district and region.code not in self._region_at:
                continue  # no place clear of the lines
            label = self._region_labels[region.code]
            rect = label.boundingRect()
            priority = DISTRICT_PRIORITY if region is self.model.district else NEIGHBOUR_PRIORITY
            extent = (rect.width(), rect.height(), rect.left(), rect.top())
            at = self._region_at.get(region.code, region.label_at)
            boxes.append(LabelBox(f"region:{region.code}", priority, *at, *extent))
        return boxes

    # queries for the screen and for tests ----------------------------------------------------------

    def name_item(self, feature_id: str) -> MapLabel | MapMarker:
        return self._names[feature_id]

    def geometry_items(self, feature_id: str) -> list[QGraphicsItem]:
        return list(self._geometry[feature_id])

    def region_label(self, code: str) -> MapLabel:
        return self._region_labels[code]
