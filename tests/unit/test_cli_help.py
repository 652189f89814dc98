"""`kiosk --help` lists every subcommand the command line dispatches, one line each, and each subcommand
answers its own `--help`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk import __main__ as cli

SOURCE = Path(cli.__file__).read_text(encoding="utf-8")


def dispatched() -> set[str]:
    """The subcommands `main` dispatches on, read from its source (`argv[0] == "x"`, `argv[0] in ("x", "y")`)."""
    names = set(re.findall(r'argv\[0\] == "([a-z][a-z-]*)"', SOURCE))
    for group in re.findall(r"argv\[0\] in \(([^)]*)\)", SOURCE):
        names |= set(re.findall(r'"([a-z][a-z-]*)"', group))
    return names


def test_help_lists_every_subcommand_with_one_line(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    listed = {name.split()[0] for name, _ in cli.SUBCOMMANDS}
    assert dispatched() == listed, "a subcommand is missing from kiosk --help (SUBCOMMANDS in kiosk/__main__.py)"
    for name, what in cli.SUBCOMMANDS:
        assert re.search(rf"^  kiosk {re.escape(name)} +{re.escape(what)}$", text, flags=re.M), name
    assert "--screen" in text


@pytest.mark.parametrize("name", [n for n, _ in cli.SUBCOMMANDS])
def test_each_subcommand_answers_help(name: str, capsys) -> None:
    try:
        code = cli.main([*name.split(), "--help"])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 0
    out = capsys.readouterr()
    assert "usage" in (out.out + out.err).lower()
