"""What a designer checks first, on the screens themselves: titles whole and broken between phrases, no lone
character on a last line, no line starting with closing punctuation, the gallery's columns filling the width,
the section's headings flush with its text, and a portrait section's text given most of the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetricsF, QTextDocument
from PySide6.QtWidgets import QLabel

from kiosk.app_staff import apply_text_scale
from kiosk.layout import typography
from kiosk.navigation import Route
from kiosk.ui.widgets.typeset_label import TypesetLabel

from .helpers import entered, home, open_gallery

SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)]


def ideographs(text: str) -> int:
    return sum(1 for c in text if "\u3400" <= c <= "\u9fff")


def assert_well_set(lines: list[str], what: str) -> None:
    lines = [line for line in lines if line]
    for line in lines[1:]:
        assert line[0] not in typography.CLOSE, f"{what}: a line starts with {line[0]!r}: {lines}"
    for line in lines[:-1]:
        assert line[-1] not in typography.OPEN, f"{what}: a line ends with {line[-1]!r}: {lines}"
    if len(lines) > 1 and ideographs(lines[-1]):
        assert ideographs(lines[-1]) >= 2, f"{what}: a lone character on the last line: {lines}"


@pytest.mark.parametrize("size", SIZES)
def test_tile_titles_are_whole_at_one_size_and_never_leave_a_character_alone(make_kiosk, size):
    kiosk = make_kiosk(size=size)
    for large in (False, True):
        apply_text_scale(kiosk, large)
        screen = home(kiosk)
        for lang in ("zh", "en"):
            kiosk.window.set_language(lang)
            sizes = set()
            for tile in screen.tiles:
                title, font, box, used, fits = tile.title_layout()
                assert fits, f"{lang} {size} large={large}: {tile.title()!r} does not fit its tile"
                assert used.bottom() <= box.bottom() + 0.5  # the last line's descenders too ("Happy Lukou")
                assert_well_set(title.split("\n"), f"{lang} {size} tile")
                sizes.add(font.pixelSize())
            assert len(sizes) == 1, f"{lang} {size} large={large}: tile titles at sizes {sizes}"
            if lang == "zh":
                title = next(t for t in screen.tiles if t.title() == "提质发展 绘就精彩渌口").title_layout()[0]
                assert title in ("提质发展 绘就精彩渌口", "提质发展\n绘就精彩渌口")


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_english_tile_titles_leave_no_word_alone_on_their_last_line(make_kiosk, size):
    """In portrait "Raising Civility: / Building a / Harmonious / Lukou" and "Infrastructure / map" each left a
    word alone: the tiles now take the size at which every title keeps two words together on its last line."""
    kiosk = make_kiosk(size=size, lang="en")
    screen = home(kiosk)
    kiosk.window.set_language("en")
    for tile in screen.tiles:
        title, _, _, _, fits = tile.title_layout()
        lines = title.split("\n")
        assert fits and (len(lines) == 1 or len(lines[-1].split()) > 1), f"{size}: {lines}"


def test_the_big_titles_opening_quote_hangs_in_the_margin(make_kiosk):
    kiosk = make_kiosk()
    screen = home(kiosk)
    title, date = screen.title_label, screen.date_label
    assert title.text().count("font-family") == 2  # “ and ” from the proportional face
    # the title starts `indent` pixels left of the date's text: its quote hangs, 融 lines up with the date
    assert date.indent() > 0 and title.indent() <= 0 and title.x() == date.x()
    assert screen.subtitle_label.indent() == date.indent()


@pytest.mark.parametrize(("size", "lang"), [((1920, 1080), "zh"), ((1920, 1080), "en"), ((1080, 1920), "zh")])
def test_section_text_is_set_by_the_rules_in_a_readable_measure(qtbot, make_kiosk, size, lang):
    kiosk = make_kiosk(size=size, lang=lang)
    for section in kiosk.exhibition.sections:
        screen = entered(qtbot, kiosk, lambda s=section: kiosk.window.navigate(Route("section", s.id)))
        body = screen.body
        labels = [w for w in body.widget().findChildren(TypesetLabel) if w.isVisible()]
        header = [screen.lead, *(card.label for card in screen.figures)]  # in portrait they head the text
        paragraphs = [w for w in labels if w.source() and w not in body._headings.values() and w not in header]
        assert paragraphs
        for label in paragraphs:
            lines = label.lines()
            assert_well_set(lines, f"{section.id} body")
            if lang == "zh":  # a digit or Latin letter is half a character wide
                assert max(sum(1 if ord(c) > 0x2E80 else 0.5 for c in line) for line in lines) <= 40.5, lines
            else:
                assert max(len(line) for line in lines) <= 85, lines
                full = [len(line) for line in lines[:-1]]
                assert not full or sum(full) / len(full) <= 78, lines
        # the lead is shown once, not again as a paragraph of the body
        assert section.lead.get(lang) not in [w.source() for w in paragraphs]
        # headings flush with the paragraphs under them
        for heading in (h for h in body._headings.values() if h.isVisible()):
            assert heading.indent() == 0 and heading.x() == paragraphs[0].x()
        assert_well_set(screen.title.lines(), f"{section.id} title")


@pytest.mark.parametrize("large", [False, True])
def test_a_portrait_section_folds_its_header_to_give_the_text_two_thirds_of_the_screen(qtbot, make_kiosk, large):
    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    apply_text_scale(kiosk, large)
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "party")))
    assert not screen.header_folded()
    bar = screen.body.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    qtbot.waitUntil(screen.header_folded, timeout=3000)
    qtbot.waitUntil(lambda: screen.body.height() >= kiosk.window.height() * 2 / 3, timeout=3000)
    assert screen.title.isVisible() and all(chip.isVisible() for chip in screen.chips)
    lead_bottom = screen.lead.mapTo(screen.body.viewport(), QPoint(0, screen.lead.height())).y()
    assert lead_bottom <= 0  # the lead (and the figures under it) scrolled away with the text
    bar.setValue(0)
    qtbot.waitUntil(lambda: not screen.header_folded(), timeout=3000)


def line_pitch(label, width: float = 100000) -> float:
    """How far apart a label's lines are drawn, in pixels: its rich text laid out as Qt lays it out (at `width`);
    0 for a text of one line."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(width)
    document.size()  # lays the document out
    block = document.firstBlock()
    while block.isValid() and block.layout().lineCount() < 2:
        block = block.next()
    if not block.isValid():
        return 0
    layout = block.layout()
    return layout.lineAt(1).y() - layout.lineAt(0).y()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_body_text_is_set_at_a_comfortable_pitch_not_double_spaced(qtbot, make_kiosk, size, lang):
    """A review measured 70 px between lines of 28 px Chinese (2.5× the type size, ~2× in English): the leading
    scaled the font's own line, already 1.45× the size. Body text now sits ~1.75× (Chinese) / ~1.5× (English)."""
    kiosk = make_kiosk(size=size, lang=lang)
    low, high = (1.68, 1.82) if lang == "zh" else (1.42, 1.58)
    for route in (Route("section", kiosk.exhibition.sections[0].id), Route("intro")):
        screen = entered(qtbot, kiosk, lambda r=route: kiosk.window.navigate(r))
        labels = [w for w in screen.body.widget().findChildren(TypesetLabel)
                  if w.isVisible() and len(w.lines()) > 2 and not w.is_title() and w is not getattr(screen, "lead", 0)]
        notes = [w for w in screen.body.widget().findChildren(QLabel)
                 if w.isVisible() and w.property("role") == "muted" and w.text()]
        assert labels
        for label in labels:
            ratio = line_pitch(label) / label.font().pixelSize()
            assert low <= ratio <= high, f"{route} {lang}: lines {ratio:.2f}× the type size apart"
        for note in notes:  # credits and glossary entries: wrapped by Qt at the width they have
            ratio = line_pitch(note, note.width()) / note.font().pixelSize()
            assert ratio <= high, f"{route} {lang}: a note's lines {ratio:.2f}× apart"


@pytest.mark.parametrize(("size", "columns"), [((1920, 1080), (3, 4)), ((1080, 1920), (2, 2)),
                                               ((1366, 768), (3, 4)), ((3840, 2160), (3, 4))])
def test_the_gallery_fills_its_width_with_columns_of_comfortable_cards(qtbot, make_kiosk, size, columns):
    kiosk = make_kiosk(size=size)
    gallery = open_gallery(qtbot, kiosk)
    xs = {card.x() for card in gallery.visible_cards()}
    assert columns[0] <= len(xs) <= columns[1]
    viewport = gallery.scroll.viewport().width()
    rightmost = max(card.geometry().right() for card in gallery.visible_cards())
    assert rightmost > viewport * 0.9, "no empty third on the right"


def test_the_bar_wraps_a_long_title_to_two_lines_before_cutting_it(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    section = kiosk.exhibition.sections[1]
    entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", section.id)))
    shown = kiosk.window.bar.title.text()
    assert "…" not in shown and shown.replace("\n", " ") == section.title.en
    assert len(shown.split("\n")) <= 2


def test_the_foreword_uses_its_page_with_the_districts_figures_beside_the_text(qtbot, make_kiosk):
    kiosk = make_kiosk()
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("intro")))
    assert screen.figures and all(card.isVisible() for card in screen.figures)
    text_left = screen.body.mapTo(screen, QPoint(0, 0)).x()
    assert all(card.mapTo(screen, QPoint(card.width(), 0)).x() < text_left for card in screen.figures)
    assert screen.body.width() > screen.width() * 0.5


@pytest.mark.parametrize("warm", [False, True])
def test_the_portrait_forewords_paragraphs_fill_their_width(qtbot, make_kiosk, warm):
    """Built before its page is laid out (the warm-up) and then shown, a paragraph is set for the width it
    shows at: once a paragraph of the foreword was left set for a sliver, a character or two to a line."""
    kiosk = make_kiosk(size=(1080, 1920), warm=warm)
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("intro")))
    paragraphs = [lb for lb in screen.body.findChildren(TypesetLabel) if lb.isVisible() and len(lb.lines()) > 2]
    assert paragraphs
    for label in paragraphs:
        metrics = QFontMetricsF(label.font())
        widest = max(metrics.horizontalAdvance(line) for line in label.lines())
        assert widest > label.width() * 0.6, f"{label.width()} px wide, lines {label.lines()[:4]}"


@pytest.mark.parametrize(("size", "lang"), [((1920, 1080), "zh"), ((1920, 1080), "en"), ((1366, 768), "zh"),
                                            ((1080, 1920), "zh")])
def test_the_home_figures_show_their_whole_numbers_in_large_text(qtbot, make_kiosk, size, lang):
    """The hero's title gives way before its figures do: in large Chinese text the figures were squeezed to
    half their height, each label drawn over the bottom of its number."""
    kiosk = make_kiosk(size=size, lang=lang)
    apply_text_scale(kiosk, True)
    screen = home(kiosk)

    def whole() -> bool:
        return all(card.number.height() >= card.number.sizeHint().height() for card in screen.figures)

    qtbot.waitUntil(whole, timeout=3000)  # once the screen is laid out
    for card in screen.figures:
        assert card.label.geometry().top() >= card.number.geometry().bottom()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_listed_word_stays_whole_where_a_line_used_to_split_it(qtbot, make_kiosk, size):
    """The develop section's lead used to end its first line in 丰收在 and start the next with 望; 丰收在望 is in
    words.toml now, so it stays on one line."""
    from .helpers import open_tile

    kiosk = make_kiosk(size=size)
    screen = open_tile(qtbot, kiosk, Route("section", "develop"))
    lines = [line.replace("\u2060", "") for line in screen.lead.lines()]
    assert "".join(lines) == "秋天是收获的季节，株洲市渌口区一片丰收在望的景象。"
    assert len(lines) > 1, "the lead fits one line: the test no longer shows anything"
    assert any("丰收在望" in line for line in lines), lines


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (3840, 2160)])
def test_the_party_sections_lead_keeps_its_demonstration_belt_whole(qtbot, make_kiosk, size):
    """The lead broke as "…打造“党建+” / 示范带，…": the term split. The lead now joins the term (U+2060) and
    words.toml keeps 加强党支部 whole, so its lines are even and the term is whole."""
    from .helpers import open_tile

    kiosk = make_kiosk(size=size)
    screen = open_tile(qtbot, kiosk, Route("section", "party"))
    lines = [line.replace("\u2060", "") for line in screen.lead.lines()]
    assert len(lines) > 1, "the lead fits one line: the test no longer shows anything"
    assert any("“党建+”示范带" in line for line in lines), lines
    metrics = QFontMetricsF(screen.lead.font())
    widths = [metrics.horizontalAdvance(line) for line in lines]
    assert min(widths[:-1]) >= 0.75 * max(widths), lines


def test_the_break_finder_shows_an_editor_the_split_a_missing_word_leaves(qtbot, make_kiosk, tmp_path):
    """`kiosk check --breaks` reads the lines off the screen: without words.toml the develop section's lead and
    tiles split words, and the finder names them; with the shipped list it finds nothing there."""
    import shutil
    from pathlib import Path

    from kiosk.ui.break_probe import breaks_here

    from .helpers import open_tile

    shipped = Path(__file__).resolve().parents[2] / "assets" / "content"
    bare = tmp_path / "content"
    shutil.copytree(shipped, bare)
    (bare / "words.toml").unlink()
    for content, expected in ((bare, True), (None, False)):
        kiosk = make_kiosk(content=content)
        open_tile(qtbot, kiosk, Route("section", "develop"))
        found = [str(b) for _, b in breaks_here(kiosk.window) if b.kind != "body"]
        assert ("…渌口区一片丰收在 / 望的景象。…" in found) is expected, found
        if not expected:
            assert found == []
