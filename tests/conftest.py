"""Shared test setup: Qt renders offscreen, so the UI tests run on headless machines and in CI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
