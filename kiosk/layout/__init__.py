"""Layout arithmetic for screens that place content by data (the timeline track), free of Qt."""
