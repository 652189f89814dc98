"""kiosk.layout.bar_title: `kiosk check` warns of a title too long for the portrait bar (more than three lines at
the bar's smallest size), measured with the bundled fonts."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk import paths
from kiosk.content import load_exhibition
from kiosk.layout import bar_title


def measure(text: str) -> float:
    return 10.0 * len(text)


def test_lines_are_counted_as_the_bar_sets_them() -> None:
    assert bar_title.bar_lines("Home", measure, room=100) == 1
    assert bar_title.bar_lines("Quality Growth: a new Lukou", measure, room=100) == 3
    assert bar_title.bar_lines("Infrastructure", measure, room=100) is None  # a word wider than the bar


def test_the_shipped_titles_fit_the_portrait_bar() -> None:
    exhibition, _ = load_exhibition(paths.default_content_dir())
    assert bar_title.check_bar_titles(exhibition, paths.default_content_dir()) == []


def test_a_title_too_long_for_the_bar_is_a_warning_naming_its_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(paths.default_content_dir(), content)
    exhibition, _ = load_exhibition(content)
    section = exhibition.sections[0]
    long_title = section.title.en + " with the infrastructure-modernisation-programme" * 3
    changed = exhibition.model_copy(update={"sections": [
        section.model_copy(update={"title": section.title.model_copy(update={"en": long_title})}),
        *exhibition.sections[1:],
    ]})
    problems = bar_title.check_bar_titles(changed, content)
    assert [(p.file, p.path, p.severity.value) for p in problems] == [
        (f"sections/{section.id}.toml", "title.en", "warning")
    ]
    assert "portrait" in problems[0].message
