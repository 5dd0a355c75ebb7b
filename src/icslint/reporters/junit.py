"""`--format junit`: JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure).

Each checked file is a test suite and each rule that applies to it a test case, so a CI test
view lists what was checked as well as what failed. A rule with error or warning breaches in a
file fails, with every such finding as `line:col message` in the failure text; a rule whose
only findings are things the document does not state is skipped, with those findings as the
reason; info breaches and suppressed findings do not fail and are recorded as system-out.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import TextIO

from junitparser import Failure, JUnitXml, Skipped, TestCase, TestSuite

from icslint.diagnostics import Diagnostic, Severity
from icslint.engine import Result
from icslint.registry import RuleSpec

ANY_KIND = "any"
"""`applies_to` of icslint's own codes (ICLnnn), which apply to every file."""


def report(result: Result, stream: TextIO) -> None:
    buffer = io.BytesIO()
    as_junit(result).write(buffer, pretty=True)
    stream.write(buffer.getvalue().decode("utf-8"))


def as_junit(result: Result) -> JUnitXml:
    findings: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        findings[d.path, d.code].append(d)
    suppressed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in result.suppressed:
        d = s.diagnostic
        why = f": {s.reason}" if s.reason else ""
        suppressed[d.path, d.code].append(f"{_line(d)} (suppressed by {s.by}{why})")

    kinds = {f.path: f.kind for f in result.checked}
    for path, _ in [*findings, *suppressed]:
        kinds.setdefault(path, None)

    xml = JUnitXml("icslint")
    for path, kind in kinds.items():
        suite = TestSuite(path)
        suite.add_property("kind", kind or "unreadable")
        names = {spec.code: spec.slug for spec in applicable(result.rules, kind)}
        extra = {d.code: d.rule for (p, _), ds in findings.items() if p == path for d in ds}
        extra |= {
            s.diagnostic.code: s.diagnostic.rule
            for s in result.suppressed
            if s.diagnostic.path == path
        }
        for code in sorted(extra.keys() - names.keys()):
            names[code] = extra[code]
        suite.add_testcases(
            [
                _case(path, code, slug, findings[path, code], suppressed[path, code])
                for code, slug in names.items()
            ]
        )
        xml.add_testsuite(suite)
    xml.update_statistics()  # type: ignore[no-untyped-call]  # unannotated in junitparser
    return xml


def applicable(rules: tuple[RuleSpec, ...], kind: str | None) -> list[RuleSpec]:
    """The rules that apply to a file of this kind: icslint's own codes only if None."""
    return [spec for spec in rules if spec.applies_to in (ANY_KIND, kind)]


def _case(
    path: str, code: str, slug: str, found: list[Diagnostic], suppressed: list[str]
) -> TestCase:
    case = TestCase(f"{code} {slug}", classname=path)
    failing = [d for d in found if d.is_breach and d.severity is not Severity.INFO]
    quiet = [d for d in found if not d.is_breach]  # not stated, or pending law
    if failing:
        worst = max(failing, key=lambda d: d.severity.rank)
        failure = Failure(failing[0].message, worst.severity.value)
        failure.text = "\n".join(_line(d) for d in failing)
        case.result = [failure]
    elif quiet:
        skipped = Skipped(f"{quiet[0].outcome.label}: {quiet[0].message}")
        skipped.text = "\n".join(_line(d) for d in quiet)
        case.result = [skipped]
    notes = [f"{_line(d)} (info)" for d in found if d.is_breach and d.severity is Severity.INFO]
    notes += [f"{_line(d)} ({d.outcome.label})" for d in quiet if failing]
    notes += suppressed
    if notes:
        case.system_out = "\n".join(notes)
    return case


def _line(d: Diagnostic) -> str:
    also = "".join(f" (also {place})" for place in d.related)
    return f"{d.line}:{d.column} {d.message}{also}"
