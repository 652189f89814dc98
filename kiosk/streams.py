"""How the kiosk's commands print, decided once at the start of `kiosk.__main__.main`.

The reports of `kiosk check`, `--smoke`, `--selftest`, `bench` and `monkey` hold Chinese. Python encodes what it
prints in the console's or the locale's encoding, and on an English Windows PC whose output goes to a file, a
pipe, CI or a scheduled task that is code page 1252, which has no Chinese: the first title raised
`UnicodeEncodeError` and the command failed. So:

- output that is not a terminal (a file, a pipe) is written in UTF-8 whatever the locale or `PYTHONIOENCODING`
  say, so logs, CI and an installer's `> report.txt` keep every character (a lone surrogate from an undecodable
  file name is written as `\\udcxx`);
- output to a terminal keeps the terminal's encoding (the Windows console takes Unicode whatever the code page;
  a Linux terminal's is the locale's) and a character it cannot show is printed as `?` instead of failing.
"""

from __future__ import annotations

import codecs
import io
import sys


def use_safe_streams() -> None:
    """Reconfigure `sys.stdout` and `sys.stderr` as the module says; before anything is printed."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None in a windowed program without a console, or a stream a test put in place
        try:
            terminal = stream.isatty()
        except ValueError:  # closed
            continue
        if terminal:
            stream.reconfigure(errors="replace")
        elif codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
