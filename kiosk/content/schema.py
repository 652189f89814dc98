"""Typed, immutable models of the exhibition's content files.

Every visible word comes in both languages (`Text`); every number a visitor sees is a `Figure` whose value is
exact as printed in the source. The models describe shape only: checks that need the file system (does a
photo exist, does it decode) live in `kiosk.content.loader`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="stable id: lower-case, digits, '-'")]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="#rrggbb")]


class Model(BaseModel):
    # defer_build: a model's validator is built on its first validation, not when the class is defined, so a
    # start-up served from the content cache (kiosk.content.cache) never pays for building them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Text(Model):
    """One piece of visible text in both languages."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

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
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class LocalNumber(Model):
    """A number written differently per language, e.g. 5000 (万元) and 50 (million yuan)."""

    zh: float
    en: float


class Figure(Model):
    """A key figure shown as a big number with its unit and a short label; counts up when shown."""

    value: float | LocalNumber
    decimals: int = Field(default=0, ge=0, le=3)
    unit: Text
    label: Text

    def number(self, lang: Lang) -> float:
        if isinstance(self.value, LocalNumber):
            return self.value.zh if lang == "zh" else self.value.en
        return self.value

    def format_number(self, lang: Lang, value: float | None = None) -> str:
        """The number as displayed; `value` lets a count-up show intermediate values in the same format."""
        shown = self.number(lang) if value is None else value
        if self.decimals == 0:
            return f"{round(shown):,}" if lang == "en" else f"{round(shown)}"
        return f"{shown:,.{self.decimals}f}" if lang == "en" else f"{shown:.{self.decimals}f}"


def _who_only(value: Text | None) -> Text | None:
    """A photo credit names only who: the screen adds "图片：" / "Photo: " itself, so it must not be written twice."""
    if value is None:
        return None
    if re.match(r"(图片|照片)\s*[：:]", value.zh) or re.match(r"(?i)photos?\s*(:|by\b|courtesy\b)", value.en):
        raise ValueError('write only who the photos are from; the screen adds "图片：" / "Photo: " itself')
    return value


class Photo(Model):
    """A photo with its caption. `file` is relative to the content folder's `photos/` directory."""

    id: Slug
    file: str = Field(min_length=1)
    caption: Text
    credit: Text | None = Field(default=None, description="who the photo is from, if not `credits.photos`")
    placeholder: bool = Field(
        default=False, description="true while the file is a generated stand-in for the real photo"
    )

    @field_validator("credit")
    @classmethod
    def _credit_names_who(cls, value: Text | None) -> Text | None:
        return _who_only(value)

    @field_validator("file")
    @classmethod
    def _relative(cls, value: str) -> str:
        if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value) or ".." in value.split("/"):
            raise ValueError(f"must be a file name inside photos/, not {value!r}")
        return value


class Topic(Model):
    """A sub-topic of a section: a chip on screen and a run of paragraphs in the body."""

    id: Slug
    title: Text
    paragraphs: list[Text] = Field(min_length=1)
    photos: list[Slug] = Field(default_factory=list, description="ids of this section's photos shown here")


class Section(Model):
    id: Slug
    accent: Colour
    icon: str = Field(default="mdi6.book-open-variant", description="qtawesome icon name for the home tile")
    title: Text
    lead: Text
    topics: list[Topic] = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    photos: list[Photo] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids_resolve(self) -> Section:
        _unique([t.id for t in self.topics], "topics")
        _unique([p.id for p in self.photos], "photos")
        known = {p.id for p in self.photos}
        for topic in self.topics:
            for ref in topic.photos:
                if ref not in known:
                    raise ValueError(f"topic {topic.id!r} names photo {ref!r}, which is not in this section's photos")
        return self


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


class Exhibition(Model):
    """The whole exhibition: `exhibition.toml` plus one `sections/<id>.toml` per entry of `sections`."""

    title: Text
    subtitle: Text
    date: dt.date
    date_label: Text
    intro: list[Text] = Field(min_length=1)
    credits: Credits
    hero_photo: Slug
    headline_figures: list[Figure] = Field(default_factory=list)
    photos: list[Photo] = Field(default_factory=list, description="photos that belong to no single section")
    sections: list[Section] = Field(min_length=1)
    map: MapContent | None = Field(default=None, description="the infrastructure map (map.toml)")
    timeline: Timeline | None = Field(default=None, description="the transport timeline (timeline.toml)")
    glossary: Glossary | None = Field(default=None, description="names and terms in English (glossary.toml)")

    @model_validator(mode="after")
    def _ids_resolve(self) -> Exhibition:
        _unique([s.id for s in self.sections], "sections")
        _unique([p.id for p in self.all_photos()], "photos (across all files)")
        if self.hero_photo not in {p.id for p in self.all_photos()}:
            raise ValueError(f"hero_photo {self.hero_photo!r} is not the id of any photo")
        return self

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


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{what}: id {item!r} is used twice")
        seen.add(item)
