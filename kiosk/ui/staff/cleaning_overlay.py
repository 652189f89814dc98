"""Cleaning mode: the whole screen ignores touch for a while (`staff_controller.CLEANING_SECONDS`) so the glass
can be wiped, with a large countdown so the cleaner knows when it will react again. It then hands back to the
staff panel."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.overlay import FullWindowOverlay
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme

_SWALLOWED = {
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Gesture,
}


class CleaningOverlay(FullWindowOverlay):
    finished = Signal()

    def __init__(self, theme: Theme, window: QWidget, seconds: int):
        super().__init__(window)
        self._seconds = seconds
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.touches_ignored = 0
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self)
        self.title.setFont(theme.font(t.TITLE, bold=True))
        self.count = QLabel(self)
        self.count.setFont(theme.font(t.DISPLAY * 2.5, bold=True))
        self.count.setProperty("role", "accent")
        self.unit = QLabel(self)  # what the number counts: a bare "30" said nothing
        self.unit.setFont(theme.font(t.LEAD))
        self.unit.setProperty("role", "muted")
        for label in (self.title, self.count, self.unit):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(label)
        layout.addStretch(1)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._update)

    def start(self, lang: Lang) -> None:
        self.title.setText(sw("cleaning_title", lang))
        self.unit.setText(sw("cleaning_left", lang))
        self.touches_ignored = 0
        self._clock.start()
        self._update()
        self._tick.start()
        self.open()
        self.grabKeyboard()

    def remaining(self) -> int:
        if not self._tick.isActive():
            return 0
        return max(0, self._seconds - self._clock.elapsed() // 1000)

    def stop(self) -> None:
        self._tick.stop()
        self.releaseKeyboard()
        self.hide()

    @Slot()
    def _update(self) -> None:
        left = self._seconds - self._clock.elapsed() / 1000
        if left <= 0:
            self.stop()
            self.finished.emit()
            return
        self.count.setText(str(int(left + 0.999)))

    def event(self, event: QEvent) -> bool:
        if event.type() in _SWALLOWED:
            if event.type() == QEvent.Type.TouchBegin:
                self.touches_ignored += 1
            event.accept()
            return True
        return super().event(event)
