"""`kiosk proof`: the PDF holds a cover and one page for every screen, card, photo and slide a visitor can reach
(counted here from the content model, independently of the tour), each page with its header; broken content
gives a cover listing the problems exactly as `kiosk check` prints them, and exit status 1.

The proof is run once, in English, as a whole program (~40 s on a quiet machine). Its pages are read back with
pypdf (a test-only dependency, see pyproject.toml)."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.check import check_folder
from kiosk.content import load_exhibition
from kiosk.modes.playlist import AttractOptions, build_slides
from kiosk.staff.diagnostics import content_fingerprint

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.soak

PAGE = re.compile(r"page (\d+)/(\d+)$")


def run_proof(out: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    return subprocess.run([sys.executable, "-m", "kiosk", "proof", "--out", str(out), *args],
                          env=env, capture_output=True, text=True, timeout=600)


def headers(pdf: Path) -> list[tuple[str, str]]:
    """(title, details line) of every page, whitespace made single spaces (the text extraction breaks a line
    where the script changes)."""
    out = []
    for page in pypdf.PdfReader(str(pdf)).pages:
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]
        at = next((i for i, line in enumerate(lines) if " · " in line and PAGE.search(line)), len(lines))
        out.append((" ".join(lines[:at]), lines[at] if at < len(lines) else ""))
    return out


@pytest.fixture(scope="module")
def proof(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("proof")
    out = folder / "proof.pdf"
    done = run_proof(out, folder, "--lang", "en")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out, done


def test_one_page_for_every_reachable_screen_card_photo_and_slide(proof) -> None:
    pdf, done = proof
    exhibition, _ = load_exhibition(paths.default_content_dir())
    pages = headers(pdf)
    places = [details.split(" · ")[0] + (" · " + details.split(" · ")[1] if " · " in details else "")
              for _, details in pages[1:]]

    # Scroll pages: every scrolling screen shows pages 1..n once each, in order.
    scroll: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for place in places:
        key, _, rest = place.partition(" · ")
        m = re.fullmatch(r"page (\d+)/(\d+)", rest)
        if m:
            scroll[key].append((int(m.group(1)), int(m.group(2))))
        elif not rest.startswith(("event ", "feature ", "photo ", "slide ")):
            scroll[key].append((1, 1))
    expected_scrolling = ["home", "intro", *[f"section/{s.id}" for s in exhibition.sections], "gallery"]
    assert sorted(scroll) == sorted([*expected_scrolling, "timeline", "map"])
    for key, seen in scroll.items():
        n = seen[0][1]
        assert seen == [(i, n) for i in range(1, n + 1)], key
    assert max(len(seen) for seen in scroll.values()) > 1, "no screen scrolled: the long sections should"

    timeline = exhibition.timeline
    map_ = exhibition.map
    assert timeline is not None and map_ is not None
    events = [f"timeline · event {e.id}" for e in timeline.events]
    features = [f"map · feature {f.id}" for f in map_.features]
    photos = [f"photo/{p.id} · photo {p.id}" for p in exhibition.all_photos()]
    slides = [f"attract · slide {s.key}" for s in build_slides(exhibition, AttractOptions(), random.Random(0))]
    assert [p for p in places if " · event " in p] == events
    assert [p for p in places if " · feature " in p] == features
    assert [p for p in places if " · photo " in p] == photos
    assert [p.split(" (")[0] for p in places if " · slide " in p] == slides

    total = 1 + sum(len(seen) for seen in scroll.values()) + len(events) + len(features) + len(photos) + len(slides)
    assert len(pages) == total
    assert f"proof: {pdf}  {total} pages" in done.stdout


def test_every_page_has_its_header(proof) -> None:
    pdf, done = proof
    pages = headers(pdf)
    fingerprint = content_fingerprint(paths.default_content_dir()).split(" · ")[0]
    today = date.today().isoformat()
    for number, (title, details) in enumerate(pages, 1):
        assert title, f"page {number} has no title"
        assert details.endswith(f"page {number}/{len(pages)}"), (number, details)
        assert f"content {fingerprint}" in details and today in details, (number, details)
        if number > 1:
            assert "English en" in details, (number, details)
    assert pages[0][0].startswith("校样 Proof for sign-off")
    cover = pypdf.PdfReader(str(pdf)).pages[0].extract_text()
    assert "OK" in cover and "Signature" in " ".join(cover.split())
    # The screens are pictures: every page after the cover carries one.
    reader = pypdf.PdfReader(str(pdf))
    assert all(len(reader.pages[i].images) == 1 for i in (1, len(pages) // 2, len(pages) - 1))


def test_progress_is_shown_page_by_page(proof) -> None:
    pdf, done = proof
    total = len(pypdf.PdfReader(str(pdf)).pages)
    counted = re.findall(rf"^\[(\d+)/{total}\] ", done.stdout, flags=re.M)
    assert [int(n) for n in counted] == list(range(1, total + 1))
    assert re.search(rf"^\[\d+/{total}\] en .+ · section/party · page 1/\d+$", done.stdout, flags=re.M)


def test_broken_content_gives_a_first_page_with_the_problems(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(paths.default_content_dir(), content)
    toml = content / "exhibition.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("value = 8\n", 'value = "eight"\n', 1), encoding="utf-8")
    report = check_folder(content)
    assert not report.ok and report.lines()
    out = tmp_path / "proof.pdf"
    done = run_proof(out, tmp_path, "--content", str(content))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "errors" in done.stderr
    reader = pypdf.PdfReader(str(out))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Errors" in text and "error(s)" in text
    for line in report.lines():  # exactly as `kiosk check` prints them (the PDF text has no line breaks)
        words = " ".join(line.split())
        assert words[:60] in text, words
    assert all(len(page.images) == 0 for page in reader.pages)  # no screen: the content cannot be shown
