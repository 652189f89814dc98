"""tools/longer_content.py: a copy of the content whose visitor text is longer than the shipped text, still a
valid exhibition, for the layout checks on longer content (tests/ui/test_layout_audit_longer.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.content.loader import load_exhibition

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import longer_content


def test_each_text_gets_longer_with_a_long_word_and_a_long_number():
    title = "People's Wellbeing First: Building a Happy Lukou"
    long_en = longer_content.longer(title, "en")
    assert long_en.startswith(title) and len(long_en) >= 1.7 * len(title)
    texts = [longer_content.longer(title[:n], "en") for n in range(4, 12)]
    assert any("infrastructure-modernisation-programme" in text for text in texts)
    assert any("1234567890 m²" in text for text in texts), "short texts get the long number too"
    long_zh = longer_content.longer("民生为本 建设幸福渌口", "zh")
    assert long_zh.startswith("民生为本 建设幸福渌口") and len(long_zh) >= 1.7 * 11
    assert any("1234567890平方米" in longer_content.longer("民生为本 建设幸福渌口"[:n], "zh") for n in range(2, 8))


def test_the_copy_is_a_valid_exhibition_with_longer_texts(tmp_path):
    shipped, _ = load_exhibition(longer_content.SHIPPED)
    copy, _ = load_exhibition(longer_content.lengthen(longer_content.SHIPPED, tmp_path / "content"))
    for before, after in zip(shipped.sections, copy.sections, strict=True):
        for lang in ("zh", "en"):
            assert len(after.title.get(lang)) >= 1.7 * len(before.title.get(lang))
    longest = max(len(topic.paragraphs) for section in copy.sections for topic in section.topics)
    assert longest >= 12, "one topic is a long read"
    glossary = "glossary.toml"
    assert (tmp_path / "content" / glossary).read_bytes() == (longer_content.SHIPPED / glossary).read_bytes()
