"""A copy of a content folder whose visitor text is longer than the shipped text, to check the layout copes.

    python tools/longer_content.py OUT [--from assets/content] [--factor 1.7] [--paragraphs 12]
    python tools/screenshot.py --audit --content OUT --lang both --size 1920x1080,1080x1920

Every { zh = "…", en = "…" } text (titles, tile titles, leads, captions, figure units and labels, card texts,
paragraphs) is made about `factor` times as long by adding words that state no fact about the district: Chinese
phrases, English phrases with a long hyphenated word ("infrastructure-modernisation-programme") and a long
unbroken number with its unit ("1234567890 m²", "1234567890平方米"), which no line may split. The first topic of
the first section gets `paragraphs` paragraphs (the shipped ones repeated). The glossary stays as it is (its
terms are matched in the texts) and the photos are linked, not copied. Nothing here is shown to visitors: the
copy is for a layout check only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "assets" / "content"

ZH_PHRASES = ("并持续推进城乡基础设施现代化建设", "全面提升公共服务水平", "总面积约1234567890平方米",
              "让群众的获得感更加充实")
EN_PHRASES = (" with the infrastructure-modernisation-programme", " across all 1234567890 m² of the district",
              " and better public services for everyone", " so that people feel better off")
TEXT = re.compile(r'\b(zh|en)( = ")((?:[^"\\\n]|\\.)*)(")')


def longer(text: str, lang: str, factor: float = 1.7) -> str:
    """`text` made at least `factor` times as long (and a phrase longer at the least); which phrase comes
    first varies with the text, so short titles and labels get the long word or the long number too."""
    phrases = ZH_PHRASES if lang == "zh" else EN_PHRASES
    want = max(len(text) * factor, len(text) + 1)
    out, i = text, len(text)
    while len(out) < want:
        out += phrases[i % len(phrases)]
        i += 1
    return out


def many_paragraphs(toml: str, count: int) -> str:
    """The first `paragraphs = [` list of a section file, its entries repeated up to `count` paragraphs."""
    start = toml.find("paragraphs = [\n")
    if start < 0:
        return toml
    body_start = start + len("paragraphs = [\n")
    end = toml.find("\n]", body_start)
    entries = [line for line in toml[body_start:end].split("\n") if line.strip()]
    if not entries:
        return toml
    entries = [e if e.rstrip().endswith(",") else e.rstrip() + "," for e in entries]
    repeated = [entries[i % len(entries)] for i in range(max(count, len(entries)))]
    return toml[:body_start] + "\n".join(repeated) + toml[end:]


def lengthen(source: Path, target: Path, factor: float = 1.7, paragraphs: int = 12) -> Path:
    """Copy `source` to `target` (which must not exist) with every visitor text longer (see the module)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.jpg", "*.jpeg", "*.png", "*.webp"))
    for photo in (source / "photos").iterdir():
        if not (target / "photos" / photo.name).exists():
            (target / "photos" / photo.name).symlink_to(photo.resolve())
    for toml in sorted(target.rglob("*.toml")):
        if toml.name in ("glossary.toml", "words.toml"):
            continue
        text = toml.read_text(encoding="utf-8")
        text = TEXT.sub(lambda m: m[1] + m[2] + longer(m[3], m[1], factor) + m[4], text)
        toml.write_text(text, encoding="utf-8")
    sections = sorted((target / "sections").glob("*.toml"))
    if sections and paragraphs:
        first = sections[0]
        first.write_text(many_paragraphs(first.read_text(encoding="utf-8"), paragraphs), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the folder to create (must not exist)")
    parser.add_argument("--from", dest="source", type=Path, default=SHIPPED, help="the content folder to copy")
    parser.add_argument("--factor", type=float, default=1.7, help="how many times longer each text gets")
    parser.add_argument("--paragraphs", type=int, default=12, help="paragraphs in the first section's first topic")
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists already")
    print(lengthen(args.source, args.out, args.factor, args.paragraphs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
