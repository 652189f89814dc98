"""Where the visitor is and how they got there: routes, history and the direction of each transition."""

from kiosk.navigation.navigator import Direction, Navigator, Route, Transition

__all__ = ["Direction", "Navigator", "Route", "Transition"]
