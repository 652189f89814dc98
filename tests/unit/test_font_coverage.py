"""The bundled fonts must draw every character the exhibition can show.

Two families, used in this order (kiosk.ui.fonts): a Latin face (Noto Sans subset) and the CJK face (Noto
Sans CJK SC subset) it falls back to. Every content character must be in the CJK face (it is the fallback for
everything); every non-CJK one in one face or the other; and the Latin face must never map a CJK character,
or hanzi and full-width punctuation would not fall back.

Fails, naming the characters and the files they come from, when content gains a character outside the
subsets; the fix is `python tools/build_font.py` (see its docstring), then commit the regenerated fonts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO / "assets" / "content"
FONTS_DIR = REPO / "assets" / "fonts"
FONT_FILES = [FONTS_DIR / name for name in ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")]
LATIN_FONT_FILES = [FONTS_DIR / name for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")]
# (Latin face, CJK face) of each weight
WEIGHT_PAIRS = list(zip(LATIN_FONT_FILES, FONT_FILES, strict=True))

# Code points the Latin face must leave to the CJK face; the same list as CJK_RANGES in tools/build_font.py.
CJK_RANGES = [
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x9FFF),  # CJK radicals … CJK Symbols and Punctuation (U+3000-303F) … CJK Unified Ideographs
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),  # Hangul Syllables, Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0x1F200, 0x1F2FF),  # Enclosed Ideographic Supplement
    (0x20000, 0x3FFFF),  # CJK Unified Ideographs Extension B and beyond
]
# What English and pinyin need from the Latin face, so none of it is drawn CJK-style: pinyin tone letters,
# quotes and apostrophes, dashes, ellipsis, currency, signs, superscripts and ordinals.
LATIN_REQUIRED = "AZaz09āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜńňǹ‘’“”–—…¥€£$×÷±·°¹²³ªº™"


@cache
def cmap(path: Path) -> frozenset[int]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def is_cjk(char: str) -> bool:
    return any(first <= ord(char) <= last for first, last in CJK_RANGES)


def gb2312_hanzi() -> set[str]:
    """The 6763 hanzi of GB 2312: rows 16-87 (lead bytes B0-F7), decoded position by position."""
    hanzi = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                hanzi.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:  # the five empty positions at the end of row 55
                pass
    return hanzi


def content_chars() -> dict[str, str]:
    """Every non-whitespace character of assets/content/**/*.toml -> the first file it appears in."""
    where: dict[str, str] = {}
    for path in sorted(CONTENT_DIR.rglob("*.toml")):
        for char in path.read_text(encoding="utf-8"):
            if not char.isspace():
                where.setdefault(char, str(path.relative_to(REPO)))
    return where


def describe(missing: list[str], where: dict[str, str] | None = None) -> str:
    shown = []
    for char in missing[:50]:
        origin = f" in {where[char]}" if where else ""
        shown.append(f"{char} U+{ord(char):04X}{origin}")
    more = f" … and {len(missing) - 50} more" if len(missing) > 50 else ""
    return "; ".join(shown) + more


@pytest.mark.parametrize("font_path", FONT_FILES, ids=lambda p: p.name)
def test_font_covers_content(font_path: Path) -> None:
    where = content_chars()
    covered = cmap(font_path)
    missing = sorted(c for c in where if ord(c) not in covered)
    assert not missing, (
        f"{font_path.name} lacks {len(missing)} content character(s): {describe(missing, where)}. "
        "Run `python tools/build_font.py` (it warns about any that Noto Sans CJK itself lacks) "
        "and commit assets/fonts."
    )


@pytest.mark.parametrize("font_path", FONT_FILES, ids=lambda p: p.name)
def test_font_covers_gb2312_hanzi(font_path: Path) -> None:
    hanzi = gb2312_hanzi()
    assert len(hanzi) == 6763
    covered = cmap(font_path)
    missing = sorted(c for c in hanzi if ord(c) not in covered)
    assert not missing, f"{font_path.name} lacks {len(missing)} GB 2312 hanzi: {describe(missing)}"


@pytest.mark.parametrize(("latin_path", "cjk_path"), WEIGHT_PAIRS, ids=lambda p: p.name)
def test_non_cjk_content_is_in_either_face(latin_path: Path, cjk_path: Path) -> None:
    where = content_chars()
    covered = cmap(latin_path) | cmap(cjk_path)
    missing = sorted(c for c in where if not is_cjk(c) and ord(c) not in covered)
    assert not missing, (
        f"neither {latin_path.name} nor {cjk_path.name} has {len(missing)} content character(s): "
        f"{describe(missing, where)}. Run `python tools/build_font.py` and commit assets/fonts."
    )


@pytest.mark.parametrize("font_path", LATIN_FONT_FILES, ids=lambda p: p.name)
def test_latin_face_covers_english_and_pinyin(font_path: Path) -> None:
    covered = cmap(font_path)
    missing = sorted(c for c in set(LATIN_REQUIRED) if ord(c) not in covered)
    assert not missing, f"{font_path.name} lacks {describe(missing)}"


@pytest.mark.parametrize("font_path", LATIN_FONT_FILES, ids=lambda p: p.name)
def test_latin_face_covers_the_content_quotes_and_dashes(font_path: Path) -> None:
    """Content punctuation shared by both scripts (“ ” … — · –) must come from the Latin face in English."""
    where = content_chars()
    covered = cmap(font_path)
    shared = [c for c in where if 0x2000 <= ord(c) <= 0x206F or 0x00A0 <= ord(c) <= 0x017F]
    missing = sorted(c for c in shared if ord(c) not in covered)
    assert not missing, f"{font_path.name} lacks {describe(missing, where)}; run `python tools/build_font.py`"


@pytest.mark.parametrize("font_path", LATIN_FONT_FILES, ids=lambda p: p.name)
def test_latin_face_maps_nothing_cjk(font_path: Path) -> None:
    leaked = sorted(chr(cp) for cp in cmap(font_path) if is_cjk(chr(cp)))
    assert not leaked, f"{font_path.name} maps CJK characters, which then never fall back: {describe(leaked)}"


@pytest.mark.parametrize("font_path", LATIN_FONT_FILES, ids=lambda p: p.name)
def test_latin_face_keeps_kerning_and_ligatures(font_path: Path) -> None:
    font = TTFont(font_path, lazy=True)
    try:
        gpos = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
        gsub = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    finally:
        font.close()
    assert "kern" in gpos
    assert "liga" in gsub


def family_and_styles(paths: list[Path]) -> list[tuple[str, str]]:
    names = []
    for path in paths:
        font = TTFont(path, lazy=True)
        names.append((font["name"].getDebugName(1), font["name"].getDebugName(2)))
        font.close()
    return names


@pytest.mark.parametrize("paths", [FONT_FILES, LATIN_FONT_FILES], ids=["cjk", "latin"])
def test_fonts_form_one_family(paths: list[Path]) -> None:
    (regular_family, regular_style), (bold_family, bold_style) = family_and_styles(paths)
    assert regular_family == bold_family
    assert (regular_style, bold_style) == ("Regular", "Bold")


def test_latin_and_cjk_families_differ() -> None:
    (latin_family, _), _ = family_and_styles(LATIN_FONT_FILES)
    (cjk_family, _), _ = family_and_styles(FONT_FILES)
    assert latin_family != cjk_family
