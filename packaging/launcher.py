"""Entry point of the packaged kiosk: the same `main()` as the `kiosk` console script."""

from __future__ import annotations

import sys

from kiosk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
