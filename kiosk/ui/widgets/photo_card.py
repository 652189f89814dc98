"""A photo with its caption and credit. The picture loads off the GUI thread and fades in; until then a calm
neutral panel stands in, and a file that cannot be shown keeps a "photo unavailable" panel. Under the caption
a real photo carries its credit, a generated stand-in its placeholder label instead. A lazy card (the
gallery's) loads only when told to, and can give its pixmap back when it scrolls far away, so a gallery of any
length holds only what is near the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEasingCurve, QRectF, QSize, QVariantAnimation, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Lang, Photo, Text
from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.strings import photo_note, tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_placeholder import paint_photo_placeholder
from kiosk.ui.widgets.typeset_label import TypesetLabel

FADE_MS = 260


class PhotoView(QAbstractButton):
    """The picture itself, cropped to fill a 3:2 frame with rounded corners."""

    def __init__(self, theme: Theme, parent: QWidget | None = None, aspect: float = 1.5):
        super().__init__(parent)
        self._theme = theme
        self._aspect = aspect
        self._pixmap: QPixmap | None = None
        self._failed = False
        self.unavailable_text = ""
        self._opacity = 1.0
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._fade.valueChanged.connect(self._set_opacity)
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

    def set_pixmap(self, pixmap: QPixmap | None, fade: bool = True) -> None:
        """Show the photo (fading in if it arrives while visible), or None: the "unavailable" panel."""
        self._pixmap = pixmap
        self._failed = pixmap is None
        self._fade.stop()
        if pixmap is not None and fade and self.isVisible():
            self._opacity = 0.0
            self._fade.start()
        else:
            self._opacity = 1.0
        self.update()

    def clear(self) -> None:
        """Back to the neutral loading panel (the pixmap is given back)."""
        self._fade.stop()
        self._pixmap = None
        self._failed = False
        self.update()

    def _set_opacity(self, value: object) -> None:
        self._opacity = float(value)  # type: ignore[arg-type]  # the animation's value is a float
        self.update()

    @property
    def loaded(self) -> bool:
        return self._pixmap is not None

    @property
    def failed(self) -> bool:
        return self._failed

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(self.rect())
        radius = self._theme.px(t.RADIUS * 0.8)
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        p.setClipPath(path)
        paint_photo_placeholder(p, rect, self._theme, self._failed, self.unavailable_text)
        if self._pixmap is not None and not self._pixmap.isNull():
            pm = self._pixmap
            scale = max(rect.width() / pm.width(), rect.height() / pm.height())
            sw, sh = rect.width() / scale, rect.height() / scale
            source = QRectF((pm.width() - sw) / 2, (pm.height() - sh) / 2, sw, sh)
            p.setOpacity(self._opacity)
            p.drawPixmap(rect, pm, source)
            p.setOpacity(1.0)
        if self.isDown():
            p.fillRect(rect, t.translucent(t.PRESSED_SHADOW, 70))
        p.end()


class PhotoCard(QWidget):
    chosen = Signal(str)  # photo id

    def __init__(
        self,
        theme: Theme,
        photo: Photo,
        path: Path,
        credit: Text | None,
        provider: ImageProvider,
        parent: QWidget | None = None,
        lazy: bool = False,
        brief: bool = False,
        aspect: float = 1.5,
    ):
        super().__init__(parent)
        self._brief = brief  # the gallery's cards: caption and placeholder mark only (the viewer shows the credit)
        self._active = not lazy  # a lazy card loads only once `load()` says it is near the screen
        self._theme = theme
        self._photo = photo
        self._path = path
        self._credit = credit
        self._provider = provider
        self._requested: QSize | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(10))
        self.view = PhotoView(theme, self, aspect)  # the frame's width to height; the photo is cropped to fill it
        self.view.clicked.connect(lambda: self.chosen.emit(self._photo.id))
        self.caption = TypesetLabel(self)  # broken between phrases, never a lone character
        self.caption.setFont(theme.font(t.CAPTION, bold=True))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setFont(theme.font(t.CAPTION - 2))
        self.note.setProperty("role", "muted")
        layout.addWidget(self.view)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)

    @property
    def photo(self) -> Photo:
        return self._photo

    def set_language(self, lang: Lang) -> None:
        self.caption.set_source(self._photo.caption.get(lang))
        self.view.unavailable_text = tr("photo_unavailable", lang)
        self.view.update()
        note = photo_note(self._photo, None if self._brief else self._credit, lang)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._active:
            self._load()

    def load(self) -> None:
        """Ask for the picture at the size shown (a lazy card's cue that it is near the screen)."""
        self._active = True
        self._load()

    def release(self) -> None:
        """Give the picture back (far off screen); `load()` brings it again, usually from the memory cache."""
        self._active = False
        if self._requested is None:
            return
        self._provider.cancel(self.view)
        self._requested = None
        self.view.clear()

    @property
    def active(self) -> bool:
        return self._active

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
        waiting = [False]  # a pixmap already in memory arrives during request(): shown at once, no fade

        def show(pixmap: QPixmap | None) -> None:
            self.view.set_pixmap(pixmap, fade=waiting[0])

        self._provider.request(self._path, want, show, owner=self.view, cover=True)
        waiting[0] = True
