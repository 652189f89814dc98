"""Diagnostics: versions, screen, frame rate, memory, uptime, why it last restarted, where its files are and
the log's tail; and the tools an installer or cleaner needs: cleaning mode, touch test, restart, exit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.frame_meter import FrameRateMeter
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

CONFIRM_MS = 4000
LIVE_MS = 2000  # uptime, memory and the log refresh this often while the page is open

Facts = Callable[[Lang], list[tuple[str, str]]]


class DiagnosticsPage(QWidget):
    cleaning_requested = Signal()
    touch_test_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()

    def __init__(self, theme: Theme, facts: Facts, log_tail: Callable[[], list[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._facts = facts
        self._log_tail = log_tail
        self.lang: Lang = "zh"
        p = theme.px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(p(14))

        tools_row = QWidget(self)
        tools = FlowLayout(tools_row, spacing=p(12))  # the four tools wrap to two rows on a narrow screen
        tools.setContentsMargins(0, 0, 0, 0)
        self.cleaning_button = QPushButton(self)
        self.touch_test_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.exit_button = QPushButton(self)
        self.exit_button.setProperty("role", "danger")
        self.restart_button.setProperty("role", "danger")
        for button in (self.cleaning_button, self.touch_test_button, self.restart_button, self.exit_button):
            button.setFont(theme.font(t.CAPTION + 2, bold=True))
            button.setMinimumHeight(p(t.TOUCH_TARGET))
            tools.addWidget(button)
        self.cleaning_button.clicked.connect(self.cleaning_requested)
        self.touch_test_button.clicked.connect(self.touch_test_requested)
        self.restart_button.clicked.connect(lambda: self._confirm(self.restart_button, self.restart_requested))
        self.exit_button.clicked.connect(lambda: self._confirm(self.exit_button, self.exit_requested))
        self._armed: QPushButton | None = None
        self._disarm = QTimer(self)
        self._disarm.setSingleShot(True)
        self._disarm.setInterval(CONFIRM_MS)
        self._disarm.timeout.connect(self._expire)
        # While the page is shown its live facts (uptime, memory) and the log follow along.
        self._live = QTimer(self)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self.update_live)
        self._value_labels: list[QLabel] = []

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(p(24))
        self.grid.setVerticalSpacing(p(6))
        self.fps = FrameRateMeter(theme, self)
        self.fps_label = QLabel(self)
        self.fps.measured.connect(self._show_fps)
        self._fact_labels: list[QLabel] = []

        self.log_label = QLabel(self)
        self.log_label.setFont(theme.font(t.CAPTION, bold=True))
        self.log_text = QLabel()
        self.log_text.setTextFormat(Qt.TextFormat.PlainText)
        self.log_text.setWordWrap(True)
        self.log_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.log_text.setFont(theme.font(t.CAPTION - 4))
        self.log_text.setProperty("role", "log")
        self.log_scroll = TouchScrollArea(self)
        self.log_scroll.setWidget(self.log_text)

        layout.addWidget(tools_row)
        layout.addLayout(self.grid)
        layout.addWidget(self.log_label)
        layout.addWidget(self.log_scroll, 1)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.cleaning_button.setText(sw("cleaning", lang))
        self.touch_test_button.setText(sw("touch_test", lang))
        self._relabel()
        self.log_label.setText(sw("diag_log", lang))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read every fact again, re-measure the frame rate and show the newest log lines."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None and widget not in (self.fps, self.fps_label):
                widget.deleteLater()
        font = self._theme.font(t.CAPTION - 2)
        bold = self._theme.font(t.CAPTION - 2, bold=True)
        row = 0
        self._value_labels = []
        for name, value in self._facts(self.lang):
            key, val = QLabel(name, self), QLabel(value, self)
            key.setFont(bold)
            key.setProperty("role", "muted")
            val.setFont(font)
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(val, row, 1, 1, 2)
            self._value_labels.append(val)
            row += 1
        fps_name = QLabel(sw("diag_fps", self.lang), self)
        fps_name.setFont(bold)
        fps_name.setProperty("role", "muted")
        self.fps_label.setFont(font)
        self.fps_label.setText(sw("measuring", self.lang))
        self.grid.addWidget(fps_name, row, 0)
        self.grid.addWidget(self.fps_label, row, 1)
        self.grid.addWidget(self.fps, row, 2, Qt.AlignmentFlag.AlignLeft)
        self.grid.setColumnStretch(2, 1)
        self.log_text.setText(self._log_words())
        QTimer.singleShot(0, self._scroll_log_to_end)
        self.fps.measure()

    @Slot()
    def update_live(self) -> None:
        """Read the facts and the log again, changing only the words (no rebuilt rows, no jump in the log
        unless it was showing its newest line)."""
        facts = self._facts(self.lang)
        if len(facts) != len(self._value_labels):
            self.refresh()
            return
        for label, (_name, value) in zip(self._value_labels, facts, strict=True):
            if label.text() != value:
                label.setText(value)
        text = self._log_words()
        if text != self.log_text.text():
            bar = self.log_scroll.verticalScrollBar()
            at_end = bar.value() >= bar.maximum() - 2
            self.log_text.setText(text)
            if at_end:
                QTimer.singleShot(0, self._scroll_log_to_end)

    def _log_words(self) -> str:
        """The newest log lines, or a line saying there are none yet (an empty box looks broken)."""
        lines = self._log_tail()
        return "\n".join(lines) if lines else sw("diag_log_empty", self.lang)

    def is_live(self) -> bool:
        return self._live.isActive()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._live.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._live.stop()

    @Slot()
    def _scroll_log_to_end(self) -> None:
        bar = self.log_scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    @Slot(float)
    def _show_fps(self, fps: float) -> None:
        self.fps_label.setText(f"{fps:.0f} fps")

    def _confirm(self, button: QPushButton, signal) -> None:
        """Exit and restart need a second tap within a few seconds: no accidental exits."""
        if self._armed is button:
            self._armed = None
            self._relabel()
            signal.emit()
            return
        self._armed = button
        self._relabel()
        button.setText(sw("confirm_again", self.lang))
        self._disarm.start()

    @Slot()
    def _expire(self) -> None:
        self._armed = None
        self._relabel()

    def _relabel(self) -> None:
        self.restart_button.setText(sw("restart", self.lang))
        self.exit_button.setText(sw("exit", self.lang))
