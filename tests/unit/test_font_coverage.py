"""The bundled font must draw every character the exhibition can show.

Fails, naming the characters and the files they come from, when content gains a character outside the
subset; the fix is `python tools/build_font.py` (see its docstring), then commit the regenerated fonts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO / "assets" / "content"
FONT_FILES = [REPO / "assets" / "fonts" / name for name in ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")]


@cache
def cmap(path: Path) -> frozenset[int]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


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


def test_fonts_form_one_family() -> None:
    names = []
    for path in FONT_FILES:
        font = TTFont(path, lazy=True)
        names.append((font["name"].getDebugName(1), font["name"].getDebugName(2)))
        font.close()
    (regular_family, regular_style), (bold_family, bold_style) = names
    assert regular_family == bold_family
    assert (regular_style, bold_style) == ("Regular", "Bold")
