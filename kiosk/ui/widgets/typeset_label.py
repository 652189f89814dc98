"""A label whose lines are broken by the kiosk's typography rules (`kiosk.layout.typography`), not by Qt.

It keeps the text it was given (`source()`) and, whenever its width or font changes, sets that text again with
explicit line breaks where the rules put them: titles between their phrases and balanced, body text filled
with no lone character on its last line, never a line starting with closing punctuation. Qt still wraps the
label (word wrap stays on) so its height-for-width is right while a layout settles; the explicit breaks are
chosen to fit the width the label has.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.layout import typography

SLACK = 0.5  # pixels kept free on every line: Qt measures a whole line, the rules sum its pieces

# Chinese names and terms no line may break inside (the glossary's forms), set from the content shown.
_keep: tuple[str, ...] = ()
_keeper = typography.Keeper(())


def keep_words_together(words: Iterable[str]) -> None:
    """Lines set from now on never break inside one of `words` (see `typography.keep_together`)."""
    global _keep, _keeper
    _keep = tuple(sorted(set(words)))
    _keeper = typography.Keeper(_keep)


def words_kept_together() -> tuple[str, ...]:
    return _keep


def metrics_measure(font: QFont):
    """A `typography.Measure` for `font`, remembering the width of each piece it measured."""
    metrics = QFontMetricsF(font)
    cache: dict[str, float] = {}

    def measure(text: str) -> float:
        width = cache.get(text)
        if width is None:
            width = cache[text] = metrics.horizontalAdvance(text)
        return width

    return measure


def qt_wrapped_lines(text: str, font: QFont, width: float, anywhere: bool = False) -> list[str]:
    """The lines Qt's word wrap draws `text` in at `width` pixels in `font`: each of its own lines wrapped (with
    `anywhere`, inside a word too when a word is wider than the width)."""
    lines = []
    mode = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if anywhere else QTextOption.WrapMode.WordWrap
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = layout.textOption()
        option.setWrapMode(mode)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart():line.textStart() + line.textLength()].strip())
        layout.endLayout()
    return lines


def leading(font: QFont, pitch: float) -> int:
    """The rich text line height (percent) that sets lines of `font` `pitch` times its type size apart."""
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF()
    return typography.leading_percent(pitch, size, QFontMetricsF(font).height())


# While set (by `kiosk check --breaks`, see kiosk.ui.break_probe), every text typeset is noted here with its
# lines, so the lines a painted widget draws can be read back.
recorder: list[tuple[bool, tuple[str, ...], str]] | None = None


def typeset(font: QFont, text: str, width: float, title: bool, justified: bool = False) -> typography.Lines:
    """`text` broken into lines no wider than `width` pixels in `font` (`justified`: Chinese body text set flush
    on both sides, where a kept word gives way rather than leave a line letter-spaced)."""
    measure = metrics_measure(font)
    source = text
    text = _keeper(text) if _keep else text
    if title:
        lines = typography.wrap_title(text, width - SLACK, measure)
    else:
        lines = typography.wrap(text, width - SLACK, measure, give_way=justified)
    if recorder is not None:
        recorder.append((title, lines.lines, source))
    return lines


def _latin_first(font: QFont) -> bool:
    families = font.families()
    return bool(families) and latin_family(families) == families[0]


def _compressed(line: str, latin_family_name: str) -> str:
    """A line as rich text, its opening quote (if it starts with one) from the Latin face."""
    if line[:1] in QUOTES:
        return f"<span style=\"font-family:'{latin_family_name}'\">{html.escape(line[0])}</span>{html.escape(line[1:])}"
    return html.escape(line)


# The most a scroll bar showing or hiding takes from a label's width (the loop `TypesetLabel._typeset` settles)
BOUNCE_PX = 40


class TypesetLabel(QLabel):
    """`title=True`: titles, headings, captions and labels; otherwise body text. `pitch` sets body text as rich
    text with its lines that many times the type size apart (`typography.body_pitch`). `justify=True`: body text
    in Chinese is set flush on both sides (see `_text_for`); a lead or note stays ragged."""

    def __init__(
        self, parent: QWidget | None = None, title: bool = True, pitch: float | None = None, justify: bool = False
    ):
        super().__init__(parent)
        self._source = ""
        self._lines: list[str] = []
        self._title = title
        self._pitch = pitch
        self._justify = justify and not title
        self._laid_out_for: tuple[int, str, str] | None = None
        # Widths this text was set for lately, and whether a setting is under way: see `_typeset`.
        self._recent: list[tuple[int, str, str]] = []
        self._busy = False
        self._again = False
        self._heights: dict[tuple, int] = {}  # heightForWidth at widths the label does not have
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if pitch is not None:
            self.setTextFormat(Qt.TextFormat.RichText)
        else:
            self.setTextFormat(Qt.TextFormat.PlainText)

    def set_source(self, text: str) -> None:
        """Show `text`, broken by the rules for the label's width."""
        if text == self._source and self._laid_out_for is not None:
            return  # already set: setting it again would look like a width it keeps going back to (`_typeset`)
        self._source = text
        self._laid_out_for = None
        self._typeset()

    def source(self) -> str:
        return self._source

    def set_pitch(self, pitch: float) -> None:
        if pitch == self._pitch:
            return
        self._pitch = pitch
        self._laid_out_for = None
        self._typeset()

    def lines(self) -> list[str]:
        """The lines as set."""
        return list(self._lines)

    def is_title(self) -> bool:
        return self._title

    def setFont(self, font: QFont) -> None:
        super().setFont(font)
        self._laid_out_for = None
        self._typeset()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._typeset()

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * max(0, self.margin()) - max(0, self.indent())

    def _typeset(self) -> None:
        """Set the text for the label's width.

        In a scroll area whose bar shows only when needed, new lines can show the bar, which narrows the label,
        which sets fewer lines, which hides the bar... Qt answers each step at once, inside the previous one, so
        that loop overflowed the stack (a crash opening a timeline card whose text just fits). So a width asked
        for while a setting is under way is set after it, once; and a label that keeps going back and forth
        between widths a scroll bar apart settles on the narrower (its lines then fit both)."""
        if self._busy:
            if not self._again:
                self._again = True
                QTimer.singleShot(0, self, self._typeset_again)  # not after the label is gone
            return
        width = self._room()
        key = (width, self._source, self.font().key() + str(len(_keep)))
        if key == self._laid_out_for:
            return
        same_text = [k for k in self._recent if k[1:] == key[1:]]
        if key in same_text and len(same_text) >= 2:  # back to a width it had: bouncing between widths
            # Only widths a scroll bar apart are that loop, and only the ones it is going back and forth between
            # now: a label laid out at a sliver before its page was, then at its real width, is set for the width
            # it has.
            width = min([width] + [k[0] for k in same_text[-2:] if abs(k[0] - width) <= BOUNCE_PX])
            key = (width, key[1], key[2])
            if key == self._laid_out_for:
                return
        self._recent = [*same_text[-3:], key]
        self._laid_out_for = key
        self._busy = True
        try:
            self._set_for(width)
        finally:
            self._busy = False

    def _typeset_again(self) -> None:
        self._again = False
        self._typeset()

    def _set_for(self, width: int) -> None:
        if width <= 0 or not self._source:
            lines = self._source.split("\n") if self._source else []
            ends = set(range(len(lines)))
        else:
            lines, ends = self._lines_at(width)
        self._lines = lines
        self._show(*self._text_for(lines, ends, width))

    def _lines_at(self, width: int) -> tuple[list[str], set[int]]:
        """The lines set at `width`, and which of them end a paragraph."""
        lines: list[str] = []
        ends: set[int] = set()
        for paragraph in self._source.split("\n"):  # a line break in the source is kept
            justified = self._justify and typography.is_chinese(self._source)
            lines += typeset(self.font(), paragraph, width, self._title, justified).lines or [""]
            ends.add(len(lines) - 1)
        return lines, ends

    def _compress(self, lines: list[str]) -> bool:
        # A full-width opening quote at the start of a line loses its empty left half (Chinese typesetting
        # compresses line-initial punctuation): it is taken from the proportional Latin face.
        return any(line[:1] in QUOTES for line in lines) and not _latin_first(self.font())

    def _text_for(self, lines: list[str], ends: set[int], width: int) -> tuple[bool, str]:
        """(rich text?, the text) that shows `lines` set at `width`. Body text in Chinese is justified: each line
        but a paragraph's last is spread to the width (`typography.justify`), as a Chinese book sets it; English
        stays ragged right."""
        compress = self._compress(lines)
        latin = latin_family(self.font().families())
        justified: dict[int, list[tuple[str, float]]] = {}
        if self._justify and typography.is_chinese(self._source):
            measure = metrics_measure(self.font())
            quote = metrics_measure(_with_latin_first(self.font(), latin)) if compress else measure
            em = float(self.font().pixelSize() if self.font().pixelSize() > 0 else self.font().pointSizeF())
            for i, line in enumerate(lines):
                if i in ends or not line:
                    continue
                natural = quote(line[0]) + measure(line[1:]) if compress and line[:1] in QUOTES else measure(line)
                runs = typography.justify(line, natural, width - SLACK, em)
                if runs is not None:
                    justified[i] = runs
        if self._pitch is None and not compress and not justified:
            return False, "\n".join(lines)
        body = "<br>".join(
            _justified_html(justified[i], latin if compress else "") if i in justified
            else _compressed(line, latin) if compress else html.escape(line)
            for i, line in enumerate(lines)
        )
        if self._pitch is not None:
            body = f'<p style="line-height:{leading(self.font(), self._pitch)}%">{body}</p>'
        return True, body

    def _show(self, rich: bool, text: str) -> None:
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        if text != self.text():
            self.setText(text)

    def heightForWidth(self, width: int) -> int:
        """The height of the lines the rules set at `width` (and the label's pitch), not of Qt's wrap of the
        lines set for the width it has: a card asks how tall it wants to be at a width it does not have yet."""
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right() - 2 * max(0, self.margin()) - max(0, self.indent())
        if room <= 0 or not self._source or self._laid_out_for is None or room == self._laid_out_for[0]:
            return super().heightForWidth(width)
        key = (room, *self._laid_out_for[1:], self._pitch)
        if key not in self._heights:
            if len(self._heights) > 8:
                self._heights.clear()
            lines, ends = self._lines_at(room)
            self._heights[key] = _text_height(self.font(), *self._text_for(lines, ends, room), room)
        return self._heights[key] + margins.top() + margins.bottom() + 2 * max(0, self.margin())


def _with_latin_first(font: QFont, latin: str) -> QFont:
    out = QFont(font)
    out.setFamilies([latin, *font.families()])
    return out


def _justified_html(runs: list[tuple[str, float]], quote_family: str) -> str:
    """A justified line as rich text: each run with the letter spacing its characters take after them; with
    `quote_family`, an opening quote that starts the line is taken from that (Latin) face."""
    out = []
    for n, (text, spacing) in enumerate(runs):
        style = f"letter-spacing:{spacing:.3f}px;" if spacing else ""
        if n == 0 and quote_family and text[:1] in QUOTES:
            out.append(f"<span style=\"font-family:'{quote_family}';{style}\">{html.escape(text[0])}</span>")
            text = text[1:]
        if text:
            out.append(f'<span style="{style}">{html.escape(text)}</span>' if style else html.escape(text))
    return "".join(out)


def label_document(font: QFont, text: str, width: float, rich: bool = True) -> QTextDocument:
    """`text` laid out at `width` as a word-wrapped QLabel lays it out (no margin around the text)."""
    document = QTextDocument()
    document.setDefaultFont(font)
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)
    document.rootFrame().setFrameFormat(frame)
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setTextWidth(width)
    return document


def _text_height(font: QFont, rich: bool, text: str, width: int) -> int:
    """The height of `text` wrapped at `width`, measured as QLabel measures it."""
    if not rich:  # a line's height is not a whole number of pixels: measured as a whole
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1_000_000), flags, text).height()
    document = label_document(font, text, width)
    return math.ceil(document.size().height())


QUOTES = "“”‘’"


def display_title_html(text: str, latin_family: str) -> str:
    """A display title as rich text, its curly quotes taken from the proportional Latin face: a Chinese face's
    full-width quote leaves half an em of air inside the quotation (“融”出 reads as “ 融 ” 出 at display size)."""
    out = []
    for ch in text:
        escaped = html.escape(ch)
        out.append(f"<span style=\"font-family:'{latin_family}'\">{escaped}</span>" if ch in QUOTES else escaped)
    return "".join(out)


def hang_width(font: QFont, latin_family: str, text: str) -> int:
    """How far a display title's opening quote hangs into the margin (0 if it starts with a character), so its
    first character lines up with the text below it."""
    opener = typography.hanging_opener(text)
    if not opener:
        return 0
    hung = QFont(font)
    if opener in QUOTES:
        hung.setFamilies([latin_family, *font.families()])
    return round(QFontMetricsF(hung).horizontalAdvance(opener))


def latin_family(families: tuple[str, ...] | list[str]) -> str:
    """The proportional Latin face among the theme's families (the first that is not a CJK face)."""
    latin = [f for f in families if "SC" not in f and "CJK" not in f]
    return latin[0] if latin else (families[0] if families else "")


class DisplayTitleLabel(QLabel):
    """A display title (the exhibition's name on the home screen and the foreword): broken by the typography
    rules for its width, its curly quotes from the proportional Latin face (`display_title_html`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._source = ""
        self._laid_out_for: tuple[int, str, str] | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def set_source(self, text: str) -> None:
        self._source = text
        self._laid_out_for = None
        self._typeset()

    def source(self) -> str:
        return self._source

    def setFont(self, font: QFont) -> None:
        super().setFont(font)
        self._laid_out_for = None
        self._typeset()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._typeset()

    def _typeset(self) -> None:
        width = self.contentsRect().width() - max(0, self.indent())
        key = (width, self._source, self.font().key() + str(len(_keep)))
        if key == self._laid_out_for:
            return
        self._laid_out_for = key
        latin = latin_family(self.font().families())
        lines = typeset(self.font(), self._source, width, title=True).lines if width > 0 else (self._source,)
        text = "<br>".join(display_title_html(line, latin) for line in lines)
        if text != self.text():
            self.setText(text)
