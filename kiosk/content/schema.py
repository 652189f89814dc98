"""Typed, immutable models of the exhibition's content files.

Every visible word comes in both languages (`Text`); every number a visitor sees is a `Figure` whose value is
exact as printed in the source. The models describe shape only: checks that need the file system (does a
photo exist, does it decode) live in `kiosk.content.loader`.
"""

from __future__ import annotations

import datetime as dt
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
        raise ValueError(f"{_plain(value)} is more than a figure card shows ({MAX_FIGURE_DIGITS} digits at most): use a "
                         "larger unit (万, 亿 / million, billion)")
    return value


FigureNumber = Annotated[Finite, AfterValidator(_on_a_card)]
MAX_TEXT = 5000  # characters per language: six times the longest paragraph of the source
# Paragraphs in a run (the foreword, a topic): twenty times the source's longest. A screen lays all of its text
# out when it is first opened: 100 paragraphs of 5,000 characters take seconds, 200,000 short ones never finish.
MAX_PARAGRAPHS = 100
# Control characters (other than tab, line feed and carriage return) are invisible on screen or break the layout.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates reorder the text around them (a caption could read backwards, "exe.jpg"
# as "gpj.exe"); Chinese and English content never needs them.
_WINDOWS_DEVICE = re.compile(r"(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


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
        if found := _CONTROL.search(value) or _BIDI.search(value):
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


def _who_only(value: Text | None) -> Text | None:
    """A photo credit names only who: the screen adds "图片：" / "Photo: " itself, so it must not be written twice."""
    if value is None:
        return None
    if re.match(r"(图片|照片)\s*[：:]", value.zh) or re.match(r"(?i)photos?\s*(:|by\b|courtesy\b)", value.en):
        raise ValueError('write only who the photos are from; the screen adds "图片：" / "Photo: " itself')
    return value


MAX_FILE_NAME_BYTES = 255


class Photo(Model):
    """A photo with its caption. `file` is a bare file name in the content folder's `photos/` directory."""

    id: Slug
    file: str = Field(min_length=1, max_length=255)
    caption: Text
    credit: Text | None = Field(default=None, description="who the photo is from, if not `credits.photos`")
    placeholder: bool = Field(
        default=False, strict=True, description="true while the file is a generated stand-in for the real photo"
    )

    @field_validator("credit")
    @classmethod
    def _credit_names_who(cls, value: Text | None) -> Text | None:
        return _who_only(value)

    @field_validator("file")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        # Only a bare file name: a folder, `..`, a drive letter or an absolute path could lead outside photos/
        # on one system or another (a backslash separates folders on Windows, a colon names a drive there).
        if (
            any(sep in value for sep in ("/", "\\", ":"))
            or value.strip(". ") == ""
            or _CONTROL.search(value)
            or _BIDI.search(value)
        ):
            raise ValueError(
                "must be a bare file name inside photos/ (no folders, '..', drive letter or absolute path)"
            )
        # The same folder must work on a Windows kiosk: there a name ending in a dot or a space loses it, and
        # CON, PRN, AUX, NUL, COM1…9 and LPT1…9 (with any extension) name devices, never files.
        if value.endswith((".", " ")) or _WINDOWS_DEVICE.match(value):
            raise ValueError(f"{value!r} cannot be a file name on Windows (a device name, or a dot or space at the "
                             "end); rename the photo")
        # File systems count a name's bytes, not its characters: 255 bytes is 85 Chinese characters. A longer
        # name can never be a file, and asking the system about one fails rather than answering "no such file".
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > MAX_FILE_NAME_BYTES:
            raise ValueError(f"file name is {size} bytes long in UTF-8; file systems allow {MAX_FILE_NAME_BYTES} at most")
        return value


class Topic(Model):
    """A sub-topic of a section: a chip on screen and a run of paragraphs in the body."""

    id: Slug
    title: Text
    paragraphs: list[Text] = Field(min_length=1, max_length=MAX_PARAGRAPHS)
    photos: list[Slug] = Field(default_factory=list, description="ids of this section's photos shown here")


class Section(Model):
    id: Slug
    accent: Colour
    icon: str = Field(
        default="mdi6.book-open-variant", max_length=80, description="qtawesome icon name for the home tile"
    )
    title: Text
    lead: Text
    topics: list[Topic] = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    photos: list[Photo] = Field(default_factory=list)

    # Ids within a section and across files (unique, naming a photo that exists) are checked by
    # kiosk.content.refs, which can name both places of a clash with their files.


# Optional documents build on the models above, so they are imported here (the package imports this module
# first; see kiosk/content/__init__.py).
from kiosk.content.glossary import Glossary  # noqa: E402
from kiosk.content.map import MapContent  # noqa: E402
from kiosk.content.timeline import Timeline  # noqa: E402


class Credits(Model):
    authors: Text
    photos: Text = Field(description="who the photos are from; shown under every real photo")
    source: Text

    @field_validator("photos")
    @classmethod
    def _credit_names_who(cls, value: Text) -> Text:
        return _who_only(value)  # type: ignore[return-value]


MAX_HEADLINE_FIGURES = 6


class Exhibition(Model):
    """The whole exhibition: `exhibition.toml` plus one `sections/<id>.toml` per entry of `sections`."""

    title: Text
    subtitle: Text
    date: dt.date = Field(strict=True)
    date_label: Text
    intro: list[Text] = Field(min_length=1, max_length=MAX_PARAGRAPHS)
    credits: Credits
    hero_photo: Slug
    headline_figures: list[Figure] = Field(default_factory=list)
    photos: list[Photo] = Field(default_factory=list, description="photos that belong to no single section")
    sections: list[Section] = Field(min_length=1)
    map: MapContent | None = Field(default=None, description="the infrastructure map (map.toml)")
    timeline: Timeline | None = Field(default=None, description="the transport timeline (timeline.toml)")
    glossary: Glossary | None = Field(default=None, description="names and terms in English (glossary.toml)")

    @field_validator("headline_figures")
    @classmethod
    def _one_row(cls, value: list[Figure]) -> list[Figure]:
        # The home screen shows them side by side in one row: on a 1280×720 screen a seventh card overlaps
        # the others and the 前言 button (checked by hand at 1280×720, 1920×1080 and both portrait sizes).
        if len(value) > MAX_HEADLINE_FIGURES:
            raise ValueError(f"{len(value)} headline figures; the home screen shows {MAX_HEADLINE_FIGURES} at most "
                             "in its one row (put the others in a section's figures)")
        return value

    @field_validator("date")
    @classmethod
    def _plausible(cls, value: dt.date) -> dt.date:
        if not 1900 <= value.year <= 2100:
            raise ValueError("must be a date between 1900 and 2100")
        return value

    def all_photos(self) -> list[Photo]:
        photos = list(self.photos)
        for section in self.sections:
            photos.extend(section.photos)
        return photos

    def photo(self, photo_id: str) -> Photo:
        for photo in self.all_photos():
            if photo.id == photo_id:
                return photo
        raise KeyError(photo_id)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def photo_credit(self, photo: Photo) -> Text | None:
        """Who a photo is from, or None for a generated stand-in: a drawing is credited to nobody."""
        if photo.placeholder:
            return None
        return photo.credit or self.credits.photos

    def all_text(self) -> str:
        """Every visible character of the content, both languages (for font coverage checks)."""
        parts: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, Text):
                parts.extend((value.zh, value.en))
            elif isinstance(value, BaseModel):
                for name in type(value).model_fields:
                    walk(getattr(value, name))
            elif isinstance(value, (list, tuple)):
                for item in value:
                    walk(item)

        walk(self)
        return "".join(parts)
