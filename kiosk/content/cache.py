"""The last validated exhibition, remembered between runs, so start-up does not parse and validate the same
content folder again: on a kiosk that restarts every morning with unchanged content, loading costs one read of
a JSON file and a pydantic re-validation of it (about 1.5 ms with the shipped content) instead of the TOML
parser, the cross-checks and the photo-file checks (about 30 ms, more with hundreds of photos and events).

The cache is used only while nothing it depends on has changed. Its key is:
- every file in the content folder: relative path, size and modification time (an editor's new photo or
  touched TOML file means validating again);
- the kiosk itself: its version, Python's and pydantic's, the checks registered with the loader, and the
  content models' source files (or, in a packaged kiosk, the program file), so a new kiosk never reads an
  old kiosk's models.
Anything wrong with the cache file (missing, truncated, not JSON, written by another version, or not a valid
exhibition) is a miss: the folder is validated as usual and the cache written again, atomically. Only a folder
that loaded is cached; a broken one is validated, and reported, on every run.

The format is plain data on purpose: JSON of the validated model, validated again by the same pydantic models
when read. A file planted in the cache folder can at worst be a miss or (if it is a valid exhibition with the
right key) show content, never run code, as a pickle would. Older kiosks' `.pickle` files are never read and
are removed. The folder is the kiosk's private per-user cache folder (0700, see `kiosk.paths.private_dir`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from kiosk import __version__, paths
from kiosk.content import loader
from kiosk.content.problems import Problem, Severity
from kiosk.content.schema import Exhibition

log = logging.getLogger(__name__)

FORMAT = 2  # bump when the cached record's shape changes (1 was a pickle)
SUFFIX = ".json"
OLD_SUFFIX = ".pickle"


def load_exhibition_cached(folder: Path, cache_dir: Path | None) -> tuple[Exhibition, list[Problem]]:
    """`loader.load_exhibition(folder)`, answered from `cache_dir` when the folder is unchanged since it was
    last validated there. `cache_dir=None` always validates. Raises `ContentError` exactly as the loader does."""
    folder = Path(folder)
    if cache_dir is None:
        return loader.load_exhibition(folder)
    try:
        key = fingerprint(folder)
    except OSError:
        return loader.load_exhibition(folder)  # the loader explains what is wrong with the folder
    name = hashlib.blake2b(os.fsencode(folder.resolve()), digest_size=10).hexdigest()  # any bytes a name holds
    file = Path(cache_dir) / f"{name}{SUFFIX}"
    paths.remove_stale_temp_files(file.parent, file.name)  # left by a kiosk that died mid-write
    cached = _read(file, key)
    if cached is not None:
        return cached
    exhibition, warnings = loader.load_exhibition(folder)
    _write(file, key, exhibition, warnings)
    return exhibition, warnings


def fingerprint(folder: Path) -> str:
    """What the cached result depends on, as one digest (see the module's docstring)."""
    digest = hashlib.blake2b(digest_size=20)
    for part in _kiosk_stamp():
        digest.update(part.encode() + b"\0")
    entries = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            path = os.path.join(root, name)
            stat = os.stat(path)
            entries.append(f"{os.path.relpath(path, folder)}|{stat.st_size}|{stat.st_mtime_ns}")
    for entry in sorted(entries):
        digest.update(entry.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _kiosk_stamp() -> list[str]:
    import pydantic

    parts = [str(FORMAT), __version__, sys.version, pydantic.VERSION]
    parts += [f"{check.__module__}.{check.__qualname__}" for check in loader.registered_checks()]
    if getattr(sys, "frozen", False):
        sources = [Path(sys.executable)]
    else:
        sources = sorted(Path(__file__).parent.glob("*.py"))
    for source in sources:
        try:
            stat = source.stat()
            parts.append(f"{source.name}|{stat.st_size}|{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{source.name}|?")
    return parts


def _read(file: Path, key: str) -> tuple[Exhibition, list[Problem]] | None:
    try:
        record = json.loads(file.read_bytes())
        if not isinstance(record, dict) or record.get("format") != FORMAT or record.get("key") != key:
            return None
        # JSON mode: the strict content types (dates, finite numbers) read back their own JSON form
        exhibition = Exhibition.model_validate_json(json.dumps(record["exhibition"], ensure_ascii=False))
        return exhibition, [_problem(item) for item in record["warnings"]]
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, foreign, not JSON, not a valid exhibition: validate the folder instead
        log.info("content cache %s unusable (%s); validating the folder", file, exc)
        return None


def _problem(item: Any) -> Problem:
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("file", "path", "message")):
        raise ValueError(f"not a content problem: {item!r:.80}")
    return Problem(item["file"], item["path"], item["message"], Severity(item.get("severity", "error")))


def _write(file: Path, key: str, exhibition: Exhibition, warnings: list[Problem]) -> None:
    try:
        paths.private_dir(file.parent)
        record = {
            "format": FORMAT,
            "key": key,
            "exhibition": exhibition.model_dump(mode="json"),
            "warnings": [{"file": w.file, "path": w.path, "message": w.message, "severity": w.severity.value}
                         for w in warnings],
        }
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        handle, temp = tempfile.mkstemp(dir=file.parent, prefix=paths.temp_prefix(file.name), suffix=paths.TEMP_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, file)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except Exception as exc:  # a read-only or full disk costs only start-up time, never the exhibition
        log.warning("content cache %s not written: %s", file, exc)
        return
    with contextlib.suppress(OSError):  # the pickle an older kiosk kept for the same folder: never read again
        file.with_suffix(OLD_SUFFIX).unlink(missing_ok=True)
