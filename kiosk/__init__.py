"""The 渌口 exhibition kiosk: a fullscreen touch app telling the story of Lukou District, Zhuzhou."""

__version__ = "0.1.0"
