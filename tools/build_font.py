"""Regenerate the kiosk's bundled fonts: Noto Sans (Latin) and Noto Sans CJK SC subsets, Regular and Bold.

The app lists the Latin family first and the Chinese one second (kiosk.ui.fonts), so Latin letters, digits
and Western punctuation come from Noto Sans, and Qt falls back to the SC face for everything the Latin face
does not map. Without the Latin face, English set in the CJK font gets full-width curly quotes and apostrophes
(a wide gap in “five-ization”) and CJK-styled Latin letters.

Latin face, cut down from Noto Sans to:

    ASCII, Latin-1 Supplement, Latin Extended-A, the pinyin letters of Latin Extended-B (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ, ǹ)
    and ɑ ɡ ḿ, the combining tone marks, General Punctuation (U+2000-206F: ‘ ’ “ ” – — … ‰),
    Superscripts and Subscripts, Currency Symbols (€ and the rest; ¥ £ $ are in Latin-1/ASCII), ™ and №,
    and every other character of assets/content/**/*.toml that Noto Sans has (math signs such as − ≈ ≤ ≥,
    arrows and circled numbers are not in Noto Sans and come from the SC face).
    Never anything CJK: no ideographs, no CJK Symbols and Punctuation (U+3000-303F), no Halfwidth and
    Fullwidth Forms (U+FF00-FFEF), so those always come from the SC face. Kerning, mark positioning and
    ligatures are kept; TrueType hints are kept.

Chinese face, cut down from Noto Sans CJK SC to what the exhibition can show:

    all of GB 2312 (every character Python's 'gb2312' codec can encode, i.e. its 6763 hanzi and symbols)
    ASCII and Latin-1 Supplement
    General Punctuation (U+2000-206F), CJK Symbols and Punctuation (U+3000-303F),
    Halfwidth and Fullwidth Forms (U+FF00-FFEF), and a few common arrows, math and unit signs
    every character found in any assets/content/**/*.toml
    OpenType layout keeps kerning, mark positioning, proportional/half-width punctuation and vertical forms;
    the per-language `locl` alternates (Japanese, Korean, Traditional forms) are dropped, which roughly halves
    the size. CFF hints are kept: dropping them saves only ~15 %.

Source fonts, from Debian/Ubuntu packages:
    fonts-noto-core  /usr/share/fonts/truetype/noto/NotoSans-{Regular,Bold}.ttf
    fonts-noto-cjk   /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc; the SC face is picked out
                     of each collection by its name table (family "Noto Sans CJK SC"), never by a fixed index.
(`apt-get install fonts-noto-core fonts-noto-cjk`). Needs fontTools (`pip install -e .[dev]`).

Output, in assets/fonts/, each pair one family (Regular + Bold) with its own names so it never clashes with a
full Noto installed on the machine:
    NotoSans-Regular.ttf, NotoSans-Bold.ttf        family LATIN_FAMILY ("Noto Sans Kiosk")
    NotoSansSC-Regular.otf, NotoSansSC-Bold.otf    family FAMILY ("Noto Sans SC Kiosk")
The output is deterministic: the same sources and content give byte-identical files.

When to re-run: whenever the content gains a character outside GB 2312 (a rare place-name or personal-name
character, say) or a non-CJK character outside the Latin face's blocks. tests/unit/test_font_coverage.py fails
and names the missing characters until you do:

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
LATIN_SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
LATIN_SOURCE_FAMILY = "Noto Sans"

# The family names of the two output pairs; kiosk.ui.fonts reads them back from Qt, never copies them.
FAMILY = "Noto Sans SC Kiosk"
POSTSCRIPT_FAMILY = "NotoSansSCKiosk"
LATIN_FAMILY = "Noto Sans Kiosk"
LATIN_POSTSCRIPT_FAMILY = "NotoSansKiosk"

# (style as in the name table, source collection, output file)
WEIGHTS = [
    ("Regular", "NotoSansCJK-Regular.ttc", "NotoSansSC-Regular.otf"),
    ("Bold", "NotoSansCJK-Bold.ttc", "NotoSansSC-Bold.otf"),
]
LATIN_WEIGHTS = [
    ("Regular", "NotoSans-Regular.ttf", "NotoSans-Regular.ttf"),
    ("Bold", "NotoSans-Bold.ttf", "NotoSans-Bold.ttf"),
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

LATIN_BLOCKS = [
    (0x0020, 0x007E),  # ASCII (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement: ¥ £ · × ÷ ° ± ¹ ² ³ ª º é ü
    (0x0100, 0x017F),  # Latin Extended-A: ā ē ī ō ū ě ň
    (0x01CD, 0x01DC),  # Latin Extended-B, the pinyin letters: Ǎ ǎ Ǐ ǐ Ǒ ǒ Ǔ ǔ Ǖ ǖ Ǘ ǘ Ǚ ǚ Ǜ ǜ
    (0x01F8, 0x01F9),  # Ǹ ǹ: pinyin n, fourth tone (ń ň are in Latin Extended-A)
    (0x2000, 0x206F),  # General Punctuation: ‘ ’ “ ” – — … ‰ ′ ″
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols: €
]
# Pinyin extras (ɑ ɡ ḿ), the combining tone marks (grave, acute, macron, caron, diaeresis), ™ and №. The signs
# after them are already in the blocks above; listed so the set English text needs reads in one place.
LATIN_EXTRA = "ɑɡḾḿ\u0300\u0301\u0304\u030C\u0308™№¥€£$×÷±·°–—‘’“”…"

# Ranges the Latin face must never map, so Qt takes these characters from the SC face: CJK radicals, symbols
# and punctuation, kana, bopomofo, hangul, ideographs (all planes), compatibility and vertical forms, and
# Halfwidth and Fullwidth Forms. tests/unit/test_font_coverage.py keeps its own copy of this list.
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

# Latin OpenType features to keep: kerning, mark positioning and ligatures (fi, fl), with the composition
# (ccmp: i + combining mark -> dotless i + mark) they depend on.
LATIN_LAYOUT_FEATURES = ["kern", "mark", "mkmk", "ccmp", "liga", "clig", "calt"]


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


def is_cjk(char: str) -> bool:
    return any(first <= ord(char) <= last for first, last in CJK_RANGES)


def wanted_latin_chars(content_dir: Path = CONTENT_DIR) -> set[str]:
    chars = set(LATIN_EXTRA) | content_chars(content_dir)
    for first, last in LATIN_BLOCKS:
        chars |= {chr(cp) for cp in range(first, last + 1)}
    return {c for c in chars if unicodedata.category(c) != "Cc" and not is_cjk(c)}


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


def load_latin_face(path: Path, style: str) -> TTFont:
    """The face in `path`, once its name table is checked to say family LATIN_SOURCE_FAMILY, style `style`."""
    font = TTFont(path, recalcTimestamp=False)  # reproducible output
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1)
    subfamily = name.getDebugName(17) or name.getDebugName(2)
    if (family, subfamily) != (LATIN_SOURCE_FAMILY, style):
        raise SystemExit(f"{path}: expected '{LATIN_SOURCE_FAMILY} {style}', found '{family} {subfamily}'")
    return font


def rename(
    font: TTFont, style: str, family: str = FAMILY, postscript_family: str = POSTSCRIPT_FAMILY
) -> None:
    """Give the subset its own family name, one family across Regular and Bold."""
    name = font["name"]
    full = f"{family} {style}"
    postscript = f"{postscript_family}-{style}"
    version = font["head"].fontRevision
    # Drop typographic family/style (16/17): Regular + Bold are a plain RIBBI family under ID 1/2.
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    name.setName(family, 1, 3, 1, 0x409)
    name.setName(style, 2, 3, 1, 0x409)
    name.setName(f"{version:.3f};{postscript};subset", 3, 3, 1, 0x409)
    name.setName(full, 4, 3, 1, 0x409)
    name.setName(postscript, 6, 3, 1, 0x409)
    for record in name.names:  # any other language/platform copies of the names get the same text
        text = {1: family, 2: style, 4: full, 6: postscript}.get(record.nameID)
        if text is not None:
            record.string = text
    if "CFF " in font:  # the CJK face is CFF-flavoured; the Latin one is TrueType, named by the table only
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName = full
        top.FamilyName = family
    bold = style == "Bold"
    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    font["head"].macStyle = (font["head"].macStyle & ~1) | (1 if bold else 0)


def subset_font(font: TTFont, chars: set[str], layout_features: list[str]) -> None:
    options = subset.Options()
    options.layout_features = layout_features
    options.hinting = True
    options.notdef_outline = True  # a visible box rather than blank space for anything still missing
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)


def build(style: str, source: Path, output: Path, chars: set[str], must: set[str]) -> TTFont:
    """Subset one weight of the SC face. Characters of `must` (content, EXTRA) the source lacks are warned
    about one by one; gaps in the blocks are normal (Noto CJK leaves out some format and rare punctuation)."""
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
    subset_font(font, chars, LAYOUT_FEATURES)
    rename(font, style)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    return font


def build_latin(style: str, source: Path, output: Path, chars: set[str], content: set[str]) -> TTFont:
    """Subset one weight of the Latin face to the characters of `chars` Noto Sans has. The rest are left to
    the SC face: counted, and named when they come from the content (circled numbers or arrows, say)."""
    font = load_latin_face(source, style)
    cmap = font.getBestCmap()
    present = {c for c in chars if ord(c) in cmap}
    print(f"{source.name} [{style}]: {len(present)} of {len(chars)} wanted characters present "
          f"({len(chars) - len(present)} left to the SC face)")
    lacking = sorted(c for c in content & chars if c not in present)
    if lacking:
        print(f"  content characters it lacks, drawn by the SC face: {' '.join(lacking)}")
    subset_font(font, present, LATIN_LAYOUT_FEATURES)
    leaked = sorted(cp for cp in font.getBestCmap() if is_cjk(chr(cp)))
    if leaked:  # cannot happen with the filter above; guards against a future edit of the character sets
        shown = ", ".join(f"U+{cp:04X}" for cp in leaked)
        raise SystemExit(f"{output.name} would map CJK code points: {shown}")
    rename(font, style, LATIN_FAMILY, LATIN_POSTSCRIPT_FAMILY)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    return font


def report(output: Path, font: TTFont) -> None:
    name = font["name"]
    print(f"{output.relative_to(REPO) if output.is_relative_to(REPO) else output}: "
          f"{output.stat().st_size / 1e6:.3f} MB, {len(font.getGlyphOrder())} glyphs, "
          f"{len(font.getBestCmap())} characters, family '{name.getDebugName(1)}' {name.getDebugName(2)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR, help="folder with NotoSansCJK-*.ttc")
    parser.add_argument("--latin-source-dir", type=Path, default=LATIN_SOURCE_DIR,
                        help="folder with NotoSans-*.ttf")
    parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
    parser.add_argument("--out-dir", type=Path, default=FONTS_DIR)
    args = parser.parse_args(argv)

    # Check every source first, so a missing package fails before anything is rewritten.
    sources = [args.latin_source_dir / name for _, name, _ in LATIN_WEIGHTS]
    sources += [args.source_dir / name for _, name, _ in WEIGHTS]
    for source in sources:
        if not source.exists():
            package = "fonts-noto-cjk" if source.suffix == ".ttc" else "fonts-noto-core"
            raise SystemExit(f"{source} not found: apt-get install {package}")

    from_content = content_chars(args.content_dir)
    latin_chars = wanted_latin_chars(args.content_dir)
    print(f"Latin face: {len(latin_chars)} non-CJK characters wanted "
          f"({sum(1 for c in from_content if not is_cjk(c))} of them in content)")
    for style, filename, out_name in LATIN_WEIGHTS:
        output = args.out_dir / out_name
        source = args.latin_source_dir / filename
        report(output, build_latin(style, source, output, latin_chars, from_content))

    chars = wanted_chars(args.content_dir)
    beyond_gb = sorted(from_content - gb2312_chars())
    print(f"SC face: {len(chars)} characters wanted; {len(from_content)} distinct in content, "
          f"{len(beyond_gb)} of them outside GB 2312: {''.join(beyond_gb)}")
    for style, collection, filename in WEIGHTS:
        output = args.out_dir / filename
        report(output, build(style, args.source_dir / collection, output, chars, from_content | set(EXTRA)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
