"""The unattended state machine, driven by a made-up clock: idle → still there → reset → attract, waking
touches, signage, opening hours, settings changes and crash recovery."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kiosk.modes import Action, Mode, ModeConfig, ModeMachine, OpeningHours

A = Action
T0 = datetime(2024, 5, 6, 10, 0, 0)  # a Monday morning, inside the usual opening hours


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def run(machine: ModeMachine, script: list[tuple]) -> list[tuple]:
    """Play ('tick'|'input', seconds) steps; return (step, mode, actions, swallow) for each."""
    seen = []
    for kind, seconds in script:
        if kind == "tick":
            seen.append((kind, seconds, machine.tick(at(seconds)), None, machine.mode))
        else:
            reaction = machine.input(at(seconds))
            seen.append((kind, seconds, list(reaction.actions), reaction.swallow, machine.mode))
    return seen


def started(config: ModeConfig | None = None, seconds: float = 0) -> ModeMachine:
    machine = ModeMachine(config or ModeConfig(idle_timeout=90, still_there=10, slide_interval=8))
    machine.start(at(seconds))
    return machine


# (script, expected (actions, swallow, mode) per step)
VISIT = [
    (("input", 5), ([A.VISIT_STARTED], False, Mode.ACTIVE)),  # first touch at rest reaches the screen
    (("tick", 60), ([], None, Mode.ACTIVE)),
    (("input", 80), ([], False, Mode.ACTIVE)),  # more touches: nothing to do
    (("tick", 169), ([], None, Mode.ACTIVE)),  # 89 s after the last touch
    (("tick", 170), ([A.ASK_STILL_THERE], None, Mode.STILL_THERE)),
    (("tick", 175), ([], None, Mode.STILL_THERE)),
    (("tick", 180), ([A.DISMISS_STILL_THERE, A.RESET, A.VISIT_ENDED, A.START_ATTRACT], None, Mode.ATTRACT)),
    (("tick", 187), ([], None, Mode.ATTRACT)),
    (("tick", 188), ([A.NEXT_SLIDE], None, Mode.ATTRACT)),
    (("tick", 196), ([A.NEXT_SLIDE], None, Mode.ATTRACT)),
    (("input", 200), ([A.STOP_ATTRACT, A.VISIT_STARTED], True, Mode.ACTIVE)),  # the waking touch is swallowed
    (("input", 201), ([], False, Mode.ACTIVE)),  # the next one is a normal touch
]


def test_a_visit_from_first_touch_to_reset_and_slideshow():
    machine = started()
    steps = run(machine, [step for step, _ in VISIT])
    assert [(s[2], s[3], s[4]) for s in steps] == [expected for _, expected in VISIT]


def test_any_touch_cancels_the_countdown_and_is_swallowed():
    machine = started()
    run(machine, [("input", 0), ("tick", 90)])
    assert machine.mode is Mode.STILL_THERE
    assert machine.countdown_left(at(93)) == pytest.approx(7)
    reaction = machine.input(at(95))
    assert reaction.actions == (A.DISMISS_STILL_THERE,) and reaction.swallow
    assert machine.mode is Mode.ACTIVE and machine.countdown_left(at(96)) == 0
    assert machine.tick(at(184)) == []  # the idle timer started again from the cancelling touch
    assert machine.tick(at(185)) == [A.ASK_STILL_THERE]


def test_the_countdown_is_shown_in_full_even_after_a_long_pause():
    machine = started()
    machine.input(at(0))
    assert machine.tick(at(1000)) == [A.ASK_STILL_THERE]  # e.g. the PC was suspended
    assert machine.tick(at(1009)) == []
    assert A.RESET in machine.tick(at(1010))


def test_without_attract_the_reset_leaves_home_at_rest():
    machine = started(ModeConfig(attract=False, still_there=10))
    run(machine, [("input", 0), ("tick", 90)])
    assert machine.tick(at(100)) == [A.DISMISS_STILL_THERE, A.RESET, A.VISIT_ENDED]
    assert machine.mode is Mode.RESTING
    assert machine.tick(at(1000)) == []  # no slideshow, no second reset


def test_at_rest_the_slideshow_starts_after_the_idle_timeout():
    machine = started(seconds=0)
    assert machine.mode is Mode.RESTING
    assert machine.tick(at(89)) == []
    assert machine.tick(at(90)) == [A.START_ATTRACT]


@pytest.mark.parametrize(
    ("start_mode_steps", "reaction"),
    [
        ([], ((A.VISIT_STARTED,), False)),  # resting
        ([("tick", 90)], ((A.STOP_ATTRACT, A.VISIT_STARTED), True)),  # attract
        ([("input", 1)], ((), False)),  # active
        ([("input", 1), ("tick", 91)], ((A.DISMISS_STILL_THERE,), True)),  # still there
    ],
)
def test_which_inputs_are_swallowed(start_mode_steps, reaction):
    machine = started()
    run(machine, start_mode_steps)
    got = machine.input(at(95))
    assert (got.actions, got.swallow) == reaction


def test_signage_ignores_touch_and_keeps_showing_slides():
    machine = started(ModeConfig(signage=True, slide_interval=10))
    assert machine.mode is Mode.SIGNAGE
    for second in (1, 5, 9):
        assert machine.input(at(second)).swallow
        assert machine.input(at(second)).actions == ()
    assert machine.tick(at(10)) == [A.NEXT_SLIDE]
    assert machine.tick(at(1000)) == [A.NEXT_SLIDE]  # never a still-there question, never a reset
    assert machine.mode is Mode.SIGNAGE


def test_signage_starts_at_launch():
    machine = ModeMachine(ModeConfig(signage=True))
    assert machine.start(at(0)) == [A.START_ATTRACT]


WEEKDAYS_9_TO_5 = OpeningHours.parse({d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")})


def hours_config(**kw) -> ModeConfig:
    kw.setdefault("still_there", 10)
    return ModeConfig(hours=WEEKDAYS_9_TO_5, wake=300, **kw)


def test_outside_hours_it_starts_closed_and_opens_with_a_slideshow():
    early = datetime(2024, 5, 6, 8, 59, 0)
    machine = ModeMachine(hours_config())
    assert machine.start(early) == [A.SLEEP]
    assert machine.mode is Mode.CLOSED
    assert machine.tick(early + timedelta(seconds=59)) == []
    assert machine.tick(early + timedelta(seconds=60)) == [A.WAKE, A.START_ATTRACT]
    assert machine.mode is Mode.ATTRACT


def test_closing_time_turns_the_slideshow_off():
    machine = ModeMachine(hours_config())
    machine.start(datetime(2024, 5, 6, 16, 0))
    machine.tick(datetime(2024, 5, 6, 16, 1, 30))
    assert machine.mode is Mode.ATTRACT
    assert machine.tick(datetime(2024, 5, 6, 17, 0)) == [A.STOP_ATTRACT, A.SLEEP]


def test_closing_time_never_cuts_off_a_visitor():
    machine = ModeMachine(hours_config())
    machine.start(datetime(2024, 5, 6, 16, 50))
    machine.input(datetime(2024, 5, 6, 16, 59, 30))
    assert machine.tick(datetime(2024, 5, 6, 17, 0, 30)) == []  # still their visit
    assert machine.tick(datetime(2024, 5, 6, 17, 1, 0)) == [A.ASK_STILL_THERE]
    # the reset after closing time goes dark instead of starting the slideshow
    assert machine.tick(datetime(2024, 5, 6, 17, 1, 10)) == [
        A.DISMISS_STILL_THERE, A.RESET, A.VISIT_ENDED, A.SLEEP,
    ]


def test_a_touch_wakes_it_for_a_few_minutes_outside_hours():
    night = datetime(2024, 5, 6, 21, 0)
    machine = ModeMachine(hours_config(attract=True))
    machine.start(night)
    reaction = machine.input(night + timedelta(seconds=10))
    assert reaction.actions == (A.WAKE, A.VISIT_STARTED) and reaction.swallow
    assert machine.mode is Mode.ACTIVE
    # left alone: still there, reset, then the slideshow for what remains of the wake time, then dark
    assert machine.tick(night + timedelta(seconds=100)) == [A.ASK_STILL_THERE]
    assert machine.tick(night + timedelta(seconds=110))[-1] is A.START_ATTRACT
    assert A.SLEEP not in machine.tick(night + timedelta(seconds=309))
    assert machine.tick(night + timedelta(seconds=310)) == [A.STOP_ATTRACT, A.SLEEP]


def test_a_long_visit_at_night_keeps_it_awake():
    night = datetime(2024, 5, 11, 22, 0)  # a Saturday: closed all day
    machine = ModeMachine(hours_config(idle_timeout=90))
    machine.start(night)
    machine.input(night)
    for minute in range(1, 15):  # a touch every minute for a quarter of an hour
        assert machine.input(night + timedelta(minutes=minute)).actions == ()
        assert machine.tick(night + timedelta(minutes=minute, seconds=30)) == []
    assert machine.mode is Mode.ACTIVE


def test_signage_sleeps_and_wakes_with_the_hours():
    machine = ModeMachine(hours_config(signage=True))
    assert machine.start(datetime(2024, 5, 6, 20, 0)) == [A.SLEEP]
    reaction = machine.input(datetime(2024, 5, 6, 20, 1))
    assert reaction.actions == (A.WAKE, A.START_ATTRACT) and reaction.swallow
    assert machine.mode is Mode.SIGNAGE
    assert machine.tick(datetime(2024, 5, 6, 20, 6)) == [A.STOP_ATTRACT, A.SLEEP]


@pytest.mark.parametrize(
    ("steps", "change", "expected", "mode"),
    [
        ([("input", 1)], {"signage": True}, [A.RESET, A.VISIT_ENDED, A.START_ATTRACT], Mode.SIGNAGE),
        ([("input", 1), ("tick", 91)], {"signage": True},
         [A.DISMISS_STILL_THERE, A.RESET, A.VISIT_ENDED, A.START_ATTRACT], Mode.SIGNAGE),
        ([("tick", 90)], {"signage": True}, [], Mode.SIGNAGE),  # the running show just stops reacting
        ([("tick", 90)], {"attract": False}, [A.STOP_ATTRACT], Mode.RESTING),
        ([], {"signage": True}, [A.START_ATTRACT], Mode.SIGNAGE),
        ([("input", 1)], {"idle_timeout": 300}, [], Mode.ACTIVE),
        ([("input", 1)], {"idle_timeout": 30}, [A.ASK_STILL_THERE], Mode.STILL_THERE),
    ],
)
def test_settings_apply_at_once(steps, change, expected, mode):
    machine = started()
    run(machine, steps)
    config = ModeConfig(**{**machine.config.__dict__, **change})
    assert machine.configure(config, at(95)) == expected
    assert machine.mode is mode


def test_leaving_signage_returns_home_at_rest():
    machine = started(ModeConfig(signage=True))
    assert machine.configure(ModeConfig(signage=False), at(5)) == [A.STOP_ATTRACT]
    assert machine.mode is Mode.RESTING


def test_new_opening_hours_take_effect_immediately():
    machine = started()
    closed_now = OpeningHours.daily("11:00-12:00")
    assert machine.configure(ModeConfig(hours=closed_now), at(5)) == [A.SLEEP]
    assert machine.mode is Mode.CLOSED


def test_a_shorter_slide_interval_applies_to_the_running_show():
    machine = started(ModeConfig(slide_interval=30))
    machine.tick(at(90))
    machine.configure(ModeConfig(slide_interval=5), at(91))
    assert machine.tick(at(96)) == [A.NEXT_SLIDE]


def test_recovery_from_an_error_goes_home_and_keeps_the_visit():
    machine = started()
    run(machine, [("input", 1), ("tick", 91)])
    assert machine.recover(at(92)) == [A.DISMISS_STILL_THERE, A.RESET]
    assert machine.mode is Mode.ACTIVE
    assert machine.tick(at(181)) == []  # a fresh idle timer
    assert machine.tick(at(182)) == [A.ASK_STILL_THERE]


# staff hold the machine while their keypad or panel is on screen ------------------------------------------


def test_while_staff_hold_it_nothing_unattended_happens():
    machine = started()
    run(machine, [("input", 1)])
    assert machine.hold(at(2)) == []
    for seconds in (91, 101, 500, 3600):
        assert machine.tick(at(seconds)) == []
        assert machine.mode is Mode.ACTIVE
    reaction = machine.input(at(3601))
    assert reaction.actions == () and not reaction.swallow  # the touch is the panel's


def test_a_setting_changed_while_held_starts_no_countdown_and_applies_at_release():
    machine = started()
    run(machine, [("input", 1)])
    machine.hold(at(2))
    shorter = ModeConfig(**{**machine.config.__dict__, "idle_timeout": 30})
    assert machine.configure(shorter, at(150)) == []  # 149 s idle, timeout now 30 s: still no question
    assert machine.mode is Mode.ACTIVE and machine.config.idle_timeout == 30
    assert machine.release(at(200)) == []  # the idle clock starts afresh at release…
    assert machine.tick(at(229)) == []
    assert machine.tick(at(230)) == [A.ASK_STILL_THERE]  # …with the new timeout


def test_the_slideshow_and_closing_time_wait_for_staff():
    machine = ModeMachine(hours_config(attract=True))
    machine.start(datetime(2024, 5, 6, 16, 50))  # at rest, ten minutes before closing
    machine.hold(datetime(2024, 5, 6, 16, 50, 5))
    assert machine.tick(datetime(2024, 5, 6, 16, 55)) == []  # no slideshow under the panel
    assert machine.tick(datetime(2024, 5, 6, 17, 30)) == []  # and no closing either
    assert machine.mode is Mode.RESTING
    assert machine.release(datetime(2024, 5, 6, 17, 31)) == []  # just used: awake for the wake time
    assert machine.tick(datetime(2024, 5, 6, 17, 32, 30)) == [A.START_ATTRACT]
    assert machine.tick(datetime(2024, 5, 6, 17, 36)) == [A.STOP_ATTRACT, A.SLEEP]


def test_signage_switched_on_in_the_panel_starts_when_it_closes():
    machine = started()
    run(machine, [("input", 1)])
    machine.hold(at(2))
    assert machine.configure(ModeConfig(**{**machine.config.__dict__, "signage": True}), at(10)) == []
    assert machine.mode is Mode.ACTIVE
    assert machine.release(at(20)) == [A.RESET, A.VISIT_ENDED, A.START_ATTRACT]
    assert machine.mode is Mode.SIGNAGE


def test_holding_withdraws_a_question_already_showing():
    machine = started()
    run(machine, [("input", 1), ("tick", 91)])
    assert machine.mode is Mode.STILL_THERE
    assert machine.hold(at(92)) == [A.DISMISS_STILL_THERE]
    assert machine.mode is Mode.ACTIVE and machine.countdown_left(at(93)) == 0
    assert machine.tick(at(200)) == []
    assert machine.release(at(300)) == []
    assert machine.tick(at(389)) == []
    assert machine.tick(at(390)) == [A.ASK_STILL_THERE]


def test_accessible_mode_doubles_the_idle_timeout_and_the_countdown_until_the_visit_ends():
    machine = started()
    machine.input(at(0))
    machine.set_accessible(True)
    assert (machine.idle_timeout, machine.still_there) == (180, 20)
    assert machine.tick(at(179)) == []  # twice 90 s
    assert machine.tick(at(180)) == [A.ASK_STILL_THERE]
    assert machine.countdown_left(at(180)) == 20  # twice 10 s
    assert machine.tick(at(199)) == []
    assert machine.tick(at(200))[:3] == [A.DISMISS_STILL_THERE, A.RESET, A.VISIT_ENDED]
    assert not machine.accessible  # the next visitor starts in the usual mode, with the usual times
    assert (machine.idle_timeout, machine.still_there) == (90, 10)


def test_an_answered_question_keeps_accessible_mode_for_the_rest_of_the_visit():
    machine = started()
    machine.input(at(0))
    machine.set_accessible(True)
    machine.tick(at(180))
    assert machine.input(at(185)).actions == (A.DISMISS_STILL_THERE,)
    assert machine.accessible and machine.tick(at(185 + 179)) == []


def test_signage_switched_on_mid_visit_ends_accessible_mode_with_the_visit():
    machine = started()
    machine.input(at(0))
    machine.set_accessible(True)
    machine.configure(ModeConfig(signage=True), at(5))
    assert not machine.accessible


def test_the_question_gives_20_s_by_default():
    assert ModeConfig().still_there >= 20
