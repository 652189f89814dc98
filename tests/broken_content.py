"""A corpus of broken content folders, made from the shipped content by one small mutation each.

`MUTATIONS` is the table: a name, the function that breaks a private copy of the content (see the
`content_copy` fixture), and a fragment `kiosk check` must print: `file: field: …` for every problem that
lives in a file. Nothing broken is committed: each folder is made fresh by its test.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = "exhibition.toml"
PARTY = "sections/party.toml"


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def sub(folder: Path, name: str, pattern: str, new: str) -> None:
    path = folder / name
    text, count = re.subn(pattern, new, path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {name}"
    path.write_text(text, encoding="utf-8")


def headline(value: str) -> Callable[[Path], None]:
    """The second headline figure (8 towns) written as `value`."""
    return lambda folder: edit(folder, ROOT, "value = 8\n", f"value = {value}\n")


def photo_file(name: str) -> Callable[[Path], None]:
    return lambda folder: edit(folder, ROOT, 'file = "lukou-city.jpg"', f"file = '{name}'")


def append(name: str, text: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        with (folder / name).open("a", encoding="utf-8") as out:
            out.write("\n" + text + "\n")

    return mutate


def link_loop(folder: Path) -> None:
    """The content folder itself becomes a symbolic link that points at itself."""
    os.rename(folder, folder.with_name("moved-away"))
    folder.symlink_to(folder)


def section_file_loop(folder: Path) -> None:
    target = folder / "sections" / "party.toml"
    target.unlink()
    target.symlink_to(target)


def section_file_is_a_folder(folder: Path) -> None:
    target = folder / "sections" / "party.toml"
    target.unlink()
    target.mkdir()


def named_pipe(name: str) -> Callable[[Path], None]:
    """`name` becomes a named pipe (FIFO). Reading one waits for a writer: should the check open it, a writer
    turns up after a few seconds and feeds it something that is not the expected report, so a kiosk that
    reads pipes fails this test instead of hanging it."""

    def mutate(folder: Path) -> None:
        target = folder / name
        target.unlink()
        os.mkfifo(target)

        def late_writer() -> None:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                try:
                    fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until someone reads
                except OSError:
                    time.sleep(0.2)
                    continue
                os.write(fd, b"title = 1\n")
                os.close(fd)
                return

        threading.Thread(target=late_writer, daemon=True).start()

    return mutate


def bom(folder: Path) -> None:
    path = folder / ROOT
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def not_utf8(folder: Path) -> None:
    path = folder / PARTY
    path.write_bytes(path.read_bytes() + "\n# 渌口\n".encode("gb18030"))  # saved by an editor set to GB 18030


def huge_title(folder: Path) -> None:
    edit(folder, ROOT, 'title = { zh = "“融”出新渌口"', 'title = { zh = "' + "渌" * 1_000_000 + '"')


def huge_id(folder: Path) -> None:
    edit(folder, PARTY, 'id = "village-service-platform"', 'id = "' + "a" * 200_000 + '"')


@dataclass(frozen=True)
class Mutation:
    name: str
    mutate: Callable[[Path], None]
    expected: str | None  # a fragment of `kiosk check`'s report; None: the folder is fine (exit 0)


MUTATIONS: list[Mutation] = [
    # numbers
    Mutation("inf", headline("inf"), f"{ROOT}: headline_figures[1].value: Input should be a finite number"),
    Mutation("nan", headline("nan"), f"{ROOT}: headline_figures[1].value: Input should be a finite number"),
    Mutation("1e400", headline("1e400"), f"{ROOT}: headline_figures[1].value: Input should be a finite number"),
    Mutation(
        "1e300", headline("1e300"),
        f"{ROOT}: headline_figures[1].value: 1e+300 is more than a figure card shows (7 digits at most)",
    ),
    Mutation(
        "string 129", headline('"129"'),
        f"{ROOT}: headline_figures[1].value: Input should be a valid number (got '129')",
    ),
    Mutation("-129", headline("-129"), f"{ROOT}: headline_figures[1].value: -129: a figure is never negative"),
    Mutation("true", headline("true"), f"{ROOT}: headline_figures[1].value: Input should be a valid number"),
    Mutation(
        "English value inf",
        lambda f: edit(f, ROOT, "\nvalue = { zh = 35, en = 350000 }", "\nvalue = { zh = 35, en = 1e400 }"),
        f"{ROOT}: headline_figures[0].value.en: Input should be a finite number",
    ),
    Mutation(
        "English value too long",
        lambda f: edit(f, ROOT, "\nvalue = { zh = 35, en = 350000 }", "\nvalue = { zh = 35, en = 35000000 }"),
        f"{ROOT}: headline_figures[0].value.en: 35,000,000 is more than a figure card shows",
    ),
    Mutation(
        "English value a string",
        lambda f: edit(f, ROOT, "\nvalue = { zh = 35, en = 350000 }", '\nvalue = { zh = 35, en = "350000" }'),
        f"{ROOT}: headline_figures[0].value.en: Input should be a valid number",
    ),
    Mutation(
        "too many digits with decimals",
        lambda f: edit(f, ROOT, "value = 8\n", "value = 1234567\ndecimals = 2\n"),
        f"{ROOT}: headline_figures[1].value: 1234567.00 has more than 7 digits",
    ),
    Mutation(
        "more decimal places than shown",
        headline("8.5"),
        f"{ROOT}: headline_figures[1].value: 8.5 has more decimal places than decimals = 0",
    ),
    Mutation(
        "decimals as a string",
        lambda f: edit(f, ROOT, "value = 8\n", 'value = 8\ndecimals = "1"\n'),
        f"{ROOT}: headline_figures[1].decimals: Input should be a valid integer",
    ),
    Mutation(
        "seven headline figures",
        append(ROOT, '[[headline_figures]]\nvalue = 1\nunit = { zh = "个", en = "x" }\n'
                     'label = { zh = "甲", en = "a" }\n' * 3),
        f"{ROOT}: headline_figures: 7 headline figures; the home screen shows 6 at most",
    ),
    Mutation(
        "date as a number",
        lambda f: edit(f, ROOT, "date = 2018-12-18", "date = 0"),
        f"{ROOT}: date: Input should be a valid date",
    ),
    Mutation(
        "map point inf",
        lambda f: edit(f, "map.toml", "point = [113.1115, 27.6240]", "point = [inf, 27.6240]"),
        "map.toml: map.features[14].point[0]: Input should be a finite number",
    ),
    Mutation(
        "map year a string",
        lambda f: sub(f, "map.toml", r"^year = 2004$", 'year = "2004"'),
        "map.toml: map.features[2].year: Input should be a valid integer (got '2004')",
    ),
    Mutation(
        "map extent nan",
        lambda f: edit(f, "map.toml", "west = 112.55", "west = nan"),
        "map.toml: map.extent.west: Input should be a finite number",
    ),
    Mutation(
        "timeline year far away",
        lambda f: sub(f, "timeline.toml", r"^when = 2004$", "when = 99999999999"),
        "timeline.toml: timeline.events[1].when.year: Input should be less than or equal to 2100",
    ),
    # ids
    Mutation(
        "duplicate photo id",
        lambda f: edit(f, PARTY, 'id = "village-service-platform"', 'id = "lukou-city"'),
        f"{PARTY}: sections[1].photos[0].id: id 'lukou-city' is already used by {ROOT}: photos[0].id",
    ),
    Mutation(
        "duplicate section id",
        lambda f: edit(f, ROOT, '"civility", "livelihood"]', '"civility", "livelihood", "party"]'),
        f"{ROOT}: sections[4]: section 'party' is already listed as sections[1]",
    ),
    Mutation(
        "section id clashing in its file",
        lambda f: edit(f, "sections/develop.toml", "\n[[topics]]", '\nid = "party"\n\n[[topics]]'),
        f"{PARTY}: sections[1].id: id 'party' is already used by sections/develop.toml: sections[0].id",
    ),
    Mutation(
        "duplicate topic id",
        lambda f: edit(f, PARTY, 'id = "baibi-wechat"', 'id = "demonstration-belt"'),
        f"{PARTY}: sections[1].topics[1].id: id 'demonstration-belt' is already used by sections[1].topics[0].id",
    ),
    Mutation(
        "topic names a photo of another section",
        lambda f: edit(f, PARTY, 'photos = ["village-service-platform"]', 'photos = ["wind-power"]'),
        f"{PARTY}: sections[1].topics[2].photos[0]: no photo 'wind-power' in this section's photos",
    ),
    Mutation(
        "topic lists its photo 50,000 times",
        lambda f: edit(f, PARTY, 'photos = ["village-service-platform"]',
                       "photos = [" + '"village-service-platform", ' * 50_000 + "]"),
        f"{PARTY}: sections[1].topics[2].photos[1]: photo 'village-service-platform' is already listed as photos[0]",
    ),
    Mutation(
        "unknown hero_photo",
        lambda f: edit(f, ROOT, 'hero_photo = "lukou-city"', 'hero_photo = "nowhere"'),
        f"{ROOT}: hero_photo: no photo with id 'nowhere'",
    ),
    Mutation(
        "a million sections listed",
        lambda f: edit(
            f, ROOT, '"civility", "livelihood"]', '"civility", "livelihood"' + ', "party"' * 1_000_000 + "]"
        ),
        f"{ROOT}: sections: 1,000,004 sections listed; an exhibition has 100 at most",
    ),
    Mutation(
        "section id leading out of the folder",
        lambda f: edit(f, ROOT, '"livelihood"]', '"../../livelihood"]'),
        f"{ROOT}: sections[3]: '../../livelihood' is not a section id",
    ),
    Mutation(
        "unknown section icon",
        lambda f: edit(f, PARTY, 'icon = "mdi6.flag-variant"', 'icon = "fa5s.no-such-glyph"'),
        f"{PARTY}: warning: sections[1].icon: no icon 'fa5s.no-such-glyph'",
    ),
    Mutation(
        "map icon a path",
        lambda f: edit(f, "map.toml", 'icon = "mdi6.water-sync"', 'icon = "../../etc/passwd"'),
        "map.toml: warning: map.features[",
    ),
    # photo file names
    Mutation("backslashes and ..", photo_file(r"..\..\x.jpg"), f"{ROOT}: photos[0].file: must be a bare file name"),
    Mutation("../", photo_file("../x.jpg"), f"{ROOT}: photos[0].file: must be a bare file name"),
    Mutation("absolute path", photo_file("/etc/passwd"), f"{ROOT}: photos[0].file: must be a bare file name"),
    Mutation("drive letter", photo_file("C:x.jpg"), f"{ROOT}: photos[0].file: must be a bare file name"),
    Mutation("sub-folder", photo_file("old/lukou-city.jpg"), f"{ROOT}: photos[0].file: must be a bare file name"),
    Mutation("dot-dot alone", photo_file(".."), f"{ROOT}: photos[0].file: must be a bare file name"),
    Mutation("Windows device name", photo_file("NUL.jpg"),
             f"{ROOT}: photos[0].file: 'NUL.jpg' cannot be a file name on Windows"),
    Mutation("trailing dot", photo_file("lukou-city.jpg."),
             f"{ROOT}: photos[0].file: 'lukou-city.jpg.' cannot be a file name on Windows"),
    Mutation("file name over 255 bytes", photo_file("国" * 100 + ".jpg"),
             f"{ROOT}: photos[0].file: file name is 304 bytes long in UTF-8; file systems allow 255 at most"),
    # text
    Mutation("empty title", lambda f: edit(f, ROOT, 'en = "Integration Shapes a New Lukou"', 'en = ""'),
             f"{ROOT}: title.en: String should have at least 1 character"),
    Mutation("1 MB title", huge_title, f"{ROOT}: title.zh: String should have at most 5000 characters"),
    Mutation("200 kB id", huge_id, f"{PARTY}: sections[1].photos[0].id: String should have at most 80 characters"),
    Mutation(
        "200,000 foreword paragraphs",
        lambda f: edit(f, ROOT, "intro = [\n", "intro = [\n" + '{ zh = "渌口", en = "Lukou" },\n' * 200_000),
        f"{ROOT}: intro: List should have at most 100 items after validation, not 200004",
    ),
    Mutation(
        "control character",
        lambda f: edit(f, ROOT, 'zh = "“融”出新渌口"', 'zh = "“融”\\u0000出新渌口"'),
        f"{ROOT}: title.zh: contains the control character U+0000",
    ),
    Mutation(
        "title of zero-width spaces only",
        lambda f: edit(f, ROOT, 'zh = "“融”出新渌口"', 'zh = "\\u200b\\u200b"'),
        f"{ROOT}: title.zh: must not be blank (spaces or invisible characters such as U+200B only)",
    ),
    Mutation(
        "right-to-left override in a caption",
        lambda f: edit(f, ROOT, 'zh = "“融”出新渌口"', 'zh = "“融”出新\\u202e渌口"'),
        f"{ROOT}: title.zh: contains the control character U+202E at position 5",
    ),
    # files and folders
    Mutation("symlink loop", link_loop, "is a symbolic link that leads back to itself (a link loop)"),
    Mutation("section file a link loop", section_file_loop, f"{PARTY}: is a symbolic link that leads back to itself"),
    Mutation("section file a folder", section_file_is_a_folder, f"{PARTY}: is a folder, not a file"),
    Mutation("20,000-deep array", append(PARTY, "deep = " + "[" * 20_000 + "]" * 20_000),
             f"{PARTY}: nested too deeply to read"),
    Mutation("20,000-deep inline tables", append(PARTY, "deep = " + "{ a = " * 20_000 + "1" + " }" * 20_000),
             f"{PARTY}: nested too deeply to read"),
    Mutation("20,000-deep dotted table", append(PARTY, "deep" + ".a" * 20_000 + " = 1"),
             "a key of more than 100 dotted parts"),
    Mutation("900,000 tables", append(ROOT, "\n".join(f"[t{i}]" for i in range(900_000))),
             f"{ROOT}: 900,007 tables ([…] / [[…]] headers); a content file has 5,000 at most"),
    Mutation("a zone that is part of itself",
             lambda f: edit(f, "map.toml", 'id = "nanzhou-new-area"\n',
                            'id = "nanzhou-new-area"\npart_of = "nanzhou-new-area"\n'),
             "belongs to itself in a circle (nanzhou-new-area → nanzhou-new-area)"),
    Mutation("a map feature listed twice by an event",
             lambda f: edit(f, "timeline.toml", 'map_features = ["litan-expressway", "zhegan-railway"]',
                            'map_features = ["litan-expressway", "zhegan-railway", "litan-expressway"]'),
             "timeline.toml: timeline.events[1].map_features[2]: 'litan-expressway' is listed twice"),
    Mutation("a date with a time of day", lambda f: sub(f, "timeline.toml", r"^when = 2018-12-18$",
                                                        "when = 2018-12-18T09:30:00"),
             "a date has no time of day"),
    Mutation("not UTF-8", not_utf8, f"{PARTY}: not UTF-8 text"),
    Mutation("exhibition.toml a named pipe", named_pipe(ROOT), f"{ROOT}: is not a regular file (a named pipe"),
    Mutation("section file a named pipe", named_pipe(PARTY), f"{PARTY}: is not a regular file (a named pipe"),
    Mutation("map.toml a named pipe", named_pipe("map.toml"), "map.toml: is not a regular file (a named pipe"),
    Mutation("a number of 5,000 digits", headline("9" * 5000), f"{ROOT}: holds a number thousands of digits long"),
    Mutation("byte-order mark", bom, None),
]
