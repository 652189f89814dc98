from kiosk.navigation import Direction, Navigator, Route

SECTIONS = ["a", "b", "c"]


def sec(i: str) -> Route:
    return Route("section", i)


def test_forward_back_and_home():
    nav = Navigator(SECTIONS)
    seen = []
    nav.subscribe(seen.append)
    assert nav.go(sec("a")).direction is Direction.FORWARD
    assert nav.go(Route("gallery")).direction is Direction.FORWARD
    back = nav.back()
    assert back.new == sec("a") and back.direction is Direction.BACKWARD
    home = nav.home()
    assert home.new == Route("home") and home.direction is Direction.FADE
    assert not nav.can_go_back
    assert [t.new.key for t in seen] == ["section/a", "gallery", "section/a", "home"]


def test_back_at_home_does_nothing():
    nav = Navigator(SECTIONS)
    assert nav.back() is None
    assert nav.home() is None
    assert nav.go(Route("home")) is None


def test_swipe_moves_between_sections_without_wrapping_and_back_leaves():
    nav = Navigator(SECTIONS)
    nav.go(sec("a"))
    assert nav.swipe(-1) is None  # nothing before the first section
    t = nav.swipe(+1)
    assert t.new == sec("b") and t.direction is Direction.FORWARD
    assert nav.swipe(-1).direction is Direction.BACKWARD
    nav.swipe(+1)
    nav.swipe(+1)
    assert nav.current == sec("c")
    assert nav.swipe(+1) is None
    assert nav.back().new == Route("home")  # swipes replace, so Back leaves the sections at once


def test_swipe_only_applies_to_sections():
    nav = Navigator(SECTIONS)
    nav.go(Route("intro"))
    assert nav.swipe(1) is None


def test_revisiting_a_screen_in_the_trail_unwinds_instead_of_looping():
    nav = Navigator(SECTIONS)
    nav.go(sec("a"))
    nav.go(Route("gallery"))
    t = nav.go(sec("a"))
    assert t.direction is Direction.BACKWARD
    assert nav.back().new == Route("home")


def test_history_is_bounded():
    nav = Navigator(SECTIONS, max_depth=5)
    for i in range(50):
        nav.go(Route("photo", str(i)))
    depth = 0
    while nav.back():
        depth += 1
    assert depth == 4


def test_new_content_drops_history_to_removed_sections():
    nav = Navigator(SECTIONS)
    nav.go(sec("c"))
    nav.set_sections(["a", "b"])
    assert nav.current == Route("home")
