"""The bundled font registers with Qt and draws the characters of the exhibition's own title."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from kiosk.ui.fonts import register_fonts


@pytest.fixture(scope="module")
def family(qapp) -> str:  # noqa: ANN001
    return register_fonts()


def test_register_fonts_returns_the_bundled_family(family: str) -> None:
    assert family
    assert family in QFontDatabase.families()


@pytest.mark.parametrize("char", ["渌", "融", "株"])
def test_bundled_family_draws_title_hanzi(family: str, char: str) -> None:
    assert QFontMetrics(QFont(family, 24)).inFontUcs4(ord(char))


def test_bold_style_is_registered(family: str) -> None:
    assert "Bold" in QFontDatabase.styles(family)
    assert QFontMetrics(QFont(family, 24, QFont.Weight.Bold)).inFontUcs4(ord("渌"))


def test_missing_font_files_are_logged_and_a_family_still_returned(
    qapp, tmp_path, monkeypatch, caplog  # noqa: ANN001
) -> None:
    monkeypatch.setattr("kiosk.ui.fonts.fonts_dir", lambda: tmp_path)
    with caplog.at_level("ERROR", logger="kiosk.ui.fonts"):
        family = register_fonts()
    assert family
    assert "NotoSansSC-Regular.otf" in caplog.text
    assert "NotoSansSC-Bold.otf" in caplog.text
