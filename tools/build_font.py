"""Regenerate the kiosk's bundled Chinese font: a Noto Sans CJK SC subset in Regular and Bold.

The kiosk machines may have no CJK font at all, so the app ships its own, cut down from Noto Sans CJK SC
to what the exhibition can show:

    all of GB 2312 (every character Python's 'gb2312' codec can encode, i.e. its 6763 hanzi and symbols)
    ASCII and Latin-1 Supplement
    General Punctuation (U+2000-206F), CJK Symbols and Punctuation (U+3000-303F),
    Halfwidth and Fullwidth Forms (U+FF00-FFEF), and a few common arrows, math and unit signs
    every character found in any assets/content/**/*.toml

Source fonts: Debian/Ubuntu's fonts-noto-cjk package (`apt-get install fonts-noto-cjk`), which installs
/usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc. The SC face is picked out of each collection
by its name table (family "Noto Sans CJK SC"), never by a fixed index. Needs fontTools
(`pip install -e .[dev]`).

Output: assets/fonts/NotoSansSC-Regular.otf and NotoSansSC-Bold.otf, one family named FAMILY below
(Regular + Bold), with their own names so they never clash with a full Noto CJK installed on the machine.
OpenType layout keeps kerning, mark positioning, proportional/half-width punctuation and vertical forms;
the per-language `locl` alternates (Japanese, Korean, Traditional forms) are dropped, which roughly halves
the size. CFF hints are kept: dropping them saves only ~15 %.

When to re-run: whenever the content gains a character outside GB 2312 (a rare place-name or personal-name
character, say). tests/unit/test_font_coverage.py fails and names the missing characters until you do:

    python tools/build_font.py
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parent.parent
CONTENT_DIR = REPO / "assets" / "content"
FONTS_DIR = REPO / "assets" / "fonts"

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SOURCE_FAMILY = "Noto Sans CJK SC"

# The family name both output files share; kiosk.ui.fonts reads it back from Qt rather than copying it.
FAMILY = "Noto Sans SC Kiosk"
POSTSCRIPT_FAMILY = "NotoSansSCKiosk"

# (style as in the name table, source collection, output file)
WEIGHTS = [
    ("Regular", "NotoSansCJK-Regular.ttc", "NotoSansSC-Regular.otf"),
    ("Bold", "NotoSansCJK-Bold.ttc", "NotoSansSC-Bold.otf"),
]

BLOCKS = [
    (0x0020, 0x007E),  # ASCII (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement: · × ÷ ° ± ² ³ © ® ¥ …
    (0x2000, 0x206F),  # General Punctuation: — – ‘ ’ “ ” … ‰ ※
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、 。 《 》 【 】 〔 〕
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms: ， ！ ： ； （ ） ￥
    (0x2190, 0x2199),  # arrows ← ↑ → ↓ ↔ ↕ ↖ ↗ ↘ ↙
    (0x2460, 0x2473),  # circled numbers ① … ⑳
]
# Common signs the codec's GB 2312 mapping misses or the blocks above leave out.
EXTRA = "×÷→←↑↓·¥—…℃℉№™ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ−±≈≠≤≥∞√‰°㎡㎞㎏㎜㎝㎎㎖●○■□▲△◆◇★☆✓"

# OpenType features to keep. No `locl`: its closure pulls in ~5,800 JP/KR/TC glyphs the kiosk never shows.
LAYOUT_FEATURES = [
    "kern", "mark", "mkmk",  # horizontal kerning and mark positioning
    "halt", "palt",  # half-width / proportional punctuation
    "vert", "vrt2", "vkrn", "vpal", "vhal",  # vertical text
    "ccmp", "liga", "calt",
]


def gb2312_chars() -> set[str]:
    """Every BMP character the 'gb2312' codec can encode (control characters included; dropped later)."""
    chars = set()
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        chars.add(chr(cp))
    return chars


def content_chars(content_dir: Path = CONTENT_DIR) -> set[str]:
    chars: set[str] = set()
    for path in sorted(content_dir.rglob("*.toml")):
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if not c.isspace()}


def wanted_chars(content_dir: Path = CONTENT_DIR) -> set[str]:
    chars = gb2312_chars() | content_chars(content_dir) | set(EXTRA)
    for first, last in BLOCKS:
        chars |= {chr(cp) for cp in range(first, last + 1)}
    return {c for c in chars if unicodedata.category(c) != "Cc"}


def load_sc_face(collection: Path, style: str) -> TTFont:
    """The face of `collection` whose name table says family SOURCE_FAMILY, style `style`."""
    faces = TTCollection(collection, lazy=True).fonts
    for index, face in enumerate(faces):
        name = face["name"]
        family = name.getDebugName(16) or name.getDebugName(1)
        subfamily = name.getDebugName(17) or name.getDebugName(2)
        if family == SOURCE_FAMILY and subfamily == style:
            return TTFont(collection, fontNumber=index, recalcTimestamp=False)  # reproducible output
    found = [f["name"].getDebugName(4) for f in faces]
    raise SystemExit(f"{collection}: no face '{SOURCE_FAMILY} {style}' (found: {', '.join(found)})")


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own family name, one family across Regular and Bold."""
    name = font["name"]
    full = f"{FAMILY} {style}"
    postscript = f"{POSTSCRIPT_FAMILY}-{style}"
    version = font["head"].fontRevision
    # Drop typographic family/style (16/17): Regular + Bold are a plain RIBBI family under ID 1/2.
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName(style, 2, 3, 1, 0x409)
    name.setName(f"{version:.3f};{postscript};subset", 3, 3, 1, 0x409)
    name.setName(full, 4, 3, 1, 0x409)
    name.setName(postscript, 6, 3, 1, 0x409)
    for record in name.names:  # any other language/platform copies of the names get the same text
        text = {1: FAMILY, 2: style, 4: full, 6: postscript}.get(record.nameID)
        if text is not None:
            record.string = text
    cff = font["CFF "].cff
    cff.fontNames = [postscript]
    top = cff.topDictIndex[0]
    top.FullName = full
    top.FamilyName = FAMILY
    bold = style == "Bold"
    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    font["head"].macStyle = (font["head"].macStyle & ~1) | (1 if bold else 0)


def build(style: str, source: Path, output: Path, chars: set[str], must: set[str]) -> TTFont:
    """Subset one weight. Characters of `must` (content, EXTRA) the source lacks are warned about one by
    one; gaps in the blocks are normal (Noto CJK leaves out some format and rare punctuation characters)."""
    font = load_sc_face(source, style)
    cmap = font.getBestCmap()
    missing = sorted(c for c in must if ord(c) not in cmap)
    if missing:
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing)
        print(f"warning: {source.name} has no glyph for {len(missing)} content/extra character(s): {shown}",
              file=sys.stderr)
    gaps = sum(1 for c in chars if ord(c) not in cmap)
    print(f"{source.name} [{style}]: {len(chars) - gaps} of {len(chars)} wanted characters present "
          f"({gaps} block positions the font does not cover)")
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = True
    options.notdef_outline = True  # a visible box rather than blank space for anything still missing
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    rename(font, style)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR, help="folder with NotoSansCJK-*.ttc")
    parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
    parser.add_argument("--out-dir", type=Path, default=FONTS_DIR)
    args = parser.parse_args(argv)

    from_content = content_chars(args.content_dir)
    chars = wanted_chars(args.content_dir)
    beyond_gb = sorted(from_content - gb2312_chars())
    print(f"{len(chars)} characters wanted; {len(from_content)} distinct in content, "
          f"{len(beyond_gb)} of them outside GB 2312: {''.join(beyond_gb)}")
    for style, collection, filename in WEIGHTS:
        source = args.source_dir / collection
        if not source.exists():
            raise SystemExit(f"{source} not found: apt-get install fonts-noto-cjk")
        output = args.out_dir / filename
        font = build(style, source, output, chars, from_content | set(EXTRA))
        family = font["name"].getDebugName(1)
        print(f"{output.relative_to(REPO) if output.is_relative_to(REPO) else output}: "
              f"{output.stat().st_size / 1e6:.2f} MB, {len(font.getGlyphOrder())} glyphs, "
              f"{len(font.getBestCmap())} characters, family '{family}' {font['name'].getDebugName(2)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
