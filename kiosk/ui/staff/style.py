"""The staff panel's shared look: one style sheet for its buttons and labels, built from the theme, so every
page and control uses the same large, high-contrast touch targets."""

from __future__ import annotations

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme

WARNING = "#E07A5F"
GOOD = "#7FB77E"


def panel_stylesheet(theme: Theme) -> str:
    p = theme.px
    return f"""
    QPushButton {{ background: {t.SURFACE_RAISED}; color: {t.TEXT}; border: none; border-radius: {p(14)}px;
        padding: 0 {p(24)}px; min-height: {p(t.TOUCH_TARGET * 0.8)}px; min-width: {p(t.TOUCH_TARGET * 0.8)}px; }}
    QPushButton:pressed {{ background: {t.SURFACE_PRESSED}; }}
    QPushButton:checked {{ background: {t.ACCENT_DEFAULT}; color: {t.BACKGROUND}; }}
    QPushButton:disabled {{ color: {t.LINE}; }}
    QPushButton[role="primary"] {{ background: {t.ACCENT_DEFAULT}; color: {t.BACKGROUND}; }}
    QPushButton[role="primary"]:pressed {{ background: {t.SURFACE_PRESSED}; color: {t.TEXT}; }}
    QPushButton[role="danger"] {{ background: #6B2F2A; color: {t.TEXT}; }}
    QLabel[role="muted"] {{ color: {t.TEXT_MUTED}; }}
    QLabel[role="warning"] {{ color: {WARNING}; }}
    QLabel[role="good"] {{ color: {GOOD}; }}
    """
