"""The transport timeline's content: the shipped file validates, and broken copies are explained precisely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from kiosk.content import ContentError, load_exhibition
from kiosk.content.timeline import Timeline, When, check_timeline

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


@pytest.fixture
def content(content_copy: Path) -> Path:
    return content_copy


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_exhibition(folder)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def event_index(folder: Path, event_id: str) -> int:
    timeline = load_exhibition(folder)[0].timeline
    assert timeline is not None
    return [e.id for e in timeline.events].index(event_id)


def test_shipped_timeline_tells_the_transport_story():
    exhibition, _ = load_exhibition(SHIPPED)
    timeline = exhibition.timeline
    assert timeline is not None
    dated = [(e.when.label("zh"), e.status) for e in timeline.dated()]  # type: ignore[union-attr]  # dated() yields only events with a time
    assert dated == [
        ("上世纪90年代", "milestone"),
        ("2004年", "begun"),  # 全线开工 / 相继实施: work began, no completion given
        ("2004年", "begun"),
        ("2007年", "built"),
        ("2011年", "built"),
        ("2012年底", "built"),
        ("2017年", "built"),
        ("2018年", "built"),
        ("2018年12月18日", "milestone"),
    ]
    founding = timeline.event("district-founded")
    assert founding.when is not None and founding.when.day == dt.date(2018, 12, 18) == exhibition.date
    assert founding.photo == "district-inauguration"
    assert [e.title.zh for e in timeline.band("under_construction")] == ["渌枫大道", "东城大道", "渌水二桥"]
    assert [e.title.zh for e in timeline.band("planned")] == [
        "湘江大道二期",
        "长株攸快速公路",
        "醴娄高速",
        "湘江东岸综合治理沿江路",
        "渌口港区",
    ]
    assert "10—20分钟生活圈、经济圈" in timeline.goal.zh and "10–20-minute" in timeline.goal.en
    assert timeline.event("second-ship-lock").map_features == ["ship-lock-2", "xiang-river"]
    assert all(e.map_features for e in timeline.events if e.status != "milestone")


@pytest.mark.parametrize(
    ("raw", "kind", "zh", "en", "position"),
    [
        ("1990s", "decade", "上世纪90年代", "1990s", 1990.0),
        (2004, "year", "2004年", "2004", 2004.0),
        ("2004", "year", "2004年", "2004", 2004.0),
        ("2012-end", "year_end", "2012年底", "End of 2012", 2012.9),
        (dt.date(2018, 12, 18), "date", "2018年12月18日", "18 December 2018", 2018 + 351 / 365),
        ("2018-12-18", "date", "2018年12月18日", "18 December 2018", 2018 + 351 / 365),
    ],
)
def test_times_keep_the_precision_of_the_source(raw, kind, zh, en, position):
    when = When.model_validate(raw)
    assert (when.kind, when.label("zh"), when.label("en")) == (kind, zh, en)
    assert when.position == pytest.approx(position)


@pytest.mark.parametrize("raw", ["2004年", "199s", "1995s", "end of 2012", "2018-13-01", True, 3.5])
def test_unreadable_times_are_rejected(raw):
    with pytest.raises(ValidationError):
        When.model_validate(raw)


def test_dates_out_of_order_name_file_and_field(content: Path):
    index = event_index(content, "fubo-avenue")
    edit(content / "timeline.toml", "when = 2007\n", "when = 2003\n")
    assert problems_of(content) == [
        f"timeline.toml: timeline.events[{index}].when: 2003 comes before 2004 of events[{index - 1}] "
        "— keep the events in time order"
    ]


def test_unknown_status(content: Path):
    index = event_index(content, "fubo-avenue")
    path = content / "timeline.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "fubo-avenue"')
    path.write_text(text[:start] + text[start:].replace('status = "built"', 'status = "finished"', 1), encoding="utf-8")
    [problem] = problems_of(content)
    assert problem.startswith(f"timeline.toml: timeline.events[{index}].status: Input should be 'built'")
    assert "'finished'" in problem


def test_unknown_photo_id(content: Path):
    index = event_index(content, "district-founded")
    edit(content / "timeline.toml", 'photo = "district-inauguration"', 'photo = "founding-ceremony"')
    [problem] = problems_of(content)
    assert problem.startswith(f"timeline.toml: timeline.events[{index}].photo: no photo with id 'founding-ceremony'")


def test_duplicate_ids(content: Path):
    index = event_index(content, "dongcheng-avenue")
    edit(content / "timeline.toml", 'id = "dongcheng-avenue"', 'id = "lufeng-avenue"')
    assert problems_of(content) == [
        f"timeline.toml: timeline.events[{index}].id: id 'lufeng-avenue' is already used by events[{index - 1}]"
    ]


def test_bad_time_and_missing_title_name_their_fields(content: Path):
    index = event_index(content, "provincial-road-s211")
    edit(content / "timeline.toml", 'when = "2012-end"\nstatus', 'when = "end of 2012"\nstatus')
    edit(content / "timeline.toml", 'title = { zh = "渌枫大道", en = "Lufeng Avenue" }\n', "")
    found = problems_of(content)
    assert any(p.startswith(f"timeline.toml: timeline.events[{index}].when:") and "2012-end" in p for p in found), found
    missing = ".title: required field is missing"
    assert any(p.startswith("timeline.toml: timeline.events[") and p.endswith(missing) for p in found)


def test_a_built_event_needs_a_date(content: Path):
    edit(content / "timeline.toml", 'when = 2011\nstatus', "status")
    [problem] = problems_of(content)
    assert problem.startswith("timeline.toml: timeline.events[") and "'built' event needs `when`" in problem


def test_undated_events_come_last_in_band_order(content: Path):
    path = content / "timeline.toml"
    text = path.read_text(encoding="utf-8")
    # move the founding after the first project under construction
    founding_start = text.index("[[events]]\nid = \"district-founded\"")
    founding_end = text.index("# Under construction")
    founding = text[founding_start:founding_end]
    text = text.replace(founding, "")
    first_planned = text.index("# In preparation")
    text = text[:first_planned] + founding + text[first_planned:]
    # and one project in preparation before the ones under construction
    port_start = text.index("[[events]]\nid = \"lukou-port\"")
    port = text[port_start:]
    text = text[:port_start]
    under = text.index("[[events]]\nid = \"lufeng-avenue\"")
    text = text[:under] + port + "\n" + text[under:]
    path.write_text(text, encoding="utf-8")
    found = problems_of(content)
    assert any(".when: dated events come before the undated ones" in p for p in found), found
    assert any(".status: 'planned' events come last" in p for p in found), found
    assert all(p.startswith("timeline.toml: timeline.events[") for p in found)


def test_map_feature_ids_are_checked_once_the_map_exists():
    exhibition, _ = load_exhibition(SHIPPED)
    timeline: Timeline = exhibition.timeline  # type: ignore[assignment]  # the shipped content has a timeline
    used = {f for e in timeline.events for f in e.map_features}
    fake = SimpleNamespace(
        timeline=timeline,
        all_photos=exhibition.all_photos,
        map=SimpleNamespace(features=[SimpleNamespace(id=f) for f in sorted(used - {"s211"})]),
    )
    index = [e.id for e in timeline.events].index("provincial-road-s211")
    assert [str(p) for p in check_timeline(fake, SHIPPED)] == [  # type: ignore[arg-type]  # a stand-in exhibition
        f"timeline.toml: timeline.events[{index}].map_features[0]: no map feature with id 's211' in map.toml"
    ]
    if exhibition.map is not None:  # the shipped map holds every feature the timeline names
        assert used <= {f.id for f in exhibition.map.features}


def test_content_without_a_timeline_still_loads(content: Path):
    (content / "timeline.toml").unlink()
    exhibition, _ = load_exhibition(content)
    assert exhibition.timeline is None
