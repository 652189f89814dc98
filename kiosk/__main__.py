"""Command line: `kiosk` starts the exhibition; `kiosk check` validates a content folder.

    kiosk [--windowed] [--size WxH] [--content DIR] [--watch | --no-watch] [--lang zh|en] [--slideshow]
          [--smoke | --selftest]
    kiosk check [--content DIR] [--breaks [--lang zh|en|both] [--size WxH,…] [--body]]
    kiosk bench [--json] [--size WxH] [--content DIR] [--quick] [--scale]
    kiosk monkey [--events N] [--seed S] [--size WxH]
    kiosk reset-pin [--shipped]       (at the PC: a new staff PIN, lockout cleared)
    kiosk proof --out FILE.pdf [--lang zh|en|both] [--size WxH] [--content DIR]
    kiosk stats merge A.csv B.csv … --out DIR

Qt is imported only once a window is really needed, so `kiosk check` runs on any machine. Without `--content`,
the content folder is `KIOSK_CONTENT`, else content staff imported from a USB stick, else a `content/` folder next
to the packaged program, else the bundled exhibition (`kiosk.paths.content_source`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk import __version__, paths
from kiosk.cli_args import add_watch_arguments, watch_wanted, window_size
from kiosk.streams import use_safe_streams


def _content_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder (exhibition.toml, sections/, photos/); default: the bundled exhibition",
    )


# `kiosk --help` lists every subcommand, one line each; each has its own `--help`.
SUBCOMMANDS = (
    ("check", "validate a content folder: every problem with its file and field"),
    ("proof", "render every screen a visitor can reach into one PDF for sign-off"),
    ("stats merge", "combine several kiosks' statistics CSV exports into per-kiosk and total CSVs"),
    ("bench", "measure start-up, response, frame rate, photos, map, CPU and memory against their budgets"),
    ("monkey", "random taps, swipes and pinches through Qt's event system; exit 1 on any exception"),
    ("reset-pin", "set a new staff PIN at the PC (a forgotten PIN or a damaged PIN file)"),
)


def _subcommand_list() -> str:
    width = max(len(name) for name, _ in SUBCOMMANDS)
    lines = [f"  kiosk {name:<{width}}  {what}" for name, what in SUBCOMMANDS]
    return "subcommands (kiosk SUBCOMMAND --help for their options):\n" + "\n".join(lines)


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="The 渌口 exhibition kiosk.", epilog=_subcommand_list(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    parser.add_argument(
        "--screen", default=None, metavar="N|NAME",
        help="the display to fill on a PC with several: a number from 1 or a name (HDMI-1); "
        "'list' prints them (default: the staff setting, else the primary screen)",
    )
    # For `kiosk bench`: print the wall-clock time of the first painted frame, then exit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    _content_arg(parser)
    add_watch_arguments(parser)
    return parser


def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk check", description="Validate a content folder: every problem with its file and field."
    )
    _content_arg(parser)
    parser.add_argument(
        "--breaks", action="store_true",
        help="lay out every screen at every size and list each line break between two Chinese characters in a "
        "title, caption or label (kiosk check --breaks --help for its options)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    use_safe_streams()  # UTF-8 into files and pipes, `?` for what a terminal cannot show: never UnicodeEncodeError
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        from kiosk.check import run_check

        if "--breaks" in argv and {"-h", "--help"} & set(argv):
            from kiosk.check_breaks import parser as breaks_parser

            breaks_parser().print_help()
            return 0
        args, rest = check_parser().parse_known_args(argv[1:])
        if args.breaks:
            from kiosk.check_breaks import main as breaks_main

            status = run_check(paths.content_source(args.content)[0])
            return status if status > 1 else max(status, breaks_main(rest, paths.content_source(args.content)[0]))
        if rest:
            check_parser().error(f"unrecognized arguments: {' '.join(rest)}")
        return run_check(paths.content_source(args.content)[0])
    if argv and argv[0] == "reset-pin":  # an installer at the PC: a forgotten PIN or a damaged PIN file
        from kiosk.staff.pin import reset_pin_main

        return reset_pin_main(argv[1:])
    if argv and argv[0] == "--bare-window-probe":  # `kiosk bench`'s floor from a packaged kiosk: fixed code, a size
        from kiosk.bench import bare_window

        return bare_window.main(argv[1:2])
    if argv and argv[0] == "proof":
        from kiosk.proof import main as proof_main

        return proof_main(argv[1:])
    if argv and argv[0] == "stats":
        from kiosk.staff.stats_merge import stats_main

        return stats_main(argv[1:])
    if argv and argv[0] in ("bench", "monkey"):
        from kiosk.bench.cli import main as bench_main

        return bench_main(argv[0], argv[1:])

    args = run_parser().parse_args(argv)
    args.watch = watch_wanted(args.watch, args.windowed, args.content is not None) and not (args.smoke or args.selftest)
    args.content, args.content_source = paths.content_source(args.content)
    from kiosk import preflight

    reason = preflight.problem()
    if reason:
        print(f"kiosk: {reason}", file=sys.stderr)
        return 3
    if args.screen == "list":
        return _list_screens()
    return _run(args)


def _list_screens() -> int:
    from PySide6.QtGui import QGuiApplication

    from kiosk.screens import describe_all
    from kiosk.ui.shell.screen_placer import screen_infos

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for line in describe_all(screen_infos(app.screens(), app.primaryScreen())):
        print(line)
    return 0


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
            watch=args.watch and not args.startup_probe,
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
    return app.exhibit(kiosk, windowed=args.windowed, screen=args.screen)


if __name__ == "__main__":
    sys.exit(main())
