"""The interface's own words (buttons, hints), in both languages. Exhibition facts never live here."""

from __future__ import annotations

from kiosk.content.schema import Lang

_STRINGS: dict[str, tuple[str, str]] = {
    "home": ("首页", "Home"),
    "back": ("返回", "Back"),
    "touch_to_explore": ("触摸屏幕 开始参观", "Touch to explore"),
    "still_there": ("还在参观吗？", "Still there?"),
    "still_there_hint": ("触摸屏幕继续参观", "Touch the screen to carry on"),
    "opens_at": ("{when} 开放", "Opens {when}"),
    "sections": ("展览篇章", "Exhibition"),
    "key_figures": ("关键数字", "Key figures"),
    "placeholder_photo": ("示意占位图，待替换为真实照片", "Placeholder image, to be replaced by the real photo"),
    "placeholder_short": ("示意占位图", "placeholder image"),
    "photo_unavailable": ("照片暂不可用", "Photo unavailable"),
    "swipe_hint": ("左右滑动切换篇章", "Swipe left or right for the next section"),
    "section_of": ("第{n}篇 / 共{total}篇", "Part {n} of {total}"),
    "credit": ("图片：{who}", "Photo: {who}"),
    "language": ("中", "EN"),
    "read_intro": ("阅读前言", "Read the foreword"),
    "intro_title": ("前言", "Foreword"),
    "status_built": ("已建成", "Built"),
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
