"""Declaring rules, and discovering the rule set.

A rule is a plain function `(document, options) -> Iterable[Finding]` declared with `@rule(...)`.
The decorator only attaches a `RuleSpec` to the function; nothing is registered globally.
Discovery imports the modules of a rule package in sorted order and collects the specs.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from icslint import law
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
CODE_PATTERN = re.compile(r"^(ICB|ICP|ICS|ICL)\d{3}$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Provision: the words of the provision that decide whether the document itself must say it
# (see `requires`).
DOC_SECTIONS = ("Requirement", "Provision", "Why", "Fix", "Source")

Check = Callable[[Any, Any], Iterable[Finding | NotApplicable | PassedWithNote]]
F = TypeVar("F", bound=Callable[..., Any])


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
    """A rule pack is malformed (duplicate code, bad code or slug)."""


def discover(package: str = BUILTIN_PACKAGE) -> tuple[RuleSpec, ...]:
    """Import every module of a rule package, in name order, and collect its rules by code."""
    root = importlib.import_module(package)
    modules: list[ModuleType] = [root]
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            modules.append(importlib.import_module(f"{package}.{info.name}"))
    specs = [
        spec
        for module in modules
        for _, value in sorted(vars(module).items())
        if (spec := getattr(value, "icslint_rule", None)) is not None
        and getattr(value, "__module__", None) == module.__name__
    ]
    return validate(specs)


def discover_folder(folder: Path) -> tuple[RuleSpec, ...]:
    """The rules in a local rule pack: every `*.py` module in `folder` not starting with `_`.

    Only folders named in configuration or with `--rules` are loaded: icslint never runs code
    from the working directory on its own initiative.
    """
    if not folder.is_dir():
        raise RuleSetError(f"rule pack {folder.as_posix()}: no such folder")
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
                f"rule pack module {file.as_posix()} failed to load: "
                f"{type(error).__name__}: {error}"
            ) from None
        specs.extend(
            spec
            for _, value in sorted(vars(module).items())
            if (spec := getattr(value, "icslint_rule", None)) is not None
            and getattr(value, "__module__", None) == module.__name__
        )
    return tuple(specs)


def validate(specs: Iterable[RuleSpec]) -> tuple[RuleSpec, ...]:
    by_code: dict[str, RuleSpec] = {}
    slugs: set[str] = set()
    for spec in specs:
        if not CODE_PATTERN.match(spec.code):
            raise RuleSetError(f"{spec.code}: a rule code is three letters and three digits")
        if not SLUG_PATTERN.match(spec.slug):
            raise RuleSetError(f"{spec.code}: slug {spec.slug!r} must be kebab-case")
        if spec.code in by_code or spec.slug in slugs:
            raise RuleSetError(f"{spec.code} [{spec.slug}] is declared twice")
        if spec.applies_to not in (*KINDS, SYSTEM):
            raise RuleSetError(f"{spec.code}: unknown document kind {spec.applies_to!r}")
        known = law.events()
        for event in (spec.in_force, spec.until):
            if event is not None and event not in known:
                raise RuleSetError(
                    f"{spec.code}: unknown event {event!r}; use one of: {', '.join(known)}"
                )
        by_code[spec.code] = spec
        slugs.add(spec.slug)
    return tuple(sorted(by_code.values(), key=lambda s: s.code))
