"""The kiosk window: screen stack, transitions, the persistent bar, and keeping visitors inside the app."""
