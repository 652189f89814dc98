"""Where staff can export statistics to, or import content from, for a touch-friendly folder picker with no
keyboard: USB sticks and other mounted drives (Linux `/media/<user>/…`, `/run/media/<user>/…`, `/mnt/…`;
Windows drive letters), then the home folder. Each is a `Place` with a label a person recognises. An export
needs a drive it can write to; an import only one it can read (a stick with its write-protect switch on)."""

from __future__ import annotations

import logging
import os
import string
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LINUX_MOUNT_ROOTS = ("/media", "/run/media", "/mnt")


@dataclass(frozen=True)
class Place:
    path: Path
    label: str
    removable: bool  # a USB stick or another mounted drive, listed first


def export_places(
    mount_roots: tuple[str, ...] = LINUX_MOUNT_ROOTS, home: Path | None = None, platform: str = sys.platform
) -> list[Place]:
    return _places(mount_roots, home, platform, os.W_OK)


def import_places(
    mount_roots: tuple[str, ...] = LINUX_MOUNT_ROOTS, home: Path | None = None, platform: str = sys.platform
) -> list[Place]:
    """The same drives, listed the same way, but every one that can be read."""
    return _places(mount_roots, home, platform, os.R_OK)


def _places(mount_roots: tuple[str, ...], home: Path | None, platform: str, access: int) -> list[Place]:
    places: list[Place] = []
    if platform == "win32":
        places.extend(_windows_drives(access))
    else:
        for root in mount_roots:
            places.extend(_mounted_under(Path(root), access))
    home = Path.home() if home is None else home
    if home.is_dir() and os.access(home, access):
        places.append(Place(home, str(home), removable=False))
    unique: dict[Path, Place] = {}
    for place in places:
        unique.setdefault(place.path, place)
    return list(unique.values())


def _mounted_under(root: Path, access: int) -> list[Place]:
    """`/media/<user>/<stick>` and `/media/<stick>` (both layouts exist), those with `access` only."""
    found: list[Place] = []
    try:
        children = sorted(p for p in root.iterdir() if p.is_dir())
    except OSError:
        return found
    for child in children:
        try:
            grandchildren = sorted(p for p in child.iterdir() if p.is_dir())
        except OSError:
            grandchildren = []
        is_user_folder = bool(grandchildren) and not os.path.ismount(child)
        for candidate in grandchildren if is_user_folder else [child]:
            if os.access(candidate, access):
                found.append(Place(candidate, f"{candidate.name}  ({candidate})", removable=True))
    return found


def _windows_drives(access: int) -> list[Place]:
    places = []
    for letter in string.ascii_uppercase:
        drive = Path(f"{letter}:\\")
        try:
            if drive.exists() and os.access(drive, access):
                places.append(Place(drive, f"{letter}:", removable=letter not in ("C",)))
        except OSError:
            continue
    return places
