"""Whole-program runs that take a minute or more, mostly waiting (the monkey's pauses and long presses, the
benchmark's fresh start-ups, the self-test, smoke mode): each starts in its own process as the test session starts, with
its own per-user folders, and the test that checks it runs last and reads its result. Their waiting overlaps the
rest of the suite instead of adding to it; what they report does not depend on when they ran.

A test asks for one with `@pytest.mark.background("name")` and reads it with `background_result(request)`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# name -> (arguments after `python -m kiosk`, seconds allowed from the start of the session)
COMMANDS: dict[str, tuple[list[str], int]] = {
    "monkey": (["monkey", "--events", "1000", "--seed", "1", "--json"], 900),  # the 50,000-event soak: README
    "bench": (["bench", "--json", "--quick", "--runs", "1"], 600),
    "selftest": (["--selftest"], 300),
    "smoke": (["--smoke"], 300),  # read by the map's and the timeline's tests: one run serves both
}
_USER_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "LOCALAPPDATA", "APPDATA")


@dataclass
class Run:
    name: str
    process: subprocess.Popen
    folder: Path
    timeout: int
    done: subprocess.CompletedProcess | None = field(default=None)

    def result(self) -> subprocess.CompletedProcess:
        if self.done is None:
            try:
                out, err = self.process.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                out, err = self.process.communicate()
                err += f"\n(killed: `kiosk {self.name}` took longer than {self.timeout} s)"
            self.done = subprocess.CompletedProcess(self.process.args, self.process.returncode, out, err)
        return self.done

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)


def start(name: str) -> Run:
    args, timeout = COMMANDS[name]
    folder = Path(tempfile.mkdtemp(prefix=f"kiosk-{name}-"))
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_CONTENT"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var in _USER_DIRS:  # fresh per-user folders, as every test gets
        env[var] = str(folder / var.lower())
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    return Run(name, process, folder, timeout)


def wanted(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("background")
    return marker.args[0] if marker else None


def collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Move the tests that read a background run to the end, and start their runs now."""
    readers = [item for item in items if wanted(item)]
    if not readers:
        return
    items[:] = [item for item in items if not wanted(item)] + readers
    if config.option.collectonly:
        return
    runs: dict[str, Run] = config.stash.setdefault(RUNS, {})
    for item in readers:
        name = wanted(item)
        if name not in runs:
            runs[name] = start(name)  # type: ignore[index, arg-type]  # wanted() names a run for every reader it keeps


def session_finish(session: pytest.Session) -> None:
    for run in session.config.stash.get(RUNS, {}).values():
        run.stop()


def background_result(request: pytest.FixtureRequest) -> subprocess.CompletedProcess:
    """The finished run this test is marked with (started now if the session did not start it)."""
    name = wanted(request.node)
    assert name, "mark the test with @pytest.mark.background(name)"
    runs: dict[str, Run] = request.config.stash.setdefault(RUNS, {})
    if name not in runs:
        runs[name] = start(name)
    return runs[name].result()


RUNS = pytest.StashKey[dict]()
