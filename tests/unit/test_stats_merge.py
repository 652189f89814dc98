"""`kiosk stats merge`: real exports of two kiosks combined per kiosk and in total; malformed inputs stop the
merge with the file and line named, and leave the output folder as it was."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.staff.stats import VisitorStats
from kiosk.staff.stats_merge import OUTPUT_FILES, MergeError, kiosk_name, main, merge, read_export


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def export(folder: Path, visits: list[tuple[datetime, float, list[str]]]) -> list[Path]:
    """A kiosk's real staff-panel export after the scripted visits (start, seconds, screens)."""
    clock = Clock(visits[0][0])
    stats = VisitorStats(folder.parent / f"{folder.name}.sqlite3", clock)
    for start, seconds, screens in visits:
        clock.now = start
        stats.start_visit()
        for screen in screens:
            stats.screen_entered(screen)
            clock.now += timedelta(seconds=seconds / len(screens))
        stats.photo_opened("=cmd")  # an id a spreadsheet would run: exported quoted, merged the same way
        stats.end_visit()
    files = stats.export_csv(folder)  # staff copied each kiosk's export into a folder named after it
    stats.close()
    return files


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def two_kiosks(tmp_path: Path) -> list[Path]:
    day = datetime(2026, 5, 1, 10, 0)
    a = tmp_path / "hall-a"
    b = tmp_path / "hall-b"
    a.mkdir()
    b.mkdir()
    files = export(a, [(day, 60, ["section/party", "map"]), (day + timedelta(hours=1), 30, ["timeline"])])
    files += export(b, [(day + timedelta(minutes=5), 90, ["map"]), (day + timedelta(days=1), 20, ["gallery"])])
    return files


def test_two_kiosks_merge_per_kiosk_and_in_total(two_kiosks: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "merged"
    written = merge([str(p) for p in two_kiosks], out)
    assert sorted(p.name for p in written) == sorted(OUTPUT_FILES)

    summary = {r["kiosk"]: r for r in rows(out / "kiosks.csv")}
    assert list(summary) == ["hall-a", "hall-b", "TOTAL (2 kiosks)"]  # names from the folders of the exports
    assert summary["hall-a"]["visits"] == "2" and summary["hall-b"]["visits"] == "2"
    assert summary["TOTAL (2 kiosks)"]["visits"] == "4"
    assert summary["hall-b"]["first_day"] == "2026-05-01" and summary["hall-b"]["last_day"] == "2026-05-02"
    assert summary["TOTAL (2 kiosks)"]["days"] == "2"
    assert summary["TOTAL (2 kiosks)"]["photos_opened"] == "4"

    total = {(r["day"], r["hour"]): r for r in rows(out / "hourly-total.csv")}
    assert total[("2026-05-01", "10")]["visits"] == "2"  # one from each kiosk in the same hour
    assert total[("2026-05-01", "11")]["visits"] == "1"
    per_kiosk = rows(out / "hourly-per-kiosk.csv")
    assert {r["kiosk"] for r in per_kiosk} == {"hall-a", "hall-b"}
    assert sum(int(r["visits"]) for r in per_kiosk) == 4

    items = {(r["kind"], r["subject"]): r for r in rows(out / "items-total.csv")}
    per_item = [r for r in rows(out / "items-per-kiosk.csv") if (r["kind"], r["subject"]) == ("screen", "map")]
    assert {r["kiosk"] for r in per_item} == {"hall-a", "hall-b"}
    assert int(items[("screen", "map")]["count"]) == sum(int(r["count"]) for r in per_item) > 0
    assert items[("photo", "'=cmd")]["count"] == "4"  # still quoted for a spreadsheet, and counted as one


def test_names_given_on_the_command_line(two_kiosks: list[Path], tmp_path: Path, capsys) -> None:
    hourly = [p for p in two_kiosks if p.name.endswith("-hourly.csv")]
    code = main([f"east={hourly[0]}", f"west={hourly[1]}", "--out", str(tmp_path / "m")])
    assert code == 0
    assert [r["kiosk"] for r in rows(tmp_path / "m" / "kiosks.csv")][:2] == ["east", "west"]
    assert "wrote" in capsys.readouterr().out


def test_a_kiosk_name_from_a_renamed_file(tmp_path: Path) -> None:
    assert kiosk_name(tmp_path / "entrance-hourly.csv") == "entrance"
    assert kiosk_name(tmp_path / "hall-c" / "lukou-kiosk-statistics-20260501-101500-hourly.csv") == "hall-c"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-05-01,25,1,10.0,1,5.0,0,0", "line 3: hour is '25'"),
        ("2026-05-01,9,x,10.0,1,5.0,0,0", "line 3: visits is 'x', not a whole number"),
        ("2026-13-01,9,1,10.0,1,5.0,0,0", "line 3: day is '2026-13-01'"),
        ("2026-05-01,9,1,10.0", "line 3: 4 cells, expected 8"),
        ("2026-05-01,9,-1,10.0,1,5.0,0,0", "line 3: visits is '-1', which cannot be negative"),
        ("2026-05-01,8,1,10.0,1,5.0,0,0", "line 3: 2026-05-01 8 again (first on line 2)"),
    ],
)
def test_a_malformed_export_names_file_and_line_and_writes_nothing(
    two_kiosks: list[Path], tmp_path: Path, line: str, expected: str, capsys
) -> None:
    bad = tmp_path / "broken-hourly.csv"
    bad.write_text("day,hour,visits,visit_seconds,screens_opened,screen_seconds,photos_opened,map_features_tapped\n"
                   f"2026-05-01,8,1,10.0,1,5.0,0,0\n{line}\n", encoding="utf-8")
    out = tmp_path / "merged"
    out.mkdir()
    (out / "kiosks.csv").write_text("an earlier merge\n")
    with pytest.raises(MergeError) as caught:
        merge([str(two_kiosks[0]), str(bad)], out)
    assert str(caught.value).startswith(f"{bad}: ") and expected in str(caught.value)
    assert main([str(two_kiosks[0]), str(bad), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and expected in err and "nothing was written" in err
    assert sorted(p.name for p in out.iterdir()) == ["kiosks.csv"]  # no new file, no temporary left
    assert (out / "kiosks.csv").read_text() == "an earlier merge\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"name,age\nx,1\n", "line 1: not a statistics export"),
        (b"kind,subject,count,seconds\nvideo,x,1,0\n", "line 2: kind is 'video'"),
        (b"kind,subject,count,seconds\nscreen,map,1,0\n\xff\xfe\n", "not UTF-8 text"),
        (b'kind,subject,count,seconds\nscreen,"map,1,0\n', "line 2: 2 cells"),  # an unclosed quote runs to the end
        (b"kind,subject,count,seconds\nscreen,map,1,1e400\n", "seconds is '1e400', not a number"),  # infinity
        (b"kind,subject,count,seconds\nscreen,map,1,inf\n", "seconds is 'inf', not a number"),
        ("kind,subject,count,seconds\nscreen,map,\u0661\u0662,0\n".encode(), "count is '\u0661\u0662', not a whole"),
    ],
)
def test_other_malformed_files(tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "k1-items.csv"
    bad.write_bytes(content)
    with pytest.raises(MergeError, match=expected):
        merge([str(bad)], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_same_kiosk_twice_is_refused(two_kiosks: list[Path], tmp_path: Path) -> None:
    with pytest.raises(MergeError, match="already has a hourly export"):
        merge([str(two_kiosks[0]), str(two_kiosks[0])], tmp_path / "out")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MergeError, match=r"nope\.csv: cannot be read"):
        merge([str(tmp_path / "nope.csv")], tmp_path / "out")


def test_an_older_kiosks_export_without_accessible_visits_merges_with_zero(tmp_path: Path) -> None:
    old = tmp_path / "old-hourly.csv"
    old.write_text("day,hour,visits,visit_seconds,screens_opened,screen_seconds,photos_opened,map_features_tapped\n"
                   "2026-05-01,8,3,10.0,1,5.0,0,0\n", encoding="utf-8")
    kind, rows = read_export(old)
    assert kind == "hourly" and rows[0]["visits"] == 3 and rows[0]["accessible_visits"] == 0


def test_a_file_far_larger_than_any_kiosk_writes_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kiosk's export has a row per hour it was open and per screen, photo and feature: tens of thousands of rows
    in ten years. A 20 MB file of a million made-up subjects took 1 GB of memory; one of 200 MB would take 10."""
    import kiosk.staff.stats_merge as stats_merge

    assert stats_merge.MAX_ROWS >= 24 * 366 * 10  # ten years of hours
    monkeypatch.setattr(stats_merge, "MAX_ROWS", 3)
    big = tmp_path / "k1-items.csv"
    big.write_text("kind,subject,count,seconds\n" + "".join(f"photo,p{i},1,0\n" for i in range(4)), encoding="utf-8")
    with pytest.raises(MergeError, match="line 5: more than 3 rows"):
        merge([str(big)], tmp_path / "out")
    big.write_text("kind,subject,count,seconds\n" + "".join(f"photo,p{i},1,0\n" for i in range(3)), encoding="utf-8")
    merge([str(big)], tmp_path / "out")


def test_an_earlier_merge_given_again_is_refused(two_kiosks: list[Path], tmp_path: Path) -> None:
    """`kiosk stats merge */*.csv --out merged` run a second time takes merged/hourly-total.csv and items-total.csv
    too: they have an export's columns, so they merged as two more kiosks and every total was counted twice."""
    out = tmp_path / "merged"
    merge([str(p) for p in two_kiosks], out)
    again = [str(p) for p in two_kiosks] + [str(out / "hourly-total.csv"), str(out / "items-total.csv")]
    with pytest.raises(MergeError, match="hourly-total.csv: written by an earlier kiosk stats merge"):
        merge(again, tmp_path / "twice")
    assert not (tmp_path / "twice").exists()
