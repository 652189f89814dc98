"""The English reads as exhibition copy: figure labels without fragments, no slash pairs, one spelling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content import Exhibition, Figure, Text, load_exhibition

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"

# The content is written in British English; these American forms would mix the two.
AMERICAN = re.compile(
    r"\b(\w+iz(e|es|ed|ing|ation|ations)|center|centers|program|programs|color|labor|neighbor\w*)\b", re.I
)
# Words ending in -ize that are the same in British English.
SAME_IN_BRITISH = {"size", "sizes", "prize", "prizes", "seize", "seizes", "seized", "seizing", "maize"}


@pytest.fixture(scope="module")
def exhibition() -> Exhibition:
    return load_exhibition(SHIPPED)[0]


def revised_texts(exhibition: Exhibition) -> list[Text]:
    """Every English text of exhibition.toml and sections/*.toml (map and timeline are edited separately)."""
    out: list[Text] = []

    def walk(value: object) -> None:
        if isinstance(value, Text):
            out.append(value)
        elif isinstance(value, Figure):
            out.extend([value.unit, value.label])
        elif hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                if name not in ("map", "timeline", "glossary"):
                    walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(exhibition)
    return out


def all_figures(exhibition: Exhibition) -> list[Figure]:
    return list(exhibition.headline_figures) + [f for s in exhibition.sections for f in s.figures]


def test_figure_units_and_labels_are_plain_phrases(exhibition: Exhibition) -> None:
    for figure in all_figures(exhibition):
        for part in (figure.unit.en, figure.label.en):
            assert not re.search(r"\+(\s|$)", part), f"a '+' fragment in a figure: {part!r}"
            assert not re.match(r"(that|which|who)\b", part), f"a figure label that is a dangling clause: {part!r}"


def test_no_slash_pairs_in_the_english(exhibition: Exhibition) -> None:
    pairs = [t.en for t in revised_texts(exhibition) if re.search(r"\w / \w", t.en)]
    assert pairs == []


def test_a_figure_label_does_not_repeat_its_unit(exhibition: Exhibition) -> None:
    """"350,000 people" over "the people of Lukou" reads as a pair of names for one thing; the label adds."""
    for figure in all_figures(exhibition):
        noun = re.sub(r"s$", "", figure.unit.en.split()[-1].lower())
        label = {re.sub(r"s$", "", word) for word in re.findall(r"\w+", figure.label.en.lower())}
        assert noun not in label, f"{figure.unit.en!r} repeated in {figure.label.en!r}"


def test_the_english_keeps_to_british_spelling(exhibition: Exhibition) -> None:
    american = []
    for text in revised_texts(exhibition):
        american += [m.group(0) for m in AMERICAN.finditer(text.en) if m.group(0).lower() not in SAME_IN_BRITISH]
    assert american == []


def test_the_slideshow_sets_a_figure_as_one_english_phrase(exhibition: Exhibition) -> None:
    """Unit and label read on from the number ("757 rural cooperatives in the district"); a "·" between them
    read as "757 rural cooperatives · in the district"."""
    from kiosk.ui.panels.attract_painting import _english

    lines = {_english(figure) for figure in all_figures(exhibition)}
    assert "757 rural cooperatives in the district" in lines
    assert "10 communities in Lukou District" in lines
    assert "129 village libraries for farming families" in lines
    assert not [line for line in lines if "·" in line]
