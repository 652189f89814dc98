"""The watch rule: a content folder changed under a running kiosk is checked once it is quiet, whatever way the
change arrives — an editor's save through a temporary file, vim's probe and swap files, many files over
seconds, a sync tool's temporary file renamed into place, a half-written TOML file. Real files in a temporary
folder, a fake clock: each step says how many seconds pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.check import check_folder
from kiosk.content.watch import ContentWatch, Decision, Kind, Snapshot, kind_of, snapshot


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Folder:
    """Writes files as a tool would, each with a modification time of its own (file systems with coarse
    timestamps are the rule's business, not the test's)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stamp = 1_700_000_000_000_000_000

    def write(self, name: str, text: str | bytes = "x") -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode() if isinstance(text, str) else text
        path.write_bytes(data)
        self.stamp += 1_000_000_000
        os.utime(path, ns=(self.stamp, self.stamp))
        return path

    def append(self, name: str, text: str) -> None:
        path = self.root / name
        self.write(name, path.read_bytes() + text.encode())

    def rename(self, old: str, new: str) -> None:
        (self.root / old).replace(self.root / new)

    def remove(self, name: str) -> None:
        (self.root / name).unlink()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    f = Folder(tmp_path / "content")
    f.write("exhibition.toml", "title = 1\n")
    f.write("sections/develop.toml", "id = 'develop'\n")
    f.write("photos/a.jpg", b"\xff\xd8")
    return f


def run(watch: ContentWatch, clock: Clock, seconds: float, step: float = 0.4) -> list[Decision]:
    """Poll every `step` seconds for `seconds`; the decisions in order."""
    decisions = []
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now += step
        decisions.append(watch.poll())
    return decisions


def checks(decisions: list[Decision]) -> int:
    return decisions.count(Decision.CHECK)


def test_a_saved_file_is_checked_once_within_two_seconds(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    assert run(watch, clock, 3) == [Decision.IDLE] * 8, "nothing changed: nothing to check"
    folder.write("exhibition.toml", "title = 2\n")
    decisions = run(watch, clock, 2.0)
    assert checks(decisions) == 1
    assert run(watch, clock, 5) == [Decision.IDLE] * 13, "checked once, not again while nothing changes"


def test_save_as_temporary_file_then_rename(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    folder.write(".goutputstream-ABC123", "title = 3\n")  # gedit
    assert run(watch, clock, 0.8) == [Decision.IDLE, Decision.IDLE], "a temporary file alone changes no content"
    folder.rename(".goutputstream-ABC123", "exhibition.toml")
    decisions = run(watch, clock, 2.0)
    assert checks(decisions) == 1 and decisions[0] is Decision.SETTLING


def test_vim_probe_backup_and_swap_files_are_not_content(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    folder.write(".exhibition.toml.swp", "swap")  # open in vim: stays while editing, changes as one types
    assert run(watch, clock, 3) == [Decision.IDLE] * 8
    folder.write("4913", "")  # vim's probe whether it may write in the folder, removed at once
    folder.remove("4913")
    folder.write("exhibition.toml~", "title = 1\n")  # the backup
    folder.write("exhibition.toml", "title = 4\n")
    folder.remove("exhibition.toml~")
    folder.write(".exhibition.toml.swp", "swap, longer now")
    assert checks(run(watch, clock, 2.0)) == 1
    folder.write(".exhibition.toml.swp", "swap, longer still")
    assert run(watch, clock, 3) == [Decision.IDLE] * 8, "the swap file keeps changing: no content did"


def test_many_files_written_over_three_seconds_are_checked_once_after_the_last(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    decisions: list[Decision] = []
    for i in range(10):  # a file every 0.3 s, as an editor's "save all" on a slow share or a sync batch
        folder.write(f"photos/new-{i}.jpg", b"\xff\xd8" * (i + 1))
        decisions += run(watch, clock, 0.3, step=0.3)
    assert checks(decisions) == 0, "never checked while files keep arriving"
    decisions = run(watch, clock, 2.0)
    assert checks(decisions) == 1


def test_syncthing_temporary_file_holds_the_check_until_renamed(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    folder.write("sections/develop.toml", "id = 'develop'\nlead = 1\n")  # the first file of a batch, in place
    folder.write("photos/.syncthing.big.jpg.tmp", b"\xff" * 10)  # the next still on its way
    decisions = []
    for size in range(20, 80, 10):  # it grows for 2.4 s: the TOML file that names it must wait for it
        decisions += run(watch, clock, 0.4)
        folder.write("photos/.syncthing.big.jpg.tmp", b"\xff" * size)
    assert checks(decisions) == 0
    folder.rename("photos/.syncthing.big.jpg.tmp", "photos/big.jpg")
    decisions = run(watch, clock, 2.0)
    assert checks(decisions) == 1
    assert ("photos/big.jpg", 70, folder.stamp) in watch.snapshot.files


def test_an_abandoned_transfer_file_does_not_hold_checks_back_for_ever(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    folder.write("photos/x.jpg.part", b"\xff")  # a copy that was stopped halfway
    folder.write("exhibition.toml", "title = 5\n")
    assert checks(run(watch, clock, 5)) == 0
    assert checks(run(watch, clock, 6)) == 1, "after ten quiet seconds the leftover is ignored"
    folder.write("exhibition.toml", "title = 6\n")
    assert checks(run(watch, clock, 2.0)) == 1, "and later edits are quick again"


def test_a_transfer_file_left_before_the_start_does_not_delay_the_first_edit(folder: Folder, clock: Clock) -> None:
    folder.write(".gitignore", "*.tmp\n")
    watch = ContentWatch(folder.root, clock)
    folder.write("exhibition.toml", "title = 7\n")
    assert checks(run(watch, clock, 2.0)) == 1


def test_a_half_written_toml_file_is_checked_again_when_it_is_complete(content_copy: Path, clock: Clock) -> None:
    f = Folder(content_copy)
    watch = ContentWatch(content_copy, clock)
    path = content_copy / "exhibition.toml"
    full = path.read_text(encoding="utf-8")
    f.write("exhibition.toml", full[: len(full) // 2])  # a slow writer paused mid-file, longer than quiet
    assert checks(run(watch, clock, 2.0)) == 1
    assert not check_folder(content_copy).ok, "checked while half written: refused"
    f.write("exhibition.toml", full)
    assert checks(run(watch, clock, 2.0)) == 1
    assert check_folder(content_copy).ok, "checked again once complete: shown"


def test_a_folder_that_disappears_and_comes_back_is_checked_each_time(folder: Folder, clock: Clock,
                                                                     tmp_path: Path) -> None:
    watch = ContentWatch(folder.root, clock)
    aside = tmp_path / "aside"
    folder.root.rename(aside)  # an unmounted share, a sync tool's folder swap
    assert checks(run(watch, clock, 2.0)) == 1
    assert watch.snapshot.trouble == "content folder not found"
    aside.rename(folder.root)
    assert checks(run(watch, clock, 2.0)) == 1
    assert not watch.snapshot.trouble


def test_follow_takes_a_new_folder_as_checked(folder: Folder, clock: Clock, tmp_path: Path) -> None:
    other = Folder(tmp_path / "other")
    other.write("exhibition.toml", "title = 8\n")
    watch = ContentWatch(folder.root, clock)
    watch.follow(other.root)
    assert run(watch, clock, 2.0) == [Decision.IDLE] * 5
    folder.write("exhibition.toml", "changed in the old folder\n")
    assert checks(run(watch, clock, 2.0)) == 0


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("exhibition.toml", Kind.CONTENT),
        ("sections/party.toml", Kind.CONTENT),
        ("photos/wind-power.jpg", Kind.CONTENT),
        ("photos/sub/a.png", Kind.CONTENT),
        ("README.md", Kind.IGNORED),
        ("sections/.party.toml.swp", Kind.IGNORED),
        ("sections/party.toml~", Kind.IGNORED),
        ("sections/.#party.toml", Kind.IGNORED),
        ("~$notes.docx", Kind.IGNORED),
        ("4913", Kind.IGNORED),
        ("photos/Thumbs.db", Kind.IGNORED),
        (".stversions/exhibition.toml", Kind.IGNORED),
        ("photos/.DS_Store", Kind.IGNORED),
        (".syncthing.exhibition.toml.tmp", Kind.TRANSFER),
        ("~syncthing~exhibition.toml.tmp", Kind.TRANSFER),
        ("photos/.wind.jpg.Xy12Ab", Kind.TRANSFER),  # rsync
        ("photos/wind.jpg.part", Kind.TRANSFER),
        ("exhibition.toml___jb_tmp___", Kind.TRANSFER),
        ("sections/party.tmp", Kind.TRANSFER),
    ],
)
def test_what_a_file_is_to_the_watch(name: str, kind: Kind) -> None:
    assert kind_of(name) is kind


def test_the_snapshot_lists_content_and_transfers_apart(folder: Folder) -> None:
    folder.write("photos/.syncthing.b.jpg.tmp", b"1")
    folder.write("notes.txt", "not content")
    snap = snapshot(folder.root)
    assert {entry[0] for entry in snap.files} == {"exhibition.toml", "sections/develop.toml", "photos/a.jpg"}
    assert {entry[0] for entry in snap.transfers} == {"photos/.syncthing.b.jpg.tmp"}


def test_symbolic_link_loops_are_read_once_not_followed_round_and_round(folder: Folder,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Sixteen links back to their own folder, one level down: followed blindly, 16^5 folders (a million
    listings, minutes of a core on every poll, and later changes never seen). Each real folder is read once."""
    import kiosk.content.watch as watch

    loops = folder.root / "notes"
    loops.mkdir()
    for n in range(16):
        (loops / f"loop{n}").symlink_to(".")
    (folder.root / "photos" / "again").symlink_to("..")
    listings = []
    real_scandir = os.scandir

    def counting_scandir(path: str) -> object:
        listings.append(path)
        assert len(listings) < 50, "the snapshot goes round a link loop"
        return real_scandir(path)

    monkeypatch.setattr(watch.os, "scandir", counting_scandir)
    snap = snapshot(folder.root)
    assert {entry[0] for entry in snap.files} == {"exhibition.toml", "sections/develop.toml", "photos/a.jpg"}
    assert not snap.trouble


def test_a_folder_slow_to_list_is_asked_less_often(folder: Folder, clock: Clock) -> None:
    """Ten thousand photos take a third of a second to list on a busy 2-core PC: asked every 0.4 s, the watch
    would keep a core a quarter busy for ever. The pause after each look is at least ten times the look."""
    def slow_read(path: Path, seconds: float = 0.35) -> Snapshot:
        clock.now += seconds
        return snapshot(path)

    watch = ContentWatch(folder.root, clock, read=slow_read)
    assert watch.pause_s() == pytest.approx(3.5)
    watch.poll()
    assert watch.pause_s() == pytest.approx(3.5)
    quick = ContentWatch(folder.root, clock)
    quick.poll()
    assert quick.pause_s() == pytest.approx(0.4)  # an exhibition's folder: a change is still seen within 2 s
    stuck = ContentWatch(folder.root, clock, read=lambda path: slow_read(path, 60))
    assert stuck.pause_s() == pytest.approx(30.0)  # a share that takes a minute: asked twice a minute at most


def test_a_subfolder_the_kiosk_may_not_read_does_not_blind_the_watch(folder: Folder, clock: Clock,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A content folder at the top of an ext4 stick or partition holds `lost+found`, readable by root only: the
    whole snapshot became "cannot read the content folder" and no later edit was ever seen."""
    import kiosk.content.watch as watch

    (folder.root / "lost+found").mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "lost+found":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(watch.os, "scandir", scandir)
    assert not snapshot(folder.root).trouble
    w = ContentWatch(folder.root, clock)
    folder.write("exhibition.toml", "title = 2\n")
    assert checks(run(w, clock, 2)) == 1


def test_the_texts_are_read_before_the_photos_when_there_are_too_many_files(folder: Folder, clock: Clock,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `MAX_FILES` the listing stops: if photos/ came first, sections/ was never read and an edit to a section
    was never seen. The text files come first, photos/ last."""
    import kiosk.content.watch as watch

    for n in range(40):
        folder.write(f"photos/p{n}.jpg", b"\xff\xd8")
    monkeypatch.setattr(watch, "MAX_FILES", 10)
    listed = {entry[0] for entry in snapshot(folder.root).files}
    assert {"exhibition.toml", "sections/develop.toml"} <= listed
    w = ContentWatch(folder.root, clock)
    folder.write("sections/develop.toml", "id = 'develop'\ntitle = 2\n")
    assert checks(run(w, clock, 2)) == 1


def test_a_folder_rewritten_for_ever_is_checked_after_thirty_seconds_and_every_thirty_after(
    folder: Folder, clock: Clock
) -> None:
    """A script or a sync loop rewriting a file every 0.3 s never lets the folder be quiet: without a bound the
    change would never be checked and nobody would notice."""
    watch = ContentWatch(folder.root, clock)
    started = clock.now
    decisions: list[tuple[float, Decision]] = []
    for i in range(320):  # 96 s of a rewrite every 0.3 s
        folder.write("exhibition.toml", f"title = {i}\n")
        clock.now += 0.3
        decisions.append((clock.now - started, watch.poll()))
    checked_at = [round(at, 1) for at, decision in decisions if decision is Decision.CHECK]
    assert len(checked_at) == 3, checked_at
    assert 30.0 <= checked_at[0] <= 31.0
    assert all(29.9 <= b - a <= 30.6 for a, b in zip(checked_at, checked_at[1:], strict=False))
    assert watch.changing_since == pytest.approx(started + 0.3), "since when it has not stopped changing"
    assert checks(run(watch, clock, 2.0)) == 1 and watch.changing_since is None, "once it stops: a normal check"


def test_a_normal_save_after_a_long_quiet_time_is_not_taken_for_endless_change(folder: Folder, clock: Clock) -> None:
    watch = ContentWatch(folder.root, clock)
    run(watch, clock, 120)
    folder.write("exhibition.toml", "title = 9\n")
    decisions = run(watch, clock, 2.0)
    assert decisions[0] is Decision.SETTLING and checks(decisions) == 1 and watch.changing_since is None
