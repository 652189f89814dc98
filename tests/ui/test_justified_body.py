"""Chinese body text is set flush on both sides, as a Chinese book or exhibition panel sets it: every full line
of a paragraph ends at the column's right edge, and a paragraph's last line stays where it ends. Before, a kept
word or a closing mark pushed to the next line left a line up to a quarter line short. English stays ragged.

Each line's right edge is read from the label's text laid out as the label lays it out, at its width."""

from __future__ import annotations

import pytest

from kiosk.layout import typography
from kiosk.navigation import Route
from kiosk.ui.widgets.typeset_label import TypesetLabel, label_document

from . import touch
from .helpers import entered, home, open_tile
from .test_timeline import open_timeline, tap_event

EDGE_PX = 1.5


def room(label: TypesetLabel) -> int:
    return label.contentsRect().width() - 2 * max(0, label.margin()) - max(0, label.indent())


def line_edges(label: TypesetLabel) -> list[list[float]]:
    """Per paragraph of the label, the right edge of each line as drawn."""
    document = label_document(label.font(), label.text(), room(label), rich="<" in label.text())
    document.size()  # lays it out
    edges: list[float] = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        edges += [layout.lineAt(i).x() + layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())]
        block = block.next()
    assert len(edges) == len(label.lines()), f"Qt wrapped the set lines again: {label.lines()}"
    paragraphs, first = [], 0
    for paragraph in label.source().split("\n"):  # each source paragraph's lines, in order
        count = 1
        while first + count < len(edges) and letters("".join(label.lines()[first:first + count])) < letters(paragraph):
            count += 1
        paragraphs.append(edges[first:first + count])
        first += count
    return paragraphs


def letters(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace() and ch != "\u2060")


def gaps(line: str) -> int:
    """The gaps between characters a justified line may widen: those beside a CJK character or mark."""
    shown = [ch for ch in line if ch != "\u2060"]
    return sum(1 for a, b in zip(shown, shown[1:], strict=False) if ord(a) > 0x2E80 or ord(b) > 0x2E80)


def short_lines(label: TypesetLabel) -> list[tuple[str, float]]:
    """The full lines (all but each paragraph's last) that stop short of the right edge: (line, px short). A
    line that would need more than a quarter em in each gap may stay short."""
    width = room(label)
    out, i = [], 0
    lines = label.lines()
    em = label.font().pixelSize()
    for edges in line_edges(label):
        for edge in edges[:-1]:
            if abs(width - edge) > EDGE_PX and (width - edge) <= typography.MAX_GAP_EM * em * gaps(lines[i]):
                out.append((lines[i], round(width - edge, 1)))
            i += 1
        i += 1
    return out


def body_labels(screen) -> list[TypesetLabel]:
    """The visible paragraphs of body text (not the lead) of more than one line."""
    lead = getattr(screen, "lead", None)
    return [
        label for label in screen.findChildren(TypesetLabel)
        if not label.is_title() and label.isVisible() and len(label.lines()) > 1 and label is not lead
    ]


SIZES = [(1920, 1080), (1080, 1920)]


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1080x1920"])
def test_chinese_sections_and_foreword_are_flush_on_both_sides(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="zh")
    checked = 0
    for go in (lambda: touch.tap(home(kiosk).tiles[0]), lambda: kiosk.window.navigate(Route("intro"))):
        screen = entered(qtbot, kiosk, go)
        labels = body_labels(screen)
        assert labels, screen
        for label in labels:
            assert not short_lines(label), (type(screen).__name__, short_lines(label))
            checked += sum(len(edges) - 1 for edges in line_edges(label))
    assert checked > 10


def test_a_paragraphs_last_line_and_english_stay_ragged(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080), lang="zh")
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    width = max(room(label) for label in body_labels(screen))
    last_edges = [edges[-1] for label in body_labels(screen) for edges in line_edges(label)]
    assert min(last_edges) < width - 100  # a last line ends where its text does
    assert "letter-spacing" not in screen.lead.text()  # the lead, a line of display text, is not spread out
    kiosk.window.set_language("en")
    english = body_labels(screen)
    assert english and all("letter-spacing" not in label.text() for label in english)
    edges = [e for label in english for paragraph in line_edges(label) for e in paragraph[:-1]]
    assert max(edges) - min(edges) > 20  # ragged right


def test_a_timeline_cards_chinese_text_is_flush_on_both_sides(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080), lang="zh")
    screen = open_timeline(qtbot, kiosk)
    checked = 0
    for event in kiosk.exhibition.timeline.events:
        tap_event(screen, event.id)
        qtbot.waitUntil(lambda event=event: screen.card.event.id == event.id and screen.card.text.width() > 0)
        label = screen.card.text
        if len(label.lines()) > 1:
            assert not short_lines(label), (event.id, short_lines(label))
            checked += 1
    assert checked


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)], ids=["1366x768", "1080x1920"])
def test_a_map_cards_chinese_text_is_flush_on_both_sides(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="zh")
    screen = open_tile(qtbot, kiosk, Route("map"))
    checked = 0
    for feature in kiosk.exhibition.map.features:
        if feature.text is None:
            continue
        screen.open_card(feature.id)
        qtbot.waitUntil(lambda: screen.card.text.width() > 0, timeout=3000)
        label = screen.card.text
        if len(label.lines()) > 1:
            assert not short_lines(label), (feature.id, short_lines(label))
            checked += 1
    assert checked
