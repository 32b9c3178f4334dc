"""The typer app, its options and the helpers every command shares (errors as one line, JSON out, atomic output)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup, TyperOption

try:  # typer 0.2x parses with its own copy of click, whose exception classes are not click's
    from typer._click import exceptions as click_exceptions
except ImportError:  # older typer parses with click itself
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from .. import __version__
from ..claims import VERDICTS
from ..credentials import forget
from ..errors import KetalitError
from ..library import Library, default_library_path
from ..render import term
from ..safetext import dumps_json

# Exit status by kind of error (every kind is a mistake or a failure the user can act on: 1, as documented);
# an interrupted command exits 130, as a shell reports Ctrl-C.
EXIT_STATUS: dict[type[KetalitError], int] = {KetalitError: 1}


def exit_status(exc: KetalitError) -> int:
    return next(code for kind, code in EXIT_STATUS.items() if isinstance(exc, kind))


def flags(group: TyperGroup) -> dict[str, str]:
    """Every option's parameter name and its long flag, across all commands (``max_records`` -> ``--max``)."""
    out: dict[str, str] = {}
    for command in group.commands.values():
        if isinstance(command, TyperGroup):
            out.update(flags(command))
            continue
        for param in command.params:
            long = [o for o in param.opts if o.startswith("--")]
            if isinstance(param, TyperOption) and long and param.name:
                out.setdefault(param.name, long[0])
    return out


def with_flags(exc: KetalitError, known: dict[str, str]) -> str:
    """The error's message with the command line's flag in place of each API parameter it names."""
    text = str(exc)
    for name in exc.options:
        if name in known:
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?!\w)", known[name], text)
    return text


def _usage_error(exc: Any) -> NoReturn:
    """A command line that cannot be read (an unknown option, a value out of range) as one line, like every error."""
    if type(exc).__name__ == "NoArgsIsHelpError":  # a bare group or command: its help, as asked
        raise exc
    where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
    err.print(f"[bold red]error:[/bold red] {term(exc.format_message())}{term(where)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


class KetalitGroup(TyperGroup):
    """Turns KetalitError, and a command line that cannot be read, into one red line on stderr (a query error adds
    the query and a caret under the problem), naming the command line's flags where the API names its parameters,
    and its exit status, for every command."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except click_exceptions.UsageError as exc:
            _usage_error(exc)

    def invoke(self, ctx: Any) -> Any:
        forget()  # the API key and e-mail address to keep out of the output: this command's, looked up afresh
        try:
            return super().invoke(ctx)
        except click_exceptions.UsageError as exc:
            _usage_error(exc)
        except KetalitError as exc:
            text = term(with_flags(exc, flags(self)), newlines=exc.multiline)
            err.print(f"[bold red]error:[/bold red] {text}", highlight=False, soft_wrap=True)
            raise typer.Exit(exit_status(exc)) from None
        except OSError as exc:  # the system refused (disk full, permissions, a symlink loop...): say what and where
            from ..library.storage import describe

            where = f"{exc.filename}: " if exc.filename else ""
            err.print(f"[bold red]error:[/bold red] {term(where + describe(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print(
                "interrupted: what was committed is kept; run the same command again to continue", highlight=False
            )
            raise typer.Exit(130) from None


# Text prints as written: ":pill:" in a title is not an emoji (and rich's table of emoji names is not loaded).
err = Console(stderr=True, emoji=False)
# Into a pipe or a file, lines are never wrapped (rich would wrap at 80 columns): a record stays on one line.
console = Console(emoji=False) if sys.stdout.isatty() else Console(width=100_000, emoji=False)

app = typer.Typer(
    cls=KetalitGroup,
    help="ketalit: a literature-review reference manager for ketamine and pain.\n\n"
    "Fetch PubMed records, tag them by route, outcome, design and setting, search them, export BibTeX/RIS/"
    "CSL-JSON, and check marketing claims against the evidence. Run from the repository root to use the shipped "
    "library in ./library, or point elsewhere with --library / KETALIT_LIBRARY.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="markdown",
)
export_app = typer.Typer(help="Export records: jsonl, bibtex, ris, csljson.", no_args_is_help=True)
app.add_typer(export_app, name="export")
claims_app = typer.Typer(help="Marketing claims and the evidence for or against them.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")

STATE: dict[str, Any] = {"library": None}

LibraryOpt = typer.Option(
    None,
    "--library",
    "-L",
    help="Library folder (default ./library or $KETALIT_LIBRARY).",
    envvar="KETALIT_LIBRARY",
    show_default=False,
)
JsonOpt = typer.Option(False, "--json", help="Machine-readable JSON on stdout.")


def count_option(default: int, *names: str, lo: int, hi: int | None = None, help: str) -> Any:
    """An option that takes a whole number from ``lo`` (to ``hi``), read and checked here, so that what a wrong value
    is told does not depend on typer's version ("'many' is not a whole number", "0 is not from 1 to 10000")."""
    span = f"from {lo} to {hi}" if hi is not None else f"{lo} or more"

    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise typer.BadParameter(f"{text!r} is not a whole number (an integer {span})") from None
        if value < lo or (hi is not None and value > hi):
            raise typer.BadParameter(f"{value} is not {span}")
        return value

    return typer.Option(default, *names, parser=whole_number, metavar="N", help=f"{help} ({span})")


# How a marketing page is named (`check`, `claims extract`): given, else read from the page.
TitleOpt = typer.Option(None, "--title", help="The page's title (default: from the HTML, else its first line).")
UrlOpt = typer.Option(None, "--url", help="Where the page is published (default: the HTML's canonical URL).")
ClinicOpt = typer.Option(None, "--clinic", help="Who publishes it (default: the site's name).")


def lib_path() -> Path:
    return Path(STATE["library"]) if STATE["library"] else default_library_path()


def open_library(validate: bool = True) -> Library:
    return Library.open(lib_path(), validate=validate)


def emit_json(data: Any) -> None:
    sys.stdout.write(dumps_json(data, indent=2, default=str) + "\n")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"ketalit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    library: Path | None = LibraryOpt,
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    STATE["library"] = library


# How each verdict is shown on the terminal, strongest first, as VERDICTS lists them.
VERDICT_STYLE = dict(
    zip(VERDICTS, ("bold green", "bold red", "bold yellow", "yellow", "dim", "dim italic"), strict=True)
)
