"""`kiosk stats merge`: one hall's statistics from the CSV exports of several kiosks.

Each kiosk's staff panel exports `…-hourly.csv` (per day and hour) and `…-items.csv` (per screen, photo and map
feature; see `kiosk.staff.stats.VisitorStats.export_csv`). The merge reads any number of them, tells the two
kinds apart by their header, and writes into the output folder:

- `kiosks.csv`: one row per kiosk (first and last day, visits, time, screens, photos, map taps) and a total row;
- `hourly-per-kiosk.csv` and `items-per-kiosk.csv`: the inputs' rows with a `kiosk` column in front;
- `hourly-total.csv` and `items-total.csv`: the same columns as an export, added up over the kiosks.

A kiosk's name is given as `NAME=FILE`; otherwise it is the name of the folder holding an export that still has
its exported name (`hall-a/lukou-kiosk-statistics-…-hourly.csv` → `hall-a`), else the file's name without
`-hourly`/`-items`. Every input is read and checked before anything is written: a malformed file stops the merge
with its name and line, and the outputs are written to temporary files renamed into place only when all are
complete, so the folder never holds half a merge. Qt-free.
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk.staff.stats import FORMULA_STARTS, HOURLY_COLUMNS, ITEM_COLUMNS, KINDS, spreadsheet_safe

HOURLY = "hourly"
ITEMS = "items"
EXPORT_NAME = re.compile(r"^lukou-kiosk-statistics-\d{8}-\d{6}(-\d+)?-(hourly|items)$")
SUMMARY_COLUMNS = ("kiosk", "first_day", "last_day", "days", "visits", "visit_seconds", "screens_opened",
                   "photos_opened", "map_features_tapped")
TOTAL = "TOTAL"
# Rows in one export: an hourly file has one per hour the kiosk was open (ten years: under 90,000), an items file
# one per screen, photo and map feature. A bound so that a made-up file cannot take all the memory.
MAX_ROWS = 200_000
OUTPUT_FILES = ("kiosks.csv", "hourly-per-kiosk.csv", "hourly-total.csv", "items-per-kiosk.csv", "items-total.csv")


class MergeError(ValueError):
    """A malformed or inconsistent input: the message names the file (and the line)."""


@dataclass
class KioskExport:
    name: str
    hourly: list[dict[str, object]] = field(default_factory=list)
    items: list[dict[str, object]] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # kind -> the file it came from


def kiosk_name(path: Path) -> str:
    stem = path.stem
    if EXPORT_NAME.match(stem) and path.resolve().parent.name:
        return path.resolve().parent.name
    for suffix in ("-hourly", "-items"):
        if stem.endswith(suffix) and len(stem) > len(suffix):
            return stem[: -len(suffix)]
    return stem


def split_argument(arg: str) -> tuple[str | None, Path]:
    """`NAME=FILE` or `FILE` (a file whose own name holds `=` is taken whole when it exists)."""
    name, eq, rest = arg.partition("=")
    if eq and name and rest and not Path(arg).exists():
        return name, Path(rest)
    return None, Path(arg)


def _unquote(text: str) -> str:
    # The export writes a cell a spreadsheet would run as a formula with a leading quote: read it back bare.
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


# What an export writes: ASCII digits, a point for seconds. Python would also take `inf`, `1e400` (infinity),
# `1_000` and other scripts' digits (`١٢`), which no kiosk wrote and a spreadsheet would not read as numbers.
_WHOLE = re.compile(r"\s*[-+]?[0-9]+\s*", re.ASCII)
_REAL = re.compile(r"\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*", re.ASCII)


def _number(path: Path, line: int, column: str, text: str, real: bool) -> int | float:
    try:
        if not (_REAL if real else _WHOLE).fullmatch(text):
            raise ValueError(text)
        value: int | float = float(text) if real else int(text)
        if not math.isfinite(value):
            raise ValueError(text)
    except ValueError:
        kind = "a number" if real else "a whole number"
        raise MergeError(f"{path}: line {line}: {column} is {text!r}, not {kind}") from None
    if value < 0 or value != value:  # negative or NaN
        raise MergeError(f"{path}: line {line}: {column} is {text!r}, which cannot be negative")
    return value


# Hourly exports before accessible mode stop after map_features_tapped.
_OLDEST_HOURLY = HOURLY_COLUMNS.index("map_features_tapped") + 1


def read_export(path: Path) -> tuple[str, list[dict[str, object]]]:
    """(kind, rows) of one exported CSV, every cell checked; MergeError names the file and line."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            try:
                header = next(reader)
            except StopIteration:
                raise MergeError(f"{path}: the file is empty (expected a statistics export)") from None
            columns: tuple[str, ...]
            if tuple(header) == HOURLY_COLUMNS[:len(header)] and len(header) >= _OLDEST_HOURLY:
                # An older kiosk's export lacks the columns added since; they count 0 there.
                kind, columns = HOURLY, tuple(header)
            elif tuple(header) == ITEM_COLUMNS:
                kind, columns = ITEMS, ITEM_COLUMNS
            else:
                raise MergeError(
                    f"{path}: line 1: not a statistics export: the header is {','.join(header)!r}, expected "
                    f"{','.join(HOURLY_COLUMNS)!r} or {','.join(ITEM_COLUMNS)!r}"
                )
            rows: list[dict[str, object]] = []
            seen: dict[tuple[object, ...], int] = {}
            for cells in reader:
                line = reader.line_num
                if not cells or all(not c.strip() for c in cells):
                    continue
                if len(rows) >= MAX_ROWS:
                    raise MergeError(f"{path}: line {line}: more than {MAX_ROWS:,} rows: not one kiosk's export")
                if len(cells) != len(columns):
                    raise MergeError(f"{path}: line {line}: {len(cells)} cells, expected {len(columns)}")
                row = _hourly_row(path, line, cells, columns) if kind == HOURLY else _item_row(path, line, cells)
                key = (row["day"], row["hour"]) if kind == HOURLY else (row["kind"], row["subject"])
                if key in seen:
                    raise MergeError(f"{path}: line {line}: {' '.join(map(str, key))} again (first on line "
                                     f"{seen[key]})")
                seen[key] = line
                rows.append(row)
    except UnicodeDecodeError as exc:
        raise MergeError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise MergeError(f"{path}: line {reader.line_num}: {exc}") from None
    except OSError as exc:
        raise MergeError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return kind, rows


def _hourly_row(path: Path, line: int, cells: list[str], columns: tuple[str, ...]) -> dict[str, object]:
    raw = dict.fromkeys(HOURLY_COLUMNS, "0") | dict(zip(columns, cells, strict=True))
    try:
        day = date.fromisoformat(raw["day"])
    except ValueError:
        raise MergeError(f"{path}: line {line}: day is {raw['day']!r}, not a date like 2026-05-01") from None
    row: dict[str, object] = {"day": day.isoformat()}
    for column in HOURLY_COLUMNS[1:]:
        row[column] = _number(path, line, column, raw[column], real="seconds" in column)
    if not 0 <= int(row["hour"]) <= 23:  # type: ignore[call-overload]  # an int, checked above
        raise MergeError(f"{path}: line {line}: hour is {raw['hour']!r}, not 0 to 23")
    return row


def _item_row(path: Path, line: int, cells: list[str]) -> dict[str, object]:
    raw = dict(zip(ITEM_COLUMNS, cells, strict=True))
    kind, subject = _unquote(raw["kind"]), _unquote(raw["subject"])
    if kind not in KINDS:
        raise MergeError(f"{path}: line {line}: kind is {kind!r}, expected one of {', '.join(KINDS)}")
    if not subject.strip():
        raise MergeError(f"{path}: line {line}: the subject is empty")
    return {
        "kind": kind,
        "subject": subject,
        "count": _number(path, line, "count", raw["count"], real=False),
        "seconds": _number(path, line, "seconds", raw["seconds"], real=True),
    }


def read_exports(arguments: Sequence[str]) -> list[KioskExport]:
    """Every input read and checked, grouped by kiosk in the order given."""
    if not arguments:
        raise MergeError("no statistics exports given")
    kiosks: dict[str, KioskExport] = {}
    for arg in arguments:
        name, path = split_argument(arg)
        if path.name in OUTPUT_FILES and name is None:  # `*/*.csv` picks up the last merge's folder: never twice
            raise MergeError(f"{path}: written by an earlier kiosk stats merge, not a kiosk's export; leave it out "
                             "(or name it NAME=FILE if it really is one)")
        kind, rows = read_export(path)
        name = name or kiosk_name(path)
        export = kiosks.setdefault(name, KioskExport(name))
        if kind in export.files:
            raise MergeError(
                f"{path}: kiosk {name!r} already has a {kind} export ({export.files[kind]}); name each kiosk's "
                f"files with NAME=FILE"
            )
        export.files[kind] = path
        if kind == HOURLY:
            export.hourly = rows
        else:
            export.items = rows
    return list(kiosks.values())


def summary_row(name: str, hourly: Iterable[dict[str, object]]) -> dict[str, object]:
    rows = list(hourly)
    days = sorted({str(r["day"]) for r in rows})
    out: dict[str, object] = {
        "kiosk": name,
        "first_day": days[0] if days else "",
        "last_day": days[-1] if days else "",
        "days": len(days),
    }
    for column in SUMMARY_COLUMNS[4:]:
        total = sum(r[column] for r in rows)  # type: ignore[misc]  # numbers, checked on reading
        out[column] = round(total, 1) if isinstance(total, float) else total
    return out


Row = dict[str, object]


def _added(rows: Iterable[Row], key: tuple[str, ...], columns: tuple[str, ...]) -> list[Row]:
    table: dict[tuple[object, ...], dict[str, object]] = {}
    for row in rows:
        k = tuple(row[c] for c in key)
        into = table.setdefault(k, {c: (row[c] if c in key else 0) for c in columns})
        for c in columns:
            if c not in key:
                into[c] = into[c] + row[c]  # type: ignore[operator]  # numbers, checked on reading
    out = [table[k] for k in sorted(table, key=lambda k: tuple(map(str, k)))]
    for row in out:
        for c in columns:
            if isinstance(row[c], float):
                row[c] = round(row[c], 1)  # type: ignore[call-overload]  # a float, tested above
    return out


def merged_tables(kiosks: Sequence[KioskExport]) -> dict[str, tuple[tuple[str, ...], list[dict[str, object]]]]:
    """File name -> (columns, rows) of every output."""
    summary = [summary_row(k.name, k.hourly) for k in kiosks]
    summary.append(summary_row(TOTAL, [r for k in kiosks for r in k.hourly]))
    summary[-1]["kiosk"] = f"{TOTAL} ({len(kiosks)} kiosks)"
    return {
        "kiosks.csv": (SUMMARY_COLUMNS, summary),
        "hourly-per-kiosk.csv": (("kiosk", *HOURLY_COLUMNS), [{"kiosk": k.name} | r for k in kiosks for r in k.hourly]),
        "hourly-total.csv": (HOURLY_COLUMNS, _added((r for k in kiosks for r in k.hourly), ("day", "hour"),
                                                    HOURLY_COLUMNS)),
        "items-per-kiosk.csv": (("kiosk", *ITEM_COLUMNS), [{"kiosk": k.name} | r for k in kiosks for r in k.items]),
        "items-total.csv": (ITEM_COLUMNS, _added((r for k in kiosks for r in k.items), ("kind", "subject"),
                                                 ITEM_COLUMNS)),
    }


def write_tables(out: Path, tables: dict[str, tuple[tuple[str, ...], list[dict[str, object]]]]) -> list[Path]:
    """All files written to temporaries first, then renamed into place; on any failure none is left behind."""
    out.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[Path, Path]] = []
    try:
        for name, (columns, rows) in tables.items():
            temp = out / f".{name}.{os.getpid()}.tmp"
            with temp.open("w", newline="", encoding="utf-8") as handle:
                temps.append((temp, out / name))
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
                handle.flush()
                os.fsync(handle.fileno())
        for temp, final in temps:
            os.replace(temp, final)
    except BaseException:
        for temp, _ in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
    return [final for _, final in temps]


def merge(arguments: Sequence[str], out: Path) -> list[Path]:
    """Read every export, then write the merged tables into `out`; MergeError before anything is written."""
    return write_tables(Path(out), merged_tables(read_exports(arguments)))


def main(argv: Sequence[str]) -> int:
    """`kiosk stats merge A.csv B.csv … --out DIR`."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="kiosk stats merge",
        description="Combine the statistics CSV exports of several kiosks into per-kiosk and total CSVs.",
    )
    parser.add_argument("exports", nargs="+", metavar="[NAME=]FILE",
                        help="an exported -hourly.csv or -items.csv; NAME= names its kiosk")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the merged CSVs")
    args = parser.parse_args(list(argv))
    try:
        kiosks = read_exports(args.exports)
        written = write_tables(args.out, merged_tables(kiosks))
    except MergeError as exc:
        print(f"kiosk stats merge: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kiosk stats merge: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for k in kiosks:
        print(f"{k.name}: {', '.join(f'{kind} {path}' for kind, path in k.files.items())}")
    for path in written:
        print(f"wrote {path}")
    return 0



def stats_main(argv: Sequence[str]) -> int:
    """`kiosk stats SUBCOMMAND …`: only `merge` for now."""
    if argv and argv[0] == "merge":
        return main(argv[1:])
    print("usage: kiosk stats merge [NAME=]FILE … --out DIR   (kiosk stats merge --help for more)", file=sys.stderr)
    return 0 if argv and argv[0] in ("-h", "--help") else 2
