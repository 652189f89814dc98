"""Photos: decoding, orientation, colour and scaling with Pillow, a bounded disk cache of display-size
derivatives, and the `kiosk check` probe for photo files. Independent of Qt."""

from kiosk.media.cache import DiskCache, Frame, SourceStamp
from kiosk.media.decode import MAX_DECODE_PIXELS, MAX_SOURCE_PIXELS, DecodeError, decode_for_display
from kiosk.media.pipeline import render, render_then_store, stamp_of

__all__ = [
    "MAX_DECODE_PIXELS",
    "MAX_SOURCE_PIXELS",
    "DecodeError",
    "DiskCache",
    "Frame",
    "SourceStamp",
    "decode_for_display",
    "render",
    "render_then_store",
    "stamp_of",
]
