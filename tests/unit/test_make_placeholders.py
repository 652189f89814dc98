"""tools/make_placeholders.py: one text-free illustration per photo the content marks as a placeholder, read
from the content itself, and never a real photo overwritten."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PIL import Image

from kiosk.content.loader import load_exhibition

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_placeholders.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("make_placeholders", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_one_small_illustration_per_content_photo(tool, tmp_path: Path) -> None:
    assert tool.main(["--out", str(tmp_path), "--size", "90x60"]) == 0
    exhibition, _ = load_exhibition(tool.CONTENT)
    files = {p.file for p in exhibition.all_photos()}
    assert {p.name for p in tmp_path.iterdir()} == files
    for name in files:
        with Image.open(tmp_path / name) as im:
            assert (im.format, im.size) == ("JPEG", (90, 60))
            assert im.info.get("comment") == tool.MARKER


def test_a_photo_added_to_the_content_gets_its_illustration(tool, content_copy: Path, tmp_path: Path) -> None:
    develop = content_copy / "sections" / "develop.toml"
    develop.write_text(
        develop.read_text(encoding="utf-8")
        + '\n[[photos]]\nid = "ferry"\nfile = "ferry.jpg"\n'
        + 'caption = { zh = "渡口", en = "The ferry" }\nplaceholder = true\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert tool.main(["--content", str(content_copy), "--out", str(out), "--size", "60x40", "--only", "ferry.jpg"]) == 0
    assert [p.name for p in out.iterdir()] == ["ferry.jpg"]


def test_real_photos_are_never_overwritten(tool, content_copy: Path, tmp_path: Path) -> None:
    develop = content_copy / "sections" / "develop.toml"
    text = develop.read_text(encoding="utf-8")
    marked = 'file = "wind-power.jpg"\ncaption = { zh = "风电", en = "Wind power" }\nplaceholder = true'
    assert marked in text
    develop.write_text(text.replace(marked, marked.replace("true", "false")), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    real = out / "industrial-park.jpg"  # still marked placeholder = true, but staff dropped a real photo in
    Image.new("RGB", (30, 20), "#336699").save(real, "JPEG")
    before = real.read_bytes()

    assert tool.main(["--content", str(content_copy), "--out", str(out), "--size", "60x40"]) == 0
    assert real.read_bytes() == before
    assert not (out / "wind-power.jpg").exists()  # placeholder = false: a real photo belongs there, not a drawing
    assert (out / "lukou-city.jpg").exists()


def test_the_tool_draws_no_text() -> None:
    """The images carry no words at all (the kiosk labels a placeholder itself): no font, no text drawing."""
    source = TOOL.read_text(encoding="utf-8")
    assert "ImageFont" not in source and ".text(" not in source


def test_a_bad_size_is_refused_in_one_line(tool, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        tool.main(["--out", str(tmp_path), "--size", "big"])
    assert "expected WIDTHxHEIGHT" in capsys.readouterr().err
