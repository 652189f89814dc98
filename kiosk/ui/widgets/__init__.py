"""Touch building blocks shared by the screens."""
