"""The transport timeline: from the dusty roads of the 1990s to the projects under way, on a track a visitor
drags with a finger; tapping an event opens its card, from where "show on map" leads to the map.

Landscape: the header and legend on top, the track across the full width, the card sliding in over the
track's right part (the track keeps the chosen event left of it). Portrait: the track in the upper half and
the card below it, where the goal and a hint wait until an event is chosen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QPropertyAnimation, QRect, Qt, QTimer, Slot
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang
from kiosk.content.timeline import Timeline
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Builder, ScreenContext
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.timeline_card import TimelineCard
from kiosk.ui.widgets.timeline_legend import TimelineLegend
from kiosk.ui.widgets.timeline_track import TimelineTrack
from kiosk.ui.widgets.typeset_label import (
    DisplayTitleLabel,
    TypesetLabel,
    display_title_html,
    hang_width,
    latin_family,
)

log = logging.getLogger(__name__)

CARD_MS = 240


class TimelineScreen(Screen):
    def __init__(
        self,
        theme: Theme,
        exhibition: Exhibition,
        timeline: Timeline,
        photo_path: Callable[[str], Path],
        provider: ImageProvider,
        on_photo: Callable[[str], None],
        map_available: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._timeline = timeline
        p = theme.px
        portrait = theme.portrait

        # Set like the other screens' titles: broken between phrases, balanced, no word alone on its last line.
        self.title = DisplayTitleLabel(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.intro.setFont(theme.font(t.LEAD))
        self.intro.setProperty("role", "muted")
        self.goal = TypesetLabel(self)  # broken between phrases: Qt's own wrap left "生活 / 圈" in portrait
        self.goal.setFont(theme.font(t.BODY if not portrait else t.HEADING, bold=True))
        theme.apply(self.goal, "accent_text", accent=timeline.accent if not portrait else t.TEXT)
        self.goal_kicker = QLabel(self)
        self.goal_kicker.setFont(theme.font(t.LEAD, bold=True))
        theme.apply(self.goal_kicker, "accent_text", accent=timeline.accent)
        self.goal_kicker.setVisible(portrait)
        for label in (self.goal, self.goal_kicker):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft if not portrait else Qt.AlignmentFlag.AlignHCenter)
        self.legend = TimelineLegend(theme, columns=2, parent=self)
        self.track = TimelineTrack(theme, timeline, self)
        self.track.event_chosen.connect(self.open_event)
        self.track.background_tapped.connect(self.close_card)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setFont(theme.font(t.CAPTION if not portrait else t.LEAD))
        self.hint.setProperty("role", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_icon = QLabel(self)
        self.hint_icon.setVisible(portrait)

        self.card = TimelineCard(theme, exhibition, photo_path, provider, map_available, self)
        self.card.closed.connect(self.close_card)
        self.card.map_requested.connect(lambda event_id: self.go(Route("map", event_id)))
        self.card.photo_chosen.connect(on_photo)
        self.card.hide()
        self._slide = QPropertyAnimation(self.card, b"pos", self)
        self._slide.setDuration(CARD_MS)
        self._slide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._slide.finished.connect(self._show_choice_in_band)  # the band followed the card along its slide
        self.card.installEventFilter(self)  # a card that grows to its text once laid out: the band follows
        self.track.installEventFilter(self)  # a track laid out anew: as tall as its labels need in the band

        # Landscape: the title beside the legend, the intro and the goal below across the whole width.
        # Portrait: title, intro and legend; the goal waits in the card's place.
        header = QGridLayout()
        header.setContentsMargins(p(t.MARGIN), 0, p(t.MARGIN), 0)
        header.setHorizontalSpacing(p(t.GAP * 2))
        header.setVerticalSpacing(p(8))
        header.addWidget(self.title, 0, 0, Qt.AlignmentFlag.AlignTop)
        self._header = header
        # In portrait the legend sits under the intro, flush with it: its box takes back the title's hang
        self._legend_box = QHBoxLayout()
        self._legend_box.setContentsMargins(0, 0, 0, 0)
        if portrait:
            header.addWidget(self.intro, 1, 0)
            self._legend_box.addWidget(self.legend)
            self._legend_box.addStretch(1)
            header.addLayout(self._legend_box, 2, 0)
            header.setRowMinimumHeight(2, self.legend.sizeHint().height() + p(t.GAP))
        else:
            header.addWidget(self.legend, 0, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            header.addWidget(self.intro, 1, 0, 1, 2)
            header.addWidget(self.goal, 2, 0, 1, 2)
        header.setColumnStretch(0, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, p(t.MARGIN * (0.5 if not portrait else 0.75)), 0, p(t.GAP * 0.75))
        root.setSpacing(p(t.GAP * (0.5 if not portrait else 1)))
        root.addLayout(header)
        if portrait:
            # The track as tall as its labels need; everything below is the card's.
            self.track.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            root.addWidget(self.track)
            self.card_slot = QWidget(self)
            slot = QVBoxLayout(self.card_slot)
            slot.setContentsMargins(p(t.MARGIN * 1.5), 0, p(t.MARGIN * 1.5), 0)
            # Until an event is chosen, the goal the story leads to and how to use the track wait here.
            slot.setSpacing(p(t.GAP))
            slot.addStretch(1)
            slot.addWidget(self.goal_kicker)
            slot.addWidget(self.goal)
            slot.addStretch(1)
            slot.addWidget(self.hint_icon, 0, Qt.AlignmentFlag.AlignHCenter)
            slot.addWidget(self.hint)
            slot.addStretch(1)
            root.addWidget(self.card_slot, 1)
            self.card_slot.installEventFilter(self)  # the track grown or shrunk with its labels: the card follows
            for widget in (self.goal_kicker, self.goal, self.hint_icon, self.hint):
                policy = widget.sizePolicy()
                policy.setRetainSizeWhenHidden(True)  # stepping aside for a card moves nothing above it
                widget.setSizePolicy(policy)
        else:
            self.card_slot = None
            root.addWidget(self.track, 1)
            root.addWidget(self.hint)
        self.set_language("zh")

    # content ------------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        tl = self._timeline
        title_font = self._theme.font(t.TITLE * (1.0 if lang == "zh" else 0.8), bold=True)
        self.title.setFont(title_font)
        latin = latin_family(title_font.families())
        # Curly quotes from the proportional face, the opening one hung in the margin (as on the home screen),
        # so the title, the intro and the goal start at one left edge.
        title, intro = tl.title.get(lang), tl.intro.get(lang)
        self.title.set_source(title)
        self.intro.setText(display_title_html(intro, latin))
        self.title.setAccessibleName(title)
        self.intro.setAccessibleName(intro)
        self._hang_header(hang_width(title_font, latin, title), hang_width(self.intro.font(), latin, intro))
        separator = "：" if lang == "zh" else ": "
        if self._theme.portrait:
            self.goal_kicker.setText(tr("timeline_goal", lang))
            self.goal.set_source(tl.goal.get(lang))
        else:
            self.goal.set_source(f"{tr('timeline_goal', lang)}{separator}{tl.goal.get(lang)}")
        self.hint.setText(tr("timeline_hint", lang))
        if self._theme.portrait:
            size = self._theme.px(72)
            # Painted rather than QIcon.pixmap(), which comes out empty for the icon font in the running kiosk.
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            icon("mdi6.gesture-swipe-horizontal", t.TEXT_MUTED).paint(painter, QRect(0, 0, size, size))
            painter.end()
            self.hint_icon.setPixmap(pixmap)
        self.legend.set_language(lang)
        self.track.set_language(lang)
        self.card.set_language(lang)
        self._keep_choice_in_view()

    def _hang_header(self, title_hang: int, intro_hang: int) -> None:
        """The header's margin gives up the larger hang; the title and the intro take back all but their own,
        the goal and the legend all of it."""
        p = self._theme.px
        hang = max(title_hang, intro_hang)
        self._header.setContentsMargins(p(t.MARGIN) - hang, 0, p(t.MARGIN), 0)
        self.title.setIndent(hang - title_hang)
        self.intro.setIndent(hang - intro_hang)
        if self._theme.portrait:
            self._legend_box.setContentsMargins(hang, 0, 0, 0)
        else:
            self.goal.setIndent(hang)

    def place_title(self) -> str:
        return self._timeline.title.get(self.lang)

    def reach_anchor(self) -> QWidget | None:
        return self.track  # the track itself; the heading can scroll away

    reach_anchor_middle = True  # a track taller than the band (portrait): its line lies across its middle

    # accessible mode: the track, the chosen event's label and its card within the band ---------------

    def _band_view(self) -> QScrollArea | None:
        """The band's scroller while accessible mode lays the screens into it (None otherwise)."""
        window = self.window()
        scroller = getattr(window, "reach_scroller", None)
        scroll = scroller() if callable(scroller) else None
        return scroll if isinstance(scroll, QScrollArea) and scroll.widget() is not None \
            and scroll.widget().isAncestorOf(self) else None

    def _fit_band(self) -> None:
        """Landscape in accessible mode: the track takes the band's whole height (its labels need it at 4K in
        English), the hint under it, which the band would cut, steps aside."""
        if self._theme.portrait or self._theme.reach_scale <= 1.0:
            return  # (the screens are built again when the mode changes)
        scroll = self._band_view()
        if scroll is None:
            return
        self.hint.setVisible(False)
        margins = self.layout().contentsMargins()
        height = max(self._theme.px(420), scroll.viewport().height() - margins.bottom())
        if self.track.height() > 0:
            height = max(height, self.track.needed_height())  # a thin band: the track scrolls in it, whole
        if self.track.minimumHeight() != height:
            self.track.setMinimumHeight(height)
            self.track.setMaximumHeight(height)  # no taller than that: the rest of the stage is the header's

    def _band_limit(self) -> int | None:
        """Portrait in accessible mode: the most a card may take so that the track and it are in the band together."""
        scroll = self._band_view()
        if scroll is None or self.card_slot is None:
            return None
        chosen = self.track.selected
        top = self.track.y() + (self.track.label_rect(chosen).top() if chosen is not None else 0)
        return max(self._theme.px(160), scroll.viewport().height() - (self.card_slot.y() - top))

    def _show_choice_in_band(self) -> None:
        """Accessible mode: scroll the band so the track (the chosen label on it) and the open card are in view."""
        scroll = self._band_view()
        if scroll is None or not self.card.isVisible():
            return
        stage = scroll.widget()
        card = self._card_rect()  # where it comes to rest, as tall as it has grown to its text
        card.setHeight(max(card.height(), self.card.height()))
        chosen = self.track.selected
        label = self.track.label_rect(chosen) if chosen is not None else self.track.rect()
        # the chosen label, the year ruler under it and the card, from the highest to the lowest
        top = min(self.track.mapTo(stage, label.topLeft()).y(), self.mapTo(stage, card.topLeft()).y())
        bottom = max(self.track.mapTo(stage, QPoint(0, max(label.bottom(), self.track.ruler_y()))).y(),
                     self.mapTo(stage, card.bottomLeft()).y()) + 1
        view = scroll.viewport().height()
        bar = scroll.verticalScrollBar()
        bar.setValue(top if bottom - top >= view else max(bottom - view, min(top, bar.value())))

    def reset(self) -> None:
        self._slide.stop()
        self.card.hide()
        self._show_waiting(True)
        self.track.set_reserved_right(0)
        self.track.reset()

    # the card -----------------------------------------------------------------------------------------

    @Slot(str)
    def open_event(self, event_id: str) -> None:
        try:
            event = self._timeline.event(event_id)
        except KeyError:
            log.warning("timeline: no event %r", event_id)
            return
        was_open = self.card.isVisible()
        self._show_waiting(False)
        self.track.select(event_id)
        self.card.show_event(event)
        self.card.setGeometry(self._card_rect())
        if not was_open:
            self.card.show()  # laid out at its width, so its text is measured as it will be set
            self.card.raise_()
        final = self._card_rect()
        self.card.setGeometry(final)
        self.track.set_reserved_right(0 if self._theme.portrait else self.width() - final.left())
        if not was_open:
            shift = self._theme.px(80)
            start = final.topLeft() + (QPoint(shift, 0) if not self._theme.portrait else QPoint(0, shift))
            self._slide.setStartValue(start)
            self._slide.setEndValue(final.topLeft())
            self._slide.start()
        self.track.ensure_visible(event_id)
        self._show_choice_in_band()

    @Slot()
    def close_card(self) -> None:
        self._slide.stop()
        self.card.hide()
        self._show_waiting(True)
        self.track.select(None)
        self.track.set_reserved_right(0)

    def _show_waiting(self, on: bool) -> None:
        """Portrait: the goal and the hint wait in the card's place; a card (sized to its event) takes it."""
        if self.card_slot is not None:
            for widget in (self.goal_kicker, self.goal, self.hint_icon, self.hint):
                widget.setVisible(on)

    def _card_rect(self) -> QRect:
        p = self._theme.px
        if self.card_slot is not None:
            # Under the track, as tall as the event needs (a short one is not a tall empty card), at most the slot.
            slot = self.card_slot.geometry().adjusted(p(t.MARGIN * 0.75), 0, -p(t.MARGIN * 0.75), 0)
            most = slot.height()
            limit = self._band_limit()
            if limit is not None:
                most = min(most, limit)
            return QRect(slot.left(), slot.top(), slot.width(), self.card.fitted_height(slot.width(), most))
        # Over the track's right part, below the header (never over the intro), as tall as the event needs.
        track = self.track.geometry()
        width = min(p(800), round(self.width() * 0.42))
        top = track.top()
        height = self.card.fitted_height(width, track.bottom() - p(8) - top)
        return QRect(self.width() - p(t.MARGIN * 0.5) - width, top, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.card and event.type() == QEvent.Type.Resize and self.card.isVisible() \
                and self._slide.state() != QPropertyAnimation.State.Running:
            self._show_choice_in_band()
        elif watched is self.card_slot and event.type() in (QEvent.Type.Move, QEvent.Type.Resize) \
                and self.card.isVisible() and self._slide.state() != QPropertyAnimation.State.Running:
            self.card.setGeometry(self._card_rect())
        elif watched is self.track and event.type() == QEvent.Type.Resize and self._theme.reach_scale > 1.0:
            QTimer.singleShot(0, self, self._fit_band)  # once the track has laid its labels out at its height
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_band()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_band()
        if self.card.isVisible():
            self._slide.stop()
            rect = self._card_rect()
            self.card.setGeometry(rect)
            self.track.set_reserved_right(0 if self._theme.portrait else self.width() - rect.left())
            self._keep_choice_in_view()

    def _keep_choice_in_view(self) -> None:
        """Labels of another width (a language), a card's edge elsewhere (a resize): the chosen event, its label
        and the goal come back into the part of the track the card leaves free, at once."""
        chosen = self.track.selected
        if chosen is not None and self.card.isVisible():
            self.track.ensure_visible(chosen, animate=False)


def builder() -> Builder:
    """How the registry builds the timeline screen (registered in `kiosk.ui.features`)."""

    def build(route: Route, theme: Theme, ctx: ScreenContext) -> Screen | None:
        timeline = ctx.exhibition.timeline
        if timeline is None or route.arg is not None:
            return None
        return TimelineScreen(
            theme, ctx.exhibition, timeline, ctx.photo_path, ctx.images, ctx.open_photo, ctx.exhibition.map is not None
        )

    return build
