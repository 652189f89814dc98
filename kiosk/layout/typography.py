"""Line breaking the way a book designer sets Chinese and English, in plain Python.

Qt breaks text wherever the width runs out. An exhibition cannot: a tile title that leaves 口 alone on its
second line, a paragraph ending in a lone "化。", a line starting with "，", "129" on one line and "个" on the
next all look careless from across a hall. The rules here decide where lines break; a widget measures text
with its own font (an injected `Measure`, Qt's QFontMetricsF at the edge) and sets the lines it is given.

The text is cut into *pieces* that never break inside:
- a Latin word, a number, or a run like "1+5+N" or "10—20" (with whatever non-CJK punctuation touches it);
- one CJK character, with the closing punctuation after it and the opening punctuation before it
  (kinsoku: no line starts with ，。、；：？！）」』》〉”’… or ends with （「『《〈“‘);
- a number with the CJK unit after it ("129个", "5000万元", "2018年", "1234平方米"), or with a unit after a space
  ("35 万", "109 km", "3.2 km²", "1234567890 m²", "50 million"): the space stays inside the piece;
- anything an editor joined with U+2060 WORD JOINER or a no-break space U+00A0.
A compound joined by hyphens ("infrastructure-modernisation") is pieces too, broken after a hyphen only when it
is wider than the line (a weak break, like one inside a Chinese word).

A break after a piece is *strong* at a space, after punctuation, or at a U+200B ZERO WIDTH SPACE an editor
put there; between two CJK characters it is *weak* (it may split a word: Chinese marks no word boundaries).
Titles break at strong breaks only while each phrase fits, so “提质发展 绘就精彩渌口” breaks at its space, and
their lines are balanced (similar lengths). Every kind of text keeps more than one CJK character, or more than
one short English word, on its last line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

Measure = Callable[[str], float]

# Kinsoku: characters that may not start a line (closing punctuation, stops, small marks) …
CLOSE = set("，。、；：？！）」』》〉】〕”’…·・%％,.;:?!)]}>›»‰℃°") | {"\u3009", "\u300b"}
# … and characters that may not end one (opening brackets and quotes).
OPEN = set("（「『《〈【〔“‘([{<‹«")
# Punctuation after which a title may break between its phrases.
PHRASE_END = set("，。、；：？！）」』》〉】”·・—,.;:?!)")
# CJK characters that measure what a number counts: they stay with the number before them.
UNITS = set("万亿千百十元角分钟个家户名人位座条所处项次件台辆艘吨亩公米里克度号年月日时秒岁倍成批期届栋间套张%％平方顷")
# Latin units and counting words that stay on the line of the number before them, across the space between
# (compared without the punctuation that may follow them: "km²," is "km²").
LATIN_UNITS = {
    "mm", "cm", "m", "km", "m²", "km²", "m2", "km2", "m³", "m3", "ha", "mu", "g", "kg", "t", "km/h", "kW", "kWh",
    "MW", "GW", "%", "°C", "℃", "yuan", "RMB", "hundred", "thousand", "million", "billion", "trillion",
}
SCALES = {"hundred", "thousand", "million", "billion", "trillion"}  # "50 million yuan" stays together
JOINERS = {"\u2060", "\u00a0", "\u202f", "\ufeff"}  # editors' "never break here" (shown as nothing / a space)
BREAK_HINT = "\u200b"  # an editor's "break here if you must"

# The measure of readable body text: characters per line.
MEASURE_ZH = 40
MEASURE_EN = 72  # of an average sample: lines of real prose, with narrower letters, run to ~75
ENGLISH_SAMPLE = "The quick brown fox jumps over the lazy dog, then rests in the shade. "


@dataclass(frozen=True)
class Piece:
    text: str  # as shown
    space_after: bool  # a space follows it (dropped when a line ends there)
    strong: bool  # a break after it falls between words or phrases, not inside a word
    phrase: bool = False  # … and between phrases: after punctuation, or at a space between Chinese words


def _ideograph(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF


def _breaks_alone(ch: str) -> bool:
    """A character that is a piece of its own (a CJK character or CJK punctuation), not part of a word run."""
    code = ord(ch)
    return _ideograph(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or ch in OPEN or ch in CLOSE


def _atoms(text: str) -> list[tuple[str, str]]:
    """(atom, what follows it: "" nothing, " " a space, "j" a joiner, "b" an editor's break hint)."""
    atoms: list[tuple[str, str]] = []
    run = ""

    def end_run(after: str = "") -> None:
        nonlocal run
        if run:
            atoms.append((run, after))
            run = ""

    def mark(after: str) -> None:
        if run:
            end_run(after)
        elif atoms:
            atom, prev = atoms[-1]
            atoms[-1] = (atom, prev if prev == "j" else after)

    for ch in text:
        if ch in JOINERS:
            if ch == "\u00a0" or ch == "\u202f":
                run += ch  # a visible no-break space: part of the piece
                continue
            mark("j")
        elif ch == BREAK_HINT:
            mark("b")
        elif ch.isspace():
            mark(" ")
        elif _breaks_alone(ch):
            end_run()
            atoms.append((ch, ""))
        else:
            run += ch
    end_run()
    return atoms


_HYPHEN = re.compile(r"(?<=[^\W\d_]{2}-)(?=[^\W\d_]{2})")  # inside "infrastructure-modernisation"


def _hyphenated(atoms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Atoms split after each hyphen that joins two words of a compound ("h": a line may break there, as a weak
    break, when the compound is wider than the line)."""
    out: list[tuple[str, str]] = []
    for atom, after in atoms:
        parts = _HYPHEN.split(atom)
        out += [(part, "h") for part in parts[:-1]] + [(parts[-1], after)]
    return out


def _numeric(atom: str) -> bool:
    return any(c.isdigit() for c in atom) and not _ideograph(atom[-1])


def segment(text: str) -> list[Piece]:
    """Cut `text` into pieces that never break inside (see the module's docstring)."""
    atoms = _hyphenated(_atoms(text))
    pieces: list[Piece] = []
    current = ""
    for index, (atom, after) in enumerate(atoms):
        nxt = atoms[index + 1][0] if index + 1 < len(atoms) else ""
        current += atom
        if nxt and after in ("", "j") and (after == "j" or _glued(current, atom, nxt)):
            continue
        if nxt and after == " " and _unit_word(nxt) and (_numeric(atom) or (atom in SCALES and _numeric(current))):
            current += " "  # "109 km": the number keeps its unit, the space between them shown
            continue
        strong = after in (" ", "b") or current[-1] in PHRASE_END or not nxt
        phrase = (after == "b" or current[-1] in PHRASE_END or not nxt
                  or (after == " " and (_ideograph(current[-1]) or _ideograph(nxt[0]))))
        pieces.append(Piece(current, after == " ", strong, phrase))
        current = ""
    return pieces


def _glued(current: str, atom: str, nxt: str) -> bool:
    """No break between `atom` (the end of the piece so far, `current`) and the atom `nxt` after it."""
    return (
        nxt[0] in CLOSE
        or atom[-1] in OPEN
        or (_numeric(atom) and nxt[0] in UNITS)
        or (atom[-1] in UNITS and nxt[0] in UNITS and _numeric_before(current))
        or (atom in ".,:" and current[-2:-1].isdigit() and nxt[0].isdigit())  # "3.2", "1,234", "10:30"
        or (atom == nxt == "—")  # the Chinese dash is two characters: never split
        or (not _breaks_alone(atom[-1]) and not _breaks_alone(nxt[0]))  # two runs with nothing between
    )


def _unit_word(atom: str) -> bool:
    """`atom` (what follows a number and a space) is a unit: a CJK unit character ("万") or a Latin unit."""
    return atom[0] in UNITS or atom.rstrip(",.;:?!)]}’”") in LATIN_UNITS


def _numeric_before(current: str) -> bool:
    """`current` is a number followed only by unit characters so far ("5000万" before "元", "35 万" before "人")."""
    stripped = current.rstrip("".join(UNITS)).rstrip(" ")
    return bool(stripped) and stripped[-1].isdigit()


# lines -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lines:
    lines: tuple[str, ...]
    widths: tuple[float, ...]
    fits: bool  # every line within the width
    clean: bool  # no line broke inside a phrase (titles: only at spaces and punctuation), no word left alone

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


class _Measured:
    """Pieces with their widths; the width of a run of pieces is the sum (with spaces between)."""

    def __init__(self, pieces: Sequence[Piece], measure: Measure):
        self.pieces = list(pieces)
        self.widths = [measure(p.text) for p in self.pieces]
        self.space = measure(" ") if any(p.space_after for p in self.pieces) else 0.0
        # running sums, each piece with the space after it: any run's width in constant time
        self._sums = [0.0]
        for piece, width in zip(self.pieces, self.widths, strict=True):
            self._sums.append(self._sums[-1] + width + (self.space if piece.space_after else 0.0))

    def width(self, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        trailing = self.space if self.pieces[end - 1].space_after else 0.0
        return self._sums[end] - self._sums[start] - trailing

    def text(self, start: int, end: int) -> str:
        out = ""
        for i in range(start, end):
            out += self.pieces[i].text
            if i < end - 1 and self.pieces[i].space_after:
                out += " "
        return out


def _greedy(m: _Measured, width: float, allowed: Callable[[int], bool]) -> list[int]:
    """Break positions (exclusive ends of lines) filling each line as far as it goes."""
    ends: list[int] = []
    start = 0
    n = len(m.pieces)
    while start < n:
        end = start + 1
        last_ok = None
        while end <= n:
            if m.width(start, end) > width:
                break
            if end == n or allowed(end - 1):
                last_ok = end
            end += 1
        if last_ok is None:  # nothing fits: take up to the next allowed break, overflowing
            last_ok = start + 1
            while last_ok < n and not allowed(last_ok - 1):
                last_ok += 1
        ends.append(last_ok)
        start = last_ok
    return ends


def _balanced(m: _Measured, width: float, allowed: Callable[[int], bool], count: int,
              last_from: Callable[[int], bool] | None = None) -> list[int] | None:
    """The `count`-line breaking whose longest line is shortest (ties: most even), each line within `width` (and
    its last line starting at a piece `last_from` allows, if given); None if there is none."""
    n = len(m.pieces)
    inf = float("inf")
    # best[k][i]: (longest line, sum of squares) breaking pieces[:i] into k lines
    best: list[dict[int, tuple[float, float, int]]] = [{0: (0.0, 0.0, -1)}]
    for k in range(1, count + 1):
        layer: dict[int, tuple[float, float, int]] = {}
        for i in range(1, n + 1):
            if i < n and not allowed(i - 1):
                continue
            choice = (inf, inf, -1)
            for j, (longest, squares, _) in best[k - 1].items():
                if j >= i or (last_from is not None and k == count and i == n and not last_from(j)):
                    continue
                w = m.width(j, i)
                if w > width:
                    continue
                cand = (max(longest, w), squares + w * w, j)
                if cand[:2] < choice[:2]:
                    choice = cand
            if choice[2] >= 0 or (choice[0] < inf):
                layer[i] = choice
        best.append(layer)
    if n not in best[count]:
        return None
    ends = [n]
    i = n
    for k in range(count, 1, -1):
        i = best[k][i][2]
        ends.append(i)
    return sorted(ends)


def _lone(m: _Measured, start: int, end: int, short_word: int, least: int) -> bool:
    """A last line that would look abandoned: fewer than `least` CJK characters (with their punctuation), or
    one short word."""
    text = m.text(start, end)
    ideographs = sum(1 for c in text if _ideograph(c))
    if ideographs:
        return ideographs < least
    words = text.split()
    return len(words) == 1 and len(words[0].strip(".,;:!?")) <= short_word


def _fix_last_line(m: _Measured, ends: list[int], width: float, allowed: Callable[[int], bool],
                   short_word: int, least: int = 2) -> list[int]:
    """Pull pieces down from the line before until the last line is not a lone character or word."""
    ends = list(ends)
    for _ in range(3):
        if len(ends) < 2:
            return ends
        start = ends[-3] if len(ends) >= 3 else 0
        if not _lone(m, ends[-2], ends[-1], short_word, least):
            return ends
        moved = ends[-2] - 1
        while moved > start + 1 and not allowed(moved - 1):
            moved -= 1
        if moved <= start or not allowed(moved - 1) or m.width(moved, ends[-1]) > width:
            return ends
        ends[-2] = moved
    return ends


def _lines(m: _Measured, ends: list[int], width: float, clean: bool) -> Lines:
    starts = [0, *ends[:-1]]
    texts = tuple(m.text(s, e) for s, e in zip(starts, ends, strict=True))
    widths = tuple(m.width(s, e) for s, e in zip(starts, ends, strict=True))
    return Lines(texts, widths, all(w <= width + 0.01 for w in widths), clean)


def keep_together(text: str, words: Iterable[str]) -> str:
    """`text` with each of `words` (Chinese names and terms, longest first) joined by U+2060 so no line breaks
    inside it: Chinese marks no words, so without a list "渌口区" can break as "渌口 / 区". Only words of 2 to 6
    characters are kept whole (a longer one must still be able to break in a narrow box)."""
    return Keeper(words)(text)


class Keeper:
    """`keep_together` for one list of words, read once: a text is scanned once, looking up only where a word can
    start, and remembered (a title is typeset again at each size tried and each width a layout passes through)."""

    CACHE = 4096  # texts remembered: the content has a few hundred

    def __init__(self, words: Iterable[str]):
        kept = {w for w in words if 2 <= len(w) <= MAX_KEPT and "\u2060" not in w}
        self._words = frozenset(kept)
        self._lengths: dict[str, tuple[int, ...]] = {}  # first character -> word lengths, longest first
        self._done: dict[str, str] = {}
        for word in kept:
            self._lengths[word[0]] = tuple(sorted({len(word), *self._lengths.get(word[0], ())}, reverse=True))

    def __call__(self, text: str) -> str:
        if not self._words:
            return text
        done = self._done.get(text)
        if done is None:
            if len(self._done) >= self.CACHE:
                self._done.clear()
            done = self._done[text] = self._joined(text)
        return done

    def _joined(self, text: str) -> str:
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            for length in self._lengths.get(text[i], ()):
                if text[i: i + length] in self._words:
                    out.append("\u2060".join(text[i: i + length]))
                    i += length
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


MAX_KEPT = 6
TITLE_WORD = 1000  # in a title, a word of any length is alone on a last line


GIVE_WAY_EM = 1.5  # in justified Chinese, a kept word that would leave its line more characters short than
# this is broken instead (Chinese body text may break between any two characters; the room left would be spread
# between the line's characters and read as letter-spaced)
LEAD_CHARACTERS = 60  # a paragraph no longer than this reads as a lead (a section's opening sentence, set large,
# read from across the room): its kept words stay whole, as a title's do (`kiosk check --breaks` judges it so)


def wrap(text: str, width: float, measure: Measure, short_word: int = 4, give_way: bool = False) -> Lines:
    """Body text: fill each line, then make sure the last line is more than a stray word: at least three CJK
    characters (a paragraph ending "化。" reads as a mistake), or more than one short English word. With
    `give_way` (justified Chinese), a kept word (`keep_together`) breaks where keeping it whole would leave its
    line more than `GIVE_WAY_EM` characters short, unless the paragraph is a lead (`LEAD_CHARACTERS`)."""
    if not text:
        return Lines((), (), True, True)
    m = _Measured(segment(text), measure)
    filled = _greedy(m, width, _anywhere)

    def finish(m: _Measured, filled: list[int], least: int) -> tuple[_Measured, list[int]]:
        return m, _spread_slack(m, _fix_last_line(m, filled, width, _anywhere, short_word, least), width)

    m, ends = finish(m, filled, 3)
    if give_way and _looser(m, ends, width) > GIVE_WAY_EM * measure("中"):
        # Justified, a line left short is spread. In turn: the kept words whole and three characters on the last
        # line; two there ("迈进。" is no lone character, and a two-line paragraph has only one line to take a
        # third from); a kept word broken. The first that leaves no line too loose, else the least loose.
        candidates = [(m, ends), finish(m, filled, 2)]
        if len(text) - sum(text.count(ch) for ch in "\u2060\u200b\ufeff") > LEAD_CHARACTERS:  # joiners unseen
            candidates.append(finish(*_give_way(m, filled, width, measure), 3))
        looseness = [_looser(*c, width) for c in candidates]
        fine = [c for c, loose in zip(candidates, looseness, strict=True) if loose <= GIVE_WAY_EM * measure("中")]
        m, ends = fine[0] if fine else candidates[looseness.index(min(looseness))]
    return _lines(m, ends, width, True)


def _looser(m: _Measured, ends: list[int], width: float) -> float:
    """How far the loosest line but the last falls short of `width` (0 for a single line)."""
    starts = [0, *ends[:-1]]
    return max((width - m.width(s, e) for s, e in zip(starts[:-1], ends[:-1], strict=True)), default=0.0)


def _give_way(m: _Measured, ends: list[int], width: float, measure: Measure) -> tuple[_Measured, list[int]]:
    """Break open, one at a time, each kept word that starts a line and left the line before more than
    `GIVE_WAY_EM` characters short, and fill the lines again."""
    limit = GIVE_WAY_EM * measure("中")
    for _ in range(len(m.pieces)):
        starts = [0, *ends[:-1]]
        split = next((end for start, end in zip(starts[:-1], ends[:-1], strict=True)
                      if width - m.width(start, end) > limit and _kept_word(m.pieces[end].text)), None)
        if split is None:
            break
        piece = m.pieces[split]
        parts = segment(piece.text)  # its joiners were read when it was cut: now it breaks anywhere
        parts[-1] = replace(parts[-1], space_after=piece.space_after, strong=piece.strong, phrase=piece.phrase)
        m = _Measured([*m.pieces[:split], *parts, *m.pieces[split + 1:]], measure)
        ends = _greedy(m, width, _anywhere)
    return m, ends


def _kept_word(text: str) -> bool:
    """A piece that is a kept word (two Chinese characters side by side only stay together joined), not a
    number with its unit ("10—20分钟")."""
    return not any(ch.isdigit() for ch in text) and any(
        _ideograph(a) and _ideograph(b) for a, b in zip(text, text[1:], strict=False))


def _spread_slack(m: _Measured, ends: list[int], width: float) -> list[int]:
    """Hand the room a last line's pull left on the line above it up the paragraph, a piece a line: a justified
    line spreads its slack between its characters, so one line two or three characters short reads as
    letter-spaced, where two or three lines one character short each look set. A piece moves down to the line
    below only when that makes the looser of the two lines tighter; the last line is never changed."""
    ends = list(ends)
    for _ in range(len(ends)):
        changed = False
        for i in range(len(ends) - 2, 0, -1):  # line i takes the last piece of line i - 1
            start_prev = ends[i - 2] if i >= 2 else 0
            start, end = ends[i - 1], ends[i]
            if start - 1 <= start_prev:
                continue
            before = max(width - m.width(start_prev, start), width - m.width(start, end))
            if m.width(start - 1, end) > width:
                continue
            after = max(width - m.width(start_prev, start - 1), width - m.width(start - 1, end))
            if after < before - 0.01:
                ends[i - 1] = start - 1
                changed = True
        if not changed:
            break
    return ends


def _anywhere(_: int) -> bool:
    return True


def wrap_title(text: str, width: float, measure: Measure, short_word: int = 4) -> Lines:
    """A title, tile title, card title or figure label: broken between its phrases (at spaces and punctuation)
    while every phrase fits a line, inside a phrase only when one does not; in as few lines as that allows,
    balanced to similar lengths."""
    if not text:
        return Lines((), (), True, True)
    m = _Measured(segment(text), measure)
    if m.width(0, len(m.pieces)) <= width:
        return _lines(m, [len(m.pieces)], width, True)
    strong = [p.strong for p in m.pieces]

    def phrases(i: int) -> bool:
        return strong[i]

    ends = _greedy(m, width, phrases)
    if _lines(m, ends, width, True).fits:
        # Between phrases (after "：", "·", at a Chinese title's space) rather than between any two words,
        # when that takes no more lines: "Higher-Quality Growth: / Painting a Brighter Lukou"
        # A last line of more than one word ("Building a / Harmonious Lukou", not "Building a Harmonious / Lukou")
        # where such a breaking exists.
        n = len(m.pieces)

        def not_alone(j: int) -> bool:
            return not _lone(m, j, n, TITLE_WORD, 2)

        phrase = [p.phrase for p in m.pieces]
        balanced = (_balanced(m, width, phrase.__getitem__, len(ends), not_alone)
                    or _balanced(m, width, phrases, len(ends), not_alone)
                    or _balanced(m, width, phrase.__getitem__, len(ends))
                    or _balanced(m, width, phrases, len(ends)) or ends)
        balanced = _fix_last_line(m, balanced, width, phrases, short_word)
        # A word left alone all the same says a smaller size would set the title better (`Lines.clean`).
        alone = len(balanced) > 1 and not not_alone(balanced[-2])
        return _lines(m, balanced, width, not alone)
    # A phrase wider than the line: break inside it too, still balanced.
    ends = _greedy(m, width, _anywhere)
    balanced = _balanced_preferring(m, width, strong, len(ends)) or ends
    balanced = _fix_last_line(m, balanced, width, _anywhere, short_word)
    return _lines(m, balanced, width, False)


def _balanced_preferring(m: _Measured, width: float, strong: list[bool], count: int) -> list[int] | None:
    """Balanced lines that break at as many phrase boundaries as they can: first try keeping each phrase
    that fits whole (breaking only inside the ones that do not), then break anywhere."""
    too_wide = _phrase_too_wide(m, strong, width)

    def inside_wide_phrases(i: int) -> bool:
        return strong[i] or too_wide[i]

    return _balanced(m, width, inside_wide_phrases, count) or _balanced(m, width, _anywhere, count)


def _phrase_too_wide(m: _Measured, strong: list[bool], width: float) -> list[bool]:
    """Per piece: whether the phrase it belongs to is wider than `width` (so may break inside)."""
    result = [False] * len(strong)
    start = 0
    for i, is_strong in enumerate(strong):
        if is_strong or i == len(strong) - 1:
            wide = m.width(start, i + 1) > width
            for j in range(start, i + 1):
                result[j] = wide
            start = i + 1
    return result


# display titles ---------------------------------------------------------------------------------------------


def hanging_opener(text: str) -> str:
    """The opening quote or bracket a display title starts with, set into the margin so the title's first
    character aligns with the text below (optical alignment); "" when it starts with a character."""
    return text[0] if text and text[0] in OPEN else ""


# measure ---------------------------------------------------------------------------------------------------


def readable_width(measure: Measure, lang: str) -> float:
    """The widest body text line that stays readable: ~40 Chinese characters or ~75 English ones."""
    if lang == "zh":
        return MEASURE_ZH * measure("渌")
    return MEASURE_EN * measure(ENGLISH_SAMPLE) / len(ENGLISH_SAMPLE)


# leading ---------------------------------------------------------------------------------------------------

# How far apart body lines sit, as a multiple of the type size: square, dense Chinese wants more air between
# its lines than English does. Notes (glossary entries, credits), set smaller, sit a little closer.
BODY_PITCH_ZH = 1.75
BODY_PITCH_EN = 1.5
NOTE_PITCH_ZH = 1.6
NOTE_PITCH_EN = 1.4


def body_pitch(lang: str, note: bool = False) -> float:
    """The line pitch (a multiple of the type size) for body text in `lang`."""
    if lang == "zh":
        return NOTE_PITCH_ZH if note else BODY_PITCH_ZH
    return NOTE_PITCH_EN if note else BODY_PITCH_EN


def leading_percent(pitch: float, type_size: float, natural_line: float) -> int:
    """The line height to ask of a rich text label, in percent, for lines `pitch` × `type_size` apart. Qt reads
    a percentage as a share of the font's own line (ascent + descent), which a CJK face already makes ~1.45× its
    type size: 170% of it set 28 px Chinese 70 px apart, nearly double-spaced."""
    return round(100 * pitch * type_size / natural_line)


# justification ----------------------------------------------------------------------------------------------

MAX_GAP_EM = 0.25  # the most a justified Chinese line widens one gap between characters (more reads as spaced
# out, a line of loose single characters over a tight one); a line that needs more stays ragged


def _cjk(ch: str) -> bool:
    code = ord(ch)
    return _ideograph(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or ch in "“”‘’"


def is_chinese(text: str) -> bool:
    """Text set as Chinese (justified), not English (ragged right): more CJK characters than Latin letters."""
    cjk = sum(1 for ch in text if _ideograph(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cjk > latin


def justify(line: str, natural: float, width: float, em: float) -> list[tuple[str, float]] | None:
    """A full line of Chinese body text spread to `width` (its own width `natural`), as a Chinese book or panel
    sets it: runs of `line` with the extra space each of their characters takes after it (letter spacing).

    The slack goes evenly into the gaps that touch a CJK character; a Latin word or number ("G107", "10.5")
    keeps its letters together, and the last character takes nothing (the line ends at the edge). None when
    the line already fills the width, or would need more than `MAX_GAP_EM` × `em` in a gap (left ragged)."""
    slack = width - natural
    shown = [i for i, ch in enumerate(line) if ch not in "\u2060\ufeff"]  # a zero-width joiner takes no gap
    gaps = [a for a, b in zip(shown, shown[1:], strict=False) if _cjk(line[a]) or _cjk(line[b])]
    if slack < 0.25 or not gaps or slack / len(gaps) > MAX_GAP_EM * em:
        return None
    spread = slack / len(gaps)
    stretched = set(gaps)
    runs: list[tuple[str, float]] = []
    for i, ch in enumerate(line):
        spacing = spread if i in stretched else 0.0
        if runs and runs[-1][1] == spacing:
            runs[-1] = (runs[-1][0] + ch, spacing)
        else:
            runs.append((ch, spacing))
    return runs
