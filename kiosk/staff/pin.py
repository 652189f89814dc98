"""The staff PIN: stored only as a salted scrypt hash, compared in constant time, with a lockout that grows.

Five wrong PINs in a row lock entry for 1 minute; each further round of five wrong PINs locks it for 5, 15
and then 60 minutes (`LOCKOUT_STEPS`), until the right PIN is entered. Trying all 10 000 four-digit PINs at
the keypad takes months, not a day and a half. The lockout survives restarts (`PinStore` keeps it on disk).

The hash lives in its own small file (`staff-pin.json`, beside the settings, written atomically), never in
`settings.json`: a damaged or cut-short settings file gives default settings, never the shipped PIN back.
- No PIN file at all: the shipped default PIN (`DEFAULT_PIN`, see the README's staff guide) opens the panel,
  which nags until staff set their own; a new PIN may not be the default again. (An older kiosk's
  `settings.json` holding a PIN hash is moved into the PIN file once, at the first start.)
- A damaged PIN file (unreadable, not JSON, a malformed hash) closes PIN entry: the keypad says so and
  nothing opens the panel, the shipped PIN least of all. An installer with access to the PC recovers with
  `kiosk reset-pin` (see `reset_pin_main` and the README's "Forgotten PIN").

Clocks: within a run the lockout counts down on the monotonic clock (`clock`), so changing the PC's time does
nothing to it. Across a restart it is kept as the wall-clock time it ends (`wall`) together with its length;
at start the remaining time is at most that length, so a clock set back never extends a lockout beyond its
own length (a clock set forward can shorten it, which needs access to the PC anyway). Both clocks are
injected, so tests run lockouts and restarts without waiting.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import logging
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from kiosk import paths

log = logging.getLogger(__name__)

DEFAULT_PIN = "2468"
MIN_LENGTH = 4
MAX_LENGTH = 8
MAX_FAILURES = 5
LOCKOUT_STEPS = (60.0, 300.0, 900.0, 3600.0)  # the 1st, 2nd, 3rd and every later round of wrong PINs
LOCKOUT_SECONDS = LOCKOUT_STEPS[0]
PIN_FILE = "staff-pin.json"
LOCKOUT_FILE = "staff-pin-lockout.json"
LEGACY_SETTINGS_FILE = "settings.json"  # where older kiosks kept `pin_hash`
CLOSED = math.inf  # `locked_for()` while the PIN file is damaged: no countdown ends it

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




class PinFileDamaged(Exception):
    """The PIN file exists but cannot be trusted: PIN entry stays closed until an installer resets it."""


@dataclass
class Lockout:
    """Wrong PINs so far: `failures` in the current round, `rounds` of five completed since the last right PIN,
    and the lockout in force: it ends at wall-clock time `until` and lasts `length` seconds."""

    failures: int = 0
    rounds: int = 0
    until: float = 0.0
    length: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {"failures": self.failures, "rounds": self.rounds, "locked_until": self.until,
                "lockout_s": self.length}

    @classmethod
    def from_json(cls, data: Any) -> Lockout:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        values = [data.get(k) for k in ("failures", "rounds", "locked_until", "lockout_s")]
        numbers = [v for v in values
                   if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0]
        if len(numbers) != len(values):
            raise ValueError(f"bad values {values!r}")
        failures, rounds, until, length = numbers
        return cls(int(failures), int(rounds), float(until), float(length))


class PinStore:
    """The PIN hash (`staff-pin.json`) and the lockout state (`staff-pin-lockout.json`) in `folder`, each
    written atomically. `folder=None` keeps both in memory (tests, a kiosk without a settings file)."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self._memory_hash = ""
        self._memory_lockout = Lockout()
        if self.folder is not None:  # saves a killed kiosk never finished
            for name in (PIN_FILE, LOCKOUT_FILE):
                paths.remove_stale_temp_files(self.folder, name)

    @classmethod
    def beside(cls, settings_path: Path | None) -> PinStore:
        return cls(Path(settings_path).parent if settings_path is not None else None)

    @property
    def pin_path(self) -> Path | None:
        return self.folder / PIN_FILE if self.folder is not None else None

    @property
    def lockout_path(self) -> Path | None:
        return self.folder / LOCKOUT_FILE if self.folder is not None else None

    # the hash ---------------------------------------------------------------------------------------

    def load(self) -> str:
        """The stored hash, "" for the shipped default PIN. Raises PinFileDamaged."""
        path = self.pin_path
        if path is None:
            return self._memory_hash
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            if path.is_symlink():  # a link to nowhere is a damaged PIN file, not a new kiosk
                raise PinFileDamaged(f"{path} is a link to a file that does not exist") from None
            return self._migrate()
        except OSError as exc:
            raise PinFileDamaged(f"{path} cannot be read: {exc}") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
            stored = data["pin_hash"] if isinstance(data, dict) else None
        except (ValueError, KeyError) as exc:
            raise PinFileDamaged(f"{path} is damaged: {exc}") from None
        if not isinstance(stored, str) or (stored and not well_formed(stored)):
            raise PinFileDamaged(f"{path} holds no usable PIN hash")
        return stored

    def save(self, stored: str) -> None:
        """Raises OSError when the disk refuses (the old PIN stays in force)."""
        if self.pin_path is None:
            self._memory_hash = stored
            return
        _write_json(self.pin_path, {"version": 1, "pin_hash": stored})

    def _migrate(self) -> str:
        """No PIN file yet: take the hash an older kiosk kept in settings.json (once), else the default."""
        assert self.folder is not None
        settings = self.folder / LEGACY_SETTINGS_FILE
        try:
            raw = settings.read_bytes()
        except FileNotFoundError:  # a new kiosk: the shipped PIN, until staff choose theirs
            if settings.is_symlink():  # a link to nowhere: it may have led to a PIN, so never guess the shipped one
                self._record_unknown("settings.json was a link to nothing before its PIN could be moved")
                raise PinFileDamaged(f"no PIN file, and {settings} is a link to a file that does not exist") from None
            with contextlib.suppress(OSError):
                self.save("")
            return ""
        except OSError as exc:
            raise PinFileDamaged(f"no PIN file, and {settings} cannot be read: {exc}") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            # It may have held a PIN: never guess the shipped one. Written down, so the next start agrees.
            self._record_unknown(f"settings.json was damaged before its PIN could be moved ({exc})")
            raise PinFileDamaged(f"no PIN file, and {settings} is damaged: {exc}") from None
        stored = data.get("pin_hash", "")
        if not isinstance(stored, str) or (stored and not well_formed(stored)):
            self._record_unknown("settings.json held a damaged PIN hash")
            raise PinFileDamaged(f"the PIN hash in {settings} is damaged")
        try:
            self.save(stored)  # "" too: from now on a damaged settings.json has nothing to do with the PIN
            if "pin_hash" in data:
                _write_json(settings, {k: v for k, v in data.items() if k != "pin_hash"})
                log.info("staff PIN moved from %s to %s", settings.name, PIN_FILE)
        except OSError as exc:  # tried again at the next start; the hash is good meanwhile
            log.error("staff PIN could not be moved to %s: %s", PIN_FILE, exc)
        return stored

    def _record_unknown(self, why: str) -> None:
        assert self.pin_path is not None
        with contextlib.suppress(OSError):
            _write_json(self.pin_path, {"version": 1, "pin_hash": None, "damaged": why})

    def reset(self, stored: str) -> None:
        """Replace the PIN (installer's recovery) and clear any lockout. Raises OSError."""
        self.save(stored)
        self.save_lockout(Lockout())

    # the lockout ------------------------------------------------------------------------------------

    def load_lockout(self) -> Lockout:
        """Raises ValueError when the record is damaged."""
        path = self.lockout_path
        if path is None:
            return Lockout(**vars(self._memory_lockout))
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return Lockout()
        except OSError as exc:
            raise ValueError(f"cannot be read: {exc}") from exc
        return Lockout.from_json(json.loads(raw.decode("utf-8")))

    def save_lockout(self, lockout: Lockout) -> None:
        if self.lockout_path is None:
            self._memory_lockout = Lockout(**vars(lockout))
            return
        _write_json(self.lockout_path, lockout.as_json())


def _write_json(path: Path, data: dict[str, Any]) -> None:
    from kiosk.staff.settings import write_atomically  # one atomic writer for every file the staff side keeps

    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class Outcome(str, Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"  # a countdown, or `locked_for == CLOSED` while the PIN file is damaged


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    tries_left: int  # wrong PINs still allowed before the lockout
    locked_for: float  # seconds until entry is possible again (0 when not locked)


class PinGate:
    """Checks PINs against the stored hash and counts failures, both kept by a `PinStore`. `clock` returns
    seconds that only move forward (monotonic in the app, a fake in tests); `wall` is the time of day in
    seconds (`time.time`), used only to carry a lockout over a restart."""

    def __init__(
        self,
        store: PinStore,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        max_failures: int = MAX_FAILURES,
        steps: tuple[float, ...] = LOCKOUT_STEPS,
    ):
        self._store = store
        self._clock = clock
        self._wall = wall
        self._max_failures = max_failures
        self._steps = steps
        self._locked_until: float | None = None  # on `clock`
        self._closed_reason: str | None = None  # the damage last logged
        try:
            self._state = store.load_lockout()
        except ValueError as exc:  # unknown how many wrong PINs there were: as if a round had just failed
            log.error("the staff PIN lockout record is damaged (%s): entry locked for %.0f s", exc, steps[0])
            self._state = Lockout(rounds=1, until=wall() + steps[0], length=steps[0])
            self._save()
        if self._state.until > 0:
            # a clock set back never makes it longer than itself, nor a damaged record longer than the longest step
            remaining = min(self._state.until - wall(), self._state.length, max(steps))
            if remaining > 0:
                self._locked_until = clock() + remaining
        # Read the PIN now, at start: an older kiosk's hash leaves settings.json (or its damage is written
        # down) before anything can save the settings again and lose the trace.
        self.closed  # noqa: B018 - read for its effect

    @property
    def is_default(self) -> bool:
        """The shipped default PIN still opens the panel: staff should change it."""
        try:
            return not self._store.load()
        except PinFileDamaged:
            return False

    @property
    def closed(self) -> bool:
        """The PIN file is damaged: no PIN opens the panel until an installer resets it (logged once)."""
        try:
            self._store.load()
        except PinFileDamaged as exc:
            if str(exc) != self._closed_reason:
                self._closed_reason = str(exc)
                log.error("staff PIN entry closed: %s; an installer can run `kiosk reset-pin` on this PC", exc)
            return True
        self._closed_reason = None
        return False

    @property
    def rounds(self) -> int:
        return self._state.rounds

    def locked_for(self) -> float:
        """Seconds until a PIN may be tried again: 0 when it may, `CLOSED` while the PIN file is damaged."""
        if self.closed:
            return CLOSED
        if self._locked_until is None:
            return 0.0
        remaining = self._locked_until - self._clock()
        if remaining <= 0:
            self._locked_until = None
            self._state.until = self._state.length = 0.0
            self._save()
            return 0.0
        return remaining

    def attempt(self, pin: str) -> Attempt:
        remaining = self.locked_for()
        if remaining > 0:
            return Attempt(Outcome.LOCKED, 0, remaining)
        try:
            stored = self._store.load()
        except PinFileDamaged:  # damaged since `locked_for` looked: the next look logs it
            return Attempt(Outcome.LOCKED, 0, CLOSED)
        if self._matches(pin, stored):
            self._state = Lockout()
            self._save()
            log.info("staff panel opened")
            return Attempt(Outcome.OK, self._max_failures, 0.0)
        self._state.failures += 1
        if self._state.failures >= self._max_failures:
            length = self._steps[min(self._state.rounds, len(self._steps) - 1)]
            self._state = Lockout(0, self._state.rounds + 1, self._wall() + length, length)
            self._locked_until = self._clock() + length
            self._save()
            log.warning("%d wrong staff PINs (round %d): entry locked for %.0f s", self._max_failures,
                        self._state.rounds, length)
            return Attempt(Outcome.LOCKED, 0, length)
        self._save()
        log.info("wrong staff PIN (%d of %d)", self._state.failures, self._max_failures)
        return Attempt(Outcome.WRONG, self._max_failures - self._state.failures, 0.0)

    def change(self, new_pin: str) -> str | None:
        """Store a new PIN; returns the reason it was refused (see `valid_new_pin`; "not_saved" when the disk
        refuses) or None when stored."""
        reason = valid_new_pin(new_pin)
        if reason is not None:
            return reason
        try:
            self._store.save(hash_pin(new_pin))
        except OSError as exc:
            log.error("staff PIN not changed, the disk refused: %s", exc)
            return "not_saved"
        log.info("staff PIN changed")
        return None

    def _save(self) -> None:
        try:
            self._store.save_lockout(self._state)
        except OSError as exc:  # the lockout still holds for this run
            log.error("staff PIN lockout not saved: %s", exc)

    @staticmethod
    def _matches(pin: str, stored: str) -> bool:
        if not stored:
            return hmac.compare_digest(pin.encode("utf-8"), DEFAULT_PIN.encode("utf-8"))
        return verify_pin(pin, stored)


def reset_pin_main(argv: list[str], folder: Path | None = None) -> int:
    """`kiosk reset-pin`: an installer at the PC sets a new staff PIN (typed twice; or `--shipped` for the
    shipped PIN again) and clears any lockout. For a forgotten PIN or a damaged PIN file."""
    import argparse
    import getpass

    parser = argparse.ArgumentParser(prog="kiosk reset-pin", description=reset_pin_main.__doc__)
    parser.add_argument("--shipped", action="store_true",
                        help=f"go back to the shipped PIN {DEFAULT_PIN} (the panel asks staff to change it)")
    args = parser.parse_args(argv)
    if folder is None:
        from kiosk.logs import setup_logging

        setup_logging(to_stderr=False)  # the reset is written to the kiosk's log, for whoever looks later
        folder = paths.user_config_dir()
    store = PinStore(folder)

    def ask(prompt: str) -> str:
        if sys.stdin.isatty():
            return getpass.getpass(prompt)
        return sys.stdin.readline().strip()

    if args.shipped:
        stored = ""
    else:
        pin = ask("New staff PIN (4-8 digits): ")
        reason = valid_new_pin(pin)
        if reason is not None:
            print(f"kiosk reset-pin: not changed: {_REASONS[reason]}", file=sys.stderr)
            return 2
        if ask("The same PIN again: ") != pin:
            print("kiosk reset-pin: not changed: the two PINs differ", file=sys.stderr)
            return 2
        stored = hash_pin(pin)
    try:
        store.reset(stored)
    except OSError as exc:
        print(f"kiosk reset-pin: not changed: {store.pin_path} cannot be written ({exc})", file=sys.stderr)
        return 1
    log.warning("staff PIN reset at the PC%s", " to the shipped PIN" if args.shipped else "")
    print(f"kiosk reset-pin: the staff PIN is {'the shipped ' + DEFAULT_PIN if args.shipped else 'changed'} "
          f"and any lockout is cleared ({store.pin_path}). Restart the kiosk if it is running.")
    return 0


_REASONS = {
    "digits_only": "a PIN has digits only",
    "length": f"a PIN has {MIN_LENGTH} to {MAX_LENGTH} digits",
    "is_default": f"choose a PIN other than the shipped {DEFAULT_PIN} (or use --shipped)",
}
