"""`--format gitlab`: a GitLab Code Quality report, shown in merge requests.

A JSON array with one issue per finding (suppressed findings are left out). GitLab compares the
fingerprints of the source and target branches to show which findings a merge request adds or
fixes; they are built from the path, rule code and YAML path (see `fingerprints`), so they do
not change when lines are inserted above a finding. Paths are as given on the command line:
run `icslint check` from the repository root with relative paths, as GitLab expects.
"""

from __future__ import annotations

import json
from typing import TextIO

from icslint.diagnostics import Diagnostic, Outcome, Severity
from icslint.engine import Result
from icslint.reporters.fingerprints import fingerprint, result_fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(result: Result, stream: TextIO) -> None:
    json.dump(as_code_quality(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def as_code_quality(result: Result) -> list[dict[str, object]]:
    reported, _ = result_fingerprints(result)
    issues = []
    for d, fp in zip(result.diagnostics, reported, strict=True):
        issues.append(_issue(d, fp))
        # A whole-system finding is shown on each file it is about, each with its own
        # fingerprint (the widget keeps one issue per fingerprint).
        for number, place in enumerate(d.related, start=1):
            issue = _issue(d, fingerprint(fp, "related", place.path, number))
            issue["location"] = {"path": place.path, "lines": {"begin": place.line}}
            issue["description"] = f"{issue['description']} (reported at {d.path}:{d.line})"
            issues.append(issue)
    return issues


_PREFIX = {Outcome.NOT_STATED: "Not stated: ", Outcome.PENDING: "Pending law: "}


def _issue(d: Diagnostic, fingerprint: str) -> dict[str, object]:
    return {
        # The merge request widget shows only the description: name the rule, and whether the
        # finding is a breach, something the document does not state, or pending law, in it.
        "description": f"{d.code} [{d.rule}] {_PREFIX.get(d.outcome, '')}{d.message}",
        "check_name": d.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[d.severity],
        "location": {"path": d.path, "lines": {"begin": d.line}},
    }
