"""Command line: `kiosk` starts the exhibition; `kiosk check` validates a content folder.

    kiosk [--windowed] [--size WxH] [--content DIR] [--lang zh|en] [--slideshow] [--smoke | --selftest]
    kiosk check [--content DIR]
    kiosk bench [--json] [--size WxH] [--content DIR] [--quick] [--scale]
    kiosk monkey [--events N] [--seed S] [--size WxH]
    kiosk reset-pin [--shipped]       (at the PC: a new staff PIN, lockout cleared)

Qt is imported only once a window is really needed, so `kiosk check` runs on any machine. Without `--content`,
the content folder is `KIOSK_CONTENT`, else a `content/` folder next to the packaged program, else the bundled
exhibition (`kiosk.paths.content_source`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk import __version__, paths
from kiosk.cli_args import window_size
from kiosk.streams import use_safe_streams


def _content_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder (exhibition.toml, sections/, photos/); default: the bundled exhibition",
    )


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The 渌口 exhibition kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--windowed", action="store_true", help="a normal window with a cursor (development)")
    parser.add_argument("--size", type=window_size, default=None, metavar="WxH", help="window size with --windowed")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="start language (default: the settings' default language)"
    )
    parser.add_argument(
        "--slideshow", action="store_true", help="signage mode: a permanent slideshow where touch does nothing"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="visit every screen once, print one line each, exit 0 if all is well"
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="measure this PC and screen against the kiosk's budgets, print PASS/FAIL for each, exit 1 on any FAIL",
    )
    # For `kiosk bench`: print the wall-clock time of the first painted frame, then exit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    _content_arg(parser)
    return parser


def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk check", description="Validate a content folder: every problem with its file and field."
    )
    _content_arg(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    use_safe_streams()  # UTF-8 into files and pipes, `?` for what a terminal cannot show: never UnicodeEncodeError
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        from kiosk.check import run_check

        args = check_parser().parse_args(argv[1:])
        return run_check(paths.content_source(args.content)[0])
    if argv and argv[0] == "reset-pin":  # an installer at the PC: a forgotten PIN or a damaged PIN file
        from kiosk.staff.pin import reset_pin_main

        return reset_pin_main(argv[1:])
    if argv and argv[0] == "--bare-window-probe":  # `kiosk bench`'s floor from a packaged kiosk: fixed code, a size
        from kiosk.bench import bare_window

        return bare_window.main(argv[1:2])
    if argv and argv[0] in ("bench", "monkey"):
        from kiosk.bench.cli import main as bench_main

        return bench_main(argv[0], argv[1:])

    args = run_parser().parse_args(argv)
    args.content, args.content_source = paths.content_source(args.content)
    from kiosk import preflight

    reason = preflight.problem()
    if reason:
        print(f"kiosk: {reason}", file=sys.stderr)
        return 3
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Build the kiosk, then do what the command line asked: exhibit it, or smoke-test, self-test or probe it."""
    from kiosk import app
    from kiosk.content import ContentError

    app.prepare_process()
    try:
        kiosk = app.build(
            args.content,
            windowed=args.windowed or args.smoke,
            size=args.size,
            lang=args.lang,
            slideshow=args.slideshow,
        )
    except ContentError as exc:
        print("kiosk: the content cannot be shown:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    if args.startup_probe:
        from kiosk.bench.startup import StartupProbe

        return StartupProbe(kiosk).exec()
    if args.smoke:
        from kiosk.smoke import SmokeRun

        smoke = SmokeRun(kiosk, fullscreen=not args.windowed)
        smoke.show()
        return smoke.exec()
    if args.selftest:
        from kiosk.selftest import SelfTest

        return SelfTest(kiosk, args.content, args.content_source, windowed=args.windowed).exec()
    return app.exhibit(kiosk, windowed=args.windowed)


if __name__ == "__main__":
    sys.exit(main())
