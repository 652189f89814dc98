"""The full-screen photo viewer, opened by tapping a photo anywhere (a section, the gallery, the timeline).

The photo fills the screen above a caption band (caption, credit, placeholder note, "3 / 7"). Visitors swipe
to the neighbouring photos — every photo of the exhibition, in the gallery's order — pinch or double-tap to
zoom and drag to look around; a large Close button (and Back in the bar) returns to where they came from. The
gestures live in `PhotoStage`; this screen adds the words and the buttons around it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang, Photo
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Builder, ScreenContext
from kiosk.ui.strings import photo_note, tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_stage import PhotoStage
from kiosk.ui.widgets.touch_scroll import TouchDragController

log = logging.getLogger(__name__)

SHORT_VIEWER = 600  # reference px: a viewer shorter than this leaves out the gesture hint


def route(photo_id: str) -> Route:
    """The viewer showing `photo_id`: one viewer screen serves every photo (`Screen.show_route`)."""
    return Route("photo", photo_id)


class PhotoScreen(Screen):
    close_requested = Signal()
    reach_fits_band = True  # accessible mode: the whole photo, its caption and buttons in the band, letterboxed

    def __init__(
        self,
        theme: Theme,
        exhibition: Exhibition,
        photo_path: Callable[[str], object],
        provider: ImageProvider,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._exhibition = exhibition
        self.photos: list[Photo] = exhibition.all_photos()
        p = theme.px
        self.stage = PhotoStage(theme, provider, self)
        self.stage.set_paths([photo_path(photo.file) for photo in self.photos])  # type: ignore[misc]  # the context's photo_path gives a Path
        self.stage.index_changed.connect(self._show_caption)

        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setFont(theme.font(t.LEAD, bold=True))
        self.credit = QLabel(self)
        self.credit.setWordWrap(True)
        self.credit.setFont(theme.font(t.CAPTION))
        self.credit.setProperty("role", "muted")
        self.counter = QLabel(self)
        self.counter.setFont(theme.font(t.CAPTION + 4, bold=True))
        self.counter.setProperty("role", "text")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint = QLabel(self)
        self.hint.setFont(theme.font(t.CAPTION))
        self.hint.setProperty("role", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        band = QWidget(self)
        band.setObjectName("CaptionBand")
        band.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.setSpacing(p(t.GAP * 2))
        top.addWidget(self.caption, 1)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(band)
        column.setContentsMargins(p(t.MARGIN), p(18), p(t.MARGIN), p(20))
        column.setSpacing(p(6))
        column.addLayout(top)
        column.addWidget(self.credit)
        column.addWidget(self.hint)
        band.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.band = band

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.stage, 1)
        root.addWidget(band)

        # Buttons float over the stage; they are the screen's children, not the stage's, so a tap on them
        # never reaches the stage's gestures (the screen's own controller delivers it to the button).
        self.close_button = self._round_button(p(t.TOUCH_TARGET * 1.15), "mdi6.close", text=True)
        self.close_button.clicked.connect(self.close_requested)
        self.prev_button = self._round_button(p(t.TOUCH_TARGET), "mdi6.chevron-left")
        self.next_button = self._round_button(p(t.TOUCH_TARGET), "mdi6.chevron-right")
        self.prev_button.clicked.connect(lambda: self.stage.step(-1))
        self.next_button.clicked.connect(lambda: self.stage.step(1))
        self._taps = TouchDragController(self)  # taps on the buttons; a swipe along the caption band pages too
        self._taps.swiped.connect(self.stage.step)
        self.set_language("zh")

    def _round_button(self, size: int, icon_name: str, text: bool = False) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(size, size)
        button.setFixedHeight(size)
        button.setIconSize(QSize(round(size * 0.5), round(size * 0.5)))
        button.setProperty("icon_name", icon_name)
        button.setFont(self._theme.font(t.CAPTION + 4, bold=True))
        self._theme.apply(button, "viewer_button", size=size, text=text)
        if not text:
            button.setFixedWidth(size)
        return button

    # the photo shown ------------------------------------------------------------------------------------

    def show_route(self, route: Route) -> bool:
        """`Route("photo", id)`: show that photo (zoomed out). False for a route without a photo id, or an id the
        exhibition does not have."""
        if route.arg is None or not self.open(route.arg):
            return False
        return super().show_route(route)

    def open(self, photo_id: str) -> bool:
        """Show `photo_id` (zoomed out). False if the exhibition has no such photo."""
        for index, photo in enumerate(self.photos):
            if photo.id == photo_id:
                self.stage.show_index(index)
                return True
        log.warning("no photo %r to open", photo_id)
        return False

    @property
    def current(self) -> Photo | None:
        return self.photos[self.stage.index] if self.photos else None

    @Slot(int)
    def _show_caption(self, index: int) -> None:
        if not self.photos:
            return
        lang = self.lang
        photo = self.photos[index]
        self.caption.setText(photo.caption.get(lang))
        note = photo_note(photo, self._exhibition.photo_credit(photo), lang)
        self.credit.setText(note)
        self.credit.setVisible(bool(note))
        self.counter.setText(f"{index + 1} / {len(self.photos)}")
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.photos) - 1)

    # Screen -----------------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        self.close_button.setText(tr("close", lang))
        self._place_buttons()
        self.hint.setText(tr("viewer_hint", lang))
        self.stage.unavailable_text = tr("photo_unavailable", lang)
        self._show_caption(self.stage.index)
        self.stage.update()

    def place_title(self) -> str:
        return tr("viewer_title", self.lang)

    def load_icons(self) -> None:
        for button in (self.close_button, self.prev_button, self.next_button):
            if button.icon().isNull():
                button.setIcon(icon(str(button.property("icon_name")), t.TEXT))
        self._place_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.load_icons()

    def reset(self) -> None:
        """Zoomed out and holding no pixmaps: what the idle reset (and every new opening) wants."""
        self.stage.reset()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_hint()
        self._place_buttons()

    def _fit_hint(self) -> None:
        """A short viewer (accessible mode fits it into the reach band) leaves out the gesture hint: the photo
        needs the room more; the credit and the placeholder note stay."""
        self.hint.setVisible(self.height() >= self._theme.px(SHORT_VIEWER))

    def _place_buttons(self) -> None:
        p = self._theme.px
        margin = p(t.GAP)
        stage = self.stage.geometry()
        close = self.close_button
        close.adjustSize()
        close.move(stage.right() - close.width() - margin, stage.top() + margin)
        if stage.height() < close.height() + self.next_button.height() + 3 * margin:
            # too short a stage to stack Close above Next: Close goes beside it, at the same height
            close.move(stage.right() - self.next_button.width() - close.width() - 2 * margin,
                       stage.center().y() - close.height() // 2)
        for button, x in (
            (self.prev_button, stage.left() + margin),
            (self.next_button, stage.right() - self.next_button.width() - margin),
        ):
            button.move(x, stage.center().y() - button.height() // 2)
        for button in (self.close_button, self.prev_button, self.next_button):
            button.raise_()


def builder() -> Builder:
    """How the registry builds the viewer screen (registered in `kiosk.ui.features`)."""

    def build(route: Route, theme: Theme, ctx: ScreenContext) -> Screen | None:
        if not ctx.exhibition.all_photos():
            return None
        screen = PhotoScreen(theme, ctx.exhibition, ctx.photo_path, ctx.images)
        screen.close_requested.connect(screen.back_requested)  # the window goes back (or home)
        return screen

    return build

