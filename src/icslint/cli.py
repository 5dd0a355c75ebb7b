"""The `icslint` command: a thin shell over the library, mapping arguments to exit codes."""

from __future__ import annotations

import json
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated

import typer

from icslint import __version__, catalogue
from icslint.diagnostics import Severity
from icslint.engine import PathError, lint_paths
from icslint.registry import RuleSetError, RuleSpec, discover
from icslint.selection import UnknownSelector, choose, split_list
from icslint.tool_codes import TOOL_CODES


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


app = typer.Typer(
    name="icslint",
    help="Check NHS integrated care board constitutions and integrated care partnership "
    "terms of reference written as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"icslint: error: {message}", err=True)
    return typer.Exit(ExitCode.USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"icslint {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """icslint: a linter for ICB constitutions and ICP terms of reference."""


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="YAML files, or folders to search for them.")],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat.text,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rules: codes, code prefixes or rule names, comma-separated."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Skip these rules: codes, code prefixes or rule names, comma-separated."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="The lowest severity that makes the command exit 1.")
    ] = FailOn.error,
) -> None:
    """Check documents against the Act, NHS England policy and guidance."""
    from icslint.reporters import REPORTERS

    try:
        rules = choose(discover(), split_list(select or ()), split_list(ignore or ()))
        result = lint_paths(paths, rules)
    except (UnknownSelector, PathError, RuleSetError) as error:
        raise _fail(str(error)) from None
    REPORTERS[output_format.value](result, sys.stdout)
    failed = result.fails(Severity(fail_on.value))
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


def _catalogue() -> tuple[RuleSpec, ...]:
    try:
        return (*TOOL_CODES, *discover())
    except RuleSetError as error:
        raise _fail(str(error)) from None


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """List every rule: code, name, level, default severity, document kind and title."""
    specs = _catalogue()
    if output_format is RulesFormat.json:
        typer.echo(json.dumps(catalogue.as_data(specs), indent=2, ensure_ascii=False))
    elif output_format is RulesFormat.markdown:
        typer.echo(catalogue.as_markdown(specs), nl=False)
    else:
        typer.echo(catalogue.as_text(specs), nl=False)


@app.command("explain")
def explain_rule(
    name: Annotated[str, typer.Argument(help="A rule code (ICB052) or name (deputy-chair).")],
) -> None:
    """Explain one rule: the requirement, why it matters, how to fix it, its sources, examples."""
    specs = _catalogue()
    spec = catalogue.find(specs, name)
    if spec is None:
        hint = catalogue.suggest(specs, name)
        raise _fail(
            f"no rule named {name!r}"
            + (f"; did you mean {hint}?" if hint else "")
            + " (see `icslint rules`)"
        )
    typer.echo(catalogue.explain(spec), nl=False)


def main() -> None:
    """Console-script entry point."""
    app()
