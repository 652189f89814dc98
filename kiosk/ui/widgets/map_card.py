"""The card of a tapped map feature: what it is, its status (none for a river, town or village) with the
source's words on it and its year, the source's sentences about it, what it belongs to, and that its position
is schematic. An opaque sheet (the map under it need not repaint it)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.map import MapContent, MapFeature
from kiosk.content.schema import Lang
from kiosk.geo.features import Era, status_in
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import map_style as style
from kiosk.ui.widgets.map_legend import LegendSample
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel


class MapFeatureCard(QFrame):
    closed = Signal()

    def __init__(self, theme: Theme, content: MapContent, parent: QWidget | None = None):
        super().__init__(parent)
        p = theme.px
        self._theme = theme
        self._content = content
        self._feature: MapFeature | None = None
        self._lang: Lang = "zh"
        self.setObjectName("MapCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.kind_icon = QLabel(self)
        self.kind = QLabel(self)
        self.kind.setFont(theme.font(t.CAPTION, bold=True))
        self.kind.setProperty("role", "muted")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("MapCardClose")
        self.close_button.setProperty("role", "round_close")
        self.close_button.setFixedSize(p(t.TOUCH_TARGET), p(t.TOUCH_TARGET))
        self.close_button.setIconSize(QSize(p(40), p(40)))
        self.close_button.clicked.connect(self.closed)
        header = QHBoxLayout()
        header.setSpacing(p(12))
        header.addWidget(self.kind_icon)
        header.addWidget(self.kind, 1)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        # The name a step below a screen's heading: on a narrow card a long name leaves room for the sentences.
        self.title = self._typeset(t.LEAD, True, "text")  # by the typography rules: no lone "期）" last line
        self.sample_box = QHBoxLayout()
        self.sample_box.setSpacing(p(10))
        self.status = self._label(t.CAPTION + 2, True, "text")
        self.status.setWordWrap(True)
        self._sample: LegendSample | None = None
        self.when = self._typeset(t.BODY, False, "accent")
        self.text = TypesetLabel(self, title=False, justify=True)  # its height for a width is that of its lines there
        self.text.setFont(self._theme.font(t.BODY))
        self.text.setProperty("role", "text")
        body = QWidget()
        self._body = body
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, p(12), 0)
        body_layout.setSpacing(p(14))
        # The name and status scroll with the text: a long name in large text never squeezes them.
        body_layout.addWidget(self.title)
        body_layout.addLayout(self.sample_box)
        body_layout.addWidget(self.when)
        body_layout.addWidget(self.text)
        body_layout.addStretch(1)
        self.scroll = TouchScrollArea(self)
        self.scroll.setWidget(body)
        self.more_below = MoreBelow(self.scroll)
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_fade)
        self.scroll.verticalScrollBar().rangeChanged.connect(self._update_fade)
        self.footer = self._label(t.CAPTION, False, "muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(p(36), p(24), p(24), p(24))
        layout.setSpacing(p(14))
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.footer)

    def _update_fade(self, *_args) -> None:
        height = min(self._theme.px(56), self.scroll.height() // 6)  # a hint, not a cover over a line
        self.more_below.place(self.scroll, height)

    def wanted_height(self, width: int) -> int:
        """The height that shows the whole card without scrolling at `width`: the map screen grows the card
        towards it, up to the share of the map it may take, and the card scrolls (with its fade) beyond that."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        body = self._body.layout()
        body.activate()
        body_w = max(1, inner - self.scroll.verticalScrollBar().sizeHint().width())
        body_h = self._body.heightForWidth(body_w) if self._body.hasHeightForWidth() else self._body.sizeHint().height()
        header_h = max(self.close_button.height(), self.kind.sizeHint().height())
        footer_h = self.footer.heightForWidth(inner) + layout.spacing() if self.footer.isVisibleTo(self) else 0
        return margins.top() + header_h + layout.spacing() + body_h + footer_h + margins.bottom() + 2

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_fade()

    def _label(self, size: float, bold: bool, role: str) -> QLabel:
        label = QLabel(self)
        label.setFont(self._theme.font(size, bold=bold))
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    def _typeset(self, size: float, bold: bool, role: str) -> TypesetLabel:
        label = TypesetLabel(self)
        label.setFont(self._theme.font(size, bold=bold))
        label.setProperty("role", role)
        return label

    @property
    def feature(self) -> MapFeature | None:
        return self._feature

    def show_feature(self, feature: MapFeature) -> None:
        self._feature = feature
        if self._sample is not None:
            self._sample.deleteLater()
        what = "symbol" if feature.point is not None or feature.kind == "bridge" else "kind"
        self._sample = LegendSample(self._theme, what, feature.kind, status_in(feature, Era.TODAY), self)
        self.sample_box.insertWidget(0, self._sample)
        if self.sample_box.count() == 1:
            self.sample_box.addWidget(self.status, 1)
        self.scroll.reset()
        self.set_language(self._lang)

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        p = self._theme.px
        self.close_button.setIcon(icon("mdi6.close", t.TEXT))
        self.close_button.setAccessibleName(tr("map_close", lang))
        f = self._feature
        if f is None:
            return
        self.kind_icon.setPixmap(icon(style.icon_name(f.kind, f.icon), t.TEXT_MUTED).pixmap(p(32), p(32)))
        self.kind.setText(style.kind_name(f.kind, lang))
        self.title.set_source(f.name.get(lang))
        status = style.feature_status_name(f.status, f.existing, lang)
        self.status.setText(status)
        self.status.setVisible(bool(status))
        if self._sample is not None:  # the swatch shows what the status looks like: without one it means nothing
            self._sample.setVisible(bool(status))
        when = f.when.get(lang) if f.when is not None else ""
        self.when.set_source(when[:1].upper() + when[1:])  # a phrase in the content, a line of its own on the card
        self.when.setVisible(f.when is not None)
        self.text.set_source(f.text.get(lang) if f.text is not None else "")
        self.text.setVisible(f.text is not None)
        footer = []
        if f.part_of is not None:
            footer.append(tr("map_part_of", lang, name=self._content.feature(f.part_of).name.get(lang)))
        if f.schematic:
            footer.append(tr("map_position_schematic", lang))
        self.footer.setText(" · ".join(footer))
        self.footer.setVisible(bool(footer))
