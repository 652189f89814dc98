"""The staff panel and its way in: the hidden corner gesture, the PIN keypad, the panel's pages (settings,
content, statistics, diagnostics) and the full-window tools (cleaning mode, touch test). The rules they show
live in the Qt-free `kiosk.staff`."""
