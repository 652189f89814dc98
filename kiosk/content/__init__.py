"""The exhibition as data: pydantic models, the loader for a content folder and its validation report.

Nothing here imports Qt; the UI receives an immutable `Exhibition` and renders it.
"""

from kiosk.content.glossary import check_glossary
from kiosk.content.icons import check_icons
from kiosk.content.loader import ContentError, load_exhibition, register_check
from kiosk.content.map import check_map
from kiosk.content.problems import Problem
from kiosk.content.schema import Exhibition, Figure, Lang, Photo, Section, Text, Topic
from kiosk.content.timeline import check_timeline
from kiosk.content.words import check_words

register_check(check_timeline)  # order, ids, photos and map features of timeline.toml
register_check(check_map)  # ids, part_of and positions of map.toml
register_check(check_glossary)  # the English of every text follows glossary.toml
register_check(check_icons)  # every icon named can be drawn
register_check(check_words)  # every word of words.toml is one the content uses

__all__ = [
    "ContentError",
    "Exhibition",
    "Figure",
    "Lang",
    "Photo",
    "Problem",
    "Section",
    "Text",
    "Topic",
    "load_exhibition",
]
