"""The content schema accepts the shipped exhibition and explains broken copies precisely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.content import ContentError, load_exhibition

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


@pytest.fixture
def content(content_copy: Path) -> Path:
    return content_copy


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_exhibition(folder)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_shipped_content_is_valid(capsys):
    exhibition, warnings = load_exhibition(SHIPPED)
    assert [s.id for s in exhibition.sections] == ["develop", "party", "civility", "livelihood"]
    assert exhibition.date.isoformat() == "2018-12-18"
    assert len(exhibition.all_photos()) == 7
    assert main(["check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_missing_photo_names_file_field_and_photo(content: Path, capsys):
    (content / "photos" / "grid-management-centre.jpg").unlink()
    assert main(["check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert (
        "sections/civility.toml: warning: sections[2].photos[0].file: no such file 'grid-management-centre.jpg'" in out
    )


def test_toml_syntax_error_names_the_file_and_line(content: Path):
    path = content / "sections" / "party.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\nthis is not toml\n", encoding="utf-8")
    [problem] = problems_of(content)
    assert problem.startswith("sections/party.toml: not valid TOML")
    assert re.search(r"line \d+", problem)


def test_missing_required_field(content: Path):
    edit(content / "exhibition.toml", "hero_photo", "hero_photo_typo")
    found = problems_of(content)
    assert any(p.startswith("exhibition.toml: hero_photo: required field is missing") for p in found)
    assert any("hero_photo_typo: unknown field" in p for p in found)


def test_bad_value_inside_a_section_names_the_section_file(content: Path):
    edit(content / "sections" / "develop.toml", 'accent = "#', 'accent = "green', 1)
    found = problems_of(content)
    assert any(p.startswith("sections/develop.toml: sections[0].accent:") for p in found), found


def test_figure_value_must_be_a_number(content: Path):
    path = content / "sections" / "livelihood.toml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"value = \d+", 'value = "many"', text, count=1)
    path.write_text(text, encoding="utf-8")
    found = problems_of(content)
    assert any(re.match(r"sections/livelihood\.toml: sections\[3\]\.figures\[\d+\]\.value", p) for p in found), found


def test_unknown_section_file(content: Path):
    edit(content / "exhibition.toml", '"livelihood"', '"livelyhood"')
    assert problems_of(content) == ["sections/livelyhood.toml: file not found"]


def test_hero_photo_must_exist(content: Path):
    edit(content / "exhibition.toml", 'hero_photo = "lukou-city"', 'hero_photo = "nowhere"')
    expected = (
        "exhibition.toml: hero_photo: no photo with id 'nowhere' in exhibition.toml or sections/*.toml "
        "(known: lukou-city, "
    )
    assert expected in "\n".join(problems_of(content))


def test_photo_path_cannot_escape_the_folder(content: Path):
    edit(content / "exhibition.toml", 'file = "lukou-city.jpg"', 'file = "../../etc/passwd"')
    assert any("photos[0].file" in p and "inside photos/" in p for p in problems_of(content))


def test_not_a_content_folder(tmp_path: Path, capsys):
    assert main(["check", "--content", str(tmp_path / "nope")]) == 1
    assert "content folder not found" in capsys.readouterr().out


def test_empty_text_is_rejected(content: Path):
    path = content / "sections" / "party.toml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'en = "[^"]+"', 'en = "  "', text, count=1)
    path.write_text(text, encoding="utf-8")
    assert any("must not be blank" in p for p in problems_of(content))
