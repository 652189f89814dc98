"""Unattended operation, free of Qt: the idle / still-there / attract / signage / closed-hours state machine,
opening-hours arithmetic, the attract playlist, and the slow motions that keep a static screen from burning in."""

from kiosk.modes.machine import Action, Mode, ModeConfig, ModeMachine, Reaction
from kiosk.modes.schedule import OpeningHours

__all__ = ["Action", "Mode", "ModeConfig", "ModeMachine", "OpeningHours", "Reaction"]
