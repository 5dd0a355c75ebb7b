"""The `icslint` command: a thin shell over the library, mapping arguments to exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from icslint import __version__, catalogue, law
from icslint.diagnostics import Severity
from icslint.engine import Result, lint_paths
from icslint.files import PathError
from icslint.registry import RuleSetError, RuleSpec, rule_set
from icslint.render import OutputFormat
from icslint.selection import UnknownSelector, split_list
from icslint.tool_codes import TOOL_CODES

if TYPE_CHECKING:
    from rich.progress import TaskID

    from icslint import drafting, settings
    from icslint.reporters import Reporter


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _choices(kind: type[StrEnum]) -> str:
    """An option's choices as a person reads them: "text, json or markdown"."""
    values = [member.value for member in kind]
    return " or ".join([", ".join(values[:-1]), values[-1]]) if len(values) > 1 else values[0]


class _Group(TyperGroup):
    """Lists each command with its whole summary, wrapped to the terminal, where click would
    cut a long one short with "..."."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                summary = (command.help or "").split("\n\n")[0]
                rows.append((name, " ".join(summary.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class _Command(TyperCommand):
    """Shows each argument in help by its metavar (PATH, RULE) alone: typer would add the
    Python type it is read as (`<list[Path]>`), which means nothing to a user."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((param.metavar or param.name or "", record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(
    name="icslint",
    help="Check NHS integrated care board constitutions and integrated care partnership "
    "terms of reference written as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: rich's tables squeeze long option names into "…" at 80 columns, and its
    # markup would swallow any "[...]" in a help text.
    rich_markup_mode=None,
    cls=_Group,
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


AsAtOption = Annotated[
    str | None,
    typer.Option(
        "--as-at",
        metavar="DATE|effective",
        help="Apply the law in force on this date (default today), written YYYY-MM-DD, or "
        "with 'effective' on each document's own effective date.",
    ),
]
PendingOption = Annotated[
    bool | None,
    typer.Option(
        "--pending/--no-pending",
        help="Also report, as pending (never a breach), each place that will need to change "
        "when a measure not yet in force commences, such as the Health Bill's [default: as "
        "configured, else no].",
        show_default=False,
    ),
]


@app.command(cls=_Command)
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", help="YAML files, or folders to search for them (default: .)."
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(CheckFormat)}."
        ),
    ] = CheckFormat.text,
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODES",
            help="Only these rules: codes, code prefixes or rule names, comma-separated.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODES",
            help="Skip these rules: codes, code prefixes or rule names, comma-separated.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            metavar="LEVEL",
            help="The lowest severity of breach that makes the command exit 1: "
            f"{_choices(FailOn)} [default: error].",
        ),
    ] = None,
    fail_on_not_stated: Annotated[
        bool | None,
        typer.Option(
            "--fail-on-not-stated/--no-fail-on-not-stated",
            help="Also exit 1 when a document does not state something a rule looks for "
            "(for a document meant to be complete) [default: no].",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to this file instead of stdout (- for stdout).",
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this configuration file (.icslint.yaml, or a pyproject.toml with "
            "[tool.icslint]) instead of the one found from the current folder upwards.",
        ),
    ] = None,
    show_config: Annotated[
        bool,
        typer.Option(
            help="Print the settings in force, and where each came from, and stop.",
            show_default=False,
        ),
    ] = False,
    rule_dirs: Annotated[
        list[Path] | None,
        typer.Option(
            "--rules",
            metavar="FOLDER",
            help="Also load the rules in this folder (a local rule pack).",
        ),
    ] = None,
    only_documents: Annotated[
        bool,
        typer.Option(
            help="Skip named files that have no top-level `kind:` (for pre-commit, which "
            "passes every changed YAML file).",
            show_default=False,
        ),
    ] = False,
    as_at: AsAtOption = None,
    pending: PendingOption = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print the findings only: no headings, notes or summary."
        ),
    ] = False,
    show_statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="Print how many findings each rule gave, instead of each one."
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Check every document again, not giving the report kept from the same check "
            "of the same files (the cache, in .icslint_cache/, is used only when the report "
            "goes to a file or a pipe).",
        ),
    ] = False,
) -> None:
    """Check documents against the Act, NHS England policy and guidance."""
    from icslint import settings
    from icslint.reporters import reporter

    command_line = settings.CommandLine(
        select=split_list(select or ()),
        ignore=split_list(ignore or ()),
        fail_on=Severity(fail_on.value) if fail_on else None,
        rule_dirs=tuple(rule_dirs or ()),
        fail_on_not_stated=fail_on_not_stated,
        pending=pending,
    )
    day = _as_at(as_at) if as_at is not None else None
    try:
        plan = _plan(config_file, command_line)
        if show_config:
            _show(plan)
            raise typer.Exit(ExitCode.OK)
        with _progress(output_format is CheckFormat.text and output is None) as bar:
            result = lint_paths(
                paths or [Path(".")],
                plan.rules,
                plan,
                only_documents,
                plan.applied_law(day),
                bar,
            )
    except (UnknownSelector, PathError, RuleSetError) as error:
        raise _fail(str(error)) from None
    if result.files == 0:
        shown = ", ".join(p.as_posix() for p in paths or [Path(".")])
        typer.echo(
            f"icslint: warning: no ICB constitution or ICP terms of reference found in {shown} "
            "(a document's top-level `kind:` must be icb-constitution or icp-terms-of-reference)",
            err=True,
        )
    if (quiet or show_statistics) and output_format is not CheckFormat.text:
        raise _fail("--quiet and --statistics are for the text format (--format text)")
    if show_statistics:
        from icslint.reporters import text

        _report(text.statistics, result, output)
    elif quiet:
        from icslint.reporters import text

        _report(text.quiet, result, output)
    else:
        _report(reporter(output_format.value), result, output)
    failed = result.fails(plan.fail_on, plan.fail_on_not_stated)
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


def _plan(config_file: Path | None, command_line: settings.CommandLine) -> settings.Plan:
    """The configuration in force, resolved against the rule set; a bad one exits 2."""
    import datetime as dt

    from icslint import config, settings

    try:
        loaded = config.load(config_file, Path.cwd())
        return settings.plan(loaded, command_line, dt.date.today())
    except config.ConfigError as error:
        raise _fail(str(error)) from None


class _Bar:
    """Progress of a long check, on the terminal's standard error (rich)."""

    # Fewer files than this are checked before a bar would be worth drawing.
    SHOWN_FROM = 20

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        if total >= self.SHOWN_FROM:
            self.bar.start()
            self.task = self.bar.add_task("Checking", total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        if self.task is not None:
            self.bar.stop()


@contextmanager
def _progress(wanted: bool) -> Iterator[_Bar | None]:
    """A progress bar for a text report, only on a terminal and never in CI logs."""
    if not wanted or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    bar = _Bar()
    try:
        yield bar
    finally:
        bar.stop()


def _commencements(config_file: Path | None) -> dict[str, dt.date]:
    """The commencement dates set in the configuration in force (`law:`). The law is shown
    without them, with a warning, if the configuration cannot be used."""
    from icslint import config

    try:
        loaded = config.load(config_file, Path.cwd())
        return law.commencements(loaded.settings.law)
    except config.ConfigError as error:
        problem = str(error)
    except law.LawSettingError as error:
        problem = f"{loaded.where(('law', error.key))}: {error.message}"
    typer.echo(
        f"icslint: warning: {problem}; showing the law without the dates set in configuration",
        err=True,
    )
    return {}


def _show(plan: settings.Plan) -> None:
    width = max(len(name) for name, _, _ in plan.shown)
    for name, value, origin in plan.shown:
        typer.echo(f"{name:<{width}}  {value}    ({origin})")


def _report(report: Reporter, result: Result, output: Path | None) -> None:
    """Write the report to stdout, or atomically to the --output file."""
    if output is None or str(output) == "-":
        report(result, sys.stdout)
        return
    import io

    buffer = io.StringIO()
    report(result, buffer)
    _write(buffer.getvalue(), output)


def _write(text: str, output: Path | None) -> None:
    """Write a report to stdout, or atomically to the --output file."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    from icslint.output import write_file

    try:
        write_file(output, text.encode("utf-8"), replace=True)
    except OSError as error:
        raise _fail(f"cannot write {output.as_posix()}: {error.strerror or error}") from None


def _catalogue() -> tuple[RuleSpec, ...]:
    try:
        return (*TOOL_CODES, *rule_set())
    except RuleSetError as error:
        raise _fail(str(error)) from None


LawConfigFile = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Read commencement dates (`law:`) from this configuration file instead of the one "
        "found from the current folder upwards.",
    ),
]


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(RulesFormat)}."
        ),
    ] = RulesFormat.text,
    as_at: Annotated[
        str | None,
        typer.Option(
            "--as-at",
            metavar="DATE",
            help="Only the rules whose requirements are in force on this date (YYYY-MM-DD).",
        ),
    ] = None,
    config_file: LawConfigFile = None,
) -> None:
    """List every rule: code, name, level, default severity, document kind and title."""
    specs = _catalogue()
    dates = _commencements(config_file)
    if as_at is not None:
        day = _as_at_date(as_at)
        specs = tuple(
            s
            for s in specs
            if s.check is None or not law.not_in_force(s.in_force, s.until, day, dates)
        )
    if output_format is RulesFormat.json:
        typer.echo(json.dumps(catalogue.as_data(specs, dates), indent=2, ensure_ascii=False))
    elif output_format is RulesFormat.markdown:
        typer.echo(catalogue.as_markdown(specs), nl=False)
    else:
        typer.echo(catalogue.as_text(specs, dates), nl=False)


@app.command("icbs")
def list_icbs(
    as_at: Annotated[
        str | None,
        typer.Option(
            "--as-at", metavar="DATE", help="The ICBs that exist on this date (default today)."
        ),
    ] = None,
    output_format: Annotated[
        RulesFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text or json."),
    ] = RulesFormat.text,
) -> None:
    """List the integrated care boards that exist on a date, with predecessors and successors."""
    from icslint.law import register

    day = _as_at_date(as_at) if as_at is not None else dt.date.today()
    found = register.icbs_on(day)
    if output_format is RulesFormat.json:
        data = {"as_at": day.isoformat(), "count": len(found), "icbs": [i.as_dict() for i in found]}
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for icb in found:
        since = f"since {icb.established:%d %B %Y}".replace(" 0", " ")
        before = f"; before it: {', '.join(icb.predecessors)}" if icb.predecessors else ""
        typer.echo(f"{icb.name} ({since}{before})")
    typer.echo(f"{len(found)} integrated care boards on {day.day} {day:%B %Y}.")


@app.command("explain", cls=_Command)
def explain_rule(
    name: Annotated[
        str, typer.Argument(metavar="RULE", help="A rule code (ICB052) or name (deputy-chair).")
    ],
    as_at: Annotated[
        str | None,
        typer.Option(
            "--as-at", metavar="DATE", help="Also say whether the rule is in force on this date."
        ),
    ] = None,
    config_file: LawConfigFile = None,
) -> None:
    """Explain one rule: the requirement, why it matters, how to fix it, its sources, examples."""
    day = _as_at_date(as_at) if as_at is not None else None
    specs = _catalogue()
    spec = catalogue.find(specs, name)
    if spec is None:
        hint = catalogue.suggest(specs, name)
        raise _fail(
            f"no rule named {name!r}"
            + (f"; did you mean {hint}?" if hint else "")
            + " (see `icslint rules`)"
        )
    dates = _commencements(config_file)
    text = catalogue.explain(spec, dates)
    if day is not None and spec.check is not None:
        reason = law.not_in_force(spec.in_force, spec.until, day, dates)
        on = f"{day.day} {day:%B %Y}"
        said = f"In force on {on}." if reason is None else f"{reason[:1].upper()}{reason[1:]}."
        first, rest = text.split("\n", 1)
        text = f"{first}\n{said}\n{rest}"
    typer.echo(text, nl=False)


@app.command("diff", cls=_Command)
def diff_versions(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The earlier version: a file, or REV:path from Git."),
    ],
    new: Annotated[
        str,
        typer.Argument(metavar="NEW", help="The later version: a file, or REV:path from Git."),
    ],
    output_format: Annotated[
        RulesFormat,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(RulesFormat)}."
        ),
    ] = RulesFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to this file instead of stdout (- for stdout).",
        ),
    ] = None,
) -> None:
    """List the changes between two versions, classed for an application to NHS England.

    Each change is approval (needs NHS England's approval), local (the ICB decides) or
    editorial. Exits 1 if any change needs approval.

    REV:path reads a file as Git has it at a revision, for example HEAD~1:constitution.yaml
    (the path from the top of the repository, or from here if it starts with ./).
    """
    from icslint import amendment_report, amendments, versions

    try:
        comparison = amendments.compare(versions.read_version(old), versions.read_version(new))
    except versions.VersionError as error:
        raise _fail(str(error)) from None
    if output_format is RulesFormat.json:
        text = json.dumps(amendment_report.as_data(comparison), indent=2, ensure_ascii=False) + "\n"
    elif output_format is RulesFormat.markdown:
        text = amendment_report.as_markdown(comparison)
    else:
        text = amendment_report.as_text(comparison)
    _write(text, output)
    raise typer.Exit(ExitCode.FINDINGS if comparison.needs_approval else ExitCode.OK)


class DocumentKind(StrEnum):
    icb_constitution = "icb-constitution"
    icp_terms_of_reference = "icp-terms-of-reference"


@app.command(cls=_Command)
def render(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The YAML document to render.")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write: .md, .html, .docx or .pdf; - for stdout.",
        ),
    ],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Output format, if not the output file's suffix: {_choices(OutputFormat)}.",
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option(
            help="Render even with error-level findings or facts the file does not state: every "
            "page says DRAFT, each missing fact is marked 'not stated' where the text needs it, "
            "and an annex lists the open findings and the missing facts.",
            show_default=False,
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option(help="Replace the output file if it exists.", show_default=False)
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this configuration file instead of the one found.",
        ),
    ] = None,
    as_at: Annotated[
        str | None,
        typer.Option(
            "--as-at",
            metavar="DATE|effective",
            help="Check the document against the law in force on this date (default today), or "
            "with 'effective' on its own effective date.",
        ),
    ] = None,
) -> None:
    """Render a document as the constitution or terms of reference a board approves.

    The document is checked first, with the same configuration, suppressions and waivers as
    `icslint check`. The text states only what the file states: without --draft, a file with
    errors, or without a fact the text needs (who appoints the chair, say), is not rendered.
    """
    from icslint import rendering, settings

    day = _as_at(as_at) if as_at is not None else None
    try:
        written = rendering.render_file(
            path,
            output,
            output_format,
            draft=draft,
            force=force,
            as_at=day,
            plan=_plan(config_file, settings.CommandLine()),
        )
    except rendering.Refused as refusal:
        from icslint.reporters.text import report

        report(refusal.result, sys.stderr)
        typer.echo(f"icslint: {refusal}", err=True)
        raise typer.Exit(ExitCode.FINDINGS) from None
    except (rendering.RenderError, PathError, UnknownSelector, RuleSetError) as error:
        raise _fail(str(error)) from None
    if written:
        typer.echo(f"Wrote {written}", err=True)


_NEVER_REPLACED = "{} already exists; use --force to replace it"


@app.command()
def init(
    kind: Annotated[
        DocumentKind,
        typer.Option(
            metavar="KIND",
            help="What to draft: icb-constitution (an ICB constitution) or icp-terms-of-reference.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The new file to write; - for stdout."),
    ],
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Do not ask questions; leave placeholders.")
    ] = False,
    schema_location: Annotated[
        str | None,
        typer.Option(
            "--schema",
            metavar="URL|PATH",
            help="Point the draft's first line at this JSON Schema instead (a URL, or a path "
            "relative to the draft); no schema file is written. Default: write the schema "
            "beside the draft (for example icb-constitution.schema.json) and point at that.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            help="Replace the output file if it exists. A schema file already beside it is "
            "never replaced.",
            show_default=False,
        ),
    ] = False,
) -> None:
    """Draft a new document from the NHS England model, with placeholders to fill in."""
    from icslint import drafting
    from icslint.json_schema import file_name
    from icslint.output import OutputExists, write_file

    to_stdout = str(output) == "-"
    if not to_stdout and not force and output.exists():
        raise _fail(_NEVER_REPLACED.format(output.as_posix()))
    if schema_location is not None and (
        not schema_location or any(c.isspace() or not c.isprintable() for c in schema_location)
    ):
        raise _fail(
            f"--schema {schema_location!r}: give a URL or a path with no spaces or line breaks "
            "(editors read the schema's address up to the first space)"
        )
    answers = drafting.Answers() if no_input or not _interactive() else _ask(kind)
    beside = file_name(kind.value)
    text = drafting.draft(kind.value, answers, schema_location or beside)
    if to_stdout:
        sys.stdout.write(text)
        if schema_location is None:
            typer.echo(
                f"The draft's first line points editors at {beside} in the draft's folder; "
                f"write it there with `icslint schema --kind {kind.value} -o {beside}`.",
                err=True,
            )
        return
    try:
        write_file(output, text.encode("utf-8"), replace=force)
    except OutputExists:
        raise _fail(_NEVER_REPLACED.format(output.as_posix())) from None
    except OSError as error:
        raise _fail(f"cannot write {output.as_posix()}: {error.strerror or error}") from None
    typer.echo(drafting.place_schema(output, kind.value, schema_location), err=True)
    typer.echo(
        "Replace each <<...>> placeholder; "
        f"`icslint check {output.as_posix()}` lists what is left.",
        err=True,
    )


def _ask(kind: DocumentKind) -> drafting.Answers:
    """The essentials, asked one at a time; a blank answer leaves the placeholder."""
    from icslint import drafting

    typer.echo("Answer a few questions; press Enter to leave a <<placeholder>> instead.", err=True)
    defaults = drafting.Answers()
    area = typer.prompt(
        "Area name, as in 'NHS <area> Integrated Care Board'", default="", show_default=False
    ).strip()
    councils: list[drafting.Council] = []
    while name := typer.prompt(
        "A local authority in the area (Enter when done)", default="", show_default=False
    ).strip():
        if not councils:
            _show_council_types()
        councils.append(drafting.Council(name, _ask_council_type(name)))
    trusts: list[str] = []
    if kind is DocumentKind.icb_constitution:
        while trust := typer.prompt(
            "An NHS trust or foundation trust in the area (Enter when done)",
            default="",
            show_default=False,
        ).strip():
            trusts.append(trust)
    return drafting.Answers(
        area=area or defaults.area,
        councils=tuple(councils) or defaults.councils,
        trusts=tuple(trusts) or defaults.trusts,
    )


def _show_council_types() -> None:
    """The numbered menu of council types, shown before the first council's type is asked."""
    from icslint.drafting import COUNCIL_TYPE_CHOICES

    typer.echo("  Council types:", err=True)
    for number, choice in enumerate(COUNCIL_TYPE_CHOICES, start=1):
        typer.echo(f"    {number}  {choice.answer}: {choice.description}", err=True)
    typer.echo(
        "    ?  not sure: the type is left as a <<placeholder>> to fill in later "
        "(Enter does the same)",
        err=True,
    )


def _ask_council_type(name: str) -> str | None:
    """A council's type, asked until the answer names one or says "not sure" (None).

    There is no default type: what a council is decides whether it is responsible for social
    care, so an empty answer leaves the type as a placeholder, as "not sure" does.
    """
    from icslint import drafting

    choices = drafting.COUNCIL_TYPE_CHOICES
    while True:
        answer = typer.prompt(
            f"  Type of {name} (1-{len(choices)} or a name from the list; ? or Enter if not sure)",
            default="",
            show_default=False,
        )
        try:
            council_type = drafting.council_type(answer)
        except drafting.UnknownCouncilType:
            listed = ", ".join(f"{n} {c.answer}" for n, c in enumerate(choices, start=1))
            typer.echo(
                f'  "{answer.strip()}" is not a council type icslint knows. Answer with a number '
                f"or a name: {listed}; or ? if not sure.",
                err=True,
            )
            continue
        if council_type is None:
            typer.echo(
                f"  Left the type of {name} as a <<placeholder>> to fill in later.", err=True
            )
            return None
        choice = next(c for c in choices if c.type == council_type)
        responsible = (
            "responsible" if council_type in drafting.SOCIAL_CARE_TYPES else "not responsible"
        )
        typer.echo(f"  {name}: {choice.description}, {responsible} for social care.", err=True)
        return council_type


@app.command()
def schema(
    kind: Annotated[
        DocumentKind | None,
        typer.Option(
            metavar="KIND",
            help="Only this kind of document (default: either kind, chosen by `kind`): "
            f"{_choices(DocumentKind)}.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the schema to this file."),
    ] = None,
) -> None:
    """Print the JSON Schema of the YAML, for editors' completion and checking."""
    from icslint.json_schema import schema_for

    text = json.dumps(schema_for(kind.value if kind else None), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
        return
    from icslint.output import write_file

    try:
        write_file(output, (text + "\n").encode("utf-8"), replace=True)
    except OSError as error:
        raise _fail(f"cannot write {output.as_posix()}: {error.strerror or error}") from None


def _as_at(text: str) -> law.AsAt:
    """`--as-at` for commands that check documents: a date, `today`, or `effective` (each
    document's own effective date)."""
    if text.strip().casefold() == "effective":
        return "effective"
    return _as_at_date(text, "'today', or 'effective' (each document's own effective date)")


def _as_at_date(text: str, choices: str = "or 'today'") -> dt.date:
    """`--as-at` for commands about the law itself, where only a date makes sense."""
    if text.strip().casefold() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _fail(f"--as-at {text!r}: give a date written YYYY-MM-DD, {choices}") from None


def _interactive() -> bool:
    """Whether a person is at the keyboard to answer questions."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def main() -> None:
    """Console-script entry point."""
    app()


class ReportFormatChoice(StrEnum):
    html = "html"
    pdf = "pdf"
    docx = "docx"


@app.command("report", cls=_Command)
def report_command(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", help="The documents to report on: YAML files, or folders."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write: .html, .pdf or .docx; - for HTML on stdout.",
        ),
    ],
    output_format: Annotated[
        ReportFormatChoice | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Output format, if not the output file's suffix: {_choices(ReportFormatChoice)}.",
        ),
    ] = None,
    as_at: AsAtOption = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this configuration file instead of the one found.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Replace the output file if it exists.", show_default=False)
    ] = False,
    pending: PendingOption = None,
    rule_dirs: Annotated[
        list[Path] | None,
        typer.Option(
            "--rules",
            metavar="FOLDER",
            help="Also load the rules in this folder (a local rule pack).",
        ),
    ] = None,
) -> None:
    """Write the board's evidence: every rule's result on each document, as HTML, PDF or Word.

    The documents are checked exactly as `icslint check` checks them (configuration,
    suppressions and waivers included). The report opens with a plain summary and a chart of
    results by level, then lists every finding with its line and citations, and every rule's
    result for each document. It is evidence, not a gate: it exits 0 once written, whatever it
    found; 2 if it cannot be made.
    """
    from icslint import board_report, settings

    day = _as_at(as_at) if as_at is not None else None
    chosen = board_report.ReportFormat(output_format.value) if output_format else None
    try:
        report_format = board_report.choose_format(output, chosen)
        board_report.check_output(output, report_format, force)
        plan = _plan(
            config_file, settings.CommandLine(rule_dirs=tuple(rule_dirs or ()), pending=pending)
        )
        result = lint_paths(paths, plan.rules, plan, False, plan.applied_law(day))
        if result.files == 0:
            shown = ", ".join(p.as_posix() for p in paths)
            raise _fail(f"no ICB constitution or ICP terms of reference found in {shown}")
        data = board_report.render(board_report.build(result, plan, day), report_format)
        board_report.write(output, data, force)
    except (board_report.ReportError, UnknownSelector, PathError, RuleSetError) as error:
        raise _fail(str(error)) from None
    if str(output) != board_report.STDOUT:
        typer.echo(f"Wrote {output.as_posix()} ({report_format.value})", err=True)
