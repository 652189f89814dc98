"""The glossary (`glossary.toml`): one English rendering for every proper name and recurring term.

`Glossary` is the validated file; `Exhibition.glossary` holds it. `check_glossary` holds the content to it: a
text whose Chinese names a term must use the term's English (or a form the glossary allows), and no English text
may use a rendering the glossary rejects. `glosses_on_screen` tells which explanations apply to the English texts
of one screen, each once, in reading order.

Matching is cheap and forgiving: English is compared case-insensitively with hyphens, dashes and runs of spaces
made one space (so "Party-building" = "party building") and a plural "s"/"es" accepted; Chinese is compared
after NFKC (full-width "＋" = "+"). Where one term's Chinese contains another's (渌口区 contains 渌口), the longer
term claims those characters and the shorter does not apply there.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from kiosk.content.base import Figure, Model, Slug, Text
from kiosk.content.problems import Problem, Severity

if TYPE_CHECKING:
    from kiosk.content.schema import Exhibition

FILE = "glossary.toml"

Kind = Literal[
    "place", "river", "road", "bridge", "lock", "zone", "company", "organisation", "office", "programme", "slogan",
    "term",
]

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SEPARATORS = re.compile(f"[\\s{re.escape(_DASHES)}]+")
_APOSTROPHES = ("\u2018", "\u2019", "\u02bc")


def normalise_en(text: str) -> str:
    """English as the checker compares it: case folded, curly apostrophes straight, hyphens/dashes/spaces one space."""
    for mark in _APOSTROPHES:  # str.replace is several times faster than str.translate here
        text = text.replace(mark, "'")
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def normalise_zh(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@functools.lru_cache(maxsize=1024)
def en_pattern(form: str) -> re.Pattern[str]:
    """A whole-word pattern for an English form, to be searched in `normalise_en` text; a plural is accepted."""
    return re.compile(r"(?<!\w)" + re.escape(normalise_en(form)) + r"(?:e?s)?(?!\w)")


def _stripped(values: list[str]) -> list[str]:
    out = []
    for value in values:
        if not value.strip():
            raise ValueError("must not contain a blank entry")
        out.append(value.strip())
    return out


class Term(Model):
    """One name or term: its Chinese form(s), its one English rendering, accepted and rejected variants, a gloss."""

    id: Slug
    kind: Kind = "term"
    zh: list[str] = Field(min_length=1, description="the Chinese as the source writes it")
    not_zh: list[str] = Field(
        default_factory=list, description="Chinese words that contain a form but are not this term (路网格局 for 网格)"
    )
    en: str = Field(min_length=1, description="the one English rendering")
    allow: list[str] = Field(default_factory=list, description="other English forms that are also right")
    avoid: list[str] = Field(default_factory=list, description="renderings that are wrong wherever they appear")
    gloss: str | None = Field(default=None, description="a short explanation for English readers")

    @field_validator("zh", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("zh", "not_zh", "allow", "avoid")
    @classmethod
    def _no_blank(cls, value: list[str]) -> list[str]:
        return _stripped(value)

    @field_validator("en", "gloss")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value.strip() if value is not None else None

    def renderings(self) -> list[str]:
        """Every English form that is right for this term: `en`, then `allow`."""
        return [self.en, *self.allow]

    def rendered_in(self, normalised_en: str) -> bool:
        return any(en_pattern(form).search(normalised_en) for form in self.renderings())


class Glossary(Model):
    """The whole `glossary.toml`."""

    severity: Literal["error", "warning"] = Field(
        default="error", description="how `kiosk check` reports a text that does not follow the glossary"
    )
    not_yet_revised: list[str] = Field(
        default_factory=list, description="content files whose English is not yet held to the glossary"
    )
    terms: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Glossary:
        ids: set[str] = set()
        owner: dict[str, str] = {}
        for term in self.terms:
            if term.id in ids:
                raise ValueError(f"term id {term.id!r} is used twice")
            ids.add(term.id)
            for form in term.zh:
                key = normalise_zh(form)
                if key in owner:
                    raise ValueError(f"Chinese {form!r} is in both term {owner[key]!r} and term {term.id!r}")
                owner[key] = term.id
        # A rejected form that a right rendering contains would make the content impossible to satisfy.
        for term in self.terms:
            for bad in term.avoid:
                for other in self.terms:
                    for good in other.renderings():
                        if en_pattern(bad).search(normalise_en(good)):
                            raise ValueError(
                                f"term {term.id!r} rejects {bad!r}, but term {other.id!r} uses {good!r}"
                            )
        return self

    def applicable(self, file: str) -> bool:
        return file not in self.not_yet_revised

    @functools.cached_property
    def _zh_forms(self) -> list[tuple[str, Term]]:
        """Every Chinese form, longest first, so a longer term claims its characters before a shorter one."""
        forms = [(normalise_zh(form), term) for term in self.terms for form in term.zh]
        return sorted(forms, key=lambda item: -len(item[0]))

    def terms_in_zh(self, text: str) -> list[Term]:
        """The terms the Chinese `text` names, in the order of the glossary, each once."""
        remaining = normalise_zh(text)
        found: dict[str, Term] = {}
        for form, term in self._zh_forms:
            if form not in remaining:
                continue
            here = remaining
            for other in term.not_zh:
                here = here.replace(normalise_zh(other), "\0" * len(other))
            if form in here:
                found.setdefault(term.id, term)
                remaining = remaining.replace(form, "\0" * len(form))
        return [term for term in self.terms if term.id in found]

    @functools.cached_property
    def _any_rejected(self) -> re.Pattern[str] | None:
        """One pattern for all rejected forms: most texts use none, and one search tells so."""
        forms = sorted({normalise_en(bad) for term in self.terms for bad in term.avoid}, key=len, reverse=True)
        if not forms:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?:e?s)?(?!\w)")

    def rejected_in_en(self, text: str, plain: str | None = None) -> list[tuple[str, Term]]:
        """The rejected forms the English `text` uses, with the term each belongs to (`plain`: the text already
        normalised, if the caller has it)."""
        plain = normalise_en(text) if plain is None else plain
        if self._any_rejected is None or not self._any_rejected.search(plain):
            return []
        found: dict[tuple[str, str], tuple[str, Term]] = {}
        for term in self.terms:
            for bad in term.avoid:
                if en_pattern(bad).search(plain):
                    found.setdefault((term.id, normalise_en(bad)), (bad, term))
        return list(found.values())


# ------------------------------------------------------------------------------------------------ the check


def _texts(value: object, path: str) -> Iterator[tuple[str, Text]]:
    """Every visible text of `value` with its field path. A figure's unit and label read as one phrase, so a
    term may sit in either; it is reported at the label."""
    if isinstance(value, Figure):
        yield f"{path}.label", Text.composed(f"{value.unit.zh}{value.label.zh}", f"{value.unit.en} {value.label.en}")
    elif isinstance(value, Text):
        yield path, value
    elif isinstance(value, Glossary):
        return
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


# Fields of `Exhibition` kept in a file of their own (besides sections/<id>.toml).
_DOCUMENTS = {"map": "map.toml", "timeline": "timeline.toml"}


def _file_of(path: str, exhibition: Exhibition) -> str:
    if match := re.match(r"sections\[(\d+)\]", path):
        return f"sections/{exhibition.sections[int(match[1])].id}.toml"
    head = path.split(".")[0].split("[")[0]
    return _DOCUMENTS.get(head, "exhibition.toml")


def _quoted(forms: Iterable[str]) -> str:
    return " or ".join(f"“{form}”" for form in forms)


def glossary_problems(exhibition: Exhibition, glossary: Glossary) -> list[Problem]:
    """Every text that does not follow `glossary`, as problems naming file, field, wrong and right rendering."""
    severity = Severity(glossary.severity)
    problems: list[Problem] = []
    verdicts: dict[tuple[str, str], list[str]] = {}  # the map repeats one source sentence on many features
    skipped = [field for field, file in _DOCUMENTS.items() if not glossary.applicable(file)]
    for path, text in _texts(exhibition.model_copy(update=dict.fromkeys(skipped)), ""):
        file = _file_of(path, exhibition)
        if not glossary.applicable(file):
            continue
        key = (text.zh, text.en)
        if key not in verdicts:
            verdicts[key] = _verdicts(glossary, text)
        problems.extend(Problem(file, f"{path}.en", message, severity) for message in verdicts[key])
    return problems


def _verdicts(glossary: Glossary, text: Text) -> list[str]:
    """What is wrong with one text, as messages."""
    messages = []
    plain = normalise_en(text.en)
    for term in glossary.terms_in_zh(text.zh):
        if not term.rendered_in(plain):
            messages.append(
                f"the Chinese names {'/'.join(term.zh)}, so the English must say {_quoted(term.renderings())}"
                f" (glossary term {term.id})"
            )
    for bad, term in glossary.rejected_in_en(text.en, plain):
        messages.append(f"“{bad}” is a rejected rendering; the glossary's is “{term.en}” (glossary term {term.id})")
    return messages


def check_glossary(exhibition: Exhibition, folder: Path) -> list[Problem]:
    """The loader's check: the content against its own `glossary.toml` (nothing when there is none)."""
    if exhibition.glossary is None:
        return []
    problems = glossary_problems(exhibition, exhibition.glossary)
    for index, name in enumerate(exhibition.glossary.not_yet_revised):
        if not (Path(folder) / name).is_file():  # a misspelt name would silently exempt nothing
            message = (
                f"no content file {name!r} (write it as in this folder, e.g. \"map.toml\" or \"sections/party.toml\")"
            )
            problems.append(Problem(FILE, f"glossary.not_yet_revised[{index}]", message, Severity.WARNING))
    return problems


# ------------------------------------------------------------------------------------------- on screen


def glosses_on_screen(glossary: Glossary | None, texts: Iterable[str]) -> list[Term]:
    """The glossed terms the English `texts` of one screen use, by first occurrence in reading order; a gloss
    shared by several terms (Lukou, Lukou District) comes once."""
    if glossary is None:
        return []
    glossed = [(index, term) for index, term in enumerate(glossary.terms) if term.gloss]
    found: list[Term] = []
    seen: set[str] = set()
    for text in texts:
        plain = normalise_en(text)
        hits: list[tuple[int, int, Term]] = []
        for index, term in glossed:
            starts = [m.start() for form in term.renderings() if (m := en_pattern(form).search(plain))]
            if starts:
                hits.append((min(starts), index, term))
        for _, _, term in sorted(hits, key=lambda hit: (hit[0], hit[1])):
            if term.gloss not in seen:
                seen.add(term.gloss or "")
                found.append(term)
    return found
