"""One English translation for each Chinese text, wherever the content quotes it.

The map cards and the timeline quote the same sentences of the source as the sections do. A visitor who reads
a sentence on a section screen and again on a map card should read the same English words both times."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"

# Full-width punctuation and its plain twin: "，" and "," quote the same sentence.
FULL_WIDTH = str.maketrans("，。；：（）！？“”‘’、", ",.;:()!?\"\"''、")


def normalise_zh(zh: str) -> str:
    """The Chinese a text quotes, without the "……" that marks a cut or a join."""
    return zh.translate(FULL_WIDTH).replace("……", "").replace("...", "").strip()


def normalise_en(en: str) -> str:
    """The English without the "…" that answers a "……" at either end."""
    return en.strip().strip("…").strip()


def bilingual_texts(value: object, where: str, out: list[tuple[str, str, str]]) -> None:
    """Every { zh, en } text of a parsed content file, with where it sits; figures' units and labels are left
    out: "个" is "towns" under one number and "villages" under another."""
    if isinstance(value, dict):
        if isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
            out.append((where, value["zh"], value["en"]))
            return
        for key, item in value.items():
            if key in ("figures", "headline_figures", "value", "unit"):
                continue
            bilingual_texts(item, f"{where}.{key}", out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            label = item.get("id", index) if isinstance(item, dict) else index
            bilingual_texts(item, f"{where}[{label}]", out)


def content_texts() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    files = [SHIPPED / "exhibition.toml", SHIPPED / "map.toml", SHIPPED / "timeline.toml"]
    files += sorted((SHIPPED / "sections").glob("*.toml"))
    for path in files:
        bilingual_texts(tomllib.loads(path.read_text(encoding="utf-8")), path.stem, out)
    return out


def test_normalising_ignores_full_width_punctuation_and_cut_marks() -> None:
    assert normalise_zh("……省道S333，全面竣工。……") == normalise_zh("省道S333,全面竣工.")
    assert normalise_en("… Provincial Road S333 …") == "Provincial Road S333"


def test_the_same_chinese_has_the_same_english_everywhere() -> None:
    by_zh: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for where, zh, en in content_texts():
        by_zh[normalise_zh(zh)][normalise_en(en)].append(where)
    differing = [
        f"{zh[:24]}…: " + " | ".join(f"{ens[en][0]} → {en[:60]!r}" for en in ens)
        for zh, ens in by_zh.items()
        if len(ens) > 1
    ]
    assert differing == [], "\n".join(differing)


def test_a_card_quoting_part_of_a_paragraph_uses_the_paragraphs_english() -> None:
    """A card that quotes sentences of a section paragraph, cut with "……", shows the paragraph's English for
    them: every piece of its English between "…" marks is found word for word in that paragraph's English."""
    texts = content_texts()
    paragraphs = [(normalise_zh(zh), en) for where, zh, en in texts if not where.startswith(("map", "timeline"))]
    wrong = []
    for where, zh, en in texts:
        if not where.startswith(("map", "timeline")) or not zh.endswith(("。", "……")):
            continue
        pieces_zh = [normalise_zh(piece) for piece in zh.split("……") if normalise_zh(piece)]
        quoted = [p_en for p_zh, p_en in paragraphs if any(piece in p_zh for piece in pieces_zh)]
        if not quoted or normalise_zh(zh) in {p_zh for p_zh, _ in paragraphs}:
            continue  # quotes no section paragraph, or a whole one (the test above compares those)
        english = " ".join(quoted).casefold()
        for piece in en.split("…"):
            piece = piece.strip(" ”“")
            if piece and piece.casefold() not in english:
                wrong.append(f"{where}: {piece[:70]!r}")
    assert wrong == [], "\n".join(wrong)
