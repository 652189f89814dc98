"""Map geometry without Qt: projection, outline simplification and clipping, GeoJSON outlines, the placed map
features with their layers and "what stood in year Y" rule, label-collision pruning, hit-testing, the camera
(pan, pinch, limits) and scale-bar maths. The map screen renders what these functions decide."""

from kiosk.geo.features import Era, Layer, PlacedFeature, When, stands_in
from kiosk.geo.model import MapModel, Region
from kiosk.geo.projection import LUKOU_CENTRE, Projection
from kiosk.geo.simplify import douglas_peucker, simplify_ring
from kiosk.geo.viewport import Viewport

__all__ = [
    "LUKOU_CENTRE",
    "Era",
    "Layer",
    "MapModel",
    "PlacedFeature",
    "Projection",
    "Region",
    "Viewport",
    "When",
    "douglas_peucker",
    "simplify_ring",
    "stands_in",
]
