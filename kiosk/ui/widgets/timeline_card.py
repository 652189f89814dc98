"""The card of one timeline event: its time and status, title, the source's text, its photo if it has one, and
"show on map". It only shows an event and emits intent (`closed`, `map_requested`, `photo_chosen`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang
from kiosk.content.timeline import TimelineEvent
from kiosk.layout import typography
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import timeline_style as style
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.photo_card import PhotoCard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel


class _StatusMark(QWidget):
    """The status's marker on a short stretch of its line, as on the track."""

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self.status = "built"
        self.setFixedSize(theme.px(60), theme.px(36))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._theme.px
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mid = self.height() / 2
        painter.setPen(style.line_pen(self.status, p(5)))
        painter.drawLine(QPointF(0, mid), QPointF(self.width(), mid))
        style.draw_marker(painter, self.status, QPointF(self.width() / 2, mid), p(12), p(3), t.SURFACE)
        painter.end()


class TimelineCard(QWidget):
    closed = Signal()
    map_requested = Signal(str)  # event id
    photo_chosen = Signal(str)  # photo id

    def __init__(
        self,
        theme: Theme,
        exhibition: Exhibition,
        photo_path: Callable[[str], Path],
        provider: ImageProvider,
        map_available: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._exhibition = exhibition
        self._photo_path = photo_path
        self._provider = provider
        self._map_available = map_available
        self._event: TimelineEvent | None = None
        self._photos: dict[str, PhotoCard] = {}
        self.lang: Lang = "zh"
        p = theme.px
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)

        self.mark = _StatusMark(theme, self)
        self.status_label = QLabel(self)
        self.status_label.setFont(theme.font(t.CAPTION, bold=True))
        self.close_button = QPushButton(self)
        self.close_button.setFixedSize(p(t.TOUCH_TARGET), p(t.TOUCH_TARGET))
        self.close_button.setIconSize(QSize(p(44), p(44)))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setProperty("role", "round_close")
        self.close_button.clicked.connect(self.closed)
        # The time and the status share the top row with the close button, so the text and photo get the room.
        self.time_label = QLabel(self)
        self.time_label.setFont(theme.font(t.LEAD, bold=True))
        top = QHBoxLayout()
        top.setSpacing(p(14))
        top.addWidget(self.time_label)
        top.addSpacing(p(10))
        top.addWidget(self.mark)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._top = top

        self.title = TypesetLabel()
        self.title.setFont(theme.font(t.HEADING, bold=True))
        self.text = TypesetLabel(title=False, pitch=typography.body_pitch("zh"), justify=True)
        self.text.setFont(theme.font(t.BODY))
        self.text.setProperty("role", "text")
        body = QWidget()
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(0, 0, p(12), p(8))
        self._body_layout.setSpacing(p(14))
        for label in (self.title, self.text):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self._body_layout.addWidget(label)
        self._body_layout.addStretch(1)
        self.scroll = TouchScrollArea(self)
        self.scroll.setWidget(body)
        self.more_below = MoreBelow(self.scroll)
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_fade)
        self.scroll.verticalScrollBar().rangeChanged.connect(self._update_fade)
        self.scroll.verticalScrollBar().rangeChanged.connect(self._grow_to_text)
        self._most = 0  # the tallest the card may grow, from the last `fitted_height`

        self.map_button = QPushButton(self)
        self.map_button.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.map_button.setMinimumHeight(p(t.TOUCH_TARGET * 0.9))
        self.map_button.setIconSize(QSize(p(36), p(36)))
        self.map_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.map_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.map_button.setProperty("role", "timeline_map")
        self.map_button.clicked.connect(self._map_clicked)
        self.map_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(p(36), p(24), p(24), p(28))
        layout.setSpacing(p(14))
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)

    @property
    def event(self) -> TimelineEvent | None:
        return self._event

    def show_event(self, event: TimelineEvent) -> None:
        self._event = event
        self.scroll.reset()
        self._fill()
        QTimer.singleShot(0, self, self._grow_to_text)  # once laid out: the range may not change from the last event's

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        for card in self._photos.values():
            card.set_language(lang)
        if self._event is not None:
            self._fill()

    def photo_card(self) -> PhotoCard | None:
        event = self._event
        return self._photos.get(event.photo) if event is not None and event.photo else None

    def _fill(self) -> None:
        event, lang = self._event, self.lang
        if event is None:
            return
        self.mark.status = event.status
        self.mark.update()
        self.status_label.setText(style.name(event.status, lang))
        t.set_status(self.status_label, event.status)
        self.time_label.setText(event.when.label(lang) if event.when is not None else style.name(event.status, lang))
        t.set_status(self.time_label, event.status)
        self.time_label.setVisible(event.when is not None)
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.title.set_source(event.title.get(lang))
        self.text.set_pitch(typography.body_pitch(lang))
        self.text.set_source(event.text.get(lang))
        self.close_button.setIcon(icon("mdi6.close", t.TEXT))
        self.close_button.setAccessibleName(tr("close", lang))
        for photo_id, card in self._photos.items():
            card.setVisible(photo_id == event.photo)
        if event.photo and event.photo not in self._photos:
            photo = self._exhibition.photo(event.photo)
            credit = self._exhibition.photo_credit(photo)
            portrait = self._theme.portrait
            # Landscape: the photo at 16:9 of the card's width under the title, the text below it (scrolling if
            # need be). Portrait (a wide, short card): a wide crop under the text keeps the caption in view.
            # A tap shows the whole photo full screen.
            card = PhotoCard(self._theme, photo, self._photo_path(photo.file), credit, self._provider,
                             aspect=1.5 if portrait else 16 / 9)
            card.chosen.connect(self.photo_chosen)
            card.set_language(lang)
            if portrait:
                card.view.setMaximumHeight(self._theme.px(320))
            self._photos[event.photo] = card
            self._body_layout.insertWidget(self._body_layout.count() - 1 if portrait else 1, card)
        self.map_button.setText(tr("show_on_map", lang))
        self.map_button.setIcon(icon("mdi6.map-search", t.BACKGROUND))
        self.map_button.setVisible(self._map_available and bool(event.map_features))

    def _place_map_button(self, inner: int) -> bool:
        """"Show on map" joins the top row where the row has room for it (the text gets the height of a row
        more), else it has a row of its own under the text. Whether it is in the top row."""
        top = self._top
        row = [self.mark, self.status_label, self.map_button, self.close_button]
        if self.time_label.isVisibleTo(self):
            row.append(self.time_label)
        # each at the width it is given: the mark and the close button are wider than their size hints
        wanted = [max(w.sizeHint().width(), w.minimumSizeHint().width(), w.minimumWidth()) for w in row]
        needed = sum(wanted) + top.spacing() * len(row) + self._theme.px(10)
        in_top = top.indexOf(self.map_button) >= 0
        fits = needed <= inner
        if fits != in_top:
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            (top if in_top else layout).removeWidget(self.map_button)
            if fits:
                top.insertWidget(top.indexOf(self.close_button), self.map_button, 0, Qt.AlignmentFlag.AlignVCenter)
            else:
                layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        return fits

    def fitted_height(self, width: int, most: int) -> int:
        """The card's height at `width`: as tall as its text, photo and button need (so a short event gets a
        compact card, not a tall empty one), at most `most` (the rest scrolls)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        in_top = self._place_map_button(inner)
        body = self.scroll.widget()
        body_height = body.layout().totalHeightForWidth(inner - self.scroll.verticalScrollBar().sizeHint().width())
        needed = margins.top() + margins.bottom() + self.close_button.height() + layout.spacing() + body_height
        if self._map_available and self._event is not None and self._event.map_features and not in_top:
            needed += layout.spacing() + self.map_button.sizeHint().height()
        self._most = most
        return min(most, needed + self._theme.px(8))

    def _grow_to_text(self, *_range: int) -> None:
        """The text as set came out taller than measured (a scroll bar narrows it): the card grows down to show
        it all while it has room, instead of fading its last lines above empty space."""
        high = self.scroll.verticalScrollBar().maximum()
        if high > 0 and self.isVisible() and self.height() < self._most:
            self.resize(self.width(), min(self._most, self.height() + high))

    def _update_fade(self, *_args) -> None:
        """The fade is as tall as two lines of the text, over the viewport's bottom, while more lies below."""
        self.more_below.place(self.scroll, round(self.text.fontMetrics().height() * 1.5 * 2))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_fade()

    def _map_clicked(self) -> None:
        if self._event is not None:
            self.map_requested.emit(self._event.id)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._theme.px
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(rect, p(t.RADIUS), p(t.RADIUS))
        painter.fillPath(path, QColor(t.SURFACE))
        painter.save()
        painter.setClipPath(path)
        status = self._event.status if self._event is not None else "built"
        painter.fillRect(QRectF(rect.left(), rect.top(), p(10), rect.height()), style.colour(status))
        painter.restore()
        painter.setPen(QPen(QColor(t.LINE), p(2)))
        painter.drawPath(path)
        painter.end()
