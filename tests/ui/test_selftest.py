"""`kiosk --selftest` from source, offscreen: the report's shape, not its verdicts (a shared CI machine with no
screen and no touchscreen fails some budgets, and must say so in the same words an installer would read)."""

from __future__ import annotations

import re

import pytest

from .background import background_result

CHECKS = ("start-up", "response", "screen change", "memory", "idle CPU", "photo", "map pinch", "screen", "DPI", "touch",
          "installation")
LINE = re.compile(r"^(PASS|FAIL|SKIP)  ([\w -]+): +(\S.*)$")


@pytest.mark.background("selftest")  # `kiosk --selftest`, started with the session
def test_selftest_reports_every_check_with_a_verdict(request) -> None:
    done = background_result(request)
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr
    assert lines[0].startswith("kiosk ") and "self-test" in lines[0] and "offscreen" in lines[0]
    assert lines[-1].startswith("RESULT: ")
    checks = [LINE.match(line) for line in lines[1:-1]]
    unmatched = [line for line, m in zip(lines[1:-1], checks, strict=True) if not m]
    assert all(checks), f"lines without a verdict: {unmatched}"
    verdicts = {m.group(2): m.group(1) for m in checks}
    assert tuple(verdicts) == CHECKS
    assert all(v in ("PASS", "FAIL") for name, v in verdicts.items() if name != "map pinch")
    # Start-up is timed as `kiosk bench` times it: fresh processes beside a bare window, not this process.
    assert re.search(r"median of \d+ fresh starts, [\d.]+× a bare Qt window", done.stdout), done.stdout
    # Offscreen there is no real screen and no touchscreen: those two must fail, in words.
    assert verdicts["screen"] == "FAIL" and verdicts["touch"] == "FAIL"
    assert "no touchscreen found" in done.stdout
    # The installation itself (fonts, icons, bundled content, log folder) is sound from a checkout.
    assert verdicts["installation"] == "PASS", done.stdout
    failed = [name for name, v in verdicts.items() if v == "FAIL"]
    assert done.returncode == 1 and lines[-1].startswith("RESULT: FAIL") and all(n in lines[-1] for n in failed)
