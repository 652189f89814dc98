"""Pre-rendered layers of the attract slideshow: the breathing hint, a photo's caption band and a whole
key-figures slide. Each is painted once per slide into a pixmap, so a frame of the show only blits them."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPixmap,
    QRadialGradient,
)

from kiosk.content.schema import Exhibition, Figure, Text
from kiosk.layout import typography
from kiosk.modes.playlist import Slide
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.strings import photo_note, tr
from kiosk.ui.theme import Theme, mix
from kiosk.ui.widgets.large_text import draw_large_text
from kiosk.ui.widgets.typeset_label import QUOTES, latin_family, typeset

Layer = tuple[QPixmap, QPoint]
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def _transparent(size: QSize) -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _lines(font: QFont, width: int, text: str) -> list[str]:
    """`text` broken by the typography rules (between phrases, balanced, never a lone character)."""
    return [line for part in text.split("\n") for line in typeset(font, part, max(1, width), title=True).lines]


def _text_height(font: QFont, width: int, text: str) -> int:
    return len(_lines(font, width, text)) * QFontMetrics(font).lineSpacing() if text else 0


def _draw(p: QPainter, font: QFont, colour: str, rect: QRect, text: str) -> int:
    """Draw broken text at the top of `rect`, a line's opening quote hung in the margin; returns the height."""
    p.setFont(font)
    p.setPen(QColor(colour))
    metrics = QFontMetrics(font)
    lines = _lines(font, rect.width(), text)
    # Curly quotes from the proportional Latin face: a Chinese face's full-width quote leaves half an em of air
    quotes = QFont(font)
    quotes.setFamilies([latin_family(font.families()), *font.families()])
    for index, line in enumerate(lines):
        opener = typography.hanging_opener(line)
        x = float(rect.left() - (QFontMetrics(quotes).boundingRect(opener).right() if opener else 0))
        baseline = rect.top() + metrics.ascent() + index * metrics.lineSpacing()
        for run in _quote_runs(line):
            face = quotes if run[0] in QUOTES else font
            p.setFont(face)
            p.drawText(QPointF(x, baseline), run)
            x += QFontMetricsF(face).horizontalAdvance(run)
    return len(lines) * metrics.lineSpacing()


def _quote_runs(line: str) -> list[str]:
    """`line` cut into runs of curly quotes and runs of everything else."""
    runs: list[str] = []
    for ch in line:
        if runs and (ch in QUOTES) == (runs[-1][0] in QUOTES):
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def paint_hint(theme: Theme, size: QSize) -> tuple[QPixmap, QRect]:
    """The "touch to explore" pill and where it goes: bottom right (landscape) or bottom centre (portrait)."""
    px = theme.px
    big, small = theme.font(t.HEADING, bold=True), theme.font(t.LEAD)
    zh, en = tr("touch_to_explore", "zh"), tr("touch_to_explore", "en")
    glyph = px(64)
    pad_x, pad_y, gap = px(40), px(22), px(22)
    text_w = max(QFontMetrics(big).horizontalAdvance(zh), QFontMetrics(small).horizontalAdvance(en))
    text_h = QFontMetrics(big).height() + QFontMetrics(small).height()
    w, h = pad_x * 2 + glyph + gap + text_w, pad_y * 2 + max(glyph, text_h)
    pill = _transparent(QSize(w, h))
    p = QPainter(pill)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(t.ACCENT_DEFAULT))
    p.setBrush(t.translucent(t.BACKGROUND, 215))
    border = px(3)
    p.drawRoundedRect(border / 2, border / 2, w - border, h - border, (h - border) / 2, (h - border) / 2)
    icon("mdi6.gesture-tap", t.ACCENT_DEFAULT).paint(p, QRect(pad_x, (h - glyph) // 2, glyph, glyph))
    x = pad_x + glyph + gap
    y = (h - text_h) // 2
    p.setFont(big)
    p.setPen(QColor(t.TEXT))
    p.drawText(QRect(x, y, text_w, QFontMetrics(big).height()), int(_LEFT), zh)
    p.setFont(small)
    p.setPen(QColor(t.TEXT_MUTED))
    p.drawText(QRect(x, y + QFontMetrics(big).height(), text_w, QFontMetrics(small).height()), int(_LEFT), en)
    p.end()
    margin = px(t.MARGIN * 0.75)
    if size.height() > size.width():
        rect = QRect((size.width() - w) // 2, size.height() - h - margin, w, h)
    else:
        rect = QRect(size.width() - w - margin, size.height() - h - margin, w, h)
    return pill, rect


def paint_caption(theme: Theme, size: QSize, slide: Slide, hint: QRect, credit: Text | None) -> Layer:
    """A photo's caption in both languages, where it came from, and its credit (or, for a generated stand-in,
    the placeholder label), over a dark band at the bottom (beside the hint in landscape, above it in portrait).
    This band is the slide's only caption: the photos themselves carry no text."""
    px = theme.px
    photo = slide.photo
    assert photo is not None
    margin = px(t.MARGIN)
    portrait = size.height() > size.width()
    right = size.width() - margin if portrait else hint.left() - px(t.GAP * 2)
    bottom = hint.top() - px(t.GAP) if portrait else size.height() - px(t.MARGIN * 0.75)
    width = max(px(300), right - margin)
    kicker = f"{slide.section.title.zh}  ·  {slide.section.title.en}" if slide.section else ""
    note = "  ·  ".join(filter(None, (photo_note(photo, credit, "zh"), photo_note(photo, credit, "en"))))
    blocks = [
        (theme.font(t.CAPTION, bold=True), slide.section.accent if slide.section else t.ACCENT_DEFAULT, kicker),
        (theme.font(t.TITLE * 0.75, bold=True), t.TEXT, photo.caption.zh),
        (theme.font(t.LEAD), t.TEXT_MUTED, photo.caption.en),
        (theme.font(t.CAPTION), t.TEXT_MUTED, note),
    ]
    spacing = px(8)
    heights = [_text_height(f, width, text) if text else 0 for f, _, text in blocks]
    text_h = sum(heights) + spacing * sum(1 for h in heights if h)
    band_h = min(size.height(), text_h + px(t.MARGIN * 2.5) + (size.height() - bottom))
    band = _transparent(QSize(size.width(), band_h))
    p = QPainter(band)
    shade = QLinearGradient(0, 0, 0, band_h)
    for position, alpha in t.CAPTION_SHADE:
        shade.setColorAt(position, t.translucent(t.SHADE, alpha))
    p.fillRect(band.rect(), shade)
    y = band_h - (size.height() - bottom) - text_h
    for (font, colour, text), h in zip(blocks, heights, strict=True):
        if h:
            _draw(p, font, colour, QRect(margin, y, width, h), text)
            y += h + spacing
    p.end()
    return band, QPoint(0, size.height() - band_h)


def _figure_line(fig: Figure) -> tuple[str, str]:
    return fig.format_number("zh"), fig.unit.zh


@dataclass(frozen=True)
class FigurePage:
    """Where a key-figures slide puts things: the header's lines (from the top margin), the figures' cells,
    and whether each figure is set as one row (number on the left, its words beside it)."""

    header_bottom: int
    cells: tuple[QRect, ...]
    rows: bool
    number_width: int  # in rows: the widest number and unit, so every label starts at one left edge
    number_size: float  # every number's type size: the smallest any of them needs, so they read as one row


def figure_page(theme: Theme, size: QSize, slide: Slide, exhibition: Exhibition) -> FigurePage:
    """The key-figures slide laid out as a page. Landscape: the figures side by side as the page's pictures, large,
    standing low between the header and the hint (the space left over lies mostly above them, so the page is
    never top-heavy with an empty lower third).
    Portrait (a 1080×1920 stand): a poster, the figures one under another as rows that fill the glass between
    the header and the hint, so no empty half-screen lies between the title and the first number."""
    px = theme.px
    margin = px(t.MARGIN * 1.25)
    width = size.width() - 2 * margin
    header_bottom = margin + _header_height(theme, size, slide, exhibition, width)
    figures = slide.figures
    portrait = size.height() > size.width()
    hint_zone = px(200)
    area_top, area_bottom = header_bottom + px(t.GAP * 2), size.height() - hint_zone
    if portrait and len(figures) <= 5:
        most = min((_number_size(theme, fig, width // 2, portrait) for fig in figures), default=0.0)
        number_w = max((_number_width(theme, fig, most, portrait) for fig in figures), default=0)
        label_w = width - number_w - px(t.GAP * 2)
        heights = [_row_height(theme, fig, most, label_w, portrait) for fig in figures]
        total = sum(heights)
        free = max(0, area_bottom - area_top - total)
        # The rows share the glass: even gaps between them (up to a generous measure), the rest above and below
        gap = min(free // max(1, len(figures) - 1 + 2), px(t.GAP * 6)) if len(figures) > 1 else 0
        top = area_top + max(0, (free - gap * (len(figures) - 1)) // 3)  # a little above centre, as a poster
        cells, y = [], top
        for h in heights:
            cells.append(QRect(margin, y, width, h))
            y += h + gap
        return FigurePage(header_bottom, tuple(cells), True, number_w, most)
    columns = 2 if portrait or len(figures) == 4 and size.width() < px(1600) else max(1, len(figures))
    gap = px(t.GAP * 2)
    cell_w = (width - gap * (columns - 1)) // columns
    rows = -(-len(figures) // columns)
    most = min((_number_size(theme, fig, cell_w) for fig in figures), default=0.0)
    row_h = max((_figure_cell_height(theme, fig, cell_w, most) for fig in figures), default=0)
    total = rows * row_h + (rows - 1) * gap
    share = 0.5 if portrait else 0.7  # landscape: more of the free room above the figures than below them
    top = area_top + max(0, round((area_bottom - area_top - total) * share))
    cells = []
    for i in range(len(figures)):
        r, c = divmod(i, columns)
        cells.append(QRect(margin + c * (cell_w + gap), top + r * (row_h + gap), cell_w, row_h))
    return FigurePage(header_bottom, tuple(cells), False, 0, most)


def _header_fonts(theme: Theme, size: QSize) -> tuple[QFont, QFont, QFont]:
    scale = 1.15 if size.height() > size.width() else 1.0  # a portrait poster's title carries further
    return (theme.font(t.CAPTION * scale, bold=True), theme.font(t.TITLE * scale, bold=True),
            theme.font(t.LEAD * scale))


def _header_texts(slide: Slide, exhibition: Exhibition) -> tuple[str, str, str]:
    title = slide.section.title if slide.section else exhibition.title
    return (f"{tr('key_figures', 'zh')}  ·  {tr('key_figures', 'en')}", html.unescape(title.zh),
            html.unescape(title.en))


def _header_height(theme: Theme, size: QSize, slide: Slide, exhibition: Exhibition, width: int) -> int:
    kicker, title, english = _header_fonts(theme, size)
    texts = _header_texts(slide, exhibition)
    return (_text_height(kicker, width, texts[0]) + theme.px(12) + _text_height(title, width, texts[1])
            + theme.px(4) + _text_height(english, width, texts[2]))


def paint_figures(theme: Theme, size: QSize, slide: Slide, exhibition: Exhibition) -> Layer:
    """A whole slide of key figures: where they come from, then each number with its unit and label."""
    px = theme.px
    accent = slide.section.accent if slide.section else t.ACCENT_DEFAULT
    page = QPixmap(size)
    page.fill(QColor(t.BACKGROUND))
    p = QPainter(page)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    glow = QRadialGradient(size.width() * 0.15, size.height() * 0.1, max(size.width(), size.height()) * 0.9)
    glow.setColorAt(0.0, QColor(mix(t.BACKGROUND, accent, 0.28)))
    glow.setColorAt(1.0, QColor(t.BACKGROUND))
    p.fillRect(page.rect(), glow)

    margin = px(t.MARGIN * 1.25)
    width = size.width() - 2 * margin
    y = margin
    kicker_font, title_font, english_font = _header_fonts(theme, size)
    kicker, title, english = _header_texts(slide, exhibition)
    y += _draw(p, kicker_font, accent, QRect(margin, y, width, 0), kicker) + px(12)
    y += _draw(p, title_font, t.TEXT, QRect(margin, y, width, 0), title)
    _draw(p, english_font, t.TEXT_MUTED, QRect(margin, y + px(4), width, 0), english)

    layout = figure_page(theme, size, slide, exhibition)
    portrait = size.height() > size.width()
    for index, (fig, cell) in enumerate(zip(slide.figures, layout.cells, strict=True)):
        if layout.rows:
            if index:  # a hairline between rows, halfway into the gap above
                above = layout.cells[index - 1]
                line_y = (above.bottom() + cell.top()) // 2
                p.fillRect(QRect(cell.left(), line_y, cell.width(), max(1, px(2))), QColor(t.LINE))
            _paint_figure_row(p, theme, fig, accent, cell, layout.number_width, layout.number_size, portrait)
        else:
            if index and cell.top() == layout.cells[index - 1].top():  # a hairline between columns, halfway
                left = (layout.cells[index - 1].right() + cell.left()) // 2
                p.fillRect(QRect(left, cell.top(), max(1, px(2)), cell.height() - px(12)), QColor(t.LINE))
            _paint_figure(p, theme, fig, accent, cell, layout.number_size)
    p.end()
    return page, QPoint(0, 0)


def _row_fonts(theme: Theme) -> tuple[QFont, QFont]:
    return theme.font(t.LEAD * 1.15), theme.font(t.CAPTION * 1.1)


def _number_width(theme: Theme, fig: Figure, size: float, portrait: bool) -> int:
    big, small = _number_fonts(theme, size, portrait)
    number, unit = _figure_line(fig)
    return QFontMetrics(big).horizontalAdvance(number) + theme.px(4) + QFontMetrics(small).horizontalAdvance(unit)


def _row_height(theme: Theme, fig: Figure, size: float, label_w: int, portrait: bool) -> int:
    big, _ = _number_fonts(theme, size, portrait)
    label, english = _row_fonts(theme)
    words = _text_height(label, label_w, fig.label.zh) + theme.px(6) + _text_height(english, label_w, _english(fig))
    return max(QFontMetrics(big).height(), words)


def _paint_figure_row(p: QPainter, theme: Theme, fig: Figure, accent: str, cell: QRect, number_w: int,
                      size: float, portrait: bool) -> None:
    """One figure as a row: the number and unit on the left, its Chinese and English words beside it, the words'
    block centred on the number's height."""
    px = theme.px
    big, small = _number_fonts(theme, size, portrait)
    number, unit = _figure_line(fig)
    metrics = QFontMetrics(big)
    baseline = cell.top() + (cell.height() - metrics.height()) // 2 + metrics.ascent()
    draw_large_text(p, big, accent, cell.left(), baseline, number)
    p.setFont(small)
    p.setPen(QColor(t.TEXT))
    p.drawText(cell.left() + metrics.horizontalAdvance(number) + px(4), baseline, unit)
    label, english = _row_fonts(theme)
    left = cell.left() + number_w + px(t.GAP * 2)
    label_w = cell.right() - left
    words = _text_height(label, label_w, fig.label.zh) + px(6) + _text_height(english, label_w, _english(fig))
    y = cell.top() + (cell.height() - words) // 2
    y += _draw(p, label, t.TEXT, QRect(left, y, label_w, 0), fig.label.zh) + px(6)
    _draw(p, english, t.TEXT_MUTED, QRect(left, y, label_w, 0), _english(fig))


def _number_size(theme: Theme, fig: Figure, width: int, portrait: bool = False) -> float:
    """The largest number size (down to a floor) at which `fig`'s number and unit fit in `width`."""
    number, unit = _figure_line(fig)
    size = t.FIGURE * (1.6 if portrait else 2.0)  # the numbers are the page's pictures
    while True:
        big, small = _number_fonts(theme, size, portrait)
        if QFontMetrics(big).horizontalAdvance(number) + QFontMetrics(small).horizontalAdvance(unit) <= width:
            return size
        if size < t.FIGURE * 0.6:
            return size
        size *= 0.92


def _number_fonts(theme: Theme, size: float, portrait: bool = False) -> tuple[QFont, QFont]:
    """The number's font at `size` and its unit's, in proportion."""
    start = t.FIGURE * (1.6 if portrait else 2.0)
    return theme.font(size, bold=True), theme.font(t.LEAD * (1.2 if portrait else 1.0) * size / start)


def _figure_cell_height(theme: Theme, fig: Figure, width: int, size: float) -> int:
    big, _ = _number_fonts(theme, size)
    px = theme.px
    label, english = _row_fonts(theme)
    return (px(18) + QFontMetrics(big).height() + px(10) + _text_height(label, width, fig.label.zh)
            + px(8) + _text_height(english, width, _english(fig)) + px(12))


def _english(fig: Figure) -> str:
    return f"{fig.format_number('en')} {fig.unit.en} {fig.label.en}"  # unit and label read on as one phrase


def _paint_figure(p: QPainter, theme: Theme, fig: Figure, accent: str, cell: QRect, size: float) -> None:
    px = theme.px
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(accent))
    p.drawRoundedRect(cell.left(), cell.top(), px(64), px(6), px(3), px(3))
    big, small = _number_fonts(theme, size)
    number, unit = _figure_line(fig)
    y = cell.top() + px(18)
    metrics = QFontMetrics(big)
    draw_large_text(p, big, accent, cell.left(), y + metrics.ascent(), number)
    p.setFont(small)
    p.setPen(QColor(t.TEXT))
    p.drawText(cell.left() + metrics.horizontalAdvance(number) + px(4), y + metrics.ascent(), unit)
    y += metrics.height() + px(10)
    label, english = _row_fonts(theme)
    y += _draw(p, label, t.TEXT, QRect(cell.left(), y, cell.width(), 0), fig.label.zh) + px(8)
    _draw(p, english, t.TEXT_MUTED, QRect(cell.left(), y, cell.width(), 0), _english(fig))
