"""The vocabulary every content file shares: bilingual `Text`, the strict number types, ids, colours, and the
key `Figure`. The document models (`kiosk.content.schema` for the exhibition and its sections, `map`,
`timeline`, `glossary`) all build on these, so this module imports none of them."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationInfo, field_validator

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

Slug = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80, description="stable id: lower-case, digits, '-'")
]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="#rrggbb")]

# Numbers in content are strict: a TOML string ("129") or a boolean is an error, never silently turned into a
# number, and inf / nan (which TOML allows, and which `1e400` becomes) never reach the screen.
Finite = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Year = Annotated[int, Field(strict=True, ge=1900, le=2100)]

# A figure card shows its number big, on one line, shrinking it at most to about half size: with a unit as
# long as "million yuan" seven digits fit the narrowest card of every supported screen (1280×720 up,
# landscape and portrait; tests/ui/test_figure_limits.py measures it). Larger amounts take a larger unit
# (万, 亿 / million, billion), as the source itself writes them. Figures count up from zero and count
# things the source names, so none is negative.
MAX_FIGURE_DIGITS = 7
MAX_FIGURE = 10**MAX_FIGURE_DIGITS - 1


def _plain(number: float) -> str:
    """A number as an editor wrote it: 35,000,000 rather than 3.5e+07."""
    return f"{number:,.0f}" if float(number).is_integer() and abs(number) < 1e15 else f"{number:g}"


def _on_a_card(value: float) -> float:
    if value < 0:
        raise ValueError(f"{_plain(value)}: a figure is never negative (write a decrease as a positive number and say "
                         "so in its label)")
    if value > MAX_FIGURE:
        raise ValueError(f"{_plain(value)} is more than a figure card shows ({MAX_FIGURE_DIGITS} digits at most): "
                         "use a larger unit (万, 亿 / million, billion)")
    return value


FigureNumber = Annotated[Finite, AfterValidator(_on_a_card)]
MAX_TEXT = 5000  # characters per language: six times the longest paragraph of the source
# Paragraphs in a run (the foreword, a topic): twenty times the source's longest. A screen lays all of its text
# out when it is first opened: 100 paragraphs of 5,000 characters take seconds, 200,000 short ones never finish.
MAX_PARAGRAPHS = 100
# Control characters (other than tab, line feed and carriage return) are invisible on screen or break the layout.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates reorder the text around them (a caption could read backwards, "exe.jpg"
# as "gpj.exe"); Chinese and English content never needs them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Names Windows keeps for devices (with any extension): never a file there.
WINDOWS_DEVICE = re.compile(r"(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$")


class Model(BaseModel):
    # defer_build: a model's validator is built on its first validation, not when the class is defined, so a
    # start-up served from the content cache (kiosk.content.cache) never pays for building them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Text(Model):
    """One piece of visible text in both languages."""

    zh: str = Field(min_length=1, max_length=MAX_TEXT)
    en: str = Field(min_length=1, max_length=MAX_TEXT)

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def composed(cls, zh: str, en: str) -> Text:
        """Text the kiosk composes itself (from validated content or its own strings): not validated again,
        so making it at start-up never builds the validators that a cached start-up skips."""
        return cls.model_construct(zh=zh, en=en)

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not "".join(ch for ch in value if unicodedata.category(ch) != "Cf").strip():
            raise ValueError("must not be blank (spaces or invisible characters such as U+200B only)")
        if found := CONTROL_CHARACTERS.search(value) or BIDI_CONTROLS.search(value):
            raise ValueError(f"contains the control character U+{ord(found[0]):04X} at position {found.start()}")
        return value.strip()


class LocalNumber(Model):
    """A number written differently per language, e.g. 5000 (万元) and 50 (million yuan)."""

    zh: FigureNumber
    en: FigureNumber


class Figure(Model):
    """A key figure shown as a big number with its unit and a short label; counts up when shown."""

    # `decimals` comes first so that checking `value` can see it.
    decimals: int = Field(default=0, ge=0, le=3, strict=True)
    # One number, or a table of one per language: which one is decided by the shape, so a mistake is reported
    # once, against the form the editor meant (the tags are left out of field paths by the loader).
    value: Annotated[
        Annotated[FigureNumber, Tag("float")] | Annotated[LocalNumber, Tag("LocalNumber")],
        Discriminator(lambda v: "LocalNumber" if isinstance(v, (dict, LocalNumber)) else "float"),
    ]
    unit: Text
    label: Text

    @field_validator("value")
    @classmethod
    def _shows_as_written(cls, value: float | LocalNumber, info: ValidationInfo) -> float | LocalNumber:
        """Every figure can be shown in both languages on a card, exactly as written in the content."""
        decimals = info.data.get("decimals")
        if decimals is None:
            return value  # `decimals` itself is wrong and reported
        numbers = [("", value)] if not isinstance(value, LocalNumber) else [(" (zh)", value.zh), (" (en)", value.en)]
        for where, number in numbers:
            if round(number, decimals) != number:
                raise ValueError(
                    f"{number:g}{where} has more decimal places than decimals = {decimals}: it would show rounded"
                    f" as {_format(number, decimals, 'en')}; set decimals or write the number as it is shown"
                )
            for lang in LANGS:
                shown = _format(number, decimals, lang)
                if sum(ch.isdigit() for ch in shown) > MAX_FIGURE_DIGITS:
                    raise ValueError(
                        f"{shown}{where} has more than {MAX_FIGURE_DIGITS} digits, more than a figure card shows;"
                        " use a larger unit (万, 亿 / million, billion)"
                    )
        return value

    def number(self, lang: Lang) -> float:
        if isinstance(self.value, LocalNumber):
            return self.value.zh if lang == "zh" else self.value.en
        return self.value

    def format_number(self, lang: Lang, value: float | None = None) -> str:
        """The number as displayed; `value` lets a count-up show intermediate values in the same format."""
        return _format(self.number(lang) if value is None else value, self.decimals, lang)


def _format(number: float, decimals: int, lang: Lang) -> str:
    """A figure's number as shown: English groups thousands with commas, Chinese does not."""
    number += 0.0  # TOML allows -0.0: it shows as 0, never "-0.0"
    if decimals == 0:
        return f"{round(number):,}" if lang == "en" else f"{round(number)}"
    return f"{number:,.{decimals}f}" if lang == "en" else f"{number:.{decimals}f}"
