"""The Qt side of `kiosk proof` (see `kiosk.proof`): a tour of the real window, offscreen, and the PDF it fills.

`ProofTour` drives the built kiosk the way `kiosk --smoke` does (navigate, wait for the screen to be entered)
and beyond: it scrolls each scrolling screen one viewport height at a time, opens every timeline event's and map
feature's card, every photo in the viewer, and steps the slideshow through one round; after each step it waits
for the photos being decoded and grabs the window. `ProofDocument` writes the pages with QPdfWriter: A4 in the
screen's orientation, a two-line header, the screen scaled to the page at ~150 dpi (embedded as JPEG by Qt's
PDF engine, so a page weighs ~100-200 kB).
"""

from __future__ import annotations

import logging
import random
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractAnimation, QEventLoop, QMarginsF, QRect, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QGraphicsView, QWidget

from kiosk.check import CheckReport
from kiosk.navigation import Route
from kiosk.proof import PDF_DPI, Page, pages_for, plan, scroll_routes, today
from kiosk.staff import diagnostics

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
NAV_TIMEOUT_MS = 15_000
LANG_NAMES = {"zh": "中文 zh", "en": "English en"}
EMBED_SCALE = 2 / 3


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _finish_animations(root: QWidget) -> None:
    for animation in root.findChildren(QAbstractAnimation):
        if animation.state() == QAbstractAnimation.State.Running and animation.loopCount() > 0:
            animation.setCurrentTime(animation.totalDuration())


def _wait_until(predicate: Callable[[], bool], timeout_ms: int = NAV_TIMEOUT_MS, step_ms: int = 20) -> bool:
    waited = 0
    while not predicate():
        if waited >= timeout_ms:
            return False
        _wait(step_ms)
        waited += step_ms
    return True


# --- the document ---------------------------------------------------------------------------------------------


class ProofDocument:
    def __init__(self, path: Path, portrait: bool, families: Sequence[str]):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(PDF_DPI)
        self.writer.setCreator("lukou-kiosk proof")
        self.writer.setTitle("校样 Proof for sign-off")
        orientation = QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                              QMarginsF(10, 8, 10, 10), QPageLayout.Unit.Millimeter))
        self.painter = QPainter()
        self.families = list(families)
        self.pages = 0

    def _font(self, pt: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(self.families)
        font.setPixelSize(round(pt * PDF_DPI / 72))
        font.setBold(bold)
        # No ligatures: ids such as `flood-wall` stay letters a reader (and a text search in the PDF) can find.
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def _area(self) -> QRect:
        return self.writer.pageLayout().paintRectPixels(PDF_DPI)

    def _new_page(self) -> QPainter:
        if self.pages == 0:
            if not self.painter.begin(self.writer):
                raise OSError(f"cannot write {self.path}")
        else:
            self.writer.newPage()
        self.pages += 1
        return self.painter

    def header(self, p: QPainter, title: str, details: str) -> int:
        """Two lines at the top of the page and a rule under them; returns the y below."""
        area = self._area()
        width = area.width()
        top_font, small_font = self._font(11, bold=True), self._font(8.5)
        p.setPen(QColor(Qt.GlobalColor.black))
        p.setFont(top_font)
        line1 = QFontMetrics(top_font).height()
        p.drawText(QRect(0, 0, width, line1), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(top_font).elidedText(title, Qt.TextElideMode.ElideRight, width))
        p.setFont(small_font)
        line2 = QFontMetrics(small_font).height()
        p.setPen(QColor(Qt.GlobalColor.darkGray))
        p.drawText(QRect(0, line1 + 4, width, line2), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(small_font).elidedText(details, Qt.TextElideMode.ElideMiddle, width))
        y = line1 + line2 + 14
        p.drawLine(0, y, width, y)
        return y + 12

    def screen_page(self, image: QImage, title: str, details: str) -> None:
        p = self._new_page()
        top = self.header(p, title, details)
        area = self._area()
        room = QSizeF(area.width(), area.height() - top)
        shown = QSizeF(image.size()).scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF((area.width() - shown.width()) / 2, top, shown.width(), shown.height())
        # Qt embeds an image at its own resolution (as JPEG at its fixed quality): scaled here to two thirds of
        # the screen's pixels (1280 px for 1920), which keeps 20 px text readable at ~40% of the bytes.
        embed = QSizeF(image.size()) * EMBED_SCALE
        if embed.width() > shown.width():
            embed = shown
        scaled = image.scaled(round(embed.width()), round(embed.height()), Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_RGB32)
        p.drawImage(target, scaled)
        p.setPen(QColor(Qt.GlobalColor.lightGray))
        p.drawRect(target)

    def text_pages(self, title: str, details: str, blocks: Sequence[tuple[str, float, bool]]) -> None:
        """Wrapped paragraphs (text, size in pt, bold), onto as many pages as they need."""
        p = self._new_page()
        area = self._area()
        y = self.header(p, title, details)
        for text, pt, bold in blocks:
            font = self._font(pt, bold)
            p.setFont(font)
            p.setPen(QColor(Qt.GlobalColor.black))
            bounds = p.boundingRect(QRect(0, 0, area.width(), 100_000), Qt.TextFlag.TextWordWrap, text)
            if y + bounds.height() > area.height() and y > 200:
                p = self._new_page()
                y = self.header(p, title, details + " (continued)")
                p.setFont(font)
            p.drawText(QRect(0, y, area.width(), bounds.height()), Qt.TextFlag.TextWordWrap, text)
            y += bounds.height() + round(pt * PDF_DPI / 72 * 0.6)

    def finish(self) -> None:
        if self.pages == 0:
            self._new_page()
        self.painter.end()

    def abandon(self) -> None:
        """Stop half-way: the painter is ended (the caller removes the half-written file)."""
        if self.painter.isActive():
            self.painter.end()


# --- the tour -------------------------------------------------------------------------------------------------


class ProofTour:
    def __init__(self, kiosk) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self._entered: Route | None = None
        self.window.screen_entered.connect(self._on_entered)

    def _on_entered(self, route: Route) -> None:
        self._entered = route

    def start(self) -> None:
        window = self.window
        heartbeat = self.kiosk.heartbeat
        if heartbeat is not None:  # never the running kiosk's heartbeat file: a supervisor watches that one
            self._scratch = tempfile.TemporaryDirectory(prefix="kiosk-proof-")
            heartbeat.heartbeat.path = Path(self._scratch.name) / "heartbeat"
        painted: list[bool] = []
        window.first_frame.connect(lambda: painted.append(True))
        window.show()
        if not _wait_until(lambda: bool(painted)):
            raise RuntimeError("the window never painted its first frame")
        _wait(50)  # after_first_frame has run: the unattended modes started; the proof must not meet them
        for service in (self.kiosk.unattended, heartbeat, self.kiosk.window_guard):
            if service is not None:
                service.stop()
        self.settle()

    def settle(self, extra_ms: int = 0) -> None:
        """Let layouts, animations and photo decodes finish: running animations are jumped to their end (a card
        sliding in, a camera pan, figures counting up) rather than waited for."""
        app = QApplication.instance()
        for _ in range(3):
            _finish_animations(self.window)
            app.processEvents()
            self.kiosk.images.wait_idle(8000)
            _wait(15)  # due timers (a photo's result, a relayout posted for the next turn) run
        if extra_ms:
            _wait(extra_ms)
            _finish_animations(self.window)
            app.processEvents()

    def go(self, route: Route) -> QWidget:
        window = self.window
        if self.kiosk.navigator.current != route:
            self._entered = None
            if route.screen == "home":
                window.go_home()
            else:
                window.navigate(route)
            if not _wait_until(lambda: _finish_animations(window) or self._entered == route):
                raise RuntimeError(f"{route.key}: the screen was not entered")
            self.settle()
        return window.current_screen()

    def set_language(self, lang: str) -> None:
        self.window.set_language(lang)
        self.settle()

    @staticmethod
    def scroll_areas(screen: QWidget) -> list[QAbstractScrollArea]:
        return [a for a in screen.findChildren(QAbstractScrollArea)
                if not isinstance(a, QGraphicsView) and a.isVisibleTo(screen) and a.verticalScrollBar().maximum() > 0]

    def scroll_pages(self, screen: QWidget) -> int:
        return max([pages_for(a.verticalScrollBar().maximum(), a.viewport().height())
                    for a in self.scroll_areas(screen)] or [1])

    def scroll_to_page(self, screen: QWidget, page: int) -> None:
        for area in self.scroll_areas(screen):
            bar = area.verticalScrollBar()
            bar.setValue(min((page - 1) * area.viewport().height(), bar.maximum()))
        self.settle()

    def grab(self) -> QImage:
        return self.window.grab().toImage()


def render_proof(out: Path, report: CheckReport, langs: Sequence[str], size: tuple[int, int],
                 progress: Progress) -> int:
    """Write the proof; returns its page count."""
    from kiosk.ui.fonts import register_fonts

    app = QApplication.instance() or QApplication(["kiosk-proof"])
    families = register_fonts()
    fingerprint = diagnostics.content_fingerprint(report.folder)
    when = today()
    document = ProofDocument(out, portrait=size[1] > size[0], families=families)
    try:
        if report.exhibition is None:
            _cover(document, report, fingerprint, when, langs, size, total=1)
            document.finish()
            return document.pages
        return _render_screens(app, document, report, fingerprint, when, langs, size, progress)
    except BaseException:  # Ctrl-C or a failed page: a writer destroyed while painted on crashes the process
        document.abandon()
        raise


def _cover(document: ProofDocument, report: CheckReport, fingerprint: str, when: str, langs: Sequence[str],
           size: tuple[int, int], total: int) -> None:
    ex = report.exhibition
    title = "校样 Proof for sign-off" + (f" — {ex.title.zh} / {ex.title.en}" if ex is not None else "")
    details = f"cover · content {fingerprint} · {when} · page 1/{total}"
    blocks: list[tuple[str, float, bool]] = [
        (f"Content folder 内容文件夹: {report.folder}", 10, False),
        (f"Content fingerprint 内容指纹: {fingerprint}", 10, False),
        (f"Languages 语言: {', '.join(LANG_NAMES[lang] for lang in langs)} · screen {size[0]}×{size[1]} · "
         f"made {when}", 10, False),
        ("kiosk check: " + report.summary(), 11, True),
    ]
    if report.problems:
        heading = "Errors — the screens cannot be shown until they are fixed 错误（须先修正）" if not report.ok else \
            "Warnings 警告"
        blocks.append((heading, 11, True))
        blocks += [(line, 9, False) for line in report.lines()]
    if report.ok:
        blocks += [
            (f"The {total - 1} pages that follow show every screen a visitor can reach, in each language: home, "
             "foreword, each section page by page as it scrolls, the timeline and each event, the map and each "
             "feature, the gallery, each photo with its caption and credit, and the slideshow's slides.", 10, False),
            ("Approved by 审核人: ______________________    Department 部门: ______________________", 11, False),
            ("Signature 签字: ______________________    Date 日期: ______________________", 11, False),
        ]
    document.text_pages(title, details, blocks)


def _render_screens(app: QApplication, document: ProofDocument, report: CheckReport, fingerprint: str, when: str,
                    langs: Sequence[str], size: tuple[int, int], progress: Progress) -> int:
    from kiosk import app as kiosk_app
    from kiosk.modes.playlist import AttractOptions, build_slides
    from kiosk.staff.settings import Settings

    kiosk = kiosk_app.build(report.folder, windowed=True, size=size, lang=langs[0], settings=Settings())
    exhibition = kiosk.exhibition
    tour = ProofTour(kiosk)
    tour.start()

    scroll_pages: dict[tuple[str, str], int] = {}  # measured first, so the progress knows the total
    for lang in langs:
        tour.set_language(lang)
        for route in scroll_routes(exhibition):
            scroll_pages[(lang, route.key)] = tour.scroll_pages(tour.go(route))
    slides = [s.key for s in build_slides(exhibition, AttractOptions(), random.Random(0))]
    pages = plan(exhibition, langs, scroll_pages, slides)
    total = len(pages) + 1
    version = f"{fingerprint} (store v{kiosk.store.version})"
    _cover(document, report, f"{version}", when, langs, size, total)
    progress(1, total, "cover")

    attract = kiosk.unattended.attract if kiosk.unattended is not None else None
    current_lang = None
    for number, page in enumerate(pages, 2):
        if page.lang != current_lang:
            current_lang = page.lang
            tour.set_language(page.lang)
        title = _show(tour, page, attract)
        progress(number, total, f"{page.lang} {title} · {page.label()}")
        details = (f"{page.label()} · {LANG_NAMES[page.lang]} · content {version} · {when} · "
                   f"page {number}/{total}")
        document.screen_page(tour.grab(), title, details)
    if attract is not None:
        attract.stop()
    document.finish()
    kiosk.window.close()
    return document.pages


def _show(tour: ProofTour, page: Page, attract) -> str:
    """Bring `page` on screen; returns the title its header shows."""
    ex = tour.kiosk.exhibition
    lang = page.lang
    if page.kind == "slide":
        if attract is None:
            raise RuntimeError("no slideshow in this kiosk")
        if page.page == 1:
            from kiosk.modes.playlist import AttractOptions

            attract.configure(AttractOptions(), "none", 3600.0, False)
            attract.start(QPixmap())
        else:
            attract.next_slide()
        tour.settle()
        slide = attract.slide
        if slide is not None and slide.key != page.item:
            log.warning("slideshow: expected %s, showing %s", page.item, slide.key)
        if slide is not None and slide.photo is not None:
            return f"{_slideshow(lang)}: {slide.photo.caption.get(lang)}"
        source = slide.section if slide is not None and slide.section is not None else ex
        return f"{_slideshow(lang)}: {source.title.get(lang)}"
    if attract is not None and attract.isVisible():
        attract.stop()
    if page.kind == "photo":
        screen = tour.window.current_screen()
        if tour.kiosk.navigator.current.screen == "photo":
            screen.open(page.item)  # the viewer's own next photo, as a swipe does
            tour.settle()
        else:
            screen = tour.go(page.route)
        photo = ex.photo(page.item or "")
        return f"{screen.place_title()}: {photo.caption.get(lang)}"
    screen = tour.go(page.route)
    if page.kind == "screen":
        if hasattr(screen, "close_card"):
            screen.close_card()
        tour.scroll_to_page(screen, page.page)
        return screen.place_title() or page.route.key
    if page.kind == "event":
        screen.open_event(page.item)
        tour.settle()
        event = ex.timeline.event(page.item or "") if ex.timeline is not None else None
        return f"{screen.place_title()}: {event.title.get(lang) if event is not None else page.item}"
    if page.kind == "feature":
        screen.open_card(page.item)
        tour.settle()
        feature = ex.map.feature(page.item or "") if ex.map is not None else None
        name = getattr(feature, "name", None) or getattr(feature, "title", None)
        return f"{screen.place_title()}: {name.get(lang) if name is not None else page.item}"
    raise ValueError(f"unknown page kind {page.kind!r}")


def _slideshow(lang: str) -> str:
    return "轮播" if lang == "zh" else "Slideshow"

