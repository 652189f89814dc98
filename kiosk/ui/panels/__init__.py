"""Full screens: each renders part of the exhibition and emits what the visitor asked for."""
