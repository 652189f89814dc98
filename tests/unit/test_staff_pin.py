"""The staff PIN: a salted slow hash, never the PIN itself; five wrong tries lock entry for a minute."""

from __future__ import annotations

import pytest

from kiosk.staff.pin import (
    DEFAULT_PIN,
    LOCKOUT_SECONDS,
    MAX_FAILURES,
    Outcome,
    PinGate,
    hash_pin,
    valid_new_pin,
    verify_pin,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Store:
    def __init__(self, value: str = "") -> None:
        self.value = value

    def load(self) -> str:
        return self.value

    def save(self, value: str) -> None:
        self.value = value


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def gate_for(store: Store, clock: FakeClock) -> PinGate:
    return PinGate(store.load, store.save, clock)


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


def test_default_pin_opens_until_changed_then_only_the_new_one(clock):
    store = Store()
    gate = gate_for(store, clock)
    assert gate.is_default
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK
    assert gate.change("9731") is None
    assert not gate.is_default
    assert store.value.startswith("scrypt$") and "9731" not in store.value
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.WRONG
    assert gate.attempt("9731").outcome is Outcome.OK


def test_refused_change_keeps_the_old_pin(clock):
    store = Store(hash_pin("9731"))
    gate = gate_for(store, clock)
    before = store.value
    assert gate.change(DEFAULT_PIN) == "is_default"
    assert gate.change("12") == "length"
    assert store.value == before


def test_damaged_hash_falls_back_to_the_default_pin(clock):
    gate = gate_for(Store("garbage"), clock)
    assert gate.is_default
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK


def test_five_wrong_pins_lock_for_sixty_seconds(clock):
    gate = gate_for(Store(), clock)
    outcomes = [gate.attempt("0000") for _ in range(MAX_FAILURES)]
    assert [a.outcome for a in outcomes] == [Outcome.WRONG] * (MAX_FAILURES - 1) + [Outcome.LOCKED]
    assert [a.tries_left for a in outcomes[:-1]] == [4, 3, 2, 1]
    # locked: even the right PIN is refused and nothing is counted
    clock.now += LOCKOUT_SECONDS - 1
    locked = gate.attempt(DEFAULT_PIN)
    assert locked.outcome is Outcome.LOCKED and locked.locked_for == pytest.approx(1.0)
    assert gate.locked_for() == pytest.approx(1.0)
    clock.now += 1
    assert gate.locked_for() == 0
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK


def test_after_a_lockout_five_more_tries_are_allowed(clock):
    gate = gate_for(Store(), clock)
    for _ in range(MAX_FAILURES):
        gate.attempt("1111")
    clock.now += LOCKOUT_SECONDS
    assert [gate.attempt("1111").outcome for _ in range(MAX_FAILURES)][-2:] == [Outcome.WRONG, Outcome.LOCKED]


def test_a_right_pin_clears_the_failure_count(clock):
    gate = gate_for(Store(), clock)
    for _ in range(MAX_FAILURES - 1):
        gate.attempt("1111")
    assert gate.attempt(DEFAULT_PIN).outcome is Outcome.OK
    assert gate.attempt("1111").tries_left == MAX_FAILURES - 1
