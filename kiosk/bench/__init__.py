"""Measuring what visitors feel: `kiosk bench` (start-up, response, frame rate, photos, map, CPU, memory) and
`kiosk monkey` (random touches for hours, counting exceptions and watching memory).

Each figure is measured by a small function another command (e.g. `kiosk --selftest`) can call on its own:
`startup.measure_startup`, `transitions.measure`, `idle.idle_cpu_pct`, `idle.attract_cpu_pct`,
`memory.rss_after_visiting`, and the optional `photo.measure` / `map.measure` of those features.
Budgets and the printed table live in `report`; the Qt-free arithmetic in `stats`.
"""
