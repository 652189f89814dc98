"""`kiosk check` for icon names: every icon the content names (a section's, the map's and its features', the
timeline's) is one the kiosk can draw.

Icons are qtawesome names such as `mdi6.car`: a font prefix and a glyph name. The running kiosk draws an unknown
one as a neutral circle (and `kiosk --smoke` fails on it), so the check warns about it first, with file and
field. The names are read from qtawesome's own character maps, JSON files in its package, without importing
qtawesome, which would load Qt. Where they cannot be found (a packaged kiosk keeps qtawesome compiled), the
check is skipped rather than guessed.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import logging
from functools import lru_cache
from pathlib import Path

from kiosk.content.problems import Problem, Severity, echo
from kiosk.content.schema import Exhibition

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def known_icons() -> dict[str, frozenset[str]] | None:
    """Glyph names by font prefix (`{"mdi6": {"car", …}, …}`), or None when qtawesome's maps cannot be read."""
    try:
        spec = importlib.util.find_spec("qtawesome")  # finds the package without running it
        if spec is None or not spec.submodule_search_locations:
            return None
        package = Path(next(iter(spec.submodule_search_locations)))
        tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
        fonts = next(
            ast.literal_eval(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == "_BUNDLED_FONTS" for target in node.targets)
        )
        return {
            prefix: frozenset(json.loads((package / "fonts" / charmap).read_text(encoding="utf-8")))
            for prefix, _font, charmap in fonts
        }
    except Exception as exc:
        log.info("icon names not checked: qtawesome's character maps cannot be read (%s)", exc)
        return None


def check_icons(exhibition: Exhibition, folder: Path) -> list[Problem]:
    known = known_icons()
    if known is None:
        return []
    named: list[tuple[str, str, str | None]] = []
    for index, section in enumerate(exhibition.sections):
        named.append((f"sections/{section.id}.toml", f"sections[{index}].icon", section.icon))
    map_ = exhibition.map
    if map_ is not None:
        named.append(("map.toml", "map.icon", map_.icon))
        named += [("map.toml", f"map.features[{i}].icon", f.icon) for i, f in enumerate(map_.features)]
    if exhibition.timeline is not None:
        named.append(("timeline.toml", "timeline.icon", exhibition.timeline.icon))
    problems = []
    for file, field, name in named:
        if name is None:
            continue
        prefix, _, glyph = name.partition(".")
        if glyph not in known.get(prefix, ()):
            problems.append(Problem(file, field, f"no icon {echo(name)}: it would show as a plain circle; use a "
                                    "name such as 'mdi6.car' from the Material Design Icons 6 set",
                                    Severity.WARNING))
    return problems
