"""The validated-content cache: a start-up with unchanged content reads the cache instead of validating, and
any change to the folder, or a broken cache file, means validating again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content import ContentError, loader
from kiosk.content.cache import fingerprint, load_exhibition_cached


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every folder the real loader validated, in order."""
    seen: list[Path] = []
    real = loader.load_exhibition

    def counting(folder: Path):
        seen.append(Path(folder))
        return real(folder)

    monkeypatch.setattr(loader, "load_exhibition", counting)
    return seen


def test_unchanged_content_is_read_from_the_cache(content_copy: Path, tmp_path: Path, validations: list[Path]):
    first, warnings = load_exhibition_cached(content_copy, tmp_path / "cache")
    second, again = load_exhibition_cached(content_copy, tmp_path / "cache")
    assert len(validations) == 1
    assert second == first and again == warnings
    assert second.sections[0].title.zh == first.sections[0].title.zh
    assert second.timeline is not None and len(second.timeline.events) == len(first.timeline.events)


def test_an_edited_file_is_validated_again(content_copy: Path, tmp_path: Path, validations: list[Path]):
    before, _ = load_exhibition_cached(content_copy, tmp_path / "cache")
    root = content_copy / "exhibition.toml"
    text = root.read_text(encoding="utf-8")
    old_title = before.title.zh
    root.write_text(text.replace(old_title, old_title + "（新）", 1), encoding="utf-8")
    after, _ = load_exhibition_cached(content_copy, tmp_path / "cache")
    assert len(validations) == 2
    assert after.title.zh == old_title + "（新）"


def test_a_touched_or_added_file_changes_the_key(content_copy: Path):
    key = fingerprint(content_copy)
    section = next((content_copy / "sections").glob("*.toml"))
    stat = section.stat()
    os.utime(section, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    touched = fingerprint(content_copy)
    (content_copy / "photos" / "new.jpg").write_bytes(b"not yet a photo")
    assert len({key, touched, fingerprint(content_copy)}) == 3


def test_a_broken_folder_is_never_cached(content_copy: Path, tmp_path: Path, validations: list[Path]):
    (content_copy / "exhibition.toml").write_text("title = [", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError):
            load_exhibition_cached(content_copy, tmp_path / "cache")
    assert len(validations) == 2
    assert not list((tmp_path / "cache").glob("*.json"))


@pytest.mark.parametrize(
    "garbage", [b"", b"not json", b"\x80\x05\x95", b"[]", b'{"format": 2}', b'{"format": 2, "key": ']
)
def test_a_damaged_cache_file_means_validating(
    content_copy: Path, tmp_path: Path, validations: list[Path], garbage: bytes
):
    first, _ = load_exhibition_cached(content_copy, tmp_path / "cache")
    (cache_file,) = (tmp_path / "cache").glob("*.json")
    cache_file.write_bytes(garbage)
    second, _ = load_exhibition_cached(content_copy, tmp_path / "cache")
    assert second == first
    assert len(validations) == 2
    load_exhibition_cached(content_copy, tmp_path / "cache")
    assert len(validations) == 2  # and it was written again


def test_an_unwritable_cache_costs_only_time(content_copy: Path, tmp_path: Path, validations: list[Path]):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    for _ in range(2):
        exhibition, _ = load_exhibition_cached(content_copy, blocked / "cache")
        assert exhibition.sections
    assert len(validations) == 2


def test_no_cache_folder_always_validates(content_copy: Path, validations: list[Path]):
    load_exhibition_cached(content_copy, None)
    load_exhibition_cached(content_copy, None)
    assert len(validations) == 2


class _Planted:
    """What an attacker pickles: unpickling it writes a marker file (it could as well run any command)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "code ran"))


def test_a_planted_pickle_in_the_cache_folder_is_never_executed(content_copy: Path, tmp_path: Path,
                                                                validations: list[Path]):
    import pickle

    cache = tmp_path / "cache"
    first, _ = load_exhibition_cached(content_copy, cache)
    (cache_file,) = cache.glob("*.json")
    marker = tmp_path / "owned"
    planted = pickle.dumps({"key": fingerprint(content_copy), "exhibition": _Planted(marker), "warnings": []})
    cache_file.write_bytes(planted)  # where the cache is read from now
    cache_file.with_suffix(".pickle").write_bytes(planted)  # where an older kiosk read it from
    second, _ = load_exhibition_cached(content_copy, cache)
    assert not marker.exists()
    assert second == first and len(validations) == 2  # a miss: validated again
    assert not cache_file.with_suffix(".pickle").exists()  # and the old-format file is gone


def test_a_foreign_exhibition_with_a_wrong_shape_is_a_miss(content_copy: Path, tmp_path: Path,
                                                           validations: list[Path]):
    import json

    cache = tmp_path / "cache"
    first, _ = load_exhibition_cached(content_copy, cache)
    (cache_file,) = cache.glob("*.json")
    record = json.loads(cache_file.read_text(encoding="utf-8"))
    record["exhibition"]["sections"] = "not a list of sections"
    cache_file.write_text(json.dumps(record), encoding="utf-8")
    assert load_exhibition_cached(content_copy, cache)[0] == first
    assert len(validations) == 2


def test_warnings_come_back_from_the_cache_as_they_were(content_copy: Path, tmp_path: Path, monkeypatch):
    from kiosk.content.problems import Problem, Severity

    warning = Problem("sections/x.toml", "photos[0]", "is small", Severity.WARNING)
    real = loader.load_exhibition
    monkeypatch.setattr(loader, "load_exhibition", lambda folder: (real(folder)[0], [warning]))
    load_exhibition_cached(content_copy, tmp_path / "cache")
    monkeypatch.setattr(loader, "load_exhibition", lambda folder: pytest.fail("validated again"))
    assert load_exhibition_cached(content_copy, tmp_path / "cache")[1] == [warning]


def test_a_write_a_killed_kiosk_never_finished_is_removed_at_start(content_copy: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    load_exhibition_cached(content_copy, cache)
    (cache_file,) = cache.glob("*.json")
    leftover = cache / f".{cache_file.name}.a1b2c3.tmp"  # no live writer's pid in its name
    leftover.write_text("{\"format\": 2, \"ke")
    load_exhibition_cached(content_copy, cache)
    assert not leftover.exists()


def test_a_folder_whose_name_is_not_utf8(content_copy: Path, tmp_path: Path, validations: list[Path]):
    """A folder named with bytes that are not UTF-8 (copied from a stick formatted elsewhere): its content loads
    and is cached like any other (the cache's file name could not be made from it, and the kiosk showed the bundled
    exhibition instead)."""
    odd = tmp_path / os.fsdecode(b"ausstellung-\xe4\xff")
    content_copy.rename(odd)
    first, _ = load_exhibition_cached(odd, tmp_path / "cache")
    second, _ = load_exhibition_cached(odd, tmp_path / "cache")
    assert first == second and len(validations) == 1
