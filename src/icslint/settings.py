"""From configuration and command-line options to the plan for one run: which rules, at what
severity and with what options, and what is ignored, suppressed or waived.

Every rule code named in configuration is checked against the rule set here, and a wrong one
stops the run (exit 2) with the configuration file's line and column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from icslint import law
from icslint.config import DEFAULT_MAX_FILE_SIZE, Config, ConfigError, format_size
from icslint.diagnostics import Loc, Severity
from icslint.registry import RuleSpec, discover, discover_folder, installed, validate
from icslint.schema_errors import format_loc
from icslint.selection import UnknownSelector, choose, matches
from icslint.tool_codes import TOOL_CODES
from icslint.waivers import ActiveWaiver, Waivers

# A file icslint cannot read is never clean, so these cannot be ignored or made less severe.
FIXED_TOOL_CODES = frozenset({"ICL001", "ICL002", "ICL003", "ICL999"})


@dataclass(frozen=True)
class CommandLine:
    """What was given on the command line (None: not given)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    rule_dirs: tuple[Path, ...] = ()
    fail_on_not_stated: bool | None = None
    pending: bool | None = None


@dataclass(frozen=True)
class Plan:
    rules: tuple[RuleSpec, ...]
    """The rules to run, with configured severities and options."""
    fail_on: Severity
    ignored_tool_codes: frozenset[str]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...]
    root: Path
    """Where per-file-ignores and waiver paths are relative to."""
    waivers: Waivers
    known_codes: frozenset[str] = frozenset()
    """Every code icslint knows, run or not (a suppression naming anything else is a typo)."""
    tool_severity: dict[str, Severity] = field(default_factory=dict)
    fail_on_not_stated: bool = False
    """Whether anything not stated fails the run too (for teams that want a complete document)."""
    unselected: tuple[RuleSpec, ...] = ()
    """Rules of the rule set that the configuration or the command line leaves out."""
    shown: tuple[tuple[str, str, str], ...] = ()
    """(setting, value, where it came from) for --show-config."""
    pending: bool = False
    """Whether to report what will need to change when measures not yet in force commence."""
    commencements: dict[str, dt.date] = field(default_factory=dict)
    """Commencement dates set in configuration, by event id (icslint.law)."""
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    """Files larger than this, in bytes, are refused (ICL001) before they are read."""

    def applied_law(self, as_at: law.AsAt | None) -> law.LawApplied:
        """The law a check under this plan applies on `as_at`."""
        return law.LawApplied(as_at, self.commencements, self.pending)


Shown = list[tuple[str, str, str]]


def plan(config: Config, cli: CommandLine, today: dt.date) -> Plan:
    """Resolve settings. Raises ConfigError (bad configuration) or UnknownSelector (bad option)."""
    settings = config.settings
    rules = _rule_set(config, cli)
    catalogue = {spec.code: spec for spec in (*TOOL_CODES, *rules)}
    fail_on = cli.fail_on or settings.fail_on or Severity.ERROR
    shown: Shown = [
        ("config", config.path.as_posix() if config.path else "(none found)", _found(config)),
        (
            "fail-on",
            fail_on.value,
            _origin(config, "fail-on", bool(settings.fail_on), bool(cli.fail_on), replaces=True),
        ),
    ]
    fail_on_not_stated = bool(
        cli.fail_on_not_stated
        if cli.fail_on_not_stated is not None
        else settings.fail_on_not_stated
    )
    shown.append(
        (
            "fail-on-not-stated",
            "true" if fail_on_not_stated else "false",
            _origin(
                config,
                "fail-on-not-stated",
                settings.fail_on_not_stated is not None,
                cli.fail_on_not_stated is not None,
                replaces=True,
            ),
        )
    )
    pending = bool(cli.pending if cli.pending is not None else config.settings.pending)
    shown.append(
        (
            "pending",
            "true" if pending else "false",
            _origin(
                config,
                "pending",
                config.settings.pending is not None,
                cli.pending is not None,
                replaces=True,
            ),
        )
    )
    commencements = _commencements(config, shown)
    chosen, tool_ignores = _selection(config, cli, rules, catalogue, shown)
    rule_severity, tool_severity = _severities(config, catalogue, shown)
    options = _options(config, catalogue, shown)
    chosen = tuple(
        dataclasses.replace(
            spec,
            severity=rule_severity.get(spec.code, spec.severity),
            settings=options.get(spec.code),
        )
        for spec in chosen
    )
    per_file = _per_file_ignores(config, catalogue, shown)
    waivers = _waivers(config, catalogue, today, shown)
    shown.append(
        (
            "packs",
            ", ".join(settings.packs) or "(none)",
            _origin(config, "packs", bool(settings.packs), False),
        )
    )
    shown.append(("rules", f"{len(chosen)} of {len(rules)} run", "select and ignore"))
    max_file_size = settings.max_file_size or DEFAULT_MAX_FILE_SIZE
    shown.append(
        (
            "max-file-size",
            format_size(max_file_size),
            _origin(config, "max-file-size", settings.max_file_size is not None, False),
        )
    )
    return Plan(
        rules=chosen,
        fail_on=fail_on,
        ignored_tool_codes=tool_ignores,
        per_file_ignores=per_file,
        root=config.root,
        waivers=waivers,
        known_codes=frozenset(catalogue),
        tool_severity=tool_severity,
        fail_on_not_stated=fail_on_not_stated,
        unselected=tuple(spec for spec in rules if spec.code not in {c.code for c in chosen}),
        shown=tuple(shown),
        pending=pending,
        commencements=commencements,
        max_file_size=max_file_size,
    )


def _commencements(config: Config, shown: Shown) -> dict[str, dt.date]:
    """The `law:` setting, each key checked against the measures icslint knows."""
    setting = config.settings.law
    try:
        dates = law.commencements(setting)
    except law.LawSettingError as error:
        raise config.error(("law", error.key), error.message) from None
    shown.append(
        (
            "law",
            ", ".join(f"{key}: {day.isoformat()}" for key, day in setting.items()) or "(none)",
            _origin(config, "law", bool(setting), False),
        )
    )
    return dates


def _selection(
    config: Config,
    cli: CommandLine,
    rules: Sequence[RuleSpec],
    catalogue: dict[str, RuleSpec],
    shown: Shown,
) -> tuple[tuple[RuleSpec, ...], frozenset[str]]:
    """The rules to run, and the tool codes to leave out of the report.

    The command line's --select replaces the configured select; --ignore adds to the
    configured ignore. Tool codes (ICLnnn) always run and can only be ignored.
    """
    settings = config.settings
    for name, selectors in (
        ("select", settings.select or ()),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
    ):
        for index, selector in enumerate(selectors):
            _known(config, (name, index), selector, rules, catalogue)
    for selector in (*cli.select, *cli.ignore):
        if _is_tool(selector) and not _tool_codes(selector, catalogue):
            raise UnknownSelector(_unknown(selector, list(catalogue.values())))
    wanted = cli.select or settings.select or ()
    select = (*wanted, *settings.extend_select) if wanted else ()
    rule_select = tuple(s for s in select if not _is_tool(s))
    tool_ignores: set[str] = set()
    for index, selector in enumerate(settings.ignore):
        tool_ignores |= _ignorable(selector, catalogue, config, ("ignore", index))
    for selector in cli.ignore:
        tool_ignores |= _ignorable(selector, catalogue, None, ())
    rule_ignores = [s for s in (*settings.ignore, *cli.ignore) if not _is_tool(s)]
    # A selection of tool codes only (--select ICL004) runs no rules: tool codes always run.
    chosen = () if select and not rule_select else choose(rules, rule_select, rule_ignores)
    ignores = (*settings.ignore, *cli.ignore)
    shown.append(
        (
            "select",
            ", ".join(select) or "all rules",
            _origin(config, "select", bool(settings.select), bool(cli.select), replaces=True),
        )
    )
    shown.append(
        (
            "ignore",
            ", ".join(ignores) or "(none)",
            _origin(config, "ignore", bool(settings.ignore), bool(cli.ignore)),
        )
    )
    return chosen, frozenset(tool_ignores)


def _tool_codes(selector: str, catalogue: dict[str, RuleSpec]) -> set[str]:
    return {code for code, spec in catalogue.items() if _is_tool(code) and matches(spec, selector)}


def _ignorable(
    selector: str, catalogue: dict[str, RuleSpec], config: Config | None, loc: Loc
) -> set[str]:
    """The tool codes an ignore entry names, refusing those that can never be ignored."""
    if not _is_tool(selector):
        return set()
    codes = _tool_codes(selector, catalogue)
    fixed = sorted(codes & FIXED_TOOL_CODES)
    if fixed:
        message = f"{', '.join(fixed)} cannot be ignored: {_why_fixed(fixed[0], catalogue)}"
        if config is None:
            raise UnknownSelector(message)
        raise config.error(loc, message, value=selector)
    return codes


def _severities(
    config: Config, catalogue: dict[str, RuleSpec], shown: Shown
) -> tuple[dict[str, Severity], dict[str, Severity]]:
    """Configured severities: for rules, and for the tool codes that may change."""
    rules: dict[str, Severity] = {}
    tools: dict[str, Severity] = {}
    for key, severity in config.settings.severity.items():
        spec = _named(config, ("severity", key), key, catalogue)
        if spec.code in FIXED_TOOL_CODES:
            raise config.error(
                ("severity", key),
                f"{spec.code} cannot change severity: {_why_fixed(spec.code, catalogue)}",
            )
        (tools if _is_tool(spec.code) else rules)[spec.code] = severity
        shown.append((f"severity.{spec.code}", severity.value, config.where(("severity", key))))
    return rules, tools


def _options(config: Config, catalogue: dict[str, RuleSpec], shown: Shown) -> dict[str, BaseModel]:
    """Per-rule options, each validated by the rule's own options model."""
    options: dict[str, BaseModel] = {}
    for key, values in config.settings.options.items():
        spec = _named(config, ("options", key), key, catalogue)
        try:
            options[spec.code] = spec.options.model_validate(values)
        except ValidationError as error:
            detail = error.errors(include_url=False)[0]
            loc = ("options", key, *detail["loc"])
            if detail["type"] == "extra_forbidden":
                allowed = ", ".join(spec.options.model_fields) or "none"
                name = detail["loc"][-1]
                message = f"{spec.code} has no option {name!r} (its options: {allowed})"
            else:
                message = f"{format_loc(loc)}: {detail['msg']}"
            raise config.error(loc, message) from None
        shown.append((f"options.{spec.code}", repr(dict(values)), config.where(("options", key))))
    return options


def _per_file_ignores(
    config: Config, catalogue: dict[str, RuleSpec], shown: Shown
) -> tuple[tuple[str, frozenset[str]], ...]:
    found = []
    for pattern, selectors in config.settings.per_file_ignores.items():
        codes: set[str] = set()
        for index, selector in enumerate(selectors):
            loc = ("per-file-ignores", pattern, index)
            named = _codes(config, loc, selector, catalogue)
            fixed = sorted(named & FIXED_TOOL_CODES)
            if fixed:
                why = _why_fixed(fixed[0], catalogue)
                raise config.error(
                    loc, f"{', '.join(fixed)} cannot be ignored: {why}", value=selector
                )
            codes |= named
        found.append((pattern, frozenset(codes)))
        where = config.where(("per-file-ignores", pattern))
        shown.append((f"per-file-ignores.{pattern}", ", ".join(selectors), where))
    return tuple(found)


def _waivers(
    config: Config, catalogue: dict[str, RuleSpec], today: dt.date, shown: Shown
) -> Waivers:
    entries = []
    for index, waiver in enumerate(config.settings.waivers):
        _named(config, ("waivers", index, "code"), waiver.code, catalogue, exact=True)
        where = (
            config.path.as_posix() if config.path else "icslint",
            config.line_of(("waivers", index)),
        )
        entries.append(ActiveWaiver(waiver, where))
        state = "expired" if waiver.expires < today else f"until {waiver.expires.isoformat()}"
        summary = f"{waiver.code} at {waiver.path} in {waiver.file} ({state})"
        shown.append((f"waivers[{index}]", summary, config.where(("waivers", index))))
    return Waivers(entries, config.root, today)


def _found(config: Config) -> str:
    if config.path is None:
        return "none in this folder or above; defaults apply"
    return "--config" if config.explicit else "found from the working folder upwards"


def _is_tool(selector: str) -> bool:
    return selector.strip().upper().startswith("ICL")


def _origin(
    config: Config, name: str, in_config: bool, on_command_line: bool, replaces: bool = False
) -> str:
    """Where a setting came from; with `replaces`, the command line overrides configuration."""
    if replaces and on_command_line:
        return f"--{name}"
    places = ([config.where((name,))] if in_config else []) + (
        [f"--{name}"] if on_command_line else []
    )
    return " and ".join(places) or "default"


def _rule_set(config: Config, cli: CommandLine) -> tuple[RuleSpec, ...]:
    """icslint's own rules, the installed rule packs' and those of the local folder packs
    named in configuration (`packs:`) and with `--rules`. Raises RuleSetError naming the pack
    that cannot be used."""
    specs = [*discover(), *installed()]
    for index, pack in enumerate(config.settings.packs):
        try:
            specs.extend(discover_folder(config.root / pack))
        except Exception as error:
            raise config.error(("packs", index), str(error), value=pack) from None
    for folder in cli.rule_dirs:
        specs.extend(discover_folder(folder))
    return validate(specs)


def _why_fixed(code: str, catalogue: dict[str, RuleSpec]) -> str:
    if code not in catalogue:
        return "there is no such code (see `icslint rules`)"
    return "a file icslint cannot read, or a fault in icslint, always fails the check"


def _known(
    config: Config,
    loc: Loc,
    selector: str,
    rules: Sequence[RuleSpec],
    catalogue: dict[str, RuleSpec],
) -> None:
    if _is_tool(selector):
        if not _tool_codes(selector, catalogue):
            raise config.error(loc, _unknown(selector, list(catalogue.values())), value=selector)
        return
    try:
        choose(rules, (selector,))
    except UnknownSelector:
        raise config.error(loc, _unknown(selector, rules), value=selector) from None


def _codes(config: Config, loc: Loc, selector: str, catalogue: dict[str, RuleSpec]) -> set[str]:
    codes = {code for code, spec in catalogue.items() if matches(spec, selector)}
    if not codes:
        raise config.error(loc, _unknown(selector, list(catalogue.values())), value=selector)
    return codes


def _named(
    config: Config, loc: Loc, name: str, catalogue: dict[str, RuleSpec], exact: bool = False
) -> RuleSpec:
    """The rule a setting names by code (ICB010) or rule name (board-minimum-membership)."""
    for spec in catalogue.values():
        if spec.code == name.strip().upper() or (not exact and spec.slug == name.strip().lower()):
            return spec
    raise config.error(loc, _unknown(name, list(catalogue.values())), value=name)


def _unknown(name: str, rules: Sequence[RuleSpec]) -> str:
    names = [s.code for s in rules] + [s.slug for s in rules]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"{name!r} is not a rule code, code prefix or rule name{hint} (see `icslint rules`)"


__all__ = ["CommandLine", "ConfigError", "Plan", "plan"]
