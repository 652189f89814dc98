"""Content from a USB stick: only valid content is copied, the copy is verified, the switch is one atomic step,
and the content shown before comes back with one roll back — also after a restart. Whatever goes wrong (invalid
content, a half-copied folder, a full disk, a stick pulled out, a read-only stick) leaves the current content as
it was."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.staff import content_import
from kiosk.staff.content_import import ContentLibrary, find_content


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 5, 10, 0, 0)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def library() -> ContentLibrary:
    return ContentLibrary(clock=Clock())  # in the test's own per-user data folder (tests/conftest.py)


@pytest.fixture
def stick(tmp_path: Path, content_copy: Path) -> Path:
    root = tmp_path / "stick"
    root.mkdir()
    shutil.copytree(content_copy, root / "lukou-content")
    (root / "lukou-content" / "photos" / ".syncthing.x.jpg.tmp").write_bytes(b"half")  # never copied
    (root / "lukou-content" / "sections" / ".party.toml.swp").write_bytes(b"vim")
    return root


def edit_title(folder: Path, title: str) -> None:
    path = folder / "exhibition.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('zh = "“融”出新渌口"', f'zh = "{title}"', 1), encoding="utf-8")
    assert title in path.read_text(encoding="utf-8")


def test_the_content_folder_on_a_stick(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "exhibition.toml").write_text("")
    assert find_content(tmp_path) == tmp_path / "content"
    (tmp_path / "lukou-content").mkdir()
    (tmp_path / "lukou-content" / "exhibition.toml").write_text("")
    assert find_content(tmp_path) == tmp_path / "lukou-content"
    assert find_content(tmp_path / "lukou-content") == tmp_path / "lukou-content", "the folder itself"
    assert find_content(tmp_path / "nowhere") is None


def tree(root: Path) -> set[tuple[str, int, int]]:
    return {(p.relative_to(root).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def test_valid_content_is_copied_verified_and_switched_to(library: ContentLibrary, stick: Path) -> None:
    edit_title(stick / "lukou-content", "新展览标题")
    before = tree(stick)
    outcome = library.import_from(stick)
    assert outcome.ok, outcome
    assert tree(stick) == before, "nothing is written to the stick (a write-protected one imports the same)"
    assert outcome.folder is not None and outcome.folder.parent == library.root
    assert outcome.report is not None and outcome.report.exhibition is not None
    assert outcome.report.exhibition.title.zh == "新展览标题"
    copied = {p.relative_to(outcome.folder).as_posix() for p in outcome.folder.rglob("*") if p.is_file()}
    assert "exhibition.toml" in copied and "photos/wind-power.jpg" in copied
    assert not any(".tmp" in name or ".swp" in name for name in copied), "temporary files stay on the stick"
    assert paths.imported_content() is None, "not the kiosk's content until it is shown"
    library.switch_to(outcome.folder)
    assert paths.imported_content() == outcome.folder
    assert paths.content_source(None, env={}) == (outcome.folder, "imported from a USB drive")
    assert paths.content_source(Path("/x"), env={})[0] == Path("/x"), "--content still comes first"


def test_only_the_photos_the_content_names_are_copied_and_the_others_are_counted(
    library: ContentLibrary, stick: Path
) -> None:
    """A stick often carries a whole shoot: the photos no text names stay on it, and the outcome says so."""
    photos = stick / "lukou-content" / "photos"
    (photos / "outtake-1.jpg").write_bytes(b"\xff\xd8" * 1000)
    (photos / "outtake-2.jpg").write_bytes(b"\xff\xd8" * 1000)
    (photos / "shoot").mkdir()
    (photos / "shoot" / "raw-0001.jpg").write_bytes(b"\xff\xd8" * 1000)
    outcome = library.import_from(stick)
    assert outcome.ok and outcome.folder is not None and outcome.report is not None
    copied = {p.relative_to(outcome.folder).as_posix() for p in (outcome.folder / "photos").rglob("*") if p.is_file()}
    named = {f"photos/{photo.file}" for photo in outcome.report.exhibition.all_photos()}  # type: ignore[union-attr]
    assert copied == named, "every named photo, nothing else"
    assert {"photos/outtake-1.jpg", "photos/outtake-2.jpg", "photos/shoot/raw-0001.jpg"} <= set(outcome.left_out)
    assert "photos/README.md" in outcome.left_out  # the stand-ins' notes: no text names them either
    assert outcome.report.problems == [] or all("photos" not in str(p) for p in outcome.report.problems)


def test_invalid_content_is_listed_and_nothing_is_copied(library: ContentLibrary, stick: Path) -> None:
    party = stick / "lukou-content" / "sections" / "party.toml"
    party.write_text(party.read_text(encoding="utf-8") + "\nthis is not toml\n", encoding="utf-8")
    outcome = library.import_from(stick)
    assert outcome.reason == "invalid"
    assert outcome.lines and outcome.lines[0].startswith("sections/party.toml: ")
    assert "error" in outcome.summary
    assert not library.root.exists() or not any(library.root.iterdir())


def test_a_stick_without_content_says_where_it_looked(library: ContentLibrary, tmp_path: Path) -> None:
    outcome = library.import_from(tmp_path)
    assert outcome.reason == "no_content" and "lukou-content" in outcome.summary


def test_a_half_copied_folder_on_the_stick_is_refused(library: ContentLibrary, stick: Path) -> None:
    (stick / "lukou-content" / "photos" / "wind-power.jpg").unlink()  # the copy onto the stick was interrupted
    path = stick / "lukou-content" / "sections" / "civility.toml"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    outcome = library.import_from(stick)
    assert outcome.reason == "invalid"
    assert any(line.startswith("sections/civility.toml: ") for line in outcome.lines)


def test_a_stick_pulled_out_during_the_copy_leaves_nothing_behind(library: ContentLibrary, stick: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = content_import._copy
    copied = []

    def copy(source: Path, target: Path) -> None:
        if len(copied) == 3:
            shutil.rmtree(stick)  # gone
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(source))
        copied.append(source)
        real(source, target)

    monkeypatch.setattr(content_import, "_copy", copy)
    outcome = library.import_from(stick)
    assert outcome.reason == "stick_gone"
    assert [p.name for p in library.root.iterdir()] == [], "the half copy is removed"
    assert paths.imported_content() is None


def test_a_full_disk_during_the_copy(library: ContentLibrary, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library.switch_to(library.import_from(stick).folder)  # type: ignore[arg-type]  # an earlier import
    before = paths.imported_content()
    real = content_import._copy

    def copy(source: Path, target: Path) -> None:
        if source.suffix == ".jpg":
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        real(source, target)

    monkeypatch.setattr(content_import, "_copy", copy)
    outcome = library.import_from(stick)
    assert outcome.reason == "disk_full" and "No space left" in outcome.summary
    assert paths.imported_content() == before, "the current content stays"
    assert [p for p in library.root.iterdir() if p.name.startswith(".import-")] == []


def test_a_disk_too_small_for_the_content_is_said_before_copying(library: ContentLibrary, stick: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content_import.shutil, "disk_usage", lambda _: shutil._ntuple_diskusage(10, 10, 10))  # type: ignore[attr-defined]
    outcome = library.import_from(stick)
    assert outcome.reason == "disk_full" and "MB needed" in outcome.summary


def test_a_copy_that_differs_from_the_stick_is_not_used(library: ContentLibrary, stick: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real = content_import._copy

    def copy(source: Path, target: Path) -> None:  # a bad sector: the last bytes of a TOML file never arrive
        real(source, target)
        if source.name == "party.toml":
            target.write_bytes(target.read_bytes()[:-200])

    monkeypatch.setattr(content_import, "_copy", copy)
    outcome = library.import_from(stick)
    assert outcome.reason == "copy_differs" and outcome.lines
    assert paths.imported_content() is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions need a POSIX non-root user")
def test_a_read_only_stick_imports_and_an_unwritable_kiosk_folder_is_said(library: ContentLibrary,
                                                                          stick: Path) -> None:
    for folder, _dirs, _files in os.walk(stick):
        os.chmod(folder, 0o555)
    try:
        assert library.import_from(stick).ok
        os.chmod(library.root, 0o500)
        outcome = library.import_from(stick)
        assert outcome.reason == "cannot_write" and "Permission denied" in outcome.summary
    finally:
        os.chmod(library.root, 0o700)
        for folder, _dirs, _files in os.walk(stick):
            os.chmod(folder, 0o755)


def test_roll_back_after_a_restart(stick: Path) -> None:
    first = ContentLibrary(clock=Clock())
    assert not first.can_roll_back()
    a = first.import_from(stick).folder
    assert a is not None
    first.switch_to(a)
    assert first.can_roll_back(), "back to the content chosen without an import"
    edit_title(stick / "lukou-content", "第二版")
    b = first.import_from(stick).folder
    assert b is not None
    first.switch_to(b)
    after_restart = ContentLibrary()  # a new process reads the pointer file
    assert paths.imported_content() == b
    assert after_restart.roll_back() == a
    assert paths.imported_content() == a
    assert after_restart.roll_back() == b, "a roll back can itself be undone"
    assert after_restart.roll_back() == a
    assert after_restart.roll_back() == b


def test_only_the_current_and_the_previous_imports_are_kept(library: ContentLibrary, stick: Path) -> None:
    folders = []
    for _ in range(4):
        folder = library.import_from(stick).folder
        assert folder is not None
        library.switch_to(folder)
        folders.append(folder)
    kept = sorted(p for p in library.root.iterdir() if p.is_dir())
    assert kept == folders[-2:]


def test_a_damaged_pointer_file_means_no_import(library: ContentLibrary) -> None:
    library.root.mkdir(parents=True)
    library.pointer.write_text("{not json", encoding="utf-8")
    assert paths.imported_content() is None and library.current() is None
    library.pointer.write_text('{"current": "../../etc"}', encoding="utf-8")
    assert paths.imported_content() is None and library.current() is None


def test_a_kiosk_folder_the_disk_refuses_is_said(library: ContentLibrary, stick: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def copy(source: Path, target: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(target))

    monkeypatch.setattr(content_import, "_copy", copy)
    outcome = library.import_from(stick)
    assert outcome.reason == "cannot_write" and "Read-only file system" in outcome.summary
    assert [p.name for p in library.root.iterdir()] == []


def test_an_ext4_stick_with_its_content_at_the_top_imports(library: ContentLibrary, stick: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An ext4 stick holds `lost+found`, readable by root only: the walk over the stick stopped there and the import
    was refused as "cannot write". A subfolder the kiosk may not read is not content it could use."""
    top = stick / "lukou-content"
    (top / "lost+found").mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if os.path.basename(os.fspath(path)) == "lost+found":
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    outcome = library.import_from(top)
    assert outcome.ok, outcome.summary


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_only_regular_files_are_copied(library: ContentLibrary, stick: Path) -> None:
    """A stick formatted ext4 can hold a named pipe (opening it to copy waited for ever: the import never ended)
    or a link to a device (/dev/zero: the copy ran until the kiosk's disk was full). Neither is content; a link to
    a file is copied as the file."""
    photos = stick / "lukou-content" / "photos"
    os.mkfifo(photos / "pipe.jpg")
    (photos / "zero.jpg").symlink_to("/dev/zero")
    (photos / "linked.jpg").symlink_to(photos / "wind-power.jpg")
    listed = {relative for relative, _ in content_import._content_files(stick / "lukou-content")[0]}
    assert {"photos/wind-power.jpg", "photos/linked.jpg"} <= listed
    assert not listed & {"photos/pipe.jpg", "photos/zero.jpg"}
    outcome = library.import_from(stick)
    assert outcome.ok and outcome.folder is not None
    assert not (outcome.folder / "photos" / "pipe.jpg").exists()


@pytest.mark.parametrize("name", ["..", "C:evil", "/etc", "20260501-101500/../x", ".import-20260501-101500", "x"])
def test_a_pointer_naming_anything_but_an_import_folder_names_no_content(name: str) -> None:
    from kiosk import paths

    assert not paths.is_import_name(name)
    assert paths.is_import_name("20260501-101500") and paths.is_import_name("20260501-101500-2")
