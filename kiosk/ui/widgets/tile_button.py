"""A large home-screen tile: accent band, icon, title and a one-line subtitle; darkens the moment it is pressed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme


class TileButton(QAbstractButton):
    def __init__(self, theme: Theme, accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._accent = accent
        self._title = ""
        self._subtitle = ""
        self._icon = QIcon()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(theme.px(t.TOUCH_TARGET * 2), theme.px(t.TOUCH_TARGET * 1.6))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users tab to it; a tap leaves no focus ring

    def set_text(self, title: str, subtitle: str) -> None:
        self._title, self._subtitle = title, subtitle
        self.setAccessibleName(title)
        self.update()

    def set_tile_icon(self, icon: QIcon) -> None:
        self._icon = icon
        self.update()

    def title(self) -> str:
        return self._title

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(400), self._theme.px(220))

    def title_layout(self) -> tuple[str, QFont, QRectF, QRectF, bool]:
        """How the title is drawn: its text (line breaks included), font, box, the area it takes, and whether
        all of it fits. The largest size that fits the tile (long English titles, small tiles), never below
        caption size."""
        th = self._theme
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        pad = th.px(28)
        left = rect.left() + th.px(12) + pad
        top = rect.top() + pad
        right = rect.right() - pad
        # The bottom keeps a smaller margin than the top: a line's own descent already leaves room there, and
        # three English lines fit a landscape tile whole at the smallest size.
        box = QRectF(left, top, right - left - th.px(56) - th.px(12), rect.bottom() - top - th.px(12))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        size = t.HEADING
        while True:
            font = th.font(size, bold=True)
            title = _phrased(self._title, QFontMetricsF(font), box.width())
            used = QFontMetricsF(font).boundingRect(box, int(flags), title)
            fits = used.height() <= box.height() and used.width() <= box.width() + 1
            if fits or size <= t.CAPTION:
                return title, font, box, used, fits
            size -= 2

    def paintEvent(self, event: QPaintEvent) -> None:
        th = self._theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = th.px(t.RADIUS)
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        base = t.SURFACE_PRESSED if self.isDown() else t.SURFACE_RAISED
        p.fillPath(path, QColor(base))
        p.setClipPath(path)
        band = th.px(12)
        p.fillRect(QRectF(rect.left(), rect.top(), band, rect.height()), QColor(self._accent))
        if self.isDown():
            p.fillPath(path, t.translucent(t.PRESSED_SHADOW, 60))
        p.setClipping(False)
        if self.hasFocus():
            p.setPen(QColor(t.ACCENT_DEFAULT))
            p.drawPath(path)

        pad = th.px(28)
        left = rect.left() + band + pad
        icon_size = th.px(56)
        top = rect.top() + pad
        right = rect.right() - pad
        if not self._icon.isNull():
            self._icon.paint(p, int(right - icon_size), int(top), icon_size, icon_size)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        title, title_font, title_rect, used, _ = self.title_layout()
        p.setFont(title_font)
        p.setPen(QColor(t.TEXT))
        p.drawText(title_rect, flags, title)
        if self._subtitle:
            p.setFont(th.font(t.CAPTION))
            sub_top = used.bottom() + th.px(10)
            sub_rect = QRectF(left, sub_top, right - left, rect.bottom() - sub_top - th.px(12))
            needed = p.boundingRect(sub_rect, flags, self._subtitle)
            if needed.height() <= sub_rect.height():  # all of it or none: never a half-cut line
                p.setPen(QColor(t.TEXT_MUTED))
                p.drawText(sub_rect, flags, self._subtitle)
        p.end()


def _phrased(title: str, metrics: QFontMetricsF, width: float) -> str:
    """A Chinese title too long for one line breaks at its space, between its two phrases (提质发展 / 绘就精彩渌口),
    instead of wherever the width runs out, which leaves one character alone on the second line."""
    if " " not in title or metrics.horizontalAdvance(title) <= width:
        return title
    if not any("\u4e00" <= ch <= "\u9fff" for ch in title):
        return title  # English wraps between words anyway
    return "\n".join(title.split())
