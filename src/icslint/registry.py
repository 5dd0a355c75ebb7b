"""Declaring rules, and discovering the rule set.

A rule is a plain function `(document, options) -> Iterable[Finding]` declared with `@rule(...)`.
The decorator only attaches a `RuleSpec` to the function; nothing is registered globally.
Discovery imports the modules of a rule package in sorted order and collects the specs.

The rule set is icslint's own rules, the rule packs installed as Python distributions (entry
point group `icslint.rules`) and any local folder packs; each rule knows its `Pack`. Rule packs
write rules with the public API, `icslint.api` (see docs/writing-a-rule-pack.md).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from icslint import __version__, law
from icslint.diagnostics import (
    Citation,
    Finding,
    Level,
    NotApplicable,
    PassedWithNote,
    Requires,
    Severity,
)

BUILTIN_PACKAGE = "icslint.rules"
KINDS = ("icb-constitution", "icp-terms-of-reference")
SYSTEM = "system"
"""What a whole-system rule applies to: every document of one run, read together
(`icslint.system.System`)."""
ENTRY_POINT_GROUP = "icslint.rules"
"""The entry-point group under which installed rule packs name their rule package."""
CODE_PATTERN = re.compile(r"^[A-Z]{3}\d{3}$")
"""Any rule code: three capital letters and three digits (the form suppression comments take)."""
BUILTIN_CODE_PATTERN = re.compile(r"^(ICB|ICP|ICS|ICL)\d{3}$")
RESERVED_PREFIX = "IC"
"""Codes starting IC are icslint's own: an installed pack may not use them, and no pack may use
ICL (icslint's checks of the file itself). Local folder packs may use ICB, ICP and ICS codes,
as they could before installed packs existed."""
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Provision: the words of the provision that decide whether the document itself must say it
# (see `requires`).
DOC_SECTIONS = ("Requirement", "Provision", "Why", "Fix", "Source")

Check = Callable[[Any, Any], Iterable[Finding | NotApplicable | PassedWithNote]]
F = TypeVar("F", bound=Callable[..., Any])
PackKind = Literal["built-in", "installed", "folder"]


@dataclass(frozen=True)
class Pack:
    """Where a rule comes from: icslint itself, an installed rule pack, or a local folder."""

    name: str
    """icslint, the pack's distribution name, or the folder as configuration names it."""
    version: str | None = None
    """icslint's version, or the pack's; None for a local folder."""
    kind: PackKind = "built-in"

    @property
    def label(self) -> str:
        """In short: `icslint-wessex-policy 0.1.0`, `icslint 0.1.0`, `folder local-rules`."""
        return f"folder {self.name}" if self.kind == "folder" else f"{self.name} {self.version}"

    def __str__(self) -> str:
        if self.kind == "built-in":
            return f"icslint {self.version} (built-in rules)"
        if self.kind == "folder":
            return f"local rule pack {self.name}"
        return f"rule pack {self.name} {self.version}"

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "version": self.version, "kind": self.kind}


BUILTIN = Pack("icslint", __version__, "built-in")


class NoOptions(BaseModel):
    """Options of a rule that takes none."""

    model_config = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True)
class RuleSpec:
    """Everything icslint knows about a rule, apart from its findings."""

    code: str
    slug: str
    applies_to: str
    level: Level
    severity: Severity
    citations: tuple[Citation, ...]
    requires: Requires | None = None
    """What the provision asks of the document: `content` it must contain, or `conduct` of the
    body that it need not repeat. Tool codes (ICLnnn) have none."""
    check: Check | None = field(default=None, compare=False)
    options: type[BaseModel] = NoOptions
    doc: str = ""
    settings: BaseModel | None = field(default=None, compare=False)
    """The rule's options as configured, if configuration set any."""
    in_force: str = "hca-2022-commencement"
    """The event (icslint.law) the requirement dates from."""
    until: str | None = None
    """The event that ended the requirement, if one has."""
    pack: Pack = BUILTIN
    """Where the rule comes from (set when the rule set is discovered)."""

    def option_values(self) -> BaseModel:
        """The options the rule runs with: as configured, or the defaults."""
        return self.settings if self.settings is not None else self.options()

    @property
    def title(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else self.slug

    @property
    def sections(self) -> dict[str, str]:
        """The docstring's sections: Requirement, Why, Fix and Source."""
        return parse_doc(self.doc)


def rule(
    *,
    code: str,
    slug: str,
    applies_to: str,
    level: Level,
    severity: Severity,
    citations: Sequence[Citation],
    requires: Requires | str | None = None,
    options: type[BaseModel] = NoOptions,
    in_force: str = "hca-2022-commencement",
    until: str | None = None,
) -> Callable[[F], F]:
    """Declare a rule. The function's docstring is its documentation.

    `requires` is "content" when the provision says the document itself must contain, specify
    or provide for the thing the rule looks for, and "conduct" when it is a duty on the body
    that the document need not repeat; it decides whether silence is a breach. `in_force` and
    `until` name the events (icslint.law) that started and ended the requirement.
    """

    def attach(function: F) -> F:
        spec = RuleSpec(
            code=code,
            slug=slug,
            applies_to=applies_to,
            level=level,
            severity=severity,
            citations=tuple(citations),
            requires=Requires(requires) if requires is not None else None,
            check=function,
            options=options,
            doc=inspect.getdoc(function) or "",
            in_force=in_force,
            until=until,
        )
        function.icslint_rule = spec  # type: ignore[attr-defined]
        return function

    return attach


def parse_doc(doc: str) -> dict[str, str]:
    """Split a rule docstring into its named sections (`Requirement:` ... `Source:`)."""
    sections: dict[str, str] = {}
    current: str | None = None
    for line in inspect.cleandoc(doc).splitlines()[1:]:
        heading = re.match(r"^(\w+):\s*(.*)$", line)
        if heading and heading.group(1) in DOC_SECTIONS:
            current = heading.group(1)
            sections[current] = heading.group(2).strip()
        elif current is not None:
            sections[current] = (sections[current] + "\n" + line).strip()
    return {name: " ".join(text.split()) for name, text in sections.items()}


class RuleSetError(Exception):
    """The rule set cannot be used: a pack fails to import, needs a newer rule API, or declares
    a code or name that is malformed or already taken. The message names the pack."""


def discover(package: str = BUILTIN_PACKAGE, pack: Pack = BUILTIN) -> tuple[RuleSpec, ...]:
    """Import every module of a rule package, in name order, and collect its rules by code."""
    return validate(replace(spec, pack=pack) for spec in rules_in(importlib.import_module(package)))


def rule_set(folders: Sequence[Path] = ()) -> tuple[RuleSpec, ...]:
    """icslint's own rules, the installed rule packs' and those in local `folders`, by code."""
    specs = [*discover(), *installed()]
    for folder in folders:
        specs.extend(discover_folder(folder))
    return validate(specs)


def packs_in(specs: Iterable[RuleSpec]) -> tuple[Pack, ...]:
    """The packs the rules come from (icslint's own first), for a report to name them."""
    packs = {spec.pack for spec in specs}
    return tuple(sorted(packs, key=lambda p: (p.kind != "built-in", p.name, p.version or "")))


def installed() -> tuple[RuleSpec, ...]:
    """The rules of every installed rule pack: each entry point in the group `icslint.rules`
    names a module or package whose rules are collected like icslint's own."""
    specs: list[RuleSpec] = []
    found = metadata.entry_points(group=ENTRY_POINT_GROUP)
    for entry in sorted(found, key=lambda e: (e.dist.name if e.dist else "", e.name)):
        pack = Pack(
            entry.dist.name if entry.dist else entry.name,
            entry.dist.version if entry.dist else "(unknown version)",
            "installed",
        )
        specs.extend(_load_pack(entry, pack))
    return tuple(specs)


def _load_pack(entry: metadata.EntryPoint, pack: Pack) -> list[RuleSpec]:
    """Import an installed pack, check the rule API it needs, and collect its rules."""
    from icslint.api import API_VERSION, OLDEST_API_VERSION

    where = f"entry point `{entry.name} = {entry.value}` in group {ENTRY_POINT_GROUP}"
    remedy = f"Fix or upgrade the pack, or uninstall it (pip uninstall {pack.name})."
    try:
        root = entry.load()
    except Exception as error:
        raise RuleSetError(
            f"{pack} failed to import ({where}): {_failure(error)}. {remedy}"
        ) from None
    if not isinstance(root, ModuleType):
        raise RuleSetError(
            f"{pack}: {where} must name a module or package of rules, not "
            f"{type(root).__name__} {entry.value!r}. {remedy}"
        )
    needs = getattr(root, "ICSLINT_API", 1)
    if not isinstance(needs, int) or isinstance(needs, bool):
        raise RuleSetError(
            f"{pack}: ICSLINT_API in {root.__name__} must be a whole number, such as "
            f"{API_VERSION}, not {needs!r}. {remedy}"
        )
    if needs > API_VERSION:
        raise RuleSetError(
            f"{pack} needs version {needs} of icslint's rule API, but icslint {__version__} "
            f"provides version {API_VERSION}. Upgrade icslint the way you installed it (from "
            "an up-to-date copy of its repository: pip install . there), or install a release "
            f"of {pack.name} made for rule API {API_VERSION}."
        )
    if needs < OLDEST_API_VERSION:
        raise RuleSetError(
            f"{pack} was written for version {needs} of icslint's rule API, which icslint "
            f"{__version__} no longer supports (it supports versions {OLDEST_API_VERSION} to "
            f"{API_VERSION}). Upgrade the pack (pip install --upgrade {pack.name})."
        )
    try:
        return [replace(spec, pack=pack) for spec in rules_in(root)]
    except Exception as error:
        raise RuleSetError(
            f"{pack} failed to import ({where}): {_failure(error)}. {remedy}"
        ) from None


def rules_in(root: ModuleType) -> list[RuleSpec]:
    """The rules of a module, or of a package and its modules not starting with `_`, in name
    order."""
    modules: list[ModuleType] = [root]
    if hasattr(root, "__path__"):
        for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                modules.append(importlib.import_module(f"{root.__name__}.{info.name}"))
    return [spec for module in modules for spec in _declared_in(module)]


def _declared_in(module: ModuleType) -> list[RuleSpec]:
    """The rules declared in a module itself (not those it imports)."""
    return [
        spec
        for _, value in sorted(vars(module).items())
        if (spec := getattr(value, "icslint_rule", None)) is not None
        and getattr(value, "__module__", None) == module.__name__
    ]


def _failure(error: BaseException) -> str:
    """An exception in one line, with the file and line of the pack's code that raised it."""
    if isinstance(error, SyntaxError) and error.filename:
        return f"SyntaxError: {error.msg} ({error.filename}, line {error.lineno})"
    frames = traceback.extract_tb(error.__traceback__)
    # The innermost frame outside the import machinery is the pack's own line.
    own = [f for f in frames if "importlib" not in f.filename]
    at = f" ({own[-1].filename}, line {own[-1].lineno})" if own else ""
    return f"{type(error).__name__}: {error}{at}"


def discover_folder(folder: Path) -> tuple[RuleSpec, ...]:
    """The rules in a local rule pack: every `*.py` module in `folder` not starting with `_`.

    Only folders named in configuration or with `--rules` are loaded: icslint never runs code
    from the working directory on its own initiative.
    """
    if not folder.is_dir():
        raise RuleSetError(f"rule pack {folder.as_posix()}: no such folder")
    pack = Pack(folder.as_posix(), None, "folder")
    specs: list[RuleSpec] = []
    prefix = f"icslint_pack_{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]}"
    for file in sorted(folder.glob("*.py")):
        if file.name.startswith("_"):
            continue
        name = f"{prefix}_{file.stem}"
        module_spec = importlib.util.spec_from_file_location(name, file)
        if module_spec is None or module_spec.loader is None:
            raise RuleSetError(f"rule pack module {file.as_posix()} cannot be loaded")
        module = importlib.util.module_from_spec(module_spec)
        # Registered like any imported module, so pydantic can resolve an options model's
        # annotations in it.
        sys.modules[name] = module
        try:
            module_spec.loader.exec_module(module)
        except Exception as error:
            raise RuleSetError(
                f"rule pack module {file.as_posix()} failed to load: {_failure(error)}. Fix "
                "the module, or remove the folder from `packs:` or `--rules`."
            ) from None
        specs.extend(replace(spec, pack=pack) for spec in _declared_in(module))
    return tuple(specs)


def validate(specs: Iterable[RuleSpec]) -> tuple[RuleSpec, ...]:
    """The rules by code, once each rule's code, name, kind and events have been checked."""
    by_code: dict[str, RuleSpec] = {}
    by_slug: dict[str, RuleSpec] = {}
    for spec in specs:
        _check_code(spec)
        if not SLUG_PATTERN.match(spec.slug):
            raise RuleSetError(
                f"{_in(spec)}{spec.code}: rule name {spec.slug!r} must be kebab-case, such as "
                "board-minimum-membership"
            )
        for taken in (by_code.get(spec.code), by_slug.get(spec.slug)):
            if taken is not None:
                raise RuleSetError(_declared_twice(taken, spec))
        if spec.applies_to not in (*KINDS, SYSTEM):
            raise RuleSetError(
                f"{_in(spec)}{spec.code}: unknown document kind {spec.applies_to!r}; use one "
                f"of: {', '.join((*KINDS, SYSTEM))}"
            )
        known = law.events()
        for event in (spec.in_force, spec.until):
            if event is not None and event not in known:
                raise RuleSetError(
                    f"{_in(spec)}{spec.code}: unknown event {event!r}; use one of: "
                    f"{', '.join(known)}"
                )
        by_code[spec.code] = spec
        by_slug[spec.slug] = spec
    return tuple(sorted(by_code.values(), key=lambda s: s.code))


def _in(spec: RuleSpec) -> str:
    """`rule pack NAME VERSION: ` before a message about a pack's rule."""
    return "" if spec.pack.kind == "built-in" else f"{spec.pack}: "


def _check_code(spec: RuleSpec) -> None:
    if spec.pack.kind == "built-in":
        if not BUILTIN_CODE_PATTERN.match(spec.code):
            raise RuleSetError(f"{spec.code}: a rule code is ICB, ICP, ICS or ICL and 3 digits")
        return
    reserved = RESERVED_PREFIX if spec.pack.kind == "installed" else "ICL"
    if not CODE_PATTERN.match(spec.code) or spec.code.startswith(reserved):
        raise RuleSetError(
            f"{spec.pack}: {spec.code!r} is not a code a rule pack can use. A pack's codes are "
            f"three capital letters and three digits, with a prefix of the pack's own such as "
            f"WSX001; codes starting {reserved} are icslint's own."
        )


def _declared_twice(first: RuleSpec, second: RuleSpec) -> str:
    what = f"rule code {first.code}" if first.code == second.code else f"rule name {first.slug}"
    rules = f"{first.code} [{first.slug}] and {second.code} [{second.slug}]"
    if first.pack == second.pack:
        return f"{_in(first)}{what} is declared twice ({rules}); give each rule its own."
    return (
        f"{what} is declared by both {first.pack} and {second.pack} ({rules}). A code and a "
        "rule name can belong to one rule only: uninstall or remove one of the packs, or ask "
        "its author to change the code."
    )
