"""A photo with its caption and credit. The picture loads off the GUI thread; until then (or if the file is
broken) a calm neutral panel stands in. Generated stand-in photos say so under the caption."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Lang, Photo, Text
from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


class PhotoView(QAbstractButton):
    """The picture itself, cropped to fill a 3:2 frame with rounded corners."""

    def __init__(self, theme: Theme, parent: QWidget | None = None, aspect: float = 1.5):
        super().__init__(parent)
        self._theme = theme
        self._aspect = aspect
        self._pixmap: QPixmap | None = None
        self._failed = False
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setMinimumHeight(theme.px(t.TOUCH_TARGET))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / self._aspect)

    def sizeHint(self) -> QSize:
        w = self._theme.px(720)
        return QSize(w, self.heightForWidth(w))

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._failed = pixmap is None
        self.update()

    @property
    def loaded(self) -> bool:
        return self._pixmap is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(self.rect())
        radius = self._theme.px(t.RADIUS * 0.8)
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        p.setClipPath(path)
        p.fillRect(rect, QColor(t.SURFACE_RAISED))
        if self._pixmap is not None and not self._pixmap.isNull():
            pm = self._pixmap
            scale = max(rect.width() / pm.width(), rect.height() / pm.height())
            sw, sh = rect.width() / scale, rect.height() / scale
            source = QRectF((pm.width() - sw) / 2, (pm.height() - sh) / 2, sw, sh)
            p.drawPixmap(rect, pm, source)
        elif self._failed:
            p.setPen(QColor(t.TEXT_MUTED))
            p.setFont(self._theme.font(t.CAPTION))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "⌧")
        if self.isDown():
            p.fillRect(rect, QColor(0, 0, 0, 70))
        p.end()


class PhotoCard(QWidget):
    chosen = Signal(str)  # photo id

    def __init__(
        self,
        theme: Theme,
        photo: Photo,
        path: Path,
        credit: Text,
        provider: ImageProvider,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._photo = photo
        self._path = path
        self._credit = credit
        self._provider = provider
        self._requested: QSize | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(10))
        self.view = PhotoView(theme, self)
        self.view.clicked.connect(lambda: self.chosen.emit(self._photo.id))
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setFont(theme.font(t.CAPTION, bold=True))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setFont(theme.font(t.CAPTION - 2))
        self.note.setStyleSheet(f"color: {t.TEXT_MUTED};")
        layout.addWidget(self.view)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)

    @property
    def photo(self) -> Photo:
        return self._photo

    def set_language(self, lang: Lang) -> None:
        self.caption.setText(self._photo.caption.get(lang))
        note = tr("credit", lang, who=self._credit.get(lang))
        if self._photo.placeholder:
            note += " · " + tr("placeholder_photo", lang)
        self.note.setText(note)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._load()

    def _load(self) -> None:
        size = self.view.size()
        if size.width() < 8 or size.height() < 8:
            return
        # Request in coarse steps so small layout changes do not trigger new decodes.
        step = 64
        want = QSize(-(-size.width() // step) * step, -(-size.height() // step) * step)
        if self._requested == want:
            return
        self._requested = want
        self._provider.request(self._path, want, self.view.set_pixmap, owner=self.view, cover=True)
