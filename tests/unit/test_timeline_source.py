"""Every date, name and number on the timeline is the source feature's own (tests/data/seed.txt)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content import load_exhibition
from kiosk.content.timeline import Timeline

from .test_content_source import CONVERSIONS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed.txt"
WIDTH = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；"})


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text.translate(WIDTH))


def clause(text: str) -> str:
    """A title without closing punctuation (titles name a clause of the feature; they do not quote it)."""
    return norm(text).rstrip("。，；")


def pieces(text: str) -> list[str]:
    """The parts of an event's text between its "……" marks (test_content_quotes checks where they start and
    end)."""
    return [piece for piece in norm(text).split("……") if piece]


def longest(text: str) -> str:
    return max(pieces(text), key=len)


SEED_PARAGRAPHS = [norm(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
SEED_TEXT = "\n".join(SEED_PARAGRAPHS)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    found = load_exhibition(ROOT / "assets" / "content")[0].timeline
    assert found is not None
    return found


def test_every_event_text_is_the_feature_own_words(timeline: Timeline):
    for event in timeline.events:
        for piece in pieces(event.text.zh):
            assert piece in SEED_TEXT, f"{event.id}: text is not the feature's: {piece}"
        assert clause(event.title.zh) in SEED_TEXT, f"{event.id}: title is not the feature's: {event.title.zh}"


def test_every_date_is_the_one_the_feature_gives_the_event(timeline: Timeline):
    for event in timeline.dated():
        label = event.when.label("zh")  # type: ignore[union-attr]  # dated() yields only events with a time
        quoted = longest(event.text.zh)
        [paragraph] = [p for p in SEED_PARAGRAPHS if quoted in p]
        at = paragraph.index(quoted)
        said = paragraph.rfind(label, 0, at + len(quoted))
        assert said >= 0, f"{event.id}: the feature does not date it {label}"
        between = paragraph[said + len(label) : at]
        assert not re.search(r"\d{4}年", between), f"{event.id}: another date stands between {label} and the event"


def test_every_number_on_the_timeline_is_in_the_feature(timeline: Timeline):
    numbers = set(re.findall(r"\d+", SEED.read_text(encoding="utf-8")))
    texts = [timeline.title, timeline.subtitle, timeline.intro, timeline.goal]
    for event in timeline.events:
        texts += [event.title, event.text]
    for text in texts:
        for number in re.findall(r"\d+", text.zh):
            assert number in numbers, f"{number} in {text.zh!r} is not in the feature"
        for number in re.findall(r"\d+", text.en):
            # a number the English writes in digits where the feature has words (三期 -> 3, 上世纪90年代 -> 1990)
            assert number in numbers or number in CONVERSIONS, f"{number} in {text.en!r} is not in the feature"


def test_the_goal_and_intro_are_the_feature_own_words(timeline: Timeline):
    assert clause(timeline.goal.zh) in SEED_TEXT
    assert clause(timeline.intro.zh) in SEED_TEXT
    assert clause(timeline.title.zh) in SEED_TEXT


@pytest.mark.parametrize(
    "name",
    ["醴潭高速", "浙赣铁路", "渌水大桥", "河东联络线", "漉浦东路二期和三期", "伏波大道", "渌水公路", "S331",
     "S211", "S333", "湘江七桥", "渌口大桥", "湘江大道一期", "二线船闸", "渌枫大道", "东城大道", "渌水二桥",
     "湘江大道二期", "长株攸快速公路", "醴娄高速", "湘江东岸综合治理沿江路", "渌口港区"],
)
def test_every_project_of_the_feature_has_its_event(timeline: Timeline, name: str):
    assert name in SEED_TEXT
    assert any(name in event.title.zh for event in timeline.events), f"no event names {name}"
