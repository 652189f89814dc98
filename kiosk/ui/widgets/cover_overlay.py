"""The base of the unattended overlays (still there?, slideshow, closed screen): a layer over the whole window.

It follows the window's size, is opaque (it paints every pixel itself, so Qt never repaints the screens
beneath it) and takes every touch and click that reaches it, so nothing under it can ever be pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget


class CoverOverlay(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        # Subclasses end their __init__ with self.hide() (here it would run their hideEvent half-built).

    def cover(self) -> None:
        """Show on top of everything in the window."""
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            try:
                self.setGeometry(watched.rect())  # type: ignore[attr-defined]  # it watches only its parent widget
            except RuntimeError:  # torn down
                pass
        return False

    # Input that reaches the overlay stops here (the window-wide input watcher normally takes it first).
    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            touch: QTouchEvent = event  # type: ignore[assignment]  # a touch event kind: Qt hands it over as QEvent
            touch.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()
