"""The theme owns the look: no widget module writes a colour or sets its own style sheet.

Colours are palette roles in `kiosk.ui.theme`; styles are rules of the theme's application style sheet (a widget
opts in with a `role` property or its object name) or sheets the theme builds (`theme.apply`). A widget module
that must call `setStyleSheet` itself says why on that line with a `# style:` comment."""

from __future__ import annotations

import re
from pathlib import Path

import kiosk.ui

UI = Path(kiosk.ui.__file__).parent
THEME_MODULES = {UI / "theme.py"}
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?\b")
CSS_COLOUR = re.compile(r"\brgba?\(")
NUMERIC_COLOUR = re.compile(r"QColor\(\s*\d")  # QColor(18, 22, 27, 200): a palette colour in disguise


def widget_modules() -> list[Path]:
    return sorted(path for path in UI.rglob("*.py") if path not in THEME_MODULES)


def offending_lines(pattern: re.Pattern[str], allowed_by: str | None = None) -> list[str]:
    found = []
    for path in widget_modules():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line) and (allowed_by is None or allowed_by not in line):
                found.append(f"{path.relative_to(UI.parent.parent)}:{number}: {line.strip()}")
    return found


def test_the_scan_sees_the_widget_modules() -> None:
    names = {path.name for path in widget_modules()}
    assert {"chip_button.py", "map_style.py", "staff_panel.py", "home_screen.py"} <= names
    assert "theme.py" not in names


def test_no_widget_module_writes_a_colour() -> None:
    assert offending_lines(HEX_COLOUR) == [], "use a palette role from kiosk.ui.theme"
    assert offending_lines(CSS_COLOUR) == [], "use a palette role from kiosk.ui.theme"
    assert offending_lines(NUMERIC_COLOUR) == [], "use a palette role (theme.translucent for an alpha)"


def test_no_widget_module_sets_a_style_sheet_without_a_reason() -> None:
    assert offending_lines(re.compile(r"\.setStyleSheet\("), allowed_by="# style:") == [], (
        "give the widget a role of the theme's style sheet, or ask the theme: theme.apply(widget, name, ...)"
    )
