"""The interface's own words (buttons, hints), in both languages. Exhibition facts never live here."""

from __future__ import annotations

from kiosk.content.schema import Lang, Photo, Text

_STRINGS: dict[str, tuple[str, str]] = {
    "home": ("首页", "Home"),
    "back": ("返回", "Back"),
    "touch_to_explore": ("触摸屏幕 开始参观", "Touch to explore"),
    "still_there": ("还在参观吗？", "Still there?"),
    "still_there_hint": ("触摸屏幕继续参观", "Touch the screen to carry on"),
    "continue": ("继续", "Continue"),
    # accessible mode: everything within reach of a seated visitor or a child, larger text, more time
    "reach": ("无障碍", "Accessible"),
    "reach_note": ("无障碍模式", "Accessible mode"),
    "reach_way_out": ("界面已移到下方 · 再按“无障碍”恢复",
                      "Everything is within reach below · tap Accessible again to return"),
    "opens_at": ("{when} 开放", "Opens {when}"),
    "sections": ("展览篇章", "Exhibition"),
    "key_figures": ("关键数字", "Key figures"),
    # the one label of a generated stand-in photo (content: placeholder = true), wherever it is shown
    "placeholder_photo": ("示意图，非实拍", "Illustration, not a photograph"),
    "photo_unavailable": ("照片暂不可用", "Photo unavailable"),
    "swipe_hint": ("左右滑动切换篇章", "Swipe left or right for the next section"),
    "section_of": ("第{n}篇 / 共{total}篇", "Part {n} of {total}"),
    "credit": ("图片：{who}", "Photo: {who}"),
    "language": ("中", "EN"),
    "read_intro": ("阅读前言", "Read the foreword"),
    "intro_title": ("前言", "Foreword"),
    "byline": ("文/{who}", "Text: {who}"),
    "glossary_heading": ("术语解释", "Terms explained"),
    "section_photos": ("图片", "Photos"),
    # infrastructure map
    "map_layers": ("图层", "Layers"),
    "map_legend": ("图例", "Legend"),
    "map_year": ("年份", "Year"),
    "map_today": ("当前", "Today"),
    "map_planned": ("前期", "Planned"),  # short: nine chips share one row on a portrait stand
    "map_year_note": (
        "显示资料注明在{year}或之前的项目，以及原有设施、河流和城镇",
        "Showing what the source dates to {year} or earlier, and what was already there",
    ),
    "map_today_note": ("显示全部项目，前期项目除外", "Showing every project except those in preparation"),
    "map_planned_note": ("显示全部项目，含前期项目", "Showing everything, including projects in preparation"),
    "map_schematic": ("示意图", "Schematic"),
    "map_position_schematic": ("位置为示意", "Position is schematic"),
    "map_part_of": ("所属：{name}", "Part of {name}"),
    "map_zoom_in": ("放大", "Zoom in"),
    "map_zoom_out": ("缩小", "Zoom out"),
    "map_reset": ("复位", "Reset"),
    "map_north": ("北", "N"),
    "map_hint": (
        "单指拖动 · 双指缩放 · 双击放大 · 点击查看详情",
        "Drag · pinch to zoom · double-tap to zoom in · tap for details",
    ),
    "map_event": ("时间轴：{title}", "Timeline: {title}"),
    "map_close": ("关闭", "Close"),
    "map_status_built": ("已建成", "Completed"),
    "map_status_begun": ("开工", "Work began"),
    "map_status_under_construction": ("在建", "Under construction"),
    "map_status_approved": ("获批", "Approved"),
    "map_status_planned": ("前期", "In preparation"),
    "map_status_existing": ("原有", "Existing"),
    "map_status_existing_then": ("原有 · {status}", "Existing · {status}"),
    "map_layer_transport": ("交通", "Transport"),
    "map_layer_water": ("水系", "Water"),
    "map_layer_utilities": ("公用设施", "Utilities"),
    "map_layer_zones": ("园区", "Zones"),
    "map_layer_towns": ("城镇", "Towns"),
    "map_kind_expressway": ("高速公路", "Expressway"),
    "map_kind_express_highway": ("快速公路", "Express road"),
    "map_kind_railway": ("铁路", "Railway"),
    "map_kind_trunk_road": ("公路", "Highway"),
    "map_kind_road": ("道路", "Road"),
    "map_kind_bridge": ("桥梁", "Bridge"),
    "map_kind_lock": ("船闸", "Ship lock"),
    "map_kind_port": ("港区", "Port"),
    "map_kind_river": ("河流", "River"),
    "map_kind_utility": ("公用设施", "Utility"),
    "map_kind_zone": ("园区 · 新区", "Zone"),
    "map_kind_public_building": ("公共建筑", "Public building"),
    "map_kind_town": ("镇", "Town"),
    "map_kind_village": ("村", "Village"),
    "map_kind_boundary": ("区界", "District boundary"),
    "map_legend_status": ("建设状态", "Status"),
    "map_legend_kinds": ("线路与地物", "Lines and places"),
    "map_banner_close": ("关闭时间轴标注", "Close the timeline note"),
    "status_built": ("已建成", "Completed"),
    "status_begun": ("开工", "Work began"),
    "status_under_construction": ("在建", "Under construction"),
    "status_planned": ("前期", "In preparation"),
    "status_milestone": ("里程碑", "Milestone"),
    "band_under_construction": ("在建项目", "Under construction"),
    "band_planned": ("前期项目", "In preparation"),
    "timeline_goal": ("目标", "Goal"),
    "timeline_hint": ("左右拖动时间轴，点击事件查看详情", "Drag the timeline sideways, tap an event to read its story"),
    "show_on_map": ("在地图上查看", "Show on map"),
    "close": ("关闭", "Close"),
    "gallery_title": ("图片长廊", "Photo gallery"),
    "gallery_subtitle": ("{n} 幅图片 · 按篇章浏览", "{n} photos, by section"),
    "gallery_hint": ("点击图片全屏查看", "Tap a photo to see it full screen"),
    "gallery_overview": ("渌口概览", "Lukou at a glance"),
    "viewer_title": ("图片浏览", "Photo viewer"),
    "viewer_hint": ("左右滑动切换 · 双指或双击放大", "Swipe for the next photo · pinch or double-tap to zoom"),
}


def tr(key: str, lang: Lang, **values: object) -> str:
    zh, en = _STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def photo_note(photo: Photo, credit: Text | None, lang: Lang) -> str:
    """The line under a photo's caption: the placeholder label for a generated stand-in, "图片：<who>" for a
    real photo with a credit (`Exhibition.photo_credit`), otherwise nothing."""
    if photo.placeholder:
        return tr("placeholder_photo", lang)
    return tr("credit", lang, who=credit.get(lang)) if credit is not None else ""
