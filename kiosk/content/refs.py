"""Ids that must be unique or must name something, across the whole exhibition: section, topic and photo ids,
the photos a topic shows, the hero photo. Each problem names its file and field; a clash names both places,
e.g. `sections/party.toml: sections[1].photos[2].id: id 'lukou-city' is already used by exhibition.toml:
photos[0].id`. (The timeline and map check their own ids: kiosk.content.timeline, kiosk.content.map.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.content.problems import Problem, echo

if TYPE_CHECKING:
    from kiosk.content.schema import Exhibition

ROOT_FILE = "exhibition.toml"
_KNOWN_SHOWN = 8  # ids listed in a "known: …" hint


def check_refs(exhibition: Exhibition, files_by_index: dict[int, str]) -> list[Problem]:
    """`files_by_index`: the file each section came from, by its index in `sections`."""
    problems: list[Problem] = []
    seen: dict[str, tuple[str, str]] = {}  # one namespace per call of `unique`

    def unique(item: str, file: str, path: str) -> None:
        if item in seen:
            other_file, other_path = seen[item]
            elsewhere = other_path if other_file == file else f"{other_file}: {other_path}"
            problems.append(Problem(file, path, f"id {echo(item)} is already used by {elsewhere}"))
        else:
            seen[item] = (file, path)

    for i, section in enumerate(exhibition.sections):
        unique(section.id, files_by_index.get(i, ROOT_FILE), f"sections[{i}].id")
    seen.clear()
    for i, photo in enumerate(exhibition.photos):
        unique(photo.id, ROOT_FILE, f"photos[{i}].id")
    for i, section in enumerate(exhibition.sections):
        file = files_by_index.get(i, ROOT_FILE)
        for j, photo in enumerate(section.photos):
            unique(photo.id, file, f"sections[{i}].photos[{j}].id")
    for i, section in enumerate(exhibition.sections):
        file = files_by_index.get(i, ROOT_FILE)
        seen.clear()
        for j, topic in enumerate(section.topics):
            unique(topic.id, file, f"sections[{i}].topics[{j}].id")
        own = [p.id for p in section.photos]
        for j, topic in enumerate(section.topics):
            listed: dict[str, int] = {}
            for k, ref in enumerate(topic.photos):
                if ref in listed:  # shown twice in a row on screen; listed thousands of times it hangs the screen
                    problems.append(Problem(file, f"sections[{i}].topics[{j}].photos[{k}]",
                                            f"photo {echo(ref)} is already listed as photos[{listed[ref]}]"))
                    continue
                listed[ref] = k
                if ref not in own:
                    problems.append(Problem(file, f"sections[{i}].topics[{j}].photos[{k}]",
                                            f"no photo {echo(ref)} in this section's photos{known(own)}"))
    every = [p.id for p in exhibition.all_photos()]
    if exhibition.hero_photo not in every:
        problems.append(Problem(ROOT_FILE, "hero_photo", f"no photo with id {echo(exhibition.hero_photo)} in "
                                f"exhibition.toml or sections/*.toml{known(every)}"))
    return problems


def known(ids: list[str]) -> str:
    """ ` (known: a, b, c, …)`, or ` (there are none)`."""
    if not ids:
        return " (there are none)"
    shown = ", ".join(ids[:_KNOWN_SHOWN]) + (", …" if len(ids) > _KNOWN_SHOWN else "")
    return f" (known: {shown})"
