"""Read a content folder into an `Exhibition`, or explain precisely what is wrong with it.

Layout of a content folder:

    exhibition.toml         title, intro, credits, headline figures, the order of the sections
    sections/<id>.toml      one file per section, named by its id
    timeline.toml, map.toml ...  optional documents, each the field of the same name (see OPTIONAL_DOCUMENTS)
    photos/                 the photo files the content names

Every problem names the file it is in and the field path inside the whole exhibition, e.g.
`sections/party.toml: sections[1].photos[0].file: no such file 'x.jpg'`. Loading never raises anything but
`ContentError`, so a broken folder can never take the running kiosk down.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.content.problems import Problem, Severity
from kiosk.content.schema import Exhibition

log = logging.getLogger(__name__)

ROOT_FILE = "exhibition.toml"
SECTIONS_DIR = "sections"
PHOTOS_DIR = "photos"

# Optional top-level documents: file name -> field of `Exhibition` it fills. A missing file leaves the field at
# its default; errors inside it are reported against that file.
OPTIONAL_DOCUMENTS: dict[str, str] = {"timeline.toml": "timeline", "map.toml": "map", "glossary.toml": "glossary"}

# Extra checks that need the file system or another package (e.g. photo decoding), registered by the
# packages that own them so this module stays small. Each returns problems; none may raise.
FileCheck = Callable[[Exhibition, Path], list[Problem]]
_extra_checks: list[FileCheck] = []


def register_check(check: FileCheck) -> None:
    if check not in _extra_checks:
        _extra_checks.append(check)


def registered_checks() -> list[FileCheck]:
    return list(_extra_checks)


class ContentError(Exception):
    """The content folder cannot be shown; `problems` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load_exhibition(folder: Path) -> tuple[Exhibition, list[Problem]]:
    """Load and validate `folder`. Returns the exhibition and its warnings; raises `ContentError` on errors."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        raise ContentError([Problem(str(folder), "", "content folder not found")])

    root = _read_toml(folder, ROOT_FILE, problems)
    if root is None:
        raise ContentError(problems)

    files_by_index: dict[int, str] = {}
    section_ids = root.get("sections", [])
    sections: list[Any] = []
    if not isinstance(section_ids, list) or not all(isinstance(s, str) for s in section_ids):
        problems.append(Problem(ROOT_FILE, "sections", "must be a list of section ids, e.g. [\"develop\", \"party\"]"))
    else:
        for index, section_id in enumerate(section_ids):
            name = f"{SECTIONS_DIR}/{section_id}.toml"
            files_by_index[index] = name
            data = _read_toml(folder, name, problems)
            if data is not None:
                data.setdefault("id", section_id)
                sections.append(data)
    files_by_field: dict[str, str] = {}
    for name, field in OPTIONAL_DOCUMENTS.items():
        if (folder / name).exists():
            data = _read_toml(folder, name, problems)
            if data is not None:
                if field in root:
                    problems.append(Problem(ROOT_FILE, field, f"is kept in {name}; remove it from {ROOT_FILE}"))
                root[field] = data
                files_by_field[field] = name
    if problems:
        raise ContentError(problems)
    root["sections"] = sections

    try:
        exhibition = Exhibition.model_validate(root)
    except ValidationError as exc:
        raise ContentError([_problem_from_error(err, files_by_index, files_by_field) for err in exc.errors()]) from None

    for index, section in enumerate(exhibition.sections):
        if files_by_index.get(index) != f"{SECTIONS_DIR}/{section.id}.toml":
            problems.append(
                Problem(files_by_index[index], f"sections[{index}].id", f"id {section.id!r} must match the file name")
            )
    problems.extend(_check_photo_files(exhibition, folder, files_by_index))
    for check in _extra_checks:
        try:
            problems.extend(check(exhibition, folder))
        except Exception as exc:  # a check must never take loading down with it
            log.exception("content check %r failed", check)
            problems.append(Problem(ROOT_FILE, "", f"internal check failed: {exc}"))

    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ContentError(problems)
    return exhibition, problems


def _read_toml(folder: Path, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    path = folder / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(Problem(name, "", "file not found"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(name, "", f"not valid TOML: {exc}"))
    except UnicodeDecodeError:
        problems.append(Problem(name, "", "not UTF-8 text"))
    except OSError as exc:
        problems.append(Problem(name, "", f"cannot read: {exc.strerror or exc}"))
    return None


def _problem_from_error(
    error: dict[str, Any], files_by_index: dict[int, str], files_by_field: dict[str, str]
) -> Problem:
    loc = list(error.get("loc", ()))
    file = ROOT_FILE
    if len(loc) >= 2 and loc[0] == "sections" and isinstance(loc[1], int):
        file = files_by_index.get(loc[1], ROOT_FILE)
    elif loc and loc[0] in files_by_field:
        file = files_by_field[str(loc[0])]
    path = _format_loc(loc)
    message = error.get("msg", "invalid")
    if error.get("type") == "missing":
        message = "required field is missing"
    elif error.get("type") == "extra_forbidden":
        message = "unknown field (check its spelling)"
    elif "input" in error and error.get("type") not in ("model_type", "list_type", "dict_type"):
        message = f"{message} (got {error['input']!r})"
    return Problem(file, path, message)


def _format_loc(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "float", "LocalNumber")):
            continue  # pydantic's names for union branches mean nothing to an editor
        else:
            out += f".{part}" if out else str(part)
    return out


def _check_photo_files(exhibition: Exhibition, folder: Path, files_by_index: dict[int, str]) -> list[Problem]:
    problems: list[Problem] = []
    photos_dir = folder / PHOTOS_DIR
    owners: list[tuple[str, str, list]] = [(ROOT_FILE, "photos", list(exhibition.photos))]
    for index, section in enumerate(exhibition.sections):
        owners.append((files_by_index[index], f"sections[{index}].photos", list(section.photos)))
    for file, prefix, photos in owners:
        for i, photo in enumerate(photos):
            if not (photos_dir / photo.file).is_file():
                # A warning: the kiosk still shows the content, with a neutral placeholder for this photo.
                message = f"no such file {photo.file!r} in {PHOTOS_DIR}/"
                problems.append(Problem(file, f"{prefix}[{i}].file", message, Severity.WARNING))
    return problems


def photo_path(folder: Path, file: str) -> Path:
    return Path(folder) / PHOTOS_DIR / file
