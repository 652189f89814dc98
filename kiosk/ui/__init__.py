"""Qt widgets; rules live in the Qt-free packages."""
