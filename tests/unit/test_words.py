"""The word list (`words.toml`): what it accepts and how it words a bad entry, the typesetter keeping its words
whole, and the break finder's rule (`kiosk.layout.breaks`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content import ContentError, load_exhibition
from kiosk.content.words import MAX_WORD, kept_words
from kiosk.layout import typography
from kiosk.layout.breaks import Sighting, breaks_in, report

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def per_character(text: str) -> float:
    """Every character 10 px wide: a Chinese line of n characters is 10·n px."""
    return 10.0 * len(text.replace("\u2060", ""))


# the rule -------------------------------------------------------------------------------------------------


def test_a_break_between_two_chinese_characters_is_found_with_its_context():
    found = breaks_in(["打造百里党建示范", "带以点带面"])
    assert [str(b) for b in found] == ["…打造百里党建示范 / 带以点带面…"]
    assert found[0].text == "打造百里党建示范带以点带面"


def test_breaks_at_a_space_punctuation_or_a_listed_words_edge_are_not_reported():
    assert breaks_in(["提质发展", "绘就精彩渌口"], source="提质发展 绘就精彩渌口") == []
    assert breaks_in(["以点带面，", "整体提升。"]) == []  # after punctuation
    assert breaks_in(["Lukou", "District"]) == []
    assert breaks_in(["居民李孝认", "在渌口镇定居"], words=["李孝认"]) == []  # the edge of a listed word
    assert breaks_in(["居民李孝认", "在渌口镇定居"]) != []


def test_the_report_names_each_break_once_with_where_it_was_seen():
    brk = breaks_in(["一片丰收在", "望的景象"], "lead")[0]
    body = breaks_in(["是永远值得被铭记", "的日子"], "body")[0]
    sightings = [Sighting(brk, "section-develop", "lead", layout) for layout in ("zh 1920x1080", "zh 1366x768")]
    lines = report([*sightings, Sighting(body, "intro", "p", "zh 1920x1080")])
    assert len(lines) == 1 and lines[0].startswith("…一片丰收在 / 望的景象…")
    assert "zh 1366x768, zh 1920x1080" in lines[0] and "section-develop" in lines[0]
    assert len(report([*sightings, Sighting(body, "intro", "p", "zh 1920x1080")], body=True)) == 2


def test_a_listed_word_is_never_split_in_a_title_or_in_body_text():
    text = "秋天是收获的季节一片丰收在望的景象"
    for width in range(40, 200, 10):
        for wrap in (typography.wrap_title, typography.wrap):
            plain = wrap(text, width, per_character)
            kept = wrap(typography.keep_together(text, ["丰收在望"]), width, per_character)
            shown = [line.replace("\u2060", "") for line in kept.lines]
            assert "".join(shown) == text
            assert not any(line.endswith(("丰", "丰收", "丰收在")) for line in shown[:-1]), (width, shown)
            if width == 110 and wrap is typography.wrap:  # the control: without the list this width splits it
                assert any(line.endswith(("丰", "丰收", "丰收在")) for line in plain.lines[:-1]), plain.lines


def test_the_lists_longest_word_is_the_longest_the_typesetter_keeps_whole():
    assert MAX_WORD == typography.MAX_KEPT


# the content ----------------------------------------------------------------------------------------------


def content_with_words(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("*.jpg"))
    (folder / "words.toml").write_text(body, encoding="utf-8")
    return folder


def test_the_shipped_list_merges_with_the_glossarys_names():
    exhibition, warnings = load_exhibition(SHIPPED)
    assert exhibition.words is not None and "丰收在望" in exhibition.words.words
    kept = kept_words(exhibition)
    assert "丰收在望" in kept and "渌口区" in kept  # the list's and the glossary's
    assert not [w for w in warnings if w.file == "words.toml"]


@pytest.mark.parametrize(("entry", "said"), [
    ("示范 带", "'示范 带' holds a space; list one word per entry"),
    ("示", "'示' is one character; a word to keep whole has 2 to 6"),
    ("村级综合服务平台", "'村级综合服务平台' has 8 characters; a word kept whole has 2 to 6"),
    ("S211线", "which is not a Chinese character"),
    ("", "a blank entry"),
])
def test_a_bad_entry_is_refused_with_its_place_and_a_reason(tmp_path, entry, said):
    folder = content_with_words(tmp_path, f'words = ["丰收在望", "{entry}"]\n')
    with pytest.raises(ContentError) as caught:
        load_exhibition(folder)
    lines = [str(p) for p in caught.value.problems]
    assert any(line.startswith("words.toml: words.words[1]: ") and said in line for line in lines), lines


def test_a_word_listed_twice_or_not_in_the_content_is_reported(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_exhibition(content_with_words(tmp_path / "a", 'words = ["丰收在望", "一片", "丰收在望"]\n'))
    assert any("'丰收在望' is listed twice (also words[0])" in str(p) for p in caught.value.problems)

    _, warnings = load_exhibition(content_with_words(tmp_path / "b", 'words = ["丰收在望", "飞机场"]\n'))
    assert [str(w) for w in warnings if w.file == "words.toml"] == [
        "words.toml: warning: words[1]: '飞机场' appears in no text of the content; remove it or check its spelling"
    ]
