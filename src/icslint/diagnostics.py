"""The value objects that cross the engine boundary: findings, citations and diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

# A location in a document: the same tuple that pydantic uses for errors and that the YAML path
# spells out, for example ("board", "seats", 3, "role").
Loc = tuple[str | int, ...]


class Level(StrEnum):
    """Where a requirement comes from."""

    STATUTE = "statute"
    NHSE_POLICY = "nhse-policy"
    GUIDANCE = "guidance"
    TOOL = "tool"

    @property
    def label(self) -> str:
        """The level as a summary names it: "statute", "NHS England policy"."""
        return {
            "statute": "statute",
            "nhse-policy": "NHS England policy",
            "guidance": "guidance",
            "tool": "file problem",
        }[self.value]


class Severity(StrEnum):
    """How a finding is reported. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Requires(StrEnum):
    """What a rule's provision asks of the document itself.

    `content`: the provision says the constitution or terms of reference must contain, specify,
    provide for or prohibit something, so a document that is silent on it is in breach.
    `conduct`: the provision puts a duty on the body (the ICB, the partnership), which the
    document need not repeat, so silence is only "not stated".
    """

    CONTENT = "content"
    CONDUCT = "conduct"


class Outcome(StrEnum):
    """The result of one rule on one document."""

    BREACH = "breach"
    """The document says something the provision forbids, or leaves out content it requires."""
    NOT_STATED = "not-stated"
    """The document is silent on a fact the rule needs, and need not state it."""
    PASSED = "passed"
    NOT_APPLICABLE = "not-applicable"
    """The rule does not apply: another kind of document, a date, or the configuration."""
    SUPPRESSED = "suppressed"
    """Every finding was suppressed by a comment or waived in configuration."""
    PENDING = "pending"
    """The rule's requirement is not yet in force, and the document will need to change when
    it commences (reported only when pending law is asked for; never a breach)."""

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class Seen(StrEnum):
    """What a rule saw in the document; the engine turns it into an outcome."""

    CONTRADICTION = "contradiction"
    """The document says something the provision forbids: always a breach."""
    MISSING = "missing"
    """The document leaves out something the rule looks for: a breach if the provision
    requires the document to contain it (`requires="content"`), otherwise not stated."""
    UNKNOWN = "unknown"
    """A number or a date the rule needs is not given, so it cannot decide: not stated."""


@dataclass(frozen=True, order=True)
class Citation:
    """The provision a rule enforces: instrument, provision and where it can be read."""

    instrument: str
    provision: str
    url: str

    def as_dict(self) -> dict[str, str]:
        return {"instrument": self.instrument, "provision": self.provision, "url": self.url}

    def __str__(self) -> str:
        return f"{self.instrument}, {self.provision}"


def yaml_path(loc: Loc) -> str:
    """`("board", "seats", 0, "role")` as `board.seats[0].role` (the form waivers use)."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class Finding:
    """What a rule yields: where in the document, and what it saw there.

    Rules yield one of the three kinds below, never a bare Finding, so that every finding says
    whether the document contradicts the provision, leaves something out, or does not give a
    number or a date the rule needs.
    """

    loc: Loc
    message: str
    path: str | None = None
    """For a whole-system rule: the file the finding is in (a rule on one document leaves it
    out)."""
    also: tuple[tuple[str, Loc], ...] = ()
    """For a whole-system rule: the other places, in other files, that the finding is about."""
    seen: ClassVar[Seen] = Seen.CONTRADICTION


@dataclass(frozen=True)
class Contradiction(Finding):
    """The document says something the provision forbids."""

    seen: ClassVar[Seen] = Seen.CONTRADICTION


@dataclass(frozen=True)
class Missing(Finding):
    """The document leaves out something the rule looks for."""

    seen: ClassVar[Seen] = Seen.MISSING


@dataclass(frozen=True)
class Unknown(Finding):
    """The document does not give a number or a date the rule needs to decide."""

    seen: ClassVar[Seen] = Seen.UNKNOWN


@dataclass(frozen=True)
class NotApplicable:
    """Yielded by a rule that does not apply to this document (for example, by its date)."""

    reason: str
    path: str | None = None
    """For a whole-system rule: the one file it does not apply to (None: every file)."""


@dataclass(frozen=True)
class PassedWithNote:
    """Yielded by a rule that passes only because of something the document records, such as
    NHS England's agreement to a departure from its model: the note says what, so the pass can
    be checked."""

    note: str


def outcome_of(seen: Seen, requires: Requires) -> Outcome:
    """How the engine judges what a rule saw: silence is a breach only where the provision
    requires the document itself to say it."""
    if seen is Seen.CONTRADICTION:
        return Outcome.BREACH
    if seen is Seen.MISSING and requires is Requires.CONTENT:
        return Outcome.BREACH
    return Outcome.NOT_STATED


@dataclass(frozen=True, order=True)
class Related:
    """Another place, in another file, that a finding is about."""

    path: str
    line: int
    column: int

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.column}

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A finding with its identity, severity, citations and position, as reporters see it."""

    path: str
    line: int
    column: int
    code: str
    rule: str
    severity: Severity = field(compare=False)
    level: Level = field(compare=False)
    message: str
    citations: tuple[Citation, ...] = field(default=(), compare=False)
    loc: Loc = field(default=(), compare=False)
    outcome: Outcome = field(default=Outcome.BREACH, compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)
    """The other files and lines a whole-system finding is about."""

    @property
    def is_breach(self) -> bool:
        return self.outcome is Outcome.BREACH

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "outcome": self.outcome.value,
            "level": self.level.value,
            "message": self.message,
            "citations": [c.as_dict() for c in self.citations],
            "yaml_path": yaml_path(self.loc),
            "related": [r.as_dict() for r in self.related],
        }
