#!/bin/sh
# For an autologin X session without a desktop (e.g. LightDM autologin into openbox, or `startx` from
# ~/.bash_profile on tty1): keep the screen on, hand the display to systemd, start the kiosk unit.
# Call it from the session's autostart (openbox: ~/.config/openbox/autostart; startx: ~/.xinitrc before `exec openbox`).
xset s off          # no screen saver
xset s noblank
xset -dpms          # no power-saving blank of the monitor
systemctl --user import-environment DISPLAY XAUTHORITY
systemctl --user start lukou-kiosk.service
