"""A large home-screen tile: accent band, icon, title and a one-line subtitle; darkens the moment it is pressed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.layout import typography
from kiosk.ui import theme as t
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.typeset_label import typeset

TOP_PAD = 22  # above the title and icon: three English lines of a large-text title fit a landscape tile
MIN_TITLE = t.CAPTION  # a title never gets smaller than a caption: below it, it takes another line
# An editor's title too long for a caption's size at any number of lines the tile holds comes down to the hero
# caption's size, still read at arm's length, rather than lose its end to "…"
FLOOR_TITLE = t.CAPTION - 4


class TileButton(QAbstractButton):
    def __init__(self, theme: Theme, accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._accent = accent
        self._title = ""
        self._subtitle = ""
        self._icon = QIcon()
        self._title_size: float | None = None
        self._subtitle_shown = True  # the home screen hides it where the other language's would not fit
        self._shorter = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Accessible mode lays a screen out no shorter than it needs and scrolls the band: taller tiles there
        # let the titles grow with the mode's text rather than shrink to fit
        tall = 2.4 if theme.reach_scale > 1 else 1.6
        self.setMinimumSize(theme.px(t.TOUCH_TARGET * 2), theme.px(t.TOUCH_TARGET * tall))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users tab to it; a tap leaves no focus ring

    def set_text(self, title: str, subtitle: str) -> None:
        self._title, self._subtitle = title, subtitle
        self.setAccessibleName(title)
        self.update()

    def set_tile_icon(self, icon: QIcon) -> None:
        self._icon = icon
        self.update()

    def tile_icon(self) -> QIcon:
        return self._icon

    def set_subtitle_shown(self, shown: bool) -> None:
        """Whether the subtitle may show at all: a tile says the same in both languages, so the home screen
        shows a subtitle only where it fits in each of them."""
        self._subtitle_shown = shown
        self.update()

    def subtitle_fits(self) -> bool:
        """Whether the subtitle, all of it, fits below the title as the title is drawn now."""
        return bool(self._subtitle) and self._subtitle_layout()[2]

    def set_shorter(self, pixels: float) -> None:
        """Lay the title and subtitle out as in a tile `pixels` less tall (the home screen asks how the tile
        would look in the other language, whose hero may be taller); 0 for the tile as it is."""
        self._shorter = pixels

    def _box(self) -> QRectF:
        return QRectF(self.rect()).adjusted(1, 1, -1, -1 - self._shorter)

    def subtitle_shown(self) -> bool:
        """Whether the subtitle is drawn."""
        return self._subtitle_shown and self.subtitle_fits()

    def _subtitle_layout(self) -> tuple[QRectF, str, bool]:
        """Where the subtitle goes (below the title as drawn), its lines, and whether all of them fit there."""
        th = self._theme
        rect = self._box()
        pad = th.px(28)
        left = rect.left() + th.px(12) + pad
        right = rect.right() - pad
        font = th.font(t.CAPTION)
        used = self.title_layout()[3]
        sub_top = used.bottom() + th.px(10)
        sub_rect = QRectF(left, sub_top, right - left, rect.bottom() - sub_top - th.px(12))
        lines = typeset(font, self._subtitle, sub_rect.width(), title=True)
        needed = len(lines) * QFontMetricsF(font).lineSpacing()
        return sub_rect, lines.text, lines.fits and needed <= sub_rect.height()  # all of it or none

    def title(self) -> str:
        return self._title

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(400), self._theme.px(220))

    def title_box(self) -> QRectF:
        """Where the title may go: beside the icon, above a subtitle line."""
        th = self._theme
        rect = self._box()
        pad = th.px(28)
        left = rect.left() + th.px(12) + pad
        top = rect.top() + th.px(TOP_PAD)
        right = rect.right() - pad
        # The bottom keeps a smaller margin than the top: the last line's own descent leaves room there.
        return QRectF(left, top, right - left - th.px(56) - th.px(12), rect.bottom() - top - th.px(8))

    def best_title_size(self) -> float:
        """The largest type step at which the title fits the tile whole, broken only between its phrases if it
        can be (else balanced inside one), never a lone character on its last line."""
        size = float(t.HEADING)
        fallback: float | None = None
        # In large-text mode a title that fits no other way may come down to the normal mode's smallest size
        # (never below a caption's pixels): smaller type, never a cut title.
        smallest = min(MIN_TITLE, MIN_TITLE / self._theme.text_scale)
        while size >= smallest - 0.01:
            lines, fits, clean = self._typeset_at(size)
            if fits and clean:
                return size
            if fits and fallback is None:
                fallback = size
            size -= 2 if size - 2 >= smallest else max(0.5, size - smallest)
        if fallback is not None:
            return fallback
        size = smallest - 1
        while size >= FLOOR_TITLE - 0.01:  # only a title longer than any shipped one comes down here
            lines, fits, clean = self._typeset_at(size)
            if fits:
                return size
            size -= 1
        return smallest

    def set_title_size(self, size: float | None) -> None:
        """Draw the title at this size (the home screen gives every tile the same), or at its own best."""
        self._title_size = size
        self.update()

    def _typeset_at(self, size: float) -> tuple[typography.Lines, bool, bool]:
        box = self.title_box()
        font = self._theme.font(size, bold=True)
        lines = typeset(font, self._title, box.width(), title=True)
        height = _block_height(font, lines)
        return lines, lines.fits and height <= box.height() + 0.5, lines.clean

    def title_layout(self) -> tuple[str, QFont, QRectF, QRectF, bool]:
        """How the title is drawn: its lines (joined with line breaks), font, box, the area it takes, and whether
        all of it fits."""
        box = self.title_box()
        size = self._title_size if self._title_size is not None else self.best_title_size()
        font = self._theme.font(size, bold=True)
        lines, fits, _ = self._typeset_at(size)
        text = lines.text
        if not fits:  # a title too long for any size (an editor's): what fits, and "…" to say there is more
            text = _cut(font, lines, box)
        used = QRectF(box.left(), box.top(), max(lines.widths, default=0.0),
                      min(box.height(), _block_height(font, lines)))
        return text, font, box, used, fits

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
        icon_size = th.px(56)
        top = rect.top() + th.px(TOP_PAD)
        right = rect.right() - pad
        if not self._icon.isNull():
            self._icon.paint(p, int(right - icon_size), int(top), icon_size, icon_size)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        title, title_font, title_rect, used, _ = self.title_layout()
        p.setFont(title_font)
        p.setPen(QColor(t.TEXT))
        # Line by line at the font's own line spacing: the box is as tall as the lines need, descenders included
        metrics = QFontMetricsF(title_font)
        for index, line in enumerate(title.split("\n")):
            # A line opening with a quote hangs it into the margin: the first character stays flush
            opener = typography.hanging_opener(line)
            x = title_rect.left() - (metrics.boundingRect(opener).right() if opener else 0)
            p.drawText(QPointF(x, title_rect.top() + metrics.ascent() + index * _leading(title_font, title)), line)
        if self._subtitle and self._subtitle_shown:
            sub_rect, sub_text, sub_fits = self._subtitle_layout()
            if sub_fits:  # all of it or none: never a half-cut line
                p.setFont(th.font(t.CAPTION))
                p.setPen(QColor(t.TEXT_MUTED))
                p.drawText(sub_rect, flags, sub_text)
        p.end()


def _leading(font: QFont, text: str) -> float:
    """A title's line step: display leading, tighter than body text's (1.2 em for Latin letters, 1.35 em for
    hanzi, which fill their em square), at most the font's own."""
    factor = 1.35 if any("\u3400" <= c <= "\u9fff" for c in text) else 1.2
    return min(QFontMetricsF(font).lineSpacing(), factor * font.pixelSize())


def _block_height(font: QFont, lines: typography.Lines) -> float:
    """The height of the title's lines, the last one's descenders included."""
    return 0.0 if not len(lines) else (len(lines) - 1) * _leading(font, lines.text) + QFontMetricsF(font).height()


def _cut(font: QFont, lines: typography.Lines, box: QRectF) -> str:
    """As many of `lines` as fit `box`, the last one ending in "…"."""
    metrics = QFontMetricsF(font)
    room = max(1, 1 + int((box.height() - metrics.height()) // _leading(font, lines.text)))
    kept = list(lines.lines[:room])
    rest = " ".join(lines.lines[room - 1 :]) if " " in lines.text else "".join(lines.lines[room - 1 :])
    kept[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, box.width())
    return "\n".join(kept)
