"""Cards quote the source honestly: every Chinese text of a map card, a timeline event and a section paragraph
is the source's whole sentences, or marks each cut with "……".

A text is split at its "……" marks into pieces. Each piece must be verbatim in one paragraph (or photo caption)
of the source, after the content's normalisation (punctuation full-width, no whitespace). A piece that is not
preceded by "……" must start where a source sentence starts; one that is not followed by "……" must end where a
source sentence ends (。！？, a closing quote after one, or the end of the paragraph). So a sentence cut short
and closed with "。" where the source goes on with "，" or "；" fails, and so do sentences from different places
joined without a mark.
"""

from __future__ import annotations

import pytest

from kiosk.content import Exhibition

from .test_content_source import CAPTIONS, body_paragraphs, exhibition, norm, seed_paragraphs  # noqa: F401 - `exhibition` is a fixture

MARK = "……"
ENDS = "。！？"
CLOSING = "”’"


def source_units() -> list[str]:
    """The source's paragraphs and photo captions, normalised as the content is."""
    return [norm(p) for p in seed_paragraphs()] + [norm(c) for c in CAPTIONS]


def _starts_sentence(unit: str, at: int) -> bool:
    if at == 0 or unit[at - 1] in ENDS:
        return True
    return unit[at - 1] in CLOSING and at >= 2 and unit[at - 2] in ENDS


def _ends_sentence(unit: str, end: int) -> bool:
    if end == len(unit) or unit[end - 1] in ENDS:
        return True
    return unit[end - 1] in CLOSING and end >= 2 and unit[end - 2] in ENDS


def quote_problems(text: str, units: list[str]) -> list[str]:
    """What is wrong with `text` as a quotation of the source; empty when it is honest."""
    pieces = norm(text).split(MARK)
    problems = []
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        cut_before, cut_after = index > 0, index < len(pieces) - 1
        verbatim = False
        bad_start = bad_end = True
        for unit in units:
            at = unit.find(piece)
            while at >= 0:
                verbatim = True
                end = at + len(piece)
                start_ok = cut_before or _starts_sentence(unit, at)
                end_ok = cut_after or _ends_sentence(unit, end)
                if start_ok and end_ok:
                    break
                bad_start, bad_end = bad_start and not start_ok, bad_end and not end_ok
                at = unit.find(piece, at + 1)
            else:
                continue
            break
        else:
            if not verbatim:
                problems.append(f"not the source's words: {piece!r}")
            else:
                where = " and ".join(w for w, bad in (("start", bad_start), ("end", bad_end)) if bad)
                problems.append(f"cut inside a sentence without {MARK} at its {where or 'start or end'}: {piece!r}")
    return problems


def quoted_texts(exhibition: Exhibition) -> list[tuple[str, str]]:  # noqa: F811 - the fixture imported above
    """(where, Chinese text) of every card and paragraph that quotes the source."""
    out = []
    if exhibition.map is not None:
        out += [(f"map.toml {f.id}", f.text.zh) for f in exhibition.map.features if f.text is not None]
    if exhibition.timeline is not None:
        out += [(f"timeline.toml {e.id}", e.text.zh) for e in exhibition.timeline.events]
    out += [("paragraph", p.zh) for p in body_paragraphs(exhibition)]
    return out


def test_every_quoted_text_is_whole_sentences_or_marks_its_cuts(exhibition):  # noqa: F811 - the fixture imported above
    units = source_units()
    texts = quoted_texts(exhibition)
    assert len(texts) > 80
    wrong = [f"{where}: {problem}" for where, text in texts for problem in quote_problems(text, units)]
    assert not wrong, "\n".join(wrong)


def test_the_omission_before_the_closing_paragraph_is_kept(exhibition):  # noqa: F811 - the fixture imported above
    closing = [text for _where, text in quoted_texts(exhibition) if "回首渌口" in text]
    assert closing and all(text.startswith(MARK + "回首渌口") for text in closing)


UNITS = ["甲乙丙，丁戊己；庚辛。“壬癸。”子丑寅。"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("甲乙丙，丁戊己；庚辛。", True),  # a whole sentence
        ("甲乙丙，丁戊己。", False),  # cut at "；" and closed with "。"
        ("甲乙丙，丁戊己……", True),  # the cut marked
        ("丁戊己；庚辛。", False),  # starts inside a sentence
        ("……丁戊己；庚辛。", True),
        ("甲乙丙，……庚辛。", True),  # a cut in the middle
        ("甲乙丙，子丑寅。", False),  # joined without a mark
        ("“壬癸。”子丑寅。", True),  # sentences end inside a closing quote
        ("子丑寅。", True),  # ... and the next one starts after it
        ("甲乙丁。", False),  # not the source's words
    ],
)
def test_the_quoting_rule(text: str, ok: bool) -> None:
    assert (quote_problems(text, UNITS) == []) is ok, quote_problems(text, UNITS)
