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

from pydantic import ValidationError

from icslint.config import Config, ConfigError
from icslint.diagnostics import Loc, Severity
from icslint.registry import RuleSpec, discover, discover_folder, validate
from icslint.schema_errors import format_loc
from icslint.selection import UnknownSelector, choose
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
    shown: tuple[tuple[str, str, str], ...] = ()
    """(setting, value, where it came from) for --show-config."""


def plan(config: Config, cli: CommandLine, today: dt.date) -> Plan:
    """Resolve settings. Raises ConfigError (bad configuration) or UnknownSelector (bad option)."""
    settings = config.settings
    rules = _rule_set(config, cli)
    catalogue = {spec.code: spec for spec in (*TOOL_CODES, *rules)}
    shown: list[tuple[str, str, str]] = []

    def source(loc: Loc) -> str:
        return config.where(loc) if config.path else "default"

    # select / extend-select / ignore: the command line's --select replaces the configured one;
    # --ignore adds to the configured ignore list.
    for name, selectors in (
        ("select", settings.select or ()),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
    ):
        for index, selector in enumerate(selectors):
            _known(config, (name, index), selector, rules)
    # Tool codes (ICLnnn) always run; only rules are selected.
    select = tuple(s for s in (cli.select or settings.select or ()) if not _is_tool(s))
    if select:
        select = (*select, *settings.extend_select)
    rule_ignores = [s for s in (*settings.ignore, *cli.ignore) if not s.upper().startswith("ICL")]
    tool_ignores = {
        s.upper() for s in (*settings.ignore, *cli.ignore) if s.upper().startswith("ICL")
    }
    for code in tool_ignores:
        if code in FIXED_TOOL_CODES or code not in catalogue:
            raise UnknownSelector(f"{code} cannot be ignored: {_why_fixed(code, catalogue)}")
    chosen = choose(rules, select, rule_ignores)
    shown.append(
        (
            "select",
            ", ".join(select) or "all rules",
            "--select" if cli.select else source(("select",)) if settings.select else "default",
        )
    )
    shown.append(
        (
            "ignore",
            ", ".join((*settings.ignore, *cli.ignore)) or "(none)",
            _origin(config, "ignore", bool(settings.ignore), bool(cli.ignore)),
        )
    )

    # severity overrides
    severities: dict[str, Severity] = {}
    tool_severity: dict[str, Severity] = {}
    for key, severity in settings.severity.items():
        spec = _named(config, ("severity", key), key, catalogue)
        if spec.code in FIXED_TOOL_CODES:
            raise config.error(
                ("severity", key),
                f"{spec.code} cannot change severity: {_why_fixed(spec.code, catalogue)}",
            )
        if spec.code.startswith("ICL"):
            tool_severity[spec.code] = severity
        else:
            severities[spec.code] = severity
        shown.append((f"severity.{spec.code}", severity.value, config.where(("severity", key))))

    # per-rule options, validated by each rule's own options model
    settings_by_code = {}
    for key, values in settings.options.items():
        spec = _named(config, ("options", key), key, catalogue)
        try:
            settings_by_code[spec.code] = spec.options.model_validate(values)
        except ValidationError as error:
            detail = error.errors(include_url=False)[0]
            loc = ("options", key, *detail["loc"])
            if detail["type"] == "extra_forbidden":
                allowed = ", ".join(spec.options.model_fields) or "none"
                message = (
                    f"{spec.code} has no option {detail['loc'][-1]!r} (its options: {allowed})"
                )
            else:
                message = f"{format_loc(loc)}: {detail['msg']}"
            raise config.error(loc, message) from None
        shown.append((f"options.{spec.code}", repr(dict(values)), config.where(("options", key))))

    chosen = tuple(
        dataclasses.replace(
            spec,
            severity=severities.get(spec.code, spec.severity),
            settings=settings_by_code.get(spec.code),
        )
        for spec in chosen
    )

    per_file = []
    for pattern, selectors in settings.per_file_ignores.items():
        codes = set()
        for index, selector in enumerate(selectors):
            codes |= _codes(config, ("per-file-ignores", pattern, index), selector, catalogue)
        per_file.append((pattern, frozenset(codes)))
        shown.append(
            (
                f"per-file-ignores.{pattern}",
                ", ".join(selectors),
                config.where(("per-file-ignores", pattern)),
            )
        )

    entries = []
    for index, waiver in enumerate(settings.waivers):
        _named(config, ("waivers", index, "code"), waiver.code, catalogue, exact=True)
        where = (
            config.path.as_posix() if config.path else "icslint",
            config.line_of(("waivers", index)),
        )
        entries.append(ActiveWaiver(waiver, where))
        state = "expired" if waiver.expires < today else f"until {waiver.expires.isoformat()}"
        shown.append(
            (
                f"waivers[{index}]",
                f"{waiver.code} at {waiver.path} in {waiver.file} ({state})",
                config.where(("waivers", index)),
            )
        )

    fail_on = cli.fail_on or settings.fail_on or Severity.ERROR
    shown.insert(
        0,
        (
            "fail-on",
            fail_on.value,
            "--fail-on" if cli.fail_on else source(("fail-on",)) if settings.fail_on else "default",
        ),
    )
    shown.insert(
        0,
        (
            "config",
            config.path.as_posix() if config.path else "(none found)",
            "--config or discovery",
        ),
    )
    packs = ", ".join(settings.packs) if settings.packs else "(none)"
    shown.append(("packs", packs, source(("packs",)) if settings.packs else "default"))
    shown.append(("rules", f"{len(chosen)} of {len(rules)} run", "select and ignore"))

    return Plan(
        rules=chosen,
        fail_on=fail_on,
        ignored_tool_codes=frozenset(tool_ignores),
        per_file_ignores=tuple(per_file),
        root=config.root,
        waivers=Waivers(entries, config.root, today),
        known_codes=frozenset(catalogue),
        tool_severity=tool_severity,
        shown=tuple(shown),
    )


def _is_tool(selector: str) -> bool:
    return selector.strip().upper().startswith("ICL")


def _origin(config: Config, name: str, in_config: bool, on_command_line: bool) -> str:
    places = ([config.where((name,))] if in_config else []) + (
        [f"--{name}"] if on_command_line else []
    )
    return " and ".join(places) or "default"


def _rule_set(config: Config, cli: CommandLine) -> tuple[RuleSpec, ...]:
    specs = list(discover())
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


def _known(config: Config, loc: Loc, selector: str, rules: Sequence[RuleSpec]) -> None:
    if _is_tool(selector):
        return
    try:
        choose(rules, (selector,))
    except UnknownSelector:
        raise config.error(loc, _unknown(selector, rules), value=selector) from None


def _codes(config: Config, loc: Loc, selector: str, catalogue: dict[str, RuleSpec]) -> set[str]:
    wanted = selector.strip()
    codes = {
        code
        for code, spec in catalogue.items()
        if code.startswith(wanted.upper()) or spec.slug == wanted.lower()
    }
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
