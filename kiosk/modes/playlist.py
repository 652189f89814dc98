"""What the attract slideshow shows, in which order: the exhibition's photos and its key figures.

Staff choose the items (all photos, or only the photos of chosen sections; key figures on or off) and the order
(in the exhibition's sequence, or shuffled afresh every round). Figures travel in small groups from one
section, spread evenly between the photos so the show alternates pictures and numbers. The list is never
empty while the exhibition has any photo or figure: a choice that selects nothing falls back to everything.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.content.schema import Exhibition, Figure, Photo, Section

log = logging.getLogger(__name__)

ALL = "all"
SECTIONS = "sections"
NO_PHOTOS = "none"
PHOTO_CHOICES = (ALL, SECTIONS, NO_PHOTOS)
SEQUENCE = "sequence"
SHUFFLE = "shuffle"
ORDERS = (SEQUENCE, SHUFFLE)
FIGURES_PER_SLIDE = 4


@dataclass(frozen=True)
class AttractOptions:
    photos: str = ALL  # ALL, SECTIONS (only `sections`), NO_PHOTOS
    sections: tuple[str, ...] = ()
    figures: bool = True
    order: str = SEQUENCE


@dataclass(frozen=True)
class Slide:
    """One picture of the show: a photo with its caption, or a group of key figures."""

    key: str  # stable: "photo:<id>" or "figures:<section id or 'exhibition'>:<n>"
    photo: Photo | None = None
    figures: tuple[Figure, ...] = ()
    section: Section | None = None  # where it comes from (title and accent); None for the exhibition itself

    @property
    def is_photo(self) -> bool:
        return self.photo is not None


def _chunks(figures: Sequence[Figure], size: int) -> list[tuple[Figure, ...]]:
    """Split into groups of at most `size`, as even as possible (7 → 4 + 3, not 4 + 3 … nor 6 + 1)."""
    if not figures:
        return []
    count = -(-len(figures) // size)
    base, extra = divmod(len(figures), count)
    groups, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        groups.append(tuple(figures[start:end]))
        start = end
    return groups


def _photo_slides(exhibition: Exhibition, options: AttractOptions) -> list[Slide]:
    if options.photos == NO_PHOTOS:
        return []
    slides: list[Slide] = []
    if options.photos == ALL:
        slides += [Slide(f"photo:{p.id}", photo=p) for p in exhibition.photos]
    for section in exhibition.sections:
        if options.photos == ALL or section.id in options.sections:
            slides += [Slide(f"photo:{p.id}", photo=p, section=section) for p in section.photos]
    return slides


def _figure_slides(exhibition: Exhibition, options: AttractOptions) -> list[Slide]:
    if not options.figures:
        return []
    slides: list[Slide] = []
    if options.photos != SECTIONS:
        for n, group in enumerate(_chunks(exhibition.headline_figures, FIGURES_PER_SLIDE)):
            slides.append(Slide(f"figures:exhibition:{n}", figures=group))
    for section in exhibition.sections:
        if options.photos == SECTIONS and section.id not in options.sections:
            continue
        for n, group in enumerate(_chunks(section.figures, FIGURES_PER_SLIDE)):
            slides.append(Slide(f"figures:{section.id}:{n}", figures=group, section=section))
    return slides


def interleave(photos: list[Slide], figures: list[Slide]) -> list[Slide]:
    """Spread the figure slides evenly among the photos (and the other way round when figures are the many)."""
    if not photos or not figures:
        return photos + figures
    many, few = (photos, figures) if len(photos) >= len(figures) else (figures, photos)
    result: list[Slide] = []
    placed = 0
    for i, slide in enumerate(many):
        result.append(slide)
        due = (i + 1) * len(few) // len(many)
        while placed < due:
            result.append(few[placed])
            placed += 1
    return result


def build_slides(exhibition: Exhibition, options: AttractOptions, rng: random.Random | None = None) -> list[Slide]:
    """One round of the show. With `order == SHUFFLE` photos and figures are shuffled (each within its kind)."""
    photos = _photo_slides(exhibition, options)
    figures = _figure_slides(exhibition, options)
    if not photos and not figures:
        if options != AttractOptions():
            log.warning("attract: the chosen items select nothing; showing all photos and figures")
            return build_slides(exhibition, AttractOptions(order=options.order), rng)
        return []
    if options.order == SHUFFLE:
        rng = rng or random.Random()
        rng.shuffle(photos)
        rng.shuffle(figures)
    return interleave(photos, figures)


class Playlist:
    """An endless show: round after round, reshuffled each round when shuffling, never the same slide twice in
    a row across the seam between rounds."""

    def __init__(self, exhibition: Exhibition, options: AttractOptions, rng: random.Random | None = None):
        self._exhibition = exhibition
        self._options = options
        self._rng = rng or random.Random()
        self._round: list[Slide] = []
        self._last: Slide | None = None

    @property
    def options(self) -> AttractOptions:
        return self._options

    def round_length(self) -> int:
        return len(build_slides(self._exhibition, self._options, random.Random(0)))

    def _refill(self) -> None:
        slides = build_slides(self._exhibition, self._options, self._rng)
        if len(slides) > 1 and self._last is not None and slides[0].key == self._last.key:
            slides.append(slides.pop(0))
        self._round = slides

    def peek(self) -> Slide | None:
        if not self._round:
            self._refill()
        return self._round[0] if self._round else None

    def next(self) -> Slide | None:
        slide = self.peek()
        if slide is not None:
            self._round.pop(0)
            self._last = slide
        return slide
