"""The glossary: its file validates, `kiosk check` holds every English text to it, and glosses are found per screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.__main__ import main
from kiosk.content import ContentError, load_exhibition
from kiosk.content.glossary import Glossary, Term, glosses_on_screen, normalise_en

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def term(**fields) -> dict:
    return {"id": "lock", "zh": ["二线船闸"], "en": "second ship lock", **fields}


def glossary(*terms: dict, **fields) -> Glossary:
    return Glossary.model_validate({"terms": list(terms), **fields})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_exhibition(folder)
    return [str(p) for p in info.value.problems]


# ------------------------------------------------------------------------------------------------ the model


def test_a_single_chinese_form_may_be_written_as_a_string() -> None:
    assert Term.model_validate(term(zh="二线船闸")).zh == ["二线船闸"]


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ([term(), term()], "term id 'lock' is used twice"),
        ([term(), term(id="other", en="lock two")], "Chinese '二线船闸' is in both term 'lock' and term 'other'"),
        (
            [term(avoid=["ship lock"])],
            "term 'lock' rejects 'ship lock', but term 'lock' uses 'second ship lock'",
        ),
        ([term(en="  ")], "must not be blank"),
        ([term(allow=["fine", ""])], "must not contain a blank entry"),
        ([term(kind="street")], "Input should be"),
        ([term(id="Ship Lock")], "String should match pattern"),
    ],
)
def test_a_broken_glossary_is_refused_with_the_reason(terms: list[dict], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        glossary(*terms)
    assert message in str(info.value)


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        glossary(term(glos="typo"))


# --------------------------------------------------------------------------------------------- matching


def test_english_matching_ignores_case_hyphens_dashes_and_plurals() -> None:
    lock = Term.model_validate(term(en="Second ship-lock"))
    assert lock.rendered_in(normalise_en("The SECOND SHIP LOCKS opened"))
    assert lock.rendered_in(normalise_en("the second ship–lock"))  # en dash
    assert lock.rendered_in(normalise_en("the second\u00a0ship lock"))  # no-break space
    assert not lock.rendered_in(normalise_en("the second shiplock"))
    assert not lock.rendered_in(normalise_en("a second ship locker"))  # whole words only


def test_a_rejected_form_is_found_in_any_spelling() -> None:
    words = glossary(term(avoid=["second-line ship lock"]))
    assert [bad for bad, _ in words.rejected_in_en("The Second Line ship lock")] == ["second-line ship lock"]
    assert words.rejected_in_en("the second ship lock") == []


def test_a_longer_chinese_term_claims_its_characters() -> None:
    words = glossary(
        {"id": "lukou", "zh": ["渌口"], "en": "Lukou"},
        {"id": "lukou-bridge", "zh": ["渌口大桥"], "en": "Lukou Bridge"},
        {"id": "bridge", "zh": ["大桥"], "en": "bridge"},
    )
    assert [t.id for t in words.terms_in_zh("湘江七桥（渌口大桥）")] == ["lukou-bridge"]
    assert [t.id for t in words.terms_in_zh("渌口大桥在渌口")] == ["lukou", "lukou-bridge"]


def test_not_zh_words_are_not_the_term() -> None:
    words = glossary({"id": "grid", "zh": ["网格"], "not_zh": ["路网格局"], "en": "grid"})
    assert words.terms_in_zh("路网格局基本形成") == []
    assert [t.id for t in words.terms_in_zh("路网格局形成，划分网格")] == ["grid"]


def test_chinese_matching_treats_full_width_forms_alike() -> None:
    words = glossary({"id": "one-five-n", "zh": ["1+5+N"], "en": "1+5+N"})
    assert [t.id for t in words.terms_in_zh("“１＋５＋Ｎ”服务模式")] == ["one-five-n"]


# ------------------------------------------------------------------------------------------- the check


def test_the_shipped_content_follows_its_glossary(capsys) -> None:
    exhibition, warnings = load_exhibition(SHIPPED)
    assert exhibition.glossary is not None and len(exhibition.glossary.terms) > 100
    assert warnings == []
    assert main(["check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_a_rejected_rendering_is_reported_with_file_field_and_both_renderings(content_copy: Path) -> None:
    edit(content_copy / "sections" / "livelihood.toml", "the second ship lock of", "the second-line ship lock of")
    problems = problems_of(content_copy)
    assert (
        "sections/livelihood.toml: sections[3].topics[0].paragraphs[4].en: “second-line ship lock” is a rejected"
        " rendering; the glossary's is “second ship lock” (glossary term second-ship-lock)"
    ) in problems
    assert (
        "sections/livelihood.toml: sections[3].topics[0].paragraphs[4].en: the Chinese names 二线船闸, so the"
        " English must say “second ship lock” (glossary term second-ship-lock)"
    ) in problems
    assert len(problems) == 2


def test_a_term_left_out_of_the_english_is_reported(content_copy: Path) -> None:
    edit(content_copy / "sections" / "party.toml", "with Provincial Road S211 as its spine", "along the S211")
    [problem] = problems_of(content_copy)
    assert problem.startswith("sections/party.toml: sections[1].topics[0].paragraphs[2].en: the Chinese names 省道S211")
    assert "must say “Provincial Road S211”" in problem


def test_a_figure_may_carry_the_term_in_its_unit_or_its_label(content_copy: Path) -> None:
    path = content_copy / "sections" / "civility.toml"
    edit(path, 'en = "grid workers" }', 'en = "people" }')
    [problem] = problems_of(content_copy)
    assert problem.startswith("sections/civility.toml: sections[2].figures[1].label.en: the Chinese names 网格员")


def test_a_rejected_rendering_is_caught_in_the_exhibition_file_too(content_copy: Path) -> None:
    edit(content_copy / "exhibition.toml", "all-round development", "five-ization and all-round development")
    [problem] = problems_of(content_copy)
    assert problem.startswith("exhibition.toml: intro[1].en: “five-ization” is a rejected rendering")


def test_as_warnings_the_content_still_loads(content_copy: Path) -> None:
    edit(content_copy / "glossary.toml", 'severity = "error"', 'severity = "warning"')
    edit(content_copy / "sections" / "livelihood.toml", "the second ship lock of", "the second-line ship lock of")
    exhibition, warnings = load_exhibition(content_copy)
    assert exhibition.sections[3].id == "livelihood"
    assert len(warnings) == 2 and all("warning: " in str(w) for w in warnings)
    assert main(["check", "--content", str(content_copy)]) == 1


def test_files_not_yet_revised_are_skipped_until_taken_off_the_list(content_copy: Path) -> None:
    timeline = content_copy / "timeline.toml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("second ship lock", "second-line ship lock", 1), encoding="utf-8")
    problems = problems_of(content_copy)
    assert problems and all(p.startswith("timeline.toml: timeline.events[") for p in problems)
    rejected = "“second-line ship lock” is a rejected rendering; the glossary's is “second ship lock”"
    assert any(rejected in p for p in problems)
    edit(content_copy / "glossary.toml", "not_yet_revised = []", 'not_yet_revised = ["timeline.toml"]')
    exhibition, warnings = load_exhibition(content_copy)
    assert exhibition.timeline is not None and warnings == []


def test_a_misspelt_file_on_the_not_yet_revised_list_is_a_warning(content_copy: Path) -> None:
    edit(content_copy / "glossary.toml", "not_yet_revised = []", 'not_yet_revised = ["sections/partly.toml"]')
    _, warnings = load_exhibition(content_copy)
    assert [str(w) for w in warnings] == [
        "glossary.toml: warning: glossary.not_yet_revised[0]: no content file 'sections/partly.toml' (write it as"
        ' in this folder, e.g. "map.toml" or "sections/party.toml")'
    ]


def test_a_broken_glossary_names_its_file(content_copy: Path) -> None:
    edit(content_copy / "glossary.toml", 'id = "lukou-town"', 'id = "lukou"')
    [problem] = problems_of(content_copy)
    assert problem.startswith("glossary.toml: glossary: ") and "term id 'lukou' is used twice" in problem


def test_without_a_glossary_nothing_is_checked(content_copy: Path) -> None:
    (content_copy / "glossary.toml").unlink()
    edit(content_copy / "sections" / "livelihood.toml", "the second ship lock of", "the second-line ship lock of")
    exhibition, warnings = load_exhibition(content_copy)
    assert exhibition.glossary is None and warnings == []


def test_the_glossary_names_every_map_feature_and_timeline_event() -> None:
    """The map and timeline lanes name their features from the glossary, so it must cover every name."""
    exhibition, _ = load_exhibition(SHIPPED)
    words = exhibition.glossary
    assert exhibition.map is not None and exhibition.timeline is not None
    unnamed = [f.name.zh for f in exhibition.map.features if not words.terms_in_zh(f.name.zh)]
    events = [e for e in exhibition.timeline.events if e.status != "milestone"]
    unnamed += [e.title.zh for e in events if not words.terms_in_zh(e.title.zh)]
    assert unnamed == []


# -------------------------------------------------------------------------------------------- on screen


def test_glosses_come_once_in_reading_order() -> None:
    words = glossary(
        {"id": "lukou", "zh": ["渌口"], "en": "Lukou", "gloss": "Lukou: a district."},
        {"id": "lukou-district", "zh": ["渌口区"], "en": "Lukou District", "gloss": "Lukou: a district."},
        {"id": "li", "zh": ["百里"], "en": "hundred-li", "gloss": "Li: half a kilometre."},
        {"id": "grid", "zh": ["网格"], "en": "grid"},
    )
    found = glosses_on_screen(words, ["A grid in a hundred li", "Lukou District", "the hundred-li belt of Lukou"])
    assert [t.id for t in found] == ["li", "lukou"]
    assert glosses_on_screen(words, ["nothing here"]) == []
    assert glosses_on_screen(None, ["Lukou"]) == []


def test_the_shipped_glossary_explains_the_terms_the_editor_asked_about() -> None:
    exhibition, _ = load_exhibition(SHIPPED)
    section = exhibition.section("livelihood")
    texts = [p.en for topic in section.topics for p in topic.paragraphs]
    glossed = {t.id for t in glosses_on_screen(exhibition.glossary, texts)}
    assert {"luxiang", "five-small-facilities", "teachers-flats", "three-partners", "second-ship-lock"} <= glossed
    party = exhibition.section("party")
    texts = [party.lead.en] + [p.en for topic in party.topics for p in topic.paragraphs]
    assert {"five-standards", "hundred-li"} <= {t.id for t in glosses_on_screen(exhibition.glossary, texts)}


PROPER_NAMES = ("place", "river", "road", "bridge", "lock", "zone", "company", "organisation", "office")


def test_proper_names_keep_the_glossary_capitals_everywhere() -> None:
    """The checker matches case-blind, so "Provincial road S211" passed beside "Provincial Road S211"; a visitor
    reading the map after a section sees one name, written one way."""
    import re

    from kiosk.content.glossary import _texts

    exhibition, _ = load_exhibition(SHIPPED)
    names = [t.en for t in exhibition.glossary.terms if t.kind in PROPER_NAMES and t.en != t.en.lower()]
    wrong = []
    for where, text in _texts(exhibition, ""):
        for name in names:
            pattern = r"(?<![\w-])" + re.escape(name).replace("\\ ", "[ -]") + r"(?![\w-])"
            for found in re.finditer(pattern, text.en, flags=re.IGNORECASE):
                if found.group(0).replace("-", " ") != name.replace("-", " "):
                    wrong.append(f"{where}: {found.group(0)!r}, glossary: {name!r}")
    assert wrong == []
