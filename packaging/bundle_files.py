"""What goes into the packaged kiosk besides code: one list, read by `kiosk.spec` and checked by the tests.

The whole `assets/` tree is bundled (content, photos, fonts, map data, their licences) except editor and
system clutter, so a new kind of asset needs no change here; qtawesome's icon fonts and charmaps come from
the installed package. Nothing in this module imports PyInstaller or Qt.
"""

from __future__ import annotations

import fnmatch
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Files under assets/ that are never bundled: caches and the litter of editors and file managers.
SKIPPED = ("__pycache__", "*.pyc", ".DS_Store", "Thumbs.db", "desktop.ini", "*~", "*.swp", ".git*")


def skipped(path: Path) -> bool:
    return any(fnmatch.fnmatch(part, pattern) for part in path.parts for pattern in SKIPPED)


def asset_files(root: Path = ROOT) -> list[Path]:
    """Every bundled file under `assets/`, relative to `root`."""
    assets = root / "assets"
    return sorted(p.relative_to(root) for p in assets.rglob("*") if p.is_file() and not skipped(p.relative_to(root)))


def qtawesome_fonts() -> list[Path]:
    """qtawesome's icon fonts and their charmaps: it loads every one of them on first use."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        raise RuntimeError("qtawesome is not installed in this Python")
    fonts = Path(spec.origin).parent / "fonts"
    return sorted(p for p in fonts.iterdir() if p.suffix in (".ttf", ".otf", ".json"))


def kiosk_modules(root: Path = ROOT) -> list[str]:
    """Every module of the `kiosk` package, by dotted name, from the files on disk.

    PyInstaller follows `import` statements only, and the kiosk imports its feature screens, the staff panel
    and the benchmark's probes by name when they are first needed (`importlib.import_module`), after the first
    frame. The spec lists them all as hidden imports so that none is left out of the bundle.
    """
    package = root / "kiosk"
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(root)
        if skipped(rel):
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller `datas`: (source file, destination folder inside the bundle) pairs."""
    pairs = [(str(root / rel), str(rel.parent)) for rel in asset_files(root)]
    pairs += [(str(font), "qtawesome/fonts") for font in qtawesome_fonts()]
    return pairs
