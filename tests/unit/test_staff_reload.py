"""Content reload validates first and words its problems exactly as `kiosk check` prints them."""

from __future__ import annotations

from pathlib import Path

from kiosk.__main__ import main
from kiosk.staff.reload import validate_content

from .test_content_check import SHIPPED, content, edit  # noqa: F401 - `content` is a fixture


def test_a_good_folder_gives_the_new_exhibition(content: Path):  # noqa: F811 - the fixture imported above
    edit(content / "exhibition.toml", "hero_photo", "hero_photo", 1)
    result = validate_content(content)
    assert result.ok and result.exhibition is not None
    assert [s.id for s in result.exhibition.sections] == ["develop", "party", "civility", "livelihood"]
    assert "OK" in result.summary


def test_a_broken_folder_lists_the_same_lines_as_kiosk_check(content: Path, capsys):  # noqa: F811 - the fixture imported above
    (content / "photos" / "grid-management-centre.jpg").unlink()
    edit(content / "exhibition.toml", "hero_photo", "hero_photo_typo")
    result = validate_content(content)
    assert not result.ok and result.exhibition is None
    assert main(["check", "--content", str(content)]) == 1
    captured = capsys.readouterr()
    assert result.lines == captured.out.splitlines()
    assert result.summary == captured.err.strip()
    assert any("hero_photo: required field is missing" in line for line in result.lines)


def test_a_missing_folder(tmp_path: Path):
    result = validate_content(tmp_path / "nope")
    assert not result.ok
    assert result.lines == [f"{tmp_path / 'nope'}: content folder not found"]


def test_the_shipped_content_is_good():
    assert validate_content(SHIPPED).ok


def test_a_figure_that_cannot_be_shown_is_refused_with_its_field(content: Path):  # noqa: F811 - the fixture imported above
    edit(content / "exhibition.toml", "value = 8\n", "value = inf\n")
    result = validate_content(content)
    assert not result.ok
    assert "exhibition.toml: headline_figures[1].value: Input should be a finite number (got inf)" in result.lines


def test_content_whose_screens_cannot_be_built_is_not_shown(content: Path):  # noqa: F811 - the fixture imported above
    result = validate_content(content).not_shown("building section/develop: OverflowError: " + "x" * 1000)
    assert not result.ok and result.exhibition is None and result.cause
    assert result.lines[-1].startswith(f"{content}: the screens cannot be built from this content: building")
    assert len(result.lines[-1]) <= 300 and "not shown" in result.summary
