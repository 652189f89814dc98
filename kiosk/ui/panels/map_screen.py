"""The infrastructure map: Lukou's real outline with its neighbours, rivers, roads by class and status, bridges,
the ship lock, utilities, zones, towns and villages — panned, pinched and tapped.

Beside (landscape) or under (portrait) the map: the title with the schematic note, layer switches, the year
control and the legend. Over the map: north arrow, zoom buttons, reset, scale bar and the source credit; a
tapped feature opens its card. `Route("map", event_id)` opens the map as it stood in that timeline event's
year with the event's features highlighted and in view; every such screen shares one scene.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk import paths
from kiosk.content.schema import Exhibition, Lang
from kiosk.geo.features import Era, When, bounds_of, past_years
from kiosk.geo.hit import pick
from kiosk.geo.viewport import EDGE_FADE, Viewport, fit
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Builder, ScreenContext
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.map_card import MapFeatureCard
from kiosk.ui.widgets.map_compass import MapCompass
from kiosk.ui.widgets.map_items import MapLabel, MapMarker
from kiosk.ui.widgets.map_layer_toggles import MapLayerToggles
from kiosk.ui.widgets.map_legend import MapLegend
from kiosk.ui.widgets.map_scale_bar import MapScaleBar
from kiosk.ui.widgets.map_scene import ALL_LAYERS, MapScene, MapState
from kiosk.ui.widgets.map_style import keep_together
from kiosk.ui.widgets.map_view import MapView
from kiosk.ui.widgets.map_year_bar import Choice, MapYearBar
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel

log = logging.getLogger(__name__)

OUTLINES = "outlines.geojson"
MAX_ZOOM = 40.0  # times the whole-district view
MIN_ZOOM = 0.6
DISTRICT_KEPT = 120  # reference px of the district that stay in view however far a flick throws it
TOUCH_REACH = 40  # reference px a fingertip reaches on the map
ZONE_AIR = 1.2  # a chosen zone is shown this much wider and taller than its name …
ZONE_ROOM = 0.8  # … but takes at most this share of the map beside the card, so its surroundings still show


def year_choices(exhibition: Exhibition) -> list[Choice]:
    """The past years (rule: `kiosk.geo.features.past_years`), then today and planned (前期)."""
    choices: list[Choice] = list(past_years(getattr(exhibition, "timeline", None), exhibition.map))
    choices.append((Era.TODAY, tr("map_today", "zh"), tr("map_today", "en")))
    choices.append((Era.PLANNED, tr("map_planned", "zh"), tr("map_planned", "en")))
    return choices


class MapScreen(Screen):
    def __init__(self, theme: Theme, exhibition: Exhibition, scene: MapScene, event=None, record=None):
        super().__init__()
        assert exhibition.map is not None
        self._theme = theme
        self._content = exhibition.map
        self._scene = scene
        self._event = event
        self._record = record or (lambda kind, subject: None)
        self._initial = self._initial_state()
        self._state = self._initial
        self._selected: str | None = None
        self._touched = False  # the visitor moved the map: a resize keeps their view instead of refitting
        self._banner_closed = False  # the visitor closed the timeline's note: the whole district, no highlight
        self._edge_hidden: list[QGraphicsItem] = []  # names hidden because their place is past the map's edge
        self._edge_sided: list[MapMarker] = []  # places whose name went left, or off, for want of room
        self._edge_shown: list[QGraphicsItem] = []  # a line's name shown elsewhere along it, its first gave way

        self.title = self._label(t.HEADING, True, "text")
        self.note = self._label(t.CAPTION, False, "muted")
        self.hint = self._label(t.CAPTION, False, "muted")
        self.badge = self._label(t.CAPTION, True, "map_badge")
        self.badge.setWordWrap(False)
        self.layers_heading = self._label(t.CAPTION, True, "muted")
        self.legend_heading = self._label(t.CAPTION, True, "muted")
        self.toggles = MapLayerToggles(theme, vertical=False, parent=self)
        self.toggles.changed.connect(self._layers_changed)
        self.legend = MapLegend(theme, columns=2, statuses_beside=theme.portrait, parent=self)
        self.year_bar = MapYearBar(theme, year_choices(exhibition), self)
        self.year_bar.chosen.connect(self._year_chosen)

        self.map_host = QWidget(self)
        self.map_host.installEventFilter(self)  # the map's own size decides the overlays and the fitted view
        # what a timeline event highlights, on an opaque tag over the map's corner (cheap to leave unpainted)
        self.banner = self._label(t.CAPTION, True, "map_banner", parent=self.map_host)
        self.banner.setAutoFillBackground(True)
        self.banner.setVisible(event is not None)
        self.banner_close = QPushButton("✕", self.map_host)  # the note goes, and with it the event's highlight
        self.banner_close.setFont(theme.font(t.HEADING, bold=True))
        self.banner_close.setFixedSize(theme.px(t.TOUCH_TARGET), theme.px(t.TOUCH_TARGET))  # round, like the zoom
        self.banner_close.setProperty("role", "map_round")
        self.banner_close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner_close.setVisible(event is not None)
        self.banner_close.clicked.connect(self.close_banner)
        self.view = MapView(scene, parent=self.map_host)
        self.view.tapped.connect(self._tapped)
        self.view.viewport_changed.connect(self._viewport_changed)
        self.view.interaction_started.connect(self._visitor_moved)
        self.compass = MapCompass(theme, self.map_host)
        self.scale_bar = MapScaleBar(theme, self.map_host)
        # the credit breaks between its phrases (kiosk.layout.typography), never leaving a word alone on a line
        self.credit = TypesetLabel(self)
        self.credit.setFont(theme.font(t.CAPTION - 4))
        self.credit.setProperty("role", "muted")
        self.zoom_in = self._round_button("mdi6.plus")
        self.zoom_out = self._round_button("mdi6.minus")
        self.reset_button = self._round_button("mdi6.fit-to-screen-outline")
        self.zoom_in.clicked.connect(lambda: (self._visitor_moved(), self.view.zoom_by(2.0)))
        self.zoom_out.clicked.connect(lambda: (self._visitor_moved(), self.view.zoom_by(0.5)))
        self.reset_button.clicked.connect(self.reset_view)
        self.card = MapFeatureCard(theme, self._content, self.map_host)
        self.card.closed.connect(self.close_card)
        self.card.hide()
        # The controls keep a column and a strip of their own beside and under the map, so they never lie over
        # the selected feature or a name (the layout audit's `floating` controls).
        for control in (self.compass, self.scale_bar, self.zoom_in, self.zoom_out, self.reset_button):
            control.setProperty("floating", True)
        self._layout()
        self.set_language("zh")

    # construction ----------------------------------------------------------------------------------

    def _label(self, size: float, bold: bool, role: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent or self)
        label.setFont(self._theme.font(size, bold=bold))
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    def _round_button(self, name: str) -> QPushButton:
        p = self._theme.px
        button = QPushButton(self.map_host)
        button.setFixedSize(p(t.TOUCH_TARGET), p(t.TOUCH_TARGET))
        button.setIconSize(QSize(p(44), p(44)))
        button.setProperty("icon_name", name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setProperty("role", "map_round")
        return button

    def _layout(self) -> None:
        p = self._theme.px
        head = QVBoxLayout()
        head.setSpacing(p(8))
        head.addWidget(self.title)
        note_row = QHBoxLayout()
        note_row.setSpacing(p(12))
        note_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        note_row.addWidget(self.note, 1)
        head.addLayout(note_row)
        head.addWidget(self.hint)
        if self._theme.portrait:
            root = QVBoxLayout(self)
            root.setContentsMargins(p(40), p(28), p(40), p(24))
            root.setSpacing(p(16))
            root.addLayout(head)
            if self._band_mode():
                root.addLayout(self._chips_beside_map())
                root.addWidget(self.toggles)
            else:
                root.addWidget(self.map_host, 1)
                root.addWidget(self.toggles)
                root.addWidget(self.year_bar)
            root.addWidget(self.legend)
            root.addWidget(self.credit)
            if self._band_mode():
                root.addStretch(1)  # a stage taller than the screen needs: the room goes under it
            self.layers_heading.hide()
            self.legend_heading.hide()
            return
        side = QVBoxLayout()
        side.setSpacing(p(12))
        side.addLayout(head)
        side.addSpacing(p(8))
        side.addWidget(self.layers_heading)
        side.addWidget(self.toggles)
        side.addSpacing(p(8))
        side.addWidget(self.legend)  # its own headings (status; lines and places) say what it is
        side.addStretch(1)
        side.addWidget(self.credit)
        self.legend_heading.hide()
        side_box = QWidget()
        side_box.setLayout(side)
        # On a low screen (1366×768, large text) the column scrolls instead of squeezing the legend's lines.
        side_scroll = TouchScrollArea(self)
        side_scroll.setWidget(side_box)
        side_scroll.setWidgetResizable(True)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # wide enough for the layer switches in two rows and the legend in two columns, in English and large text
        side_scroll.setFixedWidth(p(round(580 * getattr(self._theme, "font_scale", 1.0))) + p(12))
        # while more of the column (the legend's last rows, the credit) lies below, its bottom fades out, as the
        # cards' scrolling text does: a visitor sees that it goes on
        self.side_scroll = side_scroll
        self.side_more = MoreBelow(side_scroll, t.BACKGROUND)
        bar = side_scroll.verticalScrollBar()
        bar.valueChanged.connect(self._update_side_fade)
        bar.rangeChanged.connect(self._update_side_fade)
        side_scroll.installEventFilter(self)
        column = QVBoxLayout()
        column.setSpacing(p(14))
        if self._band_mode():
            column.addLayout(self._chips_beside_map())
            column.addStretch(1)
        else:
            column.addWidget(self.map_host, 1)
            column.addWidget(self.year_bar)
        root = QHBoxLayout(self)
        root.setContentsMargins(p(48), p(32), p(40), p(20))
        root.setSpacing(p(32))
        root.addWidget(side_scroll)
        root.addLayout(column, 1)

    def _band_mode(self) -> bool:
        """Accessible mode: the screens are laid into the low reach band (the screens are built again when the
        mode changes)."""
        return getattr(self._theme, "reach_scale", 1.0) > 1.0

    def _band_view(self) -> QScrollArea | None:
        """The band's scroller while accessible mode lays the screens into it (None otherwise)."""
        scroller = getattr(self.window(), "reach_scroller", None)
        scroll = scroller() if callable(scroller) else None
        return scroll if isinstance(scroll, QScrollArea) and scroll.widget() is not None \
            and scroll.widget().isAncestorOf(self) else None

    def _fit_band(self) -> None:
        """Accessible mode: the map and the year chips beside it fill the band's height, the chips three to a
        row; the band opens on them (`reach_anchor`)."""
        if not self._band_mode():
            return
        scroll = self._band_view()
        if scroll is None:
            return
        p = self._theme.px
        spacing = p(8)
        widest = max(chip.sizeHint().width() for chip in self.year_bar.chips)
        self.year_bar.setFixedWidth(3 * widest + 2 * spacing)
        height = max(p(300), scroll.viewport().height() - p(12))
        if self.map_host.minimumHeight() != height:
            self.map_host.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.map_host and event.type() == QEvent.Type.Resize:
            self._place_overlays()
        elif watched is getattr(self, "side_scroll", None) and event.type() == QEvent.Type.Resize:
            self._update_side_fade()
        return False

    def _chips_beside_map(self) -> QHBoxLayout:
        """Accessible mode: the band is a few hundred pixels high, so the year chips stand beside the map, both as
        tall as the band (`_fit_band`), where the band opens on the map (`reach_anchor`) and shows both without
        scrolling, instead of under it below the band's fold."""
        row = QHBoxLayout()
        row.setSpacing(self._theme.px(20))
        row.addWidget(self.map_host, 1)
        row.addWidget(self.year_bar, 0, Qt.AlignmentFlag.AlignTop)
        return row

    @Slot()
    def _update_side_fade(self, *_args) -> None:
        """The side column's fade: two caption lines tall, over its bottom, while more of it lies below."""
        viewport = self.side_scroll.viewport()
        height = min(round(self.legend_heading.fontMetrics().height() * 2.5), viewport.height() // 4)
        self.side_more.place(self.side_scroll, height)

    def _place_overlays(self) -> None:
        p = self._theme.px
        host = self.map_host
        w, h = host.width(), host.height()
        size = self.zoom_in.width()
        # the zoom buttons under the compass in a column right of the map; on a map too low for that (the reach
        # band of a portrait stand) two to a row, the compass first
        paired = self.compass.height() + p(16) + 3 * size + 2 * p(14) + p(4) > h
        column = (2 * size + p(14) if paired else size) + p(20)
        strip = self.scale_bar.height() + p(6)  # the scale bar, under the map
        top = 0
        banner_shown = self._event is not None and not self._banner_closed
        if banner_shown:
            room = max(p(200), w - column - self.banner_close.width() - p(12))
            margins = self.banner.contentsMargins()
            chrome = p(6) + p(28) + margins.left() + margins.right()
            width = min(room, self.banner.fontMetrics().horizontalAdvance(self.banner.text()) + chrome + p(4))
            self.banner.setFixedWidth(width)
            text_width = width - chrome + p(4)
            flags = Qt.TextFlag.TextWordWrap
            lines = self.banner.fontMetrics().boundingRect(0, 0, text_width, 10_000, flags, self.banner.text())
            height = max(self.banner_close.height(),
                         lines.height() + p(16) + margins.top() + margins.bottom() + p(4))
            self.banner.setFixedHeight(height)
            self.banner.move(0, 0)
            self.banner_close.move(width + p(12), (height - self.banner_close.height()) // 2)
            self.banner.raise_()
            top = height + p(10)
        self.banner.setVisible(banner_shown)
        self.banner_close.setVisible(banner_shown)
        view_w, view_h = max(1, w - column), max(1, h - top - strip)
        self.view.setGeometry(0, top, view_w, view_h)
        if self.card.isVisible():
            # Under the map (portrait) the card is as tall as its text needs (a short card covers no more map
            # than its words), up to the share of the map that still leaves a third of it (the feature and its
            # surroundings) in view above; beyond that, and beside the map, its text scrolls under a fade.
            if self._theme.portrait:
                card_h = max(int(view_h * 0.3), min(int(view_h * 0.64), self.card.wanted_height(view_w)))
                self.card.setGeometry(0, top + view_h - card_h, view_w, card_h)
                self.view.set_clear((0.0, 0.0, float(view_w), float(view_h - card_h)))
            else:
                card_w = min(p(620), int(view_w * 0.5))  # beside it, the map keeps room for a long name
                self.card.setGeometry(view_w - card_w, top, card_w, view_h)
                self.view.set_clear((0.0, 0.0, float(view_w - card_w), float(view_h)))
        else:
            self.view.set_clear(None)
        right = w
        if paired:
            left = right - column + p(10)
            cells = [(left, top + p(4)), (left + size + p(14), top + p(4)),
                     (left, top + p(4) + size + p(14)), (left + size + p(14), top + p(4) + size + p(14))]
            self.compass.move(cells[0][0] + (size - self.compass.width()) // 2, cells[0][1])
            for (x, y), button in zip(cells[1:], (self.zoom_in, self.zoom_out, self.reset_button), strict=True):
                button.move(x, y)
        else:
            self.compass.move(right - (column + self.compass.width()) // 2 + p(0), top + p(4))
            buttons_top = self.compass.y() + self.compass.height() + p(16)
            for index, button in enumerate((self.zoom_in, self.zoom_out, self.reset_button)):
                button.move(right - size - (column - size) // 2, buttons_top + index * (size + p(14)))
        self.scale_bar.move(view_w - self.scale_bar.width(), top + view_h + p(6))
        if w > 50 and h > 50:
            self._set_limits()
            if not self._touched:
                self.view.set_camera(self._initial_camera())

    @Slot()
    def _visitor_moved(self) -> None:
        self._touched = True

    # state ----------------------------------------------------------------------------------------

    def _initial_state(self) -> MapState:
        if self._event is None:
            return MapState()
        when: When
        if self._event.when is not None:
            when = self._event.when.year
        else:
            when = Era.PLANNED if self._event.status == "planned" else Era.TODAY
        known = self._scene.model.content.ids()
        return MapState(when=when, highlight=frozenset(f for f in self._event.map_features if f in known))

    def _district_view(self) -> Viewport:
        return fit(self._scene.model.district_box(), self.view.width(), self.view.height(), margin=self._theme.px(28))

    def _set_limits(self) -> None:
        base = self._district_view().scale
        district = self._scene.model.district
        rings = [list(polygon[0]) for polygon in district.polygons] if district is not None else []
        kept = self._theme.px(DISTRICT_KEPT)
        self.view.set_limits(self._content_box(), base * MIN_ZOOM, base * MAX_ZOOM, rings, kept)

    def _content_box(self) -> tuple[float, float, float, float]:
        """Where there is something to see, the district and its features: the middle of the screen stays over
        it, so a hard flick glides to its edge and stops there instead of leaving only the empty ground of the
        neighbours (the whole frame) on screen."""
        model = self._scene.model
        district = model.district_box()
        features = bounds_of(model.features) or district
        return (min(district[0], features[0]), min(district[1], features[1]),
                max(district[2], features[2]), max(district[3], features[3]))

    def _initial_camera(self) -> Viewport:
        base = self._district_view()
        highlighted = [self._scene.model.feature(f) for f in self._initial.highlight]
        box = bounds_of(highlighted)
        if box is None:
            return base
        pad = max(box[2] - box[0], box[3] - box[1], 2.0) * 0.35  # context around the event's features
        padded = (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
        view = fit(padded, self.view.width(), self.view.height(), margin=self._theme.px(60))
        view = replace(view, scale=max(base.scale, min(view.scale, base.scale * 12)))
        # onto the ground: a tall view framed on features near its edge showed the empty, faded margin past it
        frame = self._scene.model.frame
        air = self._theme.px(60) / view.scale
        keep = (box[0] - air, box[1] - air, box[2] + air, box[3] + air)
        # a town at the frame's edge comes in with its name, not cut off by it (the district seat above all)
        seen = view.visible_box()
        for town in self._scene.model.features:
            x, y = town.anchor
            if town.kind == "town" and seen[0] - air < x < seen[2] + air and seen[1] - air < y < seen[3] + air:
                grown = (min(keep[0], x - air), min(keep[1], y - air), max(keep[2], x + air), max(keep[3], y + air))
                if grown[2] - grown[0] < seen[2] - seen[0] and grown[3] - grown[1] < seen[3] - seen[1]:
                    keep = grown
        return view.inside(frame, keep, inset=min(frame[2] - frame[0], frame[3] - frame[1]) * EDGE_FADE)

    def _apply_state(self) -> None:
        highlight = self._state.highlight | ({self._selected} if self._selected else set())
        self._scene.set_room(self._name_room().width())
        self._scene.apply(replace(self._state, highlight=frozenset(highlight)), self.view.camera.scale)
        self._edge_hidden.clear()  # every name's visibility was just decided afresh
        self._edge_shown.clear()
        self._keep_names_inside()

    @property
    def state(self) -> MapState:
        return self._state

    @Slot(object)
    def _year_chosen(self, when: When) -> None:
        self._state = replace(self._state, when=when)
        self.year_bar.set_value(when)
        self._apply_state()
        if self._selected and not self._scene.is_shown(self._selected):
            self.close_card()

    @Slot(object)
    def _layers_changed(self, layers) -> None:
        self._state = replace(self._state, layers=layers)
        self._apply_state()
        if self._selected and not self._scene.is_shown(self._selected):
            self.close_card()

    @Slot(object)
    def _viewport_changed(self, viewport: Viewport) -> None:
        self.scale_bar.set_viewport(viewport)
        if self.isVisible():
            self._scene.set_room(self._name_room().width())  # the map was resized: long names wrap anew
            if self._scene.update_labels(viewport.scale):
                self._edge_hidden.clear()  # chosen afresh: what the edge hid before is decided again
                self._edge_shown.clear()
            self._keep_names_inside()

    def _keep_names_inside(self) -> None:
        """No name is cut by the map's edge: a name is moved inside while its place is in view, and hidden
        while its place is not (`_edge_hidden` remembers which, to show them again). A place whose name has no
        room on its right puts it on its left, or, chosen or a badge that says what it is, shows its symbol
        alone; a town's dot without room for its name goes (`_edge_sided` remembers which, to restore them)."""
        for item in self._edge_shown:
            item.setVisible(False)
        self._edge_shown.clear()
        for item in self._edge_hidden:
            item.setVisible(True)
        self._edge_hidden.clear()
        view = self.view
        inside = self._name_room()
        sided: list[MapMarker] = []
        names = self._scene.name_items()
        neighbours = [self._scene.region_label(region.code) for region in self._scene.model.neighbours]
        for item in names:
            if not item.isVisible():
                continue
            item.setTransform(QTransform())
            anchor = view.mapFromScene(item.pos())
            if isinstance(item, MapMarker) and not item.is_collapsed():
                side = self._marker_side(item, QPointF(anchor), inside, names)
                item.set_name_side(side or item.placed_side())
                if side is None:
                    item.setVisible(False)
                    self._edge_hidden.append(item)
                elif side != item.placed_side():
                    sided.append(item)
                continue
            box = item.boundingRect().translated(anchor.x(), anchor.y())
            if inside.contains(box):
                continue
            if box.width() > inside.width() or box.height() > inside.height():
                item.setVisible(False)  # a word wider than the map, or a map too low: left off (a card names it)
                self._edge_hidden.append(item)
                continue
            # a neighbour's name is not slid inside either: its place was chosen clear of the lines (it would
            # slide onto them), and only names the region
            if isinstance(item, MapMarker) or not inside.contains(QPointF(anchor)) or item in neighbours:
                item.setVisible(False)
                self._edge_hidden.append(item)
                continue
            dx = max(0.0, inside.left() - box.left()) - max(0.0, box.right() - inside.right())
            dy = max(0.0, inside.top() - box.top()) - max(0.0, box.bottom() - inside.bottom())
            item.setTransform(QTransform.fromTranslate(dx, dy))
        for item in self._edge_sided:
            if item not in sided:
                item.set_name_side(item.placed_side())
        self._edge_sided = sided

    def _name_room(self) -> QRectF:
        """Where names may lie on the map (view pixels): inside its edges, clear of the open card."""
        view = self.view
        inside = QRectF(view.viewport().rect()).adjusted(2, 2, -2, -2)
        if self.card.isVisible():  # the open card takes part of the map: names stay clear of it too
            card = QRectF(self.card.geometry().translated(-view.x(), -view.y()))
            if self._theme.portrait:
                inside.setBottom(min(inside.bottom(), card.top() - 2))
            else:
                inside.setRight(min(inside.right(), card.left() - 2))
        return inside

    def _marker_side(self, marker: MapMarker, anchor: QPointF, inside: QRectF, names) -> str | None:
        """Where a place's name fits inside the map: the side the label chooser gave it, else "left" (clear of
        the other names shown), else "none" for a chosen place or a badge; None: the place goes."""
        placed = marker.placed_side()
        if inside.contains(marker.box(placed).translated(anchor)):
            return placed
        if not inside.contains(marker.box("none").translated(anchor)):
            return None
        view = self.view
        others = [(other, other.boundingRect().translated(QPointF(view.mapFromScene(other.pos()))))
                  for other in names if other is not marker and other.isVisible()]
        # the other side, then over or under it (a town keeps its name at the map's edge) …
        sides = ["left" if placed == "right" else "right", "above", "below"] if placed != "none" else []
        boxes = [(side, marker.box(side).translated(anchor)) for side in sides]
        boxes = [(side, box) for side, box in boxes if inside.contains(box)]
        for side, box in boxes:
            if not any(box.intersects(rect) for _other, rect in others):
                return side
        if marker.is_dot():
            # … where a river's, road's or zone's name gives way to it (shown again when the view changes)
            regions = {id(self._scene.region_label(code)) for code in self._region_codes()}
            for side, box in boxes:
                hit = [other for other, rect in others if box.intersects(rect)]
                if all(isinstance(other, MapLabel) and id(other) not in regions for other in hit):
                    for other in hit:
                        other.setVisible(False)
                        self._edge_hidden.append(other)
                        self._name_elsewhere(other, [box, *(rect for _o, rect in others)], inside)
                    return side
        return "none" if marker.is_highlighted() or not marker.is_dot() else None

    def _name_elsewhere(self, label: QGraphicsItem, taken: list[QRectF], inside: QRectF) -> None:
        """A line's name that gave way to a town's shows at another of its places along the line, if one is
        clear of the names around and inside the map (and it is not named elsewhere already)."""
        view = self.view
        same = self._scene.same_name(label)
        if any(other.isVisible() for other in same):
            return
        for other in same:
            other.setTransform(QTransform())  # not slid, as when it was last shown
            rect = other.boundingRect().translated(QPointF(view.mapFromScene(other.pos())))
            if inside.contains(rect) and not any(rect.intersects(box) for box in taken):
                other.setVisible(True)
                self._edge_shown.append(other)
                return

    def _region_codes(self) -> list[str]:
        model = self._scene.model
        return [region.code for region in [*model.neighbours, *([model.district] if model.district else [])]]

    def audit_records(self) -> list[dict]:
        """For the layout audit (which finds the map's names itself): the chosen feature, in this screen's
        pixels, which no floating control may cover."""
        if self._selected is None:
            return []
        view = self.view
        offset = view.mapTo(self, QPoint(0, 0))
        anchor = view.mapFromScene(self._scene.name_item(self._selected).pos())
        r = self._theme.px(24)
        return [{"name": f"selected:{self._selected}", "kind": "feature", "text": self._selected,
                 "rect": (anchor.x() + offset.x() - r, anchor.y() + offset.y() - r, 2 * r, 2 * r)}]

    # taps and the card ----------------------------------------------------------------------------

    @Slot(QPointF)
    def _tapped(self, pos: QPointF) -> None:
        camera = self.view.camera
        point = camera.to_map(pos.x(), pos.y())
        found = pick(self._scene.shown_features(), point, self._theme.px(TOUCH_REACH) / camera.scale)
        if found is None:
            self.close_card()
            return
        self.open_card(found.id)

    def open_card(self, feature_id: str) -> None:
        self._selected = feature_id
        self.card.show_feature(self._content.feature(feature_id))
        self.card.show()
        self.card.raise_()
        self._place_overlays()
        self._apply_state()
        self._record("map_feature", feature_id)
        self._keep_in_view(feature_id)

    @Slot()
    def close_card(self) -> None:
        if self._selected is None and not self.card.isVisible():
            return
        self._selected = None
        self.card.hide()
        self._place_overlays()
        self._apply_state()

    def _keep_in_view(self, feature_id: str) -> None:
        """Pan so the chosen feature is in the part of the map its card leaves clear, away from the edges; a zone
        too small on screen to show around its own name is also zoomed in on until it does."""
        feature = self._scene.model.feature(feature_id)
        anchor = feature.anchor
        camera = self.view.camera
        card = self.card.geometry().translated(-self.view.x(), -self.view.y())  # in the view's pixels
        clear = QRectF(0, 0, camera.width, camera.height)
        if self._theme.portrait:
            clear.setBottom(card.top())
        else:
            clear.setRight(card.left())
        margin = self._theme.px(60)
        edge = self._theme.px(20)  # a zoomed-in zone may come closer to the edges than a point
        scale = self._zone_scale(feature_id, clear.adjusted(edge, edge, -edge, -edge)) or camera.scale
        x, y = camera.to_screen(*anchor)
        if scale == camera.scale and clear.adjusted(margin, margin, -margin, -margin).contains(QPointF(x, y)):
            return
        target = (clear.center().x(), clear.center().y())
        self.view.set_camera(camera.with_anchor(anchor, scale, target), animate=True)

    def _zone_scale(self, feature_id: str, room: QRectF) -> float | None:
        """For a zone smaller on screen than its name: the scale at which its outline shows around the name
        (ZONE_AIR to spare), within the room beside the card and the zoom limit; None for anything else."""
        feature = self._scene.model.feature(feature_id)
        if feature.shape != "area":
            return None
        left, top, right, bottom = feature.bounds()
        w, h = max(right - left, 1e-6), max(bottom - top, 1e-6)
        name = self._scene.name_item(feature_id).boundingRect()
        wanted = max(name.width() / w, name.height() / h) * ZONE_AIR
        fits = min(room.width() / w, room.height() / h) * ZONE_ROOM  # with some of its surroundings
        scale = min(wanted, fits, self.view.max_scale)
        return scale if scale > self.view.camera.scale else None

    # Screen ---------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        c = self._content
        self._scene.set_language(lang)
        self.title.setText(c.title.get(lang))
        self.badge.setText(tr("map_schematic", lang))
        self.note.setText(keep_together(c.note.get(lang)))
        self.hint.setText(tr("map_hint", lang))
        self.credit.set_source(c.credit.get(lang))
        if self._event is not None:
            when = self._event.when.label(lang) + " · " if self._event.when is not None else ""
            self.banner.setText(tr("map_event", lang, title=when + self._event.title.get(lang)))
        self.layers_heading.setText(tr("map_layers", lang))
        self.legend_heading.setText(tr("map_legend", lang))
        self.toggles.set_language(lang)
        self.legend.set_language(lang)
        self.year_bar.set_language(lang)
        self.year_bar.set_value(self._state.when)
        self.compass.set_language(lang)
        self.zoom_in.setAccessibleName(tr("map_zoom_in", lang))
        self.zoom_out.setAccessibleName(tr("map_zoom_out", lang))
        self.reset_button.setAccessibleName(tr("map_reset", lang))
        self.banner_close.setAccessibleName(tr("map_banner_close", lang))
        self.card.set_language(lang)
        if self.isVisible():
            self._fit_band()  # the chips' widths changed
        self._place_overlays()
        if self.isVisible():
            self._apply_state()

    def place_title(self) -> str:
        return self._content.title.get(self.lang)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_band()
        for button in (self.zoom_in, self.zoom_out, self.reset_button):
            button.setIcon(icon(button.property("icon_name"), t.TEXT))
        self.toggles.load_icons()
        self._scene.set_language(self.lang)
        self._apply_state()  # the scene is shared: show this screen's year, layers and highlights

    def reach_anchor(self) -> QWidget | None:
        return self.map_host  # the map with its zoom buttons and compass; the heading can scroll away

    def entered(self) -> None:
        self._apply_state()

    @Slot()
    def reset_view(self) -> None:
        """The reset button: the whole district, also when the map was opened on a timeline event."""
        self.close_card()
        self._touched = True  # a resize keeps the district instead of going back to the event's features
        self.view.set_camera(self._district_view(), animate=True)

    @Slot()
    def close_banner(self) -> None:
        """The visitor closes the timeline's note: its highlight goes and the whole district shows."""
        self._banner_closed = True
        self._state = replace(self._state, highlight=frozenset())
        self._place_overlays()
        self._apply_state()
        self.reset_view()

    def reset(self) -> None:
        """A new visitor: the year, layers and view this screen opens with, no card."""
        self._selected = None
        self._touched = False
        self._banner_closed = False
        if hasattr(self, "side_scroll"):
            self.side_scroll.reset()  # the side column back at its top
        self.card.hide()
        self._state = self._initial
        self.toggles.set_layers(ALL_LAYERS)
        self.year_bar.set_value(self._state.when)
        self._place_overlays()
        self.view.set_camera(self._initial_camera())
        if self.isVisible():
            self._apply_state()


def builder() -> Builder:
    """How the registry builds map screens (registered in `kiosk.ui.features`): one scene shared by every map
    route."""
    shared: dict[str, object] = {}

    def scene_for(ctx: ScreenContext, theme: Theme) -> MapScene:
        from kiosk.geo.model import MapModel

        # One scene per exhibition on show (the store counts replacements) and per type scale.
        key = (id(ctx.store), ctx.store.version, theme.scale, getattr(theme, "font_scale", 1.0))
        if shared.get("key") != key:
            exhibition = ctx.exhibition
            assert exhibition.map is not None
            model = MapModel.build(exhibition.map, paths.assets_dir() / "map" / OUTLINES)
            shared.update(key=key, store=ctx.store, scene=MapScene(model, theme))
        return shared["scene"]  # type: ignore[return-value]  # stored by the branch above

    def build(route: Route, theme: Theme, ctx: ScreenContext) -> Screen | None:
        ex = ctx.exhibition
        if ex.map is None:
            return None
        event = None
        if route.arg is not None:
            timeline = getattr(ex, "timeline", None)
            try:
                event = timeline.event(route.arg) if timeline is not None else None
            except KeyError:
                event = None
            if event is None:
                log.warning("map: no timeline event %r", route.arg)
                return None
        return MapScreen(theme, ex, scene_for(ctx, theme), event, getattr(ctx, "record", None))

    return build
