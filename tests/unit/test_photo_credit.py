"""Who a photo is credited to: the content names who, the screen adds "图片：" / "Photo: " once, and a generated
stand-in is credited to nobody and labelled as an illustration instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import ContentError, load_exhibition
from kiosk.ui.strings import photo_note

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def test_a_placeholder_has_no_credit_only_its_label() -> None:
    exhibition, _ = load_exhibition(SHIPPED)
    photo = exhibition.photo("wind-power")
    assert photo.placeholder and exhibition.photo_credit(photo) is None
    assert photo_note(photo, exhibition.photo_credit(photo), "zh") == "示意图，非实拍"
    assert photo_note(photo, exhibition.photo_credit(photo), "en") == "Illustration, not a photograph"


def test_a_real_photo_is_credited_once_in_screen_form(content_copy: Path) -> None:
    develop = content_copy / "sections" / "develop.toml"
    text = develop.read_text(encoding="utf-8")
    develop.write_text(text.replace("placeholder = true", "placeholder = false"), encoding="utf-8")
    exhibition, _ = load_exhibition(content_copy)
    photo = exhibition.photo("wind-power")
    credit = exhibition.photo_credit(photo)
    assert photo_note(photo, credit, "zh") == "图片：株洲市渌口区委宣传部"
    assert photo_note(photo, credit, "en") == "Photo: Publicity Department of the CPC Lukou District Committee"


@pytest.mark.parametrize(
    "line",
    [
        'photos = { zh = "图片：株洲市渌口区委宣传部", en = "Publicity Department" }',
        'photos = { zh = "株洲市渌口区委宣传部", en = "Photo: Publicity Department" }',
        'photos = { zh = "株洲市渌口区委宣传部", en = "Photos courtesy of the Publicity Department" }',
    ],
)
def test_a_credit_that_says_photo_itself_is_refused(content_copy: Path, line: str) -> None:
    path = content_copy / "exhibition.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, text in enumerate(lines) if text.startswith("photos = "))
    lines[index] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_exhibition(content_copy)
    assert "credits.photos" in str(error.value) and "the screen adds" in str(error.value)
