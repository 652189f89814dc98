"""The map's year control, as a rule on the shipped content: a feature appears in a year only where the source
places it, what stood before the story begins shows in every year, and each is drawn in the status of that
year."""

from __future__ import annotations

import pytest

from kiosk.geo.features import EXISTING, Era, past_years, standing, status_in

from .test_content_source import exhibition  # noqa: F401 - a fixture


def years(exhibition):  # noqa: F811 - the fixture imported above
    return [value for value, _zh, _en in past_years(exhibition.timeline, exhibition.map)]


def ids(exhibition, when) -> set[str]:  # noqa: F811 - the fixture imported above
    return {f.id for f in standing(exhibition.map.features, when)}


def test_the_year_control_offers_the_timeline_years(exhibition):  # noqa: F811 - the fixture imported above
    choices = past_years(exhibition.timeline, exhibition.map)
    assert choices[0] == (1990, "90年代", "1990s")
    assert years(exhibition) == [1990, 2004, 2007, 2011, 2012, 2017, 2018]


def test_the_1990s_show_the_railway_and_the_ground_but_no_project(exhibition):  # noqa: F811 - the fixture imported above
    shown = ids(exhibition, 1990)
    assert {"zhegan-railway", "hukun-expressway", "lukou-edz", "xiang-river", "lu-river", "lukou-town"} <= shown
    assert not {"litan-expressway", "lushui-bridge", "fubo-avenue", "nanzhou-avenue"} & shown
    railway = exhibition.map.feature("zhegan-railway")
    assert status_in(railway, 1990) == EXISTING  # the line was there; its upgrade began in 2004
    assert status_in(railway, 2004) == status_in(railway, Era.TODAY) == "begun"


@pytest.mark.parametrize(
    "feature_id", ["hukun-expressway", "zhegan-railway", "lukou-edz", "xiang-river", "badou-village"]
)
def test_what_was_already_there_shows_in_every_year(exhibition, feature_id):  # noqa: F811 - the fixture imported above
    for when in [*years(exhibition), Era.TODAY, Era.PLANNED]:
        assert feature_id in ids(exhibition, when), when


def test_a_project_appears_from_the_year_the_source_gives_it(exhibition):  # noqa: F811 - the fixture imported above
    assert {"litan-expressway", "lushui-bridge", "hedong-link-road", "lupu-east-road"} <= ids(exhibition, 2004)
    assert "s331-lushui-road" not in ids(exhibition, 2007)
    assert "s331-lushui-road" in ids(exhibition, 2011)
    assert status_in(exhibition.map.feature("litan-expressway"), 2018) == "begun"  # no completion is given
    # undated projects (the Nanzhou New Area's roads, the projects under way) are placed in no past year
    undated = {"nanzhou-avenue", "lufeng-avenue", "zhushan-agri-park", "xiangnan-vegetable-park"}
    assert not undated & ids(exhibition, 2018)


def test_today_leaves_out_the_projects_in_preparation_and_planned_adds_them(exhibition):  # noqa: F811 - the fixture imported above
    today, planned = ids(exhibition, Era.TODAY), ids(exhibition, Era.PLANNED)
    assert {"lufeng-avenue", "nanzhou-avenue", "xiangnan-vegetable-park"} <= today
    assert "changzhuyou-expressway" not in today
    assert planned == {f.id for f in exhibition.map.features}


def test_rivers_towns_and_villages_have_no_status(exhibition):  # noqa: F811 - the fixture imported above
    for feature in exhibition.map.features:
        if feature.kind in ("river", "town", "village"):
            assert status_in(feature, Era.TODAY) is None, feature.id
        else:
            assert status_in(feature, Era.TODAY) is not None, feature.id
