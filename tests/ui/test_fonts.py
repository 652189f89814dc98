"""The bundled fonts register with Qt in priority order, Latin face first: English gets proportional quotes,
and the characters of the exhibition's own title still come from the CJK face."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont, QTextLayout

from kiosk.ui.fonts import register_fonts

PIXEL_SIZE = 28  # the body text size at the reference canvas


@pytest.fixture(scope="module")
def families(qapp) -> list[str]:
    return register_fonts()


@pytest.fixture(scope="module")
def latin(families: list[str]) -> str:
    return families[0]


@pytest.fixture(scope="module")
def cjk(families: list[str]) -> str:
    return families[-1]


def font(families: list[str] | str, bold: bool = False) -> QFont:
    result = QFont()
    result.setFamilies([families] if isinstance(families, str) else list(families))
    result.setPixelSize(PIXEL_SIZE)
    if bold:
        result.setWeight(QFont.Weight.Bold)
    return result


def raw(family: str, bold: bool = False) -> QRawFont:
    """The face Qt resolves `family` to, alone. Unlike QFontMetrics.inFontUcs4, which also counts Qt's
    fallback fonts, its supportsCharacter answers for this one face's character map."""
    return QRawFont.fromFont(font(family, bold))


def faces_used(text: str, families: list[str]) -> set[str]:
    """The families whose glyphs Qt actually lays `text` out with, given the family list."""
    layout = QTextLayout(text, font(families))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_register_fonts_returns_latin_then_cjk_family(families: list[str]) -> None:
    assert isinstance(families, list)
    assert len(families) == 2
    assert len(set(families)) == 2
    for family in families:
        assert family in QFontDatabase.families()


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_latin_face_maps_latin_but_no_hanzi(latin: str, bold: bool) -> None:
    face = raw(latin, bold)
    assert face.familyName() == latin
    for char in "Aaǎǜ“”‘’…–—":
        assert face.supportsCharacter(ord(char)), char
    for char in "渌，。（":  # left to the CJK face
        assert not face.supportsCharacter(ord(char)), char


def test_english_is_set_in_the_latin_face_and_hanzi_in_the_cjk_face(
    families: list[str], latin: str, cjk: str
) -> None:
    assert faces_used("the “five-ization” drive, farmers’ co-ops", families) == {latin}
    assert faces_used("渌口，株洲。", families) == {cjk}
    assert faces_used("“融”出新渌口", families) == {latin, cjk}


@pytest.mark.parametrize("char", ["渌", "融", "株"])
def test_cjk_family_draws_title_hanzi(cjk: str, char: str) -> None:
    assert QFontMetrics(font(cjk)).inFontUcs4(ord(char))
    assert raw(cjk).supportsCharacter(ord(char))


def test_bold_style_is_registered_for_both_families(latin: str, cjk: str) -> None:
    assert "Bold" in QFontDatabase.styles(latin)
    assert "Bold" in QFontDatabase.styles(cjk)
    assert raw(latin, bold=True).styleName() == "Bold"
    assert raw(cjk, bold=True).styleName() == "Bold"
    assert raw(cjk, bold=True).supportsCharacter(ord("渌"))


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_english_quote_is_proportional_and_hanzi_still_render(
    families: list[str], cjk: str, bold: bool
) -> None:
    metrics = QFontMetrics(font(families, bold))
    # In the CJK face alone “ takes a full em (the gap in “five-ization”); the Latin face's is far narrower.
    assert metrics.horizontalAdvance("\u201c") < 0.6 * PIXEL_SIZE
    assert metrics.horizontalAdvance("’") < 0.6 * PIXEL_SIZE
    # Hanzi fall back to the CJK face: a real full-width glyph, not the Latin face's missing-glyph box.
    assert QFontMetrics(font(cjk, bold)).inFontUcs4(ord("渌"))
    assert raw(cjk, bold).supportsCharacter(ord("渌"))
    assert metrics.horizontalAdvance("渌") >= 0.9 * PIXEL_SIZE


def test_cjk_face_alone_would_set_the_quote_full_width(cjk: str) -> None:
    """The problem the Latin face solves; if this fails, the CJK subset changed and the test above is moot."""
    assert QFontMetrics(font(cjk)).horizontalAdvance("\u201c") >= 0.9 * PIXEL_SIZE


def test_missing_font_files_are_logged_and_a_family_still_returned(
    qapp, tmp_path, monkeypatch, caplog
) -> None:
    monkeypatch.setattr("kiosk.ui.fonts.fonts_dir", lambda: tmp_path)
    with caplog.at_level("ERROR", logger="kiosk.ui.fonts"):
        families = register_fonts()
    assert len(families) == 1
    assert families[0]
    names = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")
    for name in names:
        assert name in caplog.text
