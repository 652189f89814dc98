"""Read a content folder into an `Exhibition`, or explain precisely what is wrong with it.

Layout of a content folder:

    exhibition.toml         title, intro, credits, headline figures, the order of the sections
    sections/<id>.toml      one file per section, named by its id
    timeline.toml, map.toml ...  optional documents, each the field of the same name (see OPTIONAL_DOCUMENTS)
    photos/                 the photo files the content names

Every problem names the file it is in and the field path inside the whole exhibition, e.g.
`sections/party.toml: sections[1].photos[0].file: no such file 'x.jpg'`. Loading never raises anything but
`ContentError`, so a broken folder can never take the running kiosk down: whatever a file holds (a byte-order
mark, which is skipped; a nesting too deep to read; a symbolic-link loop; a folder where a file belongs), it
becomes one line naming the file.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from kiosk.content.problems import Problem, Severity, echo
from kiosk.content.refs import check_refs
from kiosk.content.schema import Exhibition, Photo

log = logging.getLogger(__name__)

ROOT_FILE = "exhibition.toml"
SECTIONS_DIR = "sections"
PHOTOS_DIR = "photos"

# Optional top-level documents: file name -> field of `Exhibition` it fills. A missing file leaves the field at
# its default; errors inside it are reported against that file.
OPTIONAL_DOCUMENTS: dict[str, str] = {
    "timeline.toml": "timeline", "map.toml": "map", "glossary.toml": "glossary", "words.toml": "words",
}

MAX_FILE_BYTES = 10 * 1024 * 1024  # a content file is text: ten megabytes is a hundred times the shipped ones
MAX_TABLES = 5000  # table headers in one file: the glossary, the longest, has about 150
_TABLE_HEADER = re.compile(r"\s*\[\[?\s*[A-Za-z_\"']")
BOM = b"\xef\xbb\xbf"  # some Windows editors start UTF-8 files with it; TOML does not allow it, we skip it
_SECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Python's TOML parser takes time growing with the square of a dotted key's length (20,000 parts: seconds, a
# file's worth: hours), so keys that long are refused before parsing. Content keys have a few parts at most.
MAX_KEY_PARTS = 100
MAX_SECTIONS = 100  # a guard against a runaway list (the exhibition has four), not a layout limit
_KEY_HEAD = re.compile(r"^[\s\[]*[\w\"'\s.-]*$")

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
    if (trouble := folder_trouble(folder)) is not None:
        raise ContentError([Problem(str(folder), "", trouble)])

    root = _read_toml(folder, ROOT_FILE, problems)
    if root is None:
        raise ContentError(problems)

    files_by_index: dict[int, str] = {}
    section_ids = root.get("sections", [])
    sections: list[Any] = []
    if not isinstance(section_ids, list) or not all(isinstance(s, str) for s in section_ids):
        problems.append(Problem(ROOT_FILE, "sections", "must be a list of section ids, e.g. [\"develop\", \"party\"]"))
    elif len(section_ids) > MAX_SECTIONS:
        # said once: a list of a million ids would otherwise be a million lines, and most of a minute, of report
        problems.append(Problem(ROOT_FILE, "sections", f"{len(section_ids):,} sections listed; an exhibition has "
                                                       f"{MAX_SECTIONS} at most"))
    else:
        listed: dict[str, int] = {}
        for index, section_id in enumerate(section_ids):
            if not _SECTION_ID.match(section_id) or len(section_id) > 80:
                # the id names a file: never let it lead outside sections/
                problems.append(Problem(ROOT_FILE, f"sections[{index}]", f"{echo(section_id)} is not a section id "
                                        "(lower-case letters, digits and '-', the name of a file in sections/)"))
                continue
            if section_id in listed:
                first = listed[section_id]
                problems.append(Problem(ROOT_FILE, f"sections[{index}]",
                                        f"section {echo(section_id)} is already listed as sections[{first}]"))
                continue
            listed[section_id] = index
            name = f"{SECTIONS_DIR}/{section_id}.toml"
            files_by_index[index] = name
            data = _read_toml(folder, name, problems)
            if data is not None:
                data.setdefault("id", section_id)
                sections.append(data)
    files_by_field: dict[str, str] = {}
    for name, field in OPTIONAL_DOCUMENTS.items():
        if os.path.lexists(folder / name):  # lexists: a broken or looping link is reported, not skipped
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
    except RecursionError:
        raise ContentError([Problem(ROOT_FILE, "", "the content is nested too deeply to check")]) from None

    for index, section in enumerate(exhibition.sections):
        if files_by_index.get(index) != f"{SECTIONS_DIR}/{section.id}.toml":
            problems.append(
                Problem(files_by_index[index], f"sections[{index}].id",
                        f"id {echo(section.id)} must match the file name")
            )
    problems.extend(check_refs(exhibition, files_by_index))
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


def folder_trouble(folder: Path) -> str | None:
    """Why `folder` cannot be a content folder, or None."""
    try:
        if not folder.is_dir():
            os.stat(folder)  # raises for a missing folder or a link loop: say which below
            return "is a file, not a content folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that leads back to itself (a link loop), not a content folder"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "content folder not found"
        return f"cannot open the content folder: {exc.strerror or exc}"
    return None


def _read_toml(folder: Path, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    """The parsed file, or None with one problem added: nothing a file holds escapes from here."""
    path = folder / name
    try:
        # Only a regular file is read: opening a named pipe (FIFO) waits for a writer for ever, and a device
        # such as /dev/zero never ends, so either would hang the check and the kiosk's start-up.
        mode = os.stat(path).st_mode  # a folder is let through: opening it says so below
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            problems.append(Problem(name, "", "is not a regular file (a named pipe, device or socket); "
                                              "save the content as an ordinary file"))
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            problems.append(Problem(name, "", f"too large for a content file (over {MAX_FILE_BYTES // 2**20} MB)"))
            return None
        text = data.removeprefix(BOM).decode("utf-8")
        if (line := _overlong_key(text)) is not None:
            problems.append(Problem(name, "", f"line {line}: a key of more than {MAX_KEY_PARTS} dotted parts "
                                              "(a.b.c…); content keys have a few at most"))
            return None
        if (headers := _table_headers(text)) > MAX_TABLES:
            # Python's TOML reader slows down more than in proportion with many tables, and each stray one would
            # be reported on a line of its own: a 9 MB file of them took minutes and printed 900,000 lines.
            problems.append(Problem(name, "", f"{headers:,} tables ([…] / [[…]] headers); a content file has "
                                              f"{MAX_TABLES:,} at most"))
            return None
        return tomllib.loads(text)
    except FileNotFoundError:
        problems.append(Problem(name, "", "file not found"))
    except IsADirectoryError:
        problems.append(Problem(name, "", "is a folder, not a file"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(name, "", f"not valid TOML: {exc}"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, "", f"not UTF-8 text (byte {exc.start + 1} cannot be read); save it as UTF-8"))
    except RecursionError:
        problems.append(Problem(name, "", "nested too deeply to read (arrays or tables inside each other "
                                          "hundreds of levels deep)"))
    except ValueError as exc:
        if "integer string conversion" in str(exc):
            # Python refuses to read a whole number of over 4,300 digits (a guard against slow conversions)
            problems.append(Problem(name, "", "holds a number thousands of digits long; no content number needs "
                                              "more than a few"))
        else:
            log.warning("reading %s failed: %s", path, exc)
            problems.append(Problem(name, "", f"cannot read: {exc}"))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            problems.append(Problem(name, "", "is a symbolic link that leads back to itself (a link loop)"))
        else:
            problems.append(Problem(name, "", f"cannot read: {exc.strerror or exc}"))
    except Exception as exc:  # whatever else the parser meets, it is this file's problem
        log.warning("reading %s failed", path, exc_info=True)
        problems.append(Problem(name, "", f"cannot read: {type(exc).__name__}: {exc}"))
    return None


def _table_headers(text: str) -> int:
    """How many lines open a table (`[name]`) or an entry of an array of tables (`[[name]]`); a line of a
    multi-line array (`[113.1, 27.6],`) is not one."""
    return sum(1 for line in text.splitlines() if line.lstrip().startswith("[") and _TABLE_HEADER.match(line))


def _overlong_key(text: str) -> int | None:
    """The number of the first line whose key (or table header) has over MAX_KEY_PARTS dotted parts."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.count(".") < MAX_KEY_PARTS:
            continue  # nearly every line: one pass over it, nothing more
        head = line.split("=", 1)[0].rstrip("] \t")
        if head.count(".") >= MAX_KEY_PARTS and _KEY_HEAD.match(head):
            return number
    return None


def _problem_from_error(
    error: ErrorDetails, files_by_index: dict[int, str], files_by_field: dict[str, str]
) -> Problem:
    loc = list(error.get("loc", ()))
    file = ROOT_FILE
    if len(loc) >= 2 and loc[0] == "sections" and isinstance(loc[1], int):
        file = files_by_index.get(loc[1], ROOT_FILE)
    elif loc and loc[0] in files_by_field:
        file = files_by_field[str(loc[0])]
    path = _format_loc(loc)
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    kind = error.get("type")
    if kind == "missing":
        message = "required field is missing"
    elif kind == "extra_forbidden":
        message = "unknown field (check its spelling)"
    elif kind != "value_error" and isinstance(error.get("input"), _SCALARS):
        # only a single value is echoed, cut short: a table or list would repeat half a file
        message = f"{message} (got {echo(error['input'])})"
    return Problem(file, path, message)


_SCALARS = (str, int, float, bool, dt.date, dt.time)


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
    owners: list[tuple[str, str, list[Photo]]] = [(ROOT_FILE, "photos", list(exhibition.photos))]
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
