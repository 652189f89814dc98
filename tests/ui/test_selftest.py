"""`kiosk --selftest` from source, offscreen: the report's shape, not its verdicts (a shared CI machine with no
screen and no touchscreen fails some budgets, and must say so in the same words an installer would read)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("start-up", "photo", "screen change", "map pinch", "memory", "screen", "DPI", "touch", "installation")
LINE = re.compile(r"^(PASS|FAIL|SKIP)  ([\w -]+): +(\S.*)$")


def test_selftest_reports_every_check_with_a_verdict(fresh_user_dirs: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_CONTENT",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--selftest"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr
    assert lines[0].startswith("kiosk ") and "self-test" in lines[0] and "offscreen" in lines[0]
    assert lines[-1].startswith("RESULT: ")
    checks = [LINE.match(line) for line in lines[1:-1]]
    assert all(checks), f"lines without a verdict: {[line for line, m in zip(lines[1:-1], checks) if not m]}"
    verdicts = {m.group(2): m.group(1) for m in checks}
    assert tuple(verdicts) == CHECKS
    assert all(v in ("PASS", "FAIL") for name, v in verdicts.items() if name != "map pinch")
    # Offscreen there is no real screen and no touchscreen: those two must fail, in words.
    assert verdicts["screen"] == "FAIL" and verdicts["touch"] == "FAIL"
    assert "no touchscreen found" in done.stdout
    # The installation itself (fonts, icons, bundled content, log folder) is sound from a checkout.
    assert verdicts["installation"] == "PASS", done.stdout
    failed = [name for name, v in verdicts.items() if v == "FAIL"]
    assert done.returncode == 1 and lines[-1].startswith("RESULT: FAIL") and all(n in lines[-1] for n in failed)
