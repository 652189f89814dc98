"""An English-speaking visitor finds the section's terms explained under its body, once each; the foreword
names its authors as a printed feature does (文/…, Text: …)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from kiosk.ui.panels.intro_screen import IntroScreen
from kiosk.ui.panels.section_screen import SectionScreen

from . import touch
from .helpers import entered, home, shown


def test_an_english_visitor_finds_the_terms_explained_once(qtbot, make_kiosk):
    kiosk = make_kiosk(lang="en")
    index = [s.id for s in kiosk.exhibition.sections].index("livelihood")
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    assert isinstance(screen, SectionScreen)
    assert len(shown(screen, "Terms explained")) == 1
    assert len(shown(screen, "Luxiang: the Lukou area, named after its two rivers")) == 1
    assert len(shown(screen, "Five small facilities:")) == 1
    # three terms share the Lushui gloss (the river, its bridge and its highway): it is shown once
    assert len(shown(screen, "Lushui: the Chinese name of the Lu River")) == 1


def test_a_chinese_visitor_sees_no_english_glosses(qtbot, make_kiosk):
    kiosk = make_kiosk(lang="en")
    index = [s.id for s in kiosk.exhibition.sections].index("party")
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    assert shown(screen, "Five standards:")
    qtbot.mouseClick(kiosk.window.bar.zh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.title.source() == screen.section.title.zh, timeout=3000)
    assert shown(screen, "Five standards:") == [] and shown(screen, "术语解释") == []
    assert shown(screen, screen.section.topics[0].paragraphs[0].zh[:10])  # the body itself is there


def test_the_foreword_names_its_authors_as_the_feature_does(qtbot, make_kiosk):
    kiosk = make_kiosk(lang="zh")
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).intro_button))
    assert isinstance(screen, IntroScreen)
    assert shown(screen, "文/张咪 朱刚 袁斌 郭倩")
    qtbot.mouseClick(kiosk.window.bar.en_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown(screen, "Text: Zhang Mi, Zhu Gang, Yuan Bin, Guo Qian")), timeout=3000)


def test_a_photo_no_topic_claims_stands_under_its_own_heading_not_the_last_topic(qtbot, make_kiosk):
    # 风电 is printed beside the source's page, tied to no paragraph: it must not seem to illustrate 未来蓝图
    kiosk = make_kiosk(lang="zh")
    index = [s.id for s in kiosk.exhibition.sections].index("develop")
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    assert isinstance(screen, SectionScreen)
    blocks = {block.key: block for block in screen.body._blocks}
    assert [card.photo.id for card in blocks["photos"].photos] == ["wind-power"]
    others = [block for key, block in blocks.items() if key != "photos"]
    assert all(card.photo.id != "wind-power" for block in others for card in block.photos)
    assert len(shown(screen, "图片")) >= 1


def test_a_gloss_reads_as_a_note_with_its_term_in_bold(qtbot, make_kiosk):
    """Set like the article, the glosses read as more of it; a note is smaller, muted, its term in bold."""
    kiosk = make_kiosk(lang="en")
    index = [s.id for s in kiosk.exhibition.sections].index("livelihood")
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    (gloss,) = shown(screen, "Luxiang: the Lukou area")
    assert re.search(r"<b[^>]*>Luxiang</b>: the Lukou area", gloss.text())
    (body,) = shown(screen, screen.section.topics[0].paragraphs[1].en[:30])
    assert gloss.font().pixelSize() < body.font().pixelSize()
    assert not re.search(r"<b[ >]", body.text())
