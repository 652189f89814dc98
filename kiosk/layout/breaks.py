"""Line breaks that fall between two Chinese characters, found on screen and reported for an editor to judge.

Chinese may break between any two characters, and body text does; but a break inside a word of a title, a
caption or a label (示范 / 带) reads as a mistake. The typesetter cannot know Chinese words, so it is told them
(`words.toml` and the glossary). `kiosk check --breaks` lays out every screen at every size and hands each text's
lines to `breaks_in`; `report` prints each break once, with the characters on either side and where it was seen,
so an editor can decide: a word split in two goes into `words.toml`, a break between two words is fine.

Qt-free: the collector (`kiosk.ui.break_probe`) gives plain lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CONTEXT = 8  # characters shown on either side of a break


def ideograph(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF


@dataclass(frozen=True)
class Break:
    """One line break between two Chinese characters: the end of the line before and the start of the next."""

    before: str
    after: str
    text: str  # the whole text it is in, on one line
    kind: str  # title (titles, captions, labels) or body (paragraphs)

    def __str__(self) -> str:
        return f"…{self.before} / {self.after}…"


def _visible(line: str) -> str:
    return "".join(ch for ch in line if ch not in "\u2060\u200b\ufeff")


def breaks_in(lines: Sequence[str], kind: str = "title", source: str | None = None,
              words: Iterable[str] = ()) -> list[Break]:
    """Each break between two lines of `lines` that has a Chinese character on both sides and, in `source` (the
    text the lines were set from, when known), nothing between them: a break where the source has a space is a
    break between phrases ("提质发展 绘就精彩渌口"). A break at the edge of one of `words` (the words kept whole)
    is a break between words, and is not one of them: listing 李孝认 also says "李孝认 / 在" is fine."""
    known = tuple(words)
    shown = [_visible(line) for line in lines]
    plain = _visible(source) if source is not None else None
    text = " ".join(plain.split()) if plain is not None else "".join(line.strip() for line in shown)
    out: list[Break] = []
    at = 0
    for first, second in zip(shown, shown[1:], strict=False):
        end, start = first.rstrip(), second.lstrip()
        if plain is not None and end:
            found = plain.find(end, at)
            if found >= 0:
                at = found + len(end)
                if plain[at: at + 1].isspace():
                    continue  # the source breaks here itself
        if end and start and ideograph(end[-1]) and ideograph(start[0]) and not _at_a_word(end, start, known):
            out.append(Break(end[-CONTEXT:], start[:CONTEXT], text, kind))
    return out


def _at_a_word(before: str, after: str, words: tuple[str, ...]) -> bool:
    return any(before.endswith(w) or after.startswith(w) for w in words)


@dataclass(frozen=True)
class Sighting:
    """A break and where it was seen: the screen (`place`), the widget and the layout (language, size, mode)."""

    brk: Break
    place: str
    where: str
    layout: str


def report(sightings: Iterable[Sighting], body: bool = False) -> list[str]:
    """One line per distinct break (the same characters on either side), the layouts it was seen in after it;
    body text only when `body`. Sorted by the text, so the breaks of one title stand together."""
    seen: dict[tuple[str, str, str], list[Sighting]] = {}
    for sighting in sightings:
        if sighting.brk.kind == "body" and not body:
            continue
        key = (sighting.brk.text, sighting.brk.before, sighting.brk.after)
        seen.setdefault(key, []).append(sighting)
    lines = []
    for (_text, _before, _after), group in sorted(seen.items()):
        first = group[0]
        layouts = sorted({s.layout for s in group})
        places = sorted({s.place for s in group})
        shown = ", ".join(layouts[:4]) + (f" and {len(layouts) - 4} more" if len(layouts) > 4 else "")
        lines.append(f"{first.brk}  in “{_short(first.brk.text)}” ({first.brk.kind}; {', '.join(places[:3])}; "
                     f"{shown})")
    return lines


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
