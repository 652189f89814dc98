"""Typed, immutable models of the exhibition's content files.

Every visible word comes in both languages (`Text`); every number a visitor sees is a `Figure` whose value is
exact as printed in the source. The models describe shape only: checks that need the file system (does a
photo exist, does it decode) live in `kiosk.content.loader`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import overload

from pydantic import BaseModel, Field, field_validator

# The shared vocabulary, re-exported: most of the kiosk names these as `kiosk.content.schema.Text` and so on.
from kiosk.content.base import (
    BIDI_CONTROLS,
    CONTROL_CHARACTERS,
    LANGS,
    MAX_FIGURE,
    MAX_FIGURE_DIGITS,
    MAX_PARAGRAPHS,
    WINDOWS_DEVICE,
    Colour,
    Figure,
    Finite,
    Lang,
    LocalNumber,
    Model,
    Slug,
    Text,
    Year,
)
from kiosk.content.glossary import Glossary
from kiosk.content.map import MapContent
from kiosk.content.timeline import Timeline
from kiosk.content.words import WordList

__all__ = [
    "LANGS", "MAX_FIGURE", "MAX_FIGURE_DIGITS", "Colour", "Credits", "Exhibition", "Figure", "Finite", "Lang",
    "LocalNumber", "Model", "Photo", "Section", "Slug", "Text", "Topic", "Year",
]


@overload
def _who_only(value: Text) -> Text: ...
@overload
def _who_only(value: None) -> None: ...
def _who_only(value: Text | None) -> Text | None:
    """A photo credit names only who: the screen adds "图片：" / "Photo: " itself, so it must not be written twice."""
    if value is None:
        return None
    if re.match(r"(图片|照片)\s*[：:]", value.zh) or re.match(r"(?i)photos?\s*(:|by\b|courtesy\b)", value.en):
        raise ValueError('write only who the photos are from; the screen adds "图片：" / "Photo: " itself')
    return value


MAX_FILE_NAME_BYTES = 255
MAX_HEADLINE_FIGURES = 6


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
            or CONTROL_CHARACTERS.search(value)
            or BIDI_CONTROLS.search(value)
        ):
            raise ValueError(
                "must be a bare file name inside photos/ (no folders, '..', drive letter or absolute path)"
            )
        # The same folder must work on a Windows kiosk: there a name ending in a dot or a space loses it, and
        # CON, PRN, AUX, NUL, COM1…9 and LPT1…9 (with any extension) name devices, never files.
        if value.endswith((".", " ")) or WINDOWS_DEVICE.match(value):
            raise ValueError(
                f"{value!r} cannot be a file name on Windows (a device name, or a dot or space at the end); "
                "rename the photo"
            )
        # File systems count a name's bytes, not its characters: 255 bytes is 85 Chinese characters. A longer
        # name can never be a file, and asking the system about one fails rather than answering "no such file".
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > MAX_FILE_NAME_BYTES:
            raise ValueError(
                f"file name is {size} bytes long in UTF-8; file systems allow {MAX_FILE_NAME_BYTES} at most"
            )
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




class Credits(Model):
    authors: Text
    photos: Text = Field(description="who the photos are from; shown under every real photo")
    source: Text

    @field_validator("photos")
    @classmethod
    def _credit_names_who(cls, value: Text) -> Text:
        return _who_only(value)


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
    words: WordList | None = Field(default=None, description="Chinese words no line breaks inside (words.toml)")

    @field_validator("headline_figures")
    @classmethod
    def _one_row(cls, value: list[Figure]) -> list[Figure]:
        # The home screen shows them side by side in one row: on a 1280×720 screen a seventh card overlaps
        # the others and the 前言 button (checked by hand at 1280×720, 1920×1080 and both portrait sizes).
        if len(value) > MAX_HEADLINE_FIGURES:
            raise ValueError(
                f"{len(value)} headline figures; the home screen shows {MAX_HEADLINE_FIGURES} at most "
                "in its one row (put the others in a section's figures)"
            )
        return value

    @field_validator("date")
    @classmethod
    def _plausible(cls, value: dt.date) -> dt.date:
        if not 1900 <= value.year <= 2100:
            raise ValueError("must be a date between 1900 and 2100")
        return value

    def photo_groups(self) -> list[tuple[Section | None, list[Photo]]]:
        """The photos grouped as the gallery shows them: first those that belong to no section (None), then each
        section's, in the exhibition's order; a group without photos is left out."""
        groups: list[tuple[Section | None, list[Photo]]] = [(None, list(self.photos))] if self.photos else []
        groups += [(section, list(section.photos)) for section in self.sections if section.photos]
        return groups

    def all_photos(self) -> list[Photo]:
        """Every photo once, in the gallery's order; the viewer pages through the same order."""
        return [photo for _, photos in self.photo_groups() for photo in photos]

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
