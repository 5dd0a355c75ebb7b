"""Waivers: findings accepted in configuration, each with a reason, an approver and an expiry.

A waiver names a rule code, a document (path or glob, relative to the configuration file) and
the YAML path of the finding. Until it expires it moves matching findings out of the report and
into the audit record; after it expires the finding comes back, with a note that it expired.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from icslint.config import Waiver
from icslint.diagnostics import Diagnostic, yaml_path
from icslint.loader import tool_diagnostic
from icslint.tool_codes import EXPIRED_WAIVER, UNUSED_WAIVER


@dataclass
class ActiveWaiver:
    waiver: Waiver
    where: tuple[str, int]
    """The configuration file and the line the waiver starts on."""
    used: bool = False
    applied_to_a_file: bool = False


@dataclass
class Waivers:
    """The configured waivers for one run."""

    entries: list[ActiveWaiver] = field(default_factory=list)
    root: Path = Path()
    today: dt.date = dt.date.min

    def apply(
        self, path: str, diagnostics: Sequence[Diagnostic], ran: Collection[str] | None = None
    ) -> tuple[list[Diagnostic], list[tuple[Diagnostic, ActiveWaiver]]]:
        """Split one file's diagnostics into those still reported and those waived. A waiver
        of a rule that did not run on the file (`ran`: the codes that did) was not applied to
        it, so it cannot be called unused."""
        live = [e for e in self.entries if matches_file(e.waiver.file, path, self.root)]
        for matched in live:
            if ran is None or matched.waiver.code.strip().upper() in ran:
                matched.applied_to_a_file = True
        kept: list[Diagnostic] = []
        waived: list[tuple[Diagnostic, ActiveWaiver]] = []
        for diagnostic in diagnostics:
            entry = next((e for e in live if _covers(e.waiver, diagnostic)), None)
            if entry is None or entry.waiver.expires < self.today:
                kept.append(diagnostic)
            else:
                entry.used = True
                waived.append((diagnostic, entry))
        return kept, waived

    def audit(self) -> list[Diagnostic]:
        """Findings about the waivers themselves: expired, or matching nothing."""
        found = []
        for entry in self.entries:
            waiver, (config_path, line) = entry.waiver, entry.where
            subject = f"The waiver of {waiver.code} at {waiver.path} in {waiver.file}"
            if waiver.expires < self.today:
                found.append(
                    tool_diagnostic(
                        EXPIRED_WAIVER,
                        config_path,
                        line,
                        1,
                        f"{subject} (approved by {waiver.approved_by}) expired on "
                        f"{waiver.expires.isoformat()}, so the finding is reported again. Fix "
                        "it, or renew the waiver with a fresh approval and expiry date.",
                    )
                )
            elif not entry.applied_to_a_file and not _exists(waiver.file, self.root):
                found.append(
                    tool_diagnostic(
                        UNUSED_WAIVER,
                        config_path,
                        line,
                        1,
                        f"{subject} names no file that exists. Correct its file (a path or "
                        "glob relative to the configuration file), or remove the waiver.",
                    )
                )
            elif entry.applied_to_a_file and not entry.used:
                found.append(
                    tool_diagnostic(
                        UNUSED_WAIVER,
                        config_path,
                        line,
                        1,
                        f"{subject} matches no finding. Remove it if the finding was fixed, "
                        "or correct its code, file or path.",
                    )
                )
        return found


def _exists(pattern: str, root: Path) -> bool:
    try:
        return any(root.glob(pattern.removeprefix("./")))
    except (ValueError, OSError):  # an absolute or malformed pattern
        return Path(pattern).exists()


def _covers(waiver: Waiver, diagnostic: Diagnostic) -> bool:
    if waiver.code.strip().upper() != diagnostic.code:
        return False
    where = yaml_path(diagnostic.loc)
    wanted = waiver.path.strip()
    return where == wanted or where.startswith((f"{wanted}.", f"{wanted}["))


def matches_file(pattern: str, path: str, root: Path) -> bool:
    """Whether a document path matches a path or glob written relative to `root`."""
    candidate = Path(path)
    try:
        relative = candidate.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        relative = candidate.as_posix()
    pattern = pattern.removeprefix("./")
    return fnmatch.fnmatchcase(relative, pattern) or (
        "/" not in pattern and fnmatch.fnmatchcase(candidate.name, pattern)
    )
