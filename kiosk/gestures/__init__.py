"""Touch gesture rules as plain arithmetic on points and times, free of Qt: the recogniser (touch points in,
intents out), its thresholds in millimetres (`GestureConfig`), and the motions the intents drive (inertia,
kinetic scrolling, paging, zoom)."""

from kiosk.gestures.config import GestureConfig, glass_dpi
from kiosk.gestures.inertia import Inertia
from kiosk.gestures.intents import Axis
from kiosk.gestures.recogniser import MOUSE, Recogniser, State

__all__ = ["MOUSE", "Axis", "GestureConfig", "Inertia", "Recogniser", "State", "glass_dpi"]
