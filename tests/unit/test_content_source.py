"""The exhibition tells the source feature whole: no paragraph dropped, no number lost or invented.

`tests/data/seed.txt` is the feature exactly as received. Its Chinese must appear unchanged in the content
files, except that half-width punctuation inside Chinese text is written full-width (, -> ，) and that a long
paragraph may be split at a sentence end into consecutive paragraphs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from kiosk.content import ContentError, Exhibition, Figure, Text, load_exhibition

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "assets" / "content"
SEED = ROOT / "tests" / "data" / "seed.txt"

# Lines of the feature that are not body paragraphs; each lives elsewhere in the content.
BYLINE = "张咪 朱刚 袁斌 郭倩"  # credits.authors
TITLE = "“融”出新渌口"  # title (printed twice in the feature)
SUBTITLE = "——株洲发展成就巡礼·渌口篇"  # subtitle
PHOTO_CREDIT = "(本版图片由株洲市渌口区委宣传部提供)"  # credits.photos names who: 株洲市渌口区委宣传部
ELLIPSIS = "……"  # the feature's "text omitted" mark
CAPTIONS = [  # photo captions
    "渌口城区风景",
    "撤县设区揭牌仪式",
    "规范化村级综合服务平台",
    "风电",
    "网格化管理服务中心",
    "龙门镇花冲村“脱贫立志、星级创建”村组评议会",
    "园区建设(渌口工业园)",
]
SECTION_HEADINGS = [  # section titles, in order
    "提质发展 绘就精彩渌口",
    "党建引领 筑起坚强堡垒",
    "文明提升 打造和谐渌口",
    "民生为本 建设幸福渌口",
]
NOT_BODY = {BYLINE, TITLE, SUBTITLE, PHOTO_CREDIT, ELLIPSIS, *CAPTIONS, *SECTION_HEADINGS}

# In the feature's layout one paragraph is interrupted by a photo caption; its two halves are one paragraph.
INTERRUPTED = ("统一服务", "窗口,统一宣传栏目")

# Figures whose number the feature writes in Chinese numerals: as shown -> as printed in the feature.
FIGURES_IN_WORDS = {"5个": "五个中心", "5大要素": "五大要素"}

# Numbers in the English text that are a unit conversion of the feature's wording: English -> feature.
CONVERSIONS = {
    "350000": "35万渌口人",
    "50": "5000多万元",
    "100": "产值过亿元",
    "220000": "22万伏",
    "220": "22万伏",  # 220 kV
    "3": "三期",  # phases 2 and 3
    "1990": "上世纪90年代",
}

# Numbers that are names, not facts of the exhibition: "GCJ-02" names the map data's coordinate system in its credit.
NOT_FACTS = {"02"}

WIDTH = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；", "!": "！", "?": "？"})
HALF_WIDTH = set(",:;()!?")
PHOTO_NAMES = (
    "lukou-city.jpg",
    "district-inauguration.jpg",
    "wind-power.jpg",
    "industrial-park.jpg",
    "village-service-platform.jpg",
    "huachong-village-review.jpg",
    "grid-management-centre.jpg",
)


def norm(text: str) -> str:
    """Punctuation made full-width, whitespace and the editors' invisible line-break marks (U+2060 word joiner,
    U+200B break hint) removed: the only differences the content may have."""
    return re.sub(r"[\s\u2060\u200b]+", "", text.translate(WIDTH))


def seed_lines() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_paragraphs() -> list[str]:
    """The feature's body paragraphs, in order, with the interrupted paragraph joined back together."""
    body = [line for line in seed_lines() if line not in NOT_BODY]
    joined: list[str] = []
    for line in body:
        if joined and joined[-1].endswith(INTERRUPTED[0]) and line.startswith(INTERRUPTED[1]):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def texts(value: object) -> list[Text]:
    """Every visible text in the content, wherever it is."""
    out: list[Text] = []
    if isinstance(value, Text):
        out.append(value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            out.extend(texts(getattr(value, name)))
    elif isinstance(value, (list, tuple)):
        for item in value:
            out.extend(texts(item))
    return out


def zh_texts(value: object) -> list[str]:
    return [text.zh for text in texts(value)]


def body_paragraphs(exhibition: Exhibition) -> list[Text]:
    """The intro and every topic paragraph, in reading order."""
    paragraphs = list(exhibition.intro)
    for section in exhibition.sections:
        for topic in section.topics:
            paragraphs.extend(topic.paragraphs)
    return paragraphs


def all_figures(exhibition: Exhibition) -> list[Figure]:
    figures = list(exhibition.headline_figures)
    for section in exhibition.sections:
        figures.extend(section.figures)
    return figures


@pytest.fixture(scope="module")
def exhibition(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    """The real content. While the photo files are not in place yet, a copy with stand-in photos is loaded."""
    try:
        return load_exhibition(CONTENT)[0]
    except ContentError as exc:
        if not all(p.message.startswith("no such file") for p in exc.problems):
            raise
    from PIL import Image

    folder = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(CONTENT, folder)
    photos = folder / "photos"
    photos.mkdir(exist_ok=True)
    for name in PHOTO_NAMES:
        if not (photos / name).exists():
            Image.new("RGB", (64, 48), (128, 128, 128)).save(photos / name, "JPEG")
    return load_exhibition(folder)[0]


def test_excluded_lines_really_are_in_the_feature() -> None:
    lines = seed_lines()
    for line in NOT_BODY:
        assert line in lines, f"not a line of the feature: {line!r}"
    assert any(p.endswith(INTERRUPTED[0]) for p in lines), "the interrupted paragraph is not in the feature"
    assert not any(p.endswith(INTERRUPTED[0]) for p in seed_paragraphs()), "its halves were not joined"
    assert len(seed_paragraphs()) == 41


def test_every_paragraph_of_the_feature_is_shown(exhibition: Exhibition) -> None:
    shown = "".join(norm(p.zh) for p in body_paragraphs(exhibition))
    missing = [p for p in seed_paragraphs() if norm(p) not in shown]
    assert not missing, "paragraphs of the feature missing or altered in the content:\n" + "\n".join(missing)


def test_the_feature_closing_paragraph_closes_the_exhibition(exhibition: Exhibition) -> None:
    # the feature's own "text omitted" mark comes before it, and so it does in the content
    assert norm(body_paragraphs(exhibition)[-1].zh) == ELLIPSIS + norm(seed_paragraphs()[-1])


def test_every_shown_paragraph_is_the_feature_own_words(exhibition: Exhibition) -> None:
    """Each Chinese paragraph is a whole paragraph of the feature or a run of its whole sentences."""
    sources = [norm(p) for p in seed_paragraphs()]
    for paragraph in body_paragraphs(exhibition):
        text = norm(paragraph.zh).removeprefix(ELLIPSIS)  # a paragraph after the feature's omission mark
        found = False
        for source in sources:
            start = source.find(text)
            while start >= 0 and not found:
                end = start + len(text)
                found = (start == 0 or source[start - 1] == "。") and (end == len(source) or text.endswith("。"))
                start = source.find(text, start + 1)
        assert found, f"not a whole run of sentences of the feature: {paragraph.zh!r}"


def test_titles_and_credits_are_the_feature(exhibition: Exhibition) -> None:
    assert exhibition.title.zh == TITLE
    assert norm(exhibition.subtitle.zh) == norm(SUBTITLE.lstrip("—"))
    assert [norm(s.title.zh) for s in exhibition.sections] == [norm(h) for h in SECTION_HEADINGS]
    assert exhibition.credits.authors.zh == BYLINE
    assert "本版图片由" + exhibition.credits.photos.zh + "提供" == norm(PHOTO_CREDIT)[1:-1]


def test_every_number_of_the_feature_is_shown(exhibition: Exhibition) -> None:
    shown = "\n".join(zh_texts(exhibition))
    numbers = set(re.findall(r"\d+", SEED.read_text(encoding="utf-8")))
    missing = sorted(n for n in numbers if not re.search(rf"(?<!\d){n}(?!\d)", shown))
    assert not missing, f"numbers of the feature not in the Chinese text: {missing}"


def test_every_photo_caption_is_a_caption(exhibition: Exhibition) -> None:
    captions = {norm(photo.caption.zh) for photo in exhibition.all_photos()}
    assert {norm(c) for c in CAPTIONS} == captions


def test_figures_print_what_the_feature_prints(exhibition: Exhibition) -> None:
    seed = norm(SEED.read_text(encoding="utf-8"))
    for figure in all_figures(exhibition):
        shown = figure.format_number("zh") + figure.unit.zh
        assert norm(FIGURES_IN_WORDS.get(shown, shown)) in seed, f"figure {shown!r} is not in the feature"


def test_english_numbers_come_from_the_feature(exhibition: Exhibition) -> None:
    seed = SEED.read_text(encoding="utf-8")
    known = set(re.findall(r"\d+", seed))
    for chinese in CONVERSIONS.values():
        assert chinese in seed, f"conversion source {chinese!r} is not in the feature"
    english = [text.en for text in texts(exhibition)]
    english.extend(figure.format_number("en") for figure in all_figures(exhibition))
    invented = set()
    for text in english:
        for number in re.findall(r"\d[\d,]*\d|\d", text):
            plain = number.replace(",", "")
            if plain not in known and plain not in CONVERSIONS and number not in NOT_FACTS:
                invented.add(number)
    assert not invented, f"numbers in the English text that the feature does not give: {sorted(invented)}"


def test_chinese_uses_full_width_punctuation(exhibition: Exhibition) -> None:
    wrong = [t for t in zh_texts(exhibition) if HALF_WIDTH & set(t)]
    assert not wrong, f"half-width punctuation in Chinese text: {wrong}"

