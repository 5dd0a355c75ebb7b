"""The value objects that cross the engine boundary: findings, citations and diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# A location in a document: the same tuple that pydantic uses for errors and that the YAML path
# spells out, for example ("board", "seats", 3, "role").
Loc = tuple[str | int, ...]


class Level(StrEnum):
    """Where a requirement comes from."""

    STATUTE = "statute"
    NHSE_POLICY = "nhse-policy"
    GUIDANCE = "guidance"
    TOOL = "tool"


class Severity(StrEnum):
    """How a finding is reported. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


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
    """What a rule yields: where in the document, and what is wrong there."""

    loc: Loc
    message: str


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

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "level": self.level.value,
            "message": self.message,
            "citations": [c.as_dict() for c in self.citations],
            "yaml_path": yaml_path(self.loc),
        }
