"""kiosk.layout.typography: where lines break, with a fixed-width measure (a CJK character 1.0, a Latin
character 0.5, a space 0.25), so each case reads like a line count."""

from __future__ import annotations

import pytest

from kiosk.layout import typography as ty


def measure(text: str) -> float:
    return sum(1.0 if ord(c) > 0x2E80 else 0.25 if c == " " else 0.5 for c in text)


def pieces(text: str) -> list[str]:
    return [p.text for p in ty.segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("渌口区辖8个镇，129个村。", ["渌", "口", "区", "辖", "8个", "镇，", "129个", "村。"]),
        ("投入5000万元以上", ["投", "入", "5000万元", "以", "上"]),
        ("“1+5+N”模式", ["“1+5+N”", "模", "式"]),
        ("形成10—20分钟生活圈", ["形", "成", "10—20分钟", "生", "活", "圈"]),
        ("《人民日报》报道", ["《人", "民", "日", "报》", "报", "道"]),
        ("Happy Lukou", ["Happy", "Lukou"]),
        ("渌口\u2060区", ["渌", "口区"]),  # an editor's word joiner
        ("晴天一身土……", ["晴", "天", "一", "身", "土……"]),
    ],
)
def test_pieces_never_break_inside_a_word_number_or_punctuation(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_a_break_is_strong_at_a_space_or_after_punctuation_and_weak_between_characters() -> None:
    result = {p.text: p.strong for p in ty.segment("提质发展 绘就，精彩")}
    assert result == {"提": False, "质": False, "发": False, "展": True, "绘": False, "就，": True, "精": False,
                      "彩": True}


KINSOKU_CLOSE = "，。、；：？！）」』》〉”’"
KINSOKU_OPEN = "（「『《〈“‘"

PARAGRAPHS = [
    "株洲市委书记毛腾飞在渌口区挂牌成立大会上提出，要站在长江经济带建设、长株潭城市群一体化、株洲都市圈融城的大背景下谋划"
    "渌口区的发展，充分发挥区位优势，做好顶层设计和整体规划，加快推进产业发展、公共服务、环境治理、基础设施等融城一体化。",
    "渌口区辖8个镇，129个村，10个社区。其中，贫困村12个，原是一个典型的传统农业区。",
    "“要想富，先修路”，“交通兴、百业兴”。目标：形成“东西联通、南北畅通”的10—20分钟生活圈、经济圈。",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
@pytest.mark.parametrize("width", [7, 9, 12, 15, 16, 19, 23, 40])
def test_body_lines_obey_kinsoku_and_never_end_on_a_lone_character(text: str, width: float) -> None:
    lines = ty.wrap(text, width, measure)
    assert "".join(lines.lines) == text
    assert lines.fits
    for line in lines.lines[1:]:
        assert line[0] not in KINSOKU_CLOSE
    for line in lines.lines[:-1]:
        assert line[-1] not in KINSOKU_OPEN
    last = lines.lines[-1]
    assert sum(1 for c in last if ord(c) > 0x3400) >= 3, lines.lines
    for number in ("129个", "10—20分钟", "12个"):
        if number in text:
            assert any(number in line for line in lines.lines), lines.lines


def test_the_forewords_lone_last_character_moves_down_with_a_companion() -> None:
    text = PARAGRAPHS[0]  # 38 characters a line left "化。" alone
    assert len(text) % 38 == 2
    lines = ty.wrap(text, 38, measure)
    assert lines.lines[-1] == "一体化。"  # 体化 is not a word; one more character and the line starts at 一
    assert all(len(line) <= 38 for line in lines.lines)


@pytest.mark.parametrize("width", [16, 23, 38])  # at 19 "10—20分钟" is wider than a line's slack
def test_a_last_line_pulled_down_takes_its_characters_from_several_lines_so_none_is_spread_loose(width) -> None:
    # A justified line spreads its slack between its characters: two or three characters short of the width
    # reads as letter-spaced. The characters the last line needs come a piece a line from the lines above.
    for text in PARAGRAPHS:
        lines = ty.wrap(text, width, measure)
        assert "".join(lines.lines) == text
        if len(lines.lines) < 3:  # a two-line paragraph has no line above to share the pull
            continue
        for line, w in zip(lines.lines[:-1], lines.widths[:-1], strict=True):
            assert width - w <= 2, (width, line, lines.lines)  # a piece is at most a character and its comma


MORE = "日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈"


def test_justified_body_text_breaks_a_kept_word_rather_than_leave_a_line_letter_spaced() -> None:
    # A kept word (words.toml) that does not fit pushed to the next line leaves its line three characters short;
    # justified, those three characters of room are spread between the others. Body text gives the word way.
    paragraph = "甲乙丙丁戊己庚子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒" + MORE  # longer than a lead
    text = ty.keep_together(paragraph, ["子丑寅卯辰"])
    kept = ty.wrap(text, 10, measure)
    assert [line.replace("\u2060", "") for line in kept.lines][0] == "甲乙丙丁戊己庚"  # ragged: three short
    lines = ty.wrap(text, 10, measure, give_way=True)
    shown = [line.replace("\u2060", "") for line in lines.lines]
    assert "".join(shown) == paragraph
    assert shown[0] == "甲乙丙丁戊己庚子丑寅"
    assert all(w >= 9 for w in lines.widths[:-1]), shown
    # a word that leaves its line at most a character and a half short stays whole
    text = ty.keep_together("甲乙丙丁戊己庚辛壬子丑寅卯辰巳午未申酉戌亥天地", ["子丑寅卯辰"])
    lines = ty.wrap(text, 10, measure, give_way=True)
    assert [line.replace("\u2060", "") for line in lines.lines][0] == "甲乙丙丁戊己庚辛壬"


def test_a_lead_keeps_its_kept_words_whole_even_justified() -> None:
    # A paragraph of a lead's length (a section's opening sentence) is read from across the room, like a title:
    # its kept words stay whole, and a line they leave short stays as it is rather than break one.
    paragraph = "甲乙丙丁戊己庚子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒"
    assert len(paragraph) <= ty.LEAD_CHARACTERS
    lines = ty.wrap(ty.keep_together(paragraph, ["子丑寅卯辰"]), 10, measure, give_way=True)
    shown = [line.replace("\u2060", "") for line in lines.lines]
    assert any("子丑寅卯辰" in line for line in shown), shown


def test_a_two_line_justified_paragraph_ends_on_two_characters_rather_than_spread_its_first_line() -> None:
    # Three characters on the last line take two from the only line above, which justified is then spread two
    # characters wide; two characters ("迈进。") are no lone character, and leave the first line one short.
    text = "甲乙丙丁戊己庚辛壬癸子。"
    assert ty.wrap(text, 10, measure).lines == ("甲乙丙丁戊己庚辛", "壬癸子。")
    assert ty.wrap(text, 10, measure, give_way=True).lines == ("甲乙丙丁戊己庚辛壬", "癸子。")


@pytest.mark.parametrize(
    ("title", "width", "expected"),
    [
        ("提质发展 绘就精彩渌口", 7, ("提质发展", "绘就精彩渌口")),
        ("提质发展 绘就精彩渌口", 10, ("提质发展", "绘就精彩渌口")),
        ("党建引领 筑起坚强堡垒", 8, ("党建引领", "筑起坚强堡垒")),
        ("提质发展 绘就精彩渌口", 11, ("提质发展 绘就精彩渌口",)),
    ],
)
def test_titles_break_between_their_phrases(title: str, width: float, expected: tuple[str, ...]) -> None:
    lines = ty.wrap_title(title, width, measure)
    assert lines.lines == expected
    assert lines.clean


def test_a_phrase_wider_than_the_line_breaks_inside_balanced_never_a_lone_character() -> None:
    lines = ty.wrap_title("提质发展 绘就精彩渌口", 5, measure)
    assert lines.fits and not lines.clean
    assert lines.lines[0] == "提质发展"
    assert all(len(line) >= 2 for line in lines.lines), lines.lines
    lines = ty.wrap_title("“渌湘”交通实现跨越发展", 6, measure)
    assert lines.lines == ("“渌湘”交通", "实现跨越发展")  # two balanced lines, the quoted name whole


def test_english_titles_are_balanced_and_keep_no_short_word_alone() -> None:
    title = "Quality Development: Building a Splendid Lukou"
    lines = ty.wrap_title(title, 16, measure)
    assert " ".join(lines.lines) == title
    assert lines.fits and len(lines) == 2
    assert abs(lines.widths[0] - lines.widths[1]) <= 5
    lines = ty.wrap_title("Party Building Leads the Way Home", 14, measure)
    assert len(lines.lines[-1].split()) > 1


def test_english_body_keeps_words_whole_and_pulls_a_short_last_word_down() -> None:
    text = "The district was founded on 18 December 2018 and set out to grow as one with the city of Zhuzhou."
    for width in range(10, 40):
        lines = ty.wrap(text, width, measure)
        assert " ".join(lines.lines) == text
        last = lines.lines[-1].split()
        assert len(last) > 1 or len(last[0]) > 5


def test_an_overlong_word_overflows_instead_of_breaking_and_says_so() -> None:
    lines = ty.wrap_title("Infrastructure", 3, measure)
    assert lines.lines == ("Infrastructure",)
    assert not lines.fits


def test_readable_measure_is_about_forty_chinese_or_seventy_five_english_characters() -> None:
    assert ty.readable_width(measure, "zh") == 40
    assert ty.readable_width(measure, "en") == pytest.approx(72 * measure(ty.ENGLISH_SAMPLE) / len(ty.ENGLISH_SAMPLE))


def test_display_titles_hang_their_opening_quote() -> None:
    assert ty.hanging_opener("“融”出新渌口") == "“"
    assert ty.hanging_opener("提质发展") == ""


def test_titles_prefer_a_break_between_phrases_to_one_between_words() -> None:
    lines = ty.wrap_title("Higher-Quality Growth: Painting a Brighter Lukou", 14, measure)
    assert lines.lines == ("Higher-Quality Growth:", "Painting a Brighter Lukou")
    lines = ty.wrap_title("Roads · bridges · ship lock · zones · towns", 12, measure)
    assert all(not line.startswith(("lock", "·")) for line in lines.lines), lines.lines


def test_an_editors_break_hint_is_where_a_long_phrase_breaks_and_is_never_shown() -> None:
    lines = ty.wrap_title("渌口经开区\u200b规模企业", 6, measure)
    assert lines.lines == ("渌口经开区", "规模企业") and lines.clean
    assert ty.wrap_title("渌口经开区\u200b规模企业", 20, measure).lines == ("渌口经开区规模企业",)


def test_a_paragraph_as_long_as_the_content_allows_is_set_whole() -> None:
    paragraph = PARAGRAPHS[0] * 40  # ~4,600 characters: the content's limit is 5,000
    lines = ty.wrap(paragraph, 38, measure)
    assert lines.fits and "".join(lines.lines) == paragraph
    label = "Party-building demonstration sites for grassroots work " * 8
    assert " ".join(ty.wrap_title(label, 30, measure).lines) == label.strip()


def test_a_glossary_name_never_breaks_inside() -> None:
    text = "渌口区辖8个镇"
    kept = ty.keep_together(text, ["渌口区", "渌口", "村级综合服务平台"])
    assert kept.replace("\u2060", "") == text and "渌\u2060口\u2060区" in kept
    measure = lambda s: 10.0 * len(s)  # noqa: E731 - one character, ten pixels
    for width in range(30, 80, 10):
        for line in ty.wrap(kept, width, measure).lines:
            assert not line.endswith("渌口") and not line.startswith("区")
    # a term longer than six characters may still break: a narrow box needs it to
    assert ty.keep_together("村级综合服务平台", ["村级综合服务平台"]) == "村级综合服务平台"


@pytest.mark.parametrize(("lang", "pitch"), [("zh", 1.75), ("en", 1.5)])
def test_body_text_is_set_at_a_designed_pitch_for_its_language(lang: str, pitch: float) -> None:
    assert ty.body_pitch(lang) == pitch
    assert 1.3 <= ty.body_pitch(lang, note=True) < pitch  # notes and credits sit closer


def test_the_leading_is_asked_of_the_font_as_a_share_of_its_own_line() -> None:
    # A Chinese face whose own line is 1.45× its type size: 1.75× the size is 121% of its line, not 170%
    assert ty.leading_percent(1.75, 28, 28 * 1.45) == 121
    assert ty.leading_percent(1.5, 28, 28 * 1.2) == 125


def test_a_titles_last_line_keeps_more_than_one_word_where_a_balanced_break_allows() -> None:
    # "Our Harmonious / Lukou" is the more even, but "Our / Harmonious Lukou" leaves no word alone
    lines = ty.wrap_title("Our Harmonious Lukou", 8, measure)
    assert lines.lines == ("Our", "Harmonious Lukou")
    assert lines.clean
    lines = ty.wrap_title("Raising Civility: Building a Harmonious Lukou", 8, measure)
    assert len(lines.lines[-1].split()) > 1, lines.lines


def test_a_word_a_title_must_leave_alone_says_a_smaller_size_would_set_it_better() -> None:
    lines = ty.wrap_title("Infrastructure map", 8, measure)
    assert lines.lines == ("Infrastructure", "map") and lines.fits
    assert not lines.clean  # a tile tries a smaller size, where it fits one line
    assert ty.wrap_title("Infrastructure map", 9, measure).clean


def spread(runs) -> list[float]:
    """The space after each character of a justified line."""
    return [spacing for text, spacing in runs for _ in text]


def test_a_chinese_line_spreads_its_slack_evenly_and_ends_at_the_edge():
    runs = ty.justify("渌口区位于湘江东岸", 9.0, 10.0, 1.0)
    assert runs is not None and "".join(text for text, _ in runs) == "渌口区位于湘江东岸"
    gaps = spread(runs)
    assert gaps[-1] == 0  # the last character ends at the edge
    assert gaps[:-1] == pytest.approx([1 / 8] * 8)
    assert 9.0 + sum(gaps) == pytest.approx(10.0)


def test_latin_words_and_numbers_keep_their_letters_together():
    gaps = spread(ty.justify("国道G107长10.5公里", 10.0, 11.0, 1.0))
    line = "国道G107长10.5公里"
    stretched = [line[i] + line[i + 1] for i, g in enumerate(gaps) if g]
    assert stretched == ["国道", "道G", "7长", "长1", "5公", "公里"]


def test_a_word_joiner_takes_no_gap():
    gaps = spread(ty.justify("渌\u2060口区", 3.0, 3.5, 1.0))
    assert gaps == [0.25, 0.0, 0.25, 0.0]


@pytest.mark.parametrize(
    ("natural", "width"),
    [(10.0, 10.1), (5.0, 7.1)],  # already full; would need more than a quarter em in each of its 4 gaps
)
def test_a_full_line_or_one_needing_wide_gaps_stays_as_it_is(natural, width):
    assert ty.justify("渌口区位于", natural, width, 1.0) is None


def test_chinese_is_told_from_english():
    assert ty.is_chinese("渌口区位于湘江东岸，G107国道穿境而过。")
    assert not ty.is_chinese("Lukou (渌口) lies on the east bank of the Xiang River.")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("across all 1234567890 m² of the district", "1234567890 m²"),
        ("about 35 万 people", "35 万"),
        ("a road 109 km long", "109 km"),
        ("an area of 3.2 km², all of it", "3.2 km²,"),
        ("more than 50 million yuan", "50 million yuan"),
        ("渌口区辖8个镇，129个村。", "129个"),
        ("总面积约1234567890平方米", "1234567890平方米"),
        ("全区共35 万人", "35 万人"),
    ],
)
def test_a_number_keeps_its_unit_on_its_line(text: str, kept: str) -> None:
    assert kept in pieces(text)
    for width in range(3, 30):
        lines = ty.wrap(text, width, measure)
        assert any(kept.rstrip(",") in line for line in lines.lines), (width, lines.lines)


def test_a_number_before_an_ordinary_word_may_still_break_there() -> None:
    assert pieces("in 2018 the district") == ["in", "2018", "the", "district"]
    assert pieces("8 towns and 129 villages") == ["8", "towns", "and", "129", "villages"]


def test_a_decimal_point_or_thousands_comma_never_splits_a_number() -> None:
    assert pieces("3.2 km² and 1,234 people, then 10:30.") == ["3.2 km²", "and", "1,234", "people,", "then",
                                                               "10:30."]
    assert pieces("Lukou, 2018. Then") == ["Lukou,", "2018.", "Then"]


def test_a_hyphenated_compound_breaks_after_a_hyphen_only_when_it_must() -> None:
    compound = "infrastructure-modernisation-programme"
    assert pieces(compound) == ["infrastructure-", "modernisation-", "programme"]
    assert [p.strong for p in ty.segment(compound)] == [False, False, True]
    assert pieces("a 10–20-minute walk, an e-mail") == ["a", "10–20-minute", "walk,", "an", "e-mail"]
    title = f"Growth with the {compound}"
    assert ty.wrap_title(title, 40, measure).lines == (title,)
    narrow = ty.wrap_title(title, 12, measure)  # the compound alone is 19 wide
    assert narrow.fits, narrow.lines
    rejoined = "".join(line if line.endswith("-") else line + " " for line in narrow.lines).strip()
    assert rejoined == title
