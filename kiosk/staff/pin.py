"""The staff PIN: stored only as a salted scrypt hash, compared in constant time, with a lockout.

Five wrong PINs in a row lock entry for 60 seconds, so a curious visitor cannot try the 10 000 four-digit PINs
at the keypad. The clock is injected, so the lockout is tested without waiting.

The kiosk ships with a documented default PIN (`DEFAULT_PIN`, see the README's staff guide). An empty stored
hash means "the shipped default is still in force"; the staff panel nags until staff set their own, and a new
PIN may not be the default again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

log = logging.getLogger(__name__)

DEFAULT_PIN = "2468"
MIN_LENGTH = 4
MAX_LENGTH = 8
MAX_FAILURES = 5
LOCKOUT_SECONDS = 60.0

# scrypt cost: ~0.1 s per check on a small kiosk PC. Slow for a guesser with the settings file, instant for staff.
_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
_SCHEME = "scrypt"


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash` (salt and hash base64); a fresh random salt unless one is given."""
    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN)
    return "$".join((_SCHEME, str(_N), str(_R), str(_P), _b64(salt), _b64(digest)))


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches the stored hash. A malformed hash never matches (and never raises)."""
    try:
        scheme, n, r, p, salt_text, digest_text = stored.split("$")
        if scheme != _SCHEME:
            return False
        salt, expected = base64.b64decode(salt_text), base64.b64decode(digest_text)
        digest = hashlib.scrypt(
            pin.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected), maxmem=2**26
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def well_formed(stored: str) -> bool:
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == _SCHEME and all(parts[1:4]) and parts[1].isdigit()


def valid_new_pin(pin: str) -> str | None:
    """Why `pin` cannot be the new PIN (a short reason key for the UI), or None if it can."""
    if not pin.isdigit() or not pin.isascii():
        return "digits_only"
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        return "length"
    if pin == DEFAULT_PIN:
        return "is_default"
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Outcome(str, Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    tries_left: int  # wrong PINs still allowed before the lockout
    locked_for: float  # seconds until entry is possible again (0 when not locked)


class PinGate:
    """Checks PINs against the stored hash and counts failures. `load`/`store` read and write the hash (the
    settings store's `pin_hash`); `clock` returns seconds (monotonic in the app, a fake in tests)."""

    def __init__(
        self,
        load: Callable[[], str],
        store: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
        max_failures: int = MAX_FAILURES,
        lockout: float = LOCKOUT_SECONDS,
    ):
        self._load = load
        self._store = store
        self._clock = clock
        self._max_failures = max_failures
        self._lockout = lockout
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def is_default(self) -> bool:
        """The shipped default PIN still opens the panel: staff should change it."""
        return not self._stored()

    def locked_for(self) -> float:
        if self._locked_until is None:
            return 0.0
        remaining = self._locked_until - self._clock()
        if remaining <= 0:
            self._locked_until = None
            self._failures = 0
            return 0.0
        return remaining

    def attempt(self, pin: str) -> Attempt:
        remaining = self.locked_for()
        if remaining > 0:
            return Attempt(Outcome.LOCKED, 0, remaining)
        if self._matches(pin):
            self._failures = 0
            log.info("staff panel opened")
            return Attempt(Outcome.OK, self._max_failures, 0.0)
        self._failures += 1
        if self._failures >= self._max_failures:
            self._locked_until = self._clock() + self._lockout
            log.warning("%d wrong staff PINs: entry locked for %.0f s", self._failures, self._lockout)
            return Attempt(Outcome.LOCKED, 0, self._lockout)
        log.info("wrong staff PIN (%d of %d)", self._failures, self._max_failures)
        return Attempt(Outcome.WRONG, self._max_failures - self._failures, 0.0)

    def change(self, new_pin: str) -> str | None:
        """Store a new PIN; returns the reason it was refused (see `valid_new_pin`) or None when stored."""
        reason = valid_new_pin(new_pin)
        if reason is None:
            self._store(hash_pin(new_pin))
            log.info("staff PIN changed")
        return reason

    def _stored(self) -> str:
        """The stored hash, or "" (the shipped default) when there is none or it is damaged: a damaged
        settings file must not lock staff out of their own kiosk for good."""
        stored = self._load() or ""
        if stored and not well_formed(stored):
            log.error("the stored staff PIN hash is damaged; the shipped default PIN applies until it is changed")
            return ""
        return stored

    def _matches(self, pin: str) -> bool:
        stored = self._stored()
        if not stored:
            return hmac.compare_digest(pin.encode("utf-8"), DEFAULT_PIN.encode("utf-8"))
        return verify_pin(pin, stored)
