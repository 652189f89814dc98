"""The word list (`words.toml`): Chinese words that no line may break inside.

Chinese marks no word boundaries, so a line may break between any two characters; in a title that can split a
word in two (示范 / 带, 丰收在 / 望), which reads as a mistake from across a hall. The glossary's Chinese names
are kept whole already; this list adds the other words of the content's titles, captions and labels. Editors
keep it: `kiosk check --breaks` lays out every title, caption and label at every screen size and prints each
line break that falls between two Chinese characters, and a word that should not be split there goes into the
list (see the README, "Chinese words kept whole").

A word is 2 to `MAX_WORD` Chinese characters (a longer one must still be able to break in a narrow box; list
its parts instead). `kept_words` gives the list merged with the glossary's forms, for the typesetter
(`kiosk.layout.typography.keep_together`). `check_words` warns about a word the content does not use (a typo, or
a text that was rewritten), so the list stays the content's own.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import AfterValidator, Field, field_validator

from kiosk.content.base import Model
from kiosk.content.problems import Problem, Severity, echo

if TYPE_CHECKING:
    from kiosk.content.schema import Exhibition

FILE = "words.toml"
MIN_WORD = 2
MAX_WORD = 6  # the same as kiosk.layout.typography.MAX_KEPT: longer words are not kept whole


def _ideograph(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF


def word_problem(word: str) -> str | None:
    """Why `word` cannot be in the list, in a sentence for an editor; None when it can."""
    if not word.strip():
        return "a blank entry; remove it"
    if any(ch.isspace() for ch in word):
        return f"{echo(word)} holds a space; list one word per entry, without spaces"
    others = [ch for ch in word if not _ideograph(ch)]
    if others:
        return (f"{echo(word)} holds {echo(''.join(dict.fromkeys(others)))}, which is not a Chinese character; "
                "the list keeps Chinese words whole (numbers with their units and English words never break)")
    if len(word) < MIN_WORD:
        return f"{echo(word)} is one character; a word to keep whole has {MIN_WORD} to {MAX_WORD}"
    if len(word) > MAX_WORD:
        return (f"{echo(word)} has {len(word)} characters; a word kept whole has {MIN_WORD} to {MAX_WORD} (a longer "
                "one could not break in a narrow box): list its parts instead")
    return None


def _word(value: str) -> str:
    word = unicodedata.normalize("NFKC", value.strip())
    reason = word_problem(word)
    if reason is not None:
        raise ValueError(reason)
    return word


Word = Annotated[str, AfterValidator(_word)]


class WordList(Model):
    """`words.toml`: `words = ["示范带", "丰收在望", …]`."""

    words: list[Word] = Field(default_factory=list, description="Chinese words no line breaks inside")

    @field_validator("words")
    @classmethod
    def _once_each(cls, value: list[str]) -> list[str]:
        seen: dict[str, int] = {}
        for index, word in enumerate(value):
            if word in seen:
                raise ValueError(f"words[{index}]: {echo(word)} is listed twice (also words[{seen[word]}])")
            seen[word] = index
        return value


def kept_words(exhibition: Exhibition) -> list[str]:
    """Every Chinese word no line may break inside: the word list and the glossary's Chinese forms."""
    words = list(exhibition.words.words) if exhibition.words is not None else []
    if exhibition.glossary is not None:
        words += [form for term in exhibition.glossary.terms for form in term.zh]
    return sorted(set(words))


def check_words(exhibition: Exhibition, folder: Path) -> list[Problem]:
    """A warning for each listed word no text of the content uses."""
    if exhibition.words is None:
        return []
    text = unicodedata.normalize("NFKC", exhibition.all_text())
    return [
        Problem(FILE, f"words[{index}]", f"{echo(word)} appears in no text of the content; remove it or check its "
                "spelling", Severity.WARNING)
        for index, word in enumerate(exhibition.words.words)
        if word not in text
    ]
