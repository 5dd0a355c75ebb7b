"""Running rules over documents: findings in, diagnostics out."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from icslint import law, suppressions
from icslint.diagnostics import (
    Diagnostic,
    Finding,
    Loc,
    NotApplicable,
    Outcome,
    PassedWithNote,
    Related,
    Requires,
    Severity,
    Unknown,
    outcome_of,
    yaml_path,
)
from icslint.files import FileTooLarge, PathError, find_files, read_source, unreadable
from icslint.loader import Loaded, decode, load, too_large, tool_diagnostic
from icslint.models import Document
from icslint.placeholders import find_comment_placeholders, find_placeholders
from icslint.printable import printable
from icslint.reading import Unread, file_loc
from icslint.registry import SYSTEM, RuleSpec
from icslint.source import SourceDocument
from icslint.system import System
from icslint.tool_codes import PLACEHOLDER, RULE_CRASHED, TOOL_CODES
from icslint.waivers import matches_file

if TYPE_CHECKING:
    from icslint.settings import Plan


@dataclass(frozen=True)
class CheckedFile:
    """A file that was checked, and the kind of document it declared (None if unreadable)."""

    path: str
    kind: str | None


@dataclass(frozen=True)
class RuleResult:
    """One rule's outcome on one file, with why it did not apply where it did not."""

    path: str
    code: str
    outcome: Outcome
    reason: str = ""
    other_kind: bool = False
    """Not applicable because the rule is for the other kind of document."""
    not_law: bool = False
    """Not applicable because the requirement is not law on the day applied."""

    def as_dict(self) -> dict[str, str]:
        shown = {"code": self.code, "outcome": self.outcome.value}
        if self.reason:
            shown["reason"] = self.reason
        return shown


@dataclass(frozen=True)
class Suppressed:
    """A finding that was not reported because a comment or a waiver suppressed it."""

    diagnostic: Diagnostic
    by: str
    """"comment" (a `# icslint: disable` comment in the file) or "waiver" (in configuration)."""
    reason: str
    where: str
    """The suppressing comment or waiver: `path:line`."""


@dataclass(frozen=True)
class Result:
    """The outcome of checking some files."""

    diagnostics: tuple[Diagnostic, ...]
    checked: tuple[CheckedFile, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    """The rules that were run, tool codes (ICLnnn) included."""
    suppressed: tuple[Suppressed, ...] = ()
    outcomes: tuple[RuleResult, ...] = ()
    """Every rule's outcome on every readable document, in file then code order."""

    @property
    def files(self) -> int:
        return len(self.checked)

    @property
    def breaches(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_breach)

    @property
    def not_stated(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.outcome is Outcome.NOT_STATED)

    @property
    def pending(self) -> tuple[Diagnostic, ...]:
        """What will need to change when measures not yet in force commence."""
        return tuple(d for d in self.diagnostics if d.outcome is Outcome.PENDING)

    def count_suppressed(self, by: str) -> int:
        return sum(1 for s in self.suppressed if s.by == by)

    def count(self, severity: Severity) -> int:
        """Breaches at this severity."""
        return sum(1 for d in self.breaches if d.severity is severity)

    def count_outcome(self, outcome: Outcome) -> int:
        """Rules (once for each file) with this outcome, leaving out rules for the other kind
        of document."""
        return sum(1 for r in self.outcomes if r.outcome is outcome and not r.other_kind)

    def fails(self, fail_on: Severity, fail_on_not_stated: bool = False) -> bool:
        """Whether a breach at or above `fail_on` was found (or, if asked, anything not
        stated)."""
        if fail_on_not_stated and self.not_stated:
            return True
        return any(d.severity.rank >= fail_on.rank for d in self.breaches)


_OUTCOME_ORDER = (Outcome.BREACH, Outcome.NOT_STATED, Outcome.PENDING)


def _lint(
    text: str, path: str, rules: Sequence[RuleSpec], applied: law.LawApplied | None = None
) -> tuple[Loaded, list[Diagnostic], list[RuleResult]]:
    """The validated document (None if the text is not one), its diagnostics, and every
    rule's outcome on it, under the law `applied` (by default, the law in force today). The
    whole-system rules run later, over every document of the run (`with_system_rules`)."""
    applied = applied or law.LawApplied()
    loaded = load(text, path)
    if loaded.source is None:
        return loaded, list(loaded.problems), []
    diagnostics = [*loaded.problems, *_placeholders(loaded.source, text, path)]
    if loaded.document is None:
        return loaded, sorted(diagnostics), []
    document, source = loaded.document, loaded.source
    day = _law_day(document, applied.as_at)
    results: list[RuleResult] = []
    for spec in rules:
        if spec.check is None or spec.applies_to == SYSTEM:
            continue
        not_law = law.not_in_force(spec.in_force, spec.until, day, applied.commencements)
        # A measure of a bill not yet in force is run, when asked, only to show what will need
        # to change when it commences: what it finds is pending, never a breach.
        pending = applied.pending and law.pending_measure(spec.in_force, day, applied.commencements)
        if not_law is not None and not pending and spec.applies_to == document.kind:
            results.append(
                RuleResult(path, spec.code, Outcome.NOT_APPLICABLE, not_law, not_law=True)
            )
            continue
        if spec.applies_to != document.kind:
            results.append(
                RuleResult(
                    path,
                    spec.code,
                    Outcome.NOT_APPLICABLE,
                    f"applies to {spec.applies_to} documents",
                    other_kind=True,
                )
            )
            continue
        try:
            yielded = list(spec.check(document, spec.option_values()))
        except Exception as error:  # a fault in a rule must not hide the other findings
            diagnostics.append(
                tool_diagnostic(
                    RULE_CRASHED,
                    path,
                    1,
                    1,
                    f"{_rule_name(spec)} failed: {type(error).__name__}: {error}",
                )
            )
            continue
        findings = [
            _in_file(item, loaded.unread, loaded.kept, source)
            for item in yielded
            if isinstance(item, Finding)
            # What pending law would say about a part that could not be read is not known.
            and not (pending and _unread_part(file_loc(item.loc, loaded.kept), loaded.unread))
        ]
        found = list(
            dict.fromkeys(_diagnostic(spec, finding, path, source, pending) for finding in findings)
        )
        diagnostics.extend(found)
        outcomes = {d.outcome for d in found}
        skipped = [item.reason for item in yielded if isinstance(item, NotApplicable)]
        if outcomes:
            outcome = next(o for o in _OUTCOME_ORDER if o in outcomes)
            results.append(RuleResult(path, spec.code, outcome, not_law or ""))
        elif not_law is not None:
            # Pending law the document already meets: nothing to change when it commences.
            results.append(
                RuleResult(path, spec.code, Outcome.NOT_APPLICABLE, not_law, not_law=True)
            )
        elif skipped:
            results.append(RuleResult(path, spec.code, Outcome.NOT_APPLICABLE, skipped[0]))
        else:
            notes = [item.note for item in yielded if isinstance(item, PassedWithNote)]
            results.append(RuleResult(path, spec.code, Outcome.PASSED, " ".join(notes)))
    return loaded, sorted(diagnostics), results


def _rule_name(spec: RuleSpec) -> str:
    """A rule as a message about its failure names it: with its pack, if it is not icslint's."""
    return spec.code if spec.pack.kind == "built-in" else f"{spec.code} ({spec.pack})"


def _in_file(
    finding: Finding,
    unread: Sequence[Unread],
    kept: Mapping[Loc, tuple[int, ...]],
    source: SourceDocument,
) -> Finding:
    """A rule's finding at its place in the file. Where the finding is about a part of the file
    that could not be read (ICL002), the rule has not really seen what the document says
    there: the finding becomes a plain "not checked", which is not stated."""
    loc = file_loc(finding.loc, kept)
    part = _unread_part(loc, unread)
    if part is not None:
        line, _ = source.position(part.loc)
        return Unknown(
            part.loc,
            f"Not checked: {yaml_path(part.loc)} (line {line}) could not be read (see the "
            "file problem reported there), so this rule treats it as not stated. Correct it "
            "and check again.",
        )
    return replace(finding, loc=loc) if loc != finding.loc else finding


def _unread_part(loc: Loc, unread: Sequence[Unread]) -> Unread | None:
    """The unread part of the file a finding at `loc` is about, if any."""
    for part in unread:
        inside = loc[: len(part.loc)] == part.loc
        # A finding about what holds an unread item or code ("no seat is the chair's", when
        # one seat's role could not be read) may be wrong too; an unknown key hides nothing.
        holds = (part.whole or part.classifying) and part.loc[: len(loc)] == loc and loc != ()
        if inside or holds:
            return part
    return None


def _diagnostic(
    spec: RuleSpec, finding: Finding, path: str, source: SourceDocument, pending: bool = False
) -> Diagnostic:
    """A rule's finding as the engine judges it: a breach at the rule's severity, or not
    stated (or, for a measure not yet in force, pending) at info."""
    judged = outcome_of(finding.seen, spec.requires or Requires.CONTENT)
    outcome = Outcome.PENDING if pending else judged
    line, column = source.position(finding.loc)
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=spec.code,
        rule=spec.slug,
        severity=spec.severity if outcome is Outcome.BREACH else Severity.INFO,
        level=spec.level,
        message=printable(finding.message),
        citations=spec.citations,
        loc=finding.loc,
        outcome=outcome,
    )


def _placeholders(source: SourceDocument, text: str, path: str) -> list[Diagnostic]:
    found = [
        tool_diagnostic(
            PLACEHOLDER,
            path,
            line,
            column,
            f"{blank}: the value on this line is a stand-in from `icslint init`. Confirm or "
            "correct it, then delete this comment.",
        )
        for line, column, blank in find_comment_placeholders(text)
    ]
    for loc, blank in find_placeholders(source.data):
        line, column = source.position(loc)
        found.append(
            tool_diagnostic(
                PLACEHOLDER,
                path,
                line,
                column,
                f"{blank} is a placeholder from `icslint init`: replace it with the real value.",
                loc,
            )
        )
    return found


@dataclass(frozen=True)
class FileOutcome:
    """One file's diagnostics, with its text (for suppression comments) and document."""

    path: str
    document: Document | None
    text: str
    diagnostics: tuple[Diagnostic, ...]
    results: tuple[RuleResult, ...] = ()
    loaded: Loaded | None = field(default=None, compare=False)
    """What was read of the file, for placing whole-system findings in it."""

    @property
    def kind(self) -> str | None:
        return self.document.kind if self.document is not None else None


def _law_day(document: Document, as_at: law.AsAt | None) -> dt.date:
    """The day whose law applies to a document: the day asked for; with "effective", the first
    day the document could have taken effect (today if it does not say)."""
    if isinstance(as_at, dt.date):
        return as_at
    if as_at == "effective":
        return law.effective_date(document) or dt.date.today()
    return dt.date.today()


def check_file(
    path: Path,
    rules: Sequence[RuleSpec],
    applied: law.LawApplied | None = None,
    max_size: int | None = None,
) -> FileOutcome:
    """Read and check one file. Raises PathError if it cannot be read. A file larger than
    `max_size` bytes (the `max-file-size` setting; by default 5 MB) is ICL001, unread."""
    from icslint.config import DEFAULT_MAX_FILE_SIZE

    shown = path.as_posix()
    limit = DEFAULT_MAX_FILE_SIZE if max_size is None else max_size
    try:
        raw = read_source(path, limit)
    except FileTooLarge as error:
        return FileOutcome(shown, None, "", (too_large(shown, error.size, limit),))
    except OSError as error:
        raise PathError(unreadable(path, error)) from None
    text = decode(raw, shown)
    if isinstance(text, Diagnostic):
        return FileOutcome(shown, None, "", (text,))
    loaded, diagnostics, results = _lint(text, shown, rules, applied)
    return FileOutcome(
        shown, loaded.document, text, tuple(diagnostics), tuple(results), loaded=loaded
    )


def lint_paths(
    paths: Sequence[Path],
    rules: Sequence[RuleSpec],
    plan: Plan | None = None,
    only_documents: bool = False,
    applied: law.LawApplied | None = None,
    progress: Progress | None = None,
) -> Result:
    """Check files and folders under the law `applied` (by default, today's), telling
    `progress` of each file checked. Raises PathError for a path that is missing or
    unreadable."""
    files = find_files(paths, only_documents)
    limit = plan.max_file_size if plan is not None else None
    check = partial(_check_or_stop, rules=rules, applied=applied, limit=limit)
    outcomes = []
    with _workers(len(files)) as pool:
        # Started after the processes, so that none is forked while the display's thread runs.
        if progress is not None:
            progress.start(len(files))
        # In the files' order, whichever process checked each, so the report is the same.
        for outcome in pool.map(check, files) if pool else map(check, files):
            if isinstance(outcome, PathError):
                raise outcome
            outcomes.append(outcome)
            if progress is not None:
                progress.advance()
    return combine(with_system_rules(outcomes, rules, applied), rules, plan)


# Fewer files than this are checked in this process: starting others would cost more.
PARALLEL_FROM = 24


@contextmanager
def _workers(files: int) -> Iterator[Executor | None]:
    """Processes to check many files across the machine's cores; None for a few files, one
    core, or where processes cannot be forked (they inherit the rules already imported)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if files < PARALLEL_FROM or not cores or cores < 2 or "fork" not in get_all_start_methods():
        yield None
        return
    with ProcessPoolExecutor(min(cores, 8), mp_context=get_context("fork")) as pool:
        pool.submit(int).result()  # the processes are forked now, before any other thread
        yield pool


def _check_or_stop(
    path: Path, rules: Sequence[RuleSpec], applied: law.LawApplied | None, limit: int | None
) -> FileOutcome | PathError:
    """check_file, with a path that cannot be read returned (to stop the run in order)."""
    try:
        return check_file(path, rules, applied, limit)
    except PathError as error:
        return error


class Progress(Protocol):
    """What a long run tells whoever shows its progress."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


def with_system_rules(
    outcomes: Sequence[FileOutcome],
    rules: Sequence[RuleSpec],
    applied: law.LawApplied | None = None,
) -> list[FileOutcome]:
    """The files' outcomes with what the whole-system rules found in them: each finding is
    reported in the file it names, with the places in other files it is about."""
    applied = applied or law.LawApplied()
    specs = [spec for spec in rules if spec.applies_to == SYSTEM and spec.check is not None]
    readable = {o.path: o for o in outcomes if o.document is not None and o.loaded is not None}
    if not specs or not readable:
        return list(outcomes)
    system = System.of((o.path, o.document) for o in readable.values() if o.document)
    # The law of the day asked for; with "effective", of today (documents of one system may
    # take effect on different days).
    day = applied.as_at if isinstance(applied.as_at, dt.date) else dt.date.today()
    found: dict[str, list[Diagnostic]] = {path: [] for path in readable}
    results: dict[str, list[RuleResult]] = {path: [] for path in readable}
    for spec in specs:
        not_law = law.not_in_force(spec.in_force, spec.until, day, applied.commencements)
        if not_law is not None:
            for path in readable:
                results[path].append(
                    RuleResult(path, spec.code, Outcome.NOT_APPLICABLE, not_law, not_law=True)
                )
            continue
        assert spec.check is not None
        try:
            yielded = list(spec.check(system, spec.option_values()))
        except Exception as error:  # a fault in a rule must not hide the other findings
            first = next(iter(readable))
            found[first].append(
                tool_diagnostic(
                    RULE_CRASHED,
                    first,
                    1,
                    1,
                    f"{_rule_name(spec)} failed: {type(error).__name__}: {error}",
                )
            )
            continue
        diagnostics = [
            _system_diagnostic(spec, item, readable)
            for item in yielded
            if isinstance(item, Finding) and item.path in readable
        ]
        unplaced = [i for i in yielded if isinstance(i, Finding) and i.path not in readable]
        if unplaced:
            # A whole-system finding must name a file of the run (`path=`): a rule that does
            # not is faulty, and what it found must not be lost.
            first = next(iter(readable))
            found[first].append(
                tool_diagnostic(
                    RULE_CRASHED,
                    first,
                    1,
                    1,
                    f"{_rule_name(spec)} failed: it reported {len(unplaced)} finding(s) without "
                    "naming a file of this run (path=): " + unplaced[0].message,
                )
            )
        for diagnostic in dict.fromkeys(diagnostics):
            found[diagnostic.path].append(diagnostic)
        for path in readable:
            results[path].append(_system_result(spec, path, diagnostics, yielded))
    return [
        replace(
            o,
            diagnostics=tuple(sorted((*o.diagnostics, *found[o.path]))),
            results=(*o.results, *results[o.path]),
        )
        if o.path in readable
        else o
        for o in outcomes
    ]


def _system_diagnostic(
    spec: RuleSpec, finding: Finding, files: Mapping[str, FileOutcome]
) -> Diagnostic:
    """A whole-system finding as a diagnostic in its file, with its places in the others."""
    assert finding.path is not None
    loaded = files[finding.path].loaded
    assert loaded is not None and loaded.source is not None
    placed = _in_file(finding, loaded.unread, loaded.kept, loaded.source)
    related = []
    for path, loc in finding.also:
        other = files[path].loaded if path in files else None
        if other is not None and other.source is not None:
            line, column = other.source.position(file_loc(loc, other.kept))
            related.append(Related(path, line, column))
    return replace(_diagnostic(spec, placed, finding.path, loaded.source), related=tuple(related))


def _system_result(
    spec: RuleSpec,
    path: str,
    diagnostics: Sequence[Diagnostic],
    yielded: Sequence[object],
) -> RuleResult:
    """A whole-system rule's outcome on one file: what it found there or about it, else why it
    did not apply to it, else passed."""
    about = {
        d.outcome for d in diagnostics if d.path == path or path in {r.path for r in d.related}
    }
    if about:
        return RuleResult(path, spec.code, next(o for o in _OUTCOME_ORDER if o in about))
    skipped = [
        item.reason
        for item in yielded
        if isinstance(item, NotApplicable) and item.path in (None, path)
    ]
    if skipped:
        return RuleResult(path, spec.code, Outcome.NOT_APPLICABLE, skipped[0])
    return RuleResult(path, spec.code, Outcome.PASSED)


def combine(
    outcomes: Sequence[FileOutcome], rules: Sequence[RuleSpec], plan: Plan | None
) -> Result:
    """The result of checking these files. With a `plan` (from configuration), ignores,
    suppression comments and waivers are applied, and findings about the suppressions and
    waivers themselves are added."""
    tools: tuple[RuleSpec, ...] = TOOL_CODES
    reported: list[Diagnostic] = []
    suppressed: list[Suppressed] = []
    results: list[RuleResult] = []
    if plan is None:
        reported = [d for outcome in outcomes for d in outcome.diagnostics]
        results = [r for outcome in outcomes for r in outcome.results]
    else:
        tools = tuple(
            replace(s, severity=plan.tool_severity.get(s.code, s.severity)) for s in TOOL_CODES
        )
        ran = {s.code for s in (*TOOL_CODES, *rules)}
        applied = [(outcome, *_apply_plan(outcome, plan, ran)) for outcome in outcomes]
        for _, kept, quiet in applied:
            reported.extend(kept)
            suppressed.extend(quiet)
        for outcome, kept, quiet in applied:
            # A whole-system finding reported in another file is about this one too.
            elsewhere = [d for d in reported if outcome.path in {r.path for r in d.related}]
            hushed = [
                s for s in suppressed if outcome.path in {r.path for r in s.diagnostic.related}
            ]
            results.extend(
                _results_after_plan(outcome, [*kept, *elsewhere], [*quiet, *hushed], plan)
            )
        reported.extend(_policy_filter(plan.waivers.audit(), plan, None))
    return Result(
        diagnostics=tuple(reported),
        checked=tuple(CheckedFile(o.path, o.kind) for o in outcomes),
        rules=(*tools, *rules),
        suppressed=tuple(suppressed),
        outcomes=tuple(results),
    )


def _results_after_plan(
    outcome: FileOutcome, kept: Sequence[Diagnostic], quiet: Sequence[Suppressed], plan: Plan
) -> list[RuleResult]:
    """Each rule's outcome on a file once comments, waivers and ignores have been applied; rules
    the configuration leaves out are not applicable to it."""
    shown = {(d.code, d.outcome) for d in kept}
    hushed = {s.diagnostic.code for s in quiet}
    results: list[RuleResult] = []
    for result in outcome.results:
        if result.outcome in _OUTCOME_ORDER:
            still = next((o for o in _OUTCOME_ORDER if (result.code, o) in shown), None)
            if still is not None:
                result = replace(result, outcome=still)
            elif result.code in hushed:
                result = replace(result, outcome=Outcome.SUPPRESSED)
            else:
                result = replace(
                    result,
                    outcome=Outcome.NOT_APPLICABLE,
                    reason="ignored for this file by the configuration",
                )
        results.append(result)
    if outcome.kind is not None:
        results.extend(
            RuleResult(outcome.path, spec.code, Outcome.NOT_APPLICABLE, "not selected")
            for spec in plan.unselected
            if spec.applies_to in (outcome.kind, SYSTEM)
        )
    return sorted(results, key=lambda r: r.code)


def _apply_plan(
    outcome: FileOutcome, plan: Plan, ran: set[str]
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """One file's findings after suppression comments, waivers and ignores."""
    # A rule that is not law for this file did not run, so a suppression or waiver of it is
    # not unused.
    # Nor is one of a whole-system rule that had nothing to compare this file with.
    system = {spec.code for spec in plan.rules if spec.applies_to == SYSTEM}
    ran_here = ran - {
        r.code
        for r in outcome.results
        if r.not_law or (r.code in system and r.outcome is Outcome.NOT_APPLICABLE)
    }
    comments = suppressions.apply(
        outcome.text, outcome.path, outcome.diagnostics, plan.known_codes, ran_here
    )
    kept, waived = plan.waivers.apply(outcome.path, comments.kept, ran_here)
    quiet = [
        Suppressed(d, "comment", s.reason, f"{outcome.path}:{s.line}")
        for d, s in comments.suppressed
    ] + [Suppressed(d, "waiver", w.waiver.reason, f"{w.where[0]}:{w.where[1]}") for d, w in waived]
    return _policy_filter(kept, plan, outcome.path), quiet


def _policy_filter(
    diagnostics: Sequence[Diagnostic], plan: Plan, path: str | None
) -> list[Diagnostic]:
    """Drop ignored tool codes and per-file ignores; apply configured tool-code severities."""
    ignored = set(plan.ignored_tool_codes)
    if path is not None:
        for pattern, codes in plan.per_file_ignores:
            if matches_file(pattern, path, plan.root):
                ignored |= codes
    return sorted(
        replace(d, severity=plan.tool_severity.get(d.code, d.severity))
        for d in diagnostics
        if d.code not in ignored
    )
