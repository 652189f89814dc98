"""Hooks into the unattended mode for the benchmark and the monkey: find its driver, and make "nobody touched
the kiosk for the idle timeout" happen now by moving the driver's clock ahead instead of waiting 100 seconds."""

from __future__ import annotations

from datetime import timedelta

from kiosk.bench.driver import spin


def unattended_driver(kiosk) -> object | None:
    """The driver of the unattended mode (`kiosk.unattended`, or any service with a replaceable `clock`, a
    `tick()` and a `machine`), or None in a build without one."""
    candidates = [getattr(kiosk, "unattended", None), *kiosk.context.extras.values()]
    for service in candidates:
        if service is not None and callable(getattr(service, "tick", None)) and hasattr(service, "clock"):
            if hasattr(service, "machine"):
                return service
    return None


class TimeMachine:
    """Wraps the driver's clock once; `idle_timeout()` jumps it past "still there?" and the reset."""

    def __init__(self, driver) -> None:
        self.driver = driver
        self.offset = timedelta()
        real = driver.clock
        driver.clock = lambda: real() + self.offset

    def _config(self) -> tuple[float, float]:
        config = getattr(self.driver.machine, "config", None)
        return float(getattr(config, "idle_timeout", 90.0)), float(getattr(config, "still_there", 10.0))

    def idle_timeout(self) -> None:
        idle_s, still_s = self._config()
        self.offset += timedelta(seconds=idle_s + 1)
        self.driver.tick()  # "still there?"
        spin(100)
        self.offset += timedelta(seconds=still_s + 1)
        self.driver.tick()  # the reset, then the slideshow if it is switched on
        spin(100)

    def mode(self) -> str:
        mode = getattr(self.driver, "mode", None)
        return str(getattr(mode, "value", mode))
