"""A content folder many times larger than the exhibition's, for the scale check of `kiosk bench --scale`:
the shipped content plus generated photos (links to the shipped photo files under new names) and, where the
content has a timeline, generated timeline events — 500 photos and 200 events by default.

The generated text says what it is ("生成的测试照片 17 / Generated test photo 17"); the folder lives in a
temporary directory and is never shown to visitors. No Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PHOTOS_PER_SECTION = 10  # the rest go to the photos that belong to no section (the gallery shows all)


def generate(source: Path, target: Path, photos: int = 500, events: int = 200) -> dict[str, int]:
    """Write the scaled content folder `target` from `source`; returns how many photos and events it holds."""
    source, target = Path(source), Path(target)
    if target.exists():
        shutil.rmtree(target)
    (target / "sections").mkdir(parents=True)
    (target / "photos").mkdir()
    for file in sorted((source / "photos").iterdir()):
        if file.is_file():
            _link(file, target / "photos" / file.name)

    root = _load(source / "exhibition.toml")
    sections = {sid: _load(source / "sections" / f"{sid}.toml") for sid in root.get("sections", [])}
    existing = len(root.get("photos", [])) + sum(len(s.get("photos", [])) for s in sections.values())
    pictures = (".jpg", ".jpeg", ".png", ".webp")
    originals = [p for p in sorted((source / "photos").iterdir()) if p.suffix.lower() in pictures]
    extra = max(0, photos - existing)
    made: list[str] = []
    section_ids = list(sections)
    for n in range(extra):
        photo_id = f"scale-photo-{n + 1:04d}"
        original = originals[n % len(originals)]
        file = f"{photo_id}{original.suffix.lower()}"
        _link(original, target / "photos" / file)
        entry = {
            "id": photo_id,
            "file": file,
            "caption": {"zh": f"生成的测试照片 {n + 1}", "en": f"Generated test photo {n + 1}"},
            "placeholder": True,
        }
        owner = n // PHOTOS_PER_SECTION
        if owner < len(section_ids):
            sections[section_ids[owner]].setdefault("photos", []).append(entry)
        else:
            root.setdefault("photos", []).append(entry)
        made.append(photo_id)

    _dump(root, target / "exhibition.toml")
    for sid, data in sections.items():
        _dump(data, target / "sections" / f"{sid}.toml")

    event_count = 0
    for extra_file in sorted(source.glob("*.toml")):
        if extra_file.name == "exhibition.toml":
            continue
        data = _load(extra_file)
        if extra_file.name == "timeline.toml" and isinstance(data.get("events"), list):
            data["events"] = _scaled_events(data["events"], events, made)
            event_count = len(data["events"])
        _dump(data, target / extra_file.name)
    for extra_dir in sorted(p for p in source.iterdir() if p.is_dir() and p.name not in ("sections", "photos")):
        shutil.copytree(extra_dir, target / extra_dir.name)
    return {"photos": existing + extra, "events": event_count}


def _scaled_events(events: list[dict[str, Any]], count: int, photo_ids: list[str]) -> list[dict[str, Any]]:
    """The shipped events plus generated dated ones, merged in time order; undated events stay last."""
    try:
        from kiosk.content.timeline import When
    except ImportError:  # no timeline schema in this build: leave the events as they are
        return events
    dated = [e for e in events if "when" in e]
    undated = [e for e in events if "when" not in e]
    years = [When.model_validate(e["when"]).position for e in dated] or [2000.0]
    first, last = int(min(years)), int(max(years))
    extra = max(0, count - len(events))
    for n in range(extra):
        year = first + (n * (last - first + 1)) // max(1, extra)
        event: dict[str, Any] = {
            "id": f"scale-event-{n + 1:04d}",
            "when": year,
            "status": "built",
            "title": {"zh": f"测试事件 {n + 1}", "en": f"Test event {n + 1}"},
            "text": {"zh": f"生成的测试事件 {n + 1}。", "en": f"Generated test event {n + 1}."},
        }
        if photo_ids and n % 5 == 0:
            event["photo"] = photo_ids[n % len(photo_ids)]
        dated.append(event)
    dated.sort(key=lambda e: When.model_validate(e["when"]).position)  # stable: shipped order kept per year
    return dated + undated


def _link(original: Path, link: Path) -> None:
    """A new name for an existing photo file without copying its bytes where the file system allows it."""
    for make in (os.symlink, os.link):
        try:
            make(original.resolve(), link)
            return
        except (OSError, NotImplementedError):
            continue
    shutil.copy2(original, link)


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _dump(data: dict[str, Any], path: Path) -> None:
    lines = [f"{_key(key)} = {_value(value, top=True)}" for key, value in data.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else json.dumps(key)


def _value(value: Any, top: bool = False) -> str:
    """TOML for the value types content files use; arrays one element per line, tables inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        if not value:
            return "[]"
        if top:
            return "[\n" + "".join(f"  {_value(v)},\n" for v in value) + "]"
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
