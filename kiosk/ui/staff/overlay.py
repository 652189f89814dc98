"""A layer that covers the whole kiosk window (keypad, staff panel, cleaning mode, touch test): it follows the
window's size, stays on top while shown, and keeps visitor screens beneath it from receiving anything."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class FullWindowOverlay(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setObjectName(type(self).__name__)  # the theme's style sheet gives each layer its background
        self.hide()
        window.installEventFilter(self)

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        elif watched is self.parentWidget() and event.type() == QEvent.Type.ChildAdded and self.isVisible():
            self.raise_()  # something new (a viewer, a prompt) must not cover an open staff layer
        return False
