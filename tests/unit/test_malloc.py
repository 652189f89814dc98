"""Memory hygiene: the glibc calls are really made, with the right arguments, once looked up; where there is no
glibc they are reported as not done instead of failing."""

from __future__ import annotations

import platform
import sys
from types import SimpleNamespace

import pytest

from kiosk import malloc


class Recorder:
    """Stands in for a C function: remembers its calls, returns a fixed result."""

    def __init__(self, result: int) -> None:
        self.result = result
        self.calls: list[tuple[int, ...]] = []
        self.argtypes = self.restype = None

    def __call__(self, *args: int) -> int:
        self.calls.append(args)
        return self.result


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Forget any earlier lookup, and pretend to be on Linux."""
    monkeypatch.setattr(malloc, "_trim", None)
    monkeypatch.setattr(malloc, "_done", False)
    monkeypatch.setattr(sys, "platform", "linux")
    return monkeypatch


def test_release_trims_every_arena_through_the_located_libc_once(fresh):
    trim = Recorder(1)
    lookups = []
    fresh.setattr(malloc, "_libc", lambda: lookups.append(1) or SimpleNamespace(malloc_trim=trim))
    assert malloc.release_free_memory() is True
    trim.result = 0  # nothing left to give back
    assert malloc.release_free_memory() is False
    assert trim.calls == [(0,), (0,)]
    assert lookups == [1], "the library is looked up once and the function reused"


@pytest.mark.parametrize("missing", [OSError("no libc"), AttributeError("malloc_trim")])
def test_a_missing_libc_or_malloc_trim_is_reported_as_not_trimmed(fresh, missing):
    lookups = []

    def libc():
        lookups.append(1)
        raise missing

    fresh.setattr(malloc, "_libc", libc)
    assert malloc.release_free_memory() is False
    assert malloc.release_free_memory() is False
    assert lookups == [1], "a missing function is not looked for again on every call"


def test_the_heap_threshold_is_set_to_one_megabyte_once(fresh):
    mallopt = Recorder(1)
    fresh.setattr(malloc, "_libc", lambda: SimpleNamespace(mallopt=mallopt))
    assert malloc.limit_heap_retention() is True
    assert malloc.limit_heap_retention() is True
    assert mallopt.calls == [(malloc.M_MMAP_THRESHOLD, 1024 * 1024)]


def test_a_refused_or_missing_mallopt_is_reported_as_not_applied(fresh):
    mallopt = Recorder(0)
    fresh.setattr(malloc, "_libc", lambda: SimpleNamespace(mallopt=mallopt))
    assert malloc.limit_heap_retention() is False
    fresh.setattr(malloc, "_libc", lambda: SimpleNamespace())
    assert malloc.limit_heap_retention() is False


def test_nothing_is_looked_up_off_linux(fresh):
    fresh.setattr(sys, "platform", "win32")
    fresh.setattr(malloc, "_libc", lambda: pytest.fail("no C library lookup off Linux"))
    assert malloc.release_free_memory() is False
    assert malloc.limit_heap_retention() is False


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="only glibc has malloc_trim")
def test_on_glibc_the_real_functions_are_found(fresh):
    assert malloc._malloc_trim() is not None
    assert malloc.limit_heap_retention() is True
