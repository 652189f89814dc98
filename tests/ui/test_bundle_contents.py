"""The packaged kiosk carries every file the app opens: the spec's data list (packaging/bundle_files.py)
against the assets on disk, the folders kiosk/paths.py hands out, the fonts, the content documents, the photos
the content names, and qtawesome's icon fonts."""

from __future__ import annotations

import importlib.util
import inspect
import re
from pathlib import Path, PurePosixPath

import pytest

from kiosk import paths
from kiosk.content import load_exhibition
from kiosk.content.loader import OPTIONAL_DOCUMENTS

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "kiosk.spec"


@pytest.fixture(scope="module")
def bundle_files():
    spec = importlib.util.spec_from_file_location("bundle_files", ROOT / "packaging" / "bundle_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundled(bundle_files) -> set[PurePosixPath]:
    """Every file's path inside the bundle, as the spec's `datas` puts it there."""
    return {PurePosixPath(Path(dest).as_posix()) / Path(src).name for src, dest in bundle_files.datas(ROOT)}


def inside(path: Path) -> PurePosixPath:
    return PurePosixPath(path.resolve().relative_to(paths.bundle_root()).as_posix())


def test_the_spec_takes_its_data_list_from_bundle_files() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "datas=bundle_files.datas(ROOT)" in text
    assert "upx=False" in text and "upx=True" not in text
    assert "exclude_binaries=True" in text  # one-folder: binaries go to COLLECT, never into the program


def test_every_kiosk_module_is_a_hidden_import(bundle_files) -> None:
    """Screens registered with `registry.lazy(...)` and the staff panel are imported by name after the first
    frame; PyInstaller cannot see those imports, so the spec lists every kiosk module."""
    assert "*bundle_files.kiosk_modules(ROOT)" in SPEC.read_text(encoding="utf-8")
    modules = set(bundle_files.kiosk_modules(ROOT))
    lazy = set(re.findall(r'lazy\("([\w.]+)"', (ROOT / "kiosk" / "ui" / "features.py").read_text(encoding="utf-8")))
    assert lazy and lazy <= modules
    assert {"kiosk", "kiosk.__main__", "kiosk.ui.panels.timeline_screen", "kiosk.bench.runner"} <= modules
    for name in modules:
        assert importlib.util.find_spec(name) is not None, name


def test_every_asset_on_disk_is_bundled(bundled, bundle_files) -> None:
    on_disk = {
        PurePosixPath(p.relative_to(ROOT).as_posix())
        for p in (ROOT / "assets").rglob("*")
        if p.is_file() and not bundle_files.skipped(p.relative_to(ROOT))
    }
    assert on_disk, "no assets found"
    assert on_disk - bundled == set()


def test_every_bundle_folder_paths_hands_out_is_bundled(bundled) -> None:
    """Each zero-argument function of kiosk.paths that returns a folder inside the bundle (assets, content,
    fonts, and any added later) must arrive with files in it."""
    checked = []
    for name, func in inspect.getmembers(paths, inspect.isfunction):
        if name.startswith("_") or func.__module__ != paths.__name__ or name == "bundle_root":
            continue
        if any(p.default is inspect.Parameter.empty for p in inspect.signature(func).parameters.values()):
            continue
        result = func()
        if not isinstance(result, Path):
            continue
        try:
            folder = inside(result)
        except ValueError:
            continue  # a per-user folder or the program's own folder: not part of the bundle
        assert any(folder in f.parents for f in bundled), f"paths.{name}() -> {folder} is not in the bundle"
        checked.append(name)
    assert {"assets_dir", "default_content_dir", "fonts_dir"} <= set(checked)


def test_fonts_content_documents_and_photos_are_bundled(bundled) -> None:
    from kiosk.ui.fonts import FONT_FILES

    wanted = [paths.fonts_dir() / name for pair in FONT_FILES for name in pair]
    content = paths.default_content_dir()
    exhibition, _ = load_exhibition(content)
    wanted.append(content / "exhibition.toml")
    wanted += [content / "sections" / f"{s.id}.toml" for s in exhibition.sections]
    wanted += [content / doc for doc in OPTIONAL_DOCUMENTS if (content / doc).is_file()]
    wanted += [content / "photos" / photo.file for photo in exhibition.all_photos()]
    missing = [str(inside(p)) for p in wanted if inside(p) not in bundled]
    assert missing == []


def test_qtawesome_icon_fonts_are_bundled(bundled) -> None:
    import qtawesome

    fonts = Path(qtawesome.__file__).parent / "fonts"
    wanted = {PurePosixPath("qtawesome/fonts") / p.name for p in fonts.iterdir() if p.suffix in (".ttf", ".json")}
    assert len(wanted) >= 10
    assert wanted - bundled == set()
