"""The layering contracts in pyproject.toml, checked by import-linter against the real import graph: the rule
packages never import Qt (so they stay fast to test and reusable); the interface is layered shell > panels >
widgets and never reaches up into the composition root or the commands; the product never imports the
benchmarks."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]


def test_rule_packages_do_not_import_qt(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    # import-linter configures logging with disable_existing_loggers: keep the kiosk's loggers working for the
    # tests that run after this one (they check log lines with caplog).
    loggers = [lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    enabled = [lg for lg in loggers if not lg.disabled]
    try:
        result = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    finally:
        for logger in enabled:
            logger.disabled = False
    assert result == 0, "an import breaks a layering contract: see the report above"


def test_contract_names_every_rule_package():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for package in ("kiosk.content", "kiosk.navigation", "kiosk.gestures", "kiosk.media", "kiosk.modes", "kiosk.staff"):
        assert f'"{package}"' in text, f"{package} is not covered by the layering contract"
    assert os.path.isdir(ROOT / "kiosk" / "ui")
