"""The staff PIN: a salted slow hash, never the PIN itself; five wrong tries lock entry for a minute."""

from __future__ import annotations

import errno
import io
import json

import pytest

from kiosk.staff.pin import (
    CLOSED,
    DEFAULT_PIN,
    LOCKOUT_FILE,
    LOCKOUT_SECONDS,
    LOCKOUT_STEPS,
    MAX_FAILURES,
    PIN_FILE,
    Outcome,
    PinGate,
    PinStore,
    hash_pin,
    reset_pin_main,
    valid_new_pin,
    verify_pin,
)


class FakeClock:
    """The monotonic clock (`now`) and the wall clock (`wall`) a restart carries a lockout over with."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.wall = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall += seconds

    def restart(self) -> None:
        """The PC restarted: the monotonic clock starts again from near zero; the time of day goes on."""
        self.now = 5.0


class Store(PinStore):
    """A PIN store in a test folder, with the stored hash at hand."""

    @property
    def value(self) -> str:
        return self.load()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "config"


def gate_for(store: PinStore, clock: FakeClock) -> PinGate:
    return PinGate(store, clock, lambda: clock.wall)


def store_with(folder, pin_hash: str = "") -> Store:
    store = Store(folder)
    store.save(pin_hash)
    return store


def test_hash_is_salted_slow_and_not_the_pin():
    a, b = hash_pin("13579"), hash_pin("13579")
    assert a != b, "two hashes of one PIN must differ (random salt)"
    assert "13579" not in a
    scheme, n, r, p, salt, digest = a.split("$")
    assert scheme == "scrypt" and int(n) >= 2**14
    assert verify_pin("13579", a) and verify_pin("13579", b)


@pytest.mark.parametrize(
    ("stored", "pin", "expected"),
    [
        (hash_pin("1357"), "1357", True),
        (hash_pin("1357"), "1358", False),
        (hash_pin("1357"), "", False),
        (hash_pin("1357"), "13570", False),
        ("not a hash", "1357", False),
        ("scrypt$x$8$1$AAAA$AAAA", "1357", False),
        ("pbkdf2$16384$8$1$AAAA$AAAA", "1357", False),
    ],
)
def test_verify(stored, pin, expected):
    assert verify_pin(pin, stored) is expected


@pytest.mark.parametrize(
    ("pin", "reason"),
    [("1357", None), ("13572468", None), ("135", "length"), ("135724680", "length"), ("12a4", "digits_only"),
     ("１２３４", "digits_only"), (DEFAULT_PIN, "is_default")],
)
def test_new_pin_rules(pin, reason):
    assert valid_new_pin(pin) == reason


def test_default_pin_opens_until_changed_then_only_the_new_one(clock, folder):
    store = Store(folder)
    gate = gate_for(store, clock)
    assert gate.is_default
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK
    assert gate.change("9731") is None
    assert not gate.is_default
    assert store.value.startswith("scrypt$") and "9731" not in store.value
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.WRONG
    assert gate.attempt("9731").outcome is Outcome.OK


def test_refused_change_keeps_the_old_pin(clock, folder):
    store = store_with(folder, hash_pin("9731"))
    gate = gate_for(store, clock)
    before = store.value
    assert gate.change(DEFAULT_PIN) == "is_default"
    assert gate.change("12") == "length"
    assert store.value == before




def test_five_wrong_pins_lock_for_sixty_seconds(clock, folder):
    gate = gate_for(Store(folder), clock)
    outcomes = [gate.attempt("0000") for _ in range(MAX_FAILURES)]
    assert [a.outcome for a in outcomes] == [Outcome.WRONG] * (MAX_FAILURES - 1) + [Outcome.LOCKED]
    assert [a.tries_left for a in outcomes[:-1]] == [4, 3, 2, 1]
    # locked: even the right PIN is refused and nothing is counted
    clock.advance(LOCKOUT_SECONDS - 1)
    locked = gate.attempt(DEFAULT_PIN)
    assert locked.outcome is Outcome.LOCKED and locked.locked_for == pytest.approx(1.0)
    assert gate.locked_for() == pytest.approx(1.0)
    clock.advance(1)
    assert gate.locked_for() == 0
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK


def test_after_a_lockout_five_more_tries_are_allowed(clock, folder):
    gate = gate_for(Store(folder), clock)
    for _ in range(MAX_FAILURES):
        gate.attempt("1111")
    clock.advance(LOCKOUT_SECONDS)
    assert [gate.attempt("1111").outcome for _ in range(MAX_FAILURES)][-2:] == [Outcome.WRONG, Outcome.LOCKED]


def test_a_right_pin_clears_the_failure_count(clock, folder):
    gate = gate_for(Store(folder), clock)
    for _ in range(MAX_FAILURES - 1):
        gate.attempt("1111")
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK
    assert gate.attempt("1111").tries_left == MAX_FAILURES - 1


# the lockout survives restarts and grows -------------------------------------------------------------------

def wrong_round(gate: PinGate) -> Outcome:
    return [gate.attempt("0000").outcome for _ in range(MAX_FAILURES)][-1]


def test_each_further_failed_round_locks_longer(clock, folder):
    gate = gate_for(Store(folder), clock)
    lengths = []
    for _ in range(6):
        assert wrong_round(gate) is Outcome.LOCKED
        lengths.append(gate.locked_for())
        clock.advance(gate.locked_for())
    assert lengths == [60, 300, 900, 3600, 3600, 3600] == [*LOCKOUT_STEPS, 3600, 3600]
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK  # the right PIN starts again from one minute
    assert wrong_round(gate) is Outcome.LOCKED and gate.locked_for() == 60


def test_a_lockout_survives_a_restart(clock, folder):
    gate = gate_for(Store(folder), clock)
    wrong_round(gate)
    clock.advance(30)
    wrong_round_again = gate.attempt("0000")
    assert wrong_round_again.outcome is Outcome.LOCKED
    clock.restart()  # kiosk (or PC) restarted 0 s later: a new store and gate from the same folder
    again = gate_for(Store(folder), clock)
    assert again.locked_for() == pytest.approx(30)
    assert again.attempt(DEFAULT_PIN).outcome is Outcome.LOCKED
    clock.advance(30)
    assert again.locked_for() == 0
    assert wrong_round(again) is Outcome.LOCKED and again.locked_for() == 300  # and it still grows


def test_wrong_pins_are_counted_across_a_restart(clock, folder):
    gate = gate_for(Store(folder), clock)
    for _ in range(MAX_FAILURES - 1):
        gate.attempt("0000")
    clock.restart()
    again = gate_for(Store(folder), clock)
    assert again.attempt("0000").outcome is Outcome.LOCKED


def test_a_clock_set_back_never_makes_a_lockout_longer_than_itself(clock, folder):
    gate = gate_for(Store(folder), clock)
    wrong_round(gate)
    clock.wall -= 10 * 24 * 3600  # someone sets the PC's clock ten days back, then restarts the kiosk
    clock.restart()
    again = gate_for(Store(folder), clock)
    assert 0 < again.locked_for() <= LOCKOUT_SECONDS
    clock.now += LOCKOUT_SECONDS
    assert again.locked_for() == 0
    clock.wall += 3600  # within a run, only the monotonic clock counts: the wall clock changes nothing
    wrong_round(again)
    clock.wall -= 10 * 24 * 3600
    assert again.locked_for() == 300


def test_a_damaged_lockout_record_locks_for_the_first_step(clock, folder):
    store = Store(folder)
    gate_for(store, clock).attempt("0000")
    (folder / LOCKOUT_FILE).write_text('{"failures": 1, "rou')
    gate = gate_for(Store(folder), clock)
    assert gate.locked_for() == LOCKOUT_SECONDS


# a damaged file never brings the shipped PIN back ------------------------------------------------------------

def test_a_damaged_settings_file_does_not_bring_the_shipped_pin_back(clock, folder, tmp_path):
    from kiosk.staff.settings import Settings

    settings = Settings.load(folder / "settings.json")
    settings.set("idle_timeout_s", 45)
    gate = PinGate(PinStore.beside(settings.path), clock, lambda: clock.wall)
    assert gate.change("9731") is None
    text = (folder / "settings.json").read_text()
    for damaged in (text[: len(text) // 2], "", "\x00\x00garbage", "[1, 2]"):
        (folder / "settings.json").write_text(damaged)
        Settings.load(folder / "settings.json").set("large_text", True)  # and saved over with defaults
        gate = PinGate(PinStore.beside(folder / "settings.json"), clock, lambda: clock.wall)
        assert gate.attempt(DEFAULT_PIN).outcome is Outcome.WRONG
        assert gate.attempt("9731").outcome is Outcome.OK
        assert not gate.is_default


def test_an_older_kiosks_pin_is_moved_out_of_the_settings_once(clock, folder):
    folder.mkdir(parents=True)
    stored = hash_pin("9731")
    (folder / "settings.json").write_text(json.dumps({"version": 1, "idle_timeout_s": 45, "pin_hash": stored}))
    gate = gate_for(Store(folder), clock)
    assert gate.attempt("9731").outcome is Outcome.OK
    assert json.loads((folder / PIN_FILE).read_text())["pin_hash"] == stored
    left = json.loads((folder / "settings.json").read_text())
    assert "pin_hash" not in left and left["idle_timeout_s"] == 45  # the other settings are untouched
    (folder / "settings.json").write_text("{ cut sho")  # damage after the move changes nothing
    assert gate_for(Store(folder), clock).attempt("9731").outcome is Outcome.OK


@pytest.mark.parametrize("pin_file", ['{"pin_hash": "scrypt$16384$8$1$AAAA', '{"pin_hash": "garbage"}', "",
                                      '{"pin_hash": null}', "[]", "\x00\x01"])
def test_a_damaged_pin_file_closes_entry_instead_of_opening_with_the_shipped_pin(clock, folder, pin_file, caplog):
    store_with(folder, hash_pin("9731"))
    (folder / PIN_FILE).write_text(pin_file)
    gate = gate_for(Store(folder), clock)
    assert gate.closed and not gate.is_default
    assert gate.locked_for() == CLOSED
    for pin in (DEFAULT_PIN, "9731"):
        attempt = gate.attempt(pin)
        assert attempt.outcome is Outcome.LOCKED and attempt.locked_for == CLOSED
    closed_lines = [r for r in caplog.records if "PIN entry closed" in r.getMessage()]
    assert len(closed_lines) == 1 and "reset-pin" in closed_lines[0].getMessage()  # logged once, not per tick


def test_an_older_kiosks_damaged_settings_keep_entry_closed_for_good(clock, folder):
    from kiosk.staff.settings import Settings

    folder.mkdir(parents=True)
    (folder / "settings.json").write_text('{"version": 1, "pin_hash": "scrypt$16384$8$1$c2FsdA==$ZGln')
    assert gate_for(Store(folder), clock).attempt(DEFAULT_PIN).locked_for == CLOSED
    Settings.load(folder / "settings.json").set("large_text", True)  # the settings file is whole again
    assert gate_for(Store(folder), clock).attempt(DEFAULT_PIN).locked_for == CLOSED  # but had held a PIN


def test_reset_pin_at_the_pc_reopens_a_closed_or_locked_keypad(clock, folder, monkeypatch, capsys):
    store_with(folder, hash_pin("9731"))
    gate = gate_for(Store(folder), clock)
    for _ in range(3):
        wrong_round(gate)
        clock.advance(gate.locked_for())
    wrong_round(gate)
    (folder / PIN_FILE).write_text("{")
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert reset_pin_main([], folder) == 2  # the shipped PIN is not a new PIN
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n5556\n"))
    assert reset_pin_main([], folder) == 2  # typed differently twice
    assert gate_for(Store(folder), clock).closed
    monkeypatch.setattr("sys.stdin", io.StringIO("5555\n5555\n"))
    assert reset_pin_main([], folder) == 0
    again = gate_for(Store(folder), clock)
    assert again.locked_for() == 0 and again.attempt("5555").outcome is Outcome.OK
    assert reset_pin_main(["--shipped"], folder) == 0
    assert gate_for(Store(folder), clock).is_default
    assert "changed" in capsys.readouterr().out


def test_a_pin_change_the_disk_refuses_keeps_the_old_pin(clock, folder, monkeypatch):
    from kiosk.staff import settings as settings_module

    store = store_with(folder, hash_pin("9731"))
    gate = gate_for(store, clock)

    def disk_full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(settings_module, "write_atomically", disk_full)
    assert gate.change("1357") == "not_saved"
    monkeypatch.undo()
    assert gate.attempt("9731").outcome is Outcome.OK


def test_saves_a_killed_kiosk_never_finished_are_removed_at_start(clock, folder):
    store_with(folder, hash_pin("9731"))
    for name in (f".{PIN_FILE}.x7.tmp", f".{LOCKOUT_FILE}.y8.tmp"):
        (folder / name).write_text("{")
    gate_for(Store(folder), clock)
    assert sorted(p.name for p in folder.iterdir()) == [PIN_FILE]


def test_an_older_kiosks_damaged_settings_are_noted_at_start_before_any_save(clock, folder):
    from kiosk.staff.settings import Settings

    folder.mkdir(parents=True)
    (folder / "settings.json").write_text('{"version": 1, "pin_hash": "scrypt$16384$8$1$c2Fs')
    settings = Settings.load(folder / "settings.json")  # what the kiosk does at start, in this order
    gate_for(PinStore.beside(settings.path), clock)
    settings.set("large_text", True)  # staff change a setting: settings.json is whole again, without a hash
    gate = gate_for(PinStore.beside(settings.path), clock)
    assert gate.attempt(DEFAULT_PIN).locked_for == CLOSED


def test_a_pin_file_that_is_a_link_to_nothing_closes_entry(clock, folder):
    store_with(folder, hash_pin("9731"))
    (folder / PIN_FILE).unlink()
    (folder / PIN_FILE).symlink_to(folder / "gone" / "staff-pin.json")
    gate = gate_for(Store(folder), clock)
    assert gate.closed and gate.attempt(DEFAULT_PIN).outcome is Outcome.LOCKED


def test_an_older_kiosks_settings_that_are_a_link_to_nothing_keep_entry_closed(clock, folder):
    folder.mkdir(parents=True)
    (folder / "settings.json").symlink_to(folder / "gone.json")  # it may have held the PIN hash
    gate = gate_for(Store(folder), clock)
    assert gate.closed and gate.attempt(DEFAULT_PIN).outcome is Outcome.LOCKED
    assert gate_for(Store(folder), clock).closed  # and stays so at the next start


def test_a_lockout_record_damaged_into_huge_numbers_locks_no_longer_than_the_longest_step(clock, folder):
    folder.mkdir(parents=True)
    (folder / LOCKOUT_FILE).write_text('{"failures": 0, "rounds": 9, "locked_until": 1e300, "lockout_s": 1e300}')
    gate = gate_for(Store(folder), clock)
    assert 0 < gate.locked_for() <= 3600
