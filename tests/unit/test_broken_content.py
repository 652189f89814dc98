"""Every folder of the broken-content corpus (tests/broken_content.py) is refused by `kiosk check` with one short
line naming the file and field, never a traceback; what the check lets through, the kiosk can show."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.__main__ import main

from ..broken_content import MUTATIONS, Mutation

MAX_LINE = 300  # characters: a report line fits a terminal and the staff panel


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_kiosk_check_names_the_problem_in_one_short_line(mutation: Mutation, content_copy: Path, capsys) -> None:
    mutation.mutate(content_copy)
    code = main(["check", "--content", str(content_copy)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    lines = [line for line in (out + err).splitlines() if line]
    assert lines and all(len(line) <= MAX_LINE for line in lines), max(lines, key=len)[:400]
    if mutation.expected is None:
        assert code == 0 and "OK" in out, out
        return
    assert code == 1
    assert any(mutation.expected in line for line in out.splitlines()), out[:2000]


def test_an_unreadable_file_is_named(content_copy: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every file is readable, so the refusal is simulated where the loader opens files."""
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self.name == "party.toml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert main(["check", "--content", str(content_copy)]) == 1
    assert "sections/party.toml: cannot read: Permission denied" in capsys.readouterr().out


def test_a_content_folder_that_is_a_file(tmp_path: Path, capsys) -> None:
    (tmp_path / "content").write_text("not a folder", encoding="utf-8")
    assert main(["check", "--content", str(tmp_path / "content")]) == 1
    assert "content: is a file, not a content folder" in capsys.readouterr().out


def test_a_failure_of_the_check_itself_is_one_line_and_exit_2(content_copy: Path, capsys, monkeypatch) -> None:
    import kiosk.check

    def broken(folder: Path):
        raise ZeroDivisionError("a bug in a check")

    monkeypatch.setattr(kiosk.check, "load_exhibition", broken)
    assert main(["check", "--content", str(content_copy)]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert f"{content_copy}: the check itself failed (ZeroDivisionError: a bug in a check)" in out


def test_a_problem_line_is_cut_short_whatever_it_quotes() -> None:
    from kiosk.content.problems import MAX_LINE as LIMIT
    from kiosk.content.problems import Problem

    assert LIMIT <= MAX_LINE

    line = str(Problem("sections/" + "x" * 500 + ".toml", "a." * 300, "y" * 10_000))
    assert len(line) <= MAX_LINE and line.count("…") == 3


def test_the_content_cache_is_keyed_on_every_module_that_checks_content() -> None:
    """A start-up served from the cache skips validation: a kiosk whose checks changed must not trust a record
    an older kiosk wrote. The key covers the files of kiosk/content, where every check lives."""
    import kiosk.content
    from kiosk.content import cache

    stamp = "\n".join(cache._kiosk_stamp())
    for module in ("schema.py", "refs.py", "loader.py", "problems.py", "map.py", "timeline.py"):
        assert (Path(kiosk.content.__file__).parent / module).is_file()
        assert f"{module}|" in stamp


def test_negative_zero_shows_as_zero() -> None:
    from kiosk.content.schema import Figure

    text = {"zh": "个", "en": "towns"}
    figure = Figure.model_validate({"value": -0.0, "decimals": 1, "unit": text, "label": text})
    assert [figure.format_number(lang) for lang in ("zh", "en")] == ["0.0", "0.0"]


def test_a_long_folder_path_keeps_every_line_short(content_copy: Path, tmp_path: Path, capsys) -> None:
    deep = tmp_path.joinpath("a" * 200, "b" * 200, "content")
    deep.parent.mkdir(parents=True)
    content_copy.rename(deep)
    (deep / "exhibition.toml").write_text("title = ", encoding="utf-8")
    assert main(["check", "--content", str(deep)]) == 1
    out, err = capsys.readouterr()
    lines = [line for line in (out + err).splitlines() if line]
    assert lines and all(len(line) <= MAX_LINE for line in lines)
    assert all("…" in line for line in lines if "bbb" in line), "the folder is cut at its start, its end kept"
