"""Memory hygiene: the glibc calls are safe to make anywhere (they do nothing where there is no glibc)."""

from __future__ import annotations

import sys

from kiosk import malloc


def test_releasing_free_memory_runs_anywhere_and_trims_on_glibc():
    first = malloc.release_free_memory()
    assert isinstance(first, bool)
    assert malloc.release_free_memory() == first  # the lookup is done once and reused
    if sys.platform.startswith("linux") and malloc._malloc_trim() is not None:
        blocks = [bytearray(64 * 1024) for _ in range(200)]  # ~13 MB of heap, then freed: something to give back
        del blocks
        malloc.release_free_memory()  # returns 1 only if memory was released; either way no error


def test_the_heap_threshold_is_applied_once():
    applied = malloc.limit_heap_retention()
    assert malloc.limit_heap_retention() == applied
