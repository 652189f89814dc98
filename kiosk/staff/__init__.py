"""Staff-side rules, free of Qt: the settings store, the PIN that guards the staff panel, visitor statistics
and content reload. The staff panel widgets in `kiosk.ui` render these and never own the rules."""
