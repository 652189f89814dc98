"""Photos: decoding, orientation and scaling with Pillow, independent of Qt."""

from kiosk.media.decode import DecodeError, decode_for_display

__all__ = ["DecodeError", "decode_for_display"]
