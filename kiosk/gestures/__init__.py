"""Touch gesture rules (tap, drag, swipe, fling) as plain arithmetic on points and times, free of Qt."""

from kiosk.gestures.drag import Axis, DragTracker, Gesture
from kiosk.gestures.inertia import Inertia

__all__ = ["Axis", "DragTracker", "Gesture", "Inertia"]
